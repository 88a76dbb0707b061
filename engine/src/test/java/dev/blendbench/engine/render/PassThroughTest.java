package dev.blendbench.engine.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.scene.Fingerprint;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Pass-through groups: structure only. A scene with them renders bit for bit as the same layers
 * without them (each blending with what is below the group, moved by the group's position, hidden
 * with it, not cut to the group's canvas), on every path that renders.
 */
class PassThroughTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);
    private static final BlendMode[] MODES = {BlendMode.SOURCE_OVER, BlendMode.MULTIPLY, BlendMode.SCREEN, BlendMode.OVERLAY,
            BlendMode.SOFT_LIGHT, BlendMode.DIFFERENCE, BlendMode.HUE, BlendMode.DESTINATION_IN, BlendMode.SOURCE_ATOP, BlendMode.XOR,
            BlendMode.COLOR_DODGE};

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    /** A random layer for a w × h canvas (also {@link FadedPassThroughTest}'s): discs or noise, a mode of a spread, sometimes faded, hidden or resampled. */
    static Layer randomLayer(SplittableRandom rnd, String name, int w, int h) {
        int lw = 20 + rnd.nextInt(w / 2), lh = 20 + rnd.nextInt(h / 2);
        Surface px = rnd.nextBoolean() ? TestImages.discs(lw, lh, 1 + rnd.nextInt(4), rnd.nextLong()) : TestImages.random(lw, lh, rnd.nextLong());
        Layer l = new Layer(name, px, rnd.nextInt(-20, w - 10), rnd.nextInt(-20, h - 10), MODES[rnd.nextInt(MODES.length)],
                rnd.nextInt(4) == 0 ? 0.6f : 1f, rnd.nextInt(8) != 0);
        return rnd.nextInt(6) == 0 ? l.withTransform(Transform.place(lw, lh, 0.3, 0.6, 1.1, 9), Filter.BILINEAR) : l;
    }

    /**
     * A random scene (over an opaque photo) with a pass-through group holding a nested pass-through
     * group and an isolated group that itself holds a pass-through group; and the same layers
     * with every pass-through group written out in its place by hand, the oracle.
     */
    private record Pair(Scene withGroups, Scene byHand) {}

    private static Pair scene(long seed, BlendSpace space, boolean hideOuter) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int w = 260, h = 170;
        Layer photo = new Layer("photo", TestImages.random(w, h, seed), 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        // the innermost pass-through group, in canvas coordinates of the group holding it
        List<Layer> deep = List.of(randomLayer(rnd, "d1", w, h), randomLayer(rnd, "d2", w, h));
        int dx = rnd.nextInt(-15, 15), dy = rnd.nextInt(-15, 15);
        Layer deepGroup = Groups.passThrough("deep", new Scene(90, 70, 0, deep, space), dx, dy, true);
        List<Layer> outerKids = List.of(randomLayer(rnd, "o1", w, h), deepGroup, randomLayer(rnd, "o2", w, h));
        int ox = rnd.nextInt(-30, 30), oy = rnd.nextInt(-30, 30);
        Layer outer = Groups.passThrough("outer", new Scene(120, 80, 0, outerKids, space), ox, oy, !hideOuter);
        // an isolated group with a pass-through group in it: inlined within the isolated group, which still cuts
        List<Layer> inPt = List.of(randomLayer(rnd, "i1", 150, 100), randomLayer(rnd, "i2", 150, 100));
        Layer ptInIsolated = Groups.passThrough("pt in isolated", new Scene(60, 50, 0, inPt, space), 7, 5, true);
        Scene isoScene = new Scene(150, 100, 0, List.of(randomLayer(rnd, "i0", 150, 100), ptInIsolated), space);
        Layer iso = Groups.of("isolated", isoScene, 40, 30, BlendMode.MULTIPLY, 0.8f, true);
        Layer top = randomLayer(rnd, "top", w, h);

        List<Layer> flat = new ArrayList<>();
        flat.add(photo);
        flat.add(moved(outerKids.get(0), ox, oy, hideOuter));
        for (Layer d : deep) flat.add(moved(d, ox + dx, oy + dy, hideOuter));
        flat.add(moved(outerKids.get(2), ox, oy, hideOuter));
        List<Layer> isoByHand = new ArrayList<>();
        isoByHand.add(isoScene.layers().getFirst());
        for (Layer l : inPt) isoByHand.add(moved(l, 7, 5, false));
        flat.add(new Layer("isolated", iso.source(), iso.x(), iso.y(), iso.mode(), iso.opacity(), true, null,
                isoScene.withLayers(isoByHand)));
        flat.add(top);
        Scene with = new Scene(w, h, 0xFF102030, List.of(photo, outer, iso, top), space);
        return new Pair(with, with.withLayers(flat));
    }

    private static Layer moved(Layer l, int dx, int dy, boolean hide) {
        Layer m = l.withPosition(l.x() + dx, l.y() + dy);
        return hide ? m.withVisible(false) : m;
    }

    /** {@code s} rendered by {@code r}, whole or only {@code dirty} (null: whole), into a target of a junk colour (what it leaves shows). */
    static Surface render(TileRenderer r, Scene s, Rect dirty) {
        Surface out = Surface.allocate(s.width(), s.height());
        out.fill(0x12345678);
        if (dirty == null) r.render(s, out);
        else r.render(s, out, dirty);
        return out;
    }

    @Test
    void passThroughGroups_renderBitForBitAsTheirLayersInTheirPlace_forEveryThreadCountAndTileSize() {
        for (BlendSpace space : BlendSpace.values()) {
            for (long seed = 1; seed <= 6; seed++) {
                Pair p = scene(seed, space, false);
                int[] expected = render(TileRenderer.singleThreaded(), p.byHand(), null).array();
                for (int threads : new int[] {1, 3}) {
                    for (int[] tile : new int[][] {{4096, 16}, {37, 23}, {64, 64}}) {
                        TileRenderer r = new TileRenderer(POOL, threads, tile[0], tile[1]);
                        assertArrayEquals(expected, render(r, p.withGroups(), null).array(),
                                space + " seed " + seed + ", " + threads + " threads, tile " + tile[0] + "x" + tile[1]);
                    }
                }
                Rect dirty = new Rect(31, 17, 120, 90);
                assertArrayEquals(render(TileRenderer.singleThreaded(), p.byHand(), dirty).array(),
                        render(TileRenderer.singleThreaded(), p.withGroups(), dirty).array(), space + " seed " + seed + ", dirty rect");
            }
        }
    }

    @Test
    void aHiddenPassThroughGroup_hidesItsLayers() {
        for (BlendSpace space : BlendSpace.values()) {
            Pair hidden = scene(9, space, true);
            assertArrayEquals(render(TileRenderer.singleThreaded(), hidden.byHand(), null).array(),
                    render(TileRenderer.singleThreaded(), hidden.withGroups(), null).array(), space.name());
            assertFalse(java.util.Arrays.equals(render(TileRenderer.singleThreaded(), scene(9, space, false).withGroups(), null).array(),
                    render(TileRenderer.singleThreaded(), hidden.withGroups(), null).array()), "hiding the group changes the picture");
        }
    }

    @Test
    void aPassThroughGroupsLayers_blendWithWhatIsBelowIt_whereAnIsolatedGroupsBlendAmongThemselves() {
        Surface grey = Surface.allocate(40, 40);
        grey.fill(0xFF808080);
        Layer multiply = new Layer("multiply", TestImages.random(40, 40, 3), 0, 0, BlendMode.MULTIPLY, 1f, true);
        Scene inside = new Scene(40, 40, 0, List.of(multiply));
        Layer below = new Layer("below", grey, 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        Scene pass = new Scene(40, 40, 0, List.of(below, Groups.passThrough("g", inside, 0, 0, true)));
        Scene isolated = new Scene(40, 40, 0, List.of(below, Groups.of("g", inside, 0, 0, BlendMode.SOURCE_OVER, 1f, true)));
        Scene flat = new Scene(40, 40, 0, List.of(below, multiply));
        int[] p = render(TileRenderer.singleThreaded(), pass, null).array();
        assertArrayEquals(render(TileRenderer.singleThreaded(), flat, null).array(), p);
        assertFalse(java.util.Arrays.equals(p, render(TileRenderer.singleThreaded(), isolated, null).array()),
                "an isolated group's multiply has nothing below it to multiply");
    }

    @Test
    void aPassThroughGroupsLayers_areNotCutToItsCanvas() {
        Layer wide = new Layer("wide", TestImages.random(100, 60, 4), -30, -10, BlendMode.SOURCE_OVER, 1f, true);
        Layer group = Groups.passThrough("small", new Scene(20, 20, 0, List.of(wide)), 40, 30, true);
        Scene s = new Scene(120, 90, 0, List.of(group));
        Scene flat = new Scene(120, 90, 0, List.of(wide.withPosition(10, 20)));
        assertArrayEquals(render(TileRenderer.singleThreaded(), flat, null).array(), render(TileRenderer.singleThreaded(), s, null).array());
    }

    @Test
    void theLinearPaths_renderPassThroughGroupsAsTheirLayersToo() {
        Pair p = scene(12, BlendSpace.LINEAR, false);
        Rect r = new Rect(0, 0, p.withGroups().width(), p.withGroups().height());
        float[] a = new float[4 * r.width() * r.height()], b = new float[a.length];
        TileRenderer.compositeLinear(p.byHand(), r, a);
        TileRenderer.compositeLinear(p.withGroups(), r, b);
        assertArrayEquals(a, b);
        assertArrayEquals(DeepImage.render(p.byHand(), POOL, 3).rgba(), DeepImage.render(p.withGroups(), POOL, 3).rgba());
    }

    @Test
    void inlined_isTheSceneItself_whenItHasNoPassThroughGroup_andRenderingAgainInlinesOnce() {
        Scene plain = new Scene(10, 10, 0, List.of(Layer.of("a", TestImages.random(10, 10, 1))));
        assertSame(plain, plain.inlined());
        Pair p = scene(3, BlendSpace.SRGB, false);
        Scene inlined = p.withGroups().inlined();
        assertFalse(inlined.layers().stream().anyMatch(Layer::isPassThrough));
        assertTrue(inlined.layers().stream().filter(Layer::isGroup).allMatch(l -> l.group().layers().stream().noneMatch(Layer::isPassThrough)));
        assertEquals(p.byHand().layers().size(), inlined.layers().size());
    }

    @Test
    void aPassThroughGroup_hasNoModeOrBackgroundOfItsOwn_andIsNoClippingOne() {
        Layer g = Groups.passThrough("g", new Scene(10, 10, 0, List.of(Layer.of("a", TestImages.random(10, 10, 1)))), 0, 0, true);
        assertTrue(g.isPassThrough());
        assertTrue(g.withOpacity(0.5f).isPassThrough(), "an opacity fades it (see FadedPassThroughTest)");
        assertThrows(IllegalArgumentException.class, () -> g.withMode(BlendMode.MULTIPLY));
        assertThrows(IllegalArgumentException.class, () -> new Scene(10, 10, 0xFF000000, List.of(), BlendSpace.SRGB, false, true));
        assertThrows(IllegalArgumentException.class, () -> new Scene(10, 10, 0, List.of(), BlendSpace.SRGB, true, true));
        assertThrows(IllegalArgumentException.class, () -> Scene.inlinedLayers(Layer.of("base", TestImages.random(10, 10, 2))));
    }

    @Test
    void inAClippingGroup_aPassThroughGroupIsCompositedAsAnIsolatedOne() {
        Surface grey = Surface.allocate(40, 40);
        grey.fill(0xFF808080);
        Layer base = new Layer("base", TestImages.discs(40, 40, 2, 5), 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        Scene inside = new Scene(40, 40, 0, List.of(new Layer("multiply", TestImages.random(40, 40, 6), 0, 0, BlendMode.MULTIPLY, 1f, true)));
        for (boolean asBase : new boolean[] {false, true}) {
            List<Layer> pass = asBase ? List.of(Groups.passThrough("g", inside, 0, 0, true), base)
                    : List.of(base, Groups.passThrough("g", inside, 0, 0, true));
            List<Layer> iso = asBase ? List.of(Groups.of("g", inside, 0, 0, BlendMode.SOURCE_OVER, 1f, true), base)
                    : List.of(base, Groups.of("g", inside, 0, 0, BlendMode.SOURCE_OVER, 1f, true));
            Layer below = new Layer("below", grey, 0, 0, BlendMode.SOURCE_OVER, 1f, true);
            Scene a = new Scene(40, 40, 0, List.of(below, Groups.of("clip", new Scene(40, 40, 0, pass, BlendSpace.SRGB, true), 0, 0,
                    BlendMode.SOURCE_OVER, 1f, true)));
            Scene b = new Scene(40, 40, 0, List.of(below, Groups.of("clip", new Scene(40, 40, 0, iso, BlendSpace.SRGB, true), 0, 0,
                    BlendMode.SOURCE_OVER, 1f, true)));
            assertArrayEquals(render(TileRenderer.singleThreaded(), b, null).array(), render(TileRenderer.singleThreaded(), a, null).array(),
                    asBase ? "as the base" : "clipped");
        }
    }

    @Test
    void theFingerprint_isTheSameJobsWithAndWithoutAPassThroughGroup_andAnIsolatedGroupAnothers() {
        Layer a = new Layer("a", TestImages.random(10, 10, 1), 2, 3, BlendMode.MULTIPLY, 1f, true);
        Scene inside = new Scene(10, 10, 0, List.of(a));
        Scene pass = new Scene(20, 20, 0, List.of(Groups.passThrough("g", inside, 1, 1, true)));
        Scene flat = new Scene(20, 20, 0, List.of(a.withPosition(3, 4)));
        Scene iso = new Scene(20, 20, 0, List.of(Groups.of("g", inside, 1, 1, BlendMode.SOURCE_OVER, 1f, true)));
        assertEquals(Fingerprint.of(flat), Fingerprint.of(pass));
        assertNotEquals(Fingerprint.of(pass), Fingerprint.of(iso));
    }
}

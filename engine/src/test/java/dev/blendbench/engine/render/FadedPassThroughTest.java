package dev.blendbench.engine.render;

import static dev.blendbench.engine.render.PassThroughTest.randomLayer;
import static dev.blendbench.engine.render.PassThroughTest.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.scene.Fingerprint;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
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
 * Pass-through groups below full opacity, as Photoshop fades them: each pixel becomes
 * {@code (1 − o)·b + o·p}, with {@code b} the backdrop below the group and {@code p} what its
 * layers make of it. The oracle renders {@code b} and {@code p} as scenes of their own (the group
 * left out; the group at full opacity, its layers in its place), mixes them per channel here, and
 * composites the layers above the group onto that.
 */
class FadedPassThroughTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);
    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    /** A random document: a photo, layers, a faded pass-through group (layer {@link #GROUP}) holding more, and layers above it. */
    private static Scene scene(long seed, BlendSpace space, float opacity) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int w = 240, h = 150;
        List<Layer> below = List.of(new Layer("photo", TestImages.random(w, h, seed), 0, 0, BlendMode.SOURCE_OVER, 1f, true),
                randomLayer(rnd, "b1", w, h));
        // its layers: a nested pass-through group (full or faded itself) and an isolated one among them
        Layer nested = Groups.passThrough("nested", new Scene(80, 60, 0, List.of(randomLayer(rnd, "n1", w, h), randomLayer(rnd, "n2", w, h)), space),
                rnd.nextInt(-10, 10), rnd.nextInt(-10, 10), true);
        if (rnd.nextBoolean()) nested = nested.withOpacity(0.35f);
        Layer iso = Groups.of("iso", new Scene(90, 70, 0, List.of(randomLayer(rnd, "i1", 90, 70), randomLayer(rnd, "i2", 90, 70)), space),
                rnd.nextInt(0, 100), rnd.nextInt(0, 60), BlendMode.MULTIPLY, 0.9f, true);
        List<Layer> kids = List.of(randomLayer(rnd, "k1", w, h), nested, iso, randomLayer(rnd, "k2", w, h));
        Layer group = Groups.passThrough("group", new Scene(150, 100, 0, kids, space), rnd.nextInt(-20, 40), rnd.nextInt(-20, 30), true)
                .withOpacity(opacity);
        // above: an opaque layer that hides part of the group, and another
        Surface opaque = Surface.allocate(70, 40);
        opaque.fill(0xFF336699);
        List<Layer> all = new ArrayList<>(below);
        all.add(group);
        all.add(new Layer("cover", opaque, rnd.nextInt(0, w - 70), rnd.nextInt(0, h - 40), BlendMode.SOURCE_OVER, 1f, true));
        all.add(randomLayer(rnd, "t1", w, h));
        return new Scene(w, h, 0xFF102030, all, space);
    }

    private static final int GROUP = 2;

    /** The oracle: below and full rendered on their own, mixed here, the layers above composited onto that. */
    private static int[] expected(Scene s) {
        List<Layer> ls = s.layers();
        Layer g = ls.get(GROUP);
        int[] b = render(TileRenderer.singleThreaded(), s.withLayers(ls.subList(0, GROUP)), null).array();
        List<Layer> full = new ArrayList<>(ls.subList(0, GROUP));
        full.add(g.withOpacity(1f).withMask(null));
        int[] p = render(TileRenderer.singleThreaded(), s.withLayers(full), null).array();
        int op = Compositor.opacityToByte(g.opacity());
        Surface faded = Surface.allocate(s.width(), s.height());
        int[] f = faded.array();
        for (int i = 0; i < f.length; i++) {
            int x = i % s.width(), y = i / s.width();
            int k = g.isMasked() ? (int) Math.round(op * g.mask().value(x - g.x(), y - g.y()) / 255.0) : op;
            int v = 0;
            for (int sh = 0; sh < 32; sh += 8) {
                int c = (int) Math.round((k * (p[i] >>> sh & 0xFF) + (255 - k) * (b[i] >>> sh & 0xFF)) / 255.0);
                v |= c << sh;
            }
            f[i] = v;
        }
        List<Layer> above = new ArrayList<>();
        above.add(new Layer("faded", faded, 0, 0, BlendMode.COPY, 1f, true));
        above.addAll(ls.subList(GROUP + 1, ls.size()));
        return render(TileRenderer.singleThreaded(), new Scene(s.width(), s.height(), 0, above), null).array();
    }

    @Test
    void aFadedPassThroughGroup_mixesTheBackdropWithWhatItsLayersMakeOfIt_bitForBit_forEveryThreadCountAndTileSize() {
        for (long seed = 1; seed <= 8; seed++) {
            Scene s = scene(seed, BlendSpace.SRGB, seed % 2 == 0 ? 0.5f : 0.23f);
            int[] want = expected(s);
            for (int threads : new int[] {1, 3}) {
                for (int[] tile : new int[][] {{4096, 16}, {37, 23}, {64, 64}}) {
                    assertArrayEquals(want, render(new TileRenderer(POOL, threads, tile[0], tile[1]), s, null).array(),
                            "seed " + seed + ", " + threads + " threads, tile " + tile[0] + "x" + tile[1]);
                }
            }
            Rect dirty = new Rect(29, 13, 130, 95);
            int[] got = render(TileRenderer.singleThreaded(), s, dirty).array();
            for (int y = dirty.y(); y < dirty.bottom(); y++) {
                for (int x = dirty.x(); x < dirty.right(); x++) {
                    assertEquals(want[y * s.width() + x], got[y * s.width() + x], "seed " + seed + ", dirty rect at " + x + "," + y);
                }
            }
        }
    }

    /** A ramp over part of the group, {@code outside} elsewhere. */
    private static LayerMask ramp(int outside) {
        byte[] v = new byte[90 * 60];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (i % 90 < 10 ? 255 : i % 90 < 20 ? 0 : (i % 90) * 255 / 89);
        return new LayerMask(v, 15, 10, 90, 60, outside, true);
    }

    @Test
    void aMaskedPassThroughGroup_fadesPixelByPixel_byItsOpacityTimesTheMask_bitForBit_forEveryThreadCountAndTileSize() {
        for (long seed = 1; seed <= 6; seed++) {
            float o = seed % 3 == 0 ? 1f : 0.6f;
            Scene plain = scene(seed, BlendSpace.SRGB, o);
            Scene s = plain.withLayer(GROUP, plain.layers().get(GROUP).withMask(ramp(seed % 2 == 0 ? 0 : 255)));
            assertTrue(s.inlined().layers().get(GROUP).isPassThrough(), "masked: not inlined, even at full opacity");
            int[] want = expected(s);
            for (int threads : new int[] {1, 3}) {
                for (int[] tile : new int[][] {{4096, 16}, {37, 23}}) {
                    assertArrayEquals(want, render(new TileRenderer(POOL, threads, tile[0], tile[1]), s, null).array(),
                            "seed " + seed + ", " + threads + " threads, tile " + tile[0] + "x" + tile[1]);
                }
            }
            if (o == 1f) {
                Scene off = s.withLayer(GROUP, s.layers().get(GROUP).withMask(ramp(0).withEnabled(false)));
                assertArrayEquals(render(TileRenderer.singleThreaded(), plain, null).array(), render(TileRenderer.singleThreaded(), off, null).array(),
                        "a mask that is off: the group's layers in its place");
            }
        }
    }

    @Test
    void inLinearLight_aMaskedGroupFadesByItsOpacityTimesTheMask() {
        Scene plain = scene(7, BlendSpace.LINEAR, 0.8f);
        Layer g = plain.layers().get(GROUP).withMask(ramp(0));
        Scene top = plain.withLayers(List.of(plain.layers().get(0), plain.layers().get(1), g));
        Rect r = new Rect(0, 0, top.width(), top.height());
        float[] b = new float[4 * top.width() * top.height()], p = new float[b.length], got = new float[b.length];
        TileRenderer.compositeLinear(top.withLayers(top.layers().subList(0, GROUP)), r, b);
        TileRenderer.compositeLinear(top.withLayer(GROUP, g.withOpacity(1f).withMask(null)), r, p);
        TileRenderer.compositeLinear(top, r, got);
        for (int i = 0; i < b.length; i++) {
            int x = (i / 4) % top.width(), y = (i / 4) / top.width();
            float f = 0.8f * g.mask().value(x - g.x(), y - g.y()) / 255f;
            assertEquals(b[i] + f * (p[i] - b[i]), got[i], 1e-5f, "float " + i);
        }
    }

    @Test
    void inLinearLight_theBackdropIsFadedInFloats_andTheResultIsTheSameForEveryThreadCountAndTileSize() {
        for (long seed = 1; seed <= 4; seed++) {
            Scene s = scene(seed, BlendSpace.LINEAR, 0.4f);
            // the group as the top layer: the float result is b + o·(p − b) exactly as the renderer computes it
            Scene top = s.withLayers(s.layers().subList(0, GROUP + 1));
            Rect r = new Rect(0, 0, s.width(), s.height());
            float[] b = new float[4 * s.width() * s.height()], p = new float[b.length], got = new float[b.length];
            TileRenderer.compositeLinear(top.withLayers(top.layers().subList(0, GROUP)), r, b);
            List<Layer> full = new ArrayList<>(top.layers().subList(0, GROUP));
            full.add(top.layers().get(GROUP).withOpacity(1f).withMask(null));
            TileRenderer.compositeLinear(top.withLayers(full), r, p);
            TileRenderer.compositeLinear(top, r, got);
            for (int i = 0; i < b.length; i++) {
                assertEquals(b[i] + 0.4f * (p[i] - b[i]), got[i], 1e-6f, "seed " + seed + ", float " + i);
            }
            int[] want = render(TileRenderer.singleThreaded(), s, null).array();
            for (int threads : new int[] {1, 3}) {
                for (int[] tile : new int[][] {{4096, 16}, {37, 23}}) {
                    assertArrayEquals(want, render(new TileRenderer(POOL, threads, tile[0], tile[1]), s, null).array(),
                            "seed " + seed + ", " + threads + " threads, tile " + tile[0] + "x" + tile[1]);
                }
            }
            assertArrayEquals(DeepImage.render(s, Runnable::run, 1).rgba(), DeepImage.render(s, POOL, 3).rgba());
        }
    }

    @Test
    void withSourceOverLayersOnly_aFadedPassThroughGroupLooksAsAnIsolatedOneAtItsOpacity() {
        Surface grey = Surface.allocate(60, 40);
        grey.fill(0xFF808080);
        List<Layer> kids = List.of(new Layer("a", TestImages.discs(50, 30, 3, 4), 3, 2, BlendMode.SOURCE_OVER, 1f, true),
                new Layer("b", TestImages.random(30, 30, 5), 20, 5, BlendMode.SOURCE_OVER, 0.7f, true));
        Scene inside = new Scene(60, 40, 0, kids);
        Layer below = new Layer("below", grey, 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        int[] pass = render(TileRenderer.singleThreaded(), new Scene(60, 40, 0, List.of(below,
                Groups.passThrough("g", inside, 0, 0, true).withOpacity(0.45f))), null).array();
        int[] iso = render(TileRenderer.singleThreaded(), new Scene(60, 40, 0, List.of(below,
                Groups.of("g", inside, 0, 0, BlendMode.SOURCE_OVER, 0.45f, true))), null).array();
        for (int i = 0; i < pass.length; i++) {
            for (int sh = 0; sh < 32; sh += 8) {
                assertTrue(Math.abs((pass[i] >>> sh & 0xFF) - (iso[i] >>> sh & 0xFF)) <= 2, "pixel " + i);
            }
        }
    }

    @Test
    void aMultiplyLayerInAFadedPassThroughGroup_stillMultipliesWhatIsBelowTheGroup() {
        Surface grey = Surface.allocate(40, 40);
        grey.fill(0xFF808080);
        Surface dark = Surface.allocate(40, 40);
        dark.fill(0xFF404040);
        Scene inside = new Scene(40, 40, 0, List.of(new Layer("multiply", dark, 0, 0, BlendMode.MULTIPLY, 1f, true)));
        Layer below = new Layer("below", grey, 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        int[] pass = render(TileRenderer.singleThreaded(), new Scene(40, 40, 0, List.of(below,
                Groups.passThrough("g", inside, 0, 0, true).withOpacity(0.5f))), null).array();
        // 0x80 · 0x40 / 255 = 0x20; halfway from 0x80: 0x50
        assertEquals(0xFF505050, pass[0]);
        int[] iso = render(TileRenderer.singleThreaded(), new Scene(40, 40, 0, List.of(below,
                Groups.of("g", inside, 0, 0, BlendMode.SOURCE_OVER, 0.5f, true))), null).array();
        assertEquals(0xFF606060, iso[0], "isolated, the multiply has nothing to multiply: dark at 50 % over grey");
    }

    @Test
    void inAnIsolatedGroup_aFadedPassThroughGroupsLayersAreNotCutToItsCanvas() {
        // its layer reaches past its 20 × 20 canvas on every side; the same group on a canvas that holds it is the oracle
        Layer wide = new Layer("wide", TestImages.random(100, 60, 8), -30, -10, BlendMode.SCREEN, 1f, true);
        Layer small = Groups.passThrough("small", new Scene(20, 20, 0, List.of(wide)), 40, 30, true).withOpacity(0.5f);
        Layer roomy = Groups.passThrough("roomy", new Scene(120, 90, 0, List.of(wide.withPosition(10, 20))), 0, 0, true).withOpacity(0.5f);
        Layer under = new Layer("under", TestImages.discs(120, 90, 3, 9), 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        Scene a = new Scene(120, 90, 0xFF203040, List.of(Groups.of("iso", new Scene(120, 90, 0, List.of(under, small)), 0, 0, BlendMode.MULTIPLY, 0.9f, true)));
        Scene b = new Scene(120, 90, 0xFF203040, List.of(Groups.of("iso", new Scene(120, 90, 0, List.of(under, roomy)), 0, 0, BlendMode.MULTIPLY, 0.9f, true)));
        assertArrayEquals(render(TileRenderer.singleThreaded(), b, null).array(), render(TileRenderer.singleThreaded(), a, null).array());
    }

    @Test
    void atZeroOpacity_orHidden_aPassThroughGroupLeavesTheBackdrop() {
        Scene s = scene(3, BlendSpace.SRGB, 0f);
        List<Layer> without = new ArrayList<>(s.layers());
        without.remove(GROUP);
        int[] want = render(TileRenderer.singleThreaded(), s.withLayers(without), null).array();
        assertArrayEquals(want, render(TileRenderer.singleThreaded(), s, null).array());
        Scene hidden = s.withLayer(GROUP, s.layers().get(GROUP).withOpacity(0.5f).withVisible(false));
        assertArrayEquals(want, render(TileRenderer.singleThreaded(), hidden, null).array());
    }

    @Test
    void inAClippingGroup_aMaskedPassThroughGroupIsAnIsolatedOneEndingInItsMaskInDestinationIn() {
        Layer base = new Layer("base", TestImages.discs(40, 40, 2, 5), 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        Scene inside = new Scene(40, 40, 0, List.of(new Layer("multiply", TestImages.random(40, 40, 6), 0, 0, BlendMode.MULTIPLY, 1f, true)));
        byte[] v = new byte[20 * 20];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (i * 7);
        LayerMask m = new LayerMask(v, 5, 5, 20, 20, 0, true);
        Surface alpha = Surface.allocate(40, 40);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 40; x++) alpha.setPixel(x, y, m.value(x, y) * 0x01010101);
        Scene byHand = inside.withLayers(List.of(inside.layers().getFirst(), new Layer("g (mask)", alpha, 0, 0, BlendMode.DESTINATION_IN, 1f, true)));
        Scene a = new Scene(40, 40, 0, List.of(base, Groups.passThrough("g", inside, 0, 0, true).withOpacity(0.6f).withMask(m)), BlendSpace.SRGB, true);
        Scene b = new Scene(40, 40, 0, List.of(base, Groups.of("g", byHand, 0, 0, BlendMode.SOURCE_OVER, 0.6f, true)), BlendSpace.SRGB, true);
        assertArrayEquals(render(TileRenderer.singleThreaded(), b, null).array(), render(TileRenderer.singleThreaded(), a, null).array());
    }

    @Test
    void inAClippingGroup_aFadedPassThroughGroupIsCompositedAsAnIsolatedOneAtItsOpacity() {
        Layer base = new Layer("base", TestImages.discs(40, 40, 2, 5), 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        Scene inside = new Scene(40, 40, 0, List.of(new Layer("multiply", TestImages.random(40, 40, 6), 0, 0, BlendMode.MULTIPLY, 1f, true)));
        Scene a = new Scene(40, 40, 0, List.of(base, Groups.passThrough("g", inside, 0, 0, true).withOpacity(0.6f)), BlendSpace.SRGB, true);
        Scene b = new Scene(40, 40, 0, List.of(base, Groups.of("g", inside, 0, 0, BlendMode.SOURCE_OVER, 0.6f, true)), BlendSpace.SRGB, true);
        assertArrayEquals(render(TileRenderer.singleThreaded(), b, null).array(), render(TileRenderer.singleThreaded(), a, null).array());
    }

    @Test
    void inlined_keepsAFadedGroup_inTheDocumentsBlendSpace_andItsFingerprintDiffersFromAnIsolatedOnesAndAFullOnes() {
        Scene s = scene(5, BlendSpace.LINEAR, 0.5f);
        Scene in = s.inlined();
        Layer g = in.layers().get(GROUP);
        assertTrue(g.isPassThrough());
        assertEquals(BlendSpace.LINEAR, g.group().blendSpace());
        Scene srgbKids = s.withLayer(GROUP, Groups.passThrough("g", s.layers().get(GROUP).group().withBlendSpace(BlendSpace.SRGB), 0, 0, true)
                .withOpacity(0.5f));
        assertEquals(BlendSpace.LINEAR, srgbKids.inlined().layers().get(GROUP).group().blendSpace(), "its layers blend as the document's do");
        Layer a = new Layer("a", TestImages.random(10, 10, 1), 2, 3, BlendMode.MULTIPLY, 1f, true);
        Scene inside = new Scene(10, 10, 0, List.of(a));
        String faded = Fingerprint.of(new Scene(20, 20, 0, List.of(Groups.passThrough("g", inside, 1, 1, true).withOpacity(0.5f))));
        assertNotEquals(Fingerprint.of(new Scene(20, 20, 0, List.of(Groups.of("g", inside, 1, 1, BlendMode.SOURCE_OVER, 0.5f, true)))), faded);
        assertNotEquals(Fingerprint.of(new Scene(20, 20, 0, List.of(Groups.passThrough("g", inside, 1, 1, true)))), faded);
        assertFalse(Scene.inlinedLayers(in.layers().get(GROUP)).isEmpty());
    }
}

package dev.blendbench.engine.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.race.RaceDetector;
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
 * Group layers: the renderer composites a group's own layers on each render, over each tile's
 * part of the group, and the result is exactly the group's pixels blended as one layer.
 */
class GroupRenderTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    /** A group of mixed layers (a clearing mode, a resampled one, one partly outside the group) of 150×90. */
    private static Scene inner(BlendSpace space) {
        return new Scene(150, 90, 0, List.of(
                new Layer("discs", TestImages.discs(140, 80, 4, 11), 5, 3, BlendMode.SOURCE_OVER, 1f, true),
                new Layer("multiply", TestImages.blocky(100, 70, 12), 40, 10, BlendMode.MULTIPLY, 0.7f, true),
                new Layer("out of the group", TestImages.random(60, 60, 13), 120, -20, BlendMode.SCREEN, 1f, true),
                new Layer("rotated", TestImages.blocky(50, 40, 14), 20, 30, BlendMode.OVERLAY, 1f, true)
                        .withTransform(Transform.place(50, 40, 0.25, 0.5, 0.9, 17), Filter.CATMULL_ROM),
                new Layer("source-in", TestImages.discs(120, 80, 3, 15), 10, 5, BlendMode.SOURCE_IN, 0.9f, true)), space);
    }

    /** A scene with a group (holding a nested group), partly off the canvas, between two layers. */
    private static Scene scene(BlendSpace space) {
        Layer nested = Groups.of("nested", inner(space), 7, 9, BlendMode.HARD_LIGHT, 0.8f, true);
        Scene outer = new Scene(190, 130, 0, List.of(
                new Layer("base", TestImages.discs(190, 130, 5, 16), 0, 0, BlendMode.SOURCE_OVER, 1f, true),
                nested,
                new Layer("over", TestImages.blocky(80, 60, 17), 100, 60, BlendMode.DIFFERENCE, 1f, true)), space);
        return new Scene(300, 200, 0xFF203040, List.of(
                new Layer("photo", TestImages.random(300, 200, 18), 0, 0, BlendMode.SOURCE_OVER, 1f, true),
                Groups.of("group", outer, 140, 95, BlendMode.MULTIPLY, 0.9f, true),
                new Layer("top", TestImages.discs(120, 90, 3, 19), 200, 10, BlendMode.SCREEN, 1f, true)), space);
    }

    /** The same scene with every group drawn from its stored pixels, as a plain layer. */
    private static Scene flattened(Scene s) {
        return s.withLayers(s.layers().stream().map(l -> l.isGroup()
                ? new Layer(l.name(), l.source(), l.x(), l.y(), l.mode(), l.opacity(), l.visible()) : l).toList());
    }

    private static Surface render(TileRenderer r, Scene s) {
        Surface out = Surface.allocate(s.width(), s.height());
        out.fill(0x12345678);
        r.render(s, out);
        return out;
    }

    @Test
    void groupLayer_rendersExactlyAsItsPixelsDoForEveryThreadCountAndTileSize() {
        for (BlendSpace space : BlendSpace.values()) {
            Scene s = scene(space);
            int[] expected = render(TileRenderer.singleThreaded(), flattened(s)).toArray();
            int[][] tiles = {{300, 200}, {7, 5}, {64, 16}, {33, 200}, {4096, 16}};
            for (int threads : new int[] {1, 3}) {
                for (int[] t : tiles) {
                    assertArrayEquals(expected, render(new TileRenderer(POOL, threads, t[0], t[1]), s).toArray(),
                            space + ", " + threads + " threads, tile " + t[0] + "x" + t[1]);
                }
            }
        }
    }

    /** A random group: a random scene of runs (TileRendererTest's), over transparency mostly, at a random place and mode. */
    private static Layer randomGroup(SplittableRandom rnd, int w, int h, int depth) {
        Scene inside = TileRendererTest.randomScene(rnd);
        if (rnd.nextInt(4) != 0) inside = inside.withBackground(0);
        List<Layer> ls = new ArrayList<>(inside.layers());
        if (depth < 2 && rnd.nextBoolean()) {
            ls.add(rnd.nextInt(ls.size() + 1), randomGroup(rnd, inside.width(), inside.height(), depth + 1));
        }
        if (rnd.nextInt(3) == 0) { // resampled: its footprint counts whole
            int lw = 1 + rnd.nextInt(60), lh = 1 + rnd.nextInt(40);
            ls.add(rnd.nextInt(ls.size() + 1), Layer.of("turned", TileRendererTest.runs(rnd, lw, lh)).withTransform(
                    Transform.place(lw, lh, rnd.nextInt(inside.width()) - lw / 2.0 + 0.3, rnd.nextInt(inside.height()) - lh / 2.0,
                            0.5 + rnd.nextDouble(), rnd.nextInt(360)), Filter.BILINEAR));
        }
        inside = inside.withLayers(ls).withClipping(rnd.nextInt(3) == 0); // a clipping group: its layers above the first clipped to it
        BlendMode[] modes = BlendMode.values();
        BlendMode mode = rnd.nextBoolean() ? BlendMode.SOURCE_OVER : modes[rnd.nextInt(modes.length)];
        float opacity = rnd.nextInt(3) == 0 ? rnd.nextInt(101) / 100f : 1f;
        return Groups.of("group", inside, rnd.nextInt(w + inside.width()) - inside.width(),
                rnd.nextInt(h + inside.height()) - inside.height(), mode, opacity, rnd.nextInt(8) != 0);
    }

    /**
     * Differential test of group compositing, its skipping of the group's transparent parts
     * included: random groups of runs (some nested, some over a coloured group background, in
     * every mode) between random layers, at random tile sizes, against the same scene drawn with
     * each group's stored pixels as a plain layer.
     */
    @Test
    void randomGroupsOfRuns_renderAsTheirPixelsDo() {
        SplittableRandom rnd = new SplittableRandom(20261129);
        for (int n = 0; n < 200; n++) {
            Scene base = TileRendererTest.randomScene(rnd);
            List<Layer> ls = new ArrayList<>(base.layers());
            for (int g = 1 + rnd.nextInt(2); g > 0; g--) {
                ls.add(rnd.nextInt(ls.size() + 1), randomGroup(rnd, base.width(), base.height(), 0));
            }
            Scene s = base.withLayers(ls);
            int[] expected = render(TileRenderer.singleThreaded(), flattened(s)).toArray();
            TileRenderer r = new TileRenderer(POOL, 1 + 2 * rnd.nextInt(2), 1 + rnd.nextInt(130), 1 + rnd.nextInt(40));
            assertArrayEquals(expected, render(r, s).toArray(), "scene " + n + " (" + s.width() + "x" + s.height()
                    + "), tiles " + r.tileWidth() + "x" + r.tileHeight() + " on " + r.parallelism());
        }
    }

    @Test
    void groupLayer_isCompositedFromItsLayersOnEachRender_notFromItsStoredPixels() {
        Scene group = new Scene(40, 30, 0, List.of(Layer.of("red", TileRendererTest.opaque(40, 30, 0xFFFF0000))));
        Layer blankPixels = new Layer("group", Surface.allocate(40, 30), 5, 5, BlendMode.SOURCE_OVER, 1f, true, null, group);
        Surface out = render(TileRenderer.singleThreaded(), new Scene(50, 50, 0, List.of(blankPixels)));
        assertEquals(0xFFFF0000, out.getPixel(10, 10));
        assertEquals(0, out.getPixel(2, 2));
    }

    @Test
    void dirtyRectangle_throughAGroup_touchesOnlyThatRectangle() {
        Scene s = scene(BlendSpace.SRGB);
        int[] whole = render(TileRenderer.singleThreaded(), s).toArray();
        Surface out = Surface.allocate(300, 200);
        out.fill(0x12345678);
        Rect dirty = new Rect(150, 100, 61, 47);
        new TileRenderer(POOL, 2, 16, 16).render(s, out, dirty);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int want = dirty.contains(new Rect(x, y, 1, 1)) ? whole[y * 300 + x] : 0x12345678;
                assertEquals(want, out.getPixel(x, y), x + "," + y);
            }
        }
    }

    @Test
    void raceDetector_seesARenderReadTheGroupsLayers_whereTheyAreOnTheirSources() {
        Surface child = TestImages.blocky(40, 30, 21);
        Layer group = Groups.of("g", new Scene(60, 50, 0, List.of(new Layer("child", child, 10, 20, BlendMode.SOURCE_OVER, 1f, true))),
                100, 100, BlendMode.MULTIPLY, 1f, true);
        RaceDetector races = new RaceDetector();
        Scene s = new Scene(300, 200, 0, List.of(group));
        // a dirty rectangle over the child's rows 0..9 and columns 5..14 (canvas 115..125 × 120..130)
        new TileRenderer(Runnable::run, 1, 16, 16, races).render(s, Surface.allocate(300, 200), new Rect(115, 120, 10, 10));
        RaceDetector.Actor writer = races.actor("writer");
        assertFalse(races.write(writer, child, new Rect(0, 10, 40, 20)), "rows the render did not read");
        assertFalse(races.write(writer, group.source(), group.source().bounds()), "the group's stored pixels are not read");
        assertTrue(races.write(writer, child, new Rect(5, 0, 10, 10)), "the render read these pixels of the child");
    }

    @Test
    void fingerprint_tellsGroupsWithTheSamePixelsButOtherLayersApart() {
        Surface red = TileRendererTest.opaque(20, 20, 0xFFFF0000);
        Layer once = Groups.of("g", new Scene(20, 20, 0, List.of(Layer.of("red", red))), 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        Layer twice = Groups.of("g", new Scene(20, 20, 0, List.of(Layer.of("red", red), Layer.of("red again", red))),
                0, 0, BlendMode.SOURCE_OVER, 1f, true);
        assertArrayEquals(once.source().toArray(), twice.source().toArray());
        assertNotEquals(Fingerprint.of(new Scene(20, 20, 0, List.of(once))), Fingerprint.of(new Scene(20, 20, 0, List.of(twice))));
    }

    @Test
    void groupLayer_keepsItsGroupThroughEdits_andBecomesItsPixelsWhenTransformed() {
        Layer g = Groups.of("g", inner(BlendSpace.SRGB), 3, 4, BlendMode.MULTIPLY, 0.5f, true);
        Layer edited = g.withPosition(10, 11).withMode(BlendMode.SCREEN).withOpacity(0.25f).withVisible(false).withName("h");
        assertTrue(edited.isGroup());
        assertEquals(g.group(), edited.group());
        Layer turned = g.withTransform(Transform.rotation(30), Filter.BILINEAR);
        assertFalse(turned.isGroup());
        assertTrue(turned.isTransformed());
        assertThrows(IllegalArgumentException.class, () -> new Layer("bad", g.source(), 0, 0, BlendMode.NORMAL, 1f, true,
                turned.placement(), g.group()));
        assertThrows(IllegalArgumentException.class, () -> new Layer("bad", Surface.allocate(10, 10), 0, 0, BlendMode.NORMAL, 1f,
                true, null, g.group()));
    }
}

package dev.blendbench.engine.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.blend.FloatBlend;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.colour.Srgb;
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

public class TileRendererTest {
    static final ExecutorService POOL = Executors.newFixedThreadPool(8);

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    public static Scene scene() {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("bg", TestImages.random(300, 200, 1), 0, 0, BlendMode.SOURCE_OVER, 1f, true));
        layers.add(new Layer("blocky", TestImages.blocky(250, 150, 2), 40, 30, BlendMode.MULTIPLY, 0.8f, true));
        layers.add(new Layer("off-canvas", TestImages.blocky(120, 120, 3), -50, 130, BlendMode.SCREEN, 1f, true));
        layers.add(new Layer("hidden", TestImages.random(300, 200, 4), 0, 0, BlendMode.CLEAR, 1f, false));
        layers.add(new Layer("hue", TestImages.random(100, 90, 5), 190, -20, BlendMode.HUE, 0.6f, true));
        layers.add(new Layer("over", TestImages.blocky(300, 200, 6), 7, 3, BlendMode.SOURCE_OVER, 1f, true));
        layers.add(new Layer("dst-atop", TestImages.blocky(200, 100, 7), 60, 50, BlendMode.DESTINATION_ATOP, 1f, true));
        layers.add(new Layer("soft", TestImages.random(80, 80, 8), 250, 150, BlendMode.SOFT_LIGHT, 1f, true));
        layers.add(new Layer("opaque over", opaque(150, 100, 0xFF204060), 37, 11, BlendMode.SOURCE_OVER, 1f, true));
        layers.add(new Layer("screen above", TestImages.blocky(120, 100, 9), 60, 40, BlendMode.SCREEN, 1f, true));
        layers.add(new Layer("opaque normal", opaque(200, 70, 0xFF605040), 90, 120, BlendMode.NORMAL, 1f, true));
        layers.add(new Layer("opaque copy", opaque(130, 130, 0xFF10A010), 160, 20, BlendMode.COPY, 1f, true));
        layers.add(new Layer("over copy", TestImages.blocky(300, 200, 10), 0, 0, BlendMode.SOURCE_OVER, 0.5f, true));
        return new Scene(300, 200, 0x80102030, layers);
    }

    static Surface opaque(int w, int h, int argb) {
        Surface s = Surface.allocate(w, h);
        s.fill(argb);
        return s;
    }

    /** Naive oracle: every layer blended over the whole canvas with the canvas model, no tiles. */
    static Surface naive(Scene scene) {
        Surface canvas = Surface.allocate(scene.width(), scene.height());
        canvas.fill(scene.background());
        for (Layer l : scene.layers()) {
            if (!l.visible()) continue;
            Surface full = Surface.allocate(scene.width(), scene.height()); // transparent outside the layer
            Rect r = l.bounds().intersect(scene.bounds());
            if (!r.isEmpty()) {
                full.subView(r).copyFrom(l.source().subView(r.translate(-l.x(), -l.y())));
            }
            Compositor.composite(full, canvas, l.mode(), l.opacity());
        }
        return canvas;
    }

    @Test
    void render_matchesNaiveWholeCanvasCompositing() {
        Scene s = scene();
        Surface out = Surface.allocate(300, 200);
        TileRenderer.singleThreaded().render(s, out);
        assertArrayEquals(naive(s).toArray(), out.toArray());
    }

    @Test
    void render_bitIdenticalForEveryThreadCountAndTileSize() {
        Scene s = scene();
        Surface expected = Surface.allocate(300, 200);
        new TileRenderer(Runnable::run, 1, 300, 200).render(s, expected);
        int[][] tiles = {{1, 1}, {7, 5}, {16, 16}, {64, 64}, {256, 64}, {1000, 3}, {300, 200}};
        for (int threads = 1; threads <= 8; threads++) {
            for (int[] t : tiles) {
                if (t[0] == 1 && threads > 2) continue; // 60 000 one-pixel tiles: twice is enough
                Surface out = Surface.allocate(300, 200);
                out.fill(0x12345678);
                new TileRenderer(POOL, threads, t[0], t[1]).render(s, out);
                assertArrayEquals(expected.toArray(), out.toArray(), threads + " threads, tile " + t[0] + "x" + t[1]);
            }
        }
    }

    /**
     * Layers of soft discs stacked at odd offsets, partly off the canvas, one read through a
     * sub-view (stride wider than the layer): opaque interiors occlude the layers below them with
     * pixel-exact edges, rims are blended, transparent surroundings skipped.
     */
    static Scene discScene() {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.of("photo", opaque(257, 181, 0xFF336699)));
        Surface wide = TestImages.discs(300, 200, 5, 21);
        layers.add(new Layer("sub-view", wide.subView(new Rect(13, 7, 231, 170)), 9, -5, BlendMode.SOURCE_OVER, 1f, true));
        for (int i = 0; i < 6; i++) {
            BlendMode mode = i == 2 ? BlendMode.MULTIPLY : i == 4 ? BlendMode.NORMAL : BlendMode.SOURCE_OVER;
            float opacity = i == 3 ? 0.6f : 1f;
            layers.add(new Layer("discs " + i, TestImages.discs(190 + 7 * i, 150 - 5 * i, 4, 30 + i),
                    -31 + 23 * i, 17 - 9 * i, mode, opacity, true));
        }
        return new Scene(257, 181, 0x40201008, layers);
    }

    @Test
    void render_softDiscsStackedAtOddOffsets_matchNaiveForEveryTileSize() {
        Scene s = discScene();
        Surface expected = naive(s);
        int[][] tiles = {{257, 181}, {3, 2}, {17, 5}, {64, 16}, {100, 61}, {4096, 16}};
        for (int threads : new int[] {1, 3}) {
            for (int[] t : tiles) {
                Surface out = Surface.allocate(257, 181);
                out.fill(0x12345678);
                new TileRenderer(POOL, threads, t[0], t[1]).render(s, out);
                assertArrayEquals(expected.toArray(), out.toArray(), threads + " threads, tile " + t[0] + "x" + t[1]);
            }
        }
    }

    /** Run lengths on both sides of the renderer's thresholds (vector widths, 32-pixel claims, 64-pixel blocks). */
    private static final int[] RUN_LENGTHS = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 66, 127, 128, 129, 200};

    /**
     * Rows of runs, each opaque, transparent, noise or one semi-transparent colour, with lengths
     * from {@link #RUN_LENGTHS}; a row repeats for a random number of rows, so runs line up across
     * tile rows as shapes do. Read through a sub-view of a wider surface one time in three.
     */
    static Surface runs(SplittableRandom rnd, int w, int h) {
        Surface s;
        if (rnd.nextInt(3) == 0) {
            int left = rnd.nextInt(9), top = rnd.nextInt(5);
            s = Surface.allocate(w + left + rnd.nextInt(9), h + top + rnd.nextInt(5)).subView(left, top, w, h);
        } else {
            s = Surface.allocate(w, h);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; ) {
            for (int x = 0; x < w; ) {
                int len = Math.min(w - x, RUN_LENGTHS[rnd.nextInt(RUN_LENGTHS.length)]);
                int kind = rnd.nextInt(4);
                int colour = TestImages.randomPixel(rnd, kind == 0 ? 255 : 128);
                for (int i = x; i < x + len; i++) {
                    row[i] = switch (kind) {
                        case 0, 3 -> colour;
                        case 1 -> 0;
                        default -> TestImages.randomPixel(rnd, rnd.nextInt(256));
                    };
                }
                x += len;
            }
            for (int end = Math.min(h, y + 1 + rnd.nextInt(40)); y < end; y++) {
                for (int x = 0; x < w; x++) s.setPixel(x, y, row[x]);
            }
        }
        return s;
    }

    static Scene randomScene(SplittableRandom rnd) {
        int w = 1 + rnd.nextInt(300), h = 1 + rnd.nextInt(120);
        BlendMode[] modes = BlendMode.values();
        List<Layer> layers = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(8); i > 0; i--) {
            int lw = 1 + rnd.nextInt(w + 40), lh = 1 + rnd.nextInt(h + 20);
            int pick = rnd.nextInt(20);
            BlendMode mode = pick < 11 ? BlendMode.SOURCE_OVER : pick < 13 ? BlendMode.NORMAL : modes[rnd.nextInt(modes.length)];
            float opacity = rnd.nextInt(4) == 0 ? rnd.nextInt(101) / 100f : 1f;
            layers.add(new Layer("runs " + i, runs(rnd, lw, lh), rnd.nextInt(w + lw) - lw, rnd.nextInt(h + lh) - lh,
                    mode, opacity, rnd.nextInt(10) != 0));
        }
        int background = switch (rnd.nextInt(3)) {
            case 0 -> 0;
            case 1 -> TestImages.randomPixel(rnd, 255);
            default -> TestImages.randomPixel(rnd, rnd.nextInt(256));
        };
        return new Scene(w, h, background, layers);
    }

    /**
     * Differential test of coverage, occlusion and span listing: random scenes of runs near every
     * threshold the renderer has, against the naive compositor, whole and through a random dirty
     * rectangle, at random tile sizes on 1 and 3 threads.
     */
    @Test
    void render_randomScenesOfRunsNearTheThresholds_matchNaive() {
        SplittableRandom rnd = new SplittableRandom(20261128);
        for (int n = 0; n < 300; n++) {
            Scene s = randomScene(rnd);
            assertRendersAtRandomTiles(rnd, s, naive(s).toArray(), "scene " + n);
        }
    }

    /**
     * {@code s} rendered at random tile sizes on 1 or 3 threads gives {@code expected}, whole and
     * through a random dirty rectangle (the rest of the picture in place, the rectangle spoiled).
     */
    static void assertRendersAtRandomTiles(SplittableRandom rnd, Scene s, int[] expected, String name) {
        int w = s.width(), h = s.height();
        TileRenderer r = new TileRenderer(POOL, 1 + 2 * rnd.nextInt(2), 1 + rnd.nextInt(130), 1 + rnd.nextInt(40));
        String what = name + " (" + w + "x" + h + ", " + s.layers().size() + " layers), tiles "
                + r.tileWidth() + "x" + r.tileHeight() + " on " + r.parallelism();
        Surface out = Surface.allocate(w, h);
        out.fill(0x12345678);
        r.render(s, out);
        assertArrayEquals(expected, out.toArray(), what);

        int dx = rnd.nextInt(w), dy = rnd.nextInt(h);
        Rect dirty = new Rect(dx, dy, 1 + rnd.nextInt(w - dx), 1 + rnd.nextInt(h - dy));
        Surface partly = Surface.allocate(w, h);
        System.arraycopy(expected, 0, partly.array(), 0, expected.length); // the picture, the dirty rectangle spoiled
        partly.subView(dirty).fill(0x12345678);
        r.render(s, partly, dirty);
        assertArrayEquals(expected, partly.toArray(), what + ", dirty " + dirty);
    }

    /**
     * Naive linear-light oracle: the background and every layer decoded to linear floats over the
     * whole canvas (transparent outside the layer), each blended over all of it by
     * {@link FloatBlend}, encoded once at the end.
     */
    static Surface naiveLinear(Scene scene) {
        int w = scene.width(), h = scene.height();
        float[] acc = new float[4 * w * h], row = new float[4 * w];
        for (int i = 0; i < w * h; i++) Srgb.toLinear(scene.background(), acc, 4 * i);
        for (Layer l : scene.layers()) {
            if (!l.visible()) continue;
            Surface full = Surface.allocate(w, h);
            Rect r = l.bounds().intersect(scene.bounds());
            if (!r.isEmpty()) full.subView(r).copyFrom(l.source().subView(r.translate(-l.x(), -l.y())));
            for (int y = 0; y < h; y++) {
                Srgb.toLinear(full.array(), full.index(0, y), row, 0, w);
                FloatBlend.blend(l.mode(), row, 0, acc, 4 * w * y, w, l.opacity());
            }
        }
        Surface out = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) Srgb.fromLinear(acc, 4 * w * y, out.array(), out.index(0, y), w);
        return out;
    }

    /**
     * Occlusion in linear light: skipping the background and the layers under an opaque layer
     * that replaces them, and taking that layer's own pixels as they are, gives the bits of
     * blending every layer over the whole canvas — random scenes of runs, every mode, a third of
     * them with their top layers in a group (blended as its stored composite), whole and through
     * a dirty rectangle, at random tile sizes.
     */
    @Test
    void render_randomLinearScenes_matchNaiveLinearCompositingBitForBit() {
        SplittableRandom rnd = new SplittableRandom(20261129);
        for (int n = 0; n < 150; n++) {
            Scene s = randomScene(rnd).withBlendSpace(BlendSpace.LINEAR);
            if (n % 3 == 0 && s.layers().size() >= 2) {
                // the top layers in a group, opaque where they are (source-over, full opacity): it occludes too
                int from = rnd.nextInt(s.layers().size() - 1);
                List<Layer> ls = new ArrayList<>(s.layers().subList(0, from));
                Scene inner = new Scene(s.width(), s.height(), 0, s.layers().subList(from, s.layers().size()),
                        rnd.nextBoolean() ? BlendSpace.LINEAR : BlendSpace.SRGB);
                ls.add(Groups.of("group", inner, 0, 0, BlendMode.SOURCE_OVER, 1f, true));
                s = new Scene(s.width(), s.height(), s.background(), ls, BlendSpace.LINEAR);
            }
            assertRendersAtRandomTiles(rnd, s, naiveLinear(s).toArray(), "linear scene " + n);
        }
    }

    @Test
    void render_dirtyRect_touchesOnlyThatRectangle() {
        Scene s = scene();
        TileRenderer r = new TileRenderer(POOL, 4, 64, 32);
        Surface out = Surface.allocate(300, 200);
        r.render(s, out);
        Scene moved = s.withLayer(5, s.layers().get(5).withPosition(20, 10))
                .withLayer(8, s.layers().get(8).withPosition(50, 3));
        Rect dirty = new Rect(5, 2, 150, 77);
        r.render(moved, out, dirty);
        Surface full = Surface.allocate(300, 200);
        r.render(moved, full);
        Surface old = Surface.allocate(300, 200);
        r.render(s, old);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                boolean in = x >= 5 && x < 155 && y >= 2 && y < 79;
                assertEquals((in ? full : old).getPixel(x, y), out.getPixel(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void sourceIn_smallLayer_clearsWholeCanvasOutsideIt() {
        Surface bg = Surface.allocate(50, 50);
        bg.fill(0xFF808080);
        Surface small = Surface.allocate(10, 10);
        small.fill(0xFFFF0000);
        Scene s = new Scene(50, 50, 0, List.of(Layer.of("bg", bg),
                new Layer("in", small, 20, 20, BlendMode.SOURCE_IN, 1f, true)));
        Surface out = Surface.allocate(50, 50);
        new TileRenderer(POOL, 3, 16, 16).render(s, out);
        assertEquals(0, out.getPixel(5, 5), "outside the layer: cleared (canvas model)");
        assertEquals(0xFFFF0000, out.getPixel(25, 25), "inside: source where backdrop was opaque");
    }

    @Test
    void render_manyConcurrentCallers_eachGetTheSameImage() throws Exception {
        Scene s = scene();
        Surface expected = Surface.allocate(300, 200);
        TileRenderer.singleThreaded().render(s, expected);
        TileRenderer shared = new TileRenderer(POOL, 3, 32, 32);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<int[]>> fs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                fs.add(callers.submit(() -> {
                    Surface out = Surface.allocate(300, 200);
                    for (int k = 0; k < 5; k++) shared.render(s, out);
                    return out.toArray();
                }));
            }
            for (var f : fs) assertArrayEquals(expected.toArray(), f.get());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void render_targetOfWrongSize_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TileRenderer.singleThreaded().render(scene(), Surface.allocate(10, 10)));
        assertTrue(e.getMessage().contains("300x200"));
    }

    @Test
    void render_rejectingExecutor_stillCompletesOnCaller() {
        Scene s = scene();
        Surface expected = Surface.allocate(300, 200);
        TileRenderer.singleThreaded().render(s, expected);
        Surface out = Surface.allocate(300, 200);
        new TileRenderer(cmd -> { throw new java.util.concurrent.RejectedExecutionException(); }, 4, 32, 32).render(s, out);
        assertArrayEquals(expected.toArray(), out.toArray());
    }
}

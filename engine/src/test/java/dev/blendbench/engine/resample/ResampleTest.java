package dev.blendbench.engine.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.Srgb;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResampleTest {
    static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    /** A white disc (with a soft, anti-aliased rim) on a fully transparent background. */
    static Surface whiteShape(int w, int h) {
        Surface s = Surface.allocate(w, h);
        double cx = w / 2.0, cy = h / 2.0, r = Math.min(w, h) * 0.35;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                int a = (int) Math.round(Math.clamp(r - d + 0.5, 0, 1) * 255);
                s.setPixel(x, y, a << 24 | a << 16 | a << 8 | a);
            }
        }
        return s;
    }

    /** Fails unless every pixel with any alpha is white once un-premultiplied (≥ 254 each channel). */
    static void assertNoHalo(Surface s, String what) {
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int p = s.getPixel(x, y), a = p >>> 24;
                if (a == 0) continue;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int c = (p >>> shift) & 0xFF;
                    int straight = Math.round(c * 255f / a);
                    if (straight < 254) {
                        throw new AssertionError(what + ": pixel (" + x + ", " + y + ") = "
                                + Integer.toHexString(p) + " un-premultiplies to " + straight);
                    }
                }
            }
        }
        assertTrue(s.isValidPremultiplied(), what);
    }

    @ParameterizedTest
    @EnumSource(Filter.class)
    void whiteShapeOnTransparent_scaledByAnyFactor_hasNoDarkHalo(Filter f) {
        Surface shape = whiteShape(60, 44);
        for (double scale : new double[] {4, 1.5, 0.5, 0.1}) {
            int w = Math.max(1, (int) Math.round(60 * scale)), h = Math.max(1, (int) Math.round(44 * scale));
            assertNoHalo(Resampler.resize(shape, w, h, f), f + " resize ×" + scale);
            assertNoHalo(Resampler.resizeLinear(shape, w, h, f), f + " linear resize ×" + scale);
            for (double deg : new double[] {0, 30}) {
                Layer l = Layer.of("shape", shape).withTransform(Transform.place(60, 44, 3.25, 2.5, scale, deg), f);
                Rect b = l.bounds();
                Scene sc = new Scene(b.right() + 4, b.bottom() + 4, 0, List.of(l));
                Surface out = Surface.allocate(sc.width(), sc.height());
                TileRenderer.singleThreaded().render(sc, out);
                assertNoHalo(out, f + " layer ×" + scale + " rotated " + deg);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Filter.class, names = "NEAREST", mode = EnumSource.Mode.EXCLUDE)
    void onePixelCheckerboard_halvedInLinearLight_isHalfGreyWithinOneStep(Filter f) {
        Surface board = Surface.allocate(64, 48);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) board.setPixel(x, y, ((x + y) & 1) == 0 ? 0xFF000000 : 0xFFFFFFFF);
        }
        Surface half = Resampler.resizeLinear(board, 32, 24, f);
        // every output whose widened kernel lies inside the image (at the border the weights are
        // renormalised over the pixels that exist, which is not a symmetric pair of colours)
        int m = (int) Math.ceil(f.radius()); // the kernel reaches 2·radius source = radius output pixels
        for (int y = m; y < 24 - m; y++) {
            for (int x = m; x < 32 - m; x++) {
                int p = half.getPixel(x, y);
                assertEquals(0xFF, p >>> 24);
                for (int shift = 0; shift <= 16; shift += 8) {
                    double linear = Srgb.toLinear(((p >>> shift) & 0xFF) / 255.0) * 255;
                    assertEquals(127.5, linear, 1.0, f + " at (" + x + ", " + y + "): " + Integer.toHexString(p));
                }
            }
        }
    }

    @Test
    void bilinearEnlarge_interpolatesBetweenPixelCentres() {
        Surface s = Surface.allocate(2, 1);
        s.setPixel(0, 0, 0xFF000000);
        s.setPixel(1, 0, 0xFF646464); // 100
        Surface out = Resampler.resize(s, 4, 1, Filter.BILINEAR);
        int[] expect = {0, 25, 75, 100};
        for (int x = 0; x < 4; x++) assertEquals(expect[x], out.getPixel(x, 0) & 0xFF, "x=" + x);
    }

    @ParameterizedTest
    @EnumSource(Filter.class)
    void flatOpaqueImage_staysExactlyFlat(Filter f) {
        Surface s = Surface.allocate(37, 23);
        s.fill(0xFF3C7AB0);
        for (int[] size : new int[][] {{101, 7}, {5, 60}, {37, 23}, {3, 2}}) {
            Surface out = Resampler.resize(s, size[0], size[1], f);
            for (int p : out.toArray()) assertEquals(0xFF3C7AB0, p, f + " " + size[0] + "x" + size[1]);
        }
    }

    static Scene transformedScene() {
        Surface a = TestImages.random(90, 70, 11), b = TestImages.blocky(120, 80, 12), c = TestImages.random(64, 64, 13);
        return new Scene(300, 200, 0xFF202020, List.of(
                Layer.of("bg", TestImages.blocky(300, 200, 14)),
                Layer.of("up", a).withTransform(Transform.place(90, 70, 10.5, 20.25, 1.7, 0), Filter.LANCZOS3),
                Layer.of("down", b).withMode(BlendMode.MULTIPLY).withOpacity(0.7f)
                        .withTransform(Transform.place(120, 80, 150.3, 5, 0.37, 0), Filter.MITCHELL),
                Layer.of("turned", c).withMode(BlendMode.SCREEN)
                        .withTransform(Transform.place(64, 64, 200, 100, 1.2, 33), Filter.CATMULL_ROM),
                Layer.of("box", a).withTransform(Transform.place(90, 70, -20, 150, 0.6, 0), Filter.BOX),
                Layer.of("nearest", c).withTransform(Transform.place(64, 64, 250, -10, 2, 90), Filter.NEAREST)));
    }

    @Test
    void transformedLayers_renderIdenticallyForEveryTileSizeAndThreadCount() {
        Scene scene = transformedScene();
        Surface expected = Surface.allocate(300, 200);
        new TileRenderer(Runnable::run, 1, 4096, 4096).render(scene, expected);
        for (int[] tile : new int[][] {{1, 1}, {7, 5}, {64, 16}, {4096, 16}, {33, 200}}) {
            for (int threads : new int[] {1, 3}) {
                Surface out = Surface.allocate(300, 200);
                new TileRenderer(POOL, threads, tile[0], tile[1]).render(scene, out);
                assertArrayEquals(expected.toArray(), out.toArray(), tile[0] + "x" + tile[1] + " on " + threads);
            }
        }
        assertTrue(expected.isValidPremultiplied());
    }

    @Test
    void parallelResize_givesTheSamePixelsForEveryParallelism_encodedAndLinear() {
        Surface src = TestImages.random(301, 257, 8);
        for (boolean linear : new boolean[] {false, true}) {
            Surface one = linear ? Resampler.resizeLinear(src, 97, 203, Filter.LANCZOS3) : Resampler.resize(src, 97, 203, Filter.LANCZOS3);
            for (int parallelism : new int[] {1, 2, 3, 8, 64}) {
                Surface many = Resampler.resize(src, 97, 203, Filter.LANCZOS3, linear, POOL, parallelism);
                assertTrue(one.samePixels(many), (linear ? "linear, " : "") + parallelism + " tasks");
            }
        }
    }

    @Test
    void parallelResize_aHelperThatCannotRun_failsTheResize_andABadParallelismIsRefused() {
        Surface src = TestImages.random(64, 300, 9);
        java.util.concurrent.Executor refusing = r -> { throw new java.util.concurrent.RejectedExecutionException("full"); };
        assertThrows(java.util.concurrent.RejectedExecutionException.class,
                () -> Resampler.resize(src, 32, 150, Filter.MITCHELL, false, refusing, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Resampler.resize(src, 32, 150, Filter.MITCHELL, false, POOL, 0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Filter.class)
    void vectorAndScalarPasses_giveIdenticalPixels(Filter f) {
        Surface src = TestImages.random(173, 91, 21);
        for (double scale : new double[] {3.3, 1, 0.41}) {
            Placement p = Placement.of(Transform.place(173, 91, 0.3, 0.6, scale, 0), f, 173, 91);
            AxisWeights h = new AxisWeights(f, scale, 0.3, 173, 0, (int) (173 * scale), false);
            AxisWeights v = new AxisWeights(f, scale, 0.6, 91, 0, (int) (91 * scale), false);
            int w = h.length, ht = v.length;
            int[] scalar = new int[w * ht], vector = new int[w * ht];
            Separable.run(src.array(), 0, 173, h, v, 0, w, 0, ht, scalar, 0, w, false);
            if (dev.blendbench.engine.blend.Compositor.isVectorized()) {
                Separable.run(src.array(), 0, 173, h, v, 0, w, 0, ht, vector, 0, w, true);
                assertArrayEquals(scalar, vector, f + " ×" + scale);
            }
            assertTrue(p.isSeparable());
        }
    }

    @Test
    void fractionalOffset_halfCoversTheEdgeColumn() {
        Surface s = Surface.allocate(4, 4);
        s.fill(0xFFFFFFFF);
        Layer l = Layer.of("l", s).withTransform(Transform.translation(10.5, 0), Filter.BILINEAR);
        Scene sc = new Scene(20, 4, 0, List.of(l));
        Surface out = Surface.allocate(20, 4);
        TileRenderer.singleThreaded().render(sc, out);
        assertEquals(0, out.getPixel(9, 1) >>> 24);
        assertEquals(128, out.getPixel(10, 1) >>> 24, 1);
        assertEquals(255, out.getPixel(12, 1) >>> 24);
        assertEquals(128, out.getPixel(14, 1) >>> 24, 1);
        assertEquals(0, out.getPixel(15, 1) >>> 24);
    }

    @Test
    void wholePixelTranslation_isAPlainOffsetWithoutResampling() {
        Surface s = TestImages.random(8, 8, 3);
        Layer l = Layer.of("l", s).withTransform(Transform.translation(3, -2), Filter.LANCZOS3);
        assertEquals(false, l.isTransformed());
        assertEquals(new Rect(3, -2, 8, 8), l.bounds());
    }

    @Test
    void badValues_areRejectedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Filter.parse("sinc"));
        assertTrue(e.getMessage().contains("'sinc'") && e.getMessage().contains("lanczos3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Transform.scaling(Double.NaN, 1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Transform.place(10, 10, 0, 0, -2, 0));
        assertTrue(e.getMessage().contains("-2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Transform.rotation(Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Transform(1, 0, 0, 0, 1, Double.NaN));
        assertTrue(e.getMessage().contains("m12"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Resampler.resize(Surface.allocate(4, 4), 0, 5, Filter.BOX));
        assertTrue(e.getMessage().contains("0x5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Resampler.resize(Surface.allocate(4, 4), 3, -1, Filter.BOX));
        assertTrue(e.getMessage().contains("3x-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Layer.of("huge", Surface.allocate(4000, 4000)).withTransform(Transform.scaling(1000, 1000), Filter.BILINEAR));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    /**
     * The footprint reported to the race detector is complete: changing any source pixel outside
     * it leaves the sampled rectangle unchanged (brute force over every source pixel).
     */
    @Test
    void sourceFootprint_containsEveryPixelTheSampleReads() {
        Surface src = TestImages.random(23, 17, 31);
        Transform[] ts = {Transform.place(23, 17, 3.5, 2.25, 1.6, 0), Transform.place(23, 17, 1, 1, 0.45, 0),
                Transform.place(23, 17, 5, 4, 1.3, 27)};
        for (Filter f : Filter.values()) {
            for (Transform t : ts) {
                Placement p = Placement.of(t, f, 23, 17);
                Rect b = p.bounds();
                Rect local = new Rect(b.x() + b.width() / 3, b.y() + b.height() / 4, Math.max(1, b.width() / 3), Math.max(1, b.height() / 3));
                Rect fp = p.sourceFootprint(local);
                int n = local.width() * local.height();
                int[] before = new int[n], after = new int[n];
                p.sample(src, local, before, 0, local.width());
                for (int y = 0; y < 17; y++) {
                    for (int x = 0; x < 23; x++) {
                        if (fp.contains(new Rect(x, y, 1, 1))) continue;
                        Surface changed = src.copy();
                        changed.setPixel(x, y, 0xFFFFFFFF ^ (src.getPixel(x, y) & 0x00FFFFFF));
                        p.sample(changed, local, after, 0, local.width());
                        assertArrayEquals(before, after, f + " " + t + ": pixel (" + x + ", " + y + ") outside " + fp);
                    }
                }
            }
        }
    }

    @Test
    void openRaster_keepsTransformedLayersLive_andTheBlendSpace_soTheRenderIsUnchanged() throws Exception {
        Scene scene = transformedScene().withBlendSpace(dev.blendbench.engine.colour.BlendSpace.LINEAR);
        var bytes = new java.io.ByteArrayOutputStream();
        dev.blendbench.engine.document.OpenRaster.write(scene, bytes);
        Scene back = dev.blendbench.engine.document.OpenRaster.read(bytes.toByteArray(), "t.ora",
                dev.blendbench.engine.document.DocumentLimits.DEFAULT).scene();
        assertEquals(dev.blendbench.engine.colour.BlendSpace.LINEAR, back.blendSpace());
        Surface a = Surface.allocate(300, 200), b = Surface.allocate(300, 200);
        TileRenderer.singleThreaded().render(scene, a);
        TileRenderer.singleThreaded().render(back, b);
        assertArrayEquals(a.toArray(), b.toArray());
        assertEquals(scene.layers().stream().filter(Layer::isTransformed).count(), back.layers().stream().filter(Layer::isTransformed).count());
    }

    @Test
    void asPlaced_undoesPlace_andRefusesMapsItCannotDescribe() {
        double[][] cases = {{0, 0, 1, 0}, {100.5, 40.25, 0.5, 30}, {-12.75, 7, 2.25, -170}, {3, 4, 1e-3, 90}, {1e4, -1e4, 7, 359}};
        for (double[] c : cases) {
            double[] p = Transform.place(640, 360, c[0], c[1], c[2], c[3]).asPlaced(640, 360);
            assertEquals(c[0], p[0], 1e-9, "x");
            assertEquals(c[1], p[1], 1e-9, "y");
            assertEquals(c[2], p[2], 1e-12, "scale");
            double turn = Math.IEEEremainder(p[3] - c[3], 360);
            assertEquals(0, turn, 1e-9, "degrees " + p[3] + " for " + c[3]);
        }
        assertEquals(null, new Transform(1, 0.5, 0, 0, 1, 0).asPlaced(10, 10), "a shear");
        assertEquals(null, Transform.scaling(2, 1).asPlaced(10, 10), "unequal scales");
        assertEquals(null, new Transform(-1, 0, 0, 0, 1, 0).asPlaced(10, 10), "a mirror");
    }

    @ParameterizedTest
    @EnumSource(Filter.class)
    void rotatedAndShearedLayers_sampleTheSameBits_withTheVectorLoopAsWithTheScalarOne(Filter f) {
        Surface src = TestImages.random(61, 47, 91);
        Transform[] maps = {Transform.place(61, 47, 3.25, 7.5, 1, 17), Transform.place(61, 47, -4, 2, 0.45, -33),
                Transform.place(61, 47, 10, 10, 2.3, 95), new Transform(0.7, 0.4, 5, -0.2, 1.3, 2), new Transform(-1.1, 0.3, 80, 0.2, 0.9, 1)};
        for (Transform t : maps) {
            Placement p = Placement.of(t, f, 61, 47);
            Rect b = p.bounds();
            int[] scalar = new int[b.width() * b.height()], vector = new int[scalar.length];
            p.general(src, b.x(), b.y(), b.right(), b.bottom(), scalar, 0, b.width(), false);
            p.general(src, b.x(), b.y(), b.right(), b.bottom(), vector, 0, b.width(), true);
            assertArrayEquals(scalar, vector, f + " " + t);
            assertTrue(java.util.Arrays.stream(scalar).anyMatch(v -> v != 0), "something drawn");
        }
    }
}

package dev.blendbench.engine.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.scene.Fingerprint;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
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
 * Pixel masks applied live: a masked layer renders exactly as the same layer whose pixels were
 * scaled by the mask beforehand (the oracle, written here pixel by pixel), on every path.
 */
class LayerMaskTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);
    private static final BlendMode[] MODES = {BlendMode.SOURCE_OVER, BlendMode.MULTIPLY, BlendMode.SCREEN, BlendMode.SOFT_LIGHT,
            BlendMode.HUE, BlendMode.DESTINATION_OUT, BlendMode.COPY, BlendMode.SOURCE_IN};

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    private static LayerMask randomMask(SplittableRandom rnd, int lw, int lh) {
        int w = rnd.nextInt(0, lw + 20), h = rnd.nextInt(0, lh + 20);
        byte[] v = new byte[w * h];
        for (int i = 0; i < v.length; i++) {
            int k = rnd.nextInt(4);
            v[i] = (byte) (k == 0 ? 0 : k == 1 ? 255 : rnd.nextInt(256)); // whole runs hidden and shown, and everything between
        }
        return new LayerMask(v, rnd.nextInt(-10, 10), rnd.nextInt(-10, 10), w, h, rnd.nextBoolean() ? 0 : rnd.nextInt(256), true);
    }

    /** The oracle: canvas pixel (cx, cy) of the layer's own drawing through its mask. */
    private static int maskedBy(LayerMask m, Layer l, int p, int cx, int cy) {
        int v = m.value(cx - l.x(), cy - l.y());
        return Argb.mulDiv255(p >>> 24, v) << 24 | Argb.mulDiv255(p >>> 16 & 0xFF, v) << 16
                | Argb.mulDiv255(p >>> 8 & 0xFF, v) << 8 | Argb.mulDiv255(p & 0xFF, v);
    }

    /** An untransformed masked layer as a plain one whose pixels are the masked ones (over its own rectangle). */
    private static Layer baked(Layer l) {
        Surface s = l.source(), out = Surface.allocate(s.width(), s.height());
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) out.setPixel(x, y, maskedBy(l.mask(), l, s.getPixel(x, y), l.x() + x, l.y() + y));
        }
        return new Layer(l.name(), out, l.x(), l.y(), l.mode(), l.opacity(), l.visible());
    }

    private record Pair(Scene masked, Scene baked) {}

    private static Pair scene(long seed, BlendSpace space) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int w = 220, h = 150;
        List<Layer> masked = new ArrayList<>(), baked = new ArrayList<>();
        Layer photo = new Layer("photo", TestImages.random(w, h, seed), 0, 0, BlendMode.SOURCE_OVER, 1f, true);
        masked.add(photo);
        baked.add(photo);
        for (int i = 0; i < 5; i++) {
            int lw = 30 + rnd.nextInt(120), lh = 30 + rnd.nextInt(90);
            Surface px = i % 2 == 0 ? Surface.filled(lw, lh, 0xFF20A0E0) : TestImages.discs(lw, lh, 2, rnd.nextLong()); // opaque ones too: no occlusion
            Layer l = new Layer("l" + i, px, rnd.nextInt(-20, w - 20), rnd.nextInt(-20, h - 20), MODES[rnd.nextInt(MODES.length)],
                    rnd.nextInt(3) == 0 ? 0.7f : 1f, true).withMask(randomMask(rnd, lw, lh));
            masked.add(l);
            baked.add(baked(l));
        }
        return new Pair(new Scene(w, h, 0xFF405060, masked, space), new Scene(w, h, 0xFF405060, baked, space));
    }

    private static int[] render(TileRenderer r, Scene s) {
        Surface out = Surface.allocate(s.width(), s.height());
        out.fill(0x12345678);
        r.render(s, out);
        return out.array();
    }

    @Test
    void aMaskedLayer_rendersAsItsPixelsScaledByTheMask_forEveryThreadCountTileSizeAndBlendSpace() {
        for (BlendSpace space : BlendSpace.values()) {
            for (long seed = 1; seed <= 6; seed++) {
                Pair p = scene(seed, space);
                int[] expected = render(TileRenderer.singleThreaded(), p.baked());
                for (int threads : new int[] {1, 3}) {
                    for (int[] tile : new int[][] {{4096, 16}, {29, 17}}) {
                        assertArrayEquals(expected, render(new TileRenderer(POOL, threads, tile[0], tile[1]), p.masked()),
                                space + " seed " + seed + ", " + threads + " threads, tile " + tile[0] + "x" + tile[1]);
                    }
                }
            }
        }
    }

    @Test
    void aMaskedLayer_inAGroupOrClipped_rendersAsItsMaskedPixels() {
        for (boolean clipping : new boolean[] {false, true}) {
            Pair p = scene(21, BlendSpace.SRGB);
            Layer g = Groups.of("g", new Scene(220, 150, 0, p.masked().layers(), BlendSpace.SRGB, clipping), 5, 5, BlendMode.MULTIPLY, 0.9f, true);
            Layer gb = Groups.of("g", new Scene(220, 150, 0, p.baked().layers(), BlendSpace.SRGB, clipping), 5, 5, BlendMode.MULTIPLY, 0.9f, true);
            Surface grey = Surface.filled(240, 170, 0xFF808080);
            assertArrayEquals(render(TileRenderer.singleThreaded(), new Scene(240, 170, 0, List.of(Layer.of("grey", grey), gb))),
                    render(new TileRenderer(POOL, 3, 41, 13), new Scene(240, 170, 0, List.of(Layer.of("grey", grey), g))),
                    clipping ? "in a clipping group" : "in a group");
        }
    }

    /** Masks of long runs, hidden and shown whole and between, on opaque source-over layers: what the occlusion pass may use. */
    @Test
    void opaqueMaskedLayers_hideWhatIsBelowOnlyWhereTheirMaskIsWhole() {
        for (BlendSpace space : BlendSpace.values()) {
            for (long seed = 40; seed < 44; seed++) {
                SplittableRandom rnd = new SplittableRandom(seed);
                List<Layer> masked = new ArrayList<>(), baked = new ArrayList<>();
                Layer photo = Layer.of("photo", TestImages.random(200, 120, seed));
                masked.add(photo);
                baked.add(photo);
                for (int i = 0; i < 4; i++) {
                    int lw = 60 + rnd.nextInt(120), lh = 40 + rnd.nextInt(70), mw = lw - 10 + rnd.nextInt(20), mh = lh - 10 + rnd.nextInt(20);
                    byte[] v = new byte[mw * mh];
                    for (int r = 0; r < mh; r++) {
                        for (int c = 0; c < mw; ) { // runs of 1..30 of one value: 255, 0 or between
                            int len = 1 + rnd.nextInt(30), k = rnd.nextInt(3);
                            byte b = (byte) (k == 0 ? 255 : k == 1 ? 0 : rnd.nextInt(1, 255));
                            for (int e = Math.min(mw, c + len); c < e; c++) v[r * mw + c] = b;
                        }
                    }
                    Surface px = i % 2 == 0 ? Surface.filled(lw, lh, 0xFF000000 | rnd.nextInt(1 << 24)) : TestImages.discs(lw, lh, 3, rnd.nextLong());
                    Layer l = new Layer("l" + i, px, rnd.nextInt(-20, 160), rnd.nextInt(-20, 100), i == 3 ? BlendMode.NORMAL : BlendMode.SOURCE_OVER,
                            1f, true).withMask(new LayerMask(v, rnd.nextInt(-8, 8), rnd.nextInt(-8, 8), mw, mh, rnd.nextBoolean() ? 255 : 0, true));
                    masked.add(l);
                    baked.add(baked(l));
                }
                Scene a = new Scene(200, 120, 0xFF102030, masked, space), b = new Scene(200, 120, 0xFF102030, baked, space);
                int[] expected = render(TileRenderer.singleThreaded(), b);
                for (int[] tile : new int[][] {{4096, 16}, {23, 11}}) {
                    assertArrayEquals(expected, render(new TileRenderer(POOL, 3, tile[0], tile[1]), a), space + " seed " + seed + " tile " + tile[0]);
                }
            }
        }
    }

    @Test
    void stretchEnd_coversOnlyValuesOfItsKind_andMovesOnWhereTheFirstIsOfIt() {
        SplittableRandom rnd = new SplittableRandom(51);
        for (int t = 0; t < 200; t++) {
            LayerMask m = randomMask(rnd, 30, 20);
            int lx = rnd.nextInt(-10, 10), ly = rnd.nextInt(-10, 10);
            for (int q = 0; q < 20; q++) {
                int cy = rnd.nextInt(-20, 40), cx = rnd.nextInt(-30, 50), limit = cx + 1 + rnd.nextInt(60);
                for (boolean whole : new boolean[] {true, false}) {
                    int e = m.stretchEnd(cx, cy, lx, ly, limit, whole);
                    String at = "mask " + t + ", (" + cx + ", " + cy + ") to " + limit + (whole ? " whole" : " not whole");
                    boolean first = (m.value(cx - lx, cy - ly) == 255) == whole;
                    assertEquals(first ? e > cx : e == cx, true, at + ": " + e);
                    for (int c = cx; c < e; c++) assertEquals(whole, m.value(c - lx, cy - ly) == 255, at + " at " + c);
                }
            }
        }
    }

    @Test
    void aLayerAsWideAsTheCanvas_isMaskedRowByRow_whereItsSpansRunOnFromRowToRow() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int w : new int[] {60, 7}) {
            Layer l = new Layer("wide", TestImages.random(w, 30, 18), 0, 0, BlendMode.SOURCE_OVER, 1f, true).withMask(randomMask(rnd, w, 30));
            Layer under = Layer.of("under", TestImages.random(w, 30, 19));
            Scene masked = new Scene(w, 30, 0, List.of(under, l)), bakedScene = new Scene(w, 30, 0, List.of(under, baked(l)));
            assertArrayEquals(render(TileRenderer.singleThreaded(), bakedScene), render(TileRenderer.singleThreaded(), masked), "width " + w);
            Scene alone = new Scene(w, 30, 0, List.of(l)); // no layer below: the blends of one row and the next join
            assertArrayEquals(render(TileRenderer.singleThreaded(), new Scene(w, 30, 0, List.of(baked(l)))),
                    render(TileRenderer.singleThreaded(), alone), "alone, width " + w);
        }
    }

    @Test
    void aTransformedLayersMask_liesOnTheCanvas_andScalesItsResampledPixels() {
        Surface src = TestImages.discs(60, 40, 3, 5);
        Layer plain = new Layer("t", src, 30, 20, BlendMode.SOURCE_OVER, 1f, true)
                .withTransform(Transform.place(60, 40, 0.4, 0.3, 1.3, 11), Filter.BILINEAR);
        LayerMask m = randomMask(new SplittableRandom(7), 60, 40);
        Scene without = new Scene(140, 110, 0, List.of(plain));
        Scene with = new Scene(140, 110, 0, List.of(plain.withMask(m)));
        int[] a = render(TileRenderer.singleThreaded(), without), b = render(TileRenderer.singleThreaded(), with);
        for (int y = 0; y < 110; y++) {
            for (int x = 0; x < 140; x++) assertEquals(maskedBy(m, plain, a[y * 140 + x], x, y), b[y * 140 + x], "(" + x + ", " + y + ")");
        }
    }

    @Test
    void aDisabledMask_drawsNothing_andTheFingerprintSaysSo() {
        Layer l = new Layer("l", TestImages.random(50, 40, 3), 3, 4, BlendMode.SCREEN, 1f, true);
        LayerMask m = randomMask(new SplittableRandom(9), 50, 40);
        Scene none = new Scene(60, 50, 0xFF000000, List.of(l)), off = none.withLayers(List.of(l.withMask(m.withEnabled(false)))),
                on = none.withLayers(List.of(l.withMask(m)));
        assertArrayEquals(render(TileRenderer.singleThreaded(), none), render(TileRenderer.singleThreaded(), off));
        assertFalse(java.util.Arrays.equals(render(TileRenderer.singleThreaded(), none), render(TileRenderer.singleThreaded(), on)));
        assertEquals(Fingerprint.of(none), Fingerprint.of(off));
        assertNotEquals(Fingerprint.of(none), Fingerprint.of(on));
    }

    @Test
    void scaled_isMulDiv255OnEveryChannel_forEveryValueAndChannel() {
        for (int c = 0; c <= 255; c++) {
            for (int v = 0; v <= 255; v++) {
                int[] ch = {c, 255 - c, c >> 1, c * 7 & 255};
                int p = ch[0] << 24 | ch[1] << 16 | ch[2] << 8 | ch[3];
                int expected = Argb.mulDiv255(ch[0], v) << 24 | Argb.mulDiv255(ch[1], v) << 16
                        | Argb.mulDiv255(ch[2], v) << 8 | Argb.mulDiv255(ch[3], v);
                if (expected != LayerMask.scaled(p, v)) {
                    assertEquals(Integer.toHexString(expected), Integer.toHexString(LayerMask.scaled(p, v)), "channels " + c + ", value " + v);
                }
            }
        }
    }

    @Test
    void aMask_needsValuesForItsRectangle() {
        assertThrows(IllegalArgumentException.class, () -> new LayerMask(new byte[5], 0, 0, 2, 3, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new LayerMask(new byte[0], 0, 0, 0, 0, 256, true));
    }

    /**
     * A masked isolated group renders as its composite through the mask, blended as one layer: the
     * oracle is that composite made once, masked, and placed as a plain layer with the group's mode
     * and opacity. Nested, clipping, in both blend spaces, and for several threads and tilings.
     */
    @Test
    void anIsolatedGroupsMask_scalesItsCompositeOnEveryRender() {
        for (BlendSpace space : BlendSpace.values()) {
            for (boolean clipping : new boolean[] {false, true}) {
                Pair p = scene(41, space);
                byte[] v = new byte[150 * 100];
                for (int i = 0; i < v.length; i++) v[i] = (byte) (i % 150 < 40 ? 0 : (i % 150) * 255 / 149);
                LayerMask m = new LayerMask(v, 20, 10, 150, 100, clipping ? 255 : 0, true);
                Layer g = Groups.of("g", new Scene(220, 150, 0, p.baked().layers(), space, clipping), 5, 5, BlendMode.MULTIPLY, 0.9f, true);
                Layer masked = g.withMask(m);
                Layer baked = new Layer("g", m.drawn(g.source()), 5, 5, BlendMode.MULTIPLY, 0.9f, true);
                Surface bg = TestImages.random(240, 170, 42);
                Scene withMask = new Scene(240, 170, 0, List.of(Layer.of("bg", bg), masked), space);
                Scene byHand = new Scene(240, 170, 0, List.of(Layer.of("bg", bg), baked), space);
                Surface want = Surface.allocate(240, 170);
                TileRenderer.singleThreaded().render(byHand, want);
                for (int[] tile : new int[][] {{4096, 16}, {37, 23}}) {
                    Surface got = Surface.allocate(240, 170);
                    new TileRenderer(POOL, 3, tile[0], tile[1]).render(withMask, got);
                    assertArrayEquals(want.array(), got.array(), space + (clipping ? ", clipping" : "") + ", tile " + tile[0] + "x" + tile[1]);
                }
                Surface off = Surface.allocate(240, 170), plain = Surface.allocate(240, 170);
                TileRenderer.singleThreaded().render(withMask.withLayer(1, masked.withMask(m.withEnabled(false))), off);
                TileRenderer.singleThreaded().render(withMask.withLayer(1, g), plain);
                assertArrayEquals(plain.array(), off.array(), "a mask that is off draws nothing");
            }
        }
    }

    @Test
    void theLinearPaths_drawMaskedLayersThroughTheirMasksToo() {
        Pair p = scene(31, BlendSpace.LINEAR);
        Rect r = new Rect(0, 0, 220, 150);
        float[] a = new float[4 * 220 * 150], b = new float[a.length];
        TileRenderer.compositeLinear(p.baked(), r, a);
        TileRenderer.compositeLinear(p.masked(), r, b);
        assertArrayEquals(a, b);
    }
}

package dev.blendbench.engine.blend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Clipping groups (a {@link Scene#clipping() clipping} scene): each layer above the base blends
 * with its mode and opacity only within the base's pixels. Checked against the float64 oracle
 * written from the W3C spec — source-atop with blending for the blend modes — and by what must
 * hold whatever the arithmetic: an opaque base clips nothing, a transparent one shows nothing.
 */
class ClippingTest {
    private static final int W = 61, H = 37;

    /** Random premultiplied pixels, a third of them transparent or opaque, the rest of any alpha. */
    private static Surface pixels(SplittableRandom rnd) {
        Surface s = Surface.allocate(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int k = rnd.nextInt(6);
                s.setPixel(x, y, TestImages.randomPixel(rnd, k == 0 ? 0 : k == 1 ? 255 : rnd.nextInt(256)));
            }
        }
        return s;
    }

    private static int[] render(Scene s) {
        Surface out = Surface.allocate(s.width(), s.height());
        TileRenderer.singleThreaded().render(s, out);
        return out.array();
    }

    /** A scene of one clipping group at 100 %, source-over: the base, and {@code clipped} above it. */
    private static Scene clipGroup(Surface base, Layer clipped, BlendSpace space) {
        Scene inside = new Scene(W, H, 0, List.of(Layer.of("base", base), clipped), space, true);
        return new Scene(W, H, 0, List.of(Groups.of("clip", inside, 0, 0, BlendMode.SOURCE_OVER, 1f, true)), space);
    }

    /**
     * Within 1/255 of the oracle in source-over and normal (composited as source-atop, one
     * kernel), within 2/255 in every other mode: the clipped result is made from the mode's own
     * 8-bit result (itself within 1/255, and rounded once more for an opacity below 100 %) and
     * that result's alpha, with one more rounding, as any 8-bit pipeline of two steps rounds
     * twice (a group composited, then blended, does too).
     */
    @Test
    void aClippedLayer_inEveryMode_isSourceAtopWithBlending_within2Of255() {
        SplittableRandom rnd = new SplittableRandom(20261129);
        double worst = 0, worstOperator = 0;
        for (BlendMode mode : BlendMode.values()) {
            for (float opacity : new float[] {1f, 0.6f, 0.5f, 0.03f}) {
                Surface base = pixels(rnd), top = pixels(rnd);
                int[] got = render(clipGroup(base, new Layer("top", top, 0, 0, mode, opacity, true), BlendSpace.SRGB));
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int b = base.getPixel(x, y), s = top.getPixel(x, y);
                        double[] want = atop(mode, s, b, opacity);
                        int g = got[y * W + x];
                        for (int c = 0; c < 4; c++) {
                            double err = Math.abs((g >>> (24 - 8 * c) & 0xFF) - want[c] * 255);
                            worst = Math.max(worst, err);
                            boolean operator = mode.family() == BlendMode.Family.PORTER_DUFF && mode != BlendMode.SOURCE_OVER;
                            if (operator) worstOperator = Math.max(worstOperator, err);
                            else worst = Math.max(worst, err);
                            boolean plain = mode == BlendMode.SOURCE_OVER || mode == BlendMode.NORMAL; // source-atop's own kernel
                            assertTrue(err <= (plain ? 1 + 1e-9 : 2), String.format("%s at %.2f: source %08x over base %08x gave %08x, channel %d wants %.3f",
                                    mode.cssName(), opacity, s, b, g, c, want[c] * 255));
                        }
                    }
                }
            }
        }
        System.out.println("clipping: worst error " + worst + "/255, operators " + worstOperator);
        assertTrue(worst > 0.4, "the comparison saw rounding: " + worst);
    }

    /**
     * The oracle: with {@code x} the layer composited over the base by the spec (source-over with
     * blending, or the Porter-Duff operator), {@code αb·x + (1 − αx)·b}, alpha {@code αb}. For a
     * blend mode that is the spec's source-atop: {@code αs·αb·Cs' + (1 − αs)·cb}.
     */
    private static double[] atop(BlendMode mode, int src, int backdrop, double opacity) {
        double[] x = ReferenceBlend.composite(mode, src, backdrop, opacity);
        double ab = (backdrop >>> 24) / 255.0;
        double[] out = {ab, 0, 0, 0};
        for (int c = 1; c < 4; c++) out[c] = ab * x[c] + (1 - x[0]) * (backdrop >>> (24 - 8 * c) & 0xFF) / 255.0;
        if (mode.family() != BlendMode.Family.PORTER_DUFF || mode == BlendMode.SOURCE_OVER) {
            // the same, as the spec writes source-atop: the source term of source-over, cut by αb
            double as = (src >>> 24) / 255.0 * opacity;
            for (int c = 1; c < 4; c++) {
                double cb = (backdrop >>> (24 - 8 * c) & 0xFF) / 255.0;
                assertEquals(ab * (x[c] - (1 - as) * cb) + (1 - as) * cb, out[c], 1e-9);
            }
        }
        return out;
    }

    /**
     * Over an opaque base a clipped layer composites as it would unclipped: bit for bit in a blend
     * mode (the cut changes nothing where the backdrop is opaque), within 1/255 in source-over,
     * which the source-atop kernel composites (bit for bit in linear light, in floats).
     */
    @Test
    void anOpaqueBase_clipsNothing_andATransparentOneShowsNothing_inBothBlendSpaces() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (BlendSpace space : BlendSpace.values()) {
            for (BlendMode mode : new BlendMode[] {BlendMode.SOURCE_OVER, BlendMode.MULTIPLY, BlendMode.SOFT_LIGHT, BlendMode.HUE}) {
                Layer top = new Layer("top", pixels(rnd), 3, -2, mode, 0.7f, true);
                Surface opaque = Surface.allocate(W, H);
                opaque.fill(0xFF336699);
                Scene clip = clipGroup(opaque, top, space);
                Scene plain = clip.withLayers(List.of(Groups.of("plain", clip.layers().getFirst().group().withClipping(false), 0, 0,
                        BlendMode.SOURCE_OVER, 1f, true)));
                int[] want = render(plain), got = render(clip);
                if (mode == BlendMode.SOURCE_OVER && space == BlendSpace.SRGB) {
                    // composited by the source-atop kernel, which rounds its own way: within 1/255 of source-over's
                    for (int k = 0; k < want.length; k++) {
                        for (int sh = 0; sh < 32; sh += 8) {
                            assertTrue(Math.abs((want[k] >>> sh & 0xFF) - (got[k] >>> sh & 0xFF)) <= 1, "pixel " + k);
                        }
                    }
                } else {
                    assertArrayEquals(want, got, space + ", " + mode.cssName() + ": over an opaque base, bit for bit");
                }
                int[] none = render(clipGroup(Surface.allocate(W, H), top, space));
                assertArrayEquals(new int[W * H], none, space + ", " + mode.cssName() + ": nothing outside the base");
            }
        }
    }

    @Test
    void inLinearLight_aClippedLayerKeepsTheBasesAlpha_andItsColourWithinIt() {
        SplittableRandom rnd = new SplittableRandom(11);
        Surface base = pixels(rnd), top = pixels(rnd);
        int[] got = render(clipGroup(base, new Layer("top", top, 0, 0, BlendMode.MULTIPLY, 0.8f, true), BlendSpace.LINEAR));
        for (int i = 0; i < got.length; i++) {
            int b = base.array()[i];
            assertEquals(b >>> 24, got[i] >>> 24, "alpha of pixel " + i);
            for (int sh = 0; sh < 24; sh += 8) assertTrue((got[i] >>> sh & 0xFF) <= (got[i] >>> 24), "premultiplied " + i);
        }
    }

    @Test
    void theFixUp_givesBackAnUntouchedPixel_neverExceedsTheBacksAlpha_andIsTheSameInVectors() {
        SplittableRandom rnd = new SplittableRandom(3);
        int[] b = new int[4096], x = new int[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = TestImages.randomPixel(rnd, rnd.nextInt(256));
            x[i] = i % 7 == 0 ? b[i] : TestImages.randomPixel(rnd, rnd.nextInt(256));
        }
        int[] out = x.clone(), vector = x.clone();
        PorterDuffKernels.clipToBackdrop(b, 0, out, 0, out.length);
        if (Compositor.isVectorized()) {
            VectorPorterDuffKernels.clipToBackdrop(b, 0, vector, 0, vector.length);
            assertArrayEquals(out, vector, "the vector loop gives the scalar one's bits");
        }
        for (int i = 0; i < b.length; i++) {
            if (x[i] == b[i]) assertEquals(b[i], out[i]);
            assertEquals(b[i] >>> 24, out[i] >>> 24);
            for (int sh = 0; sh < 24; sh += 8) assertTrue((out[i] >>> sh & 0xFF) <= (out[i] >>> 24));
        }
    }

    /** Runs 40 to 120 pixels long across each row, transparent, opaque or of any alpha: what the renderer skips and copies by. */
    private static Surface runs(SplittableRandom rnd, int w, int h) {
        Surface s = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; ) {
                int len = 40 + rnd.nextInt(81), kind = rnd.nextInt(3);
                for (int e = Math.min(w, x + len); x < e; x++) {
                    s.setPixel(x, y, kind == 0 ? 0 : TestImages.randomPixel(rnd, kind == 1 ? 255 : rnd.nextInt(256)));
                }
            }
        }
        return s;
    }

    /**
     * Where the base is transparent nothing is composited (the renderer skips it as if occluded):
     * the result there is transparent exactly, and elsewhere what the oracle says; on any tiles,
     * in both blend spaces (linear light: the base's alpha, exactly).
     */
    @Test
    void whereTheBaseIsTransparentInLongRuns_theGroupIsTransparent_andElsewhereAsTheOracleSays() {
        SplittableRandom rnd = new SplittableRandom(29);
        int w = 400, h = 30;
        for (BlendMode mode : new BlendMode[] {BlendMode.SOURCE_OVER, BlendMode.MULTIPLY, BlendMode.COLOR_DODGE, BlendMode.HUE, BlendMode.COPY}) {
            Surface base = runs(rnd, w, h), top = runs(rnd, w + 20, h);
            Layer clipped = new Layer("top", top, -10, 0, mode, 0.8f, true);
            for (BlendSpace space : BlendSpace.values()) {
                Scene inside = new Scene(w, h, 0, List.of(Layer.of("base", base), clipped), space, true);
                Scene s = new Scene(w, h, 0, List.of(Groups.of("clip", inside, 0, 0, BlendMode.SOURCE_OVER, 1f, true)), space);
                int[] whole = render(s);
                for (int[] tile : new int[][] {{37, 7}, {4096, 16}, {128, 1}}) {
                    Surface out = Surface.allocate(w, h);
                    new TileRenderer(Runnable::run, 1, tile[0], tile[1]).render(s, out);
                    assertArrayEquals(whole, out.array(), space + ", " + mode.cssName() + ", tiles " + tile[0] + "x" + tile[1]);
                }
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int b = base.getPixel(x, y), g = whole[y * w + x];
                        assertEquals(b >>> 24, g >>> 24, space + ", " + mode.cssName() + ": alpha at " + x + "," + y);
                        if (b == 0) assertEquals(0, g, "transparent where the base is");
                        if (space == BlendSpace.SRGB && b != 0) {
                            double[] want = atop(mode, top.getPixel(x + 10, y), b, 0.8);
                            for (int c = 1; c < 4; c++) {
                                assertEquals(want[c] * 255, g >>> (24 - 8 * c) & 0xFF, 2, mode.cssName() + " at " + x + "," + y);
                            }
                        }
                    }
                }
            }
        }
    }
}

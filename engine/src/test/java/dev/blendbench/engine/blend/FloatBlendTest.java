package dev.blendbench.engine.blend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The linear-light path's float blend of every mode against the float64 W3C reference
 * ({@link ReferenceBlend}), over random premultiplied pixels with transparent, opaque and
 * in-between alphas and three opacities: within a tenth of a 16-bit step (the linear path promises
 * at least 16 bits a channel). Where a mode jumps (hard-mix's threshold, vivid-light's halves,
 * darker-color's comparison, a division by a near-zero alpha), float32 rounding may land on the
 * other side: such a result must then equal the reference at an input within float precision.
 */
class FloatBlendTest {
    static final double TOLERANCE = 0.1 / 65535;
    static final int SAMPLES = 40_000;

    /** A premultiplied pixel: alpha often exactly 0 or 1, colours anywhere up to alpha, sometimes at 0 or alpha. */
    static float[] pixel(SplittableRandom rnd) {
        int kind = rnd.nextInt(8);
        float a = kind == 0 ? 0f : kind == 1 ? 1f : (float) rnd.nextDouble();
        float[] p = {a, 0, 0, 0};
        for (int c = 1; c < 4; c++) {
            int edge = rnd.nextInt(10);
            p[c] = edge == 0 ? 0f : edge == 1 ? a : (float) (rnd.nextDouble() * a);
        }
        return p;
    }

    static double[] widen(float[] p) {
        return new double[] {p[0], p[1], p[2], p[3]};
    }

    static double distance(float[] got, double[] want) {
        double d = 0;
        for (int c = 0; c < 4; c++) d = Math.max(d, Math.abs(got[c] - want[c]));
        return d;
    }

    /** True if the reference at some input within a few float ulps of the given one gives {@code got}. */
    static boolean matchesNearby(BlendMode mode, float[] src, float[] dst, float opacity, float[] got) {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int t = 0; t < 2_000; t++) {
            double[] s = widen(src), d = widen(dst);
            for (int c = 0; c < 4; c++) {
                s[c] = Math.max(0, s[c] + (rnd.nextInt(9) - 4) * 6e-8);
                d[c] = Math.max(0, d[c] + (rnd.nextInt(9) - 4) * 6e-8);
            }
            if (distance(got, ReferenceBlend.composite(mode, s, d, opacity)) <= TOLERANCE) return true;
        }
        return false;
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void everyMode_matchesTheFloat64Reference_withinATenthOfA16BitStep(BlendMode mode) {
        SplittableRandom rnd = new SplittableRandom(mode.ordinal() * 7919L + 1);
        float[] opacities = {1f, 0.37f, 0f};
        int jumps = 0;
        for (int i = 0; i < SAMPLES; i++) {
            float[] src = pixel(rnd), dst = pixel(rnd);
            float opacity = opacities[i % opacities.length];
            float[] got = dst.clone();
            FloatBlend.blend(mode, src, 0, got, 0, 1, opacity);
            double[] want = ReferenceBlend.composite(mode, widen(src), widen(dst), opacity);
            if (distance(got, want) <= TOLERANCE) continue;
            assertTrue(matchesNearby(mode, src, dst, opacity, got),
                    mode + ": src " + java.util.Arrays.toString(src) + " over " + java.util.Arrays.toString(dst)
                            + " at opacity " + opacity + " gave " + java.util.Arrays.toString(got) + ", the reference "
                            + java.util.Arrays.toString(want) + " (" + distance(got, want) * 65535 + " 16-bit steps)");
            jumps++;
        }
        assertTrue(jumps < SAMPLES / 1000, mode + ": " + jumps + " results only matched at a nearby input");
    }

    /**
     * The separable modes run in passes over chunks (straight colours, then the mode's own loop,
     * then the sum): the same bits as the formula taken a pixel at a time, over runs longer than a
     * chunk, with transparent and opaque pixels and every opacity kind among them. (Normal is
     * source-over's loop, not these.)
     */
    @ParameterizedTest
    @EnumSource(value = BlendMode.class, names = {"MULTIPLY", "SCREEN", "OVERLAY", "DARKEN", "LIGHTEN", "COLOR_DODGE",
            "COLOR_BURN", "HARD_LIGHT", "SOFT_LIGHT", "DIFFERENCE", "EXCLUSION", "LINEAR_BURN", "LINEAR_DODGE", "VIVID_LIGHT",
            "LINEAR_LIGHT", "PIN_LIGHT", "HARD_MIX", "SUBTRACT", "DIVIDE"})
    void separableModes_inChunks_giveTheBitsOfThePixelAtATimeFormula(BlendMode mode) {
        SplittableRandom rnd = new SplittableRandom(mode.ordinal());
        int n = 700, off = 8; // three chunks and a part, not from the arrays' start
        float[] src = new float[4 * n + off], dst = new float[4 * n + off];
        for (int i = off; i < src.length; i += 4) {
            pixel(rnd, src, i);
            pixel(rnd, dst, i);
        }
        for (float opacity : new float[] {1f, 0.37f, 0f}) {
            float[] want = dst.clone(), got = dst.clone();
            for (int p = 0; p < n; p++) {
                int s = off + 4 * p;
                float as = src[s] * opacity, ab = want[s];
                for (int c = 1; c < 4; c++) {
                    float cs = src[s + c] * opacity, cb = want[s + c];
                    float b = FloatBlend.separable(mode, ab == 0 ? 0 : cb / ab, as == 0 ? 0 : cs / as);
                    want[s + c] = cs * (1 - ab) + cb * (1 - as) + as * ab * b;
                }
                want[s] = as + ab * (1 - as);
            }
            FloatBlend.blend(mode, src, off, got, off, n, opacity);
            org.junit.jupiter.api.Assertions.assertArrayEquals(want, got, 0f, mode + " at opacity " + opacity);
        }
    }

    /** A premultiplied pixel: transparent, opaque or in between, its colour at most its alpha. */
    private static void pixel(SplittableRandom rnd, float[] a, int i) {
        float alpha = switch (rnd.nextInt(4)) {
            case 0 -> 0f;
            case 1 -> 1f;
            default -> rnd.nextFloat();
        };
        a[i] = alpha;
        for (int c = 1; c < 4; c++) a[i + c] = rnd.nextInt(8) == 0 ? alpha : alpha * rnd.nextFloat();
    }
}

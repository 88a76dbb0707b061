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
}

package dev.blendbench.engine.blend;

/**
 * Loops for the separable blend modes, one per mode so that each is a monomorphic, branch-light
 * loop the JIT can unroll and vectorise.
 *
 * <p>All arithmetic is on 8-bit premultiplied values {@code cs, cb} and alphas {@code as, ab}
 * (0..255). With {@code Cs = cs/as} and {@code Cb = cb/ab}, the W3C compositing of a blend
 * function B with source-over is
 * <pre>  co·255² = cs·(255 − ab) + cb·(255 − as) + X,   X = as·ab·B(Cb, Cs)</pre>
 * and X is rewritten without division wherever B allows it (multiply: {@code X = cs·cb}; screen:
 * {@code as·cb + ab·cs − cs·cb}; ...), so most modes are exact up to the final rounding. Modes
 * whose B divides (dodge, burn, divide, soft-light, vivid-light) compute X in float.
 */
final class SeparableKernels {
    private SeparableKernels() {}

    private static final float INV_255 = 1f / 255f;

    /** round(x / 255) for 0 ≤ x ≤ 65025, exact. */
    static int div255(int x) {
        int t = x + 128;
        return (t + (t >>> 8)) >>> 8;
    }

    /**
     * Final 8-bit channel: {@code round((cs·(255−ab) + cb·(255−as) + x) / 255)}, at most alpha out.
     * The sum is co·255², so one division by 255 gives the 8-bit channel.
     */
    static int channel(int cs, int cb, int as, int ab, int x, int ao) {
        return Math.min(ao, div255(cs * (255 - ab) + cb * (255 - as) + x));
    }

    /** Keeps a float division by a zero or negative denominator finite: see the float modes. */
    static final float TINY = 1e-20f;

    /**
     * TINY's bits, for the vector loops. Java's float min and max take five instructions each
     * for their NaN and −0.0 rules; on non-negative floats, and against a positive bound, the int
     * order of the bits is the float order (negative floats are negative ints), so one int min or
     * max gives the same value as {@code Math.min}/{@code Math.max}.
     */
    static final int TINY_BITS = Float.floatToRawIntBits(TINY);

    /** 2²³: adding it to 0 ≤ y < 2²³ leaves round(y) in the low 23 bits of the float's bits. */
    static final float ROUND = 8388608f;

    /**
     * As {@link #channel(int, int, int, int, int, int)} for the float modes, all in float lanes:
     * {@code cs·(255 − ab) + (cb·(255 − as) + X)} with two fused multiply-adds (both products are
     * integers below 2¹⁶, exact in float), raised to 0 if a rounding error took it below (the
     * non-separable modes), then {@code v/255} rounded to nearest by a third one
     * that adds {@link #ROUND} (cheaper in vector lanes than a float-to-int conversion, which
     * Java must check for NaN and overflow). The vector loops do the same operations in the same
     * order, so both give the same bits.
     */
    static int floatChannel(float cs, float cb, float ias, float iab, float x, int ao) {
        float v = Math.max(0f, Math.fma(cs, iab, Math.fma(cb, ias, x)));
        return Math.min(ao, Float.floatToRawIntBits(Math.fma(v, INV_255, ROUND)) & 0x7FFFFF);
    }

    /**
     * X for hard-light with the deciding channel {@code (k, ak)}: multiply(Cb, 2Cs) when
     * 2·k ≤ ak, else screen(Cb, 2Cs − 1). Overlay passes the backdrop as the deciding channel.
     */
    static int hardLight(int k, int ak, int cs, int cb, int as, int ab) {
        int m = (ak - 2 * k) >> 31; // -1 where the screen branch applies
        int lo = 2 * cs * cb;
        int hi = 2 * ab * cs + 2 * as * cb - as * ab - 2 * cs * cb;
        return (lo & ~m) | (hi & m);
    }

    static int pinLight(int cs, int cb, int as, int ab, int aa) {
        int m = (as - 2 * cs) >> 31;
        int lo = Math.min(as * cb, 2 * ab * cs);
        int hi = Math.max(as * cb, 2 * ab * cs - aa);
        return (lo & ~m) | (hi & m);
    }

    /*
     * The float modes' X, branch-free: every case of the spec's definition falls out of one
     * division whose denominator is raised to TINY when it is zero or negative (a zero numerator
     * then gives 0, any other gives a quotient far above as·ab, so the clamp to as·ab picks the
     * spec's value). All arguments are small integers held exactly in float; as2 = as².
     */

    /** B = min(1, Cb / (1 − Cs)), 0 when Cb = 0: X = min(as·ab, as²·cb / (as − cs)). */
    static float colorDodge(float cs, float cb, float as, float ab, float aa, float as2) {
        return Math.min(aa, as2 * cb / Math.max(as - cs, TINY));
    }

    /** B = 1 − min(1, (1 − Cb) / Cs), 1 when Cb = 1: X = as·ab − min(as·ab, as²·(ab − cb) / cs). */
    static float colorBurn(float cs, float cb, float as, float ab, float aa, float as2) {
        return aa - Math.min(aa, as2 * Math.max(ab - cb, 0f) / Math.max(cs, TINY));
    }

    /** Photoshop's divide, B = min(1, Cb / Cs), 0 when Cb = 0: X = min(as·ab, as²·cb / cs). */
    static float divide(float cs, float cb, float as, float ab, float aa, float as2) {
        return Math.min(aa, as2 * cb / Math.max(cs, TINY));
    }

    /**
     * Photoshop's vivid-light: color-burn(Cb, 2·Cs) where Cs ≤ ½, else color-dodge(Cb, 2·Cs − 1);
     * one division, its terms chosen by the branch.
     */
    static float vividLight(float cs, float cb, float as, float ab, float aa, float as2) {
        boolean burn = 2f * cs <= as;
        float num = burn ? as2 * Math.max(ab - cb, 0f) : as2 * cb;
        float den = burn ? 2f * cs : 2f * (as - cs);
        float m = Math.min(aa, num / Math.max(den, TINY));
        return burn ? aa - m : m;
    }

    /**
     * The W3C soft-light, written as {@code B = Cb + (2·Cs − 1)·E} with {@code E = Cb·(1 − Cb)}
     * where Cs ≤ ½, else {@code D(Cb) − Cb} ({@code D = ((16·Cb − 12)·Cb + 4)·Cb} for Cb ≤ ¼, else
     * {@code √Cb}). Scaled by as·ab, with premultiplied {@code cs = as·Cs}, {@code cb = ab·Cb}:
     * {@code X = as·cb + ab·(2·cs − as)·E}, so only the backdrop is un-premultiplied
     * ({@code rab = 1/max(ab, TINY)}, which makes X = 0 where ab = 0; the factor 2·cs − as makes it
     * 0 where as = 0).
     */
    static float softLight(float cs, float cb, float as, float ab, float rab) {
        float b = cb * rab, m = Math.fma(cs, 2f, -as);
        float dd = b <= 0.25f ? Math.fma(Math.fma(b, 16f, -12f), b, 4f) * b : (float) Math.sqrt(b);
        float e = m > 0f ? dd - b : b * (1f - b);
        return Math.fma(ab * m, e, as * cb);
    }

    static void multiply(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = cs * cb;
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = cs * cb;
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = cs * cb;
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void screen(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = as * cb + ab * cs - cs * cb;
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = as * cb + ab * cs - cs * cb;
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = as * cb + ab * cs - cs * cb;
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void overlay(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = hardLight(cb, ab, cs, cb, as, ab);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = hardLight(cb, ab, cs, cb, as, ab);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = hardLight(cb, ab, cs, cb, as, ab);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void hardLight(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = hardLight(cs, as, cs, cb, as, ab);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = hardLight(cs, as, cs, cb, as, ab);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = hardLight(cs, as, cs, cb, as, ab);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void darken(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = Math.min(as * cb, ab * cs);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = Math.min(as * cb, ab * cs);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = Math.min(as * cb, ab * cs);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void lighten(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = Math.max(as * cb, ab * cs);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = Math.max(as * cb, ab * cs);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = Math.max(as * cb, ab * cs);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void difference(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = Math.abs(as * cb - ab * cs);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = Math.abs(as * cb - ab * cs);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = Math.abs(as * cb - ab * cs);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void exclusion(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = as * cb + ab * cs - 2 * cs * cb;
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = as * cb + ab * cs - 2 * cs * cb;
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = as * cb + ab * cs - 2 * cs * cb;
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void linearBurn(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = Math.max(0, as * cb + ab * cs - aa);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = Math.max(0, as * cb + ab * cs - aa);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = Math.max(0, as * cb + ab * cs - aa);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void linearDodge(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = Math.min(aa, as * cb + ab * cs);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = Math.min(aa, as * cb + ab * cs);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = Math.min(aa, as * cb + ab * cs);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void linearLight(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = Math.min(aa, Math.max(0, as * cb + 2 * ab * cs - aa));
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = Math.min(aa, Math.max(0, as * cb + 2 * ab * cs - aa));
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = Math.min(aa, Math.max(0, as * cb + 2 * ab * cs - aa));
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void pinLight(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = pinLight(cs, cb, as, ab, aa);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = pinLight(cs, cb, as, ab, aa);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = pinLight(cs, cb, as, ab, aa);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void hardMix(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = aa & ~((as * cb + ab * cs - aa) >> 31);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = aa & ~((as * cb + ab * cs - aa) >> 31);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = aa & ~((as * cb + ab * cs - aa) >> 31);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void subtract(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            int x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = Math.max(0, as * cb - ab * cs);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = Math.max(0, as * cb - ab * cs);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = Math.max(0, as * cb - ab * cs);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void colorDodge(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int ia = s >>> 24, ib = d >>> 24, ao = ia + div255(ib * (255 - ia));
            float as = ia, ab = ib, aa = as * ab, ias = 255f - as, iab = 255f - ab;
            float as2 = as * as;
            float cs, cb, x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = colorDodge(cs, cb, as, ab, aa, as2);
            int r = floatChannel(cs, cb, ias, iab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = colorDodge(cs, cb, as, ab, aa, as2);
            int g = floatChannel(cs, cb, ias, iab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = colorDodge(cs, cb, as, ab, aa, as2);
            int b = floatChannel(cs, cb, ias, iab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void colorBurn(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int ia = s >>> 24, ib = d >>> 24, ao = ia + div255(ib * (255 - ia));
            float as = ia, ab = ib, aa = as * ab, ias = 255f - as, iab = 255f - ab;
            float as2 = as * as;
            float cs, cb, x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = colorBurn(cs, cb, as, ab, aa, as2);
            int r = floatChannel(cs, cb, ias, iab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = colorBurn(cs, cb, as, ab, aa, as2);
            int g = floatChannel(cs, cb, ias, iab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = colorBurn(cs, cb, as, ab, aa, as2);
            int b = floatChannel(cs, cb, ias, iab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void softLight(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int ia = s >>> 24, ib = d >>> 24, ao = ia + div255(ib * (255 - ia));
            float as = ia, ab = ib, aa = as * ab, ias = 255f - as, iab = 255f - ab;
            float rab = 1f / Math.max(ab, TINY);
            float cs, cb, x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = softLight(cs, cb, as, ab, rab);
            int r = floatChannel(cs, cb, ias, iab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = softLight(cs, cb, as, ab, rab);
            int g = floatChannel(cs, cb, ias, iab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = softLight(cs, cb, as, ab, rab);
            int b = floatChannel(cs, cb, ias, iab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void vividLight(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int ia = s >>> 24, ib = d >>> 24, ao = ia + div255(ib * (255 - ia));
            float as = ia, ab = ib, aa = as * ab, ias = 255f - as, iab = 255f - ab;
            float as2 = as * as;
            float cs, cb, x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = vividLight(cs, cb, as, ab, aa, as2);
            int r = floatChannel(cs, cb, ias, iab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = vividLight(cs, cb, as, ab, aa, as2);
            int g = floatChannel(cs, cb, ias, iab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = vividLight(cs, cb, as, ab, aa, as2);
            int b = floatChannel(cs, cb, ias, iab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void divide(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int ia = s >>> 24, ib = d >>> 24, ao = ia + div255(ib * (255 - ia));
            float as = ia, ab = ib, aa = as * ab, ias = 255f - as, iab = 255f - ab;
            float as2 = as * as;
            float cs, cb, x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = divide(cs, cb, as, ab, aa, as2);
            int r = floatChannel(cs, cb, ias, iab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = divide(cs, cb, as, ab, aa, as2);
            int g = floatChannel(cs, cb, ias, iab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = divide(cs, cb, as, ab, aa, as2);
            int b = floatChannel(cs, cb, ias, iab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
}

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

    /** As {@link #channel(int, int, int, int, int, int)} with a fractional X. */
    static int channel(int cs, int cb, int as, int ab, float x, int ao) {
        float v = cs * (255 - ab) + cb * (255 - as) + x;
        return Math.min(ao, (int) (v * INV_255 + 0.5f));
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

    static float colorDodge(int cs, int cb, int as, int ab, int aa) {
        if (cb == 0) return 0f;
        if (cs >= as) return aa;
        return Math.min((float) aa, (float) (as * as * cb) / (as - cs));
    }

    static float colorBurn(int cs, int cb, int as, int ab, int aa) {
        if (cb >= ab) return aa;
        if (cs == 0) return 0f;
        return aa - Math.min((float) aa, (float) (as * as * (ab - cb)) / cs);
    }

    static float divide(int cs, int cb, int as, int ab, int aa) {
        if (cs == 0) return cb == 0 ? 0f : aa;
        return Math.min((float) aa, (float) (as * as * cb) / cs);
    }

    static float vividLight(int cs, int cb, int as, int ab, int aa) {
        if (2 * cs <= as) { // color-burn(Cb, 2Cs)
            if (cb >= ab) return aa;
            if (cs == 0) return 0f;
            return aa - Math.min((float) aa, (float) (as * as * (ab - cb)) / (2 * cs));
        }
        // color-dodge(Cb, 2Cs - 1)
        if (cb == 0) return 0f;
        if (cs >= as) return aa;
        return Math.min((float) aa, (float) (as * as * cb) / (2 * (as - cs)));
    }

    static float softLight(int cs, int cb, int as, int ab, int aa) {
        if (aa == 0) return 0f;
        float bcol = (float) cb / ab;
        float scol = (float) cs / as;
        float b;
        if (scol <= 0.5f) {
            b = bcol - (1f - 2f * scol) * bcol * (1f - bcol);
        } else {
            float dd = bcol <= 0.25f ? ((16f * bcol - 12f) * bcol + 4f) * bcol : (float) Math.sqrt(bcol);
            b = bcol + (2f * scol - 1f) * (dd - bcol);
        }
        return aa * b;
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
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            float x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = colorDodge(cs, cb, as, ab, aa);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = colorDodge(cs, cb, as, ab, aa);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = colorDodge(cs, cb, as, ab, aa);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void colorBurn(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            float x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = colorBurn(cs, cb, as, ab, aa);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = colorBurn(cs, cb, as, ab, aa);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = colorBurn(cs, cb, as, ab, aa);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void softLight(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            float x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = softLight(cs, cb, as, ab, aa);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = softLight(cs, cb, as, ab, aa);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = softLight(cs, cb, as, ab, aa);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void vividLight(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            float x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = vividLight(cs, cb, as, ab, aa);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = vividLight(cs, cb, as, ab, aa);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = vividLight(cs, cb, as, ab, aa);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
    static void divide(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24, aa = as * ab, ao = as + div255(ab * (255 - as));
            int cs, cb;
            float x;
            cs = (s >>> 16) & 0xFF; cb = (d >>> 16) & 0xFF; x = divide(cs, cb, as, ab, aa);
            int r = channel(cs, cb, as, ab, x, ao);
            cs = (s >>> 8) & 0xFF; cb = (d >>> 8) & 0xFF; x = divide(cs, cb, as, ab, aa);
            int g = channel(cs, cb, as, ab, x, ao);
            cs = s & 0xFF; cb = d & 0xFF; x = divide(cs, cb, as, ab, aa);
            int b = channel(cs, cb, as, ab, x, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
}

package dev.blendbench.engine.blend;

import static dev.blendbench.engine.blend.SeparableKernels.channel;
import static dev.blendbench.engine.blend.SeparableKernels.div255;

/**
 * Loops for the non-separable modes: W3C hue, saturation, color and luminosity (section 10.3,
 * with Lum = 0.3·R + 0.59·G + 0.11·B, ClipColor, SetLum, SetSat, Sat as the spec writes them)
 * and Photoshop's darker-color and lighter-color.
 *
 * <p>The W3C helpers are rewritten per channel so that no temporary arrays are needed:
 * {@code SetSat(C, s)_c = (c − min)·s / (max − min)} (0 when max = min), and ClipColor needs only
 * the luminosity, minimum and maximum of the triple.
 */
final class NonSeparableKernels {
    private NonSeparableKernels() {}

    static final int HUE = 0, SATURATION = 1, COLOR = 2, LUMINOSITY = 3;

    static void hue(int[] src, int so, int[] dst, int dOff, int n) { run(HUE, src, so, dst, dOff, n); }

    static void saturation(int[] src, int so, int[] dst, int dOff, int n) { run(SATURATION, src, so, dst, dOff, n); }

    static void color(int[] src, int so, int[] dst, int dOff, int n) { run(COLOR, src, so, dst, dOff, n); }

    static void luminosity(int[] src, int so, int[] dst, int dOff, int n) { run(LUMINOSITY, src, so, dst, dOff, n); }

    /** Lum = 0.3·R + 0.59·G + 0.11·B, as two fused multiply-adds (the vector loops do the same). */
    static float lum(float r, float g, float b) {
        return Math.fma(b, 0.11f, Math.fma(g, 0.59f, 0.3f * r));
    }

    /** The smaller of two non-NaN floats by one comparison (the vector loops' compare and blend). */
    static float fmin(float a, float b) {
        return b < a ? b : a;
    }

    /** The larger of two non-NaN floats by one comparison. */
    static float fmax(float a, float b) {
        return b > a ? b : a;
    }

    /*
     * Everything is scaled by as·ab, so that nothing is un-premultiplied: with Cs = cs/as and
     * Cb = cb/ab, as·ab·Cs = ab·cs, as·ab·Cb = as·cb, as·ab·Lum(Cb) = as·Lum(cb), and SetSat's
     * ratio (C − min)/(max − min) is the same on premultiplied values. SetLum and ClipColor are
     * homogeneous, with 1 becoming as·ab, so X comes out directly: one division for SetSat, one
     * for ClipColor, none per pixel for un-premultiplying.
     */
    private static void run(int kind, int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int ia8 = s >>> 24, ib8 = d >>> 24, ao = ia8 + div255(ib8 * (255 - ia8));
            int isr = (s >>> 16) & 0xFF, isg = (s >>> 8) & 0xFF, isb = s & 0xFF;
            int ibr = (d >>> 16) & 0xFF, ibg = (d >>> 8) & 0xFF, ibb = d & 0xFF;
            float as = ia8, ab = ib8, aa = as * ab, ias = 255f - as, iab = 255f - ab;
            float csr = isr, csg = isg, csb = isb, cbr = ibr, cbg = ibg, cbb = ibb;
            float xr = 0f, xg = 0f, xb = 0f;
            if (aa != 0f) {
                // t = the colour whose luminosity is replaced, l = the target luminosity (both × as·ab)
                // tmn, tmx: the smallest and largest of t (which SetLum shifts by dl)
                float tr, tg, tb, l, tmn, tmx;
                switch (kind) {
                    case HUE -> {
                        int mn = Math.min(isr, Math.min(isg, isb)), sat = Math.max(ibr, Math.max(ibg, ibb)) - Math.min(ibr, Math.min(ibg, ibb));
                        float fd = Math.max(isr, Math.max(isg, isb)) - mn;
                        float k = (float) (sat * ia8) / Math.max(fd, SeparableKernels.TINY);
                        float fmn = mn;
                        tr = (csr - fmn) * k; tg = (csg - fmn) * k; tb = (csb - fmn) * k;
                        tmn = 0f; tmx = fd * k;
                        l = as * lum(cbr, cbg, cbb);
                    }
                    case SATURATION -> {
                        int mn = Math.min(ibr, Math.min(ibg, ibb)), sat = Math.max(isr, Math.max(isg, isb)) - Math.min(isr, Math.min(isg, isb));
                        float fd = Math.max(ibr, Math.max(ibg, ibb)) - mn;
                        float k = (float) (sat * ib8) / Math.max(fd, SeparableKernels.TINY);
                        float fmn = mn;
                        tr = (cbr - fmn) * k; tg = (cbg - fmn) * k; tb = (cbb - fmn) * k;
                        tmn = 0f; tmx = fd * k;
                        l = as * lum(cbr, cbg, cbb);
                    }
                    case COLOR -> { tr = ab * csr; tg = ab * csg; tb = ab * csb; l = as * lum(cbr, cbg, cbb); tmn = fmin(tr, fmin(tg, tb)); tmx = fmax(tr, fmax(tg, tb)); }
                    default -> { tr = as * cbr; tg = as * cbg; tb = as * cbb; l = ab * lum(csr, csg, csb); tmn = fmin(tr, fmin(tg, tb)); tmx = fmax(tr, fmax(tg, tb)); }
                }
                // SetLum(t, l): C = t + dl, whose luminosity is l
                float dl = l - lum(tr, tg, tb);
                // ClipColor, with min and max taken once as the spec does and L = l. Its two steps,
                // C = L + (C − L)·L/(L − min) and then C = L + (C − L)·(1 − L)/(max − L), compose
                // into one scale of C − L = t + (dl − l): one division, where the spec writes two.
                // Rounding is monotonic, so the extremes of t + dl are those of t plus dl.
                float mn = tmn + dl, mx = tmx + dl;
                float num = (mn < 0f ? l : 1f) * (mx > aa ? aa - l : 1f);
                float den = (mn < 0f ? l - mn : 1f) * (mx > aa ? mx - l : 1f);
                float k = num / den, u = dl - l;
                xr = Math.fma(tr + u, k, l); xg = Math.fma(tg + u, k, l); xb = Math.fma(tb + u, k, l);
            }
            int r = SeparableKernels.floatChannel(csr, cbr, ias, iab, xr, ao);
            int g = SeparableKernels.floatChannel(csg, cbg, ias, iab, xg, ao);
            int b = SeparableKernels.floatChannel(csb, cbb, ias, iab, xb, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }

    static void darkerColor(int[] src, int so, int[] dst, int dOff, int n) { pick(false, src, so, dst, dOff, n); }

    static void lighterColor(int[] src, int so, int[] dst, int dOff, int n) { pick(true, src, so, dst, dOff, n); }

    /** B = the whole source or backdrop triple, chosen by comparing Lum exactly in integers. */
    private static void pick(boolean lighter, int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24;
            int csr = (s >>> 16) & 0xFF, csg = (s >>> 8) & 0xFF, csb = s & 0xFF;
            int cbr = (d >>> 16) & 0xFF, cbg = (d >>> 8) & 0xFF, cbb = d & 0xFF;
            int ao = as + div255(ab * (255 - as));
            // Lum(Cs) vs Lum(Cb) as ls/as vs lb/ab, cross-multiplied (weights ×100, exact).
            long ls = (30L * csr + 59L * csg + 11L * csb) * ab;
            long lb = (30L * cbr + 59L * cbg + 11L * cbb) * as;
            boolean takeSource = lighter ? ls > lb : ls < lb;
            int xr, xg, xb;
            if (takeSource) { xr = ab * csr; xg = ab * csg; xb = ab * csb; }
            else { xr = as * cbr; xg = as * cbg; xb = as * cbb; }
            int r = channel(csr, cbr, as, ab, xr, ao);
            int g = channel(csg, cbg, as, ab, xg, ao);
            int b = channel(csb, cbb, as, ab, xb, ao);
            dst[dOff + i] = (ao << 24) | (r << 16) | (g << 8) | b;
        }
    }
}

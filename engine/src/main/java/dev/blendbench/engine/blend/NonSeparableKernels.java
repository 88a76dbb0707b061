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

    private static float lum(float r, float g, float b) {
        return 0.3f * r + 0.59f * g + 0.11f * b;
    }

    private static void run(int kind, int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int as = s >>> 24, ab = d >>> 24;
            int csr = (s >>> 16) & 0xFF, csg = (s >>> 8) & 0xFF, csb = s & 0xFF;
            int cbr = (d >>> 16) & 0xFF, cbg = (d >>> 8) & 0xFF, cbb = d & 0xFF;
            int aa = as * ab, ao = as + div255(ab * (255 - as));
            float xr = 0f, xg = 0f, xb = 0f;
            if (aa != 0) {
                float ia = 1f / as, ib = 1f / ab;
                float sr = csr * ia, sg = csg * ia, sb = csb * ia;
                float br = cbr * ib, bg = cbg * ib, bb = cbb * ib;
                // t = the colour whose luminosity is replaced, l = the target luminosity
                float tr, tg, tb, l;
                switch (kind) {
                    case HUE -> {
                        float sat = Math.max(br, Math.max(bg, bb)) - Math.min(br, Math.min(bg, bb));
                        float mn = Math.min(sr, Math.min(sg, sb)), mx = Math.max(sr, Math.max(sg, sb));
                        float k = mx > mn ? sat / (mx - mn) : 0f;
                        tr = (sr - mn) * k; tg = (sg - mn) * k; tb = (sb - mn) * k;
                        l = lum(br, bg, bb);
                    }
                    case SATURATION -> {
                        float sat = Math.max(sr, Math.max(sg, sb)) - Math.min(sr, Math.min(sg, sb));
                        float mn = Math.min(br, Math.min(bg, bb)), mx = Math.max(br, Math.max(bg, bb));
                        float k = mx > mn ? sat / (mx - mn) : 0f;
                        tr = (br - mn) * k; tg = (bg - mn) * k; tb = (bb - mn) * k;
                        l = lum(br, bg, bb);
                    }
                    case COLOR -> { tr = sr; tg = sg; tb = sb; l = lum(br, bg, bb); }
                    default -> { tr = br; tg = bg; tb = bb; l = lum(sr, sg, sb); }
                }
                // SetLum(t, l) followed by ClipColor
                float dl = l - lum(tr, tg, tb);
                tr += dl; tg += dl; tb += dl;
                float ll = lum(tr, tg, tb);
                float mn = Math.min(tr, Math.min(tg, tb)), mx = Math.max(tr, Math.max(tg, tb));
                if (mn < 0f) {
                    float k = ll / (ll - mn);
                    tr = ll + (tr - ll) * k; tg = ll + (tg - ll) * k; tb = ll + (tb - ll) * k;
                }
                if (mx > 1f) {
                    float k = (1f - ll) / (mx - ll);
                    tr = ll + (tr - ll) * k; tg = ll + (tg - ll) * k; tb = ll + (tb - ll) * k;
                }
                xr = aa * tr; xg = aa * tg; xb = aa * tb;
            }
            int r = Math.max(0, channel(csr, cbr, as, ab, xr, ao));
            int g = Math.max(0, channel(csg, cbg, as, ab, xg, ao));
            int b = Math.max(0, channel(csb, cbb, as, ab, xb, ao));
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

package dev.blendbench.engine.blend;

/**
 * Every {@link BlendMode} on premultiplied float pixels ({@code a, r, g, b} in 0..1, four floats
 * a pixel): the path used for linear-light scenes, where 8 bits a channel would band. The
 * formulas are the W3C Compositing and Blending Level 1 ones (and the Photoshop ones documented
 * on {@link BlendMode}), as in the 8-bit kernels; opacity scales the source, as the spec says.
 * Float32 keeps 24 bits of mantissa, far above the 16 bits a channel the linear path promises.
 * Allocation-free and stateless.
 */
public final class FloatBlend {
    private FloatBlend() {}

    /**
     * Blends {@code n} pixels of {@code src} (from float index {@code so}) onto {@code dst} (from
     * {@code dOff}) in place.
     */
    public static void blend(BlendMode mode, float[] src, int so, float[] dst, int dOff, int n, float opacity) {
        if (mode == BlendMode.SOURCE_OVER || mode == BlendMode.NORMAL) {
            // the common case, without the per-pixel dispatch: co = cs·o + cb·(1 − αs·o)
            for (int p = 0, s = so, d = dOff; p < n; p++, s += 4, d += 4) {
                float k = 1 - src[s] * opacity;
                dst[d] = src[s] * opacity + dst[d] * k;
                dst[d + 1] = src[s + 1] * opacity + dst[d + 1] * k;
                dst[d + 2] = src[s + 2] * opacity + dst[d + 2] * k;
                dst[d + 3] = src[s + 3] * opacity + dst[d + 3] * k;
            }
            return;
        }
        switch (mode.family()) {
            case PORTER_DUFF -> porterDuff(mode, src, so, dst, dOff, n, opacity);
            case SEPARABLE -> separable(mode, src, so, dst, dOff, n, opacity);
            case NON_SEPARABLE -> {
                float[] o3 = OUT.get();
                for (int p = 0; p < n; p++) {
                    int s = so + 4 * p, d = dOff + 4 * p;
                    float as = src[s] * opacity, ab = dst[d];
                    if (as == 0) continue;
                    float sr = src[s + 1] * opacity / as, sg = src[s + 2] * opacity / as, sb = src[s + 3] * opacity / as;
                    float br = ab == 0 ? 0 : dst[d + 1] / ab, bg = ab == 0 ? 0 : dst[d + 2] / ab, bb = ab == 0 ? 0 : dst[d + 3] / ab;
                    float[] o = nonSeparable(o3, mode, br, bg, bb, sr, sg, sb);
                    float cr = sr * as, cg = sg * as, cb2 = sb * as;
                    dst[d + 1] = cr * (1 - ab) + dst[d + 1] * (1 - as) + as * ab * o[0];
                    dst[d + 2] = cg * (1 - ab) + dst[d + 2] * (1 - as) + as * ab * o[1];
                    dst[d + 3] = cb2 * (1 - ab) + dst[d + 3] * (1 - as) + as * ab * o[2];
                    dst[d] = as + ab * (1 - as);
                }
            }
        }
    }

    /**
     * Cuts what a blend made of {@code n} pixels of {@code dst} (from {@code dOff}) back to the
     * alpha of the backdrop they were blended onto ({@code backdrop}, from {@code bo}: a copy of
     * {@code dst} before the blend), as a clipped layer of a clipping group needs (see {@code
     * Scene}): {@code c = αb·x + (1 − αx)·b} per channel, alpha {@code αb}.
     */
    public static void clipToBackdrop(float[] backdrop, int bo, float[] dst, int dOff, int n) {
        for (int p = 0, b = bo, d = dOff; p < n; p++, b += 4, d += 4) {
            float ab = backdrop[b], k = 1 - dst[d];
            dst[d + 1] = ab * dst[d + 1] + k * backdrop[b + 1];
            dst[d + 2] = ab * dst[d + 2] + k * backdrop[b + 2];
            dst[d + 3] = ab * dst[d + 3] + k * backdrop[b + 3];
            dst[d] = ab;
        }
    }

    /** Pixels a separable blend works through at a time: its straight colours and results fit in L1. */
    private static final int CHUNK = 256;
    private static final ThreadLocal<float[][]> STRAIGHT = ThreadLocal.withInitial(
            () -> new float[][] {new float[3 * CHUNK], new float[3 * CHUNK], new float[3 * CHUNK]});

    /**
     * A separable mode, {@code co = cs·(1 − αb) + cb·(1 − αs) + αs·αb·B(cb/αb, cs/αs)} per channel,
     * in three passes over chunks of pixels: the straight colours (by division, as the comment
     * below says), then B over all of them in a loop of the mode's own (the mode chosen once a
     * chunk, not three times a pixel: about 3× faster for multiply, and the simple modes' loops
     * vectorise), then the sum. The same operations in the same order as one pass: the same bits.
     */
    private static void separable(BlendMode mode, float[] src, int so, float[] dst, int dOff, int n, float opacity) {
        float[][] scratch = STRAIGHT.get();
        float[] cbs = scratch[0], css = scratch[1], b = scratch[2];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            for (int p = 0, s = so + 4 * start, d = dOff + 4 * start; p < m; p++, s += 4, d += 4) {
                float as = src[s] * opacity, ab = dst[d];
                for (int c = 1; c < 4; c++) {
                    float cs = src[s + c] * opacity, cb = dst[d + c];
                    // straight colours by division, not by a reciprocal: a channel at its alpha
                    // is then exactly 1, where the modes that jump (burn, dodge, hard-mix) need it
                    cbs[3 * p + c - 1] = ab == 0 ? 0 : cb / ab;
                    css[3 * p + c - 1] = as == 0 ? 0 : cs / as;
                }
            }
            blendStraight(mode, cbs, css, b, 3 * m);
            for (int p = 0, s = so + 4 * start, d = dOff + 4 * start; p < m; p++, s += 4, d += 4) {
                float as = src[s] * opacity, ab = dst[d];
                for (int c = 1; c < 4; c++) {
                    float cs = src[s + c] * opacity, cb = dst[d + c];
                    dst[d + c] = cs * (1 - ab) + cb * (1 - as) + as * ab * b[3 * p + c - 1];
                }
                dst[d] = as + ab * (1 - as);
            }
        }
    }

    /** {@code b[i] = B(cb[i], cs[i])} for the first {@code k} straight channel values. */
    private static void blendStraight(BlendMode mode, float[] cb, float[] cs, float[] b, int k) {
        switch (mode) {
            case MULTIPLY -> { for (int i = 0; i < k; i++) b[i] = multiply(cb[i], cs[i]); }
            case SCREEN -> { for (int i = 0; i < k; i++) b[i] = screen(cb[i], cs[i]); }
            case OVERLAY -> { for (int i = 0; i < k; i++) b[i] = hardLight(cs[i], cb[i]); }
            case DARKEN -> { for (int i = 0; i < k; i++) b[i] = Math.min(cb[i], cs[i]); }
            case LIGHTEN -> { for (int i = 0; i < k; i++) b[i] = Math.max(cb[i], cs[i]); }
            case HARD_LIGHT -> { for (int i = 0; i < k; i++) b[i] = hardLight(cb[i], cs[i]); }
            case DIFFERENCE -> { for (int i = 0; i < k; i++) b[i] = Math.abs(cb[i] - cs[i]); }
            case EXCLUSION -> { for (int i = 0; i < k; i++) b[i] = cb[i] + cs[i] - 2 * cb[i] * cs[i]; }
            case LINEAR_BURN -> { for (int i = 0; i < k; i++) b[i] = Math.max(0, cb[i] + cs[i] - 1); }
            case LINEAR_DODGE -> { for (int i = 0; i < k; i++) b[i] = Math.min(1, cb[i] + cs[i]); }
            case SUBTRACT -> { for (int i = 0; i < k; i++) b[i] = Math.max(0, cb[i] - cs[i]); }
            // the rest branch per value anyway: the general formula, its switch inside the loop
            default -> { for (int i = 0; i < k; i++) b[i] = separable(mode, cb[i], cs[i]); }
        }
    }

    private static void porterDuff(BlendMode mode, float[] src, int so, float[] dst, int dOff, int n, float op) {
        for (int p = 0; p < n; p++) {
            int s = so + 4 * p, d = dOff + 4 * p;
            float as = src[s] * op, ab = dst[d];
            float fa, fb;
            switch (mode) {
                case CLEAR -> { fa = 0; fb = 0; }
                case COPY -> { fa = 1; fb = 0; }
                case DESTINATION -> { fa = 0; fb = 1; }
                case SOURCE_OVER -> { fa = 1; fb = 1 - as; }
                case DESTINATION_OVER -> { fa = 1 - ab; fb = 1; }
                case SOURCE_IN -> { fa = ab; fb = 0; }
                case DESTINATION_IN -> { fa = 0; fb = as; }
                case SOURCE_OUT -> { fa = 1 - ab; fb = 0; }
                case DESTINATION_OUT -> { fa = 0; fb = 1 - as; }
                case SOURCE_ATOP -> { fa = ab; fb = 1 - as; }
                case DESTINATION_ATOP -> { fa = 1 - ab; fb = as; }
                case XOR -> { fa = 1 - ab; fb = 1 - as; }
                case LIGHTER -> { fa = 1; fb = 1; }
                default -> throw new IllegalArgumentException(mode.toString());
            }
            boolean clamp = mode == BlendMode.LIGHTER;
            for (int c = 0; c < 4; c++) {
                float v = fa * src[s + c] * op + fb * dst[d + c];
                dst[d + c] = clamp ? Math.min(1f, v) : v;
            }
        }
    }

    private static float multiply(float cb, float cs) { return cb * cs; }

    private static float screen(float cb, float cs) { return cb + cs - cb * cs; }

    private static float hardLight(float cb, float cs) {
        return cs <= 0.5f ? multiply(cb, 2 * cs) : screen(cb, 2 * cs - 1);
    }

    private static float colorDodge(float cb, float cs) {
        if (cb == 0) return 0;
        if (cs >= 1) return 1;
        return Math.min(1, cb / (1 - cs));
    }

    private static float colorBurn(float cb, float cs) {
        if (cb >= 1) return 1;
        if (cs <= 0) return 0;
        return 1 - Math.min(1, (1 - cb) / cs);
    }

    static float separable(BlendMode mode, float cb, float cs) {
        return switch (mode) {
            case NORMAL -> cs;
            case MULTIPLY -> multiply(cb, cs);
            case SCREEN -> screen(cb, cs);
            case OVERLAY -> hardLight(cs, cb);
            case DARKEN -> Math.min(cb, cs);
            case LIGHTEN -> Math.max(cb, cs);
            case COLOR_DODGE -> colorDodge(cb, cs);
            case COLOR_BURN -> colorBurn(cb, cs);
            case HARD_LIGHT -> hardLight(cb, cs);
            case SOFT_LIGHT -> {
                if (cs <= 0.5f) yield cb - (1 - 2 * cs) * cb * (1 - cb);
                float d = cb <= 0.25f ? ((16 * cb - 12) * cb + 4) * cb : (float) Math.sqrt(cb);
                yield cb + (2 * cs - 1) * (d - cb);
            }
            case DIFFERENCE -> Math.abs(cb - cs);
            case EXCLUSION -> cb + cs - 2 * cb * cs;
            case LINEAR_BURN -> Math.max(0, cb + cs - 1);
            case LINEAR_DODGE -> Math.min(1, cb + cs);
            case VIVID_LIGHT -> cs <= 0.5f ? colorBurn(cb, 2 * cs) : colorDodge(cb, 2 * cs - 1);
            case LINEAR_LIGHT -> Math.clamp(cb + 2 * cs - 1, 0f, 1f);
            case PIN_LIGHT -> cs <= 0.5f ? Math.min(cb, 2 * cs) : Math.max(cb, 2 * cs - 1);
            case HARD_MIX -> cb + cs >= 1 ? 1 : 0;
            case SUBTRACT -> Math.max(0, cb - cs);
            case DIVIDE -> cs == 0 ? (cb == 0 ? 0 : 1) : Math.min(1, cb / cs);
            default -> throw new IllegalArgumentException(mode.toString());
        };
    }

    private static final ThreadLocal<float[]> OUT = ThreadLocal.withInitial(() -> new float[3]);

    private static float lum(float r, float g, float b) { return 0.3f * r + 0.59f * g + 0.11f * b; }

    private static float[] nonSeparable(float[] o, BlendMode mode, float br, float bg, float bb, float sr, float sg, float sb) {
        switch (mode) {
            case HUE -> {
                setSat(o, sr, sg, sb, sat(br, bg, bb));
                setLum(o, o[0], o[1], o[2], lum(br, bg, bb));
            }
            case SATURATION -> {
                setSat(o, br, bg, bb, sat(sr, sg, sb));
                setLum(o, o[0], o[1], o[2], lum(br, bg, bb));
            }
            case COLOR -> setLum(o, sr, sg, sb, lum(br, bg, bb));
            case LUMINOSITY -> setLum(o, br, bg, bb, lum(sr, sg, sb));
            case DARKER_COLOR, LIGHTER_COLOR -> {
                float ls = lum(sr, sg, sb), lb = lum(br, bg, bb);
                boolean source = mode == BlendMode.DARKER_COLOR ? ls < lb : ls > lb;
                o[0] = source ? sr : br;
                o[1] = source ? sg : bg;
                o[2] = source ? sb : bb;
            }
            default -> throw new IllegalArgumentException(mode.toString());
        }
        return o;
    }

    private static float sat(float r, float g, float b) {
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

    private static void setLum(float[] o, float r, float g, float b, float l) {
        float d = l - lum(r, g, b);
        r += d;
        g += d;
        b += d;
        float lc = lum(r, g, b);
        float n = Math.min(r, Math.min(g, b)), x = Math.max(r, Math.max(g, b));
        if (n < 0) {
            float k = lc / (lc - n);
            r = lc + (r - lc) * k;
            g = lc + (g - lc) * k;
            b = lc + (b - lc) * k;
        }
        if (x > 1) {
            float k = (1 - lc) / (x - lc);
            r = lc + (r - lc) * k;
            g = lc + (g - lc) * k;
            b = lc + (b - lc) * k;
        }
        o[0] = r;
        o[1] = g;
        o[2] = b;
    }

    private static void setSat(float[] o, float r, float g, float b, float s) {
        float mx = Math.max(r, Math.max(g, b)), mn = Math.min(r, Math.min(g, b));
        if (mx == mn) {
            o[0] = o[1] = o[2] = 0;
            return;
        }
        float k = s / (mx - mn);
        o[0] = (r - mn) * k;
        o[1] = (g - mn) * k;
        o[2] = (b - mn) * k;
    }
}

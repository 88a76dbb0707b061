package dev.blendbench.engine.blend;

/**
 * A slow float64 oracle written straight from the W3C Compositing and Blending Level 1 formulas
 * (and the Photoshop formulas documented on {@link BlendMode}). It takes the same 8-bit
 * premultiplied pixels as the kernels, un-premultiplies them exactly, and returns the composite as
 * premultiplied doubles in 0..1 ({@code [a, r, g, b]}).
 *
 * <p>Two comparisons are made in exact integer arithmetic rather than in doubles, because they are
 * discontinuities where a 1e-16 rounding would flip the result: hard-mix's threshold
 * {@code Cb + Cs ≥ 1} and the luminosity comparison of darker-color / lighter-color.
 */
final class ReferenceBlend {
    private ReferenceBlend() {}

    static double[] composite(BlendMode mode, int src, int dst, double opacity) {
        double[] s = {(src >>> 24) / 255.0, ((src >>> 16) & 0xFF) / 255.0, ((src >>> 8) & 0xFF) / 255.0, (src & 0xFF) / 255.0};
        double[] d = {(dst >>> 24) / 255.0, ((dst >>> 16) & 0xFF) / 255.0, ((dst >>> 8) & 0xFF) / 255.0, (dst & 0xFF) / 255.0};
        return composite(mode, s, d, opacity, new int[] {src, dst});
    }

    /**
     * The same on premultiplied doubles ({@code [a, r, g, b]} in 0..1), as the linear-light path
     * blends: hard-mix's threshold and the luminosity comparison are then made in doubles.
     */
    static double[] composite(BlendMode mode, double[] src, double[] dst, double opacity) {
        return composite(mode, src, dst, opacity, null);
    }

    /** {@code exact}: the 8-bit source and backdrop pixels, for the exact comparisons; or null. */
    private static double[] composite(BlendMode mode, double[] src, double[] dst, double opacity, int[] exact) {
        double as = src[0] * opacity;
        double ab = dst[0];
        double[] cs = {src[1] * opacity, src[2] * opacity, src[3] * opacity};
        double[] cb = {dst[1], dst[2], dst[3]};
        if (mode.family() == BlendMode.Family.PORTER_DUFF) {
            return porterDuff(mode, as, cs, ab, cb);
        }
        // straight colours
        double[] s = new double[3], b = new double[3];
        for (int i = 0; i < 3; i++) {
            s[i] = as == 0 ? 0 : cs[i] / as;
            b[i] = ab == 0 ? 0 : cb[i] / ab;
        }
        double[] blended = new double[3];
        if (mode.family() == BlendMode.Family.SEPARABLE) {
            for (int i = 0; i < 3; i++) {
                blended[i] = separable(mode, b[i], s[i], exact, 16 - 8 * i);
            }
        } else {
            blended = nonSeparable(mode, b, s, exact);
        }
        // co = cs·(1 − αb) + cb·(1 − αs) + αs·αb·B(Cb, Cs);  αo = αs + αb·(1 − αs)
        double[] out = new double[4];
        out[0] = as + ab * (1 - as);
        for (int i = 0; i < 3; i++) {
            out[i + 1] = cs[i] * (1 - ab) + cb[i] * (1 - as) + as * ab * blended[i];
        }
        return out;
    }

    private static double[] porterDuff(BlendMode mode, double as, double[] cs, double ab, double[] cb) {
        double fa, fb;
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
        double[] out = new double[4];
        out[0] = fa * as + fb * ab;
        for (int i = 0; i < 3; i++) {
            out[i + 1] = fa * cs[i] + fb * cb[i];
        }
        if (mode == BlendMode.LIGHTER) {
            for (int i = 0; i < 4; i++) {
                out[i] = Math.min(1, out[i]);
            }
        }
        return out;
    }

    private static double multiply(double cb, double cs) { return cb * cs; }

    private static double screen(double cb, double cs) { return cb + cs - cb * cs; }

    private static double hardLight(double cb, double cs) {
        return cs <= 0.5 ? multiply(cb, 2 * cs) : screen(cb, 2 * cs - 1);
    }

    private static double colorDodge(double cb, double cs) {
        if (cb == 0) return 0;
        if (cs >= 1) return 1;
        return Math.min(1, cb / (1 - cs));
    }

    private static double colorBurn(double cb, double cs) {
        if (cb >= 1) return 1;
        if (cs <= 0) return 0;
        return 1 - Math.min(1, (1 - cb) / cs);
    }

    /** exact: the 8-bit source and backdrop, and this channel's shift in them, for the exact hard-mix threshold; or null. */
    private static double separable(BlendMode mode, double cb, double cs, int[] exact, int shift) {
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
                if (cs <= 0.5) {
                    yield cb - (1 - 2 * cs) * cb * (1 - cb);
                }
                double d = cb <= 0.25 ? ((16 * cb - 12) * cb + 4) * cb : Math.sqrt(cb);
                yield cb + (2 * cs - 1) * (d - cb);
            }
            case DIFFERENCE -> Math.abs(cb - cs);
            case EXCLUSION -> cb + cs - 2 * cb * cs;
            case LINEAR_BURN -> Math.max(0, cb + cs - 1);
            case LINEAR_DODGE -> Math.min(1, cb + cs);
            case VIVID_LIGHT -> cs <= 0.5 ? colorBurn(cb, 2 * cs) : colorDodge(cb, 2 * cs - 1);
            case LINEAR_LIGHT -> Math.max(0, Math.min(1, cb + 2 * cs - 1));
            case PIN_LIGHT -> cs <= 0.5 ? Math.min(cb, 2 * cs) : Math.max(cb, 2 * cs - 1);
            case HARD_MIX -> {
                if (exact == null) yield cb + cs >= 1 ? 1 : 0;
                // Cb + Cs >= 1  <=>  bc/ba + sc/sa >= 1  <=>  bc·sa + sc·ba >= sa·ba (exact)
                long sc = (exact[0] >>> shift) & 0xFF, sa = exact[0] >>> 24, bc = (exact[1] >>> shift) & 0xFF, ba = exact[1] >>> 24;
                yield bc * sa + sc * ba >= sa * ba ? 1 : 0;
            }
            case SUBTRACT -> Math.max(0, cb - cs);
            case DIVIDE -> cs == 0 ? (cb == 0 ? 0 : 1) : Math.min(1, cb / cs);
            default -> throw new IllegalArgumentException(mode.toString());
        };
    }

    private static double lum(double[] c) { return 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2]; }

    private static double[] clipColor(double[] c) {
        double l = lum(c);
        double n = Math.min(c[0], Math.min(c[1], c[2]));
        double x = Math.max(c[0], Math.max(c[1], c[2]));
        double[] o = c.clone();
        if (n < 0) {
            for (int i = 0; i < 3; i++) o[i] = l + (o[i] - l) * l / (l - n);
        }
        if (x > 1) {
            for (int i = 0; i < 3; i++) o[i] = l + (o[i] - l) * (1 - l) / (x - l);
        }
        return o;
    }

    private static double[] setLum(double[] c, double l) {
        double d = l - lum(c);
        return clipColor(new double[] {c[0] + d, c[1] + d, c[2] + d});
    }

    private static double sat(double[] c) {
        return Math.max(c[0], Math.max(c[1], c[2])) - Math.min(c[0], Math.min(c[1], c[2]));
    }

    /** The spec's SetSat, written with explicit max / mid / min indices. */
    private static double[] setSat(double[] c, double s) {
        int max = 0, min = 0;
        for (int i = 1; i < 3; i++) {
            if (c[i] > c[max]) max = i;
            if (c[i] < c[min]) min = i;
        }
        double[] o = new double[3];
        if (max == min) {
            return o;
        }
        int mid = 3 - max - min;
        o[mid] = (c[mid] - c[min]) * s / (c[max] - c[min]);
        o[max] = s;
        o[min] = 0;
        return o;
    }

    private static double[] nonSeparable(BlendMode mode, double[] cb, double[] cs, int[] exact) {
        return switch (mode) {
            case HUE -> setLum(setSat(cs, sat(cb)), lum(cb));
            case SATURATION -> setLum(setSat(cb, sat(cs)), lum(cb));
            case COLOR -> setLum(cs, lum(cb));
            case LUMINOSITY -> setLum(cb, lum(cs));
            case DARKER_COLOR, LIGHTER_COLOR -> {
                if (exact == null) {
                    boolean takeSource = mode == BlendMode.DARKER_COLOR ? lum(cs) < lum(cb) : lum(cs) > lum(cb);
                    yield takeSource ? cs : cb;
                }
                int src = exact[0], dst = exact[1];
                // Lum(Cs) vs Lum(Cb), exactly: ls/αs vs lb/αb with integer weights ×100
                long ls = (30L * ((src >>> 16) & 0xFF) + 59L * ((src >>> 8) & 0xFF) + 11L * (src & 0xFF)) * (dst >>> 24);
                long lb = (30L * ((dst >>> 16) & 0xFF) + 59L * ((dst >>> 8) & 0xFF) + 11L * (dst & 0xFF)) * (src >>> 24);
                boolean takeSource = mode == BlendMode.DARKER_COLOR ? ls < lb : ls > lb;
                yield takeSource ? cs : cb;
            }
            default -> throw new IllegalArgumentException(mode.toString());
        };
    }
}

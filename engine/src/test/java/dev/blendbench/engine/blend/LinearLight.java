package dev.blendbench.engine.blend;

import dev.blendbench.engine.colour.Srgb;

/** The float64 oracle's sRGB conversions: the exact curve, quantised as the renderer documents. */
public final class LinearLight {
    private LinearLight() {}

    /** An 8-bit premultiplied sRGB pixel as premultiplied linear doubles {@code [a, r, g, b]}. */
    public static double[] decode(int p) {
        int a8 = p >>> 24;
        if (a8 == 0) return new double[4];
        double a = a8 / 255.0;
        double[] out = {a, 0, 0, 0};
        for (int c = 1; c < 4; c++) out[c] = Srgb.toLinear(((p >>> (24 - 8 * c)) & 0xFF) / (double) a8) * a;
        return out;
    }

    /** Premultiplied linear doubles as 8-bit sRGB: alpha rounded to 8 bits, colour re-premultiplied by it. */
    public static int encode(double[] v) {
        int a8 = (int) Math.round(Math.clamp(v[0], 0, 1) * 255);
        if (a8 == 0) return 0;
        int p = a8 << 24;
        for (int c = 1; c < 4; c++) {
            double straight = Math.clamp(v[c] / v[0], 0, 1);
            p |= (int) Math.clamp(Math.round(Srgb.toEncoded(straight) * a8), 0, a8) << (24 - 8 * c);
        }
        return p;
    }
}

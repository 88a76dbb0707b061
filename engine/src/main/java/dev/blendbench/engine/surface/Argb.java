package dev.blendbench.engine.surface;

/** Packing and conversion of 8-bit ARGB pixels, straight and premultiplied. */
public final class Argb {
    private Argb() {}

    public static int alpha(int p) { return p >>> 24; }

    public static int red(int p) { return (p >>> 16) & 0xFF; }

    public static int green(int p) { return (p >>> 8) & 0xFF; }

    public static int blue(int p) { return p & 0xFF; }

    public static int pack(int a, int r, int g, int b) {
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    /** Straight (non-premultiplied) ARGB to premultiplied, rounding each channel to nearest. */
    public static int premultiply(int straight) {
        int a = straight >>> 24;
        if (a == 255) return straight;
        if (a == 0) return 0;
        return pack(a, mulDiv255(red(straight), a), mulDiv255(green(straight), a), mulDiv255(blue(straight), a));
    }

    /** Premultiplied ARGB to straight, rounding each channel to nearest; transparent gives 0. */
    public static int unpremultiply(int pre) {
        int a = pre >>> 24;
        if (a == 255) return pre;
        if (a == 0) return 0;
        int h = a >> 1;
        return pack(a, Math.min(255, (red(pre) * 255 + h) / a),
                Math.min(255, (green(pre) * 255 + h) / a),
                Math.min(255, (blue(pre) * 255 + h) / a));
    }

    /** {@code round(x * y / 255)} for {@code x, y} in 0..255, exact. */
    public static int mulDiv255(int x, int y) {
        int t = x * y + 128;
        return (t + (t >>> 8)) >>> 8;
    }

    /** Parses {@code #RRGGBB} or {@code #RRGGBBAA} (straight alpha) into premultiplied ARGB. */
    public static int parseHex(String s) {
        if (s == null || !s.startsWith("#") || (s.length() != 7 && s.length() != 9)) {
            throw new IllegalArgumentException("colour must be #RRGGBB or #RRGGBBAA, got '" + s + "'");
        }
        long v;
        try {
            v = Long.parseLong(s.substring(1), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("colour must be #RRGGBB or #RRGGBBAA, got '" + s + "'");
        }
        int rgba = s.length() == 7 ? (int) ((v << 8) | 0xFF) : (int) v;
        int straight = (rgba >>> 8) | (rgba << 24);
        return premultiply(straight);
    }

    /** {@code #RRGGBBAA} of a premultiplied pixel (straight alpha in the text). */
    public static String toHex(int pre) {
        int s = unpremultiply(pre);
        return String.format("#%02X%02X%02X%02X", red(s), green(s), blue(s), alpha(s));
    }
}

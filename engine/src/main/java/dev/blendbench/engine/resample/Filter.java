package dev.blendbench.engine.resample;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A reconstruction filter: a symmetric kernel {@link #weight(double)} that is zero outside
 * {@code [−radius, radius]} source pixels. When a transform shrinks the image by {@code s < 1}
 * the kernel is stretched by {@code 1 / s} (support and all), so the filter also band-limits and
 * the result does not alias; {@link #NEAREST} is the exception and never widens.
 */
public enum Filter {
    /** Point sampling: the source pixel under the output pixel's centre. */
    NEAREST("nearest", 0.5) {
        @Override public double weight(double x) { return x >= -0.5 && x < 0.5 ? 1 : 0; }
    },
    /** Tent (triangle) filter: bilinear interpolation when enlarging. */
    BILINEAR("bilinear", 1) {
        @Override public double weight(double x) {
            double a = Math.abs(x);
            return a < 1 ? 1 - a : 0;
        }
    },
    /** Keys' cubic with B = 0, C = 1/2: interpolating, sharp, slight ringing. */
    CATMULL_ROM("catmull-rom", 2) {
        @Override public double weight(double x) { return cubic(Math.abs(x), 0, 0.5); }
    },
    /** Mitchell–Netravali cubic, B = C = 1/3: the usual compromise of blur and ringing. */
    MITCHELL("mitchell", 2) {
        @Override public double weight(double x) { return cubic(Math.abs(x), 1.0 / 3, 1.0 / 3); }
    },
    /** sinc windowed by sinc over two lobes. */
    LANCZOS2("lanczos2", 2) {
        @Override public double weight(double x) { return lanczos(x, 2); }
    },
    /** sinc windowed by sinc over three lobes: sharpest, most ringing. */
    LANCZOS3("lanczos3", 3) {
        @Override public double weight(double x) { return lanczos(x, 3); }
    },
    /** Box filter: area averaging when shrinking, nearest-like when enlarging. */
    BOX("box", 0.5) {
        @Override public double weight(double x) { return x >= -0.5 && x < 0.5 ? 1 : 0; }
    };

    private final String cliName;
    private final double radius;

    Filter(String cliName, double radius) {
        this.cliName = cliName;
        this.radius = radius;
    }

    /** The kernel value at {@code x} source pixels from the sample point (unwidened). */
    public abstract double weight(double x);

    /** Half-width of the kernel's support in source pixels, before widening. */
    public double radius() { return radius; }

    /** The name used on the command line and in files. */
    public String cliName() { return cliName; }

    /** How much the kernel is stretched for a scale factor (absolute value) of {@code scale}. */
    public double widening(double scale) {
        return this == NEAREST ? 1 : Math.max(1, 1 / scale);
    }

    /**
     * The filter named {@code name} (case-insensitive; also accepts the enum constant's name).
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static Filter parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Filter f : values()) {
            if (f.cliName.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        switch (n) {
            case "linear", "triangle", "tent" -> { return BILINEAR; }
            case "bicubic", "catrom" -> { return CATMULL_ROM; }
            case "area" -> { return BOX; }
            default -> { }
        }
        throw new IllegalArgumentException("unknown filter '" + name + "' (expected one of "
                + Arrays.stream(values()).map(Filter::cliName).collect(Collectors.joining(", ")) + ")");
    }

    /** Keys' family of cubics (Mitchell & Netravali 1988), for |x| = a. */
    static double cubic(double a, double b, double c) {
        if (a < 1) {
            return ((12 - 9 * b - 6 * c) * a * a * a + (-18 + 12 * b + 6 * c) * a * a + (6 - 2 * b)) / 6;
        }
        if (a < 2) {
            return ((-b - 6 * c) * a * a * a + (6 * b + 30 * c) * a * a + (-12 * b - 48 * c) * a + (8 * b + 24 * c)) / 6;
        }
        return 0;
    }

    static double lanczos(double x, int lobes) {
        if (x == 0) return 1;
        if (x <= -lobes || x >= lobes) return 0;
        double px = Math.PI * x;
        return lobes * Math.sin(px) * Math.sin(px / lobes) / (px * px);
    }

    @Override
    public String toString() { return cliName; }
}

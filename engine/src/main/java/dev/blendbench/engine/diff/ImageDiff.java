package dev.blendbench.engine.diff;

import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import java.util.Locale;

/**
 * How two pictures of one size differ, compared on their premultiplied channels (alpha and the
 * three colours, 0–255): the difference a pixel makes wherever it is composited, so a fully
 * transparent pixel's colour, which no one can see, never counts, and a faint pixel's colour
 * counts as little as it shows. A pixel's difference is its largest channel difference.
 *
 * @param width           the pictures' width
 * @param height          their height
 * @param tolerance       the largest pixel difference that still counts as equal
 * @param differing       pixels whose difference is above 0
 * @param beyond          pixels whose difference is above {@code tolerance}
 * @param max             the largest pixel difference (0 for identical pictures)
 * @param worstX          where the first pixel of difference {@code max} is (-1 when identical)
 * @param worstY          its row (-1 when identical)
 * @param worstA          that pixel in the first picture (premultiplied ARGB)
 * @param worstB          that pixel in the second
 * @param meanAbs         the mean absolute difference per channel, over every channel of every pixel
 * @param psnr            the peak signal-to-noise ratio in dB over the four channels
 *                        ({@code 10·log10(255² / mean squared difference)}); infinite when identical
 * @param histogram       how many pixels have a difference in each of {@link #BUCKETS}
 */
public record ImageDiff(int width, int height, int tolerance, long differing, long beyond, int max, int worstX, int worstY,
                        int worstA, int worstB, double meanAbs, double psnr, long[] histogram) {

    /** The histogram's buckets, as their lower and upper pixel differences (both included). */
    public static final List<int[]> BUCKETS = List.of(new int[] {0, 0}, new int[] {1, 1}, new int[] {2, 2},
            new int[] {3, 4}, new int[] {5, 8}, new int[] {9, 16}, new int[] {17, 32}, new int[] {33, 64},
            new int[] {65, 255});

    public ImageDiff {
        histogram = histogram.clone();
    }

    /** A copy of the histogram, in the order of {@link #BUCKETS}. */
    @Override
    public long[] histogram() {
        return histogram.clone();
    }

    /** Every pixel: width × height. */
    public long pixels() {
        return (long) width * height;
    }

    /** True when no pixel differs by more than the tolerance. */
    public boolean withinTolerance() {
        return beyond == 0;
    }

    /**
     * The comparison in a few lines, the first picture called A and the second B: the counts, the
     * first pixel of the largest difference (both values, straight RGBA), the mean difference and
     * PSNR, how many pixels differ by how much, and the verdict.
     */
    public List<String> summary() {
        List<String> lines = new java.util.ArrayList<>();
        String tally = differing == 0 ? "none differ"
                : String.format(Locale.ROOT, "%,d differ (%s)", differing, percent(differing, pixels()))
                + (tolerance == 0 ? "" : String.format(Locale.ROOT, ", %,d by more than %d level%s", beyond, tolerance,
                tolerance == 1 ? "" : "s"));
        lines.add(String.format(Locale.ROOT, "%dx%d: %,d pixels; %s", width, height, pixels(), tally));
        if (max > 0) {
            lines.add(String.format(Locale.ROOT, "largest difference: %d level%s, first at (%d, %d): A %s, B %s (straight RGBA)",
                    max, max == 1 ? "" : "s", worstX, worstY, Argb.toHex(worstA), Argb.toHex(worstB)));
            lines.add(String.format(Locale.ROOT, "mean difference %.4f levels a channel; PSNR %.1f dB", meanAbs, psnr));
            StringBuilder h = new StringBuilder("pixels by difference:");
            for (int i = 1; i < histogram.length; i++) {
                if (histogram[i] == 0) continue;
                int[] r = BUCKETS.get(i);
                h.append(String.format(Locale.ROOT, "  %s: %,d", r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1], histogram[i]));
            }
            lines.add(h.toString());
        }
        lines.add(verdict());
        return lines;
    }

    /** "verdict: identical", "verdict: equal within 1 level" or "verdict: different (12 pixels beyond the tolerance)". */
    public String verdict() {
        return max == 0 ? "verdict: identical"
                : withinTolerance() ? "verdict: equal within " + tolerance + " level" + (tolerance == 1 ? "" : "s")
                : String.format(Locale.ROOT, "verdict: different (%,d pixel%s beyond the tolerance)", beyond, beyond == 1 ? "" : "s");
    }

    /** "0.60 %", "< 0.01 %" for a few pixels of many, "0 %" for none. */
    static String percent(long part, long whole) {
        if (part == 0) return "0 %";
        double p = 100.0 * part / whole;
        return p < 0.01 ? "< 0.01 %" : String.format(Locale.ROOT, "%.2f %%", p);
    }

    /**
     * Compares {@code a} and {@code b}, which must be the same size.
     *
     * @throws IllegalArgumentException when the sizes differ, or the tolerance is outside 0–255
     */
    public static ImageDiff of(Surface a, Surface b, int tolerance) {
        requireSameSize(a, b);
        if (tolerance < 0 || tolerance > 255) {
            throw new IllegalArgumentException("tolerance must be 0 to 255, got " + tolerance);
        }
        long differing = 0, beyond = 0, sumAbs = 0, sumSq = 0;
        long[] histogram = new long[BUCKETS.size()];
        int max = 0, worstX = -1, worstY = -1, worstA = 0, worstB = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int p = a.getPixel(x, y), q = b.getPixel(x, y);
                if (p == q) {
                    histogram[0]++;
                    continue;
                }
                int d = 0;
                for (int sh = 0; sh < 32; sh += 8) {
                    int c = Math.abs(((p >>> sh) & 0xFF) - ((q >>> sh) & 0xFF));
                    sumAbs += c;
                    sumSq += (long) c * c;
                    d = Math.max(d, c);
                }
                differing++;
                if (d > tolerance) beyond++;
                histogram[bucket(d)]++;
                if (d > max) {
                    max = d;
                    worstX = x;
                    worstY = y;
                    worstA = p;
                    worstB = q;
                }
            }
        }
        double channels = 4.0 * a.width() * a.height();
        double mse = sumSq / channels;
        double psnr = mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
        return new ImageDiff(a.width(), a.height(), tolerance, differing, beyond, max, worstX, worstY, worstA, worstB,
                sumAbs / channels, psnr, histogram);
    }

    /** The histogram bucket of a pixel difference {@code d} (0–255). */
    static int bucket(int d) {
        if (d <= 2) return d;
        return Math.min(BUCKETS.size() - 1, 32 - Integer.numberOfLeadingZeros(d - 1) + 1);
    }

    /**
     * A picture of where {@code a} and {@code b} differ, opaque, their size: {@code a} faded to a
     * light grey where they are equal, orange where they differ within the tolerance, and red beyond
     * it, the stronger the larger the difference (full red from 64 levels up).
     */
    public static Surface heatMap(Surface a, Surface b, int tolerance) {
        requireSameSize(a, b);
        Surface out = Surface.allocate(a.width(), a.height());
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int p = a.getPixel(x, y), q = b.getPixel(x, y);
                int d = 0;
                for (int sh = 0; sh < 32 && p != q; sh += 8) {
                    d = Math.max(d, Math.abs(((p >>> sh) & 0xFF) - ((q >>> sh) & 0xFF)));
                }
                // a's luminance over white, faded towards white: the picture, as a backdrop to the marks
                int r = Argb.red(p) + 255 - Argb.alpha(p), g = Argb.green(p) + 255 - Argb.alpha(p), bl = Argb.blue(p) + 255 - Argb.alpha(p);
                int grey = 200 + (r * 54 + g * 183 + bl * 19) / 256 * 55 / 255;
                int px;
                if (d == 0) {
                    px = Argb.pack(255, grey, grey, grey);
                } else if (d <= tolerance) {
                    px = Argb.pack(255, 255, 190, 80);
                } else {
                    double t = Math.min(1, Math.log(d) / Math.log(64)); // 1 level: 0, 64 and more: 1
                    px = Argb.pack(255, (int) Math.round(255 - 55 * t), (int) Math.round(90 * (1 - t)), (int) Math.round(90 * (1 - t)));
                }
                out.setPixel(x, y, px);
            }
        }
        return out;
    }

    private static void requireSameSize(Surface a, Surface b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "sizes differ: %dx%d and %dx%d",
                    a.width(), a.height(), b.width(), b.height()));
        }
    }
}

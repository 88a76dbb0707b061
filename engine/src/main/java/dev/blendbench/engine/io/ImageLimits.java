package dev.blendbench.engine.io;

/**
 * What an image file may declare before it is decoded. The declared size is read from the header
 * and checked before any pixel memory is allocated.
 *
 * @param maxPixels the most pixels (width × height) accepted
 */
public record ImageLimits(long maxPixels) {
    /** 100 megapixels: a 10 000 × 10 000 image, 400 MB decoded. */
    public static final ImageLimits DEFAULT = new ImageLimits(100_000_000L);

    /** A pixel count as people read it: "2.1 megapixels", or "100 pixels" where that would show as 0.0. */
    public static String describe(long pixels) {
        return pixels >= 100_000 ? String.format(java.util.Locale.ROOT, "%.1f megapixels", pixels / 1e6)
                : String.format(java.util.Locale.ROOT, "%,d pixel%s", pixels, pixels == 1 ? "" : "s");
    }

    public ImageLimits {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
    }
}

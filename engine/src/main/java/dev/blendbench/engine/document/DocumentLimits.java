package dev.blendbench.engine.document;

/**
 * Caps applied while reading a layered file, so that a hostile file fails fast with a clear
 * message instead of exhausting memory.
 *
 * @param maxPixels      the most pixels of the canvas and of any one layer
 * @param maxEntryBytes  the most bytes one archive entry may inflate to (declared or actual)
 * @param maxTotalBytes  the most bytes all entries together may inflate to
 * @param maxEntries     the most entries in an archive
 * @param maxLayers      the most layers in a document
 * @param maxDepth       the deepest nesting of stacks
 * @param maxTotalPixels the most pixels of all layers together, as their headers declare them
 *                       before any is decoded (a file of a few kilobytes can declare many layers
 *                       of the largest size); the JVM's heap caps them further ({@link PixelBudget})
 */
public record DocumentLimits(long maxPixels, long maxEntryBytes, long maxTotalBytes, int maxEntries,
                             int maxLayers, int maxDepth, long maxTotalPixels) {
    /** 100 megapixels a layer, 512 MiB per entry, 2 GiB in all, 10 000 entries, 1 000 layers, 32 levels, 1 gigapixel of layers. */
    public static final DocumentLimits DEFAULT =
            new DocumentLimits(100_000_000L, 512L << 20, 2L << 30, 10_000, 1_000, 32, 1_000_000_000L);

    public DocumentLimits {
        if (maxPixels <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxEntries <= 0 || maxLayers <= 0 || maxDepth <= 0
                || maxTotalPixels <= 0) {
            throw new IllegalArgumentException("document limits must be positive");
        }
    }

    /** These limits with another pixel cap for one layer (and at least as many for all of them). */
    public DocumentLimits withMaxPixels(long pixels) {
        return new DocumentLimits(pixels, maxEntryBytes, maxTotalBytes, maxEntries, maxLayers, maxDepth, Math.max(pixels, maxTotalPixels));
    }

    /** These limits with another cap on the pixels of all layers together. */
    public DocumentLimits withMaxTotalPixels(long pixels) {
        return new DocumentLimits(maxPixels, maxEntryBytes, maxTotalBytes, maxEntries, maxLayers, maxDepth, pixels);
    }
}

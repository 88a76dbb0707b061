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
 */
public record DocumentLimits(long maxPixels, long maxEntryBytes, long maxTotalBytes, int maxEntries,
                             int maxLayers, int maxDepth) {
    /** 100 megapixels, 512 MiB per entry, 2 GiB in all, 10 000 entries, 1 000 layers, 32 levels. */
    public static final DocumentLimits DEFAULT =
            new DocumentLimits(100_000_000L, 512L << 20, 2L << 30, 10_000, 1_000, 32);

    public DocumentLimits {
        if (maxPixels <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxEntries <= 0 || maxLayers <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("document limits must be positive");
        }
    }

    /** These limits with another pixel cap. */
    public DocumentLimits withMaxPixels(long pixels) {
        return new DocumentLimits(pixels, maxEntryBytes, maxTotalBytes, maxEntries, maxLayers, maxDepth);
    }
}

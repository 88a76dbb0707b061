package dev.blendbench.engine.document;

import dev.blendbench.engine.io.ImageLimits;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The pixels one document's layers may take in all, spent layer by layer from each layer's
 * declared size before it is decoded: a hostile file of a few kilobytes can name dozens of layers
 * of the largest size each, which decoded would take many gigabytes. Refuses past
 * {@link DocumentLimits#maxTotalPixels()}, and past three quarters of the JVM's heap (4 bytes a
 * pixel), so such a file fails at once with a one-line reason instead of an
 * {@link OutOfMemoryError} after a long thrash. Not thread-safe: one read's.
 */
final class PixelBudget {
    /** The share of the heap that a document's layers may take: the rest is the program's, the canvas's and the decoder's. */
    static final double HEAP_SHARE = 0.75;

    private final String file;
    private final long maxPixels;
    private final LongSupplier maxHeapBytes;
    private long spent;

    /**
     * @param file         the document's name, for messages
     * @param maxHeapBytes the heap's most ({@link Runtime#maxMemory()} outside tests)
     */
    PixelBudget(String file, DocumentLimits limits, LongSupplier maxHeapBytes) {
        this.file = file;
        this.maxPixels = limits.maxTotalPixels();
        this.maxHeapBytes = maxHeapBytes;
    }

    PixelBudget(String file, DocumentLimits limits) {
        this(file, limits, Runtime.getRuntime()::maxMemory);
    }

    /**
     * Spends a {@code width} × {@code height} layer's pixels.
     *
     * @throws DocumentException naming the file and the layer, where they would pass either cap
     */
    void take(String layer, long width, long height) throws DocumentException {
        long total = spent + width * height;
        if (total > maxPixels) {
            throw new DocumentException(String.format(Locale.ROOT, "%s: its layers declare more than %s in all (%s with layer '%s', %dx%d)",
                    file, ImageLimits.describe(maxPixels), ImageLimits.describe(total), OpenRaster.shorten(layer), width, height));
        }
        long heap = maxHeapBytes.getAsLong();
        if (total * Integer.BYTES > heap * HEAP_SHARE) {
            throw new DocumentException(String.format(Locale.ROOT, "%s: its layers need %s decoded (%s with layer '%s', %dx%d),"
                            + " more than this JVM's heap of %s can hold; give java a larger heap (-Xmx)",
                    file, gib(total * Integer.BYTES), ImageLimits.describe(total), OpenRaster.shorten(layer), width, height, gib(heap)));
        }
        spent = total;
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}

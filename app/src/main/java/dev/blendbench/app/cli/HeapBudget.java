package dev.blendbench.app.cli;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Refuses, before allocating, an image that this JVM's heap cannot hold: a one-line reason and
 * exit 2 instead of an {@link OutOfMemoryError} half-way through a render. {@code --max-pixels}
 * can be raised past what the heap allows (the default heap is a quarter of the machine's
 * memory), so the pixel cap alone does not keep a one-shot command within memory.
 */
final class HeapBudget {
    private final LongSupplier free;
    private final long max;

    /**
     * @param free what the heap can still give (its most, less what is in use), in bytes; asked
     *             again after a collection when the first answer is too small
     * @param max  the heap's most, in bytes (named in the message)
     */
    HeapBudget(LongSupplier free, long max) {
        this.free = free;
        this.max = max;
    }

    /** This JVM's heap. */
    static HeapBudget ofThisJvm() {
        Runtime rt = Runtime.getRuntime();
        return new HeapBudget(() -> {
            long used = rt.totalMemory() - rt.freeMemory();
            return rt.maxMemory() - used;
        }, rt.maxMemory());
    }

    /**
     * Throws {@link BadInputException} when {@code bytes} more will not fit in the heap.
     *
     * @param what  what needs the memory, as the message's subject ("the 40000x40000 canvas")
     * @param bytes how much it needs
     */
    void require(String what, long bytes) {
        if (bytes <= free.getAsLong()) return;
        System.gc(); // what is in use may be garbage; ask once more before refusing
        if (bytes <= free.getAsLong()) return;
        throw new BadInputException(String.format(Locale.ROOT,
                "%s needs %s of memory and this JVM's heap is at most %s; give java a larger heap"
                        + " (e.g. java -Xmx%dg -jar blendbench.jar ...) or make it smaller",
                what, size(bytes), size(max), suggestedGigabytes(bytes)));
    }

    /** Bytes a w × h image of {@code copies} int-per-pixel buffers takes. */
    static long pixelBytes(long width, long height, int copies) {
        return width * height * Integer.BYTES * copies;
    }

    /** Whole gigabytes of heap for {@code bytes} with a quarter to spare, plus one for the rest of the program. */
    static long suggestedGigabytes(long bytes) {
        long gib = 1L << 30;
        return (bytes + bytes / 4 + gib - 1) / gib + 1;
    }

    /** 1.5 GiB, 640 MiB, 12 KiB. */
    static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        if (bytes >= 1L << 20) return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
        return String.format(Locale.ROOT, "%.0f KiB", Math.max(1, bytes / 1024.0));
    }
}

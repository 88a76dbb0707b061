package dev.blendbench.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated per render at steady state, read from the thread's allocation counter
 * ({@code com.sun.management.ThreadMXBean}) around a batch of renders, without JMH's own
 * bookkeeping in the figure.
 */
final class AllocationProbe {
    private AllocationProbe() {}

    static double bytesPerRender(int warmup, int measured) {
        return bytesPerRender(warmup, measured, false, "srgb");
    }

    static double bytesPerRender(int warmup, int measured, boolean transformed, String blendSpace) {
        return bytesPerRender(warmup, measured, "3840x2160", transformed, blendSpace);
    }

    static double bytesPerRender(int warmup, int measured, String size, boolean transformed, String blendSpace) {
        return bytesPerRender(warmup, measured, size, transformed, blendSpace, false);
    }

    static double bytesPerRender(int warmup, int measured, String size, boolean transformed, String blendSpace, boolean grouped) {
        return bytesPerRender(warmup, measured, size, transformed, blendSpace, grouped, false);
    }

    static double bytesPerRender(int warmup, int measured, String size, boolean transformed, String blendSpace, boolean grouped,
                                 boolean clipping) {
        return bytesPerRender(warmup, measured, size, transformed, blendSpace, grouped, clipping, "no");
    }

    /** With {@code grouped}: the outer group pass-through ({@code full}, {@code faded}, {@code masked}) or not ({@code no}). */
    static double bytesPerRender(int warmup, int measured, String size, boolean transformed, String blendSpace, boolean grouped,
                                 boolean clipping, String passThrough) {
        SceneBenchmark b = new SceneBenchmark();
        b.grouped = grouped;
        b.clipping = clipping;
        b.passThrough = passThrough;
        b.groupMasked = false;
        b.masked = false;
        b.maskShape = "ramp";
        b.size = size;
        b.layers = 8;
        b.tile = "4096x16";
        b.threads = 1;
        b.transformed = transformed;
        b.blendSpace = blendSpace;
        b.content = "shapes"; // every @Param field must be set: JMH's defaults apply only under JMH
        b.setUp();
        for (int i = 0; i < warmup; i++) b.tiledRenderer();
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < measured; i++) b.tiledRenderer();
        long after = mx.getThreadAllocatedBytes(id);
        return (after - before) / (double) measured;
    }
}

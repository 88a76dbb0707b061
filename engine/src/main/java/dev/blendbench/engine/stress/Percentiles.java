package dev.blendbench.engine.stress;

import org.HdrHistogram.Histogram;

/** The latency figures of one histogram, in nanoseconds. All zero for an empty one. */
public record Percentiles(long count, double mean, long p50, long p90, long p95, long p99, long p999, long max) {
    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0, 0);

    public static Percentiles of(Histogram h) {
        if (h.getTotalCount() == 0) return EMPTY;
        return new Percentiles(h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }
}

package dev.blendbench.engine.stress;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** The latency figures of one histogram, in nanoseconds. All zero for an empty one. */
public record Percentiles(long count, double mean, long p50, long p90, long p95, long p99, long p999, long max) {
    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0, 0);

    public static Percentiles of(Histogram h) {
        if (h.getTotalCount() == 0) return EMPTY;
        return new Percentiles(h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    /** Points a halving of the distance to 100 % in {@link #distribution}: HdrHistogram's own default. */
    public static final int TICKS_PER_HALF_DISTANCE = 5;

    /**
     * The whole distribution of {@code h}, as HdrHistogram's percentile iteration gives it:
     * {@value #TICKS_PER_HALF_DISTANCE} points from 0 to 50 %, as many from 50 to 75 %, from 75 to
     * 87.5 % and so on, until the highest recorded value (at 100 %). Equal latencies at rising
     * percentiles are each kept (the tail's steps). Each point's latency is what
     * {@code getValueAtPercentile} gives for its percentile. Empty for an empty histogram.
     */
    public static List<PercentilePoint> distribution(Histogram h) {
        List<PercentilePoint> out = new ArrayList<>();
        if (h.getTotalCount() == 0) return out;
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            out.add(new PercentilePoint(Math.min(100, v.getPercentileLevelIteratedTo()), v.getValueIteratedTo()));
        }
        return out;
    }
}

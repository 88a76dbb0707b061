package dev.blendbench.engine.stress;

/**
 * One point of a latency distribution: {@code percentile} (0..100) of the jobs took at most
 * {@code nanos}. A list of them, by rising percentile, is what HdrHistogram's percentile
 * distribution ({@code .hgrm}) tabulates and its plotters draw.
 */
public record PercentilePoint(double percentile, long nanos) {
    public PercentilePoint {
        if (!(percentile >= 0 && percentile <= 100)) throw new IllegalArgumentException("percentile must be 0..100, got " + percentile);
        if (nanos < 0) throw new IllegalArgumentException("latency must not be negative, got " + nanos);
    }
}

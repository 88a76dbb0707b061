package dev.blendbench.engine.stress;

import java.util.Locale;

/**
 * A latency objective: percentile {@code percentile} (0–100) of end-to-end latency at most
 * {@code limitNanos}. Parsed from {@code p99=100ms}, {@code p99.9=250ms}, {@code p50=5ms}.
 */
public record Slo(double percentile, long limitNanos) {
    public Slo {
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("objective percentile must be between 0 and 100: " + percentile);
        }
        if (limitNanos <= 0) throw new IllegalArgumentException("objective limit must be positive");
    }

    public static Slo parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        int eq = t.indexOf('=');
        if (!t.startsWith("p") || eq < 2) {
            throw new IllegalArgumentException("objective must look like p99=100ms, got '" + s + "'");
        }
        double p;
        try {
            p = Double.parseDouble(t.substring(1, eq));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("objective must look like p99=100ms, got '" + s + "'");
        }
        return new Slo(p, Durations.parse(t.substring(eq + 1)).toNanos());
    }

    /** The objective's percentile of a report's latency. */
    public long measure(org.HdrHistogram.Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p%s <= %s", (percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile)),
                Durations.format(limitNanos));
    }
}

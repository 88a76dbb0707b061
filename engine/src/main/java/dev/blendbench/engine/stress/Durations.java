package dev.blendbench.engine.stress;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as people type them: {@code 30s}, {@code 250ms}, {@code 2m}, {@code 1.5s},
 * {@code 800us}; a bare {@code 0} is zero (any other number needs its unit).
 */
public final class Durations {
    private Durations() {}

    private static final Pattern P = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");

    public static Duration parse(String s) {
        if (s != null && s.trim().matches("0+(\\.0*)?")) {
            return Duration.ZERO;
        }
        Matcher m = P.matcher(s == null ? "" : s.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("duration must be a number with a unit (ns, us, ms, s, m, h), got '" + s + "'");
        }
        double v = Double.parseDouble(m.group(1));
        double nanos = v * switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        if (nanos > 7 * 24 * 3600e9) {
            throw new IllegalArgumentException("duration over a week is not accepted: '" + s + "'");
        }
        return Duration.ofNanos((long) nanos);
    }

    /** A short human form: 1.5s, 250ms, 800us. */
    public static String format(long nanos) {
        if (nanos >= 1_000_000_000L) return String.format(Locale.ROOT, "%.3gs", nanos / 1e9);
        if (nanos >= 1_000_000L) return String.format(Locale.ROOT, "%.3gms", nanos / 1e6);
        return String.format(Locale.ROOT, "%.3gus", nanos / 1e3);
    }
}

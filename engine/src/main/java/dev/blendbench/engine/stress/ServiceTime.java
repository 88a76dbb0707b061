package dev.blendbench.engine.stress;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The service time of the synthetic job: constant or exponential with a mean, spent sleeping
 * (the thread parks) or spinning (the thread keeps a core busy).
 */
public record ServiceTime(Kind kind, long meanNanos, boolean spin) {
    public enum Kind { CONSTANT, EXPONENTIAL }

    public ServiceTime {
        if (meanNanos < 0 || meanNanos > 3_600_000_000_000L) {
            throw new IllegalArgumentException("service time out of range: " + meanNanos + " ns");
        }
    }

    /** One draw. */
    public long draw(SplittableRandom rnd) {
        return kind == Kind.CONSTANT ? meanNanos : (long) (-Math.log(1 - rnd.nextDouble()) * meanNanos);
    }

    /**
     * Parses {@code const:2ms}, {@code exp:10ms}, optionally followed by {@code :spin} or
     * {@code :sleep} (the default).
     */
    public static ServiceTime parse(String s) {
        String[] p = s.trim().toLowerCase(Locale.ROOT).split(":");
        if (p.length < 2 || p.length > 3) {
            throw new IllegalArgumentException("synthetic job must be const:DURATION or exp:DURATION[:spin|:sleep], got '" + s + "'");
        }
        Kind k = switch (p[0]) {
            case "const", "constant" -> Kind.CONSTANT;
            case "exp", "exponential" -> Kind.EXPONENTIAL;
            default -> throw new IllegalArgumentException("synthetic distribution must be const or exp, got '" + p[0] + "'");
        };
        boolean spin = false;
        if (p.length == 3) {
            spin = switch (p[2]) {
                case "spin" -> true;
                case "sleep" -> false;
                default -> throw new IllegalArgumentException("synthetic job runs as spin or sleep, got '" + p[2] + "'");
            };
        }
        return new ServiceTime(k, Durations.parse(p[1]).toNanos(), spin);
    }
}

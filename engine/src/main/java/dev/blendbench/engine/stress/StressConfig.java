package dev.blendbench.engine.stress;

import java.time.Duration;
import java.util.Objects;

/**
 * A session's settings.
 *
 * @param load           closed or open loop, with the worker count
 * @param virtualThreads workers are virtual threads instead of platform threads
 * @param warmup         run but not measured
 * @param duration       measured phase
 * @param maxJobs        stop after this many measured jobs (0: no limit)
 * @param interval       snapshot interval (100 ms by default)
 */
public record StressConfig(LoadModel load, boolean virtualThreads, Duration warmup, Duration duration, long maxJobs,
                           Duration interval) {
    public StressConfig {
        Objects.requireNonNull(load, "load");
        if (warmup.isNegative()) throw new IllegalArgumentException("warm-up must not be negative: " + warmup);
        if (duration.isZero() || duration.isNegative()) throw new IllegalArgumentException("duration must be positive: " + duration);
        if (maxJobs < 0) throw new IllegalArgumentException("max jobs must not be negative: " + maxJobs);
        if (interval.toMillis() < 10) throw new IllegalArgumentException("interval must be at least 10 ms: " + interval);
    }

    public static StressConfig of(LoadModel load, Duration warmup, Duration duration) {
        return new StressConfig(load, false, warmup, duration, 0, Duration.ofMillis(100));
    }
}

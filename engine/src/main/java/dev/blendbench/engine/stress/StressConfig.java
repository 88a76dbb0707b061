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
 * @param drainLimit     how long an open loop may go on draining its backlog once its arrivals have
 *                       stopped (at the end of {@code duration}); when it runs out, the session ends
 *                       and the jobs still queued are counted in the latency at their wait so far
 *                       (see {@link StressReport#queuedAtEnd()}); null: no limit. A closed loop
 *                       has no backlog, so it ignores this.
 */
public record StressConfig(LoadModel load, boolean virtualThreads, Duration warmup, Duration duration, long maxJobs,
                           Duration interval, Duration drainLimit) {
    /**
     * The drain limit the command line and the workbench use unless told otherwise: long enough for
     * any backlog a stall or a collection leaves behind, short enough that a rate far past capacity
     * does not hold a 30-second session for minutes (at 10× capacity its backlog takes 9× the
     * duration to drain).
     */
    public static final Duration DEFAULT_DRAIN_LIMIT = Duration.ofSeconds(10);

    public StressConfig {
        Objects.requireNonNull(load, "load");
        if (warmup.isNegative()) throw new IllegalArgumentException("warm-up must not be negative: " + warmup);
        if (duration.isZero() || duration.isNegative()) throw new IllegalArgumentException("duration must be positive: " + duration);
        if (maxJobs < 0) throw new IllegalArgumentException("max jobs must not be negative: " + maxJobs);
        if (interval.toMillis() < 10) throw new IllegalArgumentException("interval must be at least 10 ms: " + interval);
        if (drainLimit != null && drainLimit.isNegative()) throw new IllegalArgumentException("drain limit must not be negative: " + drainLimit);
    }

    /** The same settings with the {@link #DEFAULT_DRAIN_LIMIT default drain limit}. */
    public StressConfig(LoadModel load, boolean virtualThreads, Duration warmup, Duration duration, long maxJobs, Duration interval) {
        this(load, virtualThreads, warmup, duration, maxJobs, interval, DEFAULT_DRAIN_LIMIT);
    }

    public static StressConfig of(LoadModel load, Duration warmup, Duration duration) {
        return new StressConfig(load, false, warmup, duration, 0, Duration.ofMillis(100));
    }
}

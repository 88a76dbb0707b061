package dev.blendbench.engine.stress;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Closed loop (a fixed number of workers, each starting its next job when one ends) or open loop (a target rate). */
public sealed interface LoadModel {
    int workers();

    /** One line: "closed loop, 4 workers" or "open loop at 200.0 jobs/s (poisson), 2 workers". */
    default String description() {
        return switch (this) {
            case Closed c -> "closed loop, " + c.workers() + (c.workers() == 1 ? " worker" : " workers");
            case Open o -> String.format(Locale.ROOT, "open loop at %.1f jobs/s (%s), %d worker%s", o.rate(),
                    o.arrivals().name().toLowerCase(Locale.ROOT), o.workers(), o.workers() == 1 ? "" : "s");
        };
    }

    /** {@code workers} each run jobs back to back, pausing {@code think} in between. */
    record Closed(int workers, Duration think) implements LoadModel {
        public Closed {
            if (workers < 1 || workers > 10_000) throw new IllegalArgumentException("workers must be 1..10000: " + workers);
            Objects.requireNonNull(think, "think");
            if (think.isNegative()) throw new IllegalArgumentException("think time must not be negative: " + think);
        }
    }

    /**
     * Jobs arrive at {@code rate} per second ({@code arrivals} spacing) and are served by
     * {@code workers} in arrival order; latency counts from each job's intended start.
     */
    record Open(double rate, Arrivals arrivals, int workers) implements LoadModel {
        public Open {
            if (!(rate > 0) || !Double.isFinite(rate) || rate > 10_000_000) {
                throw new IllegalArgumentException("rate must be a positive number of jobs/s (at most 1e7): " + rate);
            }
            Objects.requireNonNull(arrivals, "arrivals");
            if (workers < 1 || workers > 10_000) throw new IllegalArgumentException("workers must be 1..10000: " + workers);
        }
    }
}

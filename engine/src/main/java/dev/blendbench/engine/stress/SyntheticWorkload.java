package dev.blendbench.engine.stress;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A job that only takes time: a constant or exponential service time spent sleeping or spinning,
 * and optionally one injected {@link Stall} that freezes all service. It lets the harness be
 * checked against queueing theory, where the exact answers are known.
 */
public final class SyntheticWorkload implements Workload {
    private final ServiceTime service;
    private final Stall stall;
    private final Ticker ticker;
    private volatile long origin = Long.MIN_VALUE;

    public SyntheticWorkload(ServiceTime service, Stall stall, Ticker ticker) {
        this.service = service;
        this.stall = stall;
        this.ticker = ticker;
    }

    /** Sets the session time origin the stall is placed against (the start of measurement). */
    void origin(long nanos) {
        origin = nanos;
    }

    @Override
    public String description() {
        return "synthetic " + service.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                + Durations.format(service.meanNanos()) + (service.spin() ? " spin" : " sleep")
                + (stall == null ? "" : ", stall of " + Durations.format(stall.lengthNanos()) + " at " + Durations.format(stall.atNanos()));
    }

    @Override
    public List<String> stages() {
        return List.of("service");
    }

    @Override
    public WorkerJob newWorker(int index) {
        SplittableRandom rnd = new SplittableRandom(0x5EED + index);
        return stageNanos -> {
            long start = ticker.nanoTime();
            waitOutStall(start);
            long d = service.draw(rnd);
            long end = ticker.nanoTime() + d;
            if (service.spin()) {
                while (ticker.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            } else {
                sleepUntil(end);
            }
            waitOutStall(ticker.nanoTime());
            stageNanos[0] = ticker.nanoTime() - start;
        };
    }

    private void waitOutStall(long now) {
        if (stall == null || origin == Long.MIN_VALUE) return;
        long from = origin + stall.atNanos(), to = from + stall.lengthNanos();
        if (now >= from && now < to) {
            sleepUntil(to);
        }
    }

    private void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - ticker.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}

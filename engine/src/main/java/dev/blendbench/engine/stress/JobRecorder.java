package dev.blendbench.engine.stress;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Records each job's figures — latency, service time and the time of each stage — into one set of
 * interval histograms, so that every interval holds the same jobs in all of them. (One HdrHistogram
 * {@code Recorder} a figure, swapped one after the other, let a job ending at the swap land in one
 * interval's latency and the next one's service time: a closed-loop row then showed a service p99
 * above its end-to-end p99.)
 *
 * <p><b>Threads.</b> {@link #record} may be called from any number of threads at once, wait-free
 * (a {@link WriterReaderPhaser} critical section); {@link #interval} from one thread at a time.
 */
public final class JobRecorder {
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private final long highest;
    private volatile Histogram[] active;
    private Histogram[] inactive;

    /** @param stages the number of stages a job reports; {@code highest}: the largest value kept (larger ones are clamped) */
    public JobRecorder(int stages, long highest) {
        this.highest = highest;
        this.active = fresh(stages, highest);
        this.inactive = fresh(stages, highest);
    }

    private static Histogram[] fresh(int stages, long highest) {
        Histogram[] h = new Histogram[2 + stages];
        for (int i = 0; i < h.length; i++) h[i] = new ConcurrentHistogram(highest, 3);
        return h;
    }

    /** One job: its latency, service time and stage times, in nanoseconds (each clamped to 0 … highest). */
    public void record(long latencyNanos, long serviceNanos, long[] stageNanos) {
        long c = phaser.writerCriticalSectionEnter();
        try {
            Histogram[] a = active;
            a[0].recordValue(clamp(latencyNanos));
            a[1].recordValue(clamp(serviceNanos));
            for (int s = 0; s < stageNanos.length && s + 2 < a.length; s++) a[s + 2].recordValue(clamp(stageNanos[s]));
        } finally {
            phaser.writerCriticalSectionExit(c);
        }
    }

    private long clamp(long v) {
        return Math.min(highest, Math.max(0, v));
    }

    /**
     * The jobs recorded since the previous call: latency at [0], service time at [1], stage
     * {@code s} at [2 + s], all of the same jobs. Valid until the next call, which reuses them.
     */
    public Histogram[] interval() {
        phaser.readerLock();
        try {
            Histogram[] next = inactive;
            for (Histogram h : next) h.reset();
            Histogram[] done = active;
            active = next;
            phaser.flipPhase(); // returns once every writer that could see `done` has left it
            inactive = done;
            return done;
        } finally {
            phaser.readerUnlock();
        }
    }
}

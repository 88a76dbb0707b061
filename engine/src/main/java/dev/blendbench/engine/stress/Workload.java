package dev.blendbench.engine.stress;

import java.util.List;

/**
 * What a stress session runs. A workload hands each worker its own {@link WorkerJob} (the
 * worker's state: a canvas, scratch), so a job itself needs no allocation or lookup.
 */
public interface Workload extends AutoCloseable {
    /** One line: what runs, for reports. */
    String description();

    /** The timed stages of one job, in order (for example {@code [decode, composite, encode]}). */
    List<String> stages();

    /** The job state of worker {@code index}; called once, on that worker's thread. */
    WorkerJob newWorker(int index);

    /**
     * Pixel accesses this workload's race detector has found racing so far (every repeat of every
     * finding), or -1 where no detector watches it. Sessions sample it once an interval.
     */
    default long racingAccesses() {
        return -1;
    }

    @Override
    default void close() {}

    /** One worker's job. */
    @FunctionalInterface
    interface WorkerJob {
        /**
         * Runs one job and writes the length of each stage, in nanoseconds, into
         * {@code stageNanos} (one slot per {@link #stages()} entry).
         */
        void run(long[] stageNanos) throws Exception;
    }
}

package dev.blendbench.engine.stress;

/**
 * One measurement interval (100 ms by default) of a session, or of its warm-up ({@link #warmup()}:
 * those reach a session's listener only, never its report).
 *
 * @param endNanos        end of the interval, from the start of measurement (at most 0 in the warm-up)
 * @param lengthNanos     length of the interval
 * @param latency         end-to-end latency of jobs completed in it (from intended start in open loop);
 *                        the last interval of an open loop that was stopped or cut by its drain limit
 *                        also holds the jobs still queued, at their wait so far
 *                        ({@link StressReport#queuedAtEnd()})
 * @param service         the same jobs' service time (from actual start: blind to queueing and stalls)
 * @param throughput      jobs that ended per second: those of {@code service}, and warm-up jobs that
 *                        ended in it ({@link StressReport#warmupBacklogJobs()})
 * @param allocatedBytes  bytes allocated by the workers in the interval
 * @param gcCount         collections that ended in the interval
 * @param gcPauseMillis   their summed pause (or duration) in ms
 * @param heapAfterGcBytes heap used after the JVM's latest collection up to the interval's end (in
 *                         it or before it), or -1 if there was none yet
 * @param maxScheduleLagNanos worst lateness of a free worker waking for its scheduled start (open loop)
 * @param oldestWaitNanos how long the oldest job due but not yet started had been waiting at the
 *                        interval's end (open loop; 0 when none was waiting, -1 in closed loop): the
 *                        queue's age, which grows while the system falls behind, long before the
 *                        jobs stuck in it end and show in the latency
 * @param racingAccesses  pixel accesses the workload's race detector found racing in the interval,
 *                        or -1 where none watches ({@link Workload#racingAccesses()})
 * @param cpu             how the machine's CPUs were used in the interval: by the workload's process,
 *                        by other processes, by the hypervisor ({@link CpuUse}; parts unknown are NaN)
 */
public record IntervalSnapshot(long endNanos, long lengthNanos, Percentiles latency, Percentiles service,
                               double throughput, long allocatedBytes, long gcCount, double gcPauseMillis,
                               long heapAfterGcBytes, long maxScheduleLagNanos, long oldestWaitNanos,
                               long racingAccesses, CpuUse cpu) {
    /** An interval of the warm-up: its jobs are not measured (it ends at or before the start of measuring). */
    public boolean warmup() {
        return endNanos <= 0;
    }

    /** Allocation rate in MB/s (10^6 bytes). */
    public double allocationMBps() {
        return lengthNanos == 0 ? 0 : allocatedBytes / 1e6 / (lengthNanos / 1e9);
    }
}

package dev.blendbench.engine.stress;

import java.util.List;
import java.util.Map;

/**
 * Everything a session measured, after warm-up.
 *
 * @param workload        what ran
 * @param load            the load model
 * @param virtualThreads  whether workers were virtual threads
 * @param warmupJobs      jobs that ended during the warm-up: none (with a warm-up asked for) means the
 *                        measurement started cold, with class loading and JIT compilation in it
 * @param warmupBacklogJobs jobs due in the warm-up that ended in the measured phase: one a worker at
 *                        most, except where an overloaded open loop's warm-up left a backlog, which
 *                        the first measured jobs then wait behind. They count in {@link #throughput()}
 *                        (the system did them), not in {@code jobs} or the latency (their wait began
 *                        before measuring did)
 * @param measuredNanos   length of the measured phase: from its start until the last measured job
 *                        ended — a little longer than asked (the jobs started before its end finish),
 *                        much longer when an overloaded open loop drains its backlog, shorter if stopped
 * @param jobs            jobs completed in it (so not the {@code queuedAtEnd} ones)
 * @param errors          jobs that threw
 * @param firstError      the first job failure, one line, or null
 * @param latency         end-to-end latency over the whole phase (with the {@code queuedAtEnd} jobs)
 * @param service         service time over the whole phase
 * @param stages          per-stage times, by stage name, in order
 * @param bytesPerJob     bytes allocated by the workers per job
 * @param gcCount         collections during the phase
 * @param gcPauseMillis   their total pause
 * @param generatorSaturated true when free workers could not start jobs on schedule (open loop):
 *                        the offered load was then lower than asked
 * @param stopped         true when the session was stopped ({@code stop()} or its job limit) with jobs still due:
 *                        before its end, or while an overloaded open loop drained its backlog
 * @param queuedAtEnd     open loop: measured jobs that were due but had not started when the session
 *                        was stopped ({@code stop()}) or its drain limit ran out; each is in
 *                        {@code latency} (and in its last interval's) at its wait until then, a lower
 *                        bound of the latency it would have had, and in no other figure. Leaving
 *                        them out would drop the slowest jobs of all; counting them keeps the
 *                        percentiles honest lower bounds. 0 for a closed loop, a session that
 *                        drained its backlog, or one ended by its job limit.
 * @param intervals       the interval snapshots
 * @param warmupNanos     how long the warm-up ran: its configured length, less where it ended steady
 *                        ({@link StressSession#warmUntilSteady}) or was stopped
 * @param warmupSteady    whether the warm-up ended because its jobs' service time was steady
 * @param latencyDistribution the whole distribution of {@code latency}, by rising percentile
 *                        ({@link Percentiles#distribution}): the shape of the tail between and beyond
 *                        its fixed percentiles
 * @param cpu             how the machine's CPUs were used over the measured phase, from the counters
 *                        at its start and its end ({@link CpuUse}; parts unknown are NaN)
 */
public record StressReport(String workload, LoadModel load, boolean virtualThreads, long warmupJobs, long warmupBacklogJobs,
                           long measuredNanos, long jobs,
                           long errors, String firstError, Percentiles latency, Percentiles service,
                           Map<String, Percentiles> stages, double bytesPerJob, long gcCount, double gcPauseMillis,
                           boolean generatorSaturated, boolean stopped, long queuedAtEnd, List<IntervalSnapshot> intervals,
                           long warmupNanos, boolean warmupSteady, List<PercentilePoint> latencyDistribution, CpuUse cpu) {
    public StressReport {
        stages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stages));
        intervals = List.copyOf(intervals);
        latencyDistribution = List.copyOf(latencyDistribution);
    }

    /**
     * Whether the warm-up left a backlog the first measured jobs waited behind: more of its jobs
     * ended in the measured phase than one a worker (what any session has at the boundary), and
     * either the open loop was {@code overloaded} throughout (its rate beyond what the system does)
     * or the backlog is over four times the jobs the measured phase itself typically held
     * ({@code jobsInSystem}: {@link #typicalJobsInSystem}): the warm-up fell behind (a cold start, a
     * pause). A queue near saturation holds a few jobs at any instant, the boundary among them, and
     * that is no backlog.
     */
    public static boolean leftWarmupBacklog(long warmupBacklogJobs, int workers, double jobsInSystem, boolean overloaded) {
        double usual = Math.max(1, workers);
        return warmupBacklogJobs > usual && (overloaded || warmupBacklogJobs > usual + 4 * (jobsInSystem > 0 ? jobsInSystem : 0));
    }

    /** {@link #leftWarmupBacklog(long, int, double, boolean)} for this session. */
    public boolean leftWarmupBacklog() {
        double[] inSystem = intervals.stream().filter(i -> i.latency().count() > 0)
                .mapToDouble(i -> i.throughput() * i.latency().mean() / 1e9).toArray();
        return leftWarmupBacklog(warmupBacklogJobs, load.workers(), inSystem.length > 0 ? typicalJobsInSystem(inSystem)
                : latency.count() == 0 ? 0 : throughput() * latency.mean() / 1e9, overloaded());
    }

    /**
     * The jobs a measured phase typically held, from each interval's jobs in the system (its
     * throughput × its mean latency, Little's law): their median. Not the whole phase's throughput
     * × mean latency: the backlog a warm-up left lifts the first intervals' latency, and with it
     * the whole phase's mean, so that a cold start's backlog would hide behind itself (a ramp's
     * first step at 400 jobs/s, 2 workers half busy, 289 jobs of backlog: the whole phase's mean
     * latency said 65 jobs in the system, its intervals typically held under one). NaN for none.
     */
    public static double typicalJobsInSystem(double[] perInterval) {
        if (perInterval.length == 0) return Double.NaN;
        double[] c = perInterval.clone();
        java.util.Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    /**
     * An open loop that did less than 95 % of the rate offered, and at least two jobs fewer than it
     * over the measured phase: the rate is beyond what the system does. (Where the phase begins and
     * ends among the arrivals moves their count by one: 0.5 jobs/s for 5 s is two arrivals or three.)
     */
    public boolean overloaded() {
        return load instanceof LoadModel.Open o && overloaded(throughput(), o.rate(), measuredNanos / 1e9);
    }

    /**
     * {@link #overloaded()} from its parts, as a file gives them: jobs done a second against the rate
     * offered, over the measured phase's seconds (NaN where a file does not say: the 95 % alone then).
     * False for a rate not known (NaN).
     */
    public static boolean overloaded(double throughputPerSecond, double ratePerSecond, double seconds) {
        return throughputPerSecond < 0.95 * ratePerSecond && (!(seconds > 0) || (ratePerSecond - throughputPerSecond) * seconds >= 2);
    }

    /**
     * The workers' busy share over the measured phase, 0..1: the work done per second over the work
     * they could do, {@code throughput × mean service / workers} (Little's law over the workers);
     * NaN when no job was measured. Near 1 an open loop's jobs queue: its latency then grows with
     * the wait to start, not with the work.
     */
    public double busy() {
        return busyShare(throughput(), service.count() == 0 ? Double.NaN : service.mean() / 1e6, load.workers());
    }

    /** {@link #busy()} from its parts: jobs per second, their mean service in milliseconds, and the workers (NaN: unknown). */
    public static double busyShare(double throughputPerSecond, double meanServiceMillis, int workers) {
        if (workers < 1 || !(throughputPerSecond > 0) || Double.isNaN(meanServiceMillis)) return Double.NaN;
        return Math.min(1, throughputPerSecond * meanServiceMillis / 1000 / workers);
    }

    /**
     * Jobs that ended per second over the measured phase, the {@code warmupBacklogJobs} among them.
     * Under an open loop the system could not keep up with, this is what it did, below the offered rate.
     */
    public double throughput() {
        return measuredNanos == 0 ? 0 : (jobs + warmupBacklogJobs) / (measuredNanos / 1e9);
    }
}

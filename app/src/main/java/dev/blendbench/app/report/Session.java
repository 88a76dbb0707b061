package dev.blendbench.app.report;

import dev.blendbench.engine.stress.CpuUse;
import java.util.List;
import java.util.Map;

/**
 * One session file as the reports read it: a stress session, a ramp, or a cliff search. Immutable.
 * Times in milliseconds. Fields a kind does not have are empty (lists, maps) or NaN.
 *
 * @param name     the file's name, used as the session's label
 * @param kind     what the file holds
 * @param settings the settings, flattened to {@code key → text} for display, in file order
 * @param strategy the strategy name, or "" (synthetic jobs)
 * @param machine  machine facts ({@code cores, os, arch, cpuModel, memoryBytes}) as text
 * @param jvm      JVM facts as text
 * @param stages   per-stage percentiles ({@code decode, composite, encode} or {@code service})
 */
public record Session(String name, Kind kind, String createdAt, boolean partial, Map<String, String> settings,
                      String workload, String strategy, Map<String, String> machine, Map<String, String> jvm,
                      Summary summary, Stats latency, Stats service, Map<String, Stats> stages,
                      List<Interval> intervals, List<Race> races, List<Step> steps, Cliff cliff) {

    public enum Kind { SESSION, RAMP, CLIFF }

    /**
     * One step of this ramp as a session of its own ({@code "ramp.json at 200 jobs/s"}), with the
     * ramp's settings, machine and JVM: what a step-by-step comparison of two ramps judges.
     */
    public Session stepAsSession(Step st) {
        return new Session(name + " at " + st.loadText(), Kind.SESSION, createdAt, false, settings, workload, strategy, machine, jvm,
                st.summary(), st.latency(), st.service(), st.stages(), st.intervals(), List.of(), List.of(), null);
    }

    /** This session under another name (the file name it is labelled by). */
    public Session withName(String newName) {
        return new Session(newName, kind, createdAt, partial, settings, workload, strategy, machine, jvm, summary, latency, service,
                stages, intervals, races, steps, cliff);
    }

    /**
     * The sessions with names told apart, for a report or comparison that labels them by name (and
     * charts them by label): a name that repeats gets " (2)", " (3)"… after its first use.
     */
    public static List<Session> distinctNames(List<Session> sessions) {
        java.util.Set<String> used = new java.util.HashSet<>();
        List<Session> out = new java.util.ArrayList<>(sessions.size());
        for (Session s : sessions) {
            String n = s.name();
            for (int k = 2; !used.add(n); k++) n = s.name() + " (" + k + ")";
            out.add(n.equals(s.name()) ? s : s.withName(n));
        }
        return out;
    }

    /** Whether its warm-ups ran until the jobs were steady ({@code --warmup auto}), the warm-up setting being their most. */
    public boolean warmedUntilSteady() {
        return "true".equals(settings.get("warmupUntilSteady"));
    }

    /** Whether a ramp's or cliff search's load is a worker count (closed loop) rather than a rate. */
    public boolean loadIsWorkers() {
        return cliff != null ? cliff.slo().contains("workers") : !steps.isEmpty() && !steps.get(0).loadText().endsWith(" jobs/s");
    }

    /**
     * A ramp's steps in which a job ended, by load: what latency against load can show. A step
     * stopped in its warm-up (or in which every job failed) has no latency, not a latency of 0.
     */
    public List<Step> measuredSteps() {
        return steps.stream().filter(st -> st.summary().jobs() > 0).sorted(java.util.Comparator.comparingDouble(Step::load)).toList();
    }

    /**
     * Where each of {@link #steps()} starts on the session's clock, which runs through a ramp's
     * steps one after another (as {@link #intervals()} does): the sum of the earlier steps' last
     * interval ends.
     */
    public double[] stepStarts() {
        double[] starts = new double[steps.size()];
        double t = 0;
        for (int k = 0; k < steps.size(); k++) {
            starts[k] = t;
            List<Interval> iv = steps.get(k).intervals();
            if (!iv.isEmpty()) t += iv.getLast().endSeconds();
        }
        return starts;
    }

    /** A ramp still running: its finished steps only, for the live latency-versus-load chart. */
    public static Session liveRamp(String name, List<Step> steps) {
        return liveRamp(name, steps, Map.of());
    }

    /** As {@link #liveRamp(String, List)}, with the ramp's settings (its objective, {@code slo}). */
    public static Session liveRamp(String name, List<Step> steps, Map<String, String> settings) {
        return new Session(name, Kind.RAMP, "", false, Map.copyOf(settings), "", "", Map.of(), Map.of(),
                Summary.NONE,
                Stats.EMPTY, Stats.EMPTY, Map.of(), List.of(), List.of(), List.copyOf(steps), null);
    }

    /**
     * Percentiles of one latency distribution and, where the file holds it (a session's or a ramp
     * step's end-to-end latency, in files from stress --json since it was added), the whole
     * distribution by rising percentile; empty otherwise.
     */
    public record Stats(long count, double mean, double p50, double p90, double p95, double p99, double p999, double max,
                        List<Point> distribution) {
        public static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);

        public Stats {
            distribution = List.copyOf(distribution);
        }

        /** Figures without the whole distribution. */
        public Stats(long count, double mean, double p50, double p90, double p95, double p99, double p999, double max) {
            this(count, mean, p50, p90, p95, p99, p999, max, List.of());
        }

        /** The value of {@code metric}: mean, p50, p90, p95, p99, p999 (or p99.9) or max. */
        public double get(String metric) {
            return switch (metric) {
                case "mean" -> mean;
                case "p50" -> p50;
                case "p90" -> p90;
                case "p95" -> p95;
                case "p99" -> p99;
                case "p999", "p99.9" -> p999;
                case "max" -> max;
                default -> throw new IllegalArgumentException("unknown metric '" + metric
                        + "' (expected mean, p50, p90, p95, p99, p99.9 or max)");
            };
        }
    }

    /** One point of a distribution: {@code percentile} (0..100) of the jobs took at most {@code ms}. */
    public record Point(double percentile, double ms) {}

    /**
     * Totals of a session or of a ramp step; {@code warmupJobs} is −1 where the file does not say.
     * {@code queuedAtEnd}: jobs of an open loop still queued when it was stopped or its drain limit
     * ran out, in the latency at their wait so far but not in {@code jobs} (0 in older files).
     * {@code warmupBacklogJobs}: jobs due in the warm-up that ended in the measured phase, in the
     * throughput but not in {@code jobs} (0 in older files). {@code warmupSeconds}: how long the
     * warm-up ran (NaN in older files); {@code warmupSteady}: it ended because the jobs' service
     * time was steady ({@code stress --warmup auto}).
     */
    public record Summary(long jobs, long errors, String firstError, double measuredSeconds, double throughput,
                          double bytesPerJob, long gcCount, double gcPauseMillis, boolean generatorSaturated,
                          boolean stopped, long warmupJobs, long queuedAtEnd, long warmupBacklogJobs, double warmupSeconds,
                          boolean warmupSteady, CpuUse cpu) {
        /** No totals: a cliff search's, or a ramp's still running. */
        public static final Summary NONE = new Summary(0, 0, "", Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, false, false, -1);

        /** Totals without the CPU's use (files from before it was measured). */
        public Summary(long jobs, long errors, String firstError, double measuredSeconds, double throughput, double bytesPerJob,
                       long gcCount, double gcPauseMillis, boolean generatorSaturated, boolean stopped, long warmupJobs,
                       long queuedAtEnd, long warmupBacklogJobs, double warmupSeconds, boolean warmupSteady) {
            this(jobs, errors, firstError, measuredSeconds, throughput, bytesPerJob, gcCount, gcPauseMillis, generatorSaturated,
                    stopped, warmupJobs, queuedAtEnd, warmupBacklogJobs, warmupSeconds, warmupSteady, CpuUse.UNKNOWN);
        }

        /** Totals whose warm-up's length the file does not give (older files). */
        public Summary(long jobs, long errors, String firstError, double measuredSeconds, double throughput, double bytesPerJob,
                       long gcCount, double gcPauseMillis, boolean generatorSaturated, boolean stopped, long warmupJobs,
                       long queuedAtEnd, long warmupBacklogJobs) {
            this(jobs, errors, firstError, measuredSeconds, throughput, bytesPerJob, gcCount, gcPauseMillis, generatorSaturated,
                    stopped, warmupJobs, queuedAtEnd, warmupBacklogJobs, Double.NaN, false);
        }

        /** Totals with no jobs left queued and no warm-up backlog. */
        public Summary(long jobs, long errors, String firstError, double measuredSeconds, double throughput, double bytesPerJob,
                       long gcCount, double gcPauseMillis, boolean generatorSaturated, boolean stopped, long warmupJobs) {
            this(jobs, errors, firstError, measuredSeconds, throughput, bytesPerJob, gcCount, gcPauseMillis, generatorSaturated,
                    stopped, warmupJobs, 0, 0);
        }

        /**
         * The warm-up left a backlog the first measured jobs waited behind, for this many workers,
         * these intervals (the jobs they typically held: {@link
         * dev.blendbench.engine.stress.StressReport#typicalJobsInSystem}; without intervals, from this
         * mean latency) and an open loop {@code overloaded} or not
         * ({@link dev.blendbench.engine.stress.StressReport#leftWarmupBacklog(long, int, double, boolean)}).
         */
        public boolean warmupBacklog(int workers, List<Interval> intervals, double meanLatencyMillis, boolean overloaded) {
            double[] each = intervals.stream().filter(i -> i.latency().count() > 0 && Double.isFinite(i.latency().mean()))
                    .mapToDouble(i -> i.throughput() * i.latency().mean() / 1000).toArray();
            double inSystem = each.length > 0 ? dev.blendbench.engine.stress.StressReport.typicalJobsInSystem(each)
                    : throughput > 0 && !Double.isNaN(meanLatencyMillis) ? throughput * meanLatencyMillis / 1000 : 0;
            return dev.blendbench.engine.stress.StressReport.leftWarmupBacklog(warmupBacklogJobs, workers, inSystem, overloaded);
        }

        /** The session ended with jobs still queued, cut by its drain limit rather than stopped. */
        public boolean drainCut() {
            return queuedAtEnd > 0 && !stopped;
        }
    }

    /**
     * One 100 ms interval. {@code heapAfterGcBytes} is −1 before the first collection;
     * {@code oldestWaitMillis}: how long the oldest job due but not started had waited at its end
     * (open loop; NaN in closed loop and in older files); {@code racingAccesses}: the racing pixel
     * accesses the race detector found in it (−1 where it was off, or the file does not say);
     * {@code cpu}: how the machine's CPUs were used in it (unknown in older files).
     */
    public record Interval(double endSeconds, double throughput, Stats latency, Stats service, double allocationMBps,
                           long gcCount, double gcPauseMillis, long heapAfterGcBytes, double oldestWaitMillis, long racingAccesses,
                           CpuUse cpu) {
        /** An interval without the CPU's use (files from before it was measured). */
        public Interval(double endSeconds, double throughput, Stats latency, Stats service, double allocationMBps,
                        long gcCount, double gcPauseMillis, long heapAfterGcBytes, double oldestWaitMillis, long racingAccesses) {
            this(endSeconds, throughput, latency, service, allocationMBps, gcCount, gcPauseMillis, heapAfterGcBytes, oldestWaitMillis,
                    racingAccesses, CpuUse.UNKNOWN);
        }

        /** An interval without a race count. */
        public Interval(double endSeconds, double throughput, Stats latency, Stats service, double allocationMBps,
                        long gcCount, double gcPauseMillis, long heapAfterGcBytes, double oldestWaitMillis) {
            this(endSeconds, throughput, latency, service, allocationMBps, gcCount, gcPauseMillis, heapAfterGcBytes, oldestWaitMillis, -1);
        }

        /** The racing accesses per second in it, from its {@code length} in seconds; NaN where it has no race count. */
        public double racesPerSecond(double length) {
            return racingAccesses < 0 || !(length > 0) ? Double.NaN : racingAccesses / length;
        }

        /** An interval of a file that does not say how long jobs waited to start. */
        public Interval(double endSeconds, double throughput, Stats latency, Stats service, double allocationMBps,
                        long gcCount, double gcPauseMillis, long heapAfterGcBytes) {
            this(endSeconds, throughput, latency, service, allocationMBps, gcCount, gcPauseMillis, heapAfterGcBytes, Double.NaN);
        }
    }

    /** One access of a race finding. */
    public record Access(String thread, String kind, String rect, List<String> stack) {}

    /**
     * One race finding: two unordered accesses to overlapping pixels, at least one a write, from
     * the same pair of code sites {@code count} times. {@code earlier} and {@code later} are the
     * first pair seen; {@code threads} names every thread of those races ({@code moreThreads}: and
     * others beyond the names kept). {@code box} is the intersection as {x, y, width, height};
     * {@code firstSeenSeconds} counts from the start of measuring (negative: in the warm-up; NaN:
     * the file does not say).
     */
    public record Race(String surface, String intersection, long count, Access earlier, Access later, int[] box, double firstSeenSeconds,
                       String step, List<String> threads, boolean moreThreads) {
        public Race {
            threads = List.copyOf(threads);
        }

        /** A race that names only its first pair's threads (as files written before threads[] do). */
        public Race(String surface, String intersection, long count, Access earlier, Access later, int[] box, double firstSeenSeconds,
                    String step) {
            this(surface, intersection, count, earlier, later, box, firstSeenSeconds, step, firstPair(earlier, later), false);
        }

        /** The threads of a race's first pair, once each: all a file before threads[] names. */
        static List<String> firstPair(Access earlier, Access later) {
            return java.util.stream.Stream.of(earlier.thread(), later.thread()).distinct().toList();
        }

        /** A race of a single session (no ramp step). */
        public Race(String surface, String intersection, long count, Access earlier, Access later, int[] box, double firstSeenSeconds) {
            this(surface, intersection, count, earlier, later, box, firstSeenSeconds, "");
        }

        /** Its threads as people read them: "blendbench-worker-0–3" (see {@link ThreadList#compact}), "… and more" where there were more. */
        public String threadsText() {
            return ThreadList.compact(threads) + (moreThreads ? " and more" : "");
        }

        /** Its threads after a count: "among 4 threads (blendbench-worker-0–3)" (see {@link ThreadList#phrase}). */
        public String threadsPhrase() {
            return ThreadList.phrase(threads, moreThreads);
        }

        /**
         * When it was first seen, as people read it: "in warm-up", "1.234 s" (into measuring), or "–";
         * in a ramp with the step's load first ("2 workers, 1.234 s").
         */
        public String whenText() {
            return step.isEmpty() ? when(firstSeenSeconds) : Double.isNaN(firstSeenSeconds) ? step : step + ", " + when(firstSeenSeconds);
        }

        /** {@code seconds} from the start of measuring as {@link #whenText()} shows them (the CLI's race lines too). */
        public static String when(double seconds) {
            if (Double.isNaN(seconds)) return "–";
            return seconds < 0 ? "in warm-up" : String.format(java.util.Locale.ROOT, "%.3f s", seconds);
        }

        /** The same as a phrase after the finding's count: ", first seen in warm-up", ", first seen 1.234 s into measuring", or "". */
        public String whenPhrase() {
            if (!step.isEmpty()) {
                return ", first seen at " + step + (Double.isNaN(firstSeenSeconds) ? ""
                        : firstSeenSeconds < 0 ? ", in its warm-up" : ", " + when(firstSeenSeconds) + " into its measuring");
            }
            if (Double.isNaN(firstSeenSeconds)) return "";
            return ", first seen " + (firstSeenSeconds < 0 ? "in warm-up" : whenText() + " into measuring");
        }
    }

    /**
     * One step of a ramp: the offered load (jobs/s for open loop, workers for closed) and what it gave.
     * {@code service}: its jobs' service times, from their actual start ({@link Stats#EMPTY} where the
     * file does not say); {@code workers}: the workers that ran it (0 where the file does not say).
     */
    public record Step(double load, String loadText, Summary summary, Stats latency, Map<String, Stats> stages,
                       List<Interval> intervals, Stats service, int workers) {
        /** A step whose file gives no service times and no worker count. */
        public Step(double load, String loadText, Summary summary, Stats latency, Map<String, Stats> stages, List<Interval> intervals) {
            this(load, loadText, summary, latency, stages, intervals, Stats.EMPTY, 0);
        }
    }

    /**
     * A cliff search: the steps tried, the objective and the knee (NaN if none was found);
     * {@code stopped}: the search was ended early (Ctrl-C), so its steps are those measured before that.
     * {@code usl}: a closed-loop search's Universal Scalability Law fit (its peak infinite where
     * none is in sight), or null (open loop, or too few worker counts measured to fit).
     */
    public record Cliff(String slo, List<CliffStep> steps, double knee, boolean stopped,
                        dev.blendbench.engine.stress.UniversalScalability usl) {}

    /**
     * One rate tried by a cliff search (or, closed loop, a worker count); {@code busy}: the workers'
     * busy share there, 0..1, or NaN where the file does not say (a closed loop, an older file);
     * {@code latency}: its jobs' count and whole latency distribution where the file holds them (an
     * open-loop search's steps, in files from cliff --json since it was added), else {@link Stats#EMPTY}.
     */
    public record CliffStep(double rate, double measuredMillis, boolean passed, double throughput, double busy, Stats latency,
                            CpuUse cpu) {
        /** A step whose file does not say how the CPUs were used. */
        public CliffStep(double rate, double measuredMillis, boolean passed, double throughput, double busy, Stats latency) {
            this(rate, measuredMillis, passed, throughput, busy, latency, CpuUse.UNKNOWN);
        }

        /** A step whose file gives no distribution. */
        public CliffStep(double rate, double measuredMillis, boolean passed, double throughput, double busy) {
            this(rate, measuredMillis, passed, throughput, busy, Stats.EMPTY);
        }

        /** A step whose file does not say how busy the workers were. */
        public CliffStep(double rate, double measuredMillis, boolean passed, double throughput) {
            this(rate, measuredMillis, passed, throughput, Double.NaN);
        }
    }
}

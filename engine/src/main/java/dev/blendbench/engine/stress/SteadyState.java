package dev.blendbench.engine.stress;

/**
 * Tells when a warm-up has reached a steady state, for a session that warms up until then
 * ({@link StressSession#warmUntilSteady}): its jobs' mean service time, over windows of
 * {@value #WINDOW_MILLIS} ms, has stayed within {@link #SPREAD} (max over min) for
 * {@value #WINDOWS} windows in a row, each of at least {@value #MIN_JOBS} jobs. The JIT's tiers,
 * class loading and the first collections show as a falling service time; once it is flat for
 * {@value #WINDOWS} s, measuring starts. A workload of very slow jobs (fewer than
 * {@value #MIN_JOBS} a window) never counts as steady: its warm-up runs to its limit. Where the
 * jobs' service times vary, a window's mean varies by chance too (100 jobs of exponential service
 * time: by 10 % from window to window), so two windows also count as flat while their means lie
 * within {@value #NOISE} standard errors of each other: a job that varies is not for that reason
 * still warming up. Not thread-safe: the sampler's.
 */
final class SteadyState {
    static final long WINDOW_MILLIS = 1_000;
    static final int WINDOWS = 3;
    static final double SPREAD = 1.10;
    static final long MIN_JOBS = 10;
    /** Standard errors (of the difference of two windows' means) within which they are flat whatever {@link #SPREAD} says. */
    static final double NOISE = 2;

    private final double[] means = new double[WINDOWS], errors = new double[WINDOWS];
    private int filled;
    private long windowNanos, windowJobs;
    private double windowServiceNanos, windowSquares;
    private boolean steady;

    /** {@link #add(long, long, double, double)} where the spread of the service times is not known (no allowance for chance). */
    boolean add(long lengthNanos, long jobs, double meanServiceNanos) {
        return add(lengthNanos, jobs, meanServiceNanos, 0);
    }

    /**
     * Adds one interval of the warm-up: its length, the jobs that ended in it, their mean service
     * time (ignored where none ended) and its standard deviation; returns whether the warm-up is
     * steady now.
     */
    boolean add(long lengthNanos, long jobs, double meanServiceNanos, double sdServiceNanos) {
        if (lengthNanos <= 0) return steady;
        windowNanos += lengthNanos;
        if (jobs > 0 && Double.isFinite(meanServiceNanos)) {
            double sd = Double.isFinite(sdServiceNanos) ? sdServiceNanos : 0;
            windowJobs += jobs;
            windowServiceNanos += jobs * meanServiceNanos;
            windowSquares += jobs * (sd * sd + meanServiceNanos * meanServiceNanos);
        }
        if (windowNanos < WINDOW_MILLIS * 1_000_000) return steady;
        System.arraycopy(means, 1, means, 0, WINDOWS - 1);
        System.arraycopy(errors, 1, errors, 0, WINDOWS - 1);
        double mean = windowServiceNanos / windowJobs;
        means[WINDOWS - 1] = windowJobs >= MIN_JOBS ? mean : Double.NaN;
        // the standard error of the window's mean: its jobs' variance (pooled over its intervals) over their number
        errors[WINDOWS - 1] = windowJobs >= MIN_JOBS ? Math.sqrt(Math.max(0, windowSquares / windowJobs - mean * mean) / windowJobs) : 0;
        filled = Math.min(WINDOWS, filled + 1);
        windowNanos = windowJobs = 0;
        windowServiceNanos = windowSquares = 0;
        steady = filled == WINDOWS && flat();
        return steady;
    }

    private boolean flat() {
        for (double m : means) {
            if (!(m > 0)) return false; // NaN: too few jobs to tell
        }
        for (int i = 0; i < WINDOWS; i++) {
            for (int j = 0; j < WINDOWS; j++) {
                double lo = means[i], hi = means[j];
                if (hi > lo * SPREAD && hi - lo > NOISE * Math.hypot(errors[i], errors[j])) return false;
            }
        }
        return true;
    }

    /** Whether the last {@value #WINDOWS} full windows were steady. */
    boolean steady() { return steady; }
}

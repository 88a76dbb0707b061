package dev.blendbench.engine.stress;

/**
 * Tells when a warm-up has reached a steady state, for a session that warms up until then
 * ({@link StressSession#warmUntilSteady}): its jobs' mean service time, over windows of
 * {@value #WINDOW_MILLIS} ms, has stayed within {@link #SPREAD} (max over min) for
 * {@value #WINDOWS} windows in a row, each of at least {@value #MIN_JOBS} jobs. The JIT's tiers,
 * class loading and the first collections show as a falling service time; once it is flat for
 * {@value #WINDOWS} s, measuring starts. A workload of very slow jobs (fewer than
 * {@value #MIN_JOBS} a window) never counts as steady: its warm-up runs to its limit. Not
 * thread-safe: the sampler's.
 */
final class SteadyState {
    static final long WINDOW_MILLIS = 1_000;
    static final int WINDOWS = 3;
    static final double SPREAD = 1.10;
    static final long MIN_JOBS = 10;

    private final double[] means = new double[WINDOWS];
    private int filled;
    private long windowNanos, windowJobs;
    private double windowServiceNanos;
    private boolean steady;

    /**
     * Adds one interval of the warm-up: its length, the jobs that ended in it and their mean
     * service time (ignored where none ended); returns whether the warm-up is steady now.
     */
    boolean add(long lengthNanos, long jobs, double meanServiceNanos) {
        if (lengthNanos <= 0) return steady;
        windowNanos += lengthNanos;
        if (jobs > 0 && Double.isFinite(meanServiceNanos)) {
            windowJobs += jobs;
            windowServiceNanos += jobs * meanServiceNanos;
        }
        if (windowNanos < WINDOW_MILLIS * 1_000_000) return steady;
        System.arraycopy(means, 1, means, 0, WINDOWS - 1);
        means[WINDOWS - 1] = windowJobs >= MIN_JOBS ? windowServiceNanos / windowJobs : Double.NaN;
        filled = Math.min(WINDOWS, filled + 1);
        windowNanos = windowJobs = 0;
        windowServiceNanos = 0;
        steady = filled == WINDOWS && flat();
        return steady;
    }

    private boolean flat() {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double m : means) {
            if (!(m > 0)) return false; // NaN: too few jobs to tell
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        return hi <= lo * SPREAD;
    }

    /** Whether the last {@value #WINDOWS} full windows were steady. */
    boolean steady() { return steady; }
}

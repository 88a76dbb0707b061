package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.Interval;
import java.util.ArrayDeque;

/**
 * An open loop's workers' busy share over the last second of 100 ms intervals, as the workbench's
 * live throughput chart and the report's draw it: the jobs that ended in it (warm-up ones too,
 * which are not measured) times the mean service of the measured ones among them, over the time the
 * workers had. Until a measured job has ended there is no service to go by: NaN, a gap in the line
 * rather than a fall to 0. Not thread-safe: one per series, fed in order.
 */
public final class BusyWindow {
    /** The intervals the share is taken over: a second's worth, so that a job ending now and then does not make it jump. */
    static final int INTERVALS = 10;

    private final int workers;
    private final ArrayDeque<double[]> window = new ArrayDeque<>(); // {jobs ended, measured, their service ms, seconds}
    private double lastEnd;

    /** For {@code workers} workers (at least 1). */
    public BusyWindow(int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1: " + workers);
        this.workers = workers;
    }

    /**
     * Adds the next interval of a session (its end counts from the start of measuring; an end before
     * the last one starts a new session, such as a ramp's next step) and returns the busy share over
     * the window, in per cent, or NaN where no measured job has ended in it.
     */
    public double add(Interval i) {
        if (i.endSeconds() <= lastEnd) clear();
        double length = lastEnd == 0 && window.isEmpty() ? Math.min(i.endSeconds(), 0.1) : i.endSeconds() - lastEnd;
        lastEnd = i.endSeconds();
        boolean measured = i.service().count() > 0;
        window.addLast(new double[] {i.throughput() * length, measured ? i.service().count() : 0,
                measured ? i.service().count() * i.service().mean() : 0, length});
        if (window.size() > INTERVALS) window.removeFirst();
        double jobs = 0, serviced = 0, serviceMillis = 0, seconds = 0;
        for (double[] w : window) {
            jobs += w[0];
            serviced += w[1];
            serviceMillis += w[2];
            seconds += w[3];
        }
        if (serviced == 0 || !(seconds > 0)) return Double.NaN;
        return 100 * dev.blendbench.engine.stress.StressReport.busyShare(jobs / seconds, serviceMillis / serviced, workers);
    }

    /** Forgets the intervals so far: a new session follows. */
    public void clear() {
        window.clear();
        lastEnd = 0;
    }
}

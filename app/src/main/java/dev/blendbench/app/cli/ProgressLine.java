package dev.blendbench.app.cli;

import dev.blendbench.app.report.CpuShare;
import dev.blendbench.engine.stress.CpuUse;
import dev.blendbench.engine.stress.IntervalSnapshot;
import dev.blendbench.engine.stress.StressReport;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line: a summary of the intervals since the previous line, refreshed in place on a
 * terminal every half second, one line a second otherwise, and once more at the end for what is
 * left. Jobs per second and allocation are over the whole window; p99 is the worst of its 100 ms
 * intervals' (an upper bound of the window's own), max and GCs its max and count. A window in
 * which no job ended shows dashes, not zeros. A window in which other processes and the
 * hypervisor's steal took a tenth of the machine or more ({@link CpuShare#NOTICEABLE_SHARE}) says
 * how many cores they took: the latency beside it measured them too.
 */
final class ProgressLine implements java.util.function.Consumer<IntervalSnapshot> {
    private final PrintWriter err;
    private final boolean terminal;
    private final double every;
    private double lastPrinted, end, length, jobs, worstP99, max, allocatedMB, arrivalsEnd = Double.NaN;
    /** The measured jobs' service in this line's window (summed, and how many), and the last window's mean, for busy. */
    private double servedMillis, served, lastServiceMillis = Double.NaN;
    private long gcCount, measured;
    private int workers; // an open loop's, for how busy they were; 0: not said (a closed loop's are always busy)
    private double waited = -1;
    /** Other processes' and steal's core-seconds in this line's window, the seconds they are known over, and the machine's cores. */
    private double othersCoreSeconds, othersSeconds;
    private int machineCores;
    /** Racing accesses in this line's window; -1 while no interval has said (the race detector is off). */
    private long racing = -1;
    private boolean inPlace;
    /** The lines now are of a warm-up; a line of this session (or warm-up) has been printed. */
    private boolean warmup, printed, countUp;
    /** Where the warm-up being printed began, on the interval clock. */
    private double warmupFrom;
    /** The longest last window {@link #finish()} leaves unprinted: under half an interval. */
    static final double SLIVER_SECONDS = 0.05;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.every = terminal ? 0.5 : 1.0;
    }

    /**
     * Marks the lines that begin once an open loop's arrivals have stopped ({@code seconds} from the
     * start of measuring; NaN: never, a closed loop) as "draining": its backlog is what runs then.
     */
    ProgressLine arrivalsEndAt(double seconds) {
        arrivalsEnd = seconds;
        return this;
    }

    /**
     * For a warm-up until steady, whose end is not known ahead: its lines give the time since it
     * began (1.0s, 2.0s …) rather than the time left until the latest it could end.
     */
    ProgressLine warmupCountsUp(boolean on) {
        this.countUp = on;
        return this;
    }

    /** An open loop's {@code workers}: each line then says how busy they were (the work done over the work they could do). */
    ProgressLine busyOf(int workers) {
        this.workers = workers;
        return this;
    }

    /**
     * The racing accesses the race detector found in the interval {@link #add} brings next (-1:
     * it is off); each line then says how many a second there were.
     */
    void racing(long accesses) {
        if (accesses >= 0) racing = Math.max(racing, 0) + accesses;
    }

    /** The CPU use of the interval {@link #add} brings next, {@code lengthSeconds} long; unknown parts are left out. */
    void cpu(CpuUse c, double lengthSeconds) {
        if (!c.machineKnown()) return;
        othersCoreSeconds += (c.otherCores() + (Double.isNaN(c.stealCores()) ? 0 : c.stealCores())) * lengthSeconds;
        othersSeconds += lengthSeconds;
        machineCores = c.machineCores();
    }

    @Override
    public void accept(IntervalSnapshot s) {
        racing(s.racingAccesses());
        cpu(s.cpu(), s.lengthNanos() / 1e9);
        add(s.endNanos() / 1e9, s.lengthNanos() / 1e9, s.throughput(), s.latency().count(), s.latency().p99() / 1e6,
                s.latency().max() / 1e6, s.allocationMBps(), s.gcCount(), s.oldestWaitNanos() < 0 ? -1 : s.oldestWaitNanos() / 1e6,
                s.service().count() > 0 ? s.service().mean() / 1e6 : Double.NaN);
    }

    /** {@link #add(double, double, double, long, double, double, double, long, double, double)} without the service time. */
    void add(double endSeconds, double lengthSeconds, double throughput, long latencies, double p99Millis, double maxMillis,
             double allocMBps, long gcs, double oldestWaitMillis) {
        add(endSeconds, lengthSeconds, throughput, latencies, p99Millis, maxMillis, allocMBps, gcs, oldestWaitMillis, Double.NaN);
    }

    /**
     * Adds one interval (seconds from the start of measurement; rates per second; times in ms;
     * {@code latencies}: how many jobs its percentiles are of — none where only jobs of the warm-up
     * ended; {@code oldestWaitMillis}: the queue's age at its end, negative in closed loop;
     * {@code serviceMeanMillis}: the mean service of its measured jobs, NaN where none ended).
     * An interval ending at or before 0 is one of the warm-up: its lines end "warm-up". Time
     * running backwards means a new session (the next step of a ramp), and the first interval
     * after the warm-up starts measuring: what is left of the last one is printed first.
     */
    void add(double endSeconds, double lengthSeconds, double throughput, long latencies, double p99Millis, double maxMillis,
             double allocMBps, long gcs, double oldestWaitMillis, double serviceMeanMillis) {
        boolean inWarmup = endSeconds <= 0;
        if (endSeconds < end || inWarmup != warmup) {
            finish();
            lastPrinted = inWarmup ? endSeconds - lengthSeconds : 0; // the warm-up's lines count from its start
            warmupFrom = lastPrinted;
            lastServiceMillis = Double.NaN;
            warmup = inWarmup;
        }
        end = endSeconds;
        length += lengthSeconds;
        jobs += throughput * lengthSeconds;
        measured += latencies;
        if (latencies > 0) {
            worstP99 = Math.max(worstP99, p99Millis);
            max = Math.max(max, maxMillis);
        }
        allocatedMB += allocMBps * lengthSeconds;
        gcCount += gcs;
        if (!Double.isNaN(serviceMeanMillis) && latencies > 0) {
            servedMillis += serviceMeanMillis * latencies;
            served += latencies;
        }
        waited = Math.max(waited, oldestWaitMillis);
        if (end - lastPrinted >= every - 1e-9) flush();
    }

    private void flush() {
        String latency = measured == 0
                ? String.format(Locale.ROOT, "p99 %9s ms  max %9s ms", "—", "—")
                : String.format(Locale.ROOT, "p99 %9.3f ms  max %9.3f ms", worstP99, max);
        // the work done: every job that ended (warm-up ones too, unmeasured) at the measured jobs' mean service
        if (served > 0) lastServiceMillis = servedMillis / served;
        double share = length > 0 ? StressReport.busyShare(jobs / length, lastServiceMillis, workers) : Double.NaN;
        String busy = Double.isNaN(share) ? "" : String.format(Locale.ROOT, "  busy %3.0f %%", 100 * share);
        String races = racing < 0 ? "" : String.format(Locale.ROOT, "  races %,.0f/s", length > 0 ? racing / length : 0);
        double others = othersSeconds > 0 ? othersCoreSeconds / othersSeconds : 0; // steal included
        String crowded = CpuShare.noticeable(new CpuUse(Double.NaN, others, 0, machineCores), Double.NaN)
                ? String.format(Locale.ROOT, "  other load %.2f cores", others) : "";
        String line = String.format(Locale.ROOT, "%6.1fs  %8.1f jobs/s  %s  alloc %7.1f MB/s  gc %d%s%s%s%s%s",
                warmup && countUp ? end - warmupFrom : end, length > 0 ? jobs / length : 0, latency, length > 0 ? allocatedMB / length : 0, gcCount, busy, races,
                warmup ? "  warm-up" : "", crowded,
                (lastPrinted >= arrivalsEnd - 1e-9 && length >= 0.099 ? "  draining the backlog" : "") // not the last jobs' sliver
                        + (waited >= 1 ? "  oldest waiting " + (waited < 1000 ? String.format(Locale.ROOT, "%.1f ms", waited)
                                : String.format(Locale.ROOT, "%.2f s", waited / 1000)) : "")); // jobs queue: the system fell behind
        if (terminal) {
            err.print("\r" + line);
            inPlace = true;
        } else {
            err.println(line);
        }
        err.flush();
        lastPrinted = end;
        printed = true;
        clearWindow();
    }

    private void clearWindow() {
        length = jobs = worstP99 = max = allocatedMB = servedMillis = served = othersCoreSeconds = othersSeconds = 0;
        gcCount = measured = 0;
        waited = -1;
        if (racing > 0) racing = 0; // still said (as 0/s) in the next line: the detector is on
    }

    /**
     * Prints what is left of the window (and ends the line refreshed in place), before a session's
     * results or other output; a sliver of under {@link #SLIVER_SECONDS} after a line of the
     * same session (or warm-up) is left out. Calling it again prints nothing.
     */
    void finish() {
        // a last sliver (measuring ends a few ms into an interval) after a line of its own session:
        // not a line of its own, whose rates of a job or two would look like a fall or a jump
        if (length > 0 && !(printed && length < SLIVER_SECONDS)) flush();
        clearWindow();
        printed = false;
        if (inPlace) {
            err.println();
            err.flush();
            inPlace = false;
        }
    }
}

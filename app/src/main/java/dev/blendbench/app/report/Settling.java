package dev.blendbench.app.report;

import dev.blendbench.engine.stress.IntervalSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * Whether a session was still warming up while it was measured: its jobs' mean service time in the
 * first fifth of the measured time against the last fifth. A JVM still compiling (or a machine
 * still busy with something else) makes the early jobs slower, and those weigh on the percentiles
 * of the whole session; the warm-up should have run them.
 */
public final class Settling {
    private Settling() {}

    /** From this ratio of early to late mean service time on, the session is said to have been still warming up. */
    public static final double WARMING = 1.25;
    /** {@link #WARMING} in words, after "the jobs' mean service time in the first fifth". */
    static final String WARMING_TEXT = "was 1.25× or more that";

    /** A session's early and late mean service times (ms), and their ratio. */
    public record Trend(double earlyMillis, double lateMillis) {
        public double ratio() {
            return earlyMillis / lateMillis;
        }

        /** Whether the early jobs were slow enough to say so ({@link #WARMING}). */
        public boolean warming() {
            return ratio() >= WARMING;
        }

        /** The sentence that says so: "The jobs' mean service time fell from 6.10 ms … (1.91×): the JVM was still warming up …". */
        public String sentence() {
            return String.format(Locale.ROOT, "The jobs' mean service time fell from %s ms in the first fifth of the session to %s ms in"
                    + " the last (%s×): it was still warming up (the JIT compiling, or the machine busy), and the early jobs weigh on"
                    + " its percentiles; a longer warm-up, or one until steady, leaves them out.", SessionReader.fmt(earlyMillis), SessionReader.fmt(lateMillis),
                    SessionReader.fmt(ratio()));
        }
    }

    /** Whether {@code trend} (null: none could be told) says the session was still warming up. */
    public static boolean warming(Trend trend) {
        return trend != null && trend.warming();
    }

    /** The trend of a session's measured intervals as its sampler took them. */
    public static Trend ofSnapshots(List<IntervalSnapshot> iv) {
        return of(iv.stream().mapToDouble(i -> i.endNanos() / 1e9).toArray(), iv.stream().mapToLong(i -> i.service().count()).toArray(),
                iv.stream().mapToDouble(i -> i.service().count() > 0 ? i.service().mean() / 1e6 : Double.NaN).toArray());
    }

    /**
     * The trend of intervals one after another ({@code ends} in seconds from the start of measuring,
     * each interval's measured jobs and their mean service time in ms), weighting each interval by
     * its jobs; null where it cannot be told: under 10 intervals with jobs, or under a second measured.
     */
    public static Trend of(double[] ends, long[] jobs, double[] meanServiceMillis) {
        int n = ends.length, withJobs = 0;
        for (long j : jobs) if (j > 0) withJobs++;
        if (withJobs < 10 || n == 0 || ends[n - 1] < 1) return null;
        double fifth = ends[n - 1] / 5;
        double earlySum = 0, lateSum = 0;
        long early = 0, late = 0;
        for (int i = 0; i < n; i++) {
            if (jobs[i] <= 0 || Double.isNaN(meanServiceMillis[i])) continue;
            if (ends[i] <= fifth) {
                earlySum += meanServiceMillis[i] * jobs[i];
                early += jobs[i];
            } else if (ends[i] > ends[n - 1] - fifth) {
                lateSum += meanServiceMillis[i] * jobs[i];
                late += jobs[i];
            }
        }
        return early == 0 || late == 0 || !(lateSum > 0) ? null : new Trend(earlySum / early, lateSum / late);
    }

    /** The trend of a single session's intervals; null for ramps, cliff searches and sessions too short to tell. */
    public static Trend of(Session s) {
        return s.kind() == Session.Kind.SESSION ? of(s.intervals()) : null;
    }

    /** The trend of a ramp's step; null where it is too short to tell. */
    public static Trend of(Session.Step st) {
        return of(st.intervals());
    }

    private static Trend of(List<Session.Interval> iv) {
        double[] ends = new double[iv.size()], means = new double[iv.size()];
        long[] jobs = new long[iv.size()];
        for (int i = 0; i < iv.size(); i++) {
            ends[i] = iv.get(i).endSeconds();
            jobs[i] = iv.get(i).service().count();
            means[i] = iv.get(i).service().mean();
        }
        return of(ends, jobs, means);
    }
}

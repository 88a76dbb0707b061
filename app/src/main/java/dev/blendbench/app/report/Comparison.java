package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * B against A: percentiles side by side, and for one metric the ratio B / A of the median of the
 * per-interval values with a bootstrap 95 % confidence interval (the 100 ms intervals resampled
 * with replacement, 2000 times), and a verdict.
 *
 * <p><b>Verdict</b> (for latency metrics; for {@code throughput} higher is better and the test is
 * mirrored): {@code SLOWER} when the interval lies wholly above 1 (the change is real) and the
 * ratio exceeds {@code 1 + threshold} (and it matters); {@code FASTER} when it lies wholly below 1
 * and the ratio is under {@code 1 / (1 + threshold)}; otherwise {@code NO_SIGNIFICANT_CHANGE}.
 * Medians of interval values are robust to the odd interval with a GC pause, which keeps
 * same-settings runs from being flagged on a noisy machine.
 *
 * <p>Where the median cannot tell (its interval spans 1) but the whole sessions' figure of the
 * metric is beyond the threshold, the {@linkplain Tail tail test} may decide: when at least a tenth
 * of one side's intervals are worse than every interval of the other, and that many would come by
 * chance less than once in 1,000 were the two alike, that side is the slower. Sessions whose
 * intervals are of two kinds (a lock that is not fair: half the intervals starve a worker) need it:
 * their median interval falls between the kinds.
 */
public record Comparison(String metric, double threshold, List<Row> rows, double ratio, double low, double high,
                         Verdict verdict, int samplesA, int samplesB, List<String> notes) {

    public enum Verdict {
        FASTER("faster"), SLOWER("slower"), NO_SIGNIFICANT_CHANGE("no significant change");

        private final String text;

        Verdict(String text) { this.text = text; }

        public String text() { return text; }
    }

    /** The row of the service p99 (from each job's actual start), where both sessions have service times. */
    public static final String SERVICE_P99 = "service p99";
    /** The row of the mean wait to start (mean latency less mean service), where both sessions are open loops. */
    public static final String MEAN_WAIT = "mean wait";
    /** The row of the workers' busy share, 0..1 ({@link LatencyBreakdown#busy()}), where both are open loops. */
    public static final String BUSY = "busy";
    /**
     * The row of the cores the workload's JVM used ({@link dev.blendbench.engine.stress.CpuUse#workloadCores()}), where both
     * files say: a strategy that serialises its workers on a lock uses fewer cores for the same work.
     */
    public static final String CPU = "cpu (cores)";

    /** One line of the side-by-side table. */
    public record Row(String name, double a, double b) {
        public double ratio() { return b / a; }
    }

    public static final List<String> METRICS = List.of("mean", "p50", "p90", "p95", "p99", "p99.9", "max", "throughput");
    static final int RESAMPLES = 2000;
    /** Fewer intervals than this cannot support a confidence interval. */
    public static final int MIN_INTERVALS = 5;

    /**
     * @throws IllegalArgumentException for an unknown metric, a negative threshold, sessions that
     *                                  are not single stress sessions, or too few intervals
     */
    public static Comparison of(Session a, Session b, String metric, double threshold, long seed) {
        if (!METRICS.contains(metric) && !metric.equals("p999")) {
            throw new IllegalArgumentException("unknown metric '" + metric + "' (expected " + String.join(", ", METRICS) + ")");
        }
        if (!(threshold >= 0 && threshold < 10)) {
            throw new IllegalArgumentException("threshold must be between 0 % and 1000 %, got " + threshold * 100 + " %");
        }
        for (Session s : List.of(a, b)) {
            if (s.kind() != Session.Kind.SESSION) {
                throw new IllegalArgumentException(s.name() + " is a " + s.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + ", not a single stress session");
            }
        }
        double[] xa = samples(a, metric), xb = samples(b, metric);
        for (var p : List.of(new Object[] {a, xa}, new Object[] {b, xb})) {
            if (((double[]) p[1]).length < MIN_INTERVALS) {
                int n = ((double[]) p[1]).length;
                throw new IllegalArgumentException(((Session) p[0]).name() + " has " + n + (n == 1 ? " interval" : " intervals")
                        + " with jobs; at least " + MIN_INTERVALS + " are needed (run the session longer)");
            }
        }
        double ratio = median(xb) / median(xa);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] boot = new double[RESAMPLES], ra = new double[xa.length], rb = new double[xb.length];
        for (int i = 0; i < RESAMPLES; i++) {
            for (int k = 0; k < ra.length; k++) ra[k] = xa[rnd.nextInt(xa.length)];
            for (int k = 0; k < rb.length; k++) rb[k] = xb[rnd.nextInt(xb.length)];
            boot[i] = median(rb) / median(ra);
        }
        Arrays.sort(boot);
        double low = boot[(int) Math.floor(0.025 * (RESAMPLES - 1))], high = boot[(int) Math.ceil(0.975 * (RESAMPLES - 1))];
        boolean higherIsWorse = !metric.equals("throughput");
        Verdict v;
        double worse = 1 + threshold, better = 1 / (1 + threshold);
        if (higherIsWorse) {
            v = low > 1 && ratio > worse ? Verdict.SLOWER : high < 1 && ratio < better ? Verdict.FASTER : Verdict.NO_SIGNIFICANT_CHANGE;
        } else {
            v = high < 1 && ratio < better ? Verdict.SLOWER : low > 1 && ratio > worse ? Verdict.FASTER : Verdict.NO_SIGNIFICANT_CHANGE;
        }
        List<Row> rows = rows(a, b);
        // the median interval cannot tell, yet one side's worst intervals are many and beyond all of the other's
        String tailNote = "";
        Verdict whole = wholeSays(metric, threshold, rows);
        if (v == Verdict.NO_SIGNIFICANT_CHANGE && whole != Verdict.NO_SIGNIFICANT_CHANGE) {
            boolean bWorse = whole == Verdict.SLOWER;
            Tail t = bWorse ? Tail.of(xb, xa, higherIsWorse) : Tail.of(xa, xb, higherIsWorse);
            if (t.decides()) {
                v = whole;
                tailNote = t.note(metric, bWorse ? "B" : "A", bWorse ? "A" : "B", low, high, rows);
            }
        }
        List<String> notes = java.util.stream.Stream.of(tailNote, reachNote(threshold, low, high, v),
                        wholeSessionNote(metric, threshold, v, rows, xa, xb), slowestJobNote(metric, a, b), crossingNote(a.latency(), b.latency()))
                .filter(n -> !n.isEmpty()).toList();
        return new Comparison(metric, threshold, rows, ratio, low, high, v, xa.length, xb.length, notes);
    }

    /** The side-by-side table: latency percentiles, throughput, bytes per job, and where both files say, CPU, service and the wait. */
    private static List<Row> rows(Session a, Session b) {
        List<Row> rows = new ArrayList<>();
        Stats la = a.latency(), lb = b.latency();
        for (String m : List.of("mean", "p50", "p90", "p95", "p99", "p999", "max")) {
            rows.add(new Row(rowName(m), la.get(m), lb.get(m)));
        }
        rows.add(new Row("throughput", a.summary().throughput(), b.summary().throughput()));
        rows.add(new Row("bytes/job", a.summary().bytesPerJob(), b.summary().bytesPerJob()));
        double ca = a.summary().cpu().workloadCores(), cb = b.summary().cpu().workloadCores();
        if (!Double.isNaN(ca) && !Double.isNaN(cb)) rows.add(new Row(CPU, ca, cb));
        // where the difference went: the jobs themselves (service), or the wait to start (an open loop's queue)
        if (a.service().count() > 0 && b.service().count() > 0) {
            rows.add(new Row(SERVICE_P99, a.service().p99(), b.service().p99()));
            LatencyBreakdown ba = LatencyBreakdown.of(a), bb = LatencyBreakdown.of(b);
            if (ba != null && bb != null) {
                rows.add(new Row(MEAN_WAIT, ba.meanWaitMillis(), bb.meanWaitMillis()));
                if (!Double.isNaN(ba.busy()) && !Double.isNaN(bb.busy())) rows.add(new Row(BUSY, ba.busy(), bb.busy()));
            }
        }
        return rows;
    }

    /** The share of one side's intervals that must be worse than all of the other's for {@link Tail#decides}. */
    static final double TAIL_SHARE = 0.10;
    /** How rare, were the two sessions alike, that many intervals worse than all of the other's must be for {@link Tail#decides}. */
    static final double TAIL_CHANCE = 0.001;

    /**
     * The tail test, for sessions whose intervals are of two kinds (a lock that is not fair starves
     * one worker for hundreds of milliseconds, then not at all): the median interval then falls
     * between the kinds and its bootstrap interval is too wide to tell, while the worse side's bad
     * intervals are many and worse than every interval of the other side.
     *
     * @param beyond how many of the worse side's {@code of} intervals are worse than all of the other's
     * @param otherWorst the other side's worst interval's value
     * @param chance the chance of at least {@code beyond} such intervals were the two sides' intervals
     *               alike (exchangeable): that the {@code beyond} worst of all {@code m + n} pooled
     *               intervals all fall on the worse side, C(n, k) / C(m + n, k)
     */
    record Tail(int beyond, int of, double otherWorst, double chance) {
        /** {@code worse}'s intervals against {@code other}'s; worse means higher where {@code higherIsWorse}, else lower. */
        static Tail of(double[] worse, double[] other, boolean higherIsWorse) {
            double otherWorst = higherIsWorse ? Arrays.stream(other).max().orElse(Double.NaN) : Arrays.stream(other).min().orElse(Double.NaN);
            int k = (int) Arrays.stream(worse).filter(x -> higherIsWorse ? x > otherWorst : x < otherWorst).count();
            int n = worse.length, m = other.length;
            double chance = 1;
            for (int i = 0; i < k; i++) chance *= (double) (n - i) / (m + n - i);
            return new Tail(k, n, otherWorst, chance);
        }

        /** Whether these intervals decide the comparison: at least {@link #TAIL_SHARE} of them, and that many rarer than {@link #TAIL_CHANCE} by chance. */
        boolean decides() {
            return beyond > 0 && beyond >= TAIL_SHARE * of && chance < TAIL_CHANCE;
        }

        /** The note saying why the verdict was reached on the tail: the median's interval, the count, the chance, the whole sessions' figure. */
        String note(String metric, String worse, String other, double low, double high, List<Row> rows) {
            String name = rowName(metric);
            boolean throughput = metric.equals("throughput");
            double whole = wholeRatio(metric, rows);
            return String.format(java.util.Locale.ROOT, "the median interval cannot tell (its 95 %% interval runs %.3f–%.3f×), but %d of"
                            + " %s's %d intervals had a %s %s %s's %s (%s%s), which chance would give less than once in %s were the two"
                            + " alike, and over the whole sessions B's %s is %.3f× A's: %s's intervals are of two kinds, and its worse kind"
                            + " decides", low, high, beyond, worse, of, name, throughput ? "below" : "above", other,
                    throughput ? "lowest" : "worst", SessionReader.fmt(otherWorst), throughput ? " /s" : " ms",
                    String.format(java.util.Locale.ROOT, "%,d", Math.round(1 / TAIL_CHANCE)), name, whole, worse);
        }
    }

    /** The metric as the table's rows name it: p99.9 for {@code p999}. */
    private static String rowName(String metric) {
        return metric.equals("p999") ? "p99.9" : metric;
    }

    /** The whole sessions' B / A of the metric, from the table's row (NaN where it has none). */
    private static double wholeRatio(String metric, List<Row> rows) {
        String name = rowName(metric);
        return rows.stream().filter(x -> x.name().equals(name)).findFirst().map(Row::ratio).orElse(Double.NaN);
    }

    /** What the whole sessions' figure of the metric (the table's row) says against the threshold; no verdict where the table has none. */
    private static Verdict wholeSays(String metric, double threshold, List<Row> rows) {
        double whole = wholeRatio(metric, rows), worse = 1 + threshold, better = 1 / (1 + threshold);
        if (!Double.isFinite(whole)) return Verdict.NO_SIGNIFICANT_CHANGE;
        boolean throughput = metric.equals("throughput");
        return (throughput ? whole < better : whole > worse) ? Verdict.SLOWER
                : (throughput ? whole > worse : whole < better) ? Verdict.FASTER : Verdict.NO_SIGNIFICANT_CHANGE;
    }

    /**
     * Where the 95 % interval is too wide to rule out a change past the threshold, a clause giving
     * the size of change the runs could not rule out: the verdict "no significant change" then means
     * they cannot tell, not that nothing changed. Empty otherwise.
     */
    private static String reachNote(double threshold, double low, double high, Verdict v) {
        double worse = 1 + threshold, better = 1 / (1 + threshold);
        if (v != Verdict.NO_SIGNIFICANT_CHANGE || !(high > worse || low < better)) return "";
        String reach = high > worse && low < better ? String.format(java.util.Locale.ROOT, "up to %.3f× or down to %.3f×", high, low)
                : high > worse ? String.format(java.util.Locale.ROOT, "up to %.3f×", high) : String.format(java.util.Locale.ROOT, "down to %.3f×", low);
        return "these runs cannot rule out a change " + reach + " (the 95 % interval), past the " + SessionReader.fmt(threshold * 100)
                + " % threshold: longer sessions, with more intervals, narrow the interval";
    }

    /**
     * Where the whole sessions' figure of the metric (the table's) says otherwise than the verdict on
     * the median interval, a clause saying so: beyond the threshold where the verdict is not (a few
     * intervals carry the difference, and their worst values are given), or within it where the
     * verdict is not. Empty otherwise.
     */
    private static String wholeSessionNote(String metric, double threshold, Verdict v, List<Row> rows, double[] xa, double[] xb) {
        String name = rowName(metric);
        Verdict says = wholeSays(metric, threshold, rows);
        if (says == v) return "";
        double whole = wholeRatio(metric, rows);
        if (says == Verdict.NO_SIGNIFICANT_CHANGE) { // the median interval moved, the whole sessions' figure did not
            return String.format(java.util.Locale.ROOT, "over the whole sessions B's %s is %.3f× A's, within the %s %% threshold:"
                    + " the typical interval changed, the sessions' %s did not", name, whole, SessionReader.fmt(threshold * 100), name);
        }
        boolean throughput = metric.equals("throughput");
        String unit = throughput ? " /s" : " ms";
        String worst = throughput ? "" : String.format(java.util.Locale.ROOT, " (the worst interval's %s: B %s, A %s)", name,
                SessionReader.fmt(Arrays.stream(xb).max().orElse(Double.NaN)) + unit,
                SessionReader.fmt(Arrays.stream(xa).max().orElse(Double.NaN)) + unit);
        boolean bWorse = says == Verdict.SLOWER;
        Tail t = bWorse ? Tail.of(xb, xa, !throughput) : Tail.of(xa, xb, !throughput);
        String few = t.beyond() == 0 ? "a few intervals"
                : String.format(java.util.Locale.ROOT, "a few intervals (%d of %s's %d worse than all of %s's)", t.beyond(), bWorse ? "B" : "A",
                        t.of(), bWorse ? "A" : "B");
        return String.format(java.util.Locale.ROOT, "over the whole sessions B's %s is %.3f× A's (%s): the difference lies in %s,"
                + " which the median interval discounts%s", name, whole, says.text(), few, worst);
    }

    /**
     * Where an interval holds too few jobs for the metric's percentile to be other than its slowest
     * job (fewer than 100 for p99: the 99th of 80 values is the 80th), a clause saying so: the
     * verdict then compares the intervals' slowest jobs. Empty otherwise, and for mean, max and
     * throughput. The typical interval is the median over both sessions' intervals with jobs.
     */
    static String slowestJobNote(String metric, Session a, Session b) {
        double q = switch (metric) {
            case "p50" -> 0.5;
            case "p90" -> 0.9;
            case "p95" -> 0.95;
            case "p99" -> 0.99;
            case "p999", "p99.9" -> 0.999;
            default -> Double.NaN;
        };
        if (Double.isNaN(q)) return "";
        double[] counts = java.util.stream.Stream.of(a, b).flatMap(s -> s.intervals().stream())
                .mapToDouble(i -> i.latency().count()).filter(c -> c > 0).toArray();
        if (counts.length == 0) return "";
        double typical = median(counts);
        if (typical * (1 - q) >= 1) return "";
        String name = rowName(metric);
        return String.format(java.util.Locale.ROOT, "with %s jobs in a typical 100 ms interval, an interval's %s is its slowest job"
                + " (%s needs %d or more to differ), so the verdict compares the intervals' slowest jobs",
                SessionReader.fmt(typical), name, name, Math.round(Math.ceil(1 / (1 - q) - 1e-9)));
    }

    /** How far apart two distributions must be, each way, for {@link #crossingNote} to say they cross. */
    static final double CROSSING = 1.5;
    /** The jobs a percentile must leave beyond it, in both sessions, for {@link #crossingNote} to weigh it. */
    static final int JOBS_BEYOND = 10;

    /**
     * Where the two latency distributions cross by a wide margin — B at least {@value #CROSSING}×
     * slower than A at one percentile and as much faster at another — a clause giving both places:
     * a verdict on one percentile then speaks for its side only (a fair lock, say, slows the median
     * and cuts the tail). Empty otherwise, and where either file holds no distribution. Only
     * percentiles with at least {@value #JOBS_BEYOND} jobs beyond them in both sessions are
     * weighed: two runs of the same settings differ by 10–20 % here and there, more in the last
     * few jobs.
     */
    static String crossingNote(Stats a, Stats b) {
        if (a.distribution().isEmpty() || b.distribution().isEmpty()) return "";
        double limit = Math.min(100 * (1 - (double) JOBS_BEYOND / a.count()), 100 * (1 - (double) JOBS_BEYOND / b.count()));
        double worst = 0, best = Double.MAX_VALUE, atWorst = 0, atBest = 0;
        for (var points : List.of(a.distribution(), b.distribution())) {
            for (Session.Point p : points) {
                if (p.percentile() > limit) continue;
                double va = at(a, p.percentile()), vb = at(b, p.percentile());
                if (!(va > 0 && vb > 0)) continue;
                double r = vb / va;
                if (r > worst) {
                    worst = r;
                    atWorst = p.percentile();
                }
                if (r < best) {
                    best = r;
                    atBest = p.percentile();
                }
            }
        }
        if (!(worst >= CROSSING && best <= 1 / CROSSING)) return "";
        return String.format(java.util.Locale.ROOT, "the latency distributions cross: B is slower at %s (%s against %s ms, %.3f×) and"
                        + " faster at %s (%s against %s ms, %.3f×), so a verdict on one percentile speaks for its side only",
                percentileName(atWorst), SessionReader.fmt(at(b, atWorst)), SessionReader.fmt(at(a, atWorst)), worst,
                percentileName(atBest), SessionReader.fmt(at(b, atBest)), SessionReader.fmt(at(a, atBest)), best);
    }

    /** The latency at {@code percentile} of a distribution: at its first point at or past it. */
    private static double at(Stats s, double percentile) {
        for (Session.Point p : s.distribution()) {
            if (p.percentile() >= percentile) return p.ms();
        }
        return s.distribution().getLast().ms();
    }

    /** p50, p97.5, p99.844: a percentile's name, to three decimals at most. */
    static String percentileName(double percentile) {
        return "p" + new java.math.BigDecimal(percentile).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** One load both ramps ran, and B's step judged against A's. */
    public record StepComparison(double load, String loadText, Comparison comparison) {}

    /**
     * Two ramps step by step: for each load both ran (by value, in A's order), B's step against A's
     * as {@link #of} judges two sessions.
     *
     * @throws IllegalArgumentException for sessions that are not ramps, ramps that share no load, or
     *                                  as {@link #of} (a common step with too few intervals)
     */
    public static List<StepComparison> ofRamps(Session a, Session b, String metric, double threshold, long seed) {
        for (Session s : List.of(a, b)) {
            if (s.kind() != Session.Kind.RAMP) {
                throw new IllegalArgumentException(s.name() + " is a " + s.kind().name().toLowerCase(java.util.Locale.ROOT) + ", not a ramp");
            }
        }
        if (a.loadIsWorkers() != b.loadIsWorkers()) {
            throw new IllegalArgumentException("one ramp steps through worker counts and the other through rates: they share no load");
        }
        List<StepComparison> out = new ArrayList<>();
        for (Session.Step sa : a.measuredSteps()) {
            for (Session.Step sb : b.measuredSteps()) {
                if (sa.load() == sb.load()) {
                    out.add(new StepComparison(sa.load(), sa.loadText(), of(a.stepAsSession(sa), b.stepAsSession(sb), metric, threshold, seed)));
                    break;
                }
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("the ramps share no load: compare ramps run at the same steps");
        return out;
    }

    /** The metric in every interval that completed jobs. */
    static double[] samples(Session s, String metric) {
        return s.intervals().stream().filter(i -> i.latency().count() > 0)
                .mapToDouble(i -> metric.equals("throughput") ? i.throughput() : i.latency().get(metric))
                .filter(Double::isFinite).toArray();
    }

    static double median(double[] x) {
        double[] c = x.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

}

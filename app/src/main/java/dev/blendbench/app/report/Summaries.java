package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.CliffStep;
import dev.blendbench.app.report.Session.Interval;
import dev.blendbench.app.report.Session.Step;
import dev.blendbench.engine.stress.UniversalScalability;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Plain-language sentences and labels for the reports. */
public final class Summaries {
    private Summaries() {}

    /**
     * What to call a session in tables and legends: its strategy and file name ({@code pooled (b.json)}),
     * the strategy alone where the file is named after it ({@code pooled.json}), or the file name
     * where there is no strategy.
     */
    public static String label(Session s) {
        if (s.strategy().isEmpty()) return s.name();
        // a file named after its strategy (as the workbench names them) adds nothing to it
        return s.name().equals(s.strategy() + ".json") ? s.strategy() : s.strategy() + " (" + s.name() + ")";
    }

    /**
     * What makes a single session weigh less in a comparison, each as a phrase ("was stopped after
     * 3.5 s of the 20 s asked", "started cold: ..."): stopped before its end (not by its own job
     * limit), no job ended in its warm-up or it was still warming up ({@link Settling}), its
     * workload JVM died, or the workbench ({@link Observer}) or other processes and the hypervisor
     * ({@link CpuShare}) took a noticeable share of the machine. Empty for a sound session,
     * and for ramps and cliff searches.
     */
    public static List<String> caveats(Session s) {
        List<String> out = new java.util.ArrayList<>();
        if (s.kind() != Session.Kind.SESSION) return out;
        var sum = s.summary();
        String stopped = stoppedAfter(s);
        if (s.partial()) {
            out.add("is partial: its workload JVM died after " + SessionReader.fmt(sum.measuredSeconds()) + " s");
        } else if (!stopped.isEmpty()) {
            out.add("was " + stopped);
        } else if (sum.drainCut()) {
            out.add("was ended by its drain limit with " + queued(sum.queuedAtEnd()) + " still queued: its percentiles are lower bounds");
        }
        if (sum.warmupJobs() == 0 && sum.jobs() > 0 && !s.settings().getOrDefault("warmupSeconds", "0").matches("0(\\.0*)?")) {
            out.add("started cold: no job ended in its warm-up");
        } else {
            Settling.Trend trend = Settling.of(s);
            if (Settling.warming(trend)) {
                out.add("was still warming up: its jobs' mean service time fell " + SessionReader.fmt(trend.ratio())
                        + "× from its first fifth to its last");
            }
        }
        if (s.warmedUntilSteady() && !sum.warmupSteady() && !Double.isNaN(sum.warmupSeconds())
                && stopped.isEmpty()) {
            out.add("never became steady in its warm-up (" + SessionReader.fmt(sum.warmupSeconds()) + " s)");
        }
        if (Observer.weighed(s)) out.add(Observer.caveat(s));
        if (CpuShare.noticeable(s)) out.add(CpuShare.caveat(s));
        return out;
    }

    /**
     * A ramp's latency objective ({@code stress --ramp … --slo p99=20ms}, the Stress tab's Objective):
     * its text as the file has it ({@code p99 <= 20.0ms}), the step metric it judges, its limit and
     * the metric's percentile (99).
     */
    public record RampObjective(String text, String metric, double limitMillis, double percentile) {}

    private static final java.util.regex.Pattern SLO_TEXT = java.util.regex.Pattern.compile("p(50|90|95|99|99\\.9) <= (\\S+)");

    /**
     * {@code spec} ({@code p99=20ms}) as a ramp's file states its objective ({@code p99 <= 20.0ms}).
     *
     * @throws IllegalArgumentException why it is no objective a ramp can judge (each step keeps p50,
     *                                  p90, p95, p99 and p99.9 only)
     */
    public static String rampObjectiveText(String spec) {
        dev.blendbench.engine.stress.Slo o = dev.blendbench.engine.stress.Slo.parse(spec);
        if (!List.of(50.0, 90.0, 95.0, 99.0, 99.9).contains(o.percentile())) {
            throw new IllegalArgumentException("a ramp keeps p50, p90, p95, p99 and p99.9 of each step; got '" + spec.strip() + "'");
        }
        return o.toString();
    }

    /**
     * The objective of a ramp or of an open-loop cliff search (both keep it as {@code settings.slo},
     * "p99 <= 20.0ms"), or null: none was set, the session is neither, or the text is not one.
     */
    public static RampObjective rampObjective(Session s) {
        if (s.kind() == Session.Kind.SESSION) return null;
        var m = SLO_TEXT.matcher(s.settings().getOrDefault("slo", ""));
        if (!m.matches()) return null;
        try {
            double limit = dev.blendbench.engine.stress.Durations.parse(m.group(2)).toNanos() / 1e6;
            return limit > 0 ? new RampObjective(m.group(0), "p" + m.group(1).replace(".", ""), limit, Double.parseDouble(m.group(1))) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * " p99 <= 20.0ms holds up to 400 jobs/s and is missed from 600 jobs/s (31.2 ms)." for a ramp
     * with an objective: the steps before the first that misses it, and that one; "" without one.
     */
    static String objectiveSentence(Session s) {
        RampObjective o = rampObjective(s);
        if (o == null || s.measuredSteps().isEmpty()) return "";
        // a cold step's figures hold the JIT's compiling: judged on the warm steps where there are some
        List<Step> cold = coldSteps(s), st = warmWhileAtLeast(s, 1);
        String leftOut = st.size() == s.measuredSteps().size() ? ""
                : " (judged without the cold " + (cold.size() == 1 ? "step" : "steps") + " at "
                + String.join(", ", cold.stream().map(Step::loadText).toList()) + ")";
        int miss = -1;
        for (int i = 0; i < st.size() && miss < 0; i++) {
            if (st.get(i).latency().get(o.metric()) > o.limitMillis()) miss = i;
        }
        if (miss < 0) return " " + o.text() + " holds at every step, up to " + st.get(st.size() - 1).loadText() + leftOut + ".";
        String missed = st.get(miss).loadText() + " (" + SessionReader.fmt(st.get(miss).latency().get(o.metric())) + " ms)";
        return miss == 0 ? " " + o.text() + " is missed already at " + missed + leftOut + "."
                : " " + o.text() + " holds up to " + st.get(miss - 1).loadText() + " and is missed from " + missed + leftOut + ".";
    }

    /**
     * "stopped after 3.49 s of the 20 s asked" for a session stopped with jobs still due (Ctrl-C,
     * Stop), else empty; not for one that ended at its own job limit ({@code --jobs}).
     */
    static String stoppedAfter(Session s) {
        var sum = s.summary();
        if (s.kind() != Session.Kind.SESSION || s.partial() || !sum.stopped()) return "";
        long maxJobs = parseLong(s.settings().get("maxJobs"));
        if (maxJobs > 0 && sum.jobs() >= maxJobs) return "";
        if (sum.jobs() == 0 && !(sum.measuredSeconds() >= 0.001)) return "stopped in its warm-up"; // (files of older versions)
        String asked = s.settings().get("durationSeconds");
        double askedSeconds = Double.NaN;
        try {
            if (asked != null) askedSeconds = Double.parseDouble(asked);
        } catch (NumberFormatException handEdited) {
            asked = null;
        }
        String queued = sum.queuedAtEnd() > 0 ? ", with " + queued(sum.queuedAtEnd()) + " still queued (counted at their wait so far)" : "";
        if (sum.measuredSeconds() > askedSeconds) { // an overloaded open loop, stopped while it drained its backlog
            return "stopped " + SessionReader.fmt(sum.measuredSeconds() - askedSeconds) + " s into draining its backlog, before it was drained"
                    + queued;
        }
        return "stopped after " + SessionReader.fmt(sum.measuredSeconds()) + " s"
                + (asked == null ? "" : " of the " + asked.replaceAll("\\.0$", "") + " s asked") + queued;
    }

    /** A settings value in seconds as people write it ("0.3 s", "10 s"), or empty where it is missing or not a number. */
    static String seconds(String v) {
        try {
            double d = v == null ? Double.NaN : Double.parseDouble(v);
            return Double.isFinite(d) ? new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString() + " s" : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** "1 job", "1,700 jobs". */
    static String queued(long n) {
        return String.format(Locale.ROOT, "%,d job%s", n, n == 1 ? "" : "s");
    }

    /**
     * How busy the workers were at an open-loop cliff search's knee and at the first rate tried past
     * it: a knee well below full workers was set by something besides queueing for them. Empty where
     * the file does not say.
     */
    private static String busyAtKnee(List<CliffStep> byRate, double knee) {
        for (int k = 0; k < byRate.size(); k++) {
            CliffStep at = byRate.get(k);
            if (at.rate() != knee || Double.isNaN(at.busy())) continue;
            CliffStep next = k + 1 < byRate.size() ? byRate.get(k + 1) : null;
            return " There the workers were " + LatencyBreakdown.percent(at.busy()) + " busy"
                    + (next == null || Double.isNaN(next.busy()) ? "" : " (" + LatencyBreakdown.percent(next.busy()) + " at "
                    + SessionReader.fmt(next.rate()) + " jobs/s, the next rate tried)") + ".";
        }
        return "";
    }

    /**
     * How steep the cliff is: " Past it, 1.14× the load made p99 8.48× as long (15.85 to 134.5 ms)."
     * — from the knee to the next rate tried (the lowest that missed); "" where there is none, or
     * no positive figure to divide by.
     */
    static String pastKnee(List<CliffStep> byRate, double knee, String metric) {
        for (int k = 0; k + 1 < byRate.size(); k++) {
            CliffStep at = byRate.get(k), next = byRate.get(k + 1);
            if (at.rate() != knee) continue;
            if (!(at.rate() > 0 && at.measuredMillis() > 0 && next.measuredMillis() > 0)) return "";
            return String.format(Locale.ROOT, " Past it, %s× the load made %s %s× as long (%s to %s ms).",
                    SessionReader.fmt(next.rate() / at.rate()), metric, SessionReader.fmt(next.measuredMillis() / at.measuredMillis()),
                    SessionReader.fmt(at.measuredMillis()), SessionReader.fmt(next.measuredMillis()));
        }
        return "";
    }

    /** A number of the settings, or NaN where it is absent or not a number (an old or hand-edited file). */
    private static double parseDouble(String v) {
        try {
            return v == null ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long parseLong(String v) {
        try {
            return v == null ? 0 : (long) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The knee: a cliff search's answer, or for a ramp the last load before the steepest rise of
     * p99 between two steps, when that rise is at least 2×; NaN when there is none.
     */
    public static double knee(Session s) {
        if (s.cliff() != null) return s.cliff().knee();
        List<Step> st = judgedSteps(s);
        if (s.kind() != Session.Kind.RAMP || st.size() < 2) return Double.NaN;
        double best = 2;
        double knee = Double.NaN;
        for (int i = 1; i < st.size(); i++) {
            double r = st.get(i).latency().p99() / st.get(i - 1).latency().p99();
            if (r >= best) {
                best = r;
                knee = st.get(i - 1).load();
            }
        }
        return knee;
    }

    /**
     * A closed-loop search: throughput from the fewest workers to the most, and the USL fit — its
     * per-worker rate, contention and coherency, and where throughput peaks.
     */
    private static String closedLoopSentence(Session s, List<CliffStep> st, String under) {
        CliffStep lo = st.get(0), hi = st.get(st.size() - 1);
        String stopped = s.cliff().stopped() ? " The search was stopped early, after " + st.size()
                + (st.size() == 1 ? " worker count." : " worker counts.") : "";
        String text = st.size() == 1
                ? String.format(Locale.ROOT, "Throughput was %s jobs/s at %s (p99 %s ms)%s.", SessionReader.fmt(lo.throughput()),
                        workers(lo.rate()), SessionReader.fmt(lo.measuredMillis()), under)
                : String.format(Locale.ROOT, "Throughput went from %s jobs/s at %s to %s jobs/s at %s (%s×; p99 %s → %s ms)%s.",
                        SessionReader.fmt(lo.throughput()), workers(lo.rate()), SessionReader.fmt(hi.throughput()), workers(hi.rate()),
                        SessionReader.fmt(hi.throughput() / lo.throughput()), SessionReader.fmt(lo.measuredMillis()),
                        SessionReader.fmt(hi.measuredMillis()), under);
        var u = s.cliff().usl();
        if (u == null) return text + " Too few worker counts were measured to fit the Universal Scalability Law." + CpuShare.byWorkers(st) + stopped;
        return text + " " + uslSentence(u, hi.rate(), "", st.size(), spread(st.stream().mapToDouble(CliffStep::throughput)))
                + CpuShare.byWorkers(st) + stopped;
    }

    /**
     * "USL fit{@code which}: λ jobs/s per worker, contention σ, coherency κ, R²; where throughput
     * peaks." {@code points}: the worker counts it was fitted to (three fix its three parameters,
     * so its R² tests nothing: said so).
     */
    private static String uslSentence(UniversalScalability u, double mostWorkers, String which, int points, double spread) {
        String peak = !u.peakInSight()
                ? "no throughput peak is in sight (no coherency cost)"
                : String.format(Locale.ROOT, "throughput peaks at %s workers (%s jobs/s)%s", SessionReader.fmt(u.peakWorkers()),
                        SessionReader.fmt(u.throughputAt(u.peakWorkers())), u.peakWorkers() < mostWorkers ? ", fewer than were run" : "");
        // where throughput hardly moved, the mean explains it as well as any curve: R² then says little either way
        boolean flat = spread < FLAT_SPREAD;
        boolean poor = !flat && u.rSquared() < 0.9; // e.g. a cold first step, or noise as large as the trend
        String fit = Double.isNaN(u.rSquared()) ? "" : String.format(Locale.ROOT, ", R² %.3f", u.rSquared())
                + (flat ? String.format(Locale.ROOT, " (throughput stayed within %.0f %% of its lowest, which leaves the fit little to explain)",
                        (spread - 1) * 100) : "");
        String serial = u.sigma() >= 0.8 ? " Contention near 1: the jobs ran all but one at a time, so workers past the first added little." : "";
        return String.format(Locale.ROOT, "USL fit%s: %s jobs/s per worker, contention σ %.4f, coherency κ %.5f%s; %s%s.%s",
                which, SessionReader.fmt(u.lambda()), u.sigma(), u.kappa(),
                fit + (points <= 3 ? " from only three worker counts, one per parameter (more would test the fit)" : ""),
                poor ? "a poor fit, so read it with care: " : "", peak, serial);
    }

    /** Throughputs whose highest is less than this times their lowest are flat: {@link #uslSentence} does not call their fit poor. */
    static final double FLAT_SPREAD = 1.5;

    /** The highest of {@code throughputs} over the lowest (NaN for none). */
    private static double spread(java.util.stream.DoubleStream throughputs) {
        double[] x = throughputs.filter(v -> v > 0).toArray();
        if (x.length == 0) return Double.NaN;
        return java.util.Arrays.stream(x).max().getAsDouble() / java.util.Arrays.stream(x).min().getAsDouble();
    }

    /**
     * Throughput against workers of a closed-loop search or ramp, as (workers, jobs/s) pairs by
     * worker count; empty for anything else (open loop, a single session).
     */
    public static List<double[]> throughputByWorkers(Session s) {
        if (!s.loadIsWorkers()) return List.of();
        if (s.cliff() != null) {
            return s.cliff().steps().stream().sorted(Comparator.comparingDouble(CliffStep::rate))
                    .map(c -> new double[] {c.rate(), c.throughput()}).toList();
        }
        if (s.kind() != Session.Kind.RAMP) return List.of();
        return points(s.measuredSteps());
    }

    private static List<double[]> points(List<Step> steps) {
        return steps.stream().sorted(Comparator.comparingDouble(Step::load))
                .filter(st -> st.summary().throughput() > 0).map(st -> new double[] {st.load(), st.summary().throughput()}).toList();
    }

    /**
     * The steps a ramp's rise and knee are read from: those that started warm while there are two,
     * else all (a first step's JIT compiling would otherwise be read as the load's doing).
     */
    private static List<Step> judgedSteps(Session s) {
        return warmWhileAtLeast(s, 2);
    }

    /** A ramp's steps that started warm while there are at least {@code n} of them, else all it measured. */
    private static List<Step> warmWhileAtLeast(Session s, int n) {
        List<Step> cold = coldSteps(s), warm = s.measuredSteps().stream().filter(x -> !cold.contains(x)).toList();
        return warm.size() >= n ? warm : s.measuredSteps();
    }

    /**
     * A ramp's steps that started cold, so JIT compilation is in their figures: no job ended in their
     * warm-up, or it fell behind ({@link #fellBehind}).
     */
    static List<Step> coldSteps(Session s) {
        return s.measuredSteps().stream().filter(x -> x.summary().jobs() > 0 && (x.summary().warmupJobs() == 0 || fellBehind(s, x))).toList();
    }

    /**
     * Why each cold step is cold: "no job ended in its warm-up", or "its warm-up fell behind, leaving
     * 391 jobs the first measured ones waited behind"; named by load where there are several.
     */
    private static String coldReasons(Session s) {
        List<Step> cold = coldSteps(s);
        List<String> why = new java.util.ArrayList<>();
        for (Step x : cold) {
            String reason = x.summary().warmupJobs() == 0 ? "no job ended in its warm-up"
                    : String.format(Locale.ROOT, "its warm-up fell behind, leaving %,d jobs the first measured ones waited behind",
                    x.summary().warmupBacklogJobs());
            why.add(cold.size() == 1 ? reason : x.loadText() + ": " + reason);
        }
        return String.join("; ", why);
    }

    /**
     * An open-loop step whose warm-up fell behind a rate the step then kept up with: it left a backlog
     * the first measured jobs waited behind ({@link Session.Summary#warmupBacklog}), which only a cold
     * start or a pause explains — what the first step of a ramp with a short warm-up measures.
     */
    private static boolean fellBehind(Session s, Step x) {
        if (s.loadIsWorkers()) return false;
        boolean overloaded = dev.blendbench.engine.stress.StressReport.overloaded(x.summary().throughput(), x.load(), x.summary().measuredSeconds());
        int workers = x.workers() > 0 ? x.workers() : LatencyBreakdown.workersOf(s);
        return !overloaded && x.summary().warmupBacklog(workers, x.intervals(), x.latency().mean(), false);
    }

    /** The steps a closed-loop ramp's USL is fitted to: those that started warm while there are three, else all. */
    private static List<Step> fittedSteps(Session s) {
        return warmWhileAtLeast(s, 3);
    }

    /**
     * The Universal Scalability Law of a closed-loop search (the fit it wrote) or of a closed-loop
     * ramp (fitted here to its steps' throughput, given three worker counts or more; steps that
     * started cold are left out while three others remain); null otherwise.
     */
    public static UniversalScalability usl(Session s) {
        if (!s.loadIsWorkers()) return null;
        if (s.cliff() != null) return s.cliff().usl();
        if (s.kind() != Session.Kind.RAMP) return null;
        List<double[]> pts = points(fittedSteps(s));
        if (pts.size() < 3 || pts.stream().mapToDouble(p -> p[0]).distinct().count() < pts.size()) return null;
        int[] n = pts.stream().mapToInt(p -> (int) Math.round(p[0])).toArray();
        double[] x = pts.stream().mapToDouble(p -> p[1]).toArray();
        try {
            return UniversalScalability.fit(n, x);
        } catch (IllegalArgumentException singular) {
            return null;
        }
    }

    private static String workers(double n) {
        long w = Math.round(n);
        return w + (w == 1 ? " worker" : " workers");
    }

    /** The report's opening sentence(s). */
    public static String sentence(Session s) {
        String under = s.strategy().isEmpty() ? "" : " under strategy " + s.strategy();
        switch (s.kind()) {
            case CLIFF -> {
                List<CliffStep> st = s.cliff().steps().stream().sorted(Comparator.comparingDouble(CliffStep::rate)).toList();
                if (st.isEmpty()) return "The cliff search tried no load.";
                if (s.loadIsWorkers()) return closedLoopSentence(s, st, under);
                CliffStep top = st.get(st.size() - 1);
                String unit = " jobs/s"; // a closed-loop search (workers) is told above
                String reached = String.format(Locale.ROOT, "%s reached %s ms at %s%s", metricOf(s.cliff().slo()),
                        SessionReader.fmt(top.measuredMillis()), SessionReader.fmt(top.rate()), unit);
                double knee = s.cliff().knee();
                String stopped = s.cliff().stopped() ? " The search was stopped early, after " + st.size()
                        + (st.size() == 1 ? " step." : " steps.") : "";
                return (Double.isNaN(knee)
                        ? reached + "; no knee was found" + (s.cliff().stopped() ? " before the stop" : "")
                        + (s.cliff().slo().isEmpty() ? "" : " for " + s.cliff().slo()) + under + "."
                        : reached + "; the knee is at " + SessionReader.fmt(knee) + unit
                        + (s.cliff().slo().isEmpty() ? "" : " for " + s.cliff().slo()) + under + "." + busyAtKnee(st, knee)
                        + CpuShare.atKnee(st, knee, LatencyBreakdown.workersOf(s))
                        + pastKnee(st, knee, metricOf(s.cliff().slo())))
                        + CpuShare.crowded(st.stream().filter(x -> CpuShare.noticeable(x.cpu(), Double.NaN))
                                .map(x -> SessionReader.fmt(x.rate()) + unit).toList(), true) + stopped;
            }
            case RAMP -> {
                List<Step> st = s.measuredSteps();
                if (st.isEmpty()) return "The ramp measured no step." + (s.summary().stopped() ? " It was stopped early." : "");
                String stopped = s.summary().stopped() ? " The ramp was stopped early, after " + st.size()
                        + (st.size() == 1 ? " step." : " steps.") : "";
                List<Step> judged = judgedSteps(s); // without cold steps while two warm ones are there
                Step lo = judged.get(0), hi = judged.get(judged.size() - 1);
                String text;
                if (st.size() == 1) {
                    text = String.format(Locale.ROOT, "p99 was %s ms at %s%s.", SessionReader.fmt(lo.latency().p99()), lo.loadText(), under);
                } else {
                    double ratio = hi.latency().p99() / lo.latency().p99();
                    String moved = ratio >= 1.1 ? "rose" : ratio <= 1 / 1.1 ? "fell" : "changed little";
                    text = String.format(Locale.ROOT, "p99 %s from %s ms at %s to %s ms at %s (%s×)%s.", moved,
                            SessionReader.fmt(lo.latency().p99()), lo.loadText(), SessionReader.fmt(hi.latency().p99()),
                            hi.loadText(), SessionReader.fmt(ratio), under);
                    double knee = knee(s);
                    if (!Double.isNaN(knee)) {
                        Step at = st.stream().filter(x -> x.load() == knee).findFirst().orElse(lo);
                        text += " The steepest rise comes after " + at.loadText() + ": that is the knee.";
                    }
                    // a closed loop's jobs never wait to start: what there is to say is how much of their service the lock took
                    text += s.loadIsWorkers() ? LatencyBreakdown.closedLockSentence("At " + hi.loadText(), hi.service(), hi.stages())
                            : LatencyBreakdown.rampSentence(lo, hi);
                    text += LatencyBreakdown.unevenLockSentence(s.strategy(), hi.stages(),
                            s.loadIsWorkers() ? (int) hi.load() : LatencyBreakdown.workersOf(s));
                }
                UniversalScalability fit = usl(s);
                List<String> cold = coldSteps(s).stream().map(Step::loadText).toList();
                if (fit != null) {
                    int fitted = fittedSteps(s).size();
                    text += " " + uslSentence(fit, st.get(st.size() - 1).load(), fitted < st.size()
                            ? " (without the cold " + (cold.size() == 1 ? "step" : "steps") + " at " + String.join(", ", cold) + ")" : "", fitted,
                            spread(fittedSteps(s).stream().mapToDouble(x -> x.summary().throughput())));
                }
                if (!cold.isEmpty()) {
                    text += " " + (cold.size() == 1 ? "The step at " + cold.get(0) + " started" : "The steps at " + String.join(", ", cold) + " started")
                            + " cold (" + coldReasons(s) + "), so class loading and JIT compilation are in " + (cold.size() == 1 ? "its" : "their") + " figures"
                            + (judged.size() < st.size() ? ", and the rise above is read without " + (cold.size() == 1 ? "it" : "them") : "")
                            + "; a longer warm-up leaves them out.";
                }
                List<String> warming = st.stream().filter(x -> !cold.contains(x.loadText()) && Settling.warming(Settling.of(x)))
                        .map(Step::loadText).toList();
                if (!warming.isEmpty()) {
                    text += " " + (warming.size() == 1 ? "The step at " + warming.get(0) + " was" : "The steps at " + String.join(", ", warming)
                            + " were") + " still warming up (the jobs' mean service time in " + (warming.size() == 1 ? "its" : "each one's")
                            + " first fifth " + Settling.WARMING_TEXT + " of the last); a longer warm-up leaves that out.";
                }
                List<String> cut = st.stream().filter(x -> x.summary().drainCut()).map(Step::loadText).toList();
                if (!cut.isEmpty()) {
                    text += " " + (cut.size() == 1 ? "The step at " + cut.get(0) + " was" : "The steps at " + String.join(", ", cut) + " were")
                            + " ended by the drain limit with jobs still queued, counted at their wait so far, so "
                            + (cut.size() == 1 ? "its" : "their") + " percentiles are lower bounds.";
                }
                text += CpuShare.crowded(st.stream().filter(x -> CpuShare.noticeable(x.summary().cpu(), Observer.cores(s)))
                        .map(Step::loadText).toList(), false);
                return text + objectiveSentence(s) + racesFound(s) + stopped + Observer.sentence(s);
            }
            default -> {
                var l = s.latency();
                var sum = s.summary();
                int workers = LatencyBreakdown.workersOf(s);
                boolean overloaded = "open".equals(s.settings().get("load.model"))
                        && dev.blendbench.engine.stress.StressReport.overloaded(sum.throughput(), parseDouble(s.settings().get("load.ratePerSecond")),
                        sum.measuredSeconds());
                StringBuilder b = new StringBuilder();
                if (s.partial()) {
                    b.append("The workload JVM died before the end (").append(sum.firstError().isEmpty() ? "no message" : sum.firstError())
                            .append("); these figures cover the ").append(sum.jobs()).append(" jobs it reported. ");
                }
                if (l.count() > 0) {
                    b.append(String.format(Locale.ROOT, "p99 was %s ms (p50 %s ms, max %s ms) over %,d jobs at %s jobs/s%s",
                            SessionReader.fmt(l.p99()), SessionReader.fmt(l.p50()), SessionReader.fmt(l.max()), l.count(),
                            SessionReader.fmt(sum.throughput()), under));
                    String load = s.settings().getOrDefault("load.model", "");
                    if (load.equals("open")) {
                        String offered = s.settings().getOrDefault("load.ratePerSecond", "?");
                        b.append(", offered ").append(offered).append(" jobs/s");
                        if ("poisson".equals(s.settings().get("load.arrivals"))) b.append(" in Poisson arrivals");
                        if (sum.drainCut()) {
                            String limit = s.settings().get("drainLimitSeconds");
                            b.append(" (overloaded: it could not keep up, and its drain limit").append(seconds(limit).isEmpty() ? "" : " of "
                                    + seconds(limit)).append(" ended the session with ").append(queued(sum.queuedAtEnd()))
                                    .append(" still queued, counted at their wait so far: these percentiles are lower bounds)");
                        } else if (!sum.stopped() && overloaded) {
                            b.append(" (overloaded: it could not keep up, and the backlog drained after the arrivals stopped)");
                        }
                    } else if (load.equals("closed")) {
                        b.append(", ").append(s.settings().getOrDefault("load.workers", "?")).append(" workers in closed loop");
                    }
                    b.append('.');
                    if (load.equals("open")) b.append(LatencyBreakdown.sessionSentence(sum, l, s.service(), s.stages(), workers));
                    if (load.equals("closed")) b.append(LatencyBreakdown.closedLockSentence("", s.service(), s.stages()));
                    b.append(LatencyBreakdown.unevenLockSentence(s.strategy(), s.stages(), workers));
                }
                if (l.count() == 0 && sum.jobs() == 0) {
                    int cores = sum.cpu().machineCores();
                    boolean crowded = cores > 0 && workers > cores;
                    b.append(sum.stopped() ? "No job was measured." : "No job begun in the measured phase ended"
                            + (sum.warmupBacklogJobs() > 0 ? " (" + queued(sum.warmupBacklogJobs()) + " begun in the warm-up ended in it)" : "")
                            + ": a job took longer than the session" + (crowded ? String.format(Locale.ROOT, ", with %,d workers sharing %d cores",
                            workers, cores) : "") + "; " + (crowded ? "fewer workers, or " : "") + "a longer warm-up and duration give the jobs time.");
                }
                if (sum.warmupBacklog(workers, s.intervals(), l.count() > 0 ? l.mean() : Double.NaN, overloaded)) {
                    b.append(overloaded ? " The warm-up left a backlog (the rate is beyond what the system does): "
                            : " The warm-up fell behind (a cold start or a pause) and left a backlog: ").append(queued(sum.warmupBacklogJobs()))
                            .append(" due in it ended in the measured phase, so the first measured jobs waited behind them;"
                                    + " the throughput counts them, the latency does not.");
                }
                if (!stoppedAfter(s).isEmpty()) b.append(" It was ").append(stoppedAfter(s)).append('.');
                b.append(warmupUntilSteady(s));
                boolean figures = l.count() > 0; // where there are none, no cold start or warming is in them
                if (figures && sum.warmupJobs() == 0 && !s.settings().getOrDefault("warmupSeconds", "0").matches("0(\\.0*)?")) {
                    b.append(" No job ended during the warm-up, so these figures include the cold start (class loading,"
                            + " JIT compilation); a longer warm-up leaves it out.");
                } else if (figures) {
                    Settling.Trend trend = Settling.of(s);
                    if (Settling.warming(trend)) b.append(' ').append(trend.sentence());
                }
                if (sum.gcCount() > 0) {
                    b.append(String.format(Locale.ROOT, " %d collection%s paused %s ms in all.", sum.gcCount(),
                            sum.gcCount() == 1 ? "" : "s", SessionReader.fmt(sum.gcPauseMillis())));
                }
                if (!Double.isNaN(sum.bytesPerJob()) && sum.jobs() > 0) {
                    b.append(" Each job allocated ").append(bytes(sum.bytesPerJob())).append('.');
                }
                b.append(CpuShare.sentence(s));
                if (sum.errors() > 0) b.append(" ").append(sum.errors()).append(" jobs failed (first: ").append(sum.firstError()).append(").");
                b.append(racesFound(s));
                if (sum.generatorSaturated()) b.append(" The load generator fell behind: the offered load was lower than asked.");
                b.append(Observer.sentence(s));
                return b.toString().strip();
            }
        }
    }

    /** For a session whose warm-up ran until steady ({@code stress --warmup auto}): how long it took, or that it never was. */
    private static String warmupUntilSteady(Session s) {
        if (!s.warmedUntilSteady() || Double.isNaN(s.summary().warmupSeconds())) return "";
        return s.summary().warmupSteady()
                ? " The warm-up ran until the jobs' service time was steady: " + SessionReader.fmt(s.summary().warmupSeconds()) + " s."
                : " The warm-up did not become steady within its " + SessionReader.fmt(s.summary().warmupSeconds())
                + " s; measuring started then.";
    }

    private static String metricOf(String slo) {
        int sp = slo.indexOf(' ');
        return sp > 0 ? slo.substring(0, sp) : "latency";
    }

    /**
     * The files that are single sessions: they compare in one table of percentiles. A ramp or a
     * cliff search has no one set of figures (its steps differ by load); they compare as curves.
     */
    public static List<Session> plainSessions(List<Session> sessions) {
        return sessions.stream().filter(s -> s.kind() == Session.Kind.SESSION).toList();
    }

    /** The ramps and cliff searches among {@code sessions}. */
    public static List<Session> loadSearches(List<Session> sessions) {
        return sessions.stream().filter(s -> s.kind() != Session.Kind.SESSION).toList();
    }

    /** " The race detector found N races on shared pixels.", or "" where it found none. */
    private static String racesFound(Session s) {
        int n = s.races().size();
        if (n == 0) return "";
        String found = " The race detector found " + n + " race" + (n == 1 ? "" : "s") + " on shared pixels";
        if (s.kind() == Session.Kind.RAMP) {
            List<Step> st = s.measuredSteps().stream().filter(x -> !Double.isNaN(racingRate(x.intervals()))).toList();
            if (st.size() < 2) return found + ".";
            Step lo = st.get(0), hi = st.get(st.size() - 1);
            return found + String.format(Locale.ROOT, "; racing accesses went from %,.0f a second at %s to %,.0f at %s.",
                    racingRate(lo.intervals()), lo.loadText(), racingRate(hi.intervals()), hi.loadText());
        }
        double rate = racingRate(s.intervals());
        return found + (Double.isNaN(rate) ? "." : String.format(Locale.ROOT, ", %,.0f racing accesses a second while measuring.", rate));
    }

    /** Racing accesses a second over intervals on one clock from the start of measuring; NaN where none has a count. */
    static double racingRate(List<Interval> intervals) {
        long sum = ShortIntervals.racingSum(intervals);
        double seconds = intervals.isEmpty() ? 0 : intervals.getLast().endSeconds();
        return sum < 0 || !(seconds > 0) ? Double.NaN : sum / seconds;
    }

    /**
     * Whether a report has a race findings section for {@code s}: every single session (saying
     * that none were found, or that nobody looked), and a ramp that was watched.
     */
    static boolean hasRaceSection(Session s) {
        return s.kind() == Session.Kind.SESSION || s.kind() == Session.Kind.RAMP && (!s.races().isEmpty() || s.settings().containsKey("raceDetect"));
    }

    /** What an empty list of race findings means for this session: none seen, or not looked for. */
    static String noRaces(Session s) {
        boolean on = s.settings().containsKey("raceDetect") || s.settings().getOrDefault("workload", "").contains("race");
        return on ? "None: the race detector saw no unordered conflicting accesses."
                : "Not looked for: the race detector was off for this session (stress --race-detect, or the Stress tab's race detector box, turns it on).";
    }

    public static String bytes(double b) {
        if (Double.isNaN(b)) return "–";
        if (b >= 1 << 20) return String.format(Locale.ROOT, "%.1f MB", b / (1 << 20));
        if (b >= 1 << 10) return String.format(Locale.ROOT, "%.1f KB", b / (1 << 10));
        return String.format(Locale.ROOT, "%.0f B", b);
    }
}

package dev.blendbench.app.cli;

import dev.blendbench.app.report.Comparison;
import dev.blendbench.app.report.Conditions;
import dev.blendbench.app.report.LatencyBreakdown;
import dev.blendbench.app.report.ReportException;
import dev.blendbench.app.report.Session;
import dev.blendbench.app.report.SessionReader;
import dev.blendbench.app.report.Summaries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code blendbench compare}: B against A, with a verdict a CI pipeline can gate on. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two stress sessions: percentiles side by side, the ratio B / A of a metric with a "
                + "bootstrap 95 %% confidence interval over the 100 ms intervals, and a verdict.",
                "Verdict 'slower' needs both: the interval lies wholly on the worse side of 1 (the change is real) "
                        + "and the ratio is beyond the threshold (it matters). Notes follow it: the change the runs cannot rule out "
                        + "where the interval reaches past the threshold, and the whole sessions' figure where it says otherwise "
                        + "than the median interval (a few intervals, such as a stall, carry the difference), and where an "
                        + "interval has too few jobs for the percentile to be other than its slowest job, and where the "
                        + "whole latency distributions cross (B 1.5x slower at one percentile and 1.5x faster at another).",
                "Two ramps (stress --ramp) are compared step by step, at each load both ran; B is slower if it is "
                        + "slower at any of them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no regression (faster, or no significant change)", "3:regression: B is slower than A",
                "2:bad input (a missing, truncated or foreign file, a bad option)", "1:internal failure"},
        footer = {"", "Example (CI gate):", "  blendbench compare baseline.json candidate.json --metric p99 --threshold 5%%"})
public final class CompareCommand implements Callable<Integer> {
    /** The exit code for a regression: distinct from success, bad input and failure. */
    public static final int REGRESSION = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.json", description = "The baseline session.")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", description = "The session judged against it.")
    Path b;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "p99",
            description = "mean, p50, p90, p95, p99, p99.9, max or throughput (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5%",
            description = "Smallest change that counts, e.g. 5%% or 0.05 (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT.json",
            description = "Also write the comparison as JSON: the table, the ratio and its interval, the verdict, notes and warnings.")
    Path json;

    /** The warnings and notes said on stderr, in order: the JSON repeats them. */
    private final List<String> asides = new java.util.ArrayList<>();

    private void aside(String line) {
        spec.commandLine().getErr().println(line);
        asides.add(line);
    }

    @Override
    public Integer call() {
        double t = parseThreshold(threshold);
        String m = metric.toLowerCase(Locale.ROOT).strip();
        if (json != null) {
            OutputFiles.requireFolder(json);
            for (Path in : List.of(a, b)) {
                if (OutputFiles.sameFile(json, in)) {
                    throw new BadInputException(json + ": is " + (in == a ? "A" : "B") + ", a session being compared; write the comparison"
                            + " to another file");
                }
            }
        }
        Session sa, sb;
        Comparison c;
        List<Comparison.StepComparison> steps = null;
        try {
            List<Session> both = SessionReader.readAll(List.of(a, b)); // a/session.json vs b/session.json: named by folder
            sa = both.get(0);
            sb = both.get(1);
            if ((sa.kind() == Session.Kind.RAMP) != (sb.kind() == Session.Kind.RAMP)
                    && sa.kind() != Session.Kind.CLIFF && sb.kind() != Session.Kind.CLIFF) {
                Session ramp = sa.kind() == Session.Kind.RAMP ? sa : sb, single = ramp == sa ? sb : sa;
                throw new BadInputException(ramp.name() + " is a ramp and " + single.name() + " a single session: compare two sessions,"
                        + " or two ramps (step by step)");
            }
            if (sa.kind() == Session.Kind.RAMP && sb.kind() == Session.Kind.RAMP) {
                steps = Comparison.ofRamps(sa, sb, m, t, seed);
                c = null;
            } else {
                c = Comparison.of(sa, sb, m, t, seed);
            }
        } catch (ReportException e) {
            String why = e.getMessage();
            // pictures given to compare: say which command compares those
            if (why.contains(" image, not a session file") || why.contains(" document, not a session file")) {
                why += "; blendbench diff compares pictures";
            }
            throw new BadInputException(why, e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (steps != null) return ramps(out, sa, sb, steps);
        warnAboutConditions(sa, sb);
        for (Session s : List.of(sa, sb)) { // what makes a side weigh less than its figures suggest
            for (String why : Summaries.caveats(s)) aside("warning: " + (s == sa ? "A" : "B") + " (" + s.name() + ") " + why);
        }
        // the columns widen to the files' names (a/session.json against b/session.json), up to 40
        int w = Math.max(14, Math.min(40, Math.max(sa.name().length(), sb.name().length())));
        String row = "%-12s %" + w + "s %" + w + "s %9s%n";
        out.printf(Locale.ROOT, row, "", "A", "B", "B / A");
        out.println(String.format(Locale.ROOT, row, "", shorten(sa.name(), w), shorten(sb.name(), w), "").stripTrailing());
        for (Comparison.Row r : c.rows()) {
            boolean bytes = r.name().equals("bytes/job"), busy = r.name().equals(Comparison.BUSY);
            String unit = r.name().equals("throughput") ? " /s" : r.name().equals(Comparison.CPU) ? "" : " ms";
            String a = bytes ? Summaries.bytes(r.a()) : busy ? LatencyBreakdown.percent(r.a()) : SessionReader.fmt(r.a()) + unit;
            String b = bytes ? Summaries.bytes(r.b()) : busy ? LatencyBreakdown.percent(r.b()) : SessionReader.fmt(r.b()) + unit;
            // a ratio to a baseline that shows as "0 B" (a pooled job: a fraction of a byte) would read as nonsense
            boolean noBase = !Double.isFinite(r.ratio()) || (bytes && r.a() < 0.5);
            out.printf(Locale.ROOT, row, r.name(), a, b, noBase ? "–"
                    : r.ratio() >= 1000 ? String.format(Locale.ROOT, "%.3g×", r.ratio()) : String.format(Locale.ROOT, "%.3f×", r.ratio()));
        }
        out.printf(Locale.ROOT, "%n%s per 100 ms interval, median B / A: %.3f× (95 %% CI %.3f–%.3f, bootstrap over %d and %d intervals)%n",
                c.metric(), c.ratio(), c.low(), c.high(), c.samplesA(), c.samplesB());
        out.printf(Locale.ROOT, "verdict: %s (threshold %s)%n", c.verdict().text(), SessionReader.fmt(c.threshold() * 100) + " %");
        for (String note : c.notes()) out.println("note: " + note);
        String went = LatencyBreakdown.difference(LatencyBreakdown.of(sa),
                LatencyBreakdown.of(sb), c.threshold());
        if (!went.isEmpty()) out.println("where it went: " + went);
        boolean regression = c.verdict() == Comparison.Verdict.SLOWER;
        if (json != null) {
            write(CompareJson.session(sa, sb, c, went, asides, regression));
            out.println("wrote " + json);
        }
        return regression ? REGRESSION : Cli.OK;
    }

    /** Warnings on stderr where the two ran different workloads, or under different conditions besides. */
    private void warnAboutConditions(Session sa, Session sb) {
        if (Conditions.sameJobOtherStrategy(sa, sb)) {
            aside("note: A ran strategy " + sa.strategy() + " and B " + sb.strategy() + ": the comparison is between the strategies");
        } else if (!Conditions.sameWorkload(sa.workload(), sb.workload())) {
            aside("warning: the sessions ran different workloads ('" + sa.workload() + "' vs '" + sb.workload() + "')");
        }
        List<String> differ = Conditions.differences(sa, sb);
        if (!differ.isEmpty()) {
            aside("warning: the sessions ran under different conditions, which the ratio measures too: " + String.join("; ", differ));
        }
    }

    /** Two ramps, a line per load both ran; a regression where B is slower at any of them. */
    private int ramps(PrintWriter out, Session sa, Session sb, List<Comparison.StepComparison> steps) {
        warnAboutConditions(sa, sb);
        Comparison first = steps.get(0).comparison();
        boolean throughput = first.metric().equals("throughput");
        String unit = throughput ? " /s" : " ms";
        int w = Math.max(12, Math.min(40, Math.max(sa.name().length(), sb.name().length())));
        String row = "%-12s %" + w + "s %" + w + "s %9s  %-13s %s%n";
        out.printf(Locale.ROOT, "%s per 100 ms interval, median B / A, at each load both ramps ran (95 %% CI: bootstrap over the step's intervals)%n",
                first.metric());
        out.printf(Locale.ROOT, row, "load", "A", "B", "B / A", "95 % CI", "verdict");
        out.println(String.format(Locale.ROOT, row, "", shorten(sa.name(), w), shorten(sb.name(), w), "", "", "").stripTrailing());
        List<String> slower = new java.util.ArrayList<>(), faster = new java.util.ArrayList<>();
        for (Comparison.StepComparison st : steps) {
            Comparison c = st.comparison();
            double ma = metricOf(c, true), mb = metricOf(c, false);
            out.printf(Locale.ROOT, row, st.loadText(), SessionReader.fmt(ma) + unit, SessionReader.fmt(mb) + unit,
                    String.format(Locale.ROOT, "%.3f×", c.ratio()), String.format(Locale.ROOT, "%.3f–%.3f", c.low(), c.high()), c.verdict().text());
            if (c.verdict() == Comparison.Verdict.SLOWER) slower.add(st.loadText());
            if (c.verdict() == Comparison.Verdict.FASTER) faster.add(st.loadText());
        }
        String threshold = SessionReader.fmt(first.threshold() * 100) + " %";
        String verdict = !slower.isEmpty() ? "slower at " + String.join(", ", slower)
                : !faster.isEmpty() ? "faster at " + String.join(", ", faster) + ", slower at none" : "no significant change at any load";
        out.printf(Locale.ROOT, "%nverdict: %s (threshold %s)%n", verdict, threshold);
        if (json != null) {
            write(CompareJson.ramps(sa, sb, steps, verdict, asides, !slower.isEmpty()));
            out.println("wrote " + json);
        }
        return slower.isEmpty() ? Cli.OK : REGRESSION;
    }

    /** Whether two paths name one file (through links where both exist; by their normal form where one does not yet). */
    private void write(byte[] bytes) {
        try {
            dev.blendbench.engine.io.AtomicFiles.write(json, bytes);
        } catch (java.io.IOException e) {
            throw new BadInputException(json + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** The whole step's figure of the comparison's metric, for A or for B. */
    private static double metricOf(Comparison c, boolean a) {
        String name = c.metric().equals("p999") ? "p99.9" : c.metric();
        for (Comparison.Row r : c.rows()) {
            if (r.name().equals(name)) return a ? r.a() : r.b();
        }
        return Double.NaN;
    }

    static double parseThreshold(String s) {
        String v = s.strip();
        boolean pct = v.endsWith("%");
        try {
            double d = Double.parseDouble(pct ? v.substring(0, v.length() - 1).strip() : v);
            if (pct) d /= 100;
            if (!(d >= 0 && d < 10)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new BadInputException("--threshold must be a percentage like 5% or a fraction like 0.05, got '" + s + "'");
        }
    }

    private static String shorten(String s, int width) {
        return s.length() > width ? "…" + s.substring(s.length() - width + 1) : s;
    }
}

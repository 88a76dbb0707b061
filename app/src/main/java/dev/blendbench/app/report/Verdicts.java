package dev.blendbench.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each session against the first, in a line: its p99 over the first's with the bootstrap 95 %
 * interval, the verdict ({@link Comparison} at a 5 % threshold) and what stands beside it — a side
 * that weighs less than its figures suggest, conditions that differ besides the strategy, where the
 * difference in mean latency went, and the comparison's notes. The workbench's Strategies tab and
 * the reports of several sessions say the same lines.
 */
public final class Verdicts {
    private Verdicts() {}

    /** A line for each of {@code sessions} after the first (none for fewer than two). */
    public static List<String> againstFirst(List<Session> sessions) {
        List<String> out = new ArrayList<>();
        if (sessions.size() < 2) return out;
        Session base = sessions.get(0);
        for (Session s : sessions.subList(1, sessions.size())) {
            try {
                var c = Comparison.of(base, s, "p99", 0.05, 1);
                out.add(String.format(Locale.ROOT, "%s vs %s: p99 ×%.3f (95 %% CI %.3f–%.3f, %d/%d intervals) → %s%s%s%s%s%s",
                        Summaries.label(s), Summaries.label(base), c.ratio(), c.low(), c.high(), c.samplesA(), c.samplesB(),
                        c.verdict().text(), cutShort(base), cutShort(s), differing(base, s), whereItWent(c, base, s),
                        c.notes().isEmpty() ? "" : "; " + String.join("; ", c.notes())));
            } catch (IllegalArgumentException e) {
                out.add(Summaries.label(s) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** For a verdict other than "no significant change" of two open loops: where the difference in mean latency went. */
    private static String whereItWent(Comparison c, Session base, Session s) {
        if (c.verdict() == Comparison.Verdict.NO_SIGNIFICANT_CHANGE) return "";
        String went = LatencyBreakdown.difference(LatencyBreakdown.of(base), LatencyBreakdown.of(s), c.threshold());
        return went.isEmpty() ? "" : "; " + went;
    }

    /** A note for a verdict line where the two ran under different conditions besides the strategy. */
    private static String differing(Session base, Session s) {
        List<String> d = Conditions.differences(base, s);
        return d.isEmpty() ? "" : " (under different conditions: " + String.join("; ", d) + ")";
    }

    /** A note for a verdict line where one side weighs less than its figures suggest (stopped short, cold). */
    private static String cutShort(Session s) {
        List<String> why = Summaries.caveats(s);
        return why.isEmpty() ? "" : " (" + Summaries.label(s) + " " + String.join(", and ", why) + ")";
    }
}

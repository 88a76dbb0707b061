package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.Point;
import dev.blendbench.app.report.Session.Stats;
import dev.blendbench.app.report.Session.Step;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency by percentile: the whole distribution of a session's end-to-end latency, drawn as
 * HdrHistogram's plotters draw it, with the percentile on a scale of nines (90 %, 99 %, 99.9 % …
 * equally spaced), so that the tail — where a lock that passes a worker over, or a GC pause, shows
 * — takes as much room as the body. Several sessions (strategies compared), a ramp's steps or the
 * rates a cliff search tried share one plot, a line each. Only files that hold the distribution ({@code latency.distribution}, in
 * files from {@code stress --json} since it was added) have one.
 */
public final class PercentileChart {
    private PercentileChart() {}

    /**
     * The chart of one session (one line) or one ramp (a line a measured step, named by its load);
     * null when it holds no distribution.
     */
    public static JFreeChart of(Session s) {
        String title = switch (s.kind()) {
            case RAMP -> "Latency by percentile, per step";
            case CLIFF -> "Latency by percentile, per rate tried";
            case SESSION -> "Latency by percentile";
        };
        JFreeChart c = chart(title, lines(List.of(s)));
        Summaries.RampObjective o = Summaries.rampObjective(s);
        if (c != null && o != null) markObjective(c, o);
        return c;
    }

    /**
     * A ramp's or search's objective as a cross: its latency limit across the plot and its
     * percentile down it, so that a line passing above where they meet misses it.
     */
    private static void markObjective(JFreeChart c, Summaries.RampObjective o) {
        c.getXYPlot().addRangeMarker(LoadCurves.objectiveLine(o.limitMillis(), "objective " + o.text()));
        LoadCurves.reachLatency(c, o.limitMillis());
        c.getXYPlot().addDomainMarker(LoadCurves.objectiveLine(nines(o.percentile(), Long.MAX_VALUE), null));
    }

    /**
     * Several sessions in one plot, a line each (named as the comparison table names them), ramps a
     * line a step; null when fewer than two lines have a distribution.
     */
    public static JFreeChart compared(List<Session> sessions) {
        List<XYSeries> lines = lines(sessions);
        return lines.size() < 2 ? null : chart("Latency by percentile, compared", lines);
    }

    private static List<XYSeries> lines(List<Session> sessions) {
        List<XYSeries> out = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Session s : sessions) {
            String label = sessions.size() == 1 ? null : Summaries.label(s);
            // a dataset refuses a key twice: the same file given twice is told apart as the tables do
            for (int k = 2; label != null && !used.add(label); k++) label = Summaries.label(s) + " (" + k + ")";
            if (s.kind() == Session.Kind.RAMP) {
                for (Step st : s.measuredSteps()) {
                    XYSeries line = line(label == null ? st.loadText() : label + " at " + st.loadText(), st.latency());
                    if (line != null) out.add(line);
                }
            } else if (s.kind() == Session.Kind.CLIFF) { // a line a rate tried, saying whether it met the objective
                if (s.cliff() == null) continue;
                for (Session.CliffStep st : s.cliff().steps().stream().sorted(java.util.Comparator.comparingDouble(Session.CliffStep::rate)).toList()) {
                    String at = SessionReader.fmt(st.rate()) + " jobs/s" + (s.cliff().slo().isEmpty() ? "" : st.passed() ? " (meets)" : " (misses)");
                    XYSeries line = line(label == null ? at : label + " at " + at, st.latency());
                    if (line != null) out.add(line);
                }
            } else {
                XYSeries line = line(label == null ? Summaries.label(s) : label, s.latency());
                if (line != null) out.add(line);
            }
        }
        return out;
    }

    /** One distribution's line, at {@link #nines} of each percentile; null when it has none. */
    private static XYSeries line(String name, Stats latency) {
        if (latency.distribution().isEmpty() || latency.count() <= 0) return null;
        XYSeries line = new XYSeries(name, false, true);
        for (Point p : latency.distribution()) line.add(nines(p.percentile(), latency.count()), p.ms());
        return line;
    }

    /**
     * Where {@code percentile} lies on the scale of nines: −log10(1 − p/100), so 0 % at 0, 90 % at 1,
     * 99 % at 2. The last job of {@code count} (100 %, infinitely far) is drawn where one job in
     * {@code count} lies, log10(count): the slowest job as the rarest one measured.
     */
    static double nines(double percentile, long count) {
        double rest = Math.max(1 - percentile / 100, 1.0 / Math.max(1, count));
        return Math.max(0, -Math.log10(rest));
    }

    private static JFreeChart chart(String title, List<XYSeries> lines) {
        if (lines.isEmpty()) return null;
        XYSeriesCollection data = new XYSeriesCollection();
        lines.forEach(data::addSeries);
        JFreeChart c = ChartFactory.createXYLineChart(title, "percentile", "latency (ms)", data, PlotOrientation.VERTICAL,
                lines.size() > 1, false, false);
        NumberAxis x = new NumberAxis("percentile (scale of nines)");
        x.setTickUnit(new NumberTickUnit(1, new NinesFormat()));
        x.setAutoRangeIncludesZero(true);
        x.setLowerMargin(0);
        x.setUpperMargin(0.02);
        c.getXYPlot().setDomainAxis(x);
        ReportCharts.style(c, ReportCharts.SESSION_COLOURS);
        ReportCharts.latencyAxisBySpread(c);
        return c;
    }

    /** Tick labels of the scale of nines: 0 %, 90 %, 99 %, 99.9 % … */
    private static final class NinesFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            long k = Math.min(20, Math.round(number));
            if (k <= 0) return to.append("0%");
            if (k == 1) return to.append("90%");
            return to.append("99").append(k > 2 ? "." + "9".repeat((int) k - 2) : "").append('%');
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null; // labels only
        }
    }
}

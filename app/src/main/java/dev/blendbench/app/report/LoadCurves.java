package dev.blendbench.app.report;

import static dev.blendbench.app.report.ReportCharts.FONT;
import static dev.blendbench.app.report.ReportCharts.PERCENTILES;
import static dev.blendbench.app.report.ReportCharts.PERCENTILE_COLOURS;
import static dev.blendbench.app.report.ReportCharts.PERCENTILE_LABELS;
import static dev.blendbench.app.report.ReportCharts.SERVICE_P99_LABEL;
import static dev.blendbench.app.report.ReportCharts.SESSION_COLOURS;
import static dev.blendbench.app.report.ReportCharts.latencyAxisBySpread;
import static dev.blendbench.app.report.ReportCharts.series;
import static dev.blendbench.app.report.ReportCharts.style;

import dev.blendbench.app.report.Session.CliffStep;
import dev.blendbench.app.report.Session.Step;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of latency and throughput against load, for ramps and cliff searches: latency
 * against the offered rate or the workers (the knee, the objective, cold and crowded steps
 * marked), throughput against workers with the Universal Scalability Law fitted, and several
 * files' curves in one plot. Drawn in {@link ReportCharts}' look.
 */
public final class LoadCurves {
    private LoadCurves() {}

    /**
     * Latency against offered load: a ramp's steps (p50, p95, p99, p99.9, and for an open loop the
     * service p99, which stays flat where the rise is queueing) or a cliff search's tried rates (the
     * objective's percentile), with the knee marked.
     */
    public static JFreeChart latencyVersusLoad(Session s) {
        XYSeriesCollection data = new XYSeriesCollection();
        String x = "offered load";
        Color[] colours = PERCENTILE_COLOURS;
        if (s.kind() == Session.Kind.RAMP) {
            x = s.loadIsWorkers() ? "workers (closed loop)" : "offered load (jobs/s)";
            for (int k = 0; k < 4; k++) {
                String metric = PERCENTILES[k];
                data.addSeries(series(PERCENTILE_LABELS[k], s.measuredSteps(), Step::load, st -> st.latency().get(metric)));
            }
            // an open loop's service p99 beside its p99: flat while the latency climbs, the rise is queueing
            if (!s.loadIsWorkers() && !s.measuredSteps().isEmpty() && s.measuredSteps().stream().allMatch(st -> st.service().count() > 0)) {
                data.addSeries(series(SERVICE_P99_LABEL, s.measuredSteps(), Step::load, st -> st.service().p99()));
                colours = java.util.Arrays.copyOf(PERCENTILE_COLOURS, 5);
                colours[4] = PERCENTILE_COLOURS[2];
            }
        } else if (s.cliff() != null) {
            List<CliffStep> sorted = s.cliff().steps().stream().sorted(java.util.Comparator.comparingDouble(CliffStep::rate)).toList();
            x = s.loadIsWorkers() ? "workers (closed loop)" : "offered load (jobs/s)";
            data.addSeries(series(s.cliff().slo().isEmpty() ? "measured" : s.cliff().slo(), sorted, CliffStep::rate,
                    CliffStep::measuredMillis));
            colours = new Color[] {PERCENTILE_COLOURS[2]};
        }
        JFreeChart c = ChartFactory.createXYLineChart("Latency versus load", x, "latency (ms)", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(c, colours);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
        r.setDefaultShapesVisible(true);
        if (data.getSeriesCount() == 5) {
            r.setSeriesStroke(4, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            r.setSeriesShapesVisible(4, false);
        }
        if (x.startsWith("workers")) wholeNumberTicks(c);
        double knee = Summaries.knee(s);
        if (!Double.isNaN(knee)) markLoad(c, knee, "knee");
        if (s.kind() == Session.Kind.RAMP) { // a step whose figures are the cold start's, which the sentence reads without
            for (Step cold : Summaries.coldSteps(s)) c.getXYPlot().addDomainMarker(coldBand(cold.load()), org.jfree.chart.ui.Layer.BACKGROUND);
        }
        // a step or rate during which other work took its share of the CPU, which its figures measured too
        List<Double> crowded = s.kind() == Session.Kind.RAMP
                ? s.measuredSteps().stream().filter(st -> CpuShare.noticeable(st.summary().cpu(), Observer.cores(s))).map(Step::load).toList()
                : s.kind() == Session.Kind.CLIFF
                ? s.cliff().steps().stream().filter(st -> CpuShare.noticeable(st.cpu(), Double.NaN)).map(CliffStep::rate).toList()
                : List.of();
        for (double load : crowded) c.getXYPlot().addDomainMarker(band(load, "other load", new Color(0xfde2c4), false), org.jfree.chart.ui.Layer.BACKGROUND);
        Summaries.RampObjective o = Summaries.rampObjective(s);
        if (o != null) markLatency(c, o.limitMillis(), "objective " + o.text());
        return c;
    }

    /** A horizontal dashed line at {@code y} ms, labelled: a ramp's objective. */
    private static void markLatency(JFreeChart c, double y, String label) {
        c.getXYPlot().addRangeMarker(objectiveLine(y, label));
        reachLatency(c, y);
    }

    /** The look of an objective: a grey dashed line at {@code at}, with {@code label} (null: none) above its left end. */
    static ValueMarker objectiveLine(double at, String label) {
        ValueMarker m = new ValueMarker(at, new Color(0x6b7280), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(FONT);
            m.setLabelPaint(new Color(0x374151));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        }
        return m;
    }

    /** The latency axis reaches {@code y} (and a tenth more) even where every line stays far below it. */
    static void reachLatency(JFreeChart c, double y) {
        org.jfree.chart.axis.ValueAxis axis = c.getXYPlot().getRangeAxis();
        if (axis.getUpperBound() < y * 1.1) axis.setUpperBound(y * 1.1);
    }

    /** Worker counts on the x axis: whole-number ticks (not 0.9, 1.1, …). */
    private static void wholeNumberTicks(JFreeChart c) {
        ((NumberAxis) c.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    /**
     * A closed-loop search's or ramp's throughput against workers: the measured points, the Universal
     * Scalability Law fitted to them (drawn on to a little past the most workers run, or past its
     * peak where that is near), linear scaling from one worker for reference, and the peak marked.
     * Null for a session that is not a closed-loop search or ramp.
     */
    public static JFreeChart throughputVersusWorkers(Session s) {
        List<double[]> pts = Summaries.throughputByWorkers(s);
        if (pts.isEmpty()) return null;
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("measured", pts, p -> p[0], p -> p[1]));
        var u = Summaries.usl(s);
        double most = pts.get(pts.size() - 1)[0];
        if (u != null) {
            double peak = u.peakWorkers();
            double to = Double.isFinite(peak) && peak < 3 * most ? Math.max(most, 1.3 * peak) : 1.5 * most;
            XYSeries fit = new XYSeries("USL fit", false, true), linear = new XYSeries("linear scaling", false, true);
            for (int k = 0; k <= 120; k++) {
                double n = 1 + (to - 1) * k / 120.0;
                fit.add(n, u.throughputAt(n));
            }
            double top = pts.stream().mapToDouble(p -> p[1]).max().orElse(0);
            double linearTo = Math.min(to, Math.max(1, 1.5 * top / u.lambda())); // to 1.5× the best measured: the rest stays readable
            linear.add(1, u.lambda());
            linear.add(linearTo, linearTo * u.lambda());
            data.addSeries(fit);
            data.addSeries(linear);
        }
        JFreeChart c = ChartFactory.createXYLineChart("Throughput versus workers", "workers (closed loop)", "completed jobs/s", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(c, new Color[] {new Color(0x2b6cb0), new Color(0xdd6b20), new Color(0xa0aec0)});
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesStroke(2, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        wholeNumberTicks(c);
        if (u != null && Double.isFinite(u.peakWorkers()) && u.peakWorkers() < 3 * most) markLoad(c, u.peakWorkers(), "peak");
        return c;
    }

    /** A grey band over a cold step's load, labelled "cold", for the plot's background layer (under the lines). */
    private static ValueMarker coldBand(double x) {
        return band(x, "cold", new Color(0xe5e7eb), true);
    }

    /** A band of {@code colour} over load {@code x}, labelled at its top or its foot (two bands at one load keep both labels). */
    private static ValueMarker band(double x, String label, Color colour, boolean top) {
        ValueMarker m = new ValueMarker(x, colour, new BasicStroke(10f));
        m.setLabel(label);
        m.setLabelFont(FONT);
        m.setLabelPaint(new Color(0x4b5563));
        m.setLabelAnchor(top ? RectangleAnchor.TOP : RectangleAnchor.BOTTOM);
        m.setLabelTextAnchor(top ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER);
        return m;
    }

    /** A dashed red line across the plot at load {@code x}, labelled "{@code what} x" at its top. */
    private static void markLoad(JFreeChart c, double x, String what) {
        ValueMarker m = new ValueMarker(x, new Color(0xdc2626), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        m.setLabel(what + " " + SessionReader.fmt(x));
        m.setLabelFont(FONT);
        m.setLabelPaint(new Color(0x9b1c1c));
        // left of the line, unless the line is near the plot's left edge, which would cut the label off
        org.jfree.data.Range xs = c.getXYPlot().getDataset() == null ? null
                : org.jfree.data.general.DatasetUtils.findDomainBounds(c.getXYPlot().getDataset(), false); // the points, not the bars an interval dataset gives them
        boolean nearLeft = xs != null && xs.getLength() > 0 && x - xs.getLowerBound() < 0.2 * xs.getLength();
        m.setLabelAnchor(nearLeft ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(nearLeft ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        c.getXYPlot().addDomainMarker(m);
    }

    /**
     * Several ramps and cliff searches in one plot: p99 against load for each ramp, the objective's
     * percentile for each cliff search, one line per file. Those whose load is of another kind
     * than the first's (workers against jobs/s) are left out: they share no axis.
     */
    public static JFreeChart loadsCompared(List<Session> sessions) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> otherAxis = new java.util.ArrayList<>();
        Boolean workers = null;
        for (Session s : sessions) {
            boolean w = s.loadIsWorkers();
            XYSeries line;
            if (s.kind() == Session.Kind.RAMP && !s.measuredSteps().isEmpty()) {
                line = series(Summaries.label(s) + " p99", s.measuredSteps(),
                        Step::load, st -> st.latency().p99());
            } else if (s.cliff() != null && !s.cliff().steps().isEmpty()) {
                line = series(Summaries.label(s) + (s.cliff().slo().isEmpty() ? "" : " " + s.cliff().slo()),
                        s.cliff().steps().stream().sorted(java.util.Comparator.comparingDouble(CliffStep::rate)).toList(),
                        CliffStep::rate, CliffStep::measuredMillis);
            } else {
                continue;
            }
            if (workers == null) workers = w;
            if (w == workers) {
                data.addSeries(line);
            } else {
                otherAxis.add(Summaries.label(s));
            }
        }
        boolean byWorkers = Boolean.TRUE.equals(workers);
        JFreeChart c = ChartFactory.createXYLineChart("Latency versus load, compared",
                byWorkers ? "workers (closed loop)" : "offered load (jobs/s)", "latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
        style(c, SESSION_COLOURS);
        ((XYLineAndShapeRenderer) c.getXYPlot().getRenderer()).setDefaultShapesVisible(true);
        if (byWorkers) wholeNumberTicks(c);
        if (!otherAxis.isEmpty()) {
            c.addSubtitle(new TextTitle("not shown, their load is " + (byWorkers ? "a rate" : "a worker count") + ": "
                    + String.join(", ", otherAxis), FONT));
        }
        latencyAxisBySpread(c); // a cliff spans decades: the flat part stays readable
        return c;
    }
}

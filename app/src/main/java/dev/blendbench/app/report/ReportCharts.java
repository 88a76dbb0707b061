package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.Interval;
import dev.blendbench.app.report.Session.Step;
import dev.blendbench.engine.stress.CpuUse;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, built with JFreeChart from a {@link Session}: one look for all of them
 * (white plot, light grid, the same colour for the same percentile everywhere). The same
 * {@link JFreeChart} objects are drawn as SVG into the HTML report and as vector graphics into
 * the PDF. Here: the charts over a session's time and of sessions side by side, and the look;
 * {@link LoadCurves} has those against load, {@link CpuChart} the CPU's.
 */
public final class ReportCharts {
    private ReportCharts() {}

    /** p50, p95, p99, p99.9, max: blue to red, as the tail gets worse. */
    public static final Color[] PERCENTILE_COLOURS = {new Color(0x2b6cb0), new Color(0x2f9e44), new Color(0xd97706),
            new Color(0xc2410c), new Color(0x9b1c1c)};
    static final String[] PERCENTILES = {"p50", "p95", "p99", "p999", "max"};
    static final String[] PERCENTILE_LABELS = {"p50", "p95", "p99", "p99.9", "max"};
    /** How many of {@link #PERCENTILES} sessions side by side chart: p50 to p99.9. */
    private static final int SIDE_BY_SIDE = 4;
    /**
     * The open-loop series beside the percentiles: how long the oldest job not yet started had
     * waited. It climbs as soon as the system falls behind, before the jobs stuck in the queue end
     * and reach the percentiles.
     */
    public static final String WAITING_LABEL = "oldest waiting";

    /** The latency-versus-load series of an open-loop ramp's service p99 (from each job's actual start), dashed in p99's colour. */
    public static final String SERVICE_P99_LABEL = "service p99";
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    /** The most points an over-time chart draws: about one per pixel of the report's chart width. */
    static final int MAX_POINTS = 600;

    /**
     * A long session's intervals merged into at most {@link #MAX_POINTS} consecutive groups (a
     * 30-minute session has 18,000), so that a report stays a few MB: each group ends where its
     * last interval ends; its latency figures are the worst of its intervals that had jobs (a
     * spike stays visible), its job count the sum, throughput and allocation the mean, GCs and
     * pauses the sum, heap after GC the last known, racing accesses the sum, the CPU's use the mean.
     * Short sessions are returned as they are, but
     * for intervals cut short ({@link ShortIntervals}), folded into the one before them.
     */
    static List<Interval> merged(List<Interval> all) {
        all = ShortIntervals.folded(all);
        int per = perPoint(all.size());
        if (per <= 1) return all;
        List<Interval> out = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += per) {
            List<Interval> g = all.subList(from, Math.min(all.size(), from + per));
            double tp = 0, alloc = 0;
            int allocN = 0;
            long gcs = 0, heap = -1;
            double pause = 0, waited = Double.NaN;
            for (Interval i : g) {
                if (!Double.isNaN(i.oldestWaitMillis()) && !(waited >= i.oldestWaitMillis())) waited = i.oldestWaitMillis(); // the longest said
                tp += i.throughput();
                if (!Double.isNaN(i.allocationMBps())) {
                    alloc += i.allocationMBps();
                    allocN++;
                }
                gcs += i.gcCount();
                pause += i.gcPauseMillis();
                if (i.heapAfterGcBytes() >= 0) heap = i.heapAfterGcBytes();
            }
            out.add(new Interval(g.get(g.size() - 1).endSeconds(), tp / g.size(), ShortIntervals.worst(g, Interval::latency), ShortIntervals.worst(g, Interval::service),
                    allocN == 0 ? Double.NaN : alloc / allocN, gcs, pause, heap, waited, ShortIntervals.racingSum(g),
                    CpuUse.mean(g.stream().map(Interval::cpu).toList(), equalWeights(g.size()))));
        }
        return out;
    }

    private static double[] equalWeights(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** How many intervals {@link #merged} puts in each point. */
    private static int perPoint(int intervals) {
        return (intervals + MAX_POINTS - 1) / MAX_POINTS;
    }

    /** Says on a chart that its points are merged intervals, and how many each. */
    static void noteMerged(JFreeChart c, Session s, String how) {
        int per = perPoint(ShortIntervals.folded(s.intervals()).size());
        if (per > 1) c.addSubtitle(new TextTitle("each point: " + per + " intervals merged (" + how + ")", FONT));
    }

    /** Latency percentiles per 100 ms interval, against the session's clock. */
    public static JFreeChart percentilesOverTime(Session s) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Interval> intervals = merged(s.intervals());
        for (int k = 0; k < PERCENTILES.length; k++) {
            String metric = PERCENTILES[k];
            // an interval in which no job ended has no percentiles: a gap in the lines (a stall), not a fall to zero
            XYSeries line = new XYSeries(PERCENTILE_LABELS[k], false, true);
            for (Interval i : intervals) {
                double v = i.latency().get(metric);
                if (i.latency().count() == 0) {
                    line.add(i.endSeconds(), null);
                } else if (!Double.isNaN(v)) {
                    line.add(i.endSeconds(), v);
                }
            }
            data.addSeries(line);
        }
        XYSeries waiting = new XYSeries(WAITING_LABEL, false, true);
        for (Interval i : intervals) {
            if (!Double.isNaN(i.oldestWaitMillis())) waiting.add(i.endSeconds(), i.oldestWaitMillis());
        }
        if (waiting.getItemCount() > 0) data.addSeries(waiting); // open loop
        JFreeChart c = ChartFactory.createXYLineChart("Latency percentiles over time", "time (s)", "latency (ms)",
                data, PlotOrientation.VERTICAL, true, false, false);
        style(c, PERCENTILE_COLOURS);
        styleWaiting(c, PERCENTILES.length);
        noteMerged(c, s, "the worst of each percentile");
        stepMarkers(c, s);
        return c;
    }

    /**
     * Completed jobs per second, per interval; for an open loop (a session, or a ramp of rates) also
     * how busy its workers were over each last second, on the right axis ({@link BusyWindow}).
     */
    public static JFreeChart throughput(Session s) {
        XYSeriesCollection data = new XYSeriesCollection(series("jobs/s", merged(s.intervals()), Interval::endSeconds, Interval::throughput));
        JFreeChart c = ChartFactory.createXYLineChart("Throughput", "time (s)", "completed jobs/s", data,
                PlotOrientation.VERTICAL, false, false, false);
        style(c, new Color[] {new Color(0x2b6cb0)});
        rateAxis(c, 1);
        XYSeries busy = busyOverTime(s);
        if (busy.getItemCount() > 0) busyAxis(c, busy);
        noteMerged(c, s, "their mean");
        stepMarkers(c, s);
        return c;
    }

    /** The label of the racing accesses' series and axis. */
    public static final String RACING_LABEL = "racing accesses/s";

    /**
     * The races chart, live and in reports: racing accesses a second (left axis, red) and the
     * findings so far (right axis, whole numbers, dark dashed steps) against time.
     */
    public static JFreeChart races(XYSeries racingPerSecond, XYSeries findingsSoFar) {
        JFreeChart c = ChartFactory.createXYLineChart("Races", "time (s)", RACING_LABEL, new XYSeriesCollection(racingPerSecond),
                PlotOrientation.VERTICAL, true, false, false);
        style(c, new Color[] {new Color(0xdc2626)});
        rateAxis(c, 1);
        NumberAxis counts = new NumberAxis("findings so far");
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        counts.setAutoRangeIncludesZero(true);
        counts.setAutoRangeMinimumSize(1);
        counts.setRangeType(org.jfree.data.RangeType.POSITIVE);
        rightAxis(c, counts, findingsSoFar, new Color(0x374151));
        return c;
    }

    /** Puts {@code series} on chart {@code c}'s right axis {@code axis}, drawn dashed in {@code colour}. */
    private static void rightAxis(JFreeChart c, NumberAxis axis, XYSeries series, Color colour) {
        XYPlot p = c.getXYPlot();
        axis.setLabelFont(FONT);
        p.setRangeAxis(1, axis);
        p.setDataset(1, new XYSeriesCollection(series));
        p.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
        p.setRenderer(1, r);
    }

    /**
     * A session's (or a ramp's, its steps one after another) racing accesses a second and race
     * findings so far, over time; null where no interval has a race count (the detector was off,
     * or the file is older). A finding counts from where it was first seen, one of the warm-up
     * from the start.
     */
    public static JFreeChart racesOverTime(Session s) {
        if (s.intervals().stream().noneMatch(i -> i.racingAccesses() >= 0)) return null;
        XYSeries racing = new XYSeries(RACING_LABEL, false, true), found = new XYSeries("findings so far", false, true);
        double lastEnd = 0;
        for (Interval i : merged(s.intervals())) {
            double rate = i.racesPerSecond(i.endSeconds() - lastEnd);
            lastEnd = i.endSeconds();
            racing.add(i.endSeconds(), Double.isNaN(rate) ? null : rate);
        }
        // each finding on the session's clock: a ramp's are timed from their own step's start of measuring
        Map<String, Double> stepStart = new java.util.HashMap<>();
        double[] starts = s.stepStarts();
        for (int k = 0; k < starts.length; k++) stepStart.putIfAbsent(s.steps().get(k).loadText(), starts[k]);
        List<Double> seen = new java.util.ArrayList<>();
        for (Session.Race r : s.races()) {
            double at = Double.isNaN(r.firstSeenSeconds()) ? 0 : Math.max(0, r.firstSeenSeconds());
            seen.add(at + stepStart.getOrDefault(r.step(), 0.0));
        }
        java.util.Collections.sort(seen);
        int k = 0;
        for (int n = 0; n < racing.getItemCount(); n++) {
            double t = racing.getX(n).doubleValue();
            while (k < seen.size() && seen.get(k) <= t) k++;
            found.add(t, k);
        }
        JFreeChart c = races(racing, found);
        noteMerged(c, s, "racing accesses summed");
        stepMarkers(c, s);
        return c;
    }

    /** The label of the busy share's series and axis. */
    public static final String BUSY_LABEL = "workers busy (%)";

    /**
     * Puts {@code busy} (per cent) on a right axis of 0..100 of chart {@code c}, dashed in amber, and
     * returns that axis.
     */
    public static NumberAxis busyAxis(JFreeChart c, XYSeries busy) {
        NumberAxis axis = new NumberAxis(BUSY_LABEL);
        axis.setRange(0, 105);
        axis.setAutoRange(false);
        rightAxis(c, axis, busy, new Color(0xb45309));
        return axis;
    }

    /**
     * An open loop's busy share over time, on the session's clock (a ramp's steps one after another),
     * at most one point a merged interval; empty for a closed loop or where the workers are not known.
     */
    static XYSeries busyOverTime(Session s) {
        XYSeries out = new XYSeries(BUSY_LABEL, false, true);
        int per = Math.max(1, perPoint(s.intervals().size()));
        int k = 0;
        if (s.kind() == Session.Kind.RAMP) {
            if (s.loadIsWorkers()) return out;
            double[] starts = s.stepStarts();
            for (int n = 0; n < starts.length; n++) {
                Session.Step st = s.steps().get(n);
                if (st.workers() > 0) {
                    BusyWindow w = new BusyWindow(st.workers());
                    for (Interval i : st.intervals()) {
                        double share = w.add(i);
                        if (++k % per == 0) out.add(starts[n] + i.endSeconds(), Double.isNaN(share) ? null : share);
                    }
                } else {
                    k += st.intervals().size();
                }
            }
            return out;
        }
        int workers = s.kind() == Session.Kind.SESSION && LatencyBreakdown.of(s) != null ? LatencyBreakdown.workersOf(s) : 0;
        if (workers < 1) return out;
        BusyWindow w = new BusyWindow(workers);
        for (Interval i : s.intervals()) {
            double share = w.add(i);
            if (++k % per == 0) out.add(i.endSeconds(), Double.isNaN(share) ? null : share);
        }
        return out;
    }


    /**
     * Allocation rate (left axis) and heap after each collection (right axis), with every GC pause
     * as a vertical marker labelled with its length.
     */
    public static JFreeChart heapChurn(Session s) {
        List<Interval> intervals = merged(s.intervals());
        XYSeriesCollection alloc = new XYSeriesCollection(series("allocation MB/s", intervals, Interval::endSeconds,
                Interval::allocationMBps));
        JFreeChart c = ChartFactory.createXYLineChart("Heap churn and GC pauses", "time (s)", "allocation (MB/s)", alloc,
                PlotOrientation.VERTICAL, true, false, false);
        style(c, new Color[] {new Color(0x6b46c1)});
        rateAxis(c, 1);
        noteMerged(c, s, "mean allocation, GCs and pauses summed");
        XYPlot p = c.getXYPlot();
        XYSeries heap = new XYSeries("heap after GC (MB)");
        for (Interval i : intervals) {
            if (i.heapAfterGcBytes() >= 0) heap.add(i.endSeconds(), i.heapAfterGcBytes() / 1e6);
        }
        NumberAxis right = new NumberAxis("heap after GC (MB)");
        right.setLabelFont(FONT);
        right.setTickLabelFont(FONT);
        // both axes from zero with a free band at the top, where the pause labels go: a flat heap
        // line auto-ranged to its own value ran along the top edge and hid them
        right.setAutoRangeIncludesZero(true);
        right.setUpperMargin(0.2);
        p.getRangeAxis().setUpperMargin(0.2);
        p.setRangeAxis(1, right);
        p.setDataset(1, new XYSeriesCollection(heap));
        p.mapDatasetToRangeAxis(1, 1);
        // a line without dots: between collections it carries the last one's figure, and a dot at
        // every interval read as a measurement each 100 ms (the red markers show when GCs ran)
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x0f766e));
        r.setSeriesStroke(0, new BasicStroke(1.6f));
        p.setRenderer(1, r);
        double span = intervals.isEmpty() ? 1 : intervals.get(intervals.size() - 1).endSeconds();
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (Interval i : intervals) {
            if (i.gcCount() <= 0) continue;
            ValueMarker m = new ValueMarker(i.endSeconds(), new Color(0xdc2626), new BasicStroke(1f));
            m.setAlpha(0.7f);
            if (i.endSeconds() - lastLabel > span / 8) { // label only markers far enough apart to be read
                lastLabel = i.endSeconds();
                m.setLabel(i.gcCount() == 1 ? String.format(java.util.Locale.ROOT, "GC %.1f ms", i.gcPauseMillis())
                        : String.format(java.util.Locale.ROOT, "%d GCs %.1f ms", i.gcCount(), i.gcPauseMillis()));
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
                m.setLabelPaint(new Color(0x9b1c1c));
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            p.addDomainMarker(m);
        }
        return c;
    }

    /** The colours of several sessions' lines in one chart. */
    static final Color[] SESSION_COLOURS = {new Color(0x2b6cb0), new Color(0xdd6b20), new Color(0x2f855a),
            new Color(0x9b2c2c), new Color(0x6b46c1), new Color(0x0f766e), new Color(0xb7791f), new Color(0x4a5568)};

    /**
     * Gives an XY chart of latencies a log axis where its values span more than 20× (one slow
     * line would flatten the rest against zero); its values must then all be positive.
     */
    static void latencyAxisBySpread(JFreeChart c) {
        org.jfree.data.xy.XYDataset data = c.getXYPlot().getDataset();
        double lo = Double.MAX_VALUE, hi = 0;
        for (int k = 0; k < data.getSeriesCount(); k++) {
            for (int i = 0; i < data.getItemCount(k); i++) {
                double v = data.getYValue(k, i);
                if (v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (hi / lo > 20) c.getXYPlot().setRangeAxis(logLatencyAxis(lo));
    }

    /** A latency axis in log scale, one tick a decade, from half the smallest value. */
    private static org.jfree.chart.axis.LogAxis logLatencyAxis(double smallest) {
        return styledLog(new org.jfree.chart.axis.LogAxis("latency (ms, log scale)"), smallest);
    }

    /**
     * A latency axis in log scale for charts whose values may be 0 (an open loop's oldest wait, where
     * nobody waits): such a value lies at the axis's foot instead of at minus infinity. {@code floor}
     * must lie under 1 ms (a foot above the range an empty chart starts with would collapse it).
     */
    public static org.jfree.chart.axis.LogAxis flooredLogLatencyAxis(double floor) {
        if (!(floor > 0 && floor < 1)) throw new IllegalArgumentException("floor must lie in (0, 1) ms, got " + floor);
        return styledLog(new org.jfree.chart.axis.LogAxis("latency (ms, log scale)") {
            @Override
            public double calculateLog(double value) {
                return super.calculateLog(Math.max(value, getSmallestValue()));
            }
        }, floor * 2);
    }

    private static org.jfree.chart.axis.LogAxis styledLog(org.jfree.chart.axis.LogAxis log, double smallest) {
        log.setLabelFont(FONT);
        log.setTickLabelFont(FONT);
        log.setSmallestValue(smallest / 2);
        log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1)); // one tick a decade
        log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        return log;
    }

    /**
     * Several sessions side by side: p50, p95, p99 and p99.9 per session (named by strategy where it
     * has one): the tail too, where a lock that passes a worker over shows and p99 may not.
     */
    public static JFreeChart strategies(List<Session> sessions) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Session s : sessions) {
            String label = Summaries.label(s);
            for (int k = 0; k < SIDE_BY_SIDE; k++) {
                d.addValue(s.latency().get(PERCENTILES[k]), PERCENTILE_LABELS[k], label);
            }
        }
        JFreeChart c = ChartFactory.createBarChart("Latency by session", "", "latency (ms)", d,
                PlotOrientation.VERTICAL, true, false, false);
        c.setBackgroundPaint(Color.WHITE);
        c.setTitle(new TextTitle(c.getTitle().getText(), TITLE));
        c.getLegend().setItemFont(FONT);
        CategoryPlot p = c.getCategoryPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(0xdddddd));
        p.setOutlineVisible(false);
        p.getDomainAxis().setTickLabelFont(FONT);
        p.getRangeAxis().setTickLabelFont(FONT);
        p.getRangeAxis().setLabelFont(FONT);
        double lo = Double.MAX_VALUE, hi = 0;
        for (Session s : sessions) {
            for (int k = 0; k < SIDE_BY_SIDE; k++) {
                double v = s.latency().get(PERCENTILES[k]);
                if (v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        BarRenderer r = (BarRenderer) p.getRenderer();
        if (hi / lo > 20) { // one slow session would flatten the rest: log scale
            p.setRangeAxis(logLatencyAxis(lo));
            r.setBase(lo / 2);
        }
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int k = 0; k < SIDE_BY_SIDE; k++) r.setSeriesPaint(k, PERCENTILE_COLOURS[k]);
        return c;
    }

    static <T> XYSeries series(String name, List<T> items, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        XYSeries s = new XYSeries(name, false, true);
        for (T t : items) {
            double v = y.applyAsDouble(t);
            if (!Double.isNaN(v)) s.add(x.applyAsDouble(t), v);
        }
        return s;
    }

    /** A ramp's step boundaries on the time axis. */
    static void stepMarkers(JFreeChart c, Session s) {
        if (s.kind() != Session.Kind.RAMP) return;
        double[] starts = s.stepStarts();
        for (int k = 0; k < starts.length; k++) {
            Step st = s.steps().get(k);
            if (st.intervals().isEmpty()) continue;
            ValueMarker m = new ValueMarker(starts[k], new Color(0x999999), new BasicStroke(0.8f));
            m.setLabel(st.loadText());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            c.getXYPlot().addDomainMarker(m);
        }
    }

    /** Draws series {@code k} of the chart as the {@link #WAITING_LABEL} series: grey and dashed, under the percentiles' colours. */
    public static void styleWaiting(JFreeChart c, int k) {
        var r = (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
        r.setSeriesPaint(k, new Color(0x6b7280));
        r.setSeriesStroke(k, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
    }

    /**
     * A rate's axis (jobs/s, MB/s): from zero, and at least {@code minimum} tall, so that a series flat
     * at zero shows 0 … minimum rather than ±4E-9.
     */
    public static void rateAxis(JFreeChart c, double minimum) {
        if (c.getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis a) {
            a.setAutoRangeIncludesZero(true);
            a.setAutoRangeMinimumSize(minimum);
            a.setRangeType(org.jfree.data.RangeType.POSITIVE);
        }
    }

    /** The reports' look for an XY line chart: white plot, light grid, one colour a series. */
    public static void style(JFreeChart c, Color[] colours) {
        c.setBackgroundPaint(Color.WHITE);
        c.setTitle(new TextTitle(c.getTitle().getText(), TITLE));
        if (c.getLegend() != null) c.getLegend().setItemFont(FONT);
        XYPlot p = c.getXYPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xe5e5e5));
        p.setRangeGridlinePaint(new Color(0xe5e5e5));
        p.setOutlineVisible(false);
        for (var axis : List.of(p.getDomainAxis(), p.getRangeAxis())) {
            axis.setLabelFont(FONT);
            axis.setTickLabelFont(FONT);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < colours.length; k++) {
            r.setSeriesPaint(k, colours[k]);
            r.setSeriesStroke(k, new BasicStroke(1.6f));
        }
        p.setRenderer(r);
    }
}

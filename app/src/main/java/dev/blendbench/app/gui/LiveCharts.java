package dev.blendbench.app.gui;

import dev.blendbench.app.report.CpuChart;
import dev.blendbench.app.report.ReportCharts;
import dev.blendbench.app.report.Session;
import dev.blendbench.app.report.ShortIntervals;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Stress tab's five live charts — latency percentiles, throughput (with an open loop's busy
 * workers), heap churn with GC pauses, racing accesses a second with the findings so far, and the
 * CPU used by the workload, by other processes and by the hypervisor (steal) — fed
 * one interval at a time on the FX thread and redrawn once a tick; a warm-up is drawn shaded until
 * measuring begins.
 * Successive sessions (a ramp's steps, compared strategies) continue one time axis.
 */
final class LiveCharts {
    private static final String[] PERCENTILES = {"p50", "p95", "p99", "p999", "max"};

    private final XYSeries[] pct = new XYSeries[PERCENTILES.length];
    /** Open loop only: joins the latency chart (and its legend) with the first interval that says it. */
    private final XYSeries waiting = new XYSeries(ReportCharts.WAITING_LABEL, false, true);
    private final XYSeriesCollection latencies = new XYSeriesCollection();
    private final XYSeries throughput = new XYSeries("jobs/s", false, true), alloc = new XYSeries("allocation MB/s", false, true),
            heapAfter = new XYSeries("heap after GC (MB)", false, true), raceCount = new XYSeries("findings so far", false, true),
            racing = new XYSeries(ReportCharts.RACING_LABEL, false, true),
            busy = new XYSeries(ReportCharts.BUSY_LABEL, false, true);
    /** The open loop's busy share over the last second; null for a closed loop. */
    private dev.blendbench.app.report.BusyWindow busyWindow;
    /** The workload's, other processes' and steal's cores ({@link ReportCharts#CPU_LABELS}). */
    private final XYSeries[] cpu = new XYSeries[CpuChart.CPU_LABELS.length];
    /** Whether the CPU chart draws the machine's cores yet (the first interval that knows them says). */
    private boolean coresShown;
    private final JFreeChart latChart, heapChart, raceChart, tpChart, cpuChart;
    private final GridPane node = new GridPane();
    /** Whether the session shown watches for races: if not, the race chart says so instead of showing zero. */
    private boolean watchingRaces;
    private int points;
    private double timeOffset, lastEnd, lastGcMarker = Double.NEGATIVE_INFINITY;
    /**
     * While a warm-up is drawn: where it began (what was drawn before it ends there), where its time
     * 0 lies, and its last interval's end; {@code warmupFrom} is NaN otherwise.
     */
    private double warmupFrom = Double.NaN, warmupBase, warmupLast;
    private final List<org.jfree.chart.plot.IntervalMarker> warmupBands = new java.util.ArrayList<>();
    /** The interval drawn last (folded, if it was) and its length, for folding the next into it if that is cut short; null at a new step. */
    private Session.Interval previous;
    private double previousLength;

    LiveCharts() {
        for (int k = 0; k < pct.length; k++) pct[k] = new XYSeries(new String[] {"p50", "p95", "p99", "p99.9", "max"}[k], false, true);
        for (XYSeries s : pct) latencies.addSeries(s);
        latChart = line("Latency percentiles (ms)", "latency (ms)", latencies, true, ReportCharts.PERCENTILE_COLOURS);
        ReportCharts.styleWaiting(latChart, pct.length);
        tpChart = line("Throughput", "jobs/s", new XYSeriesCollection(throughput), false, new Color[] {new Color(0x2b6cb0)});
        ReportCharts.rateAxis(tpChart, 1);
        ReportCharts.busyAxis(tpChart, busy).setVisible(false); // shown once an open loop says how busy its workers were
        heapChart = line("Heap churn and GC pauses", "allocation (MB/s)", new XYSeriesCollection(alloc), true, new Color[] {new Color(0x6b46c1)});
        ReportCharts.rateAxis(heapChart, 1);
        XYPlot hp = heapChart.getXYPlot();
        org.jfree.chart.axis.NumberAxis right = new org.jfree.chart.axis.NumberAxis("heap after GC (MB)");
        hp.setRangeAxis(1, right);
        hp.setDataset(1, new XYSeriesCollection(heapAfter));
        hp.mapDatasetToRangeAxis(1, 1);
        // a line, as in the report: the last collection's figure until the next (the markers show when GCs ran)
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer hr = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        hr.setSeriesPaint(0, new Color(0x0f766e));
        hp.setRenderer(1, hr);
        raceChart = ReportCharts.races(racing, raceCount);
        for (int k = 0; k < cpu.length; k++) {
            // the workload runs in a JVM of its own: this window's drawing is among the other processes
            cpu[k] = new XYSeries(CpuChart.CPU_LABELS[k] + (k == 1 ? " (this window's among them)" : ""), false, true);
        }
        cpuChart = CpuChart.cpu(cpu, 0);
        ChartViewer[] viewers = {new ChartViewer(latChart), new ChartViewer(tpChart), new ChartViewer(heapChart), new ChartViewer(raceChart),
                new ChartViewer(cpuChart)};
        String[] ids = {"chart-latency", "chart-throughput", "chart-heap", "chart-races", "chart-cpu"};
        node.setHgap(6);
        node.setVgap(6);
        for (int i = 0; i < viewers.length; i++) {
            viewers[i].setId(ids[i]);
            viewers[i].setPrefSize(360, 200);
            viewers[i].setMinSize(200, 140);
            GridPane.setHgrow(viewers[i], Priority.ALWAYS);
            GridPane.setVgrow(viewers[i], Priority.ALWAYS);
            node.add(viewers[i], i % 2, i / 2);
        }
        GridPane.setColumnSpan(viewers[4], 2); // the CPU over time, the width of the two above
        // a lock that passes a worker over puts spikes of hundreds of ms beside a p50 of 1: a log
        // axis keeps both readable (right-click the latency chart)
        javafx.scene.control.CheckMenuItem log = new javafx.scene.control.CheckMenuItem("Log scale");
        log.setId("latency-log-scale");
        org.jfree.chart.axis.ValueAxis linear = latChart.getXYPlot().getRangeAxis();
        log.setOnAction(e -> latChart.getXYPlot().setRangeAxis(log.isSelected() ? ReportCharts.flooredLogLatencyAxis(LOG_FLOOR_MILLIS) : linear));
        viewers[0].getContextMenu().getItems().addAll(0, List.of(log, new javafx.scene.control.SeparatorMenuItem()));
        watchRaces(false);
    }

    /** The log latency axis's foot: a microsecond, below any job's latency. */
    private static final double LOG_FLOOR_MILLIS = 0.001;

    private static JFreeChart line(String title, String y, XYSeriesCollection data, boolean legend, Color[] colours) {
        JFreeChart c = ChartFactory.createXYLineChart(title, "time (s)", y, data, PlotOrientation.VERTICAL, legend, false, false);
        ReportCharts.style(c, colours);
        return c;
    }

    Node node() { return node; }

    /** Intervals charted since the last {@link #clear()}. */
    int points() { return points; }

    /** Whether the race chart counts findings or says the detector is off. */
    void watchRaces(boolean on) {
        watchingRaces = on;
        raceChart.getXYPlot().setNoDataMessage(on ? "no session yet" : "race detector off");
        release();
    }

    /**
     * The workers of the open loop about to run, whose busy share the throughput chart then draws on
     * its right axis; 0 for a closed loop (whose workers are always busy).
     */
    void busyOf(int workers) {
        busyWindow = workers > 0 ? new dev.blendbench.app.report.BusyWindow(workers) : null;
    }

    /**
     * Adds one interval (shown at the next {@link #redraw()}); {@code findingsSoFar} for the race
     * chart. An interval cut short (a session's last) is folded into the one before it on the
     * latency, throughput and allocation charts ({@link ShortIntervals}).
     */
    void add(Session.Interval i, int findingsSoFar) {
        hold();
        if (i.endSeconds() <= 0) {
            addWarmup(i, findingsSoFar);
            return;
        }
        if (!Double.isNaN(warmupFrom)) endWarmup(); // measuring has begun
        if (i.endSeconds() + timeOffset < lastEnd) { // a new ramp step or session
            timeOffset = lastEnd;
            previous = null;
        }
        double t = i.endSeconds() + timeOffset, length = t - lastEnd;
        Session.Interval folded = i;
        if (previous != null && ShortIntervals.isShort(length, previousLength) && unplot(previous, lastEnd)) {
            folded = ShortIntervals.fold(previous, previousLength, i, length);
            length += previousLength;
        }
        lastEnd = t;
        previous = folded;
        previousLength = length;
        plot(folded, t, length);
        if (busyWindow != null) {
            double share = busyWindow.add(i); // NaN (a gap) until a measured job has ended in the step
            busy.add(t, Double.isNaN(share) ? null : share, false);
            tpChart.getXYPlot().getRangeAxis(1).setVisible(true);
        }
        if (i.heapAfterGcBytes() >= 0) heapAfter.add(t, i.heapAfterGcBytes() / 1e6, false);
        // GC markers no closer than 1/1500 of the time so far: a long soak stays drawable
        if (i.gcCount() > 0 && t - lastGcMarker >= t / LiveSeries.MAX_POINTS) {
            lastGcMarker = t;
            ValueMarker mk = new ValueMarker(t, new Color(0xdc2626), new BasicStroke(1f));
            mk.setAlpha(0.6f);
            heapChart.getXYPlot().addDomainMarker(mk, org.jfree.chart.ui.Layer.FOREGROUND);
        }
        if (watchingRaces) raceCount.add(t, findingsSoFar, false);
        points++;
    }

    /**
     * One interval of a warm-up (ending at or before the start of measuring): drawn after what is on
     * the charts, in a grey band, until measuring begins and {@link #endWarmup} takes it away; so
     * the warm-up can be watched settling, and the charts' first drawing happens before measuring.
     */
    private void addWarmup(Session.Interval i, int findingsSoFar) {
        if (Double.isNaN(warmupFrom)) { // a new warm-up: after what is drawn, its first interval taken as 100 ms long
            warmupFrom = lastEnd;
            warmupBase = lastEnd - i.endSeconds() + 0.1;
            warmupLast = warmupFrom;
            for (JFreeChart c : charts()) {
                org.jfree.chart.plot.IntervalMarker band = new org.jfree.chart.plot.IntervalMarker(warmupFrom, warmupFrom,
                        new Color(0xe5e7eb), new BasicStroke(1f), null, null, 0.6f);
                band.setLabel("warm-up");
                band.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
                band.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                band.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
                c.getXYPlot().addDomainMarker(band, org.jfree.chart.ui.Layer.BACKGROUND);
                warmupBands.add(band);
            }
        }
        double t = warmupBase + i.endSeconds();
        plot(i, t, t - warmupLast);
        warmupLast = t;
        if (i.heapAfterGcBytes() >= 0) heapAfter.add(t, i.heapAfterGcBytes() / 1e6, false);
        if (watchingRaces) raceCount.add(t, findingsSoFar, false);
        for (org.jfree.chart.plot.IntervalMarker band : warmupBands) band.setEndValue(t);
    }

    /** Measuring has begun: the warm-up's points and bands go, and the session is drawn from where the warm-up began. */
    private void endWarmup() {
        List<XYSeries> all = new java.util.ArrayList<>(List.of(pct));
        all.addAll(List.of(waiting, throughput, alloc, racing, heapAfter, raceCount));
        all.addAll(List.of(cpu));
        for (XYSeries s : all) {
            int from = s.getItemCount();
            while (from > 0 && s.getX(from - 1).doubleValue() > warmupFrom) from--;
            if (from < s.getItemCount()) s.delete(from, s.getItemCount() - 1); // one change event a series, not one a point
        }
        for (int k = 0; k < warmupBands.size(); k++) {
            charts().get(k).getXYPlot().removeDomainMarker(warmupBands.get(k), org.jfree.chart.ui.Layer.BACKGROUND);
        }
        warmupBands.clear();
        warmupFrom = Double.NaN;
        previous = null;
    }

    /** The five charts, in the order the warm-up's bands are kept. */
    private List<JFreeChart> charts() {
        return List.of(latChart, tpChart, heapChart, raceChart, cpuChart);
    }

    /** The CPU figures of {@code i}, in {@link #cpu}'s order. */
    private static double[] cpuOf(Session.Interval i) {
        return new double[] {i.cpu().workloadCores(), i.cpu().otherCores(), i.cpu().stealCores()};
    }

    /** The percentiles, oldest wait, throughput, allocation and racing accesses of {@code i} (of {@code length} s), at {@code t}. */
    private void plot(Session.Interval i, double t, double length) {
        if (i.racingAccesses() >= 0) racing.add(t, i.racesPerSecond(length), false);
        if (i.latency().count() > 0) {
            for (int k = 0; k < pct.length; k++) pct[k].add(t, i.latency().get(PERCENTILES[k]), false);
        } else {
            for (XYSeries p : pct) p.add(t, null, false); // no job ended: a gap (a stall), not a line across it
        }
        if (!Double.isNaN(i.oldestWaitMillis())) {
            if (latencies.getSeriesIndex(waiting.getKey()) < 0) latencies.addSeries(waiting);
            waiting.add(t, i.oldestWaitMillis(), false);
        }
        throughput.add(t, i.throughput(), false);
        if (!Double.isNaN(i.allocationMBps())) alloc.add(t, i.allocationMBps(), false);
        double[] c = cpuOf(i);
        for (int k = 0; k < cpu.length; k++) if (!Double.isNaN(c[k])) cpu[k].add(t, c[k], false);
        if (!coresShown && i.cpu().machineCores() > 0) {
            CpuChart.machineCores(cpuChart, i.cpu().machineCores());
            coresShown = true;
        }
    }

    /**
     * Takes back what {@link #plot} drew for {@code i} at {@code t}; false, taking back nothing, where
     * a series no longer ends there (its points merged since: {@link LiveSeries#halveIfLong}).
     */
    private boolean unplot(Session.Interval i, double t) {
        List<XYSeries> drawn = new java.util.ArrayList<>(List.of(pct));
        if (!Double.isNaN(i.oldestWaitMillis())) drawn.add(waiting);
        drawn.add(throughput);
        if (!Double.isNaN(i.allocationMBps())) drawn.add(alloc);
        if (i.racingAccesses() >= 0) drawn.add(racing);
        double[] c = cpuOf(i);
        for (int k = 0; k < cpu.length; k++) if (!Double.isNaN(c[k])) drawn.add(cpu[k]);
        for (XYSeries s : drawn) {
            if (s.getItemCount() == 0 || s.getX(s.getItemCount() - 1).doubleValue() != t) return false;
        }
        for (XYSeries s : drawn) s.remove(s.getItemCount() - 1);
        return true;
    }

    /**
     * Stops the charts redrawing on each change until the next {@link #redraw()}: an interval
     * changes a chart's series, markers and axes many times, and each change would draw it again.
     */
    private void hold() {
        for (JFreeChart c : charts()) c.setNotify(false);
    }

    /**
     * Redraws what {@link #add} brought, each series kept short enough to redraw every tick: one
     * drawing a chart, whatever changed in it.
     */
    void redraw() {
        hold();
        for (XYSeries s : pct) LiveSeries.halveIfLong(s, LiveSeries.Merge.WORST);
        LiveSeries.halveIfLong(waiting, LiveSeries.Merge.WORST);
        LiveSeries.halveIfLong(throughput, LiveSeries.Merge.MEAN);
        LiveSeries.halveIfLong(busy, LiveSeries.Merge.MEAN);
        LiveSeries.halveIfLong(alloc, LiveSeries.Merge.MEAN);
        LiveSeries.halveIfLong(heapAfter, LiveSeries.Merge.LAST);
        LiveSeries.halveIfLong(raceCount, LiveSeries.Merge.LAST);
        LiveSeries.halveIfLong(racing, LiveSeries.Merge.MEAN);
        for (XYSeries s : cpu) LiveSeries.halveIfLong(s, LiveSeries.Merge.MEAN);
        for (XYSeries s : pct) s.fireSeriesChanged();
        for (XYSeries s : cpu) s.fireSeriesChanged();
        waiting.fireSeriesChanged();
        throughput.fireSeriesChanged();
        busy.fireSeriesChanged();
        alloc.fireSeriesChanged();
        heapAfter.fireSeriesChanged();
        raceCount.fireSeriesChanged();
        racing.fireSeriesChanged();
        release();
    }

    /** Lets the charts redraw again, each at once: one change event each, so one drawing. */
    private void release() {
        for (JFreeChart c : charts()) c.setNotify(true);
    }

    /** Empties every chart for a new run. */
    void clear() {
        hold();
        for (XYSeries s : pct) s.clear();
        waiting.clear();
        if (latencies.getSeriesIndex(waiting.getKey()) >= 0) latencies.removeSeries(waiting);
        throughput.clear();
        busy.clear();
        if (busyWindow != null) busyWindow.clear();
        tpChart.getXYPlot().getRangeAxis(1).setVisible(false);
        alloc.clear();
        heapAfter.clear();
        raceCount.clear();
        racing.clear();
        for (XYSeries s : cpu) s.clear();
        for (JFreeChart c : charts()) c.getXYPlot().clearDomainMarkers();
        warmupBands.clear();
        warmupFrom = Double.NaN;
        points = 0;
        timeOffset = 0;
        lastEnd = 0;
        previous = null;
        lastGcMarker = Double.NEGATIVE_INFINITY;
        release();
    }
}

package dev.blendbench.app.report;

import static dev.blendbench.app.report.ReportCharts.merged;
import static dev.blendbench.app.report.ReportCharts.noteMerged;
import static dev.blendbench.app.report.ReportCharts.series;
import static dev.blendbench.app.report.ReportCharts.stepMarkers;
import static dev.blendbench.app.report.ReportCharts.style;

import dev.blendbench.app.report.Session.Interval;
import dev.blendbench.engine.stress.CpuUse;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The CPU chart, live in the workbench and over a session's time in reports: the cores the
 * workload's JVM, other processes and the hypervisor (steal) used, against the machine's cores
 * ({@link CpuUse}). Drawn in {@link ReportCharts}' look.
 */
public final class CpuChart {
    private CpuChart() {}

    /** The CPU chart's series, in their order and colours: the workload's process, other processes, the hypervisor's steal. */
    public static final String[] CPU_LABELS = {"workload", "other processes", "steal"};
    private static final Color[] CPU_COLOURS = {new Color(0x2b6cb0), new Color(0xd97706), new Color(0xdc2626)};

    /**
     * The CPU chart, live and in reports: the cores used by the workload's process, by other
     * processes and by the hypervisor (steal), each a series of {@code series} (in
     * {@link #CPU_LABELS}' order), against the machine's cores, drawn as a dashed line where known.
     * Other processes and steal took CPU time the workload may have wanted: where they rise, the
     * latency measured what they did too.
     */
    public static JFreeChart cpu(XYSeries[] series, int machineCores) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries x : series) data.addSeries(x);
        JFreeChart c = ChartFactory.createXYLineChart("CPU", "time (s)", "CPU (cores)", data, PlotOrientation.VERTICAL, true, false, false);
        style(c, CPU_COLOURS);
        NumberAxis y = (NumberAxis) c.getXYPlot().getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.15);
        machineCores(c, machineCores);
        return c;
    }

    /** The machine's cores as a dashed line across the CPU chart (none where unknown); the axis reaches it. */
    public static void machineCores(JFreeChart c, int cores) {
        XYPlot p = c.getXYPlot();
        p.clearRangeMarkers();
        if (cores <= 0) return;
        ValueMarker m = new ValueMarker(cores, new Color(0x6b7280), new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 3f}, 0f));
        m.setLabel("the machine's " + cores + (cores == 1 ? " core" : " cores"));
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        m.setLabelPaint(new Color(0x4b5563));
        m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        p.addRangeMarker(m);
        // from 0 to above the cores line: a workload at one core reads as half a two-core machine's
        NumberAxis y = (NumberAxis) p.getRangeAxis();
        y.setRangeType(org.jfree.data.RangeType.POSITIVE);
        y.setAutoRangeMinimumSize(cores * 1.2);
    }

    /** A session's CPU use over time ({@link #cpu}); null where its file does not give it (older files). */
    public static JFreeChart cpuOverTime(Session s) {
        List<Interval> intervals = merged(s.intervals());
        if (intervals.stream().allMatch(i -> Double.isNaN(i.cpu().workloadCores()))) return null;
        boolean machine = intervals.stream().anyMatch(i -> i.cpu().machineKnown());
        List<ToDoubleFunction<CpuUse>> figures = List.of(CpuUse::workloadCores, CpuUse::otherCores, CpuUse::stealCores);
        XYSeries[] lines = new XYSeries[machine ? 3 : 1];
        for (int k = 0; k < lines.length; k++) {
            ToDoubleFunction<CpuUse> f = figures.get(k);
            lines[k] = series(CPU_LABELS[k], intervals, Interval::endSeconds, i -> f.applyAsDouble(i.cpu()));
        }
        JFreeChart c = cpu(lines, intervals.stream().mapToInt(i -> i.cpu().machineCores()).max().orElse(0));
        noteMerged(c, s, "their mean");
        stepMarkers(c, s);
        return c;
    }
}

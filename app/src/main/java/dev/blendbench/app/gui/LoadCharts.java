package dev.blendbench.app.gui;

import dev.blendbench.app.report.LoadCurves;
import dev.blendbench.app.report.ReportCharts;
import dev.blendbench.app.report.Session;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Stress tab's "Latency vs load" view: one ramp's or cliff search's sentence over the chart
 * (how far the latency rose, the knee, where the latency went), latency against load for it (or
 * several, compared) and beside it, for one ramp, each step's latency by percentile (a line a step,
 * joining as the step ends: how the tail bends as the load rises), and under them, for one
 * closed-loop ramp or search, throughput against workers with its USL fit. FX thread only.
 */
final class LoadCharts {
    private final ChartViewer latency = new ChartViewer(ReportCharts.strategies(List.of()));
    private final ChartViewer usl = ChartSlots.hidden("chart-usl");
    /** A ramp's steps' latency by percentile; hidden where no step holds a distribution (a search, older files). */
    private final ChartViewer distribution = ChartSlots.hidden("chart-load-distribution");
    private final javafx.scene.control.Label summary = sentence("load-summary");
    private final javafx.scene.layout.HBox charts = ChartSlots.sideBySide(latency, distribution);
    private final VBox box = new VBox(summary, charts, usl);

    /**
     * A box for a result's sentence over its charts, as the report puts it at the top: wrapped,
     * whole, and gone while it has no text.
     */
    static javafx.scene.control.Label sentence(String id) {
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole sentence, never "…"
        l.setStyle("-fx-background-color: #eef4ff; -fx-border-color: transparent transparent transparent #2b6cb0;"
                + " -fx-border-width: 0 0 0 3; -fx-padding: 6 10 6 10;");
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    LoadCharts() {
        latency.setId("chart-load");
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(usl, Priority.ALWAYS);
    }

    ChartViewer distribution() { return distribution; }

    /** Each step's latency by percentile where {@code ramp} holds them (a ramp's steps, an open-loop search's rates), else hidden. */
    private void distributionOf(Session ramp) {
        ChartSlots.show(distribution, ramp == null || ramp.kind() == Session.Kind.SESSION ? null
                : dev.blendbench.app.report.PercentileChart.of(ramp));
    }

    Node node() { return box; }

    ChartViewer latency() { return latency; }

    ChartViewer usl() { return usl; }

    /** The sentence over the chart: one finished ramp's or search's, else empty (hidden). */
    javafx.scene.control.Label summary() { return summary; }

    /** One ramp or search: its sentence, its latency against load, and its USL chart where it is closed loop. */
    void show(Session s) {
        summary.setText(dev.blendbench.app.report.Summaries.sentence(s));
        latency.setChart(LoadCurves.latencyVersusLoad(s));
        distributionOf(s);
        ChartSlots.show(usl, LoadCurves.throughputVersusWorkers(s));
    }

    /** A ramp still running: its finished steps, no fit yet; before the first has ended, {@code waiting} says what runs. */
    void showLive(Session ramp, String waiting) {
        summary.setText("");
        JFreeChart c = LoadCurves.latencyVersusLoad(ramp);
        if (ramp.steps().isEmpty()) { // no load to scale an axis by yet: the message alone
            c.getXYPlot().setNoDataMessage(waiting);
            c.getXYPlot().getDomainAxis().setVisible(false);
            c.getXYPlot().getRangeAxis().setVisible(false);
        }
        latency.setChart(c);
        distributionOf(ramp);
        usl.setVisible(false);
    }

    /** Ramps and searches loaded from files: one alone as {@link #show}, several in one latency chart. */
    void show(List<Session> loads) {
        if (loads.size() == 1) {
            show(loads.get(0));
            return;
        }
        summary.setText("");
        latency.setChart(LoadCurves.loadsCompared(loads));
        distributionOf(null);
        usl.setVisible(false);
    }
}

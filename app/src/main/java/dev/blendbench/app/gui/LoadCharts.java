package dev.blendbench.app.gui;

import dev.blendbench.app.report.ReportCharts;
import dev.blendbench.app.report.Session;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Stress tab's "Latency vs load" view: latency against load for a ramp or cliff search (or
 * several, compared), and under it, for one closed-loop ramp or search, throughput against workers
 * with its USL fit. FX thread only.
 */
final class LoadCharts {
    private final ChartViewer latency = new ChartViewer(ReportCharts.strategies(List.of()));
    private final ChartViewer usl = new ChartViewer(ReportCharts.strategies(List.of()));
    private final VBox box = new VBox(latency, usl);

    LoadCharts() {
        latency.setId("chart-load");
        usl.setId("chart-usl");
        usl.setVisible(false);
        usl.managedProperty().bind(usl.visibleProperty());
        VBox.setVgrow(latency, Priority.ALWAYS);
        VBox.setVgrow(usl, Priority.ALWAYS);
    }

    Node node() { return box; }

    ChartViewer latency() { return latency; }

    ChartViewer usl() { return usl; }

    /** One ramp or search: its latency against load, and its USL chart where it is closed loop. */
    void show(Session s) {
        latency.setChart(ReportCharts.latencyVersusLoad(s));
        JFreeChart c = ReportCharts.throughputVersusWorkers(s);
        if (c != null) usl.setChart(c);
        usl.setVisible(c != null);
    }

    /** A ramp still running: its finished steps, no fit yet. */
    void showLive(Session ramp) {
        latency.setChart(ReportCharts.latencyVersusLoad(ramp));
        usl.setVisible(false);
    }

    /** Ramps and searches loaded from files: one alone as {@link #show}, several in one latency chart. */
    void show(List<Session> loads) {
        if (loads.size() == 1) {
            show(loads.get(0));
            return;
        }
        latency.setChart(ReportCharts.loadsCompared(loads));
        usl.setVisible(false);
    }
}

package dev.blendbench.app.gui;

import dev.blendbench.app.report.ReportCharts;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Charts the Stress tab shows only while it has one to show (a USL fit, a latency distribution):
 * hidden, they take no room. FX thread only.
 */
final class ChartSlots {
    private ChartSlots() {}

    /** A viewer with {@code id}, hidden (and taking no room) until {@link #show} gives it a chart. */
    static ChartViewer hidden(String id) {
        ChartViewer v = new ChartViewer(ReportCharts.strategies(List.of()));
        v.setId(id);
        v.setVisible(false);
        v.managedProperty().bind(v.visibleProperty());
        return v;
    }

    /** Shows {@code c} in {@code v}, or hides {@code v} where {@code c} is null. */
    static void show(ChartViewer v, JFreeChart c) {
        if (c != null) v.setChart(c);
        v.setVisible(c != null);
    }

    /** Two charts side by side, sharing the width (one alone takes it all while the other is hidden). */
    static HBox sideBySide(ChartViewer left, ChartViewer right) {
        HBox row = new HBox(6, left, right);
        for (ChartViewer v : List.of(left, right)) {
            v.setMinSize(200, 140);
            v.setPrefWidth(400);
            HBox.setHgrow(v, Priority.ALWAYS);
        }
        return row;
    }
}

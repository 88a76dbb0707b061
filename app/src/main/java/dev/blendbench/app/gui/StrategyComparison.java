package dev.blendbench.app.gui;

import dev.blendbench.app.report.ReportCharts;
import dev.blendbench.app.report.ReportTables;
import dev.blendbench.app.report.Session;
import dev.blendbench.app.report.Summaries;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Stress tab's "Strategies" view: sessions side by side (table and charts: their percentiles as
 * bars and, beside them where the files hold it, their whole latency distributions; a row's tooltip
 * is its session's sentence) and each one's p99 against the first's, with its bootstrap interval
 * and verdict. FX thread only.
 */
final class StrategyComparison {
    private final ChartViewer chart = new ChartViewer(ReportCharts.strategies(List.of()));
    /** The sessions' latency by percentile; hidden where none holds a distribution (or, of several, fewer than two). */
    private final ChartViewer distribution = ChartSlots.hidden("chart-distribution");
    private final TableView<List<String>> table = new TableView<>();
    /** The verdicts, one a session after the first, with their notes: selectable, to copy into a ticket. */
    private final TextArea verdicts = new TextArea();
    private final VBox box;
    /** The sessions' sentences, row by row: each row's tooltip. */
    private List<String> sentences = List.of();

    /** @param actions controls shown above the table (the Compare session files… button) */
    StrategyComparison(Node... actions) {
        chart.setId("chart-strategies");
        table.setId("strategy-table");
        table.setPrefHeight(150);
        // a row's tooltip is its session's sentence: the figures' reading (the lock's waits, the warm-up, ...)
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(List<String> item, boolean empty) {
                super.updateItem(item, empty);
                int i = getIndex();
                if (empty || item == null || i < 0 || i >= sentences.size()) {
                    setTooltip(null);
                } else {
                    Tooltip t = new Tooltip(sentences.get(i));
                    t.setWrapText(true);
                    t.setMaxWidth(640);
                    t.setShowDuration(javafx.util.Duration.seconds(60));
                    setTooltip(t);
                }
            }
        });
        verdicts.setId("verdicts");
        verdicts.setEditable(false);
        verdicts.setWrapText(true);
        verdicts.setPrefRowCount(6);
        verdicts.setStyle("-fx-font-family: monospace;");
        HBox charts = ChartSlots.sideBySide(chart, distribution);
        // the figures above, the charts below, the divider between them the user's to move: a
        // comparison's notes can run long on a small screen
        VBox figures = new VBox(6, new HBox(6, actions), table, verdicts);
        VBox.setVgrow(verdicts, Priority.ALWAYS);
        figures.setMinHeight(0);
        charts.setMinHeight(0);
        SplitPane split = new SplitPane(figures, charts);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        box = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(6));
    }

    Node node() { return box; }

    /** The width of {@code s} in the table's font (a little less than its bold header's, hence the margins). */
    private static double textWidth(String s) {
        return new javafx.scene.text.Text(s).getLayoutBounds().getWidth();
    }

    TextArea verdicts() { return verdicts; }

    /** Shows {@code sessions}, the first as the baseline. */
    void show(List<Session> sessions) {
        chart.setChart(ReportCharts.strategies(sessions));
        // one session (a file opened alone) has its own; several, a line each
        ChartSlots.show(distribution, sessions.size() == 1 ? dev.blendbench.app.report.PercentileChart.of(sessions.get(0))
                : dev.blendbench.app.report.PercentileChart.compared(sessions));
        sentences = sessions.stream().map(Summaries::sentence).toList();
        List<String> header = ReportTables.comparisonHeader();
        List<List<String>> rows = ReportTables.comparisonRows(sessions);
        table.getColumns().clear();
        for (int i = 0; i < header.size(); i++) {
            int k = i;
            TableColumn<List<String>, String> c = new TableColumn<>(header.get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().get(k)));
            // as wide as its header and its widest cell, so that neither is cut to "servic..." (the session names at most 200)
            double w = textWidth(header.get(i)) + 24;
            for (List<String> r : rows) w = Math.max(w, textWidth(r.get(i)) + 16);
            c.setPrefWidth(i == 0 ? Math.min(200, w) : w);
            table.getColumns().add(c);
        }
        table.setItems(FXCollections.observableArrayList(rows));
        // each session against the first: ratio of p99 with its bootstrap 95 % interval, and the verdict
        verdicts.setText(String.join("\n", dev.blendbench.app.report.Verdicts.againstFirst(sessions)));
    }
}

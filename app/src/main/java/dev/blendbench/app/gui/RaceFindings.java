package dev.blendbench.app.gui;

import dev.blendbench.app.report.Session;
import dev.blendbench.app.report.ThreadList;
import dev.blendbench.engine.surface.Rect;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Stress tab's race findings: a table (threads, accesses, pixels, count, when first seen), the
 * selected finding's threads and the stacks of its first pair, and <i>Show on canvas</i>. Its placeholder says whether the
 * detector is off or has found nothing yet.
 */
final class RaceFindings {
    private final TableView<Session.Race> table = new TableView<>();
    private final Label placeholder = new Label();
    private final TextArea stacks = new TextArea();
    private final VBox root;

    /** @param showOnCanvas shows a finding's rectangle on the canvas */
    RaceFindings(Consumer<Rect> showOnCanvas) {
        table.setId("findings");
        placeholder.setId("findings-placeholder");
        table.setPlaceholder(placeholder);
        watching(false);
        // every thread of the finding's races, the workers' common "blendbench-" prefix left out to fit the column
        table.getColumns().add(column("threads", RaceFindings::threads, 230));
        table.getColumns().add(column("accesses", r -> r.earlier().kind() + " vs " + r.later().kind(), 110));
        table.getColumns().add(column("pixels", Session.Race::intersection, 170));
        table.getColumns().add(column("count", r -> Long.toString(r.count()), 60));
        table.getColumns().add(column("first seen", Session.Race::whenText, 150)); // a ramp's: "400 jobs/s, 0.812 s"
        table.setPrefHeight(140);
        stacks.setId("finding-stacks");
        stacks.setEditable(false);
        stacks.setPrefRowCount(8);
        stacks.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        Button show = new Button("Show on canvas");
        show.setId("finding-show");
        show.setDisable(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            show.setDisable(r == null);
            stacks.setText(r == null ? "" : stackText(r));
        });
        show.setOnAction(e -> {
            Session.Race r = table.getSelectionModel().getSelectedItem();
            if (r != null) showOnCanvas.accept(new Rect(r.box()[0], r.box()[1], r.box()[2], r.box()[3]));
        });
        root = new VBox(6, new Label("Race findings"), table, new HBox(6, show), stacks);
    }

    Node node() { return root; }

    TableView<Session.Race> table() { return table; }

    /** The placeholder for the detector on (nothing found yet) or off (how to turn it on). */
    void watching(boolean on) {
        placeholder.setText(on ? "No race findings so far." : "The race detector is off: tick it (and try shared-unsafe) to look for races.");
    }

    void add(Session.Race r) { table.getItems().add(r); }

    /** A finished session's findings, with their final counts. */
    void setAll(List<Session.Race> races) { table.getItems().setAll(races); }

    int size() { return table.getItems().size(); }

    void clear() {
        table.getItems().clear();
        stacks.clear();
    }

    private static TableColumn<Session.Race, String> column(String name, Function<Session.Race, String> f, double w) {
        TableColumn<Session.Race, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    /** The finding's threads, short: "worker-0–3". */
    static String threads(Session.Race r) {
        return ThreadList.compact(r.threads().stream().map(t -> t.replaceFirst("^blendbench-", "")).toList())
                + (r.moreThreads() ? " and more" : "");
    }

    private static String stackText(Session.Race r) {
        StringBuilder b = new StringBuilder();
        b.append(r.count()).append(r.count() == 1 ? " race " : " races ").append(r.threadsPhrase())
                .append("; the first pair seen:\n");
        for (Session.Access a : List.of(r.earlier(), r.later())) {
            b.append(a == r.earlier() ? "earlier " : "later ").append(a.kind()).append(" by ").append(a.thread()).append(", ")
                    .append(a.rect()).append('\n');
            for (String f : a.stack()) b.append("    at ").append(f).append('\n');
        }
        return b.toString();
    }
}

package dev.blendbench.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The undo history as a list, as image editors show it: the state the document started from,
 * then each step, oldest first, the current one selected; the steps that redo would make again
 * follow it, greyed. Selecting a row (a click, or the arrow keys) goes back or forward to that
 * state as one change of the document; the next edit drops the greyed steps, as it drops redo.
 * Redrawn only when the history itself changed (not on every frame of a drag). FX thread only.
 */
final class HistoryPanel {
    /** A row: its text, and how many steps it is from the current state (negative: back). */
    record Row(String text, int offset) {
        @Override
        public String toString() { return text; }
    }

    private final DocumentModel model;
    private final ListView<Row> list = new ListView<>();
    private final VBox box;
    private int shown = Integer.MIN_VALUE;
    /** True while the list is being refilled: selection changes then are not the user's. */
    private boolean refilling;

    HistoryPanel(DocumentModel model) {
        this.model = model;
        list.setId("history-list");
        list.setPlaceholder(new Label("No edits yet"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.text());
                setStyle(!empty && r != null && r.offset() > 0 ? "-fx-text-fill: #8a8a8a; -fx-font-style: italic;" : null);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!refilling && now != null && now.offset() != 0) {
                int steps = now.offset(); // after this event: the revision listener then refills the list around the new current row
                javafx.application.Platform.runLater(() -> model.travel(steps));
            }
        });
        model.revisionProperty().addListener((o, a, b) -> refresh());
        Label title = new Label("History");
        title.setStyle("-fx-font-weight: bold;");
        box = new VBox(4, title, list);
        box.setPadding(new Insets(8));
        VBox.setVgrow(list, Priority.ALWAYS);
        refresh();
    }

    Node node() { return box; }

    ListView<Row> list() { return list; }

    /** The rows for the history as it is: the start, the past steps, the current one, the steps redo would make. */
    static List<Row> rows(History h) {
        List<String> past = h.pastSteps(), future = h.futureSteps();
        List<Row> rows = new ArrayList<>(past.size() + future.size() + 1);
        rows.add(new Row(h.droppedOldest() ? "Oldest state kept" : "Opened", -past.size()));
        for (int i = 0; i < past.size(); i++) rows.add(new Row(past.get(i), i + 1 - past.size()));
        for (int i = 0; i < future.size(); i++) rows.add(new Row(future.get(i), i + 1));
        return rows;
    }

    private void refresh() {
        History h = model.history();
        if (h.version() == shown) return;
        shown = h.version();
        List<Row> rows = rows(h);
        refilling = true;
        try {
            list.getItems().setAll(rows);
            int current = -rows.getFirst().offset(); // the start is as many steps back as the current row is down
            list.getSelectionModel().select(current);
            list.scrollTo(Math.max(0, current - 3));
        } finally {
            refilling = false;
        }
    }
}

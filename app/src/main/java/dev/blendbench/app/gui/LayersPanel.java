package dev.blendbench.app.gui;

import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The layers panel: top layer first, each with a thumbnail, name, mode and opacity, a
 * visibility box and a lock; buttons to add, duplicate, delete and reorder; drag a row to
 * reorder. Every change goes through the {@link DocumentModel} (and so into undo).
 */
public final class LayersPanel {
    private static final DataFormat ROW = new DataFormat("application/x-blendbench-layer-row");
    private final DocumentModel model;
    private final ListView<LayerItem> list = new ListView<>();
    private final VBox root;
    private final Map<Surface, WritableImage> thumbs = new WeakHashMap<>();
    private boolean syncing;
    private Runnable rename = () -> { };

    /** @param addFromFile opens the file chooser to add image layers */
    public LayersPanel(DocumentModel model, Runnable addFromFile) {
        this.model = model;
        list.setId("layers");
        list.setCellFactory(lv -> new Cell());
        // F2 on the list renames, as the menu's accelerator does elsewhere (ListView keeps F2 for cell editing)
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F2 && !e.isShortcutDown() && !e.isAltDown()) {
                rename.run();
                e.consume();
            }
        });
        list.setPrefWidth(270);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label title = new Label("Layers");
        title.getStyleClass().add("panel-title");
        Button add = button("", "Add image layers… (Ctrl+Shift+O)", "layer-add", addFromFile);
        add.setGraphic(Icons.add());
        Button dup = button("", "Duplicate the selected layer (Ctrl+J)", "layer-duplicate", this::duplicate);
        dup.setGraphic(Icons.duplicate());
        Button del = button("", "Delete the selected layer (Delete)", "layer-delete", this::delete);
        del.setGraphic(Icons.delete());
        Button up = button("▲", "Move the selected layer up", "layer-up", () -> move(+1));
        Button down = button("▼", "Move the selected layer down", "layer-down", () -> move(-1));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(4, title, gap, add, dup, del, up, down);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(6, bar, list);
        root.setPadding(new Insets(8));
        model.changeProperty().addListener((o, a, b) -> refresh());
        model.selectedProperty().addListener((o, a, b) -> syncSelection());
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (syncing || b.intValue() < 0) return;
            model.selectedProperty().set(toModel(b.intValue()));
        });
        refresh();
    }

    public Node node() { return root; }

    public ListView<LayerItem> list() { return list; }

    /** What Rename (double-click, F2, the row's menu) does: the workbench puts the caret in the Name field. */
    public void onRename(Runnable r) { rename = r; }

    /** The menu a row's secondary click opens (the clicked row is selected first). */
    private javafx.scene.control.ContextMenu rowMenu() {
        javafx.scene.control.MenuItem ren = new javafx.scene.control.MenuItem("Rename"), dup = new javafx.scene.control.MenuItem("Duplicate"),
                del = new javafx.scene.control.MenuItem("Delete"), up = new javafx.scene.control.MenuItem("Move Up"),
                down = new javafx.scene.control.MenuItem("Move Down"), top = new javafx.scene.control.MenuItem("Move to Top"),
                bottom = new javafx.scene.control.MenuItem("Move to Bottom");
        ren.setOnAction(e -> rename.run());
        dup.setOnAction(e -> duplicate());
        del.setOnAction(e -> delete());
        up.setOnAction(e -> move(+1));
        down.setOnAction(e -> move(-1));
        top.setOnAction(e -> moveTo(model.selectedProperty().get(), model.doc().layers().size() - 1));
        bottom.setOnAction(e -> moveTo(model.selectedProperty().get(), 0));
        javafx.scene.control.ContextMenu m = new javafx.scene.control.ContextMenu(ren, dup, del, new javafx.scene.control.SeparatorMenuItem(),
                up, down, top, bottom);
        m.setId("layer-menu");
        m.setOnShowing(e -> {
            int i = model.selectedProperty().get(), n = model.doc().layers().size();
            up.setDisable(i >= n - 1);
            top.setDisable(i >= n - 1);
            down.setDisable(i <= 0);
            bottom.setDisable(i <= 0);
        });
        return m;
    }

    private static Button button(String text, String tip, String id, Runnable r) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> r.run());
        b.setFocusTraversable(false);
        return b;
    }

    private int toModel(int row) { return model.doc().layers().size() - 1 - row; }

    private void refresh() {
        syncing = true;
        try {
            List<LayerItem> top = new ArrayList<>(model.doc().layers());
            java.util.Collections.reverse(top);
            list.getItems().setAll(top);
        } finally {
            syncing = false;
        }
        syncSelection();
    }

    private void syncSelection() {
        syncing = true;
        try {
            int i = model.selectedProperty().get();
            if (i < 0 || i >= model.doc().layers().size()) list.getSelectionModel().clearSelection();
            else list.getSelectionModel().select(toModel(i));
        } finally {
            syncing = false;
        }
    }

    void duplicate() {
        int i = model.selectedProperty().get();
        if (i < 0) return;
        model.edit("Duplicate layer", d -> {
            List<LayerItem> ls = new ArrayList<>(d.layers());
            ls.add(i + 1, ls.get(i).duplicate());
            return d.withLayers(ls);
        });
        model.selectedProperty().set(i + 1);
    }

    void delete() {
        int i = model.selectedProperty().get();
        if (i < 0) return;
        String name = model.doc().layers().get(i).name();
        model.edit("Delete " + name, d -> {
            List<LayerItem> ls = new ArrayList<>(d.layers());
            ls.remove(i);
            return d.withLayers(ls);
        });
        model.selectedProperty().set(Math.min(i, model.doc().layers().size() - 1));
    }

    /** Moves the selected layer up (+1) or down (−1) the stack. */
    void move(int by) {
        int i = model.selectedProperty().get();
        moveTo(i, i + by);
    }

    private void moveTo(int from, int to) {
        int n = model.doc().layers().size();
        if (from < 0 || to < 0 || to >= n || from == to) return;
        model.edit("Reorder layers", d -> {
            List<LayerItem> ls = new ArrayList<>(d.layers());
            ls.add(to, ls.remove(from));
            return d.withLayers(ls);
        });
        model.selectedProperty().set(to);
    }

    private static final java.util.concurrent.ExecutorService THUMBNAILER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "blendbench-thumbnails");
        t.setDaemon(true);
        return t;
    });

    /**
     * The layer's thumbnail if it is ready; otherwise null, and it is made on a background thread
     * (the engine resamples it; the FX thread never does) and the list refreshed when it is.
     */
    private WritableImage thumbnail(Surface s) {
        WritableImage img = thumbs.get(s);
        if (img != null || thumbs.containsKey(s)) return img;
        thumbs.put(s, null);
        THUMBNAILER.execute(() -> {
            int tw = 48, th = 32;
            double k = Math.min((double) tw / s.width(), (double) th / s.height());
            int w = Math.max(1, (int) (s.width() * k)), h = Math.max(1, (int) (s.height() * k));
            Surface small = dev.blendbench.engine.resample.Resampler.resize(s, w, h, dev.blendbench.engine.resample.Filter.BOX);
            javafx.application.Platform.runLater(() -> {
                WritableImage made = new WritableImage(w, h);
                made.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), small.array(), 0, w);
                thumbs.put(s, made);
                list.refresh();
            });
        });
        return null;
    }

    private final class Cell extends ListCell<LayerItem> {
        private final CheckBox visible = new CheckBox();
        private final ImageView thumb = new ImageView();
        private final Label name = new Label(), detail = new Label();
        private final ToggleButton lock = new ToggleButton();
        private final Tooltip whole = new Tooltip();
        private final HBox box;

        Cell() {
            visible.setTooltip(new Tooltip("Visible"));
            visible.getStyleClass().add("layer-visible");
            lock.setTooltip(new Tooltip("Lock: the layer cannot be selected or moved on the canvas"));
            lock.getStyleClass().add("layer-lock");
            lock.setFocusTraversable(false);
            detail.getStyleClass().add("layer-detail");
            detail.setStyle("-fx-font-size: 10px; -fx-opacity: 0.75;");
            VBox text = new VBox(1, name, detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            text.setPrefWidth(0); // grows into the row; a long name or detail is cut with "…", not scrolled
            Tooltip.install(text, whole);
            thumb.setFitWidth(48);
            thumb.setFitHeight(32);
            thumb.setPreserveRatio(true);
            StackedThumb frame = new StackedThumb(thumb);
            box = new HBox(6, visible, frame, text, lock);
            box.setAlignment(Pos.CENTER_LEFT);
            visible.setOnAction(e -> {
                LayerItem it = getItem();
                if (it == null) return;
                int i = model.doc().indexOf(it.id());
                boolean v = visible.isSelected();
                model.edit((v ? "Show " : "Hide ") + it.name(), d -> d.withLayer(i, l -> l.withVisible(v)));
            });
            lock.setOnAction(e -> {
                LayerItem it = getItem();
                if (it == null) return;
                int i = model.doc().indexOf(it.id());
                boolean l = lock.isSelected();
                model.edit((l ? "Lock " : "Unlock ") + it.name(), d -> d.withLayer(i, x -> x.withLocked(l)));
            });
            setOnMouseClicked(e -> {
                if (getItem() != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2) rename.run();
            });
            setOnDragDetected(e -> {
                if (getItem() == null) return;
                var db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.put(ROW, getIndex());
                db.setContent(c);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(ROW)) e.acceptTransferModes(TransferMode.MOVE);
            });
            setOnDragDropped(e -> {
                Object from = e.getDragboard().getContent(ROW);
                if (from instanceof Integer row) {
                    int target = getItem() == null ? list.getItems().size() - 1 : getIndex();
                    moveTo(toModel(row), toModel(target));
                    e.setDropCompleted(true);
                }
                e.consume();
            });
        }

        @Override
        protected void updateItem(LayerItem l, boolean empty) {
            super.updateItem(l, empty);
            if (empty || l == null) {
                setGraphic(null);
                setText(null);
                setContextMenu(null);
                return;
            }
            visible.setSelected(l.visible());
            lock.setSelected(l.locked());
            lock.setGraphic(Icons.lock(l.locked()));
            name.setText(l.name());
            String t = l.layer().isTransformed()
                    ? String.format(Locale.ROOT, " · ×%.2f %.0f°", l.scale(), l.rotation())
                    : l.isGroup() ? " · " + l.groupSize() + (l.groupSize() == 1 ? " layer" : " layers") : ""; // a group's
            detail.setText(String.format(Locale.ROOT, "%s · %.0f %%%s", l.mode().cssName(), l.opacity() * 100, t));
            whole.setText(l.name() + "\n" + detail.getText() + groupLines(l));
            thumb.setImage(thumbnail(l.source()));
            setText(null);
            setGraphic(box);
            if (getContextMenu() == null) setContextMenu(rowMenu());
        }
    }

    /** For a group's tooltip: its layers, top first as the panel lists layers, indented by nesting; "" for a layer that is not a group. */
    static String groupLines(LayerItem l) {
        if (!l.isGroup()) return "";
        if (!l.layer().isGroup()) return "\na group of " + l.groupSize() + " layers, drawn as its pixels while scaled or rotated";
        StringBuilder b = new StringBuilder("\nin the group, top first:");
        appendLayers(b, l.layer().group(), "  ");
        return b.toString();
    }

    private static void appendLayers(StringBuilder b, dev.blendbench.engine.scene.Scene group, String indent) {
        java.util.List<dev.blendbench.engine.scene.Layer> ls = group.layers();
        for (int i = ls.size() - 1; i >= 0; i--) {
            dev.blendbench.engine.scene.Layer c = ls.get(i);
            b.append('\n').append(indent).append(c.name()).append(" · ").append(c.mode().cssName())
                    .append(String.format(Locale.ROOT, " · %.0f %%", c.opacity() * 100)).append(c.visible() ? "" : " · hidden");
            if (c.isGroup()) appendLayers(b, c.group(), indent + "  ");
        }
    }

    /** A thumbnail on a small checkerboard, so transparent layers read as such. */
    private static final class StackedThumb extends javafx.scene.layout.StackPane {
        StackedThumb(ImageView v) {
            super(v);
            setMinSize(50, 34);
            setPrefSize(50, 34);
            setMaxSize(50, 34);
            setStyle("-fx-background-color: linear-gradient(to bottom right, #e8e8e8, #cfcfcf); -fx-border-color: #888; -fx-border-width: 0.5;");
        }
    }
}

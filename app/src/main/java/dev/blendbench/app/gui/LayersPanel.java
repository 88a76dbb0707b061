package dev.blendbench.app.gui;

import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
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
 * visibility box and a lock; a group's row opens (▸) to list its layers under it, indented, each
 * edited as any layer is. Buttons add, duplicate, delete and reorder; drag a row to reorder, or
 * onto a row in another group to move it there. Every change goes through the
 * {@link DocumentModel} (and so into undo).
 */
public final class LayersPanel {
    private static final DataFormat ROW = new DataFormat("application/x-blendbench-layer-row");
    private final DocumentModel model;
    private final ListView<LayerItem> list = new ListView<>();
    private final VBox root;
    private final Map<Surface, WritableImage> thumbs = new WeakHashMap<>();
    /** Thumbnails of layers drawn through their masks, by mask (a layer's mask is its own, or a duplicate's with the same pixels). */
    private final Map<dev.blendbench.engine.scene.LayerMask, WritableImage> maskedThumbs = new WeakHashMap<>();
    /** The groups whose rows are open, by id: a view's state, not the document's (kept through undo and redo). */
    private final Set<Long> open = new HashSet<>();
    /** Each listed row's nesting depth (0: a layer of the document), by id. */
    private final Map<Long, Integer> depths = new HashMap<>();
    private boolean syncing, choosing;
    private Runnable rename = () -> { };
    private Consumer<String> say = m -> { };

    /** @param addFromFile opens the file chooser to add image layers */
    public LayersPanel(DocumentModel model, Runnable addFromFile) {
        this.model = model;
        list.setId("layers");
        list.setCellFactory(lv -> new Cell());
        // Ctrl+click and Shift+click select several rows, for Group and Delete; the last one clicked is the selected layer
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        // F2 on the list renames, as the menu's accelerator does elsewhere (ListView keeps F2 for cell editing);
        // Right opens the selected group's row, Left closes it (or goes to the group a layer is in)
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F2 && !e.isShortcutDown() && !e.isAltDown()) {
                rename.run();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.RIGHT || e.getCode() == javafx.scene.input.KeyCode.LEFT) {
                boolean right = e.getCode() == javafx.scene.input.KeyCode.RIGHT;
                model.selectedLayer().ifPresent(l -> {
                    if (l.isGroup() && open.contains(l.id()) != right) setOpen(l.id(), right);
                    else if (!right) model.selectedPlace().filter(p -> p.parent() >= 0).ifPresent(p -> model.select(p.parent()));
                });
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
        model.selectedIdProperty().addListener((o, a, b) -> {
            if (choosing) return; // picked in this list: its rows already say so
            if (revealSelection()) refresh();
            else syncSelection();
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (syncing || b.intValue() < 0) return;
            choosing = true;
            try {
                model.select(list.getItems().get(b.intValue()).id());
            } finally {
                choosing = false;
            }
        });
        refresh();
    }

    public Node node() { return root; }

    public ListView<LayerItem> list() { return list; }

    /** What Rename (double-click, F2, the row's menu) does: the workbench puts the caret in the Name field. */
    public void onRename(Runnable r) { rename = r; }

    /** Where the panel says what an edit did or why it was refused (the workbench's status bar). */
    public void onMessage(Consumer<String> c) { say = c; }

    /** Opens ({@code true}) or closes a group's row; closing it over a selected layer inside selects the group. */
    void setOpen(long group, boolean on) {
        boolean hidesSelection = !on && model.doc().withGroupsAround(model.selectedIdProperty().get()).stream().skip(1)
                .anyMatch(g -> g.id() == group);
        if (on ? open.add(group) : open.remove(group)) refresh();
        if (hidesSelection) model.select(group);
    }

    /** The menu a row's secondary click opens (the clicked row is selected first). */
    private javafx.scene.control.ContextMenu rowMenu() {
        javafx.scene.control.MenuItem ren = new javafx.scene.control.MenuItem("Rename"), dup = new javafx.scene.control.MenuItem("Duplicate"),
                del = new javafx.scene.control.MenuItem("Delete"), up = new javafx.scene.control.MenuItem("Move Up"),
                down = new javafx.scene.control.MenuItem("Move Down"), top = new javafx.scene.control.MenuItem("Move to Top"),
                bottom = new javafx.scene.control.MenuItem("Move to Bottom"), grp = new javafx.scene.control.MenuItem("Group"),
                ungrp = new javafx.scene.control.MenuItem("Ungroup"), out = new javafx.scene.control.MenuItem("Move Out of Group"),
                merge = new javafx.scene.control.MenuItem("Merge Group"), mergeDown = new javafx.scene.control.MenuItem("Merge Down"),
                clipping = new javafx.scene.control.MenuItem("Clip to Layer Below");
        ren.setOnAction(e -> rename.run());
        dup.setOnAction(e -> duplicate());
        del.setOnAction(e -> delete());
        up.setOnAction(e -> move(+1));
        down.setOnAction(e -> move(-1));
        top.setOnAction(e -> model.selectedPlace().ifPresent(p -> moveTo(p, model.doc().siblings(p.parent()).size() - 1)));
        bottom.setOnAction(e -> model.selectedPlace().ifPresent(p -> moveTo(p, 0)));
        grp.setOnAction(e -> group());
        ungrp.setOnAction(e -> ungroup());
        out.setOnAction(e -> moveOutOfGroup());
        merge.setOnAction(e -> mergeGroup());
        mergeDown.setOnAction(e -> mergeDown());
        clipping.setOnAction(e -> toggleClipping());
        javafx.scene.control.ContextMenu m = new javafx.scene.control.ContextMenu(ren, dup, del, new javafx.scene.control.SeparatorMenuItem(),
                up, down, top, bottom, new javafx.scene.control.SeparatorMenuItem(), grp, ungrp, out, merge, mergeDown, clipping);
        m.setId("layer-menu");
        m.setOnShowing(e -> {
            int i = model.selectedIndex(), n = model.selectedPlace().map(p -> model.doc().siblings(p.parent()).size()).orElse(0);
            up.setDisable(i >= n - 1);
            top.setDisable(i >= n - 1);
            down.setDisable(i <= 0);
            bottom.setDisable(i <= 0);
            ungrp.setDisable(!model.selectedLayer().map(LayerItem::isGroup).orElse(false));
            merge.setDisable(ungrp.isDisable());
            mergeDown.setDisable(i <= 0);
            boolean release = clippedOrClipping(model.doc(), model.selectedIdProperty().get());
            clipping.setText(release ? "Release Clipping" : "Clip to Layer Below");
            clipping.setDisable(!release && i <= 0);
            out.setDisable(model.selectedPlace().map(p -> p.parent() < 0 || model.doc().siblings(p.parent()).size() == 1).orElse(true));
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

    /**
     * Lists the rows: the document's layers top first, an open group's layers under its row, top
     * first too. The rows selected stay selected where they still are.
     */
    private void refresh() {
        Set<Long> chosen = new HashSet<>(selectedIds());
        syncing = true;
        try {
            List<LayerItem> rows = new ArrayList<>();
            depths.clear();
            addRows(model.doc().layers(), 0, rows);
            list.getItems().setAll(rows);
            int primary = -1;
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).id() == model.selectedIdProperty().get()) primary = r;
                else if (chosen.contains(rows.get(r).id())) list.getSelectionModel().select(r);
            }
            // the selected layer's row last (it is the row the list's keys move from); chosen with the others,
            // it stays among them (left out, syncSelection would have taken it for a row chosen elsewhere, alone)
            if (primary >= 0 && chosen.contains(rows.get(primary).id())) list.getSelectionModel().select(primary);
        } finally {
            syncing = false;
        }
        syncSelection();
    }

    /**
     * The layers Group and Delete act on: the rows selected, where the selected layer is one of
     * them (top row first); else the selected layer alone (none: empty).
     */
    List<Long> selectedIds() {
        long primary = model.selectedIdProperty().get();
        List<Long> rows = list.getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull)
                .map(LayerItem::id).toList();
        if (rows.contains(primary)) return rows;
        return model.selectedLayer().isPresent() ? List.of(primary) : List.of();
    }

    private void addRows(List<LayerItem> ls, int depth, List<LayerItem> rows) {
        for (int i = ls.size() - 1; i >= 0; i--) {
            LayerItem l = ls.get(i);
            rows.add(l);
            depths.put(l.id(), depth);
            if (l.isGroup() && open.contains(l.id())) addRows(l.children(), depth + 1, rows);
        }
    }

    /** Opens the groups the selected layer is in; true when one was closed. */
    private boolean revealSelection() {
        boolean changed = false;
        for (LayerItem g : model.doc().withGroupsAround(model.selectedIdProperty().get()).stream().skip(1).toList()) {
            changed |= open.add(g.id());
        }
        return changed;
    }

    private void syncSelection() {
        syncing = true;
        try {
            long id = model.selectedIdProperty().get();
            int row = -1;
            for (int r = 0; r < list.getItems().size(); r++) {
                if (list.getItems().get(r).id() == id) row = r;
            }
            if (row < 0) list.getSelectionModel().clearSelection();
            else if (!list.getSelectionModel().isSelected(row)) list.getSelectionModel().clearAndSelect(row); // chosen elsewhere: alone
            else list.getSelectionModel().select(row); // among the rows chosen: they stay, it becomes the last
        } finally {
            syncing = false;
        }
    }

    /** Duplicates the selected layer, or each row selected, just above itself (Ctrl+J; {@link GroupEdits#duplicate}). */
    void duplicate() {
        List<Long> ids = selectedIds();
        if (!ids.isEmpty()) apply(() -> GroupEdits.duplicate(model.doc(), ids));
    }

    /**
     * Deletes the selected layer, or every row selected; the only layer of a group goes with its
     * group (a group is never empty).
     */
    void delete() {
        List<Long> ids = selectedIds();
        if (!ids.isEmpty()) apply(() -> GroupEdits.delete(model.doc(), ids));
    }

    /** Moves the selected layer up (+1) or down (−1) among the layers of its group or of the document. */
    void move(int by) {
        model.selectedPlace().ifPresent(p -> moveTo(p, p.index() + by));
    }

    private void moveTo(Doc.Place from, int to) {
        int n = model.doc().siblings(from.parent()).size();
        if (to < 0 || to >= n || from.index() == to) return;
        long id = model.doc().siblings(from.parent()).get(from.index()).id();
        model.edit("Reorder layers", d -> d.withList(from.parent(), ls -> {
            List<LayerItem> out = new ArrayList<>(ls);
            out.add(to, out.remove(from.index()));
            return out;
        }));
        model.select(id);
    }

    /**
     * Moves layer {@code id} to where the row of layer {@code target} is: among its own group's
     * layers, to the target's index; into another group, above the target (or {@code below} it),
     * staying where it is on the canvas ({@link GroupEdits#moveOnto}).
     */
    void moveOnto(long id, long target, boolean below) {
        var from = model.doc().locate(id);
        var onto = model.doc().locate(target);
        if (from.isEmpty() || onto.isEmpty() || id == target) return;
        if (from.get().parent() == onto.get().parent()) moveTo(from.get(), onto.get().index());
        else apply(() -> GroupEdits.moveOnto(model.doc(), id, target, below));
    }

    /**
     * Puts the selected layer in a new group in its place, the picture unchanged, or the rows
     * selected (of one group) in a new group where the topmost was (Ctrl+G; {@link GroupEdits#group}).
     */
    void group() {
        if (model.selectedLayer().isEmpty()) return;
        List<Long> ids = selectedIds();
        if (apply(() -> GroupEdits.group(model.doc(), ids, GroupEdits.nextGroupName(model.doc())))) {
            setOpen(model.selectedIdProperty().get(), true); // the new group, its layer in sight
        }
    }

    /** Puts the selected group's layers in its place (Ctrl+Shift+G; {@link GroupEdits#ungroup}). */
    void ungroup() {
        if (model.selectedLayer().map(LayerItem::isGroup).orElse(false)) {
            apply(() -> GroupEdits.ungroup(model.doc(), model.selectedIdProperty().get()));
        }
    }

    /** Makes the selected group one layer of its composite ({@link GroupEdits#merge}). */
    void mergeGroup() {
        if (model.selectedLayer().map(LayerItem::isGroup).orElse(false)) {
            apply(() -> GroupEdits.merge(model.doc(), model.selectedIdProperty().get()));
        }
    }

    /** Merges the selected layer into the one below it ({@link GroupEdits#mergeDown}); the status bar says why not. */
    void mergeDown() {
        if (model.selectedLayer().isEmpty()) {
            say.accept("No layer is selected");
            return;
        }
        apply(() -> GroupEdits.mergeDown(model.doc(), model.selectedIdProperty().get()));
    }

    /**
     * Clips the selected layer to the one below it ({@link GroupEdits#clipToBelow}), or releases
     * its clipping where it is clipped, or is a clipping group ({@link GroupEdits#releaseClipping}):
     * Photoshop's Create / Release Clipping Mask.
     */
    void toggleClipping() {
        if (model.selectedLayer().isEmpty()) {
            say.accept("No layer is selected");
            return;
        }
        long id = model.selectedIdProperty().get();
        if (apply(() -> clippedOrClipping(model.doc(), id) ? GroupEdits.releaseClipping(model.doc(), id) : GroupEdits.clipToBelow(model.doc(), id))) {
            model.selectedPlace().filter(p -> p.parent() >= 0).ifPresent(p -> setOpen(p.parent(), true)); // the clipped layer in sight
        }
    }

    /** True when layer {@code id} is a clipping group, or a layer in one (its base included). */
    static boolean clippedOrClipping(Doc d, long id) {
        return d.find(id).map(LayerItem::isClipping).orElse(false) || d.clippingGroupOf(id).isPresent();
    }

    /** Merges the document's visible layers into one ({@link GroupEdits#mergeVisible}). */
    void mergeVisible() {
        apply(() -> GroupEdits.mergeVisible(model.doc()));
    }

    /** Moves the selected layer out of its group, just above the group, where it is on the canvas. */
    void moveOutOfGroup() {
        model.selectedPlace().filter(p -> p.parent() >= 0)
                .ifPresent(p -> apply(() -> GroupEdits.moveOnto(model.doc(), model.selectedIdProperty().get(), p.parent(), false)));
    }

    /** Makes an edit of the document as one undo step and selects its layer (true), or says why it was refused (false). */
    private boolean apply(java.util.function.Supplier<GroupEdits.Edit> make) {
        GroupEdits.Edit e;
        try {
            e = make.get();
        } catch (IllegalArgumentException refused) {
            say.accept(refused.getMessage());
            return false;
        }
        model.edit(e.what(), d -> e.doc());
        if (e.select() >= 0) model.select(e.select()); // else (a deletion) the model selects where the layer was
        if (!e.message().isEmpty()) say.accept(e.message());
        return true;
    }

    private static final java.util.concurrent.ExecutorService THUMBNAILER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "blendbench-thumbnails");
        t.setDaemon(true);
        return t;
    });

    /**
     * The layer's thumbnail if it is ready: its pixels, through its mask while that is on;
     * otherwise null, and it is made on a background thread (the engine resamples it; the FX
     * thread never does) and the list refreshed when it is.
     */
    private WritableImage thumbnail(LayerItem l) {
        dev.blendbench.engine.scene.LayerMask m = l.mask();
        Surface s = l.source();
        return m == null || !m.enabled() ? thumbnail(thumbs, s, () -> s) : thumbnail(maskedThumbs, m, () -> m.drawn(s));
    }

    /** The thumbnail cached for {@code key}, or null while {@code pixels} are made small in the background. */
    private <K> WritableImage thumbnail(Map<K, WritableImage> cache, K key, java.util.function.Supplier<Surface> pixels) {
        WritableImage img = cache.get(key);
        if (img != null || cache.containsKey(key)) return img;
        cache.put(key, null);
        THUMBNAILER.execute(() -> {
            Surface s = pixels.get();
            int tw = 48, th = 32;
            double k = Math.min((double) tw / s.width(), (double) th / s.height());
            int w = Math.max(1, (int) (s.width() * k)), h = Math.max(1, (int) (s.height() * k));
            Surface small = dev.blendbench.engine.resample.Resampler.resize(s, w, h, dev.blendbench.engine.resample.Filter.BOX);
            javafx.application.Platform.runLater(() -> {
                WritableImage made = new WritableImage(w, h);
                made.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), small.array(), 0, w);
                cache.put(key, made);
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
        private final Label disclosure = new Label();
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
            box = new HBox(6, disclosure, visible, frame, text, lock);
            box.setAlignment(Pos.CENTER_LEFT);
            visible.setOnAction(e -> {
                LayerItem it = getItem();
                if (it == null) return;
                boolean v = visible.isSelected();
                model.edit((v ? "Show " : "Hide ") + it.name(), d -> d.withItem(it.id(), l -> l.withVisible(v)));
            });
            lock.setOnAction(e -> {
                LayerItem it = getItem();
                if (it == null) return;
                boolean l = lock.isSelected();
                model.edit((l ? "Lock " : "Unlock ") + it.name(), d -> d.withItem(it.id(), x -> x.withLocked(l)));
            });
            disclosure.getStyleClass().add("layer-disclosure");
            disclosure.setMinWidth(12);
            disclosure.setOnMouseClicked(e -> {
                LayerItem it = getItem();
                if (it != null && it.isGroup()) setOpen(it.id(), !open.contains(it.id()));
                e.consume();
            });
            setOnMouseClicked(e -> {
                if (getItem() != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2) rename.run();
            });
            setOnDragDetected(e -> {
                if (getItem() == null) return;
                var db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.put(ROW, getItem().id());
                db.setContent(c);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(ROW)) e.acceptTransferModes(TransferMode.MOVE);
            });
            setOnDragDropped(e -> {
                Object from = e.getDragboard().getContent(ROW);
                if (from instanceof Long id && !list.getItems().isEmpty()) {
                    // below the last row: to the bottom of the document
                    LayerItem target = getItem() != null ? getItem() : model.doc().layers().getFirst();
                    moveOnto(id, target.id(), getItem() == null);
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
            disclosure.setText(l.isGroup() ? open.contains(l.id()) ? "▾" : "▸" : "");
            disclosure.setTooltip(l.isGroup() ? new Tooltip(open.contains(l.id()) ? "Hide the group's layers (Left)" : "Show the group's layers (Right)") : null);
            box.setPadding(new Insets(0, 0, 0, 14 * depths.getOrDefault(l.id(), 0)));
            visible.setSelected(l.visible());
            lock.setSelected(l.locked());
            lock.setGraphic(Icons.lock(l.locked()));
            name.setText(l.name());
            String t = l.layer().isTransformed()
                    ? String.format(Locale.ROOT, " · ×%.2f %.0f°", l.scale(), l.rotation())
                    : l.isGroup() ? " · " + (l.isClipping() ? "clipping, " : "") + l.groupSize() + (l.groupSize() == 1 ? " layer" : " layers") : ""; // a group's
            // a layer clipped to its group's base says so first, as Photoshop's arrow does
            // a pass-through group has no mode of its own: Photoshop's mode list says "pass through" for it
            String mask = l.mask() == null ? "" : l.mask().enabled() ? " · mask" : " · mask off";
            String faded = l.opacity() < 1f ? String.format(Locale.ROOT, " · %.0f %%", l.opacity() * 100) : "";
            detail.setText(l.isPassThrough() && !l.layer().isTransformed() ? "pass through" + faded + t + mask
                    : String.format(Locale.ROOT, "%s%s · %.0f %%%s%s", model.doc().isClipped(l.id()) ? "↳ clipped · " : "", l.mode().cssName(),
                    l.opacity() * 100, t, mask));
            whole.setText(l.name() + "\n" + detail.getText() + groupLines(l));
            thumb.setImage(thumbnail(l));
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

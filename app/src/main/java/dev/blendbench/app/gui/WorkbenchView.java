package dev.blendbench.app.gui;

import dev.blendbench.engine.surface.Surface;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The workbench window's content: menus and shortcuts, the compositing workspace (layers,
 * canvas, properties), the stress panel, and a status bar with progress for long work.
 *
 * <p><b>Threads.</b> The FX thread only edits the immutable document and hands snapshots on:
 * rendering runs in {@link CanvasRenderer}, file work on a background thread with the progress
 * bar running; errors come back as a one-line message in the status bar, and the document is
 * left as it was.
 */
public final class WorkbenchView {
    private static final int RECENT = 8;
    private final DocumentModel model;
    private final CanvasRenderer renderer;
    private final CanvasPane canvas;
    private final LayersPanel layers;
    private final ArrangeCommands arrange;
    private final PropertiesPanel properties;
    private final HistoryPanel history;
    private final StressPanel stress;
    private final BorderPane root = new BorderPane();
    private final Label message = new Label("Ready.");
    private final TabPane tabs;
    private final Label renderStatus = new Label("Rendering…");
    private final ProgressBar progress = new ProgressBar();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Menu recentMenu = new Menu("Open Recent");
    private final Preferences prefs = Preferences.userRoot().node("dev/blendbench/workbench");
    private final MenuItem undo = new MenuItem("Undo"), redo = new MenuItem("Redo");
    private final Tab composeTab = new Tab("Compose");
    /** The .ora or .psd file the document was opened from or last saved to, whose composite View ▸ Compare… reads; null for none. */
    private final javafx.beans.property.ObjectProperty<Path> composited = new javafx.beans.property.SimpleObjectProperty<>();
    /** What that file holds that Blendbench left out when it was opened (its warnings), which a comparison should name. */
    private List<String> compositedLeftOut = List.of();

    public WorkbenchView(dev.blendbench.engine.scene.Scene scene) {
        this(new DocumentModel(Doc.of(scene)));
    }

    public WorkbenchView(DocumentModel model) {
        this.model = model;
        this.canvas = new CanvasPane(model);
        this.renderer = new CanvasRenderer(canvas::setImage, line -> {
            canvas.refresh(); // the new pixels, where the canvas draws them itself (zoomed in)
            renderStatus.setText(line);
        });
        this.layers = new LayersPanel(model, this::chooseLayers);
        this.arrange = new ArrangeCommands(model, layers::selectedIds, composeTab::isSelected, t -> message.setText(t));
        canvas.selectionFrom(layers::selectedIds, layers.list().getSelectionModel().getSelectedItems());
        this.properties = new PropertiesPanel(model);
        this.history = new HistoryPanel(model);
        layers.onRename(properties::editName);
        layers.onMessage(message::setText);
        // Show on canvas: the Compose tab, the finding's rectangle outlined and scrolled into view
        this.stress = new StressPanel(model, r -> {
            canvas.showFinding(r); // null: clear it (a new session starting)
            if (r == null) return;
            composeTab.getTabPane().getSelectionModel().select(composeTab);
            Platform.runLater(() -> canvas.reveal(r));
        });
        model.changeProperty().addListener((o, a, c) -> renderer.request(c.doc().scene(), c.dirty()));
        model.revisionProperty().addListener((o, a, b) -> refreshUndoLabels());

        ScrollPane props = new ScrollPane(properties.node());
        props.setFitToWidth(true);
        props.setMinWidth(260);
        SplitPane side = new SplitPane(props, history.node());
        side.setOrientation(javafx.geometry.Orientation.VERTICAL);
        side.setDividerPositions(0.7);
        SplitPane work = new SplitPane(layers.node(), canvas.node(), side);
        work.setDividerPositions(0.2, 0.78);
        SplitPane.setResizableWithParent(layers.node(), false);
        SplitPane.setResizableWithParent(side, false);
        Tab compose = composeTab, stressTab = new Tab("Stress", stress.node());
        compose.setContent(work); // a field: the keyboard shortcuts act only while it is selected
        compose.setId("tab-compose");
        stressTab.setId("tab-stress");
        tabs = new TabPane(compose, stressTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("main-tabs");

        message.setId("message");
        // a long message ends in an ellipsis where the bar is narrow: the whole of it on hover
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(message.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        message.setTooltip(whole);
        renderStatus.setId("status");
        progress.setId("progress");
        progress.setPrefWidth(140);
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label pointer = new Label(), zoomLabel = new Label();
        pointer.setId("pointer");
        pointer.setStyle("-fx-font-family: monospace;");
        pointer.setMinWidth(300); // the numbers change width as the pointer moves; the bar should not jitter
        pointer.textProperty().bind(canvas.pointerProperty());
        zoomLabel.setId("zoom");
        zoomLabel.textProperty().bind(canvas.zoomProperty().multiply(100).asString(java.util.Locale.ROOT, "%.0f %%"));
        // a long message is cut with "…"; the zoom and the render line keep their width
        message.setMinWidth(0);
        zoomLabel.setMinWidth(Region.USE_PREF_SIZE);
        renderStatus.setMinWidth(Region.USE_PREF_SIZE);
        message.setTooltip(new javafx.scene.control.Tooltip());
        message.getTooltip().textProperty().bind(message.textProperty());
        HBox bar = new HBox(10, message, gap, pointer, progress, zoomLabel, renderStatus);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.setStyle("-fx-background-color: derive(-fx-base, -4%); -fx-border-color: derive(-fx-base, -15%) transparent transparent transparent;");

        root.setTop(menus());
        root.setCenter(tabs);
        root.setBottom(bar);
        root.addEventFilter(KeyEvent.KEY_PRESSED, arrange::keyPressed);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
        });
        root.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                List<Path> dropped = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                List<Path> sessions = dropped.stream().filter(WorkbenchView::isSessionFile).toList();
                addLayers(dropped.stream().filter(f -> !isSessionFile(f)).toList());
                showSessions(sessions);
                e.setDropCompleted(true);
            }
        });
        refreshRecent();
        refreshUndoLabels();
        if (!model.doc().layers().isEmpty() && model.selectedLayer().isEmpty()) {
            model.selectAt(model.doc().layers().size() - 1); // the top layer, as editors do
        }
    }

    public Parent root() { return root; }

    public DocumentModel model() { return model; }

    public CanvasRenderer renderer() { return renderer; }

    public CanvasPane canvasPane() { return canvas; }

    public StressPanel stressPanel() { return stress; }

    public LayersPanel layersPanel() { return layers; }

    public BooleanProperty busyProperty() { return busy; }

    /** The status bar's message (errors, what a file operation did). */
    public Label message() { return message; }

    /** The surface the canvas shows (read it only after a render has completed). */
    public Surface canvas() { return renderer.surface(); }

    /** Renders the whole document (FX thread). */
    public void renderAll() {
        renderer.request(model.doc().scene(), null);
    }

    private MenuBar menus() {
        Menu file = new Menu("File");
        file.getItems().addAll(
                item("New", "Shortcut+N", () -> whenChangesSettled(() -> {
                    model.replace(new Doc(1280, 720, 0xFFFFFFFF, dev.blendbench.engine.colour.BlendSpace.SRGB, List.of()), null);
                    composited.set(null);
                })),
                item("Open…", "Shortcut+O", () -> whenChangesSettled(this::chooseOpen)),
                recentMenu,
                item("Add Image Layers…", "Shortcut+Shift+O", this::chooseLayers),
                new SeparatorMenuItem(),
                item("Save", "Shortcut+S", this::save),
                item("Save As…", "Shortcut+Shift+S", this::chooseSaveAs),
                item("Export Composite…", "Shortcut+E", this::chooseExport),
                item("Export as Photoshop…", "Shortcut+Shift+E", this::choosePsdExport),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", () -> whenChangesSettled(() -> {
                    Window w = window();
                    if (w != null) w.hide();
                })));
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.setOnAction(e -> model.undo());
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        redo.setOnAction(e -> model.redo());
        Menu edit = new Menu("Edit");
        edit.getItems().addAll(undo, redo, item("Redo (alternative)", "Shortcut+Shift+Z", model::redo), new SeparatorMenuItem(),
                item("Rename Layer", "F2", properties::editName),
                item("Duplicate Layer", "Shortcut+J", layers::duplicate), item("Delete Layer", "Delete", layers::delete),
                item("Move Layer Up", KeyCode.CLOSE_BRACKET, false, () -> layers.move(1)),
                item("Move Layer Down", KeyCode.OPEN_BRACKET, false, () -> layers.move(-1)), new SeparatorMenuItem(),
                item("Group", "Shortcut+G", layers::group), item("Ungroup", "Shortcut+Shift+G", layers::ungroup),
                item("Merge Group", null, layers::mergeGroup),
                item("Clip to Layer Below / Release Clipping", "Shortcut+Alt+G", layers::toggleClipping),
                item("Merge Down", "Shortcut+M", layers::mergeDown), item("Merge Visible", "Shortcut+Shift+M", layers::mergeVisible), new SeparatorMenuItem(), arrange.alignMenu());
        edit.getItems().get(2).setVisible(false); // the accelerator works; the menu shows one Redo
        Menu view = new Menu("View");
        view.getItems().addAll(item("Fit", "Shortcut+0", canvas::fit), item("100 %", "Shortcut+1", () -> canvas.zoomAtCentre(1 / canvas.zoomProperty().get())),
                item("Zoom to Layer", "Shortcut+2", canvas::zoomToLayer),
                item("Zoom In", KeyCode.EQUALS, true, this::zoomIn), item("Zoom Out", KeyCode.MINUS, false, this::zoomOut),
                item("Zoom In (keypad)", KeyCode.ADD, false, this::zoomIn), item("Zoom Out (keypad)", KeyCode.SUBTRACT, false, this::zoomOut),
                item("Clear Finding Highlight", null, () -> canvas.showFinding(null)));
        for (int i = 5; i <= 6; i++) view.getItems().get(i).setVisible(false); // Ctrl++ and the keypad's + and - work too
        MenuItem compare = item("Compare with the File's Composite…", "Shortcut+Shift+D", this::compareWithFileComposite);
        compare.setId("menu-compare-composite");
        compare.disableProperty().bind(composited.isNull());
        view.getItems().addAll(new SeparatorMenuItem(), compare);
        CheckMenuItem snap = new CheckMenuItem("Snap to Canvas and Layers");
        snap.setId("menu-snap");
        snap.selectedProperty().bindBidirectional(canvas.snapProperty());
        snap.setAccelerator(new KeyCodeCombination(KeyCode.SEMICOLON, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        view.getItems().addAll(new SeparatorMenuItem(), snap);
        Menu help = new Menu("Help");
        help.getItems().addAll(item("Keyboard and Mouse", "F1", () -> info("Keyboard and mouse", SHORTCUTS)),
                item("About Blendbench", null, () -> info("About Blendbench", aboutText())));
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menus");
        return bar;
    }

    /** What the keyboard and mouse do (Help ▸ Keyboard and Mouse). */
    static final String SHORTCUTS = String.join("\n",
            "Canvas",
            "  Click                         select the layer under the pointer",
            "  Ctrl+click                    select it inside its groups (the deepest layer there)",
            "  Drag                          move the selected layer (one undo step per drag; Esc puts it back);",
            "                                it snaps to the canvas's and other layers' edges and centres",
            "                                (Alt: not; Shift: along one axis; Ctrl+Shift+; turns snapping off)",
            "  Drag a corner handle          scale it about the opposite corner",
            "  Drag the knob above it        turn it about its centre (Shift: in 15° steps)",
            "  Arrow keys                    nudge it 1 px (Shift: 10 px)",
            "  1 … 9, 0                      its opacity 10 … 90 %, 100 %",
            "  Ctrl+wheel                    zoom about the pointer",
            "  Ctrl+0 / Ctrl+1 / Ctrl+2      fit / 100 % / zoom to the selected layer",
            "  Ctrl+= or Ctrl++ / Ctrl+-     zoom in / out (keypad + and - too)",
            "  Wheel, right or middle drag   pan",
            "Layers",
            "  F2 or double-click a row      rename",
            "  Right-click a row             rename, duplicate, delete, move up / down / to top / to bottom,",
            "                                group, ungroup, move out of its group, merge a group into one layer, merge down,",
            "                                clip to the layer below or release the clipping",
            "  ▸ on a group's row, or Right  show its layers (Left hides them); edit them as any layer",
            "  Ctrl+J                        duplicate",
            "  Delete                        delete",
            "  Ctrl+] / Ctrl+[               move up / down",
            "  Drag a row                    reorder; onto a row in another group: move the layer there",
            "  Ctrl+G / Ctrl+Shift+G         put the layer in a new group / ungroup a group",
            "  Ctrl+M / Ctrl+Shift+M         merge the layer into the one below / merge the visible layers into one",
            "  Ctrl+Alt+G                    clip the layer to the one below (it shows only where that has pixels), or release it",
            "  Ctrl+click, Shift+click       select several rows: Ctrl+G groups them, Ctrl+J duplicates them, Delete deletes them;",
            "                                dragging one of them on the canvas, or the arrow keys, moves them all;",
            "                                Edit ▸ Align lines them up (one layer: with the canvas) or spaces them evenly",
            "  Drop image files              add them as layers",
            "Document",
            "  Ctrl+N                        new",
            "  Ctrl+O                        open an .ora, .psd or image",
            "  Ctrl+Shift+O                  add image layers",
            "  Ctrl+S / Ctrl+Shift+S         save / save as (OpenRaster)",
            "  Ctrl+E                        export the composite (PNG, JPEG, TIFF)",
            "  Ctrl+Shift+D                  compare Blendbench's render with the composite the .ora / .psd file holds",
            "  Ctrl+Shift+E                  export the layers as a Photoshop document (.psd)",
            "  Ctrl+Z                        undo",
            "  Ctrl+Y or Ctrl+Shift+Z        redo",
            "  History list (right)          select a step to go back or forward to it",
            "  Ctrl+Q                        quit",
            "  F1                            this list");

    /** Version, kernels and runtime: what a measurement made with this window ran on. */
    static String aboutText() {
        Runtime rt = Runtime.getRuntime();
        int bits = dev.blendbench.engine.blend.Compositor.vectorBits();
        return String.join("\n",
                dev.blendbench.app.cli.BlendbenchCommand.VERSION + ": a compositing workbench for imaging and performance engineers.",
                "",
                "Kernels: " + (bits > 0 ? "Vector API, " + bits + "-bit vectors"
                        : "scalar (start the JVM with --add-modules jdk.incubator.vector for the vector ones)"),
                dev.blendbench.app.cli.BlendbenchCommand.Version.java(),
                "JavaFX " + System.getProperty("javafx.runtime.version", "?"),
                rt.availableProcessors() + " cores, heap up to " + rt.maxMemory() / (1 << 20) + " MB, "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private void info(String title, String text) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        a.setTitle(title);
        a.setHeaderText(null);
        javafx.scene.control.Label body = new javafx.scene.control.Label(text);
        body.setStyle("-fx-font-family: monospace;");
        a.getDialogPane().setContent(body);
        if (root.getScene() != null) a.initOwner(root.getScene().getWindow());
        a.show();
    }

    private void zoomIn() { canvas.zoomAtCentre(1.25); }

    private void zoomOut() { canvas.zoomAtCentre(0.8); }

    private static MenuItem item(String text, String accel, Runnable r) {
        MenuItem m = new MenuItem(text);
        if (accel != null) m.setAccelerator(KeyCombination.keyCombination(accel));
        m.setOnAction(e -> r.run());
        return m;
    }

    /**
     * A menu item on Shortcut and a key given by code (Shift too if {@code orShifted}: Ctrl++ is
     * Shift and = on most keyboards). For keys whose display name has a space
     * ({@code KeyCode.CLOSE_BRACKET} is "Close Bracket"): {@link KeyCombination#keyCombination} looks
     * keys up by display name, and turns a name it does not know, such as
     * {@code "Shortcut+CLOSE_BRACKET"}, into a combination of typed text that never fires.
     */
    private static MenuItem item(String text, KeyCode key, boolean orShifted, Runnable r) {
        MenuItem m = item(text, (String) null, r);
        m.setAccelerator(orShifted ? new javafx.scene.input.KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY)
                : new javafx.scene.input.KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        return m;
    }

    private void refreshUndoLabels() {
        undo.setText(model.history().nextUndo().map(s -> "Undo " + s).orElse("Undo"));
        undo.setDisable(model.history().nextUndo().isEmpty());
        redo.setText(model.history().nextRedo().map(s -> "Redo " + s).orElse("Redo"));
        redo.setDisable(model.history().nextRedo().isEmpty());
    }

    // ---- file operations, off the FX thread ----

    /** Runs {@code work} on a background thread with the progress bar on; {@code done} gets the result on the FX thread. */
    private <T> void background(String what, Callable<T> work, Consumer<T> done) {
        busy.set(true);
        message.setStyle("");
        message.setText(what + "…");
        Thread.ofPlatform().daemon().name("blendbench-io").start(() -> {
            try {
                T r = work.call();
                Platform.runLater(() -> {
                    try {
                        done.accept(r);
                    } finally {
                        busy.set(false); // last, so whoever watches busy sees the outcome already shown
                    }
                });
            } catch (Exception | OutOfMemoryError e) {
                String why = e instanceof OutOfMemoryError ? "not enough memory" : e.getMessage();
                Platform.runLater(() -> {
                    error(what + " failed: " + (why == null ? e.getClass().getSimpleName() : withoutRepeatedName(what, why)));
                    busy.set(false);
                });
            }
        });
    }

    /**
     * {@code why} without its leading file path where {@code what} already names the file:
     * "Opening a.png failed: /long/path/a.png: not an image…" reads "Opening a.png failed: not an image…".
     */
    static String withoutRepeatedName(String what, String why) {
        int cut = why.indexOf(": ");
        if (cut <= 0) return why;
        String head = why.substring(0, cut);
        String name = head.substring(Math.max(head.lastIndexOf('/'), head.lastIndexOf('\\')) + 1);
        return !name.isEmpty() && what.contains(name) ? why.substring(cut + 2) : why;
    }

    private void error(String text) {
        message.setText(text);
        message.setStyle("-fx-text-fill: #b91c1c;");
    }

    /**
     * Whether {@code p} names a session file ({@code stress --json}, {@code cliff --json}, or one
     * exported from the Stress tab): JSON, which no document or image is.
     */
    public static boolean isSessionFile(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    /** Shows session files in the Stress tab, as its Compare session files… does; the document stays as it is. */
    public void showSessions(List<Path> files) {
        if (files.isEmpty()) return;
        tabs.getSelectionModel().select(1);
        stress.compareFiles(files);
    }

    /**
     * Opens a document or an image as the new document (replacing the current one); a session
     * file goes to the Stress tab instead (see {@link #showSessions}).
     */
    public void open(Path p) {
        if (isSessionFile(p)) {
            showSessions(List.of(p));
            return;
        }
        background("Opening " + p.getFileName(), () -> DocumentIo.open(p), o -> {
            model.replace(o.doc(), DocumentIo.isOra(p) ? p : null, p.getFileName().toString());
            composited.set(dev.blendbench.engine.document.Documents.isDocument(p) ? p : null);
            compositedLeftOut = List.copyOf(o.warnings());
            remember(p);
            message.setText("Opened " + p.getFileName() + (o.warnings().isEmpty() ? "" : " — " + String.join("; ", o.warnings())));
            Platform.runLater(canvas::fit);
        });
    }

    /**
     * Adds images (or a layered file's layers) just above the selected layer, in its group if it
     * is in one (on top of the document when none is selected), as one undo step. Each lands at
     * the document canvas's corner, wherever its group lies.
     */
    public void addLayers(List<Path> paths) {
        if (paths.isEmpty()) return;
        background("Adding " + paths.size() + " layer" + (paths.size() == 1 ? "" : "s"), () -> DocumentIo.layers(paths), ls -> {
            Doc.Place at = model.selectedPlace().orElse(null);
            List<LayerItem> placed = at == null ? ls : ls.stream().map(l -> l.withPosition(l.x() - at.dx(), l.y() - at.dy())).toList();
            model.edit("Add " + (ls.size() == 1 ? ls.get(0).name() : ls.size() + " layers"), d -> d.withList(at == null ? -1 : at.parent(), sib -> {
                List<LayerItem> all = new ArrayList<>(sib);
                all.addAll(at == null ? sib.size() : at.index() + 1, placed);
                return all;
            }));
            model.select(placed.getLast().id());
            paths.forEach(this::remember);
            message.setText("Added " + ls.size() + " layer" + (ls.size() == 1 ? "" : "s"));
        });
    }

    /** The answer to "Save changes?": save first, go on without saving, or stay. */
    public enum Unsaved { SAVE, DISCARD, CANCEL }

    private java.util.function.Function<String, Unsaved> askUnsaved = this::askWithDialog;

    /** Who answers "Save changes?" (a dialog; tests answer it themselves). */
    void answerUnsavedWith(java.util.function.Function<String, Unsaved> asker) {
        askUnsaved = asker;
    }

    /**
     * Runs {@code then} (closing, a new or another document) once the document's unsaved changes
     * are settled: at once when there are none; otherwise the user is asked — save first (then
     * only after the save succeeded, and never if they cancel choosing a file), go on without
     * saving, or cancel and keep working.
     */
    public void whenChangesSettled(Runnable then) {
        if (!model.dirtyProperty().get()) {
            then.run();
            return;
        }
        switch (askUnsaved.apply(model.nameProperty().get())) {
            case DISCARD -> then.run();
            case CANCEL -> { }
            case SAVE -> {
                Path f = model.fileProperty().get(), target = f != null ? f : chooseSaveTarget();
                if (target != null) saveAs(target, then);
            }
        }
    }

    private Unsaved askWithDialog(String name) {
        ButtonType save = new ButtonType("Save"), discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.", save, discard, ButtonType.CANCEL);
        a.setTitle("Blendbench");
        a.setHeaderText("Save changes to \u201c" + name + "\u201d?");
        if (window() != null) a.initOwner(window());
        ButtonType b = a.showAndWait().orElse(ButtonType.CANCEL);
        return b == save ? Unsaved.SAVE : b == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    /** Saves as OpenRaster to {@code p} (atomically). */
    public void saveAs(Path p) {
        saveAs(p, () -> { });
    }

    /** Saves as OpenRaster to {@code p} (atomically), then runs {@code after} if the save succeeded. */
    private void saveAs(Path p, Runnable after) {
        Doc d = model.doc();
        background("Saving " + p.getFileName(), () -> {
            DocumentIo.save(d, p);
            return p;
        }, saved -> {
            if (model.doc() == d) {
                model.saved(saved);
                composited.set(saved);
                compositedLeftOut = List.of(); // ours: it holds nothing we leave out
            } else {
                model.fileProperty().set(saved);
            }
            remember(saved);
            message.setText("Saved " + saved);
            after.run();
        });
    }

    /**
     * The document as it is now, rendered, against the composite held by the .ora or .psd file it
     * was opened from or saved to ({@link CompositeCheck}): the figures and a heat map in a window,
     * the verdict in the status bar.
     */
    public void compareWithFileComposite() {
        Path f = composited.get();
        if (f == null) {
            error("Open an .ora or .psd document to compare Blendbench's render with the composite its file holds");
            return;
        }
        Doc d = model.doc();
        boolean edited = model.dirtyProperty().get();
        background("Comparing with " + f.getFileName() + "'s composite", () -> CompositeCheck.compute(d, f), r -> {
            message.setText("Compared with " + f.getFileName() + "'s composite: " + r.diff().verdict().substring("verdict: ".length()));
            CompositeCheck.show(window(), r, edited, compositedLeftOut, message::setText);
        });
    }

    /** The file View ▸ Compare with the File's Composite reads (the document's .ora or .psd), or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> compositedProperty() { return composited; }

    /** Exports the composite as PNG, JPEG or TIFF. */
    public void exportComposite(Path p) {
        exportComposite(p, false);
    }

    /** The same, at 16 bits a channel where {@code deep} (a linear-light document, PNG or TIFF). */
    public void exportComposite(Path p, boolean deep) {
        Doc d = model.doc();
        background("Exporting " + p.getFileName(), () -> DocumentIo.export(d, p, deep), flattened -> message.setText("Exported " + p
                + (deep ? " at 16 bits a channel" : "")
                + (flattened ? " \u2014 JPEG has no transparency, so the transparent areas are black there (give the scene a"
                + " background colour, or export PNG or TIFF to keep them)" : "")));
    }

    /**
     * Writes the layers as a Photoshop document, for programs that do not read OpenRaster; the
     * document's own file stays what it was. What Photoshop will show differently is said in the
     * status bar; a layer mode it lacks refuses the export, leaving no file.
     */
    public void exportPsd(Path p) {
        Doc d = model.doc();
        background("Exporting " + p.getFileName(), () -> DocumentIo.exportPsd(d, p), notes -> message.setText("Exported " + p
                + (notes.isEmpty() ? "" : " \u2014 " + String.join("; ", notes))));
    }

    private void save() {
        Path f = model.fileProperty().get();
        if (f == null) chooseSaveAs();
        else saveAs(f);
    }

    private Window window() { return root.getScene() == null ? null : root.getScene().getWindow(); }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        ChooserFolders.apply(fc, model.fileProperty().get());
        return fc;
    }

    private void chooseOpen() {
        FileChooser fc = chooser("Open");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Scenes and images", "*.ora", "*.psd", "*.psb", "*.png",
                "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.webp", "*.bmp", "*.gif"),
                new FileChooser.ExtensionFilter("Stress session files (open in the Stress tab)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(window());
        ChooserFolders.remember(f);
        if (f != null) open(f.toPath());
    }

    private void chooseLayers() {
        FileChooser fc = chooser("Add image layers");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff",
                "*.webp", "*.bmp", "*.gif", "*.ora", "*.psd", "*.psb"), new FileChooser.ExtensionFilter("All files", "*"));
        List<File> fs = fc.showOpenMultipleDialog(window());
        if (fs != null && !fs.isEmpty()) ChooserFolders.remember(fs.get(0));
        if (fs != null) addLayers(fs.stream().map(File::toPath).toList());
    }

    private void chooseSaveAs() {
        Path p = chooseSaveTarget();
        if (p != null) saveAs(p);
    }

    /** Where to save, asked with a file chooser ({@code .ora} added if missing); null if cancelled. */
    private Path chooseSaveTarget() {
        FileChooser fc = chooser("Save scene");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("OpenRaster", "*.ora"));
        fc.setInitialFileName(SaveNames.stem(model.nameProperty().get()) + ".ora"); // photo.png -> photo.ora
        File f = fc.showSaveDialog(window());
        if (f == null) return null;
        ChooserFolders.remember(f);
        Path p = f.toPath();
        return DocumentIo.isOra(p) ? p : p.resolveSibling(p.getFileName() + ".ora");
    }

    private static final String DEEP_PNG = "PNG, 16 bits a channel", DEEP_TIFF = "TIFF, 16 bits a channel";

    private void chooseExport() {
        FileChooser fc = chooser("Export composite");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG", "*.png"), new FileChooser.ExtensionFilter("JPEG", "*.jpg"),
                new FileChooser.ExtensionFilter("TIFF", "*.tif"));
        if (model.doc().blendSpace() == dev.blendbench.engine.colour.BlendSpace.LINEAR) {
            // blended in float: the precision can reach the file
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(DEEP_PNG, "*.png"),
                    new FileChooser.ExtensionFilter(DEEP_TIFF, "*.tif"));
        }
        fc.setInitialFileName(SaveNames.stem(model.nameProperty().get()) + ".png");
        File f = fc.showSaveDialog(window());
        ChooserFolders.remember(f);
        FileChooser.ExtensionFilter chosen = fc.getSelectedExtensionFilter();
        boolean deep = chosen != null && (DEEP_PNG.equals(chosen.getDescription()) || DEEP_TIFF.equals(chosen.getDescription()));
        if (f != null) exportComposite(SaveNames.withExtension(f.toPath(), chosen), deep);
    }

    private void choosePsdExport() {
        FileChooser fc = chooser("Export as Photoshop");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Photoshop", "*.psd"));
        fc.setInitialFileName(SaveNames.stem(model.nameProperty().get()) + ".psd");
        File f = fc.showSaveDialog(window());
        ChooserFolders.remember(f);
        if (f == null) return;
        Path p = f.toPath();
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        exportPsd(n.endsWith(".psd") || n.endsWith(".psb") ? p : p.resolveSibling(p.getFileName() + ".psd"));
    }

    private void remember(Path p) {
        String s = p.toAbsolutePath().toString();
        int most = java.util.prefs.Preferences.MAX_VALUE_LENGTH;
        // one path a line, in one preference value: a name with a line break, or longer than the value holds, is not kept
        if (s.contains("\n") || s.length() > most) return;
        List<String> list = new ArrayList<>(recent());
        list.remove(s);
        list.add(0, s);
        while (list.size() > RECENT || String.join("\n", list).length() > most) list.remove(list.size() - 1);
        prefs.put("recent", String.join("\n", list));
        refreshRecent();
    }

    private List<String> recent() {
        String v = prefs.get("recent", "");
        return v.isBlank() ? List.of() : List.of(v.split("\n"));
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (String s : recent()) {
            Path p = Path.of(s);
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            m.setOnAction(e -> {
                if (Files.exists(p)) whenChangesSettled(() -> open(p));
                else error(p + ": no longer there");
            });
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    public void close() {
        renderer.close();
        stress.close();
    }
}

package dev.blendbench.app.gui;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.scene.Scene;
import java.util.Locale;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Properties of the selected layer (name, blend mode, opacity, position, scale, rotation,
 * filter) and of the scene (size, background, blend space). Edits go through the model as undo
 * steps; dragging the opacity slider previews live and records one step when released.
 */
public final class PropertiesPanel {
    private final DocumentModel model;
    private final GridPane grid = new GridPane();
    private final TextField name = new TextField();
    private final ComboBox<BlendMode> mode = new ComboBox<>();
    private final Slider opacity = new Slider(0, 100, 100);
    private final Label opacityText = new Label();
    private final Spinner<Double> x = spinner("X", -100_000, 100_000, 1), y = spinner("Y", -100_000, 100_000, 1);
    private final Spinner<Double> scale = spinner("Scale", 0.01, 100, 0.05), rotation = spinner("Rotation", -360, 360, 1);
    private final ComboBox<Filter> filter = new ComboBox<>();
    private final Spinner<Integer> width = NumberSpinners.whole("Width", 1, Scene.MAX_SIDE, 1, this::complainAboutScene),
            height = NumberSpinners.whole("Height", 1, Scene.MAX_SIDE, 1, this::complainAboutScene);
    private final ColorPicker background = new ColorPicker();
    private final ComboBox<BlendSpace> space = new ComboBox<>();
    /** Why the layer's fields refused something (under them), and the scene's (under the canvas size). */
    private final Label error = new Label(), sceneError = new Label(), clipping = new Label();
    /** A group's: its layers blend with what is below it (pass-through), or among themselves first (isolated). */
    private final javafx.scene.control.CheckBox passThrough = new javafx.scene.control.CheckBox("Pass through");
    /** A layer's pixel mask: on or off, applied to its pixels, or deleted. */
    private final javafx.scene.control.CheckBox maskOn = new javafx.scene.control.CheckBox("On");
    private final Button applyMask = new Button("Apply"), deleteMask = new Button("Delete");
    private final HBox maskRow = new HBox(8, maskOn, applyMask, deleteMask);
    private final Label maskLabel = new Label("Mask");
    private boolean syncing, complaintPending;
    private Doc sliderBefore;

    public PropertiesPanel(DocumentModel model) {
        this.model = model;
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(84);
        grid.getColumnConstraints().add(labels);
        name.setId("layer-name");
        mode.setId("layer-mode");
        opacity.setId("layer-opacity");
        x.setId("layer-x");
        y.setId("layer-y");
        scale.setId("layer-scale");
        rotation.setId("layer-rotation");
        filter.setId("layer-filter");
        width.setId("scene-width");
        height.setId("scene-height");
        background.setId("scene-background");
        space.setId("scene-blend-space");
        error.setId("properties-error");
        error.setStyle("-fx-text-fill: #dc2626;");
        error.setWrapText(true);
        sceneError.setId("scene-error");
        sceneError.setStyle(error.getStyle());
        sceneError.setWrapText(true);
        BlendModeMenu.install(mode);
        mode.setVisibleRowCount(16);
        filter.getItems().setAll(Filter.values());
        space.getItems().setAll(BlendSpace.values());
        width.setPrefWidth(95);
        height.setPrefWidth(95);
        int r = 0;
        Label lt = new Label("Layer");
        lt.getStyleClass().add("panel-title");
        grid.add(lt, 0, r++, 2, 1);
        row("Name", name, r++);
        row("Blend mode", mode, r++);
        passThrough.setId("layer-pass-through");
        passThrough.setTooltip(new javafx.scene.control.Tooltip("The group's layers blend with what is below it, as if it were not there"
                + " (Photoshop's pass-through groups); unticked, they are composited on their own first, then blended as one layer"));
        passThrough.managedProperty().bind(passThrough.visibleProperty());
        passThrough.setVisible(false);
        grid.add(passThrough, 1, r++);
        passThrough.setOnAction(e -> layerEdit(passThrough.isSelected() ? "Pass through" : "Isolate group",
                (l, p) -> l.withPassThrough(passThrough.isSelected())));
        opacityText.setMinWidth(Region.USE_PREF_SIZE); // "100 %" whole, never "100..."
        row("Opacity", new HBox(6, opacity, opacityText), r++);
        row("X", x, r++);
        row("Y", y, r++);
        row("Scale", scale, r++);
        row("Rotation °", rotation, r++);
        row("Filter", filter, r++);
        maskOn.setId("layer-mask");
        applyMask.setId("layer-mask-apply");
        deleteMask.setId("layer-mask-delete");
        maskRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        maskOn.setTooltip(new javafx.scene.control.Tooltip("The layer's pixel mask: where it is dark the layer does not show (off: drawn as if it had none)"));
        applyMask.setTooltip(new javafx.scene.control.Tooltip("Scale the layer's pixels by its mask, then drop the mask: the same picture, one layer's pixels"));
        deleteMask.setTooltip(new javafx.scene.control.Tooltip("Drop the mask: the layer shows whole"));
        for (Node n : new Node[] {maskRow, maskLabel}) {
            n.managedProperty().bind(n.visibleProperty());
            n.setVisible(false);
        }
        grid.add(maskLabel, 0, r);
        grid.add(maskRow, 1, r++);
        maskOn.setOnAction(e -> layerEdit(maskOn.isSelected() ? "Mask on" : "Mask off",
                (l, p) -> l.mask() == null ? l : l.withMask(l.mask().withEnabled(maskOn.isSelected()))));
        applyMask.setOnAction(e -> layerEdit("Apply mask", (l, p) -> l.withMaskApplied()));
        deleteMask.setOnAction(e -> layerEdit("Delete mask", (l, p) -> l.withMask(null)));
        clipping.setId("layer-clipping");
        clipping.setWrapText(true);
        clipping.setStyle("-fx-font-size: 11px; -fx-opacity: 0.8;");
        clipping.managedProperty().bind(clipping.visibleProperty());
        grid.add(clipping, 0, r++, 2, 1);
        grid.add(error, 0, r++, 2, 1);
        grid.add(new Separator(), 0, r++, 2, 1);
        Label st = new Label("Scene");
        st.getStyleClass().add("panel-title");
        grid.add(st, 0, r++, 2, 1);
        Button apply = new Button("Resize canvas");
        apply.setId("scene-apply-size");
        apply.setOnAction(e -> {
            int w = width.getValue(), h = height.getValue();
            long most = dev.blendbench.engine.document.DocumentLimits.DEFAULT.maxPixels();
            if ((long) w * h > most) { // the cap a document read from a file has
                sceneError.setText(String.format(java.util.Locale.ROOT, "%d×%d is %,d pixels: a canvas holds at most %,d", w, h, (long) w * h, most));
                return;
            }
            sceneError.setText("");
            model.edit("Canvas size " + w + "×" + h, d -> d.withSize(w, h));
        });
        row("Size", new HBox(4, width, new Label("×"), height), r++);
        grid.add(apply, 1, r++);
        grid.add(sceneError, 0, r++, 2, 1);
        width.valueProperty().addListener((o, a, v) -> {
            if (!complaintPending) sceneError.setText("");
        });
        height.valueProperty().addListener((o, a, v) -> {
            if (!complaintPending) sceneError.setText("");
        });
        row("Background", background, r++);
        row("Blend space", space, r++);

        name.setOnAction(e -> layerEdit("Rename", (l, p) -> l.withName(name.getText().isBlank() ? l.name() : name.getText().strip())));
        name.focusedProperty().addListener((o, a, f) -> {
            if (!f) name.getOnAction().handle(null);
        });
        mode.setOnAction(e -> layerEdit("Blend mode", (l, p) -> mode.getValue() == null ? l : l.withMode(mode.getValue())));
        opacity.valueProperty().addListener((o, a, v) -> {
            opacityText.setText(String.format(Locale.ROOT, "%.0f %%", v.doubleValue()));
            if (syncing) return;
            long id = model.selectedIdProperty().get();
            if (model.selectedLayer().isEmpty()) return;
            float op = (float) (v.doubleValue() / 100);
            if (opacity.isValueChanging()) {
                if (sliderBefore == null) sliderBefore = model.doc();
                model.preview(sliderBefore.withItem(id, l -> l.withOpacity(op)));
            } else if (sliderBefore == null) {
                model.edit("Opacity", d -> d.withItem(id, l -> l.withOpacity(op)));
            }
        });
        opacity.valueChangingProperty().addListener((o, was, now) -> {
            if (!now && sliderBefore != null) {
                Doc before = sliderBefore;
                sliderBefore = null;
                long id = model.selectedIdProperty().get();
                float op = (float) (opacity.getValue() / 100);
                if (before.locate(id).isPresent()) model.preview(before.withItem(id, l -> l.withOpacity(op)));
                model.commit("Opacity", before);
            }
        });
        // a layer in a group is shown and moved on the document's canvas, wherever its group's own canvas lies
        x.valueProperty().addListener((o, a, v) -> layerEdit("Move", (l, p) -> l.withPosition(v - p.dx(), l.y())));
        y.valueProperty().addListener((o, a, v) -> layerEdit("Move", (l, p) -> l.withPosition(l.x(), v - p.dy())));
        scale.valueProperty().addListener((o, a, v) -> layerEdit("Scale", (l, p) -> l.withTransform(v, l.rotation(), l.filter())));
        rotation.valueProperty().addListener((o, a, v) -> layerEdit("Rotate", (l, p) -> l.withTransform(l.scale(), v, l.filter())));
        filter.setOnAction(e -> layerEdit("Filter", (l, p) -> filter.getValue() == null ? l : l.withTransform(l.scale(), l.rotation(), filter.getValue())));
        background.setOnAction(e -> {
            if (syncing) return;
            Color c = background.getValue();
            int a = (int) Math.round(c.getOpacity() * 255);
            int argb = a << 24 | (int) Math.round(c.getRed() * a) << 16 | (int) Math.round(c.getGreen() * a) << 8 | (int) Math.round(c.getBlue() * a);
            model.edit("Background", d -> d.withBackground(argb));
        });
        space.setOnAction(e -> {
            if (syncing || space.getValue() == null) return;
            model.edit("Blend space " + space.getValue(), d -> d.withBlendSpace(space.getValue()));
        });
        model.changeProperty().addListener((o, a, b) -> sync());
        model.selectedIdProperty().addListener((o, a, b) -> sync());
        sync();
    }

    public Node node() { return grid; }

    /** Puts the caret in the selected layer's Name field, its text selected (Enter or leaving it renames). */
    public void editName() {
        if (name.isDisabled()) return;
        name.requestFocus();
        name.selectAll();
    }

    private void row(String label, Node n, int r) {
        grid.add(new Label(label), 0, r);
        grid.add(n, 1, r);
    }

    private Spinner<Double> spinner(String what, double min, double max, double step) {
        Spinner<Double> s = NumberSpinners.decimal(what, min, max, 0, step, this::complain);
        s.setPrefWidth(120);
        return s;
    }

    /** A layer's field refused or bounded what was typed; the edit that the same commit makes keeps the message. */
    private void complain(String why) {
        complain(error, why);
    }

    /** As {@link #complain(String)}, for the scene's fields: said under them. */
    private void complainAboutScene(String why) {
        complain(sceneError, why);
    }

    private void complain(Label where, String why) {
        where.setText(why);
        complaintPending = true;
        javafx.application.Platform.runLater(() -> complaintPending = false);
    }

    /** Edits the selected layer: {@code f} is given it and where it is (for a layer in a group, where the group's canvas lies). */
    private void layerEdit(String what, BiFunction<LayerItem, Doc.Place, LayerItem> f) {
        if (syncing) return;
        long id = model.selectedIdProperty().get();
        if (model.selectedLayer().isEmpty()) return;
        try {
            model.edit(what, d -> {
                Doc.Place p = d.locate(id).orElseThrow();
                return d.withItem(id, l -> f.apply(l, p));
            });
            if (!complaintPending) error.setText("");
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage()); // e.g. a scale whose result is beyond the engine's limits
            sync();
        }
    }

    private void sync() {
        syncing = true;
        try {
            Doc d = model.doc();
            var sel = model.selectedLayer();
            Doc.Place at = model.selectedPlace().orElse(null);
            for (Node n : new Node[] {name, mode, opacity, x, y, scale, rotation, filter}) n.setDisable(sel.isEmpty());
            sel.ifPresent(l -> {
                if (!name.isFocused()) name.setText(l.name());
                mode.setValue(l.mode());
                if (sliderBefore == null) opacity.setValue(l.opacity() * 100);
                x.getValueFactory().setValue(l.x() + at.dx());
                y.getValueFactory().setValue(l.y() + at.dy());
                scale.getValueFactory().setValue(l.scale());
                rotation.getValueFactory().setValue(l.rotation());
                filter.setValue(l.filter());
            });
            LayerItem masked = sel.filter(l -> l.mask() != null).orElse(null);
            maskRow.setVisible(masked != null);
            maskLabel.setVisible(masked != null);
            maskOn.setSelected(masked != null && masked.mask().enabled());
            applyMask.setDisable(masked == null || !masked.mask().enabled() || masked.layer().isTransformed() || masked.isGroup());
            LayerItem group = sel.filter(l -> l.isGroup() && l.layer().isGroup()).orElse(null); // a transformed group is its pixels
            passThrough.setVisible(group != null);
            passThrough.setDisable(group == null || group.isClipping());
            passThrough.setSelected(group != null && group.isPassThrough());
            String note = clippingNote(d, sel.orElse(null), at);
            clipping.setText(note.isEmpty() && group != null && group.isPassThrough()
                    ? "A pass-through group: its layers blend with what is below it, as if it were not there, and its opacity fades what they do;"
                            + " a blend mode of its own makes it isolated"
                    : note);
            clipping.setVisible(!clipping.getText().isEmpty());
            opacityText.setText(String.format(Locale.ROOT, "%.0f %%", opacity.getValue()));
            width.getValueFactory().setValue(d.width());
            height.getValueFactory().setValue(d.height());
            int bg = d.background(), a = bg >>> 24;
            background.setValue(a == 0 ? Color.TRANSPARENT : Color.rgb(Math.min(255, ((bg >>> 16) & 0xFF) * 255 / a),
                    Math.min(255, ((bg >>> 8) & 0xFF) * 255 / a), Math.min(255, (bg & 0xFF) * 255 / a), a / 255.0));
            space.setValue(d.blendSpace());
        } finally {
            syncing = false;
        }
    }

    /** What clipping the selected layer is in: clipped to its group's base, the base of a clipping group, or one; "" for none. */
    static String clippingNote(Doc d, LayerItem l, Doc.Place at) {
        if (l == null) return "";
        if (l.isClipping()) {
            return "A clipping group: its layers above '" + l.children().getFirst().name() + "' show only where it has pixels (Ctrl+Alt+G releases them)";
        }
        LayerItem parent = d.clippingGroupOf(l.id()).orElse(null);
        if (parent == null) return "";
        String base = parent.children().getFirst().name();
        return at.index() == 0 ? "The base of a clipping group: the layers above it show only where it has pixels"
                : "Clipped to '" + base + "': it shows only where that has pixels (Ctrl+Alt+G releases it)";
    }
}

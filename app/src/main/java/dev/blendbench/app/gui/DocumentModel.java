package dev.blendbench.app.gui;

import dev.blendbench.engine.surface.Rect;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The single source of truth of the workbench: the current {@link Doc}, the selected layer, the
 * file it came from, whether it has unsaved edits, and the undo history. Views observe it and
 * call its edit methods; nothing else changes the document (one-way data flow). Every edit also
 * says which canvas rectangle it changed, so the canvas re-composites only that.
 *
 * <p>FX thread only.
 */
public final class DocumentModel {
    /** A document change and the canvas rectangle it can have changed (null: everything). */
    public record Change(Doc doc, Rect dirty) {}

    private final ReadOnlyObjectWrapper<Change> change = new ReadOnlyObjectWrapper<>();
    /** The selected layer's id (−1: none); a layer inside a group may be selected. */
    private final LongProperty selected = new SimpleLongProperty(-1);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty name = new javafx.beans.property.SimpleStringProperty("Untitled");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final History history = new History();
    /** Bumped on every change, so that views can refresh labels such as "Undo Move layer". */
    private final IntegerProperty revision = new SimpleIntegerProperty();

    public DocumentModel(Doc initial) {
        change.set(new Change(initial, null));
        file.addListener((o, was, now) -> {
            if (now != null && now.getFileName() != null) name.set(now.getFileName().toString());
        });
    }

    public Doc doc() { return change.get().doc(); }

    public ReadOnlyObjectProperty<Change> changeProperty() { return change.getReadOnlyProperty(); }

    /** The id of the selected layer, at any depth in the groups (−1: none). */
    public LongProperty selectedIdProperty() { return selected; }

    /** Selects the document's layer at {@code index} (bottom first; −1 or out of range: none). */
    public void selectAt(int index) {
        List<LayerItem> ls = doc().layers();
        selected.set(index >= 0 && index < ls.size() ? ls.get(index).id() : -1);
    }

    /** Selects the layer with this id (at any depth; −1: none). */
    public void select(long id) { selected.set(id); }

    /** The selected layer's index among the layers of its group or of the document (−1: none). */
    public int selectedIndex() { return selectedPlace().map(Doc.Place::index).orElse(-1); }

    /** Where the selected layer is, if one is. */
    public Optional<Doc.Place> selectedPlace() { return doc().locate(selected.get()); }

    /** The OpenRaster file Save writes to; null until there is one (a new document, an opened image or .psd). */
    public ObjectProperty<Path> fileProperty() { return file; }

    /**
     * What the document is called in the title bar and in "Save changes to …?": the saved file's
     * name, else the name of the image or .psd it was opened from, else "Untitled".
     */
    public javafx.beans.property.StringProperty nameProperty() { return name; }

    public BooleanProperty dirtyProperty() { return dirty; }

    public IntegerProperty revisionProperty() { return revision; }

    public History history() { return history; }

    /** The selected layer, if any. */
    public Optional<LayerItem> selectedLayer() { return doc().find(selected.get()); }

    /** Applies an edit as one undoable step named {@code what}. */
    public void edit(String what, UnaryOperator<Doc> f) {
        Doc before = doc();
        Doc after = f.apply(before);
        if (after.equals(before)) return;
        history.push(what, before, after);
        show(after, dirtyBetween(before, after));
        dirty.set(true);
    }

    /** Shows a state during a gesture (a drag) without recording it; {@link #commit} records the gesture once. */
    public void preview(Doc d) {
        show(d, dirtyBetween(doc(), d));
    }

    /** Records a finished gesture that started from {@code before}. */
    public void commit(String what, Doc before) {
        if (doc().equals(before)) return;
        history.push(what, before, doc());
        dirty.set(true);
        revision.set(revision.get() + 1);
    }

    public boolean undo() { return travel(-1); }

    public boolean redo() { return travel(1); }

    /**
     * Goes {@code steps} back through the history (negative: undo) or forward (positive: redo) as
     * one change of the document, as far as the history reaches; false if it went nowhere.
     */
    public boolean travel(int steps) {
        Doc before = doc(), now = before;
        int done = 0;
        for (; done < Math.abs(steps); done++) {
            Optional<Doc> d = steps < 0 ? history.undo(now) : history.redo(now);
            if (d.isEmpty()) break;
            now = d.get();
        }
        if (done == 0) return false;
        show(now, dirtyBetween(before, now));
        dirty.set(true);
        return true;
    }

    /** Replaces the whole document (open, new): clears the history and the selection. */
    public void replace(Doc d, Path from) {
        replace(d, from, from == null || from.getFileName() == null ? "Untitled" : from.getFileName().toString());
    }

    /** As {@link #replace(Doc, Path)}, for a document that Save writes to {@code saveTo} (null: ask) called {@code called}. */
    public void replace(Doc d, Path saveTo, String called) {
        history.clear();
        show(d, null);
        selectAt(d.layers().size() - 1);
        file.set(saveTo);
        name.set(called);
        dirty.set(false);
    }

    /** After a save: the document is clean and belongs to {@code to}. */
    public void saved(Path to) {
        file.set(to);
        dirty.set(false);
    }

    /**
     * Shows {@code d}. A selected layer that is gone (undoing its addition, say) gives way to the
     * document's layer where it was, or the top one.
     */
    private void show(Doc d, Rect dirtyRect) {
        Optional<Doc.Place> was = d.locate(selected.get()).isPresent() ? Optional.empty() : selectedPlace();
        change.set(new Change(d, dirtyRect));
        if (selected.get() >= 0 && d.locate(selected.get()).isEmpty()) {
            selectAt(was.map(p -> Math.min(p.top(), d.layers().size() - 1)).orElse(d.layers().size() - 1));
        }
        revision.set(revision.get() + 1);
    }

    /**
     * The canvas rectangle two states differ in: compositing is per pixel, so only pixels under a
     * layer that changed (by identity; before or after the change) can differ — unless the change
     * starts or stops a layer clearing all outside it (see {@link LayerChanges#between}). Null when the whole
     * canvas can differ, or the canvas itself changed (size, background, blend space).
     */
    static Rect dirtyBetween(Doc a, Doc b) {
        if (a.width() != b.width() || a.height() != b.height() || a.background() != b.background()
                || a.blendSpace() != b.blendSpace()) {
            return null;
        }
        Rect r = LayerChanges.between(a.layers(), b.layers());
        return r == null ? null : r.intersect(new Rect(0, 0, a.width(), a.height()));
    }
}

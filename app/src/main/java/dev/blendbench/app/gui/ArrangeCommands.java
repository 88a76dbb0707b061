package dev.blendbench.app.gui;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * What moves the selected layers without the mouse: the Compose tab's keys (arrows nudge, digits
 * set the opacity) and Edit ▸ Align. Each acts on the selected layer with the rows selected with
 * it ({@link MoveSnap#together}), in one undo step, and says in the status bar why nothing moved.
 */
final class ArrangeCommands {
    private final DocumentModel model;
    private final Supplier<List<Long>> selectedRows;
    private final BooleanSupplier composeShown;
    private final Consumer<String> say;

    /**
     * @param selectedRows the layers panel's rows selected ({@link LayersPanel#selectedIds})
     * @param composeShown whether the Compose tab is the one shown (the keys act only there)
     * @param say puts a line in the status bar
     */
    ArrangeCommands(DocumentModel model, Supplier<List<Long>> selectedRows, BooleanSupplier composeShown, Consumer<String> say) {
        this.model = model;
        this.selectedRows = selectedRows;
        this.composeShown = composeShown;
        this.say = say;
    }

    /**
     * On the Compose tab, arrow keys nudge the selected layer a pixel (Shift: ten) and digits set
     * its opacity, unless a field, list or table has the keys.
     */
    void keyPressed(KeyEvent e) {
        if (!composeShown.getAsBoolean() || e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof TextInputControl
                || e.getTarget() instanceof javafx.scene.control.Spinner<?> || e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?>
                || e.getTarget() instanceof javafx.scene.control.Slider || e.getTarget() instanceof javafx.scene.control.TableView<?>) {
            return;
        }
        if (e.getCode().isDigitKey() && !e.isShiftDown()) {
            setOpacityByDigit(e);
            return;
        }
        if (e.getTarget() instanceof javafx.scene.control.ListView<?>) return; // its arrows move the selection
        int dx = 0, dy = 0, step = e.isShiftDown() ? 10 : 1;
        if (e.getCode() == KeyCode.LEFT) dx = -step;
        else if (e.getCode() == KeyCode.RIGHT) dx = step;
        else if (e.getCode() == KeyCode.UP) dy = -step;
        else if (e.getCode() == KeyCode.DOWN) dy = step;
        else return;
        List<Long> ids = movableSelection();
        if (ids.isEmpty()) return;
        int fx = dx, fy = dy;
        model.edit("Nudge", d -> MoveSnap.moved(d, ids, fx, fy));
        e.consume();
    }

    /**
     * The layers a nudge or an alignment moves: the selected layer, with the rows selected with it
     * ({@link MoveSnap#together}); none when there is no selected layer or it is locked, or in a
     * locked group.
     */
    private List<Long> movableSelection() {
        long id = model.selectedIdProperty().get();
        if (model.selectedLayer().isEmpty() || model.doc().withGroupsAround(id).stream().anyMatch(LayerItem::locked)) return List.of();
        return MoveSnap.together(model.doc(), id, selectedRows.get());
    }

    /** Why there is nothing to {@code what}: no layer selected, or it (or a group around it) is locked. */
    private String unmovable(String what) {
        return model.selectedLayer().map(l -> "Nothing to " + what + ": " + l.name() + " is locked, or in a locked group")
                .orElse("Nothing to " + what + ": select layers in the layers panel first");
    }

    /**
     * Edit ▸ Align: the selected rows' edges or centres lined up with one another (a single layer:
     * with the canvas), or three or more spaced evenly; one undo step each.
     */
    Menu alignMenu() {
        var menu = new Menu("Align");
        menu.setId("menu-align");
        for (Align.Edge edge : Align.Edge.values()) {
            if (edge == Align.Edge.TOP) menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().add(item(edge.label, () -> {
                List<Long> ids = movableSelection();
                if (ids.isEmpty()) say.accept(unmovable("align"));
                else model.edit("Align " + edge.label, d -> Align.align(d, ids, edge));
            }));
        }
        menu.getItems().addAll(new SeparatorMenuItem(), item("Distribute Horizontally", () -> distribute(true)),
                item("Distribute Vertically", () -> distribute(false)));
        return menu;
    }

    private void distribute(boolean across) {
        List<Long> ids = movableSelection();
        if (ids.isEmpty()) {
            say.accept(unmovable("distribute"));
            return;
        }
        if (ids.size() < 3) {
            say.accept("Distribute spaces three or more layers evenly: select them in the layers panel (Ctrl+click, Shift+click)");
            return;
        }
        model.edit(across ? "Distribute Horizontally" : "Distribute Vertically", d -> Align.distribute(d, ids, across));
    }

    /** 1 … 9 set the selected layer's opacity to 10 … 90 %, 0 to 100 %, as image editors do. */
    private void setOpacityByDigit(KeyEvent e) {
        long id = model.selectedIdProperty().get();
        String name = e.getCode().getName(); // "5" or "Numpad 5"
        if (model.selectedLayer().isEmpty() || name.isEmpty() || !Character.isDigit(name.charAt(name.length() - 1))) return;
        int n = name.charAt(name.length() - 1) - '0';
        float op = n == 0 ? 1f : n / 10f;
        model.edit("Opacity " + (n == 0 ? 100 : n * 10) + " %", d -> d.withItem(id, l -> l.withOpacity(op)));
        e.consume();
    }

    private static MenuItem item(String text, Runnable r) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> r.run());
        return m;
    }
}

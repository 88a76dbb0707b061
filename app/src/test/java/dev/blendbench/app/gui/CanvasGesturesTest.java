package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Dragging on the canvas as a user does: the selected layer's handles scale and turn it; a moved layer snaps; Esc cancels. */
@ExtendWith(ApplicationExtension.class)
class CanvasGesturesTest {
    WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = WorkbenchTest.show(stage, new WorkbenchView(WorkbenchTest.scene()), 960, 720);
        view.canvasPane().setZoom(1);
    }

    @AfterEach
    void close() {
        view.close();
    }

    /** Screen point of canvas point (x, y) at 100 %. */
    Point2D canvasAt(FxRobot robot, double x, double y) {
        Point2D origin = robot.lookup("#canvas").queryAs(ImageView.class).localToScreen(0, 0);
        return new Point2D(origin.getX() + x, origin.getY() + y);
    }

    void drag(FxRobot robot, Point2D from, Point2D to) {
        robot.moveTo(from).press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D((from.getX() + to.getX()) / 2, (from.getY() + to.getY()) / 2)).moveTo(to);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    LayerItem top() {
        return view.model().doc().layers().get(1);
    }

    @Test
    void draggingACornerHandle_scalesTheLayerAboutTheOppositeCorner_inOneUndoStep(FxRobot robot) throws Exception {
        robot.interact(() -> view.model().selectAt(1)); // "top": 60×40 at (40, 30)
        Node corner = robot.lookup("#canvas-handle-2").query();
        assertTrue(corner.isVisible(), "the selected layer has handles");
        drag(robot, canvasAt(robot, 100, 70), canvasAt(robot, 130, 85));
        // the pointer's offset from the fixed corner (40, 30) along the diagonal (60, 40): (90·60 + 55·40) / 5200
        assertEquals(Math.round((90 * 60 + 55 * 40) / 5200.0 * 10_000) / 10_000.0, top().scale(), 1e-9);
        assertEquals(40, top().x(), 1e-6, "the top-left corner stays");
        assertEquals(30, top().y(), 1e-6);
        assertEquals(1, view.model().selectedIndex(), "still selected");
        assertEquals("Scale top", view.model().history().nextUndo().orElseThrow());
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, top().scale(), "undone in one step");
        assertEquals(0, view.model().history().size());
    }

    @Test
    void draggingTheKnob_turnsTheLayerAboutItsCentre_eachDragOneStep(FxRobot robot) throws Exception {
        robot.interact(() -> view.model().selectAt(1));
        Node knob = robot.lookup("#canvas-handle-rotate").query();
        Point2D k = knob.localToScreen(knob.getBoundsInLocal().getCenterX(), knob.getBoundsInLocal().getCenterY());
        Point2D centre = canvasAt(robot, 70, 50);
        assertEquals(centre.getX(), k.getX(), 0.5, "the knob is above the centre");
        assertTrue(k.getY() < canvasAt(robot, 70, 30).getY(), "above the top edge");
        // from above the centre to its right: a quarter turn clockwise
        drag(robot, k, new Point2D(centre.getX() + 60, centre.getY()));
        assertEquals(90, top().rotation(), 0.5);
        assertEquals(40, top().x(), 1e-9, "the position (and so the centre) is kept");
        assertEquals("Rotate top", view.model().history().nextUndo().orElseThrow());
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);

        Point2D k2 = knob.localToScreen(knob.getBoundsInLocal().getCenterX(), knob.getBoundsInLocal().getCenterY());
        assertTrue(k2.getX() > centre.getX() + 20, "the knob turned with the layer: now right of it");
        // (the headless platform's mouse events carry no modifier keys: Shift's 15° steps are TransformHandlesTest's)
        drag(robot, k2, new Point2D(centre.getX() + 60, centre.getY() + 30));
        assertEquals(90 + Math.toDegrees(Math.atan2(30, 60)), top().rotation(), 0.5, "a second drag turns it on from there");
        assertEquals(2, view.model().history().size(), "one undo step a drag");
    }

    @Test
    void escapeDuringADrag_putsTheLayerBack_andLeavesNoUndoStep(FxRobot robot) {
        robot.clickOn("#canvas-scroll"); // the window takes the keys (the headless platform focuses it on a click)
        robot.interact(() -> view.model().selectAt(1));
        robot.moveTo(canvasAt(robot, 100, 70)).press(MouseButton.PRIMARY).moveTo(canvasAt(robot, 120, 80)).moveTo(canvasAt(robot, 130, 85));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(top().scale() > 1.2, "the drag is shown as it goes");
        robot.type(KeyCode.ESCAPE);
        robot.moveTo(canvasAt(robot, 150, 95)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, top().scale(), "put back");
        assertEquals(40, top().x());
        // a plain move too
        robot.moveTo(canvasAt(robot, 60, 45)).press(MouseButton.PRIMARY).moveTo(canvasAt(robot, 70, 50)).moveTo(canvasAt(robot, 80, 55));
        robot.type(KeyCode.ESCAPE);
        robot.moveTo(canvasAt(robot, 90, 60)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, top().x());
        assertEquals(30, top().y());
        assertEquals(0, view.model().history().size(), "nothing to undo");
    }

    @Test
    void aMovedLayer_snapsToTheCanvasMiddle_showingGuides_andMovesFreelyWithSnappingOff(FxRobot robot) throws Exception {
        robot.clickOn("#canvas-scroll");
        // "top" (60×40 at (40, 30)) dragged 27 px right: its centre at 97, 3 from the canvas's middle (100);
        // its bottom edge (70) is 5 from the canvas's middle the other way (75)
        robot.moveTo(canvasAt(robot, 60, 45)).press(MouseButton.PRIMARY).moveTo(canvasAt(robot, 75, 45)).moveTo(canvasAt(robot, 87, 45));
        WaitForAsyncUtils.waitForFxEvents();
        Node gx = robot.lookup("#canvas-guide-x").query(), gy = robot.lookup("#canvas-guide-y").query();
        assertTrue(gx.isVisible() && gy.isVisible(), "guides where it snapped");
        assertEquals(100, gx.getBoundsInParent().getCenterX(), 1);
        assertEquals(75, gy.getBoundsInParent().getCenterY(), 1);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(70, top().x(), 1e-9, "centre on the middle");
        assertEquals(35, top().y(), 1e-9, "bottom on the middle");
        assertFalse(gx.isVisible() || gy.isVisible(), "gone with the drag");
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);

        robot.clickOn("View").clickOn("Snap to Canvas and Layers");
        assertFalse(view.canvasPane().snapProperty().get(), "View ▸ Snap turns it off");
        // 4 px left: snapping would put its centre back on the middle
        robot.moveTo(canvasAt(robot, 80, 50)).press(MouseButton.PRIMARY).moveTo(canvasAt(robot, 78, 50)).moveTo(canvasAt(robot, 76, 50));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(66, top().x(), 1e-9, "moved by the drag");
        assertEquals(35, top().y(), 1e-9);
    }

    @Test
    void draggingOneOfSeveralSelectedRows_movesThemAll_inOneUndoStep_asArrowKeysDo(FxRobot robot) throws Exception {
        robot.clickOn("#canvas-scroll");
        view.canvasPane().snapProperty().set(false);
        robot.interact(() -> {
            var rows = view.layersPanel().list().getSelectionModel();
            rows.clearSelection();
            rows.selectIndices(0, 1); // "top" and "bg", "bg" last: the selected layer
        });
        assertEquals(0, view.model().selectedIndex());
        drag(robot, canvasAt(robot, 60, 45), canvasAt(robot, 72, 40)); // on "top"
        assertEquals(52, top().x(), 1e-9);
        assertEquals(25, top().y(), 1e-9);
        assertEquals(12, view.model().doc().layers().get(0).x(), 1e-9, "bg moved with it");
        assertEquals(-5, view.model().doc().layers().get(0).y(), 1e-9);
        assertEquals("Move 2 layers", view.model().history().nextUndo().orElseThrow());
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        robot.type(KeyCode.LEFT);
        assertEquals(51, top().x(), 1e-9, "nudged both");
        assertEquals(11, view.model().doc().layers().get(0).x(), 1e-9);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, top().x(), 1e-9);
        assertEquals(0, view.model().doc().layers().get(0).x(), 1e-9);

        robot.interact(() -> view.layersPanel().list().getSelectionModel().clearAndSelect(0));
        drag(robot, canvasAt(robot, 150, 100), canvasAt(robot, 160, 100)); // on "bg" alone: picked outside the selection
        assertEquals(10, view.model().doc().layers().get(0).x(), 1e-9);
        assertEquals(40, top().x(), 1e-9, "only the layer picked");
    }

    @Test
    void editAlign_linesUpTheSelectedRows_orOneLayerWithTheCanvas_inOneUndoStep(FxRobot robot) {
        robot.interact(() -> {
            var rows = view.layersPanel().list().getSelectionModel();
            rows.clearSelection();
            rows.selectIndices(1, 0); // "bg" and "top", "top" the selected layer
        });
        robot.clickOn("Edit").clickOn("Align").clickOn("Right Edges");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(140, top().x(), 1e-9, "top's right edge on bg's (200)");
        assertEquals(0, view.model().doc().layers().get(0).x(), 1e-9, "bg is the box's right edge already");
        assertEquals("Align Right Edges", view.model().history().nextUndo().orElseThrow());
        robot.interact(() -> view.layersPanel().list().getSelectionModel().clearAndSelect(0));
        robot.clickOn("Edit").clickOn("Align").clickOn("Vertical Centres");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(55, top().y(), 1e-9, "alone: on the canvas's middle (75)");
        assertEquals(2, view.model().history().size());
        robot.interact(() -> view.model().edit("Lock", d -> d.withItem(top().id(), l -> l.withLocked(true))));
        robot.clickOn("Edit").clickOn("Align").clickOn("Left Edges");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, view.model().history().size(), "a locked layer is not aligned");
        assertEquals("Nothing to align: top is locked, or in a locked group", view.message().getText());
    }

    @Test
    void zoomToLayer_fillsTheViewWithTheSelectedLayer_centred(FxRobot robot) {
        robot.clickOn("#canvas-scroll"); // the keys to the canvas (the click selects what is under it)
        robot.interact(() -> view.model().selectAt(1)); // "top": 60×40 at (40, 30), centre (70, 50)
        var scroll = robot.lookup("#canvas-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        var before = scroll.getViewportBounds(); // the view as it was (zoomed in, it gains scroll bars)
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double z = view.canvasPane().zoomProperty().get();
        assertEquals(Math.min((before.getWidth() - 48) / 60, (before.getHeight() - 48) / 40), z, 1e-6, "the layer fills the view, less a margin");
        var v = scroll.getViewportBounds();
        Point2D centre = robot.lookup("#canvas").queryAs(ImageView.class).localToScreen(70 * z, 50 * z);
        Point2D middle = scroll.localToScreen(scroll.snappedLeftInset() + v.getWidth() / 2, scroll.snappedTopInset() + v.getHeight() / 2);
        assertEquals(middle.getX(), centre.getX(), 2, "centred across");
        assertEquals(middle.getY(), centre.getY(), 2, "centred down");
    }

    @Test
    void aLockedLayer_hasNoHandles_andIsNotScaledWhereTheyWouldBe(FxRobot robot) {
        robot.interact(() -> {
            view.model().selectAt(1);
            view.model().edit("Lock", d -> d.withItem(top().id(), l -> l.withLocked(true)));
        });
        assertFalse(robot.lookup("#canvas-handle-2").query().isVisible());
        assertFalse(robot.lookup("#canvas-handle-rotate").query().isVisible());
        drag(robot, canvasAt(robot, 100, 70), canvasAt(robot, 130, 85));
        assertEquals(1, top().scale());
        assertEquals(40, top().x());
        assertEquals(0, view.model().selectedIndex(), "the press picked the layer under the pointer, as a click does");
    }
}

package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A group's layers opened in the layers panel and edited as any layer, driven as a user would. */
@ExtendWith(ApplicationExtension.class)
class GroupEditingTest {
    WorkbenchView view;

    @Start
    void start(Stage stage) {
        Scene inside = new Scene(50, 40, 0, List.of(Layer.of("red", Surface.filled(30, 30, 0xFFE02020)),
                new Layer("blue", Surface.filled(30, 30, 0xC00000C0), 20, 10, BlendMode.SCREEN, 1f, true)));
        Scene s = new Scene(200, 150, 0xFF808080, List.of(Layer.of("bg", Surface.filled(200, 150, 0xFF30A030)),
                Groups.of("pair", inside, 40, 30, BlendMode.MULTIPLY, 0.7f, true),
                new Layer("top", Surface.filled(40, 40, 0xFFE0A020), 130, 90, BlendMode.SOURCE_OVER, 1f, true)));
        view = WorkbenchTest.show(stage, new WorkbenchView(s), 960, 720);
        view.canvasPane().setZoom(1);
    }

    @AfterEach
    void close() {
        view.close();
    }

    @Test
    void aPassThroughGroup_isTickedInTheProperties_itsRowSaysSo_andUntickingOrAModeIsolatesIt(FxRobot robot) throws Exception {
        robot.interact(() -> view.model().edit("Pass through", d -> d.withItem(d.layers().get(1).id(), l -> l.withPassThrough(true))));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(row(robot, "pair"));
        var box = robot.lookup("#layer-pass-through").queryAs(javafx.scene.control.CheckBox.class);
        assertTrue(box.isVisible() && box.isSelected());
        var detail = robot.from(row(robot, "pair")).lookup(".layer-detail").queryAs(javafx.scene.control.Label.class);
        // the group's own 70 % stays: it fades what its layers do
        assertTrue(detail.getText().startsWith("pass through · 70 % · 2 layers"), detail.getText());
        assertTrue(view.model().doc().scene().inlined().layers().get(1).isPassThrough(), "faded: still a group when rendered");
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        detail = robot.from(row(robot, "pair")).lookup(".layer-detail").queryAs(javafx.scene.control.Label.class);
        assertTrue(detail.getText().startsWith("pass through · 2 layers"), detail.getText());
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        // the screen layer now blends with the green below the group: the canvas is the flat layers' render
        dev.blendbench.engine.scene.Scene flat = view.model().doc().scene().inlined();
        assertTrue(flat.layers().stream().noneMatch(Layer::isPassThrough));
        assertEquals(List.of("bg", "red", "blue", "top"), flat.layers().stream().map(Layer::name).toList());

        robot.clickOn(box);
        assertTrue(!view.model().doc().layers().get(1).isPassThrough(), "unticked: isolated");
        assertEquals("Isolate group", view.model().history().nextUndo().orElseThrow());
        robot.clickOn(box);
        robot.type(KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.model().doc().layers().get(1).isPassThrough(), "an opacity fades it: still pass-through");
        assertEquals(0.5f, view.model().doc().layers().get(1).opacity());
        detail = robot.from(row(robot, "pair")).lookup(".layer-detail").queryAs(javafx.scene.control.Label.class);
        assertTrue(detail.getText().startsWith("pass through · 50 % · 2 layers"), detail.getText());
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        robot.interact(() -> view.model().edit("Screen", d -> d.withItem(d.layers().get(1).id(), l -> l.withMode(BlendMode.SCREEN))));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!view.model().doc().layers().get(1).isPassThrough(), "a mode of its own isolates it");
        assertTrue(!box.isSelected(), "and the box follows");
    }

    private List<String> rows() {
        return view.layersPanel().list().getItems().stream().map(LayerItem::name).toList();
    }

    private Node row(FxRobot robot, String name) {
        return robot.lookup("#layers .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getItem() instanceof LayerItem l && l.name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void openingAGroupsRow_listsItsLayers_whichAreEditedAsAnyLayer_onTheDocumentsCanvas(FxRobot robot) throws Exception {
        assertEquals(List.of("top", "pair", "bg"), rows());
        robot.clickOn(robot.from(row(robot, "pair")).lookup(".layer-disclosure").queryAs(Node.class));
        assertEquals(List.of("top", "pair", "blue", "red", "bg"), rows(), "the group's layers under its row, top first");

        robot.clickOn(row(robot, "blue"));
        assertEquals("blue", view.model().selectedLayer().orElseThrow().name());
        var x = robot.lookup("#layer-x").queryAs(javafx.scene.control.Spinner.class);
        assertEquals(60.0, x.getValue(), "X on the document's canvas: the group's 40 and the layer's 20");

        robot.type(KeyCode.DIGIT5);
        assertEquals(0.5f, view.model().selectedLayer().orElseThrow().opacity(), "5: its opacity to 50 %");
        assertEquals(0.7f, view.model().doc().layers().get(1).opacity(), "the group's own stays");
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);

        long blue = view.model().selectedIdProperty().get();
        robot.clickOn("#canvas-scroll"); // arrow keys on the canvas nudge (the list keeps them); the click selects what it hit
        robot.interact(() -> view.model().select(blue));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT, 3).release(KeyCode.SHIFT); // 10 px each
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(90.0, x.getValue(), "nudged 30 px: past the group's old 50 px canvas");
        LayerItem group = view.model().doc().layers().get(1);
        assertEquals(80, group.source().width(), "the group's canvas grew to hold it: the red layer's 0 to the blue one's 50 + 30");
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);

        for (int i = 0; i < 4; i++) robot.interact(() -> view.model().undo()); // three nudges and the opacity
        assertEquals(60.0, x.getValue());
        assertEquals(1f, view.model().doc().find(view.model().selectedIdProperty().get()).orElseThrow().opacity());
        assertEquals(List.of("top", "pair", "blue", "red", "bg"), rows(), "undo leaves the row open");
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);

        robot.clickOn(robot.from(row(robot, "pair")).lookup(".layer-disclosure").queryAs(Node.class));
        assertEquals(List.of("top", "pair", "bg"), rows());
        assertEquals("pair", view.model().selectedLayer().orElseThrow().name(), "closing the row over its selected layer selects the group");
        assertEquals(1, view.layersPanel().list().getSelectionModel().getSelectedIndex());
    }

    @Test
    void groupingALayer_keepsThePicture_andDeletingItsOnlyLayer_deletesTheGroup(FxRobot robot) throws Exception {
        robot.clickOn(row(robot, "top"));
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Group 2", "top", "pair", "bg"), rows(), "the new group open, its layer under it");
        assertEquals("Group 2", view.model().selectedLayer().orElseThrow().name());
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);

        robot.clickOn(row(robot, "top"));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("pair", "bg"), rows(), "a group is never empty: it went with its only layer");
        robot.interact(() -> view.model().undo());
        assertEquals(List.of("Group 2", "top", "pair", "bg"), rows());

        robot.clickOn(row(robot, "pair"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G).release(KeyCode.G, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Group 2", "top", "blue", "red", "bg"), rows());
        assertTrue(view.message().getText().contains("multiply and opacity 70 % no longer apply"), view.message().getText());
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
    }

    @Test
    void addingAnImage_whileALayerInAGroupIsSelected_putsItAboveThatLayer_atTheCanvasCorner(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path png = dir.resolve("dot.png");
        dev.blendbench.engine.io.ImageFiles.write(Surface.filled(8, 8, 0xFFFFFFFF), png);
        robot.clickOn(robot.from(row(robot, "pair")).lookup(".layer-disclosure").queryAs(Node.class));
        robot.clickOn(row(robot, "red"));
        robot.interact(() -> view.addLayers(List.of(png)));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> rows().contains("dot.png"));
        assertEquals(List.of("top", "pair", "blue", "dot.png", "red", "bg"), rows());
        assertEquals(0.0, ((javafx.scene.control.Spinner<?>) robot.lookup("#layer-x").query()).getValue(), "at the canvas's corner");
        assertEquals(0, view.model().doc().layers().get(1).layer().x(), "the group's canvas grew to hold it");
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
    }

    @Test
    void theArrowKeys_openAndCloseAGroupsRow_andLeftGoesUpToTheGroup(FxRobot robot) {
        robot.clickOn(row(robot, "pair"));
        robot.type(KeyCode.RIGHT);
        assertEquals(List.of("top", "pair", "blue", "red", "bg"), rows(), "Right opens the group's row");
        robot.type(KeyCode.DOWN);
        assertEquals("blue", view.model().selectedLayer().orElseThrow().name(), "Down walks into its layers");
        robot.type(KeyCode.LEFT);
        assertEquals("pair", view.model().selectedLayer().orElseThrow().name(), "Left from a layer in a group: the group");
        robot.type(KeyCode.LEFT);
        assertEquals(List.of("top", "pair", "bg"), rows(), "Left on an open group closes it");
    }

    @Test
    void ctrlClickingRows_selectsSeveral_whichCtrlGGroups_andDeleteDeletes(FxRobot robot) throws Exception {
        // as Ctrl+click on "top" then "bg" selects them (the headless platform's clicks carry no Ctrl: checked by hand under Xvfb)
        robot.clickOn(row(robot, "top"));
        robot.interact(() -> view.layersPanel().list().getSelectionModel().selectIndices(2));
        assertEquals(List.of("top", "bg"), view.layersPanel().list().getSelectionModel().getSelectedItems().stream().map(LayerItem::name).toList());
        assertEquals("bg", view.model().selectedLayer().orElseThrow().name(), "the last clicked is the selected layer");
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Group 2", "top", "bg", "pair"), rows(), "grouped where the topmost was (bg came up past pair), open");
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        robot.interact(() -> view.model().undo());
        assertEquals(List.of("top", "pair", "bg"), rows());

        robot.clickOn(row(robot, "top"));
        robot.interact(() -> view.layersPanel().list().getSelectionModel().selectIndices(1));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("bg"), rows(), "both deleted, in one step");
        robot.interact(() -> view.model().undo());
        assertEquals(List.of("top", "pair", "bg"), rows());
    }
}

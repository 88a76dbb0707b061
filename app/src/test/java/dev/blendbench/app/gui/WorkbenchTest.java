package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The compositing workspace, driven as a user would on JavaFX's headless platform. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {
    @TempDir
    Path dir;
    WorkbenchView view;

    static Scene scene() {
        Surface bg = Surface.allocate(200, 150);
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) bg.setPixel(x, y, 0xFF000000 | (x * 255 / 200) << 16 | (y * 255 / 150) << 8 | 90);
        }
        Surface top = Surface.allocate(60, 40);
        top.fill(0xFFE0A020);
        return new Scene(200, 150, 0, List.of(Layer.of("bg", bg), new Layer("top", top, 40, 30, BlendMode.SOURCE_OVER, 1f, true)));
    }

    /** Shows {@code view} in {@code stage} at w×h and asks for its first render. */
    static WorkbenchView show(Stage stage, WorkbenchView view, int w, int h) {
        stage.setScene(new javafx.scene.Scene(view.root(), w, h));
        stage.show();
        view.renderAll();
        return view;
    }

    @Start
    void start(Stage stage) {
        view = WorkbenchTest.show(stage, new WorkbenchView(scene()), 960, 720);
        view.canvasPane().setZoom(1);
    }

    @AfterEach
    void close() {
        view.close();
    }

    /** Waits until the canvas shows exactly what the engine renders for the current document. */
    void assertCanvasIsEngineRender(FxRobot robot) throws Exception {
        assertCanvasIsEngineRender(robot, view);
    }

    /** Waits until {@code view}'s canvas shows exactly what the engine renders for its document. */
    static void assertCanvasIsEngineRender(FxRobot robot, WorkbenchView view) throws Exception {
        Scene s = WaitForAsyncUtils.asyncFx(() -> view.model().doc().scene()).get();
        Surface expected = Surface.allocate(s.width(), s.height());
        TileRenderer.singleThreaded().render(s, expected);
        int[] shown = new int[s.width() * s.height()];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            ImageView iv = robot.lookup("#canvas").queryAs(ImageView.class);
            boolean ready = WaitForAsyncUtils.asyncFx(() -> {
                if (iv.getImage() == null || iv.getImage().getWidth() != s.width()) return false;
                iv.getImage().getPixelReader().getPixels(0, 0, s.width(), s.height(), PixelFormat.getIntArgbPreInstance(), shown, 0, s.width());
                return true;
            }).get();
            if (ready && java.util.Arrays.equals(expected.toArray(), shown)) return;
            if (System.nanoTime() > deadline) {
                assertArrayEquals(expected.toArray(), shown, "canvas differs from the engine's render");
            }
            Thread.sleep(50);
        }
    }

    Path png(String name, int w, int h, int argb) throws Exception {
        Surface s = Surface.allocate(w, h);
        s.fill(argb);
        Path p = dir.resolve(name);
        ImageFiles.write(s, p);
        return p;
    }

    @Test
    void openingAnImage_namesTheDocumentAfterIt_andSaveAsksWhere(FxRobot robot) throws Exception {
        Path a = png("photo.png", 30, 20, 0xFF00FF00);
        robot.interact(() -> view.open(a));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().doc().layers().size() == 1);
        assertEquals("photo.png", view.model().nameProperty().get(), "the title and the save prompt name it");
        assertEquals(null, view.model().fileProperty().get(), "Save does not write OpenRaster into a .png");
        Path ora = dir.resolve("photo.ora");
        robot.interact(() -> view.saveAs(ora));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ora.equals(view.model().fileProperty().get()));
        assertEquals("photo.ora", view.model().nameProperty().get());
    }

    @Test
    void openingImages_addsLayersOnTop_andTheCanvasShowsTheEngineRender(FxRobot robot) throws Exception {
        Path a = png("red.png", 30, 20, 0x80FF0000), b = png("blue.png", 25, 25, 0xFF0000FF);
        robot.interact(() -> view.addLayers(List.of(a, b)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().doc().layers().size() == 4);
        assertEquals("blue.png", view.model().doc().layers().get(3).name());
        assertEquals(4, view.layersPanel().list().getItems().size());
        assertEquals("blue.png", view.layersPanel().list().getItems().get(0).name(), "top layer listed first");
        assertCanvasIsEngineRender(robot);

        robot.interact(() -> view.model().selectAt(0));
        robot.interact(() -> view.addLayers(List.of(a)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().doc().layers().size() == 5);
        assertEquals(List.of("bg", "red.png", "top", "red.png", "blue.png"), view.model().doc().layers().stream().map(LayerItem::name).toList(),
                "just above the selected layer");
        assertEquals(1, view.model().selectedIndex(), "the added layer selected");
    }

    @Test
    void aLayerThatClearsOutsideItself_shownOrHidden_recompositesTheWholeCanvas(FxRobot robot) throws Exception {
        robot.interact(() -> view.model().edit("Mode", d -> d.withLayer(1, l -> l.withMode(BlendMode.DESTINATION_IN))));
        assertCanvasIsEngineRender(robot); // the backdrop cleared everywhere outside the 60x40 layer
        robot.interact(() -> view.model().edit("Hide", d -> d.withLayer(1, l -> l.withVisible(false))));
        assertCanvasIsEngineRender(robot); // and back everywhere: not only under the layer
    }

    @Test
    void changingModeAndOpacity_recompositesAsTheEngineComputes(FxRobot robot) throws Exception {
        assertCanvasIsEngineRender(robot);
        robot.interact(() -> view.model().selectAt(1));
        @SuppressWarnings("unchecked")
        ComboBox<BlendMode> mode = robot.lookup("#layer-mode").queryAs(ComboBox.class);
        robot.interact(() -> mode.setValue(BlendMode.DIFFERENCE));
        Slider opacity = robot.lookup("#layer-opacity").queryAs(Slider.class);
        robot.interact(() -> opacity.setValue(40));
        Layer top = view.model().doc().layers().get(1).layer();
        assertEquals(BlendMode.DIFFERENCE, top.mode());
        assertEquals(0.4f, top.opacity(), 1e-6);
        assertCanvasIsEngineRender(robot);
    }

    @Test
    void draggingALayer_movesIt_andUndoRedoWalkTheHistory(FxRobot robot) throws Exception {
        assertCanvasIsEngineRender(robot);
        view.canvasPane().snapProperty().set(false); // moved by exactly the drag (snapping is CanvasGesturesTest's)
        ImageView iv = robot.lookup("#canvas").queryAs(ImageView.class);
        var origin = iv.localToScreen(0, 0);
        robot.moveTo(new javafx.geometry.Point2D(origin.getX() + 60, origin.getY() + 45)); // on "top" (40..100, 30..70)
        robot.press(MouseButton.PRIMARY);
        robot.moveBy(10, 0).moveBy(10, 5).moveBy(5, 5);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        LayerItem moved = view.model().doc().layers().get(1);
        assertEquals(65, moved.x(), 0.01);
        assertEquals(40, moved.y(), 0.01);
        assertEquals(1, view.model().selectedIndex(), "the dragged layer is selected");
        assertCanvasIsEngineRender(robot);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, view.model().doc().layers().get(1).x(), 0.01, "undo puts it back in one step");
        assertCanvasIsEngineRender(robot);
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(65, view.model().doc().layers().get(1).x(), 0.01, "redo");
        robot.clickOn("#canvas-scroll");
        robot.type(KeyCode.RIGHT);
        assertEquals(66, view.model().doc().layers().get(1).x(), 0.01, "arrow keys nudge");
        robot.type(KeyCode.DIGIT5);
        assertEquals(0.5f, view.model().doc().layers().get(1).opacity(), "5: opacity 50 %");
        robot.type(KeyCode.NUMPAD0);
        assertEquals(1f, view.model().doc().layers().get(1).opacity(), "0 (the keypad's too): 100 %");
        robot.clickOn("#tab-stress");
        robot.type(KeyCode.DIGIT3).type(KeyCode.LEFT);
        assertEquals(1f, view.model().doc().layers().get(1).opacity(), "not on the Stress tab");
        assertEquals(66, view.model().doc().layers().get(1).x(), 0.01, "not on the Stress tab");
    }

    @Test
    void saveAndReopen_givesTheSameDocument(FxRobot robot) throws Exception {
        robot.interact(() -> view.model().edit("Rotate", d -> d.withLayer(1, l -> l.withTransform(1.5, 20, dev.blendbench.engine.resample.Filter.MITCHELL))));
        assertCanvasIsEngineRender(robot);
        int[] before = view.canvas().toArray();
        Path ora = dir.resolve("scene.ora");
        robot.interact(() -> view.saveAs(ora));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.busyProperty().get() && Files.exists(ora));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.message().getText().startsWith("Saved"), view.message().getText());
        robot.interact(() -> view.model().edit("Hide", d -> d.withLayer(1, l -> l.withVisible(false))));
        robot.interact(() -> view.open(ora));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.message().getText().startsWith("Opened"));
        assertEquals(2, view.model().doc().layers().size());
        assertCanvasIsEngineRender(robot);
        assertArrayEquals(before, view.canvas().toArray(), "the reopened scene renders as it was saved");
        // the turned layer is turned still, its own pixels kept: editable again without resampling twice
        LayerItem turned = view.model().doc().layers().get(1);
        assertEquals(List.of(1.5, 20.0, 40.0, 30.0), List.of(turned.scale(), turned.rotation(), turned.x(), turned.y()));
        assertEquals(dev.blendbench.engine.resample.Filter.MITCHELL, turned.filter());
        assertEquals(List.of(60, 40), List.of(turned.source().width(), turned.source().height()));
    }

    @Test
    void exportingALinearDocumentAt16Bits_writesSixteenBitSamples_andRefusesAnSrgbOne(FxRobot robot) throws Exception {
        Path png = dir.resolve("deep.png");
        robot.interact(() -> view.model().edit("Blend space", d -> d.withBlendSpace(dev.blendbench.engine.colour.BlendSpace.LINEAR)));
        robot.interact(() -> view.exportComposite(png, true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.busyProperty().get() && view.message().getText().startsWith("Exported"));
        assertEquals("Exported " + png + " at 16 bits a channel", view.message().getText());
        assertEquals(16, javax.imageio.ImageIO.read(png.toFile()).getRaster().getSampleModel().getSampleSize(0));
        robot.interact(() -> view.model().edit("Blend space", d -> d.withBlendSpace(dev.blendbench.engine.colour.BlendSpace.SRGB)));
        robot.interact(() -> view.exportComposite(dir.resolve("shallow.png"), true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.busyProperty().get() && view.message().getText().contains("failed"));
        assertTrue(view.message().getText().contains("linear blend space"), view.message().getText());
        assertFalse(Files.exists(dir.resolve("shallow.png")));
    }

    @Test
    void exportingAsPhotoshop_writesTheLayers_keepsTheDocumentsFile_andRefusesAModePhotoshopLacks(FxRobot robot) throws Exception {
        Path psd = dir.resolve("layers.psd");
        Path before = view.model().fileProperty().get();
        robot.interact(() -> view.exportPsd(psd));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.busyProperty().get() && view.message().getText().startsWith("Exported"));
        assertEquals("Exported " + psd, view.message().getText());
        var back = dev.blendbench.engine.document.PsdImport.read(psd).scene();
        assertEquals(view.model().doc().layers().stream().map(l -> l.name()).toList(), back.layers().stream().map(l -> l.name()).toList());
        assertEquals(before, view.model().fileProperty().get(), "an export does not become the document's file");
        robot.interact(() -> view.model().edit("Mode", d -> d.withLayer(0, l -> l.withMode(dev.blendbench.engine.blend.BlendMode.XOR))));
        Path refused = dir.resolve("xor.psd");
        robot.interact(() -> view.exportPsd(refused));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.busyProperty().get() && view.message().getText().contains("failed"));
        assertTrue(view.message().getText().contains("which Photoshop has no blend mode for; save as .ora to keep it"), view.message().getText());
        assertFalse(Files.exists(refused));
    }

    @Test
    void exportingJpeg_saysWhenTransparencyWasFlattened(FxRobot robot) throws Exception {
        Path jpg = dir.resolve("out.jpg");
        robot.interact(() -> view.exportComposite(jpg));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.message().getText().startsWith("Exported"));
        assertEquals("Exported " + jpg, view.message().getText(), "an opaque composite loses nothing");
        robot.interact(() -> view.model().edit("Hide", d -> d.withLayer(0, l -> l.withVisible(false))));
        robot.interact(() -> view.message().setText("Ready."));
        robot.interact(() -> view.exportComposite(jpg));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.message().getText().startsWith("Exported"));
        assertTrue(view.message().getText().contains("JPEG has no transparency"), view.message().getText());
        assertEquals(0xFF000000, ImageFiles.read(jpg).getPixel(5, 5), "transparent areas are written black");
    }

    @Test
    void corruptFile_givesAReadableMessage_andTheDocumentStaysIntact(FxRobot robot) throws Exception {
        Path bad = Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0});
        Doc before = view.model().doc();
        robot.interact(() -> view.open(bad));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.busyProperty().get() && view.message().getText().contains("failed"));
        String shown = view.message().getText();
        assertTrue(shown.startsWith("Opening broken.png failed: "), shown);
        assertFalse(shown.contains(dir.toString()), "the file is named once, without its folder: " + shown);
        assertEquals(shown, view.message().getTooltip().getText(), "the whole message on hover");
        assertEquals(before, view.model().doc());
        robot.interact(() -> view.addLayers(List.of(bad)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.busyProperty().get() && view.message().getText().contains("failed"));
        assertEquals(before, view.model().doc());
    }

    @Test
    void layersPanel_duplicateDeleteReorder_areUndoable(FxRobot robot) throws Exception {
        robot.interact(() -> view.model().selectAt(1));
        robot.clickOn("#layer-duplicate");
        assertEquals(3, view.model().doc().layers().size());
        assertEquals("top copy", view.model().doc().layers().get(2).name());
        robot.clickOn("#layer-down");
        assertEquals("top copy", view.model().doc().layers().get(1).name());
        robot.clickOn("#layer-delete");
        assertEquals(2, view.model().doc().layers().size());
        assertNotEquals("top copy", view.model().doc().layers().get(1).name());
        robot.interact(() -> view.model().undo());
        assertEquals(3, view.model().doc().layers().size());
        assertCanvasIsEngineRender(robot);
    }

    @Test
    void menuShortcuts_reorderLayersAndZoom_fromTheKeyboard(FxRobot robot) {
        robot.interact(() -> view.model().selectAt(0));
        robot.clickOn("#canvas-scroll");
        robot.press(KeyCode.CONTROL, KeyCode.CLOSE_BRACKET).release(KeyCode.CLOSE_BRACKET, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("bg", view.model().doc().layers().get(1).name(), "Ctrl+] moves the selected layer up");
        robot.press(KeyCode.CONTROL, KeyCode.OPEN_BRACKET).release(KeyCode.OPEN_BRACKET, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("bg", view.model().doc().layers().get(0).name(), "Ctrl+[ moves it down");

        double z = view.canvasPane().zoomProperty().get();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(z * 1.25, view.canvasPane().zoomProperty().get(), 1e-9, "Ctrl++ (Shift and =) zooms in");
        robot.press(KeyCode.CONTROL, KeyCode.SUBTRACT).release(KeyCode.SUBTRACT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(z, view.canvasPane().zoomProperty().get(), 1e-9, "the keypad's minus zooms out");
    }

    @Test
    void everyMenuAccelerator_isMatchedByKeyCode(FxRobot robot) {
        var bar = robot.lookup("#menus").queryAs(javafx.scene.control.MenuBar.class);
        int n = 0;
        for (var menu : bar.getMenus()) {
            for (var item : menu.getItems()) {
                if (item.getAccelerator() == null) continue;
                n++;
                assertTrue(item.getAccelerator() instanceof javafx.scene.input.KeyCodeCombination,
                        item.getText() + "'s " + item.getAccelerator() + " would match typed text, not a key");
            }
        }
        assertTrue(n >= 15, n + " accelerators");
    }

    @Test
    void statusBar_readsThePixelUnderThePointer_andTheZoom(FxRobot robot) throws Exception {
        assertCanvasIsEngineRender(robot);
        ImageView iv = robot.lookup("#canvas").queryAs(ImageView.class);
        var origin = iv.localToScreen(0, 0);
        robot.moveTo(new javafx.geometry.Point2D(origin.getX() + 60.5, origin.getY() + 45.5)); // on "top", 0xFFE0A020
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("60, 45   R 224  G 160  B 32  A 255", robot.lookup("#pointer").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals("100 %", robot.lookup("#zoom").queryAs(javafx.scene.control.Label.class).getText());
        robot.interact(() -> view.canvasPane().setZoom(2));
        WaitForAsyncUtils.waitForFxEvents();
        var zoomed = iv.localToScreen(0, 0);
        robot.moveTo(new javafx.geometry.Point2D(zoomed.getX() + 2 * 41 + 1, zoomed.getY() + 2 * 31 + 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("200 %", robot.lookup("#zoom").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup("#pointer").queryAs(javafx.scene.control.Label.class).getText().startsWith("41, 31 "), "at 200 % two screen pixels a canvas pixel");
        robot.moveTo(new javafx.geometry.Point2D(zoomed.getX() + 4, zoomed.getY() + 2 * 150 + 1)); // below the canvas
        assertEquals("", robot.lookup("#pointer").queryAs(javafx.scene.control.Label.class).getText(), "off the canvas: nothing");
    }

    @Test
    void pixelReadout_showsStraightChannels() {
        assertEquals("3, 4   R 255  G 0  B 128  A 64", CanvasPane.describePixel(3, 4, 0x40FF0080));
    }

    @Test
    void doubleClickingALayerRow_renamesIt_andItsMenuReordersIt(FxRobot robot) {
        javafx.scene.Node topRow = robot.lookup("#layers .list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() instanceof LayerItem l && l.name().equals("top"))
                .findFirst().orElseThrow();
        robot.doubleClickOn(topRow);
        assertTrue(robot.lookup("#layer-name").queryAs(javafx.scene.control.TextField.class).isFocused(), "the Name field has the caret");
        robot.write("hero").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("hero", view.model().doc().layers().get(1).name());

        robot.rightClickOn(topRow);
        robot.clickOn("Move to Bottom");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("hero", view.model().doc().layers().get(0).name(), "moved to the bottom");
        robot.press(KeyCode.F2).release(KeyCode.F2);
        assertTrue(robot.lookup("#layer-name").queryAs(javafx.scene.control.TextField.class).isFocused(), "F2 renames too");
    }

    @Test
    void zoomingWithTheWheel_keepsThePixelUnderThePointer(FxRobot robot) {
        robot.interact(() -> view.canvasPane().setZoom(4));
        WaitForAsyncUtils.waitForFxEvents();
        ImageView iv = robot.lookup("#canvas").queryAs(ImageView.class);
        javafx.scene.Node content = robot.lookup("#canvas-content").query();
        // points near the edges too: reaching them needs the canvas to scroll at all (it did not: its
        // holder was sized to the viewport, so a zoomed-in canvas showed only its middle)
        for (double[] target : new double[][] {{60, 45}, {150, 110}, {10, 140}, {195, 5}}) {
            // a canvas point on screen, scrolled into view first
            robot.interact(() -> view.canvasPane().reveal(new dev.blendbench.engine.surface.Rect((int) target[0], (int) target[1], 1, 1)));
            WaitForAsyncUtils.waitForFxEvents();
            double z = view.canvasPane().zoomProperty().get();
            javafx.geometry.Point2D onScene = content.localToScene(target[0] * z, target[1] * z);
            robot.interact(() -> view.canvasPane().zoomAt(2, onScene.getX(), onScene.getY()));
            WaitForAsyncUtils.waitForFxEvents();
            double z2 = view.canvasPane().zoomProperty().get();
            javafx.geometry.Point2D under = content.sceneToLocal(onScene);
            assertEquals(target[0], under.getX() / z2, 1.0, "x under the pointer after zooming in at " + target[0] + "," + target[1]);
            assertEquals(target[1], under.getY() / z2, 1.0, "y under the pointer");
            robot.interact(() -> view.canvasPane().setZoom(4));
        }
        assertTrue(iv.getFitWidth() > 0);
    }
}

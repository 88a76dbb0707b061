package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.document.OpenRaster;
import dev.blendbench.engine.document.PsdExport;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View ▸ Compare with the File's Composite: the document's render against the composite its .ora or .psd holds. */
@ExtendWith(ApplicationExtension.class)
class CompositeCheckTest {
    @TempDir
    Path dir;
    WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = WorkbenchTest.show(stage, new WorkbenchView(WorkbenchTest.scene()), 960, 720);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : Window.getWindows().stream().toList()) {
                if (w.getScene() != null && w.getScene().lookup("#composite-check-figures") != null) w.hide();
            }
        });
        view.close();
    }

    private String compare(FxRobot robot) throws Exception {
        robot.interact(view::compareWithFileComposite);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return view.message().getText();
    }

    private String figures(FxRobot robot) {
        return robot.lookup("#composite-check-figures").queryAs(Label.class).getText();
    }

    @Test
    void aDocumentWithoutAFile_cannotBeCompared_andSaysWhy(FxRobot robot) throws Exception {
        assertNull(view.compositedProperty().get());
        assertTrue(compare(robot).startsWith("Open an .ora or .psd document"), view.message().getText());
        assertTrue(robot.lookup("#composite-check-figures").tryQuery().isEmpty(), "no window opens");
    }

    @Test
    void anOpenedPhotoshopFile_matchesItsComposite_untilItIsEdited(FxRobot robot) throws Exception {
        Path psd = dir.resolve("layers.psd");
        PsdExport.write(WorkbenchTest.scene(), psd);
        robot.interact(() -> view.open(psd));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.message().getText().startsWith("Opened"));
        assertEquals(psd, view.compositedProperty().get());
        String said = compare(robot);
        assertTrue(said.equals("Compared with layers.psd's composite: identical")
                || said.equals("Compared with layers.psd's composite: equal within 1 level"), said);
        assertTrue(figures(robot).startsWith("A: this document, rendered by Blendbench\nB: the composite layers.psd holds"), figures(robot));
        robot.interact(() -> robot.lookup("#composite-check-figures").queryAs(Label.class).getScene().getWindow().hide());

        robot.interact(() -> view.model().edit("Move", d -> d.withLayer(1, l -> l.withPosition(l.x() + 30, l.y()))));
        said = compare(robot);
        assertTrue(said.startsWith("Compared with layers.psd's composite: different ("), said);
        String text = figures(robot);
        assertTrue(text.startsWith("A: this document as it is now (edited since it was opened or saved)"), text);
        assertTrue(text.contains("largest difference: "), text);
    }

    @Test
    void aFileWithoutAComposite_orOfAnotherSize_failsWithAReason(FxRobot robot) throws Exception {
        Path ora = dir.resolve("doc.ora");
        OpenRaster.write(WorkbenchTest.scene(), ora);
        robot.interact(() -> view.open(ora));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.message().getText().startsWith("Opened"));
        assertTrue(compare(robot).endsWith(": identical"), view.message().getText());
        robot.interact(() -> robot.lookup("#composite-check-figures").queryAs(Label.class).getScene().getWindow().hide());
        // the file changes on disk: another program saved it without a merged image
        Path other = dir.resolve("other.ora");
        OpenRaster.write(WorkbenchTest.scene(), other);
        withoutEntry(other, "mergedimage.png", ora);
        assertEquals("Comparing with doc.ora's composite failed: holds no composite (no mergedimage.png)", compare(robot));
        robot.interact(() -> view.model().edit("Resize", d -> d.withSize(120, 90)));
        OpenRaster.write(WorkbenchTest.scene(), ora);
        assertEquals("Comparing with doc.ora's composite failed: its composite is 200x150 and the document is 120x90 now", compare(robot));
    }

    /** {@code from} without its entry {@code name}, written to {@code to}. */
    private static void withoutEntry(Path from, String name, Path to) throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var z = new java.util.zip.ZipInputStream(Files.newInputStream(from))) {
            for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) entries.put(e.getName(), z.readAllBytes());
        }
        entries.remove(name);
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue());
            }
        }
    }

    @Test
    void theHeatMapShown_isReducedWithoutLosingALoneDifferingPixel() {
        Surface a = Surface.filled(100, 60, 0xFF808080), b = Surface.filled(100, 60, 0xFF808080);
        b.setPixel(37, 41, 0xFF808081);
        b.setPixel(90, 5, 0xFFFF8080);
        Surface heat = dev.blendbench.engine.diff.ImageDiff.heatMap(a, b, 1);
        Surface small = CompositeCheck.reduced(heat, 7);
        assertEquals(15, small.width());
        assertEquals(9, small.height());
        assertEquals(heat.getPixel(37, 41), small.getPixel(5, 5), "the orange pixel is its block's");
        assertEquals(heat.getPixel(90, 5), small.getPixel(12, 0), "the red one too");
        assertEquals(heat.getPixel(0, 0), small.getPixel(0, 0));
        assertEquals(heat, CompositeCheck.reduced(heat, 1));
    }

    @Test
    void theHeatMap_isSavedAsPng_theExtensionAddedWhereItLacksOne() throws IOException {
        Path ora = dir.resolve("doc.ora");
        OpenRaster.write(WorkbenchTest.scene(), ora);
        CompositeCheck.Result r = CompositeCheck.compute(Doc.of(WorkbenchTest.scene()), ora);
        assertEquals(0, r.diff().max());
        assertEquals("Saved the heat map as " + dir.resolve("heat.png"), CompositeCheck.saveHeatMap(r, dir.resolve("heat")));
        Surface heat = ImageFiles.read(dir.resolve("heat.png"));
        assertEquals(200, heat.width());
        assertTrue(CompositeCheck.saveHeatMap(r, dir.resolve("missing/heat.png")).startsWith("Saving the heat map failed: "));
        assertThrows(IOException.class, () -> CompositeCheck.compute(Doc.of(WorkbenchTest.scene()), dir.resolve("none.ora")));
        assertTrue(Files.exists(ora));
        // what the file holds that Blendbench left out is named under the figures: part of any difference
        java.util.List<String> lines = CompositeCheck.lines(r, false, java.util.List.of("layer 'glow': layer effects left out"));
        assertEquals("  layer 'glow': layer effects left out", lines.getLast());
        assertTrue(lines.get(lines.size() - 2).startsWith("What the file holds that Blendbench left out"), lines.toString());
        assertEquals(r.diff().verdict(), CompositeCheck.lines(r, false, java.util.List.of()).getLast());
    }
}

package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {
    static Scene scene() {
        Surface a = Surface.allocate(120, 80);
        a.fill(0xFF336699);
        Surface b = Surface.allocate(50, 40);
        b.fill(0x80800000);
        return new Scene(120, 80, 0, List.of(Layer.of("a", a), new Layer("b", b, 30, 20, BlendMode.MULTIPLY, 1f, true)));
    }

    WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = WorkbenchTest.show(stage, new WorkbenchView(scene()), 800, 600);
    }

    /** Waits for the window's first frame; returns what the engine renders of the scene, single-threaded. */
    private static Surface firstFrame(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> StressPanelTest.onFx(robot, () -> robot.lookup("#status").queryAs(Label.class).getText().contains("rendered")));
        Surface expected = Surface.allocate(120, 80);
        TileRenderer.singleThreaded().render(scene(), expected);
        return expected;
    }

    @Test
    void canvas_showsPixelsTheEngineRendered(FxRobot robot) throws Exception {
        Surface expected = firstFrame(robot);
        ImageView iv = robot.lookup("#canvas").queryAs(ImageView.class);
        int[] shown = new int[120 * 80];
        WaitForAsyncUtils.asyncFx(() -> {
            PixelReader pr = iv.getImage().getPixelReader();
            pr.getPixels(0, 0, 120, 80, javafx.scene.image.PixelFormat.getIntArgbPreInstance(), shown, 0, 120);
        }).get();
        assertArrayEquals(expected.toArray(), shown);
        assertTrue(robot.lookup("#layers").tryQuery().isPresent());
        view.close();
    }

    @Test
    void zoomedIn_pixelsShowAsSquares_notBlendedWithTheirNeighbours(FxRobot robot) throws Exception {
        Surface expected = firstFrame(robot);
        robot.interact(() -> view.canvasPane().setZoom(8));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node content = robot.lookup("#canvas-content").query();
        javafx.scene.image.WritableImage[] snap = new javafx.scene.image.WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> snap[0] = content.snapshot(null, null)).get();
        // image row 25 crosses layer b's left edge between pixels 29 and 30, at 240 on screen: 2 px
        // either side of it, each shows its own pixel exactly (smoothed, each would be a 3:1 mix)
        int y = 25 * 8 + 4;
        for (int[] at : new int[][] {{238, 29}, {241, 30}, {233, 29}, {246, 30}}) {
            int shown = snap[0].getPixelReader().getArgb(at[0], y);
            int want = dev.blendbench.engine.surface.Argb.unpremultiply(expected.getPixel(at[1], 25));
            assertTrue(shown == want, String.format("screen x %d: %08x, pixel %d is %08x", at[0], shown, at[1], want));
        }
        view.close();
    }

    @Test
    void help_saysTheKernelsAndRuntime_andListsTheShortcuts(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menus").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu help = bar.getMenus().get(bar.getMenus().size() - 1);
        assertTrue(help.getText().equals("Help") && help.getItems().size() == 2, help.getText());
        String about = WorkbenchView.aboutText();
        boolean vector = dev.blendbench.engine.blend.Compositor.isVectorized();
        assertTrue(about.startsWith(dev.blendbench.app.cli.BlendbenchCommand.VERSION), about);
        assertTrue(about.contains(vector ? "Kernels: Vector API, " + dev.blendbench.engine.blend.Compositor.vectorBits() + "-bit"
                : "Kernels: scalar"), about);
        assertTrue(about.contains("Java " + System.getProperty("java.version")) && about.contains(" cores"), about);
        assertTrue(WorkbenchView.SHORTCUTS.contains("Ctrl+Z") && WorkbenchView.SHORTCUTS.contains("export the composite"));
        view.close();
    }
}

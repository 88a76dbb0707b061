package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A layer's pixel mask turned off and on, applied and deleted from the properties, as a user would. */
@ExtendWith(ApplicationExtension.class)
class MaskEditingTest {
    WorkbenchView view;

    @Start
    void start(Stage stage) {
        byte[] v = new byte[80 * 60];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (i % 80 * 3); // dark on the left, light on the right
        Layer masked = new Layer("masked", Surface.filled(100, 80, 0xFFE02020), 50, 30, BlendMode.SOURCE_OVER, 1f, true)
                .withMask(new LayerMask(v, 10, 10, 80, 60, 0, true));
        // a pass-through group holding a multiply layer, masked: it darkens the green below the group where the mask lets it
        Scene inside = new Scene(60, 40, 0, List.of(new Layer("shade", Surface.filled(60, 40, 0xFF404040), 0, 0, BlendMode.MULTIPLY, 1f, true)));
        Layer folder = dev.blendbench.engine.render.Groups.passThrough("folder", inside, 5, 100, true).withOpacity(0.8f)
                .withMask(new LayerMask(v, -10, -10, 80, 60, 0, true));
        Scene s = new Scene(200, 150, 0xFF808080, List.of(Layer.of("bg", Surface.filled(200, 150, 0xFF30A030)), masked, folder));
        view = WorkbenchTest.show(stage, new WorkbenchView(s), 960, 720);
        view.canvasPane().setZoom(1);
    }

    @AfterEach
    void close() {
        view.close();
    }

    private Node row(FxRobot robot, String name) {
        return robot.lookup("#layers .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getItem() instanceof LayerItem l && l.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** The alpha of the masked row's thumbnail at (1, 1), once the thumbnail is made. */
    private int thumbnailAlphaAtCorner(FxRobot robot) throws Exception {
        int[] alpha = new int[1];
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> {
            var img = robot.from(row(robot, "masked")).lookup(".image-view").queryAs(javafx.scene.image.ImageView.class).getImage();
            if (img == null) return false;
            alpha[0] = img.getPixelReader().getArgb(1, 1) >>> 24;
            return true;
        });
        return alpha[0];
    }

    private String detail(FxRobot robot) {
        return detail(robot, "masked");
    }

    private String detail(FxRobot robot, String name) {
        return robot.from(row(robot, name)).lookup(".layer-detail").queryAs(Label.class).getText();
    }

    @Test
    void aGroupsMask_isTurnedOffAndOn_cannotBeApplied_andStaysWhenTheGroupIsIsolated(FxRobot robot) throws Exception {
        robot.clickOn(row(robot, "folder"));
        CheckBox on = robot.lookup("#layer-mask").queryAs(CheckBox.class);
        assertTrue(on.getParent().isVisible() && on.isSelected());
        assertTrue(robot.lookup("#layer-mask-apply").queryButton().isDisabled(), "a group's mask has no pixels of its own to apply to");
        assertTrue(detail(robot, "folder").startsWith("pass through · 80 % · 1 layer · mask"), detail(robot, "folder"));
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        robot.clickOn(on);
        assertFalse(view.model().doc().layers().get(2).layer().isMasked(), "off");
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        robot.clickOn(on);
        // isolated, it keeps its mask: the mask then scales what the group's layers make on their own
        CheckBox pass = robot.lookup("#layer-pass-through").queryAs(CheckBox.class);
        robot.interact(pass::fire); // as a click does (a click right after the Mask row's can land on its tooltip)
        WaitForAsyncUtils.waitForFxEvents();
        LayerItem isolated = view.model().doc().layers().get(2);
        assertTrue(!isolated.isPassThrough() && isolated.layer().isMasked(), "isolated, masked");
        assertTrue(detail(robot, "folder").startsWith("source-over · 80 % · 1 layer · mask"), detail(robot, "folder"));
        assertTrue(robot.lookup("#layer-mask-apply").queryButton().isDisabled());
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        robot.clickOn("#layer-mask-delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.model().doc().layers().get(2).mask() == null);
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
    }

    @Test
    void aMask_isTurnedOffAndOn_appliedAndDeleted_theCanvasTheEnginesRenderEachTime(FxRobot robot) throws Exception {
        robot.clickOn(row(robot, "masked"));
        CheckBox on = robot.lookup("#layer-mask").queryAs(CheckBox.class);
        assertTrue(on.getParent().isVisible() && on.isSelected());
        assertTrue(detail(robot).endsWith(" · mask"), detail(robot));
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);

        // the row's thumbnail is the layer through its mask: hidden in its corner (outside the mask's rectangle)
        assertEquals(0, thumbnailAlphaAtCorner(robot), "masked thumbnail");
        robot.clickOn(on);
        assertFalse(view.model().doc().layers().get(1).layer().isMasked(), "off");
        assertEquals(255, thumbnailAlphaAtCorner(robot), "the layer's own thumbnail with its mask off");
        assertTrue(detail(robot).endsWith(" · mask off"), detail(robot));
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        robot.clickOn(on);
        assertTrue(view.model().doc().layers().get(1).layer().isMasked(), "on again");

        int[] before = view.model().doc().scene().layers().get(1).source().array().clone();
        robot.clickOn("#layer-mask-apply");
        LayerItem applied = view.model().doc().layers().get(1);
        assertTrue(applied.mask() == null, "applied: no mask left");
        assertFalse(java.util.Arrays.equals(before, applied.source().array()), "its pixels masked");
        assertFalse(on.getParent().isVisible(), "no mask row without a mask");
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
        assertEquals("Apply mask", view.model().history().nextUndo().orElseThrow());

        robot.interact(() -> view.model().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.model().doc().layers().get(1).mask() != null, "undone: the mask is back");
        robot.clickOn("#layer-mask-delete");
        assertTrue(view.model().doc().layers().get(1).mask() == null);
        assertFalse(detail(robot).contains("mask"), detail(robot));
        WorkbenchTest.assertCanvasIsEngineRender(robot, view);
    }
}

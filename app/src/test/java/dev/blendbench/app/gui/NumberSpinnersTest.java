package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Typing into the properties' number fields as a person would: mistakes, commas, bounds, Tab. */
@ExtendWith(ApplicationExtension.class)
class NumberSpinnersTest {
    WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = WorkbenchTest.show(stage, new WorkbenchView(WorkbenchTest.scene()), 960, 720);
    }

    @AfterEach
    void close() {
        view.close();
    }

    @SuppressWarnings("unchecked")
    private Spinner<Double> field(FxRobot robot, String id) {
        return (Spinner<Double>) robot.lookup(id).query();
    }

    private void typeInto(FxRobot robot, String id, String text, KeyCode end) {
        Spinner<?> s = robot.lookup(id).query();
        robot.clickOn(s.getEditor());
        robot.interact(() -> s.getEditor().selectAll());
        robot.write(text);
        robot.type(end);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String sceneError(FxRobot robot) {
        return robot.lookup("#scene-error").queryAs(Label.class).getText();
    }

    private String error(FxRobot robot) {
        return robot.lookup("#properties-error").queryAs(Label.class).getText();
    }

    @Test
    void textThatIsNotANumber_keepsTheValue_andSaysWhy(FxRobot robot) {
        typeInto(robot, "#layer-x", "abc", KeyCode.ENTER);
        assertEquals(40, view.model().doc().layers().get(1).x(), 0);
        assertEquals("40", field(robot, "#layer-x").getEditor().getText(), "the field shows the value again");
        assertEquals("X: 'abc' is not a number", error(robot));
        assertEquals(0, view.model().history().nextUndo().stream().count(), "no undo step");
    }

    @Test
    void aDecimalComma_andLeavingTheField_commit(FxRobot robot) {
        typeInto(robot, "#layer-y", "12,5", KeyCode.TAB);
        assertEquals(12.5, view.model().doc().layers().get(1).y(), 0, "a comma is a decimal separator; Tab commits");
        assertEquals("", error(robot));
    }

    @Test
    void aNumberOutOfRange_takesTheBound_andSaysSo(FxRobot robot) {
        typeInto(robot, "#layer-rotation", "1e3", KeyCode.ENTER);
        assertEquals(360, view.model().doc().layers().get(1).rotation(), 0, "an exponent is read, then bounded");
        assertEquals("Rotation is at most 360 (1000 was typed)", error(robot));
    }

    @Test
    void committingAnUntouchedFraction_changesNothing(FxRobot robot) {
        robot.interact(() -> view.model().edit("Move", d -> d.withLayer(1, l -> l.withPosition(10.125, 3))));
        assertEquals("10.125", field(robot, "#layer-x").getEditor().getText(), "more than two decimals shown");
        typeInto(robot, "#layer-x", "10.125", KeyCode.ENTER);
        assertEquals(10.125, view.model().doc().layers().get(1).x(), 0);
    }

    @Test
    void parsing_acceptsWhatPeopleType_andRejectsTheRest() {
        for (var ok : List.of("12", " -3.5 ", "12,5", ".5", "1e3", "+2", "\u22124")) {
            assertTrue(NumberSpinners.parseDecimal(ok) != null, ok);
        }
        for (var bad : List.of("", "abc", "NaN", "Infinity", "1.2.3", "0x10", "1d", "1e999", "--1")) {
            assertNull(NumberSpinners.parseDecimal(bad), bad);
        }
        assertEquals(1000L, NumberSpinners.parseWhole("1 000"));
        assertEquals(1920L, NumberSpinners.parseWhole("1,920"));
        assertNull(NumberSpinners.parseWhole("12.5"));
        assertNull(NumberSpinners.parseWhole("99999999999999999999"));
        assertEquals("0.333333", NumberSpinners.format(1 / 3.0));
        assertEquals("40", NumberSpinners.format(40));
    }

    @Test
    void aCanvasOverThePixelCap_isRefusedWithAReason_andTheDocumentKeepsItsSize(FxRobot robot) {
        int w = view.model().doc().width(), h = view.model().doc().height();
        typeInto(robot, "#scene-width", "65535", KeyCode.TAB);
        typeInto(robot, "#scene-height", "65535", KeyCode.TAB);
        robot.clickOn("#scene-apply-size");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("65535×65535 is 4,294,836,225 pixels: a canvas holds at most 100,000,000", sceneError(robot),
                "said under the canvas size, not under the layer's fields");
        assertEquals("", error(robot));
        assertEquals(w, view.model().doc().width());
        assertEquals(h, view.model().doc().height());
        assertEquals(0, view.model().history().nextUndo().stream().count(), "no undo step");
        typeInto(robot, "#scene-width", "10000", KeyCode.TAB);
        typeInto(robot, "#scene-height", "10000", KeyCode.TAB);
        robot.clickOn("#scene-apply-size");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10000, view.model().doc().width(), "at the cap is fine");
        assertEquals("", sceneError(robot), "the complaint goes once the size is taken");
    }
}

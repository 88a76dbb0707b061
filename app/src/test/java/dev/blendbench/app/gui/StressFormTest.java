package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Stress tab's form: what it refuses, and what it hands the panel. */
@ExtendWith(ApplicationExtension.class)
class StressFormTest {
    StressForm form;

    @Start
    void start(Stage stage) {
        form = new StressForm();
    }

    private <T extends Node> T field(String id) {
        @SuppressWarnings("unchecked")
        // the settings scroll above the pinned Start, Stop and Export…
        var settings = (javafx.scene.control.ScrollPane) ((javafx.scene.layout.VBox) form.node()).getChildren().getFirst();
        T n = (T) settings.getContent().lookup("#" + id);
        return n;
    }

    private String refusal(FxRobot robot, Runnable set) {
        robot.interact(set);
        return assertThrows(IllegalArgumentException.class, () -> form.settings("per-worker")).getMessage();
    }

    @Test
    void rampStepsThatAreNotNumbers_orFewerThanTwo_orNotPositive_areRefusedByName(FxRobot robot) {
        robot.interact(() -> ((RadioButton) field("mode-ramp")).setSelected(true));
        assertEquals("ramp steps must be numbers separated by commas, got '1, two'",
                refusal(robot, () -> ((TextField) field("stress-ramp")).setText("1, two")));
        assertEquals("a ramp needs at least two positive steps", refusal(robot, () -> ((TextField) field("stress-ramp")).setText("4")));
        assertEquals("a ramp needs at least two positive steps", refusal(robot, () -> ((TextField) field("stress-ramp")).setText("0, 2")));
        assertEquals("in closed loop the ramp steps are worker counts: whole numbers up to 512",
                refusal(robot, () -> ((TextField) field("stress-ramp")).setText("1, 2.5")));
        assertEquals("in closed loop the ramp steps are worker counts: whole numbers up to 512",
                refusal(robot, () -> ((TextField) field("stress-ramp")).setText("1, 100000")));
        robot.interact(() -> ((TextField) field("stress-ramp")).setText(" 1,2  4 "));
        assertEquals(List.of(1.0, 2.0, 4.0), form.settings("per-worker").ramp(), "commas or spaces, as typed");
    }

    @Test
    void aHeapThatIsNotASize_andAnObjectiveThatIsNotOne_areRefused(FxRobot robot) {
        assertEquals("heap must be a size like 512m or 4g, got '12q'", refusal(robot, () -> ((TextField) field("stress-heap")).setText("12q")));
        robot.interact(() -> ((TextField) field("stress-heap")).setText(" 512M "));
        assertEquals("512M", form.settings("pooled").heap());
        robot.interact(() -> ((RadioButton) field("mode-ramp")).setSelected(true));
        assertTrue(refusal(robot, () -> ((TextField) field("stress-slo")).setText("p99<20")).startsWith("objective: "));
        robot.interact(() -> ((RadioButton) field("mode-single")).setSelected(true));
        assertEquals(null, form.settings("pooled").objective(), "an objective belongs to a ramp only");
    }

    @Test
    void aWarmUpUntilSteady_needsAWarmUpToRunAtMost(FxRobot robot) {
        robot.interact(() -> ((javafx.scene.control.CheckBox) field("stress-warmup-steady")).setSelected(true));
        assertTrue(form.settings("pooled").untilSteady());
        assertEquals("warm-up: until steady runs at most the warm-up, so give it one (e.g. 30 s)",
                refusal(robot, () -> this.<javafx.scene.control.Spinner<Double>>field("stress-warmup").getValueFactory().setValue(0.0)));
    }

    @Test
    void thePlan_isTheChosenStrategy_orTheTickedOnesWhenComparing(FxRobot robot) {
        robot.interact(() -> this.<ComboBox<String>>field("stress-strategy").setValue("striped"));
        assertEquals(List.of("striped"), form.plan());
        robot.interact(() -> {
            ((RadioButton) field("mode-compare")).setSelected(true);
            ((CheckBox) field("compare-pooled")).setSelected(false);
        });
        assertEquals(List.of("per-worker", "alloc-per-job"), form.plan());
        assertTrue(form.comparing());
    }

    @Test
    void aClosedLoopRamp_takesItsWorkersFromItsSteps_soTheWorkersFieldIsOff(FxRobot robot) {
        assertFalse(field("stress-workers").isDisabled());
        robot.interact(() -> ((RadioButton) field("mode-ramp")).setSelected(true));
        assertTrue(field("stress-workers").isDisabled(), "closed loop: the steps are worker counts");
        robot.interact(() -> this.<ComboBox<String>>field("stress-loop").setValue("target rate"));
        assertFalse(field("stress-workers").isDisabled(), "at a target rate the workers serve every step");
    }

    @Test
    void whileLocked_everySettingIsDisabled(FxRobot robot) {
        robot.interact(() -> form.locked().set(true));
        for (String id : List.of("stress-workers", "stress-loop", "stress-strategy", "stress-seconds", "stress-warmup", "stress-heap",
                "stress-races", "mode-ramp", "compare-pooled")) {
            assertTrue(field(id).isDisabled(), id);
        }
    }

    @Test
    void onAShortWindow_theSettingsScroll_whileStartStopAndExportStayInSight(FxRobot robot) {
        Stage[] shown = new Stage[1];
        robot.interact(() -> {
            shown[0] = new Stage();
            shown[0].setScene(new javafx.scene.Scene((javafx.scene.Parent) form.node(), 320, 360));
            shown[0].show();
            // a session's whole sentence, as a finished run leaves it
            form.status().setText("p99 was 15.68 ms (p50 1.36 ms, max 32.70 ms) over 4,482 jobs at 1120.2 jobs/s under strategy "
                    + "per-worker, 4 workers in closed loop. ".repeat(6));
        });
        robot.interact(() -> { }); // laid out
        try {
            double line = new javafx.scene.text.Text("A").getLayoutBounds().getHeight();
            assertTrue(form.status().getHeight() <= 4 * line + 4, "the status is " + form.status().getHeight() + " px tall: at most four lines");
            assertEquals(form.status().getText(), form.status().getTooltip().getText(), "the whole text is its tooltip");
            for (String id : List.of("stress-start", "stress-stop", "stress-export")) {
                Node n = form.node().lookup("#" + id);
                var b = n.localToScene(n.getBoundsInLocal());
                assertTrue(b.getMinY() >= 0 && b.getMaxY() <= 360, id + " lies at " + b.getMinY() + ".." + b.getMaxY() + " in a 360 px window");
            }
        } finally {
            robot.interact(shown[0]::close);
        }
    }
    /** A preferences node of its own, removed after the test. */
    private static java.util.prefs.Preferences memory() {
        return java.util.prefs.Preferences.userRoot().node("dev/blendbench/test/" + java.util.UUID.randomUUID());
    }

    @Test
    void rememberedSettings_comeBackInTheNextForm_everyOneOfThem(FxRobot robot) throws Exception {
        var memory = memory();
        try {
            robot.interact(() -> {
                this.<javafx.scene.control.Spinner<Integer>>field("stress-workers").getValueFactory().setValue(7);
                ((CheckBox) field("stress-virtual")).setSelected(true);
                this.<ComboBox<String>>field("stress-loop").setValue("target rate");
                this.<javafx.scene.control.Spinner<Double>>field("stress-rate").getValueFactory().setValue(350.5);
                this.<ComboBox<String>>field("stress-arrivals").setValue("poisson");
                this.<ComboBox<String>>field("stress-strategy").setValue("striped");
                this.<javafx.scene.control.Spinner<Double>>field("stress-seconds").getValueFactory().setValue(12.5);
                this.<javafx.scene.control.Spinner<Double>>field("stress-warmup").getValueFactory().setValue(4.0);
                ((CheckBox) field("stress-warmup-steady")).setSelected(false);
                ((TextField) field("stress-heap")).setText("1g");
                this.<ComboBox<String>>field("stress-gc").setValue("zgc");
                ((CheckBox) field("stress-races")).setSelected(true);
                ((CheckBox) field("stress-jfr")).setSelected(true);
                ((RadioButton) field("mode-ramp")).setSelected(true);
                ((TextField) field("stress-ramp")).setText("300, 600, 900");
                ((TextField) field("stress-slo")).setText("p99=20ms");
                ((CheckBox) field("compare-pooled")).setSelected(false);
                ((CheckBox) field("compare-striped")).setSelected(true);
            });
            var used = form.settings("striped");
            robot.interact(() -> form.remember(memory));
            robot.interact(() -> form = new StressForm());
            assertEquals(List.of("per-worker"), form.plan(), "a new form starts at the defaults");
            robot.interact(() -> form.recall(memory));
            assertEquals(used, form.settings("striped"), "every setting a session takes");
            assertEquals(List.of("striped"), form.plan());
            robot.interact(() -> ((RadioButton) field("mode-compare")).setSelected(true));
            assertEquals(List.of("striped", "per-worker", "alloc-per-job"), form.plan(), "the strategies ticked to compare");
        } finally {
            memory.removeNode();
        }
    }

    @Test
    void aMemoryTheFormCannotHold_leavesThoseSettingsAsTheyWere_andTakesTheRest(FxRobot robot) throws Exception {
        var memory = memory();
        try {
            var defaults = form.settings("per-worker");
            memory.put("workers", "100000"); // beyond the field's 512
            memory.put("rate", "NaN");
            memory.put("duration", "ten");
            memory.put("strategy", "a-strategy-of-a-later-version");
            memory.put("gc", "shenandoah");
            memory.put("load", "sideways");
            memory.put("mode", "");
            memory.put("warmup", "-3");
            robot.interact(() -> form.recall(memory));
            assertEquals(defaults, form.settings("per-worker"), "nothing it cannot hold changed the form");
            assertEquals(List.of("per-worker"), form.plan());
            memory.put("workers", "12");
            memory.put("compare", "pooled,no-such-strategy");
            robot.interact(() -> form.recall(memory));
            assertEquals(12, form.settings("per-worker").workers(), "what it can hold, it takes");
            robot.interact(() -> ((RadioButton) field("mode-compare")).setSelected(true));
            assertEquals(List.of("pooled"), form.plan(), "a strategy it does not know is left out");
        } finally {
            memory.removeNode();
        }
    }
    @Test
    void defaults_putEverySettingBack_asANewFormHasIt(FxRobot robot) {
        var fresh = form.settings("per-worker");
        var freshSnapshot = form.snapshot();
        robot.interact(() -> {
            this.<javafx.scene.control.Spinner<Integer>>field("stress-workers").getValueFactory().setValue(9);
            this.<ComboBox<String>>field("stress-loop").setValue("target rate");
            ((CheckBox) field("stress-races")).setSelected(true);
            ((TextField) field("stress-heap")).setText("2g");
            ((RadioButton) field("mode-compare")).setSelected(true);
            ((CheckBox) field("compare-striped")).setSelected(true);
        });
        assertTrue(!freshSnapshot.equals(form.snapshot()));
        robot.interact(() -> ((javafx.scene.control.Button) form.node().lookup("#stress-defaults")).fire());
        assertEquals(freshSnapshot, form.snapshot(), "every setting, the mode and the ticks included");
        assertEquals(fresh, form.settings("per-worker"));
        robot.interact(() -> form.locked().set(true));
        assertTrue(form.node().lookup("#stress-defaults").isDisabled(), "not while a session runs");
    }
}

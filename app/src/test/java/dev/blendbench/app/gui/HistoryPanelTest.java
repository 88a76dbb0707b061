package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The History list follows the edits, and selecting a row goes back (or forward) to that state. */
@ExtendWith(ApplicationExtension.class)
class HistoryPanelTest {
    DocumentModel model;
    long back;

    @Start
    void start(Stage stage) {
        Doc d = new Doc(40, 30, 0, BlendSpace.SRGB, List.of(LayerItem.of("back", Surface.filled(40, 30, 0xFF336699), 0, 0)));
        back = d.layers().getFirst().id();
        model = new DocumentModel(d);
        HistoryPanel panel = new HistoryPanel(model);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(panel.node()), 300, 400));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static ListView<HistoryPanel.Row> list(FxRobot robot) {
        return robot.lookup("#history-list").queryAs(ListView.class);
    }

    private static List<String> shown(FxRobot robot) {
        return list(robot).getItems().stream().map(HistoryPanel.Row::text).toList();
    }

    @Test
    void clickingAnEarlierRow_goesBackToThatState_andTheLaterStepsStayToRedo(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 1; i <= 3; i++) {
                int x = 10 * i;
                model.edit("Move to " + x, d -> d.withItem(back, l -> l.withPosition(x, 0)));
            }
        });
        assertEquals(List.of("Opened", "Move to 10", "Move to 20", "Move to 30"), shown(robot));
        assertEquals(3, list(robot).getSelectionModel().getSelectedIndex(), "the current state is selected");

        robot.clickOn("Move to 10");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10.0, model.doc().find(back).orElseThrow().x());
        assertEquals(1, list(robot).getSelectionModel().getSelectedIndex());
        assertEquals(List.of("Move to 20", "Move to 30"), model.history().futureSteps());

        robot.clickOn("Move to 30"); // forward again
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(30.0, model.doc().find(back).orElseThrow().x());

        robot.clickOn("Opened");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, model.doc().find(back).orElseThrow().x());
        robot.interact(() -> model.edit("Move to 5", d -> d.withItem(back, l -> l.withPosition(5, 0))));
        assertEquals(List.of("Opened", "Move to 5"), shown(robot), "a new edit drops the steps that were ahead");
    }
}

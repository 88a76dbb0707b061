package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing, New and Open ask about unsaved changes, and do what the answer says. */
@ExtendWith(ApplicationExtension.class)
class UnsavedChangesTest {
    @TempDir
    Path dir;
    WorkbenchView view;
    final List<String> asked = new ArrayList<>();
    final AtomicInteger ran = new AtomicInteger();

    @Start
    void start(Stage stage) {
        view = new WorkbenchView(WorkbenchTest.scene());
        stage.setScene(new javafx.scene.Scene(view.root(), 800, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        view.close();
    }

    private void answer(FxRobot robot, WorkbenchView.Unsaved a) {
        robot.interact(() -> view.answerUnsavedWith(name -> {
            asked.add(name);
            return a;
        }));
    }

    private void edit(FxRobot robot) {
        robot.interact(() -> view.model().edit("Hide", d -> d.withLayer(1, l -> l.withVisible(false))));
    }

    @Test
    void noChanges_goesOnWithoutAsking(FxRobot robot) {
        answer(robot, WorkbenchView.Unsaved.CANCEL);
        robot.interact(() -> view.whenChangesSettled(ran::incrementAndGet));
        assertEquals(1, ran.get());
        assertTrue(asked.isEmpty());
    }

    @Test
    void changes_cancelled_staysAndKeepsThem(FxRobot robot) {
        edit(robot);
        answer(robot, WorkbenchView.Unsaved.CANCEL);
        robot.interact(() -> view.whenChangesSettled(ran::incrementAndGet));
        assertEquals(List.of("Untitled"), asked);
        assertEquals(0, ran.get());
        assertTrue(view.model().dirtyProperty().get());
    }

    @Test
    void changes_discarded_goesOn(FxRobot robot) {
        edit(robot);
        answer(robot, WorkbenchView.Unsaved.DISCARD);
        robot.interact(() -> view.whenChangesSettled(ran::incrementAndGet));
        assertEquals(1, ran.get());
    }

    @Test
    void changes_saved_goesOnOnlyOnceTheFileIsWritten(FxRobot robot) throws Exception {
        Path ora = dir.resolve("scene.ora");
        robot.interact(() -> view.saveAs(ora));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.model().dirtyProperty().get() && Files.exists(ora));
        long before = Files.getLastModifiedTime(ora).toMillis();
        Thread.sleep(20);
        edit(robot);
        answer(robot, WorkbenchView.Unsaved.SAVE);
        robot.interact(() -> view.whenChangesSettled(() -> {
            // the save has landed by the time we go on
            assertFalse(view.model().dirtyProperty().get());
            ran.incrementAndGet();
        }));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ran.get() == 1);
        assertEquals(List.of("scene.ora"), asked);
        assertTrue(Files.getLastModifiedTime(ora).toMillis() >= before);
    }
}

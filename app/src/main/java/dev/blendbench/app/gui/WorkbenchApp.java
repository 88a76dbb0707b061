package dev.blendbench.app.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window holding a {@link WorkbenchView} on the demo scene. Started
 * through {@link #launchApp()} from a plain launcher class, so JavaFX runs from the class path.
 */
public final class WorkbenchApp extends Application {
    private WorkbenchView view;

    /** Starts JavaFX and blocks until the window is closed. */
    public static void launchApp() {
        Application.launch(WorkbenchApp.class);
    }

    @Override
    public void start(Stage stage) {
        view = new WorkbenchView(dev.blendbench.engine.demo.DemoScene.scene());
        stage.setTitle("Blendbench — demo scene");
        stage.setScene(new Scene(view.root(), 1400, 860));
        stage.show();
        view.renderAll();
    }

    @Override
    public void stop() {
        if (view != null) {
            view.close();
        }
    }
}

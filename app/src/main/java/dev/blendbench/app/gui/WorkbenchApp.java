package dev.blendbench.app.gui;

import dev.blendbench.engine.blend.Compositor;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window holding a {@link WorkbenchView} on the demo scene. Started
 * through {@link #launchApp()} from a plain launcher class, so JavaFX runs from the class path.
 */
public final class WorkbenchApp extends Application {
    private WorkbenchView view;
    /** The window's last placement while neither maximised nor minimised (what a maximised window restores to). */
    private WindowPlacement normal = WindowPlacement.DEFAULT;
    private static final java.util.prefs.Preferences PREFS = java.util.prefs.Preferences.userRoot().node("dev/blendbench/workbench");

    /** Starts JavaFX on the demo scene and blocks until the window is closed. */
    public static void launchApp() {
        launchApp(java.util.List.of());
    }

    /**
     * Starts JavaFX, opening {@code files} (none: the demo scene; one: a document, image or session
     * file; several: session files, compared), and blocks until the window is closed.
     */
    public static void launchApp(java.util.List<java.nio.file.Path> files) {
        // JavaFX from the class path (the jar's lib/, not the module path) is how Blendbench ships:
        // its startup warning about that configuration is noise to a user, the rest of its log is not
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(WorkbenchApp.class, files.stream().map(java.nio.file.Path::toString).toArray(String[]::new));
    }

    /** Held so that the filter above stays on the logger (loggers are only weakly referenced). */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    @Override
    public void start(Stage stage) {
        // the first frames in the scalar loops (0.15 s for the demo scene) instead of cold Vector
        // API code (1.5 s); each mode's vector loop is compiled on this thread when first used
        Compositor.deferVectorLoopsUntilWarm(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "blendbench-kernel-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }));
        view = new WorkbenchView(dev.blendbench.engine.demo.DemoScene.scene());
        view.model().nameProperty().set("demo scene");
        // the Stress tab's settings as they were last used
        view.stressPanel().keepSettingsIn(PREFS.node("stress"));
        // snapping on the canvas as it was left (View ▸ Snap to Canvas and Layers)
        view.canvasPane().snapProperty().set(PREFS.getBoolean("snap", true));
        view.canvasPane().snapProperty().addListener((o, a, on) -> PREFS.putBoolean("snap", on));
        Runnable title = () -> stage.setTitle((view.model().dirtyProperty().get() ? "• " : "") + view.model().nameProperty().get()
                + " — Blendbench");
        view.model().nameProperty().addListener((o, a, b) -> title.run());
        view.model().dirtyProperty().addListener((o, a, b) -> title.run());
        title.run();
        // where the window was last time, fitted to the screens there are now
        var screens = new java.util.ArrayList<javafx.geometry.Rectangle2D>();
        screens.add(javafx.stage.Screen.getPrimary().getVisualBounds());
        for (var sc : javafx.stage.Screen.getScreens()) {
            if (!sc.equals(javafx.stage.Screen.getPrimary())) screens.add(sc.getVisualBounds());
        }
        WindowPlacement placed = WindowPlacement.decode(PREFS.get("window", null)).fitTo(screens);
        stage.setScene(new Scene(view.root(), placed.width(), placed.height()));
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        placed.applyTo(stage);
        normal = placed;
        for (var p : java.util.List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            p.addListener((o, a, b) -> {
                if (!stage.isMaximized() && !stage.isIconified()) normal = WindowPlacement.of(stage, normal);
            });
        }
        stage.setOnHidden(e -> {
            PREFS.put("window", WindowPlacement.of(stage, normal).encode());
            view.stressPanel().rememberSettings();
        });
        // closing the window asks about unsaved changes, as Quit does
        stage.setOnCloseRequest(e -> {
            e.consume();
            view.whenChangesSettled(stage::hide);
        });
        stage.show();
        view.renderAll();
        javafx.application.Platform.runLater(() -> view.canvasPane().fit());
        // a file to open: in the background, as File ▸ Open does (progress bar; a refusal in the
        // status bar, the demo scene left open)
        java.util.List<java.nio.file.Path> files = getParameters().getRaw().stream().map(java.nio.file.Path::of).toList();
        if (files.size() == 1) view.open(files.get(0));
        else view.showSessions(files); // several: session files (GuiCommand checked), side by side
    }

    @Override
    public void stop() {
        if (view != null) {
            view.close();
        }
    }
}

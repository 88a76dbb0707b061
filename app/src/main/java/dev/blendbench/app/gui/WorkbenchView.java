package dev.blendbench.app.gui;

import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.surface.Surface;
import java.nio.IntBuffer;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first workbench view: the scene's layers on the left, the canvas rendered by the engine in
 * the centre, render timing in the status bar.
 *
 * <p>The canvas is a {@link PixelBuffer} over the engine's own {@code IntArgbPre} surface, so
 * what the engine writes is shown without conversion or copy. Rendering runs on a background
 * thread; the FX thread only marks the buffer dirty. Built and used on the FX thread.
 */
public final class WorkbenchView {
    private final dev.blendbench.engine.scene.Scene scene;
    private final Surface canvas;
    private final PixelBuffer<IntBuffer> pixels;
    private final BorderPane root = new BorderPane();
    private final Label status = new Label("Rendering…");
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "blendbench-workbench-render");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService helpers;
    private final TileRenderer renderer;

    public WorkbenchView(dev.blendbench.engine.scene.Scene scene) {
        this.scene = scene;
        this.canvas = Surface.allocate(scene.width(), scene.height());
        this.pixels = new PixelBuffer<>(scene.width(), scene.height(), IntBuffer.wrap(canvas.array()),
                PixelFormat.getIntArgbPreInstance());
        int threads = Runtime.getRuntime().availableProcessors();
        this.helpers = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
            Thread t = new Thread(r, "blendbench-tile");
            t.setDaemon(true);
            return t;
        });
        this.renderer = new TileRenderer(helpers, threads, TileRenderer.DEFAULT_TILE_WIDTH, TileRenderer.DEFAULT_TILE_HEIGHT);

        ListView<Layer> layers = new ListView<>();
        layers.setId("layers");
        layers.getItems().setAll(scene.layers().reversed()); // top layer first, as editors show it
        layers.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Layer l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : String.format(Locale.ROOT, "%s\n%s · %.0f %%%s",
                        l.name(), l.mode().cssName(), l.opacity() * 100, l.visible() ? "" : " · hidden"));
            }
        });
        Label title = new Label("Layers");
        title.setStyle("-fx-font-weight: bold;");
        VBox left = new VBox(6, title, layers);
        left.setPadding(new Insets(8));
        left.setPrefWidth(240);

        ImageView view = new ImageView(new WritableImage(pixels));
        view.setId("canvas");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane checker = new StackPane(view);
        checker.setStyle("-fx-background-color: #2b2b2b;");
        ScrollPane scroll = new ScrollPane(checker);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        view.fitWidthProperty().bind(scroll.widthProperty().subtract(24));
        view.fitHeightProperty().bind(scroll.heightProperty().subtract(24));

        status.setId("status");
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setLeft(left);
        root.setCenter(scroll);
        root.setBottom(status);
    }

    public Parent root() { return root; }

    /** The surface the canvas shows (read it only after a render has completed). */
    public Surface canvas() { return canvas; }

    /** Renders the whole scene off the FX thread, then shows it. Call on the FX thread. */
    public void renderAll() {
        background.execute(() -> {
            long t0 = System.nanoTime();
            renderer.render(scene, canvas);
            long t1 = System.nanoTime();
            Platform.runLater(() -> {
                pixels.updateBuffer(b -> new Rectangle2D(0, 0, scene.width(), scene.height()));
                status.setText(String.format(Locale.ROOT, "%d×%d · %d layers · rendered by the engine in %.1f ms on %d threads",
                        scene.width(), scene.height(), scene.layers().size(), (t1 - t0) / 1e6, renderer.parallelism()));
            });
        });
    }

    public void close() {
        background.shutdownNow();
        helpers.shutdownNow();
    }
}

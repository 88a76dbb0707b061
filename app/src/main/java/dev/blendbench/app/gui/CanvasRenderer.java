package dev.blendbench.app.gui;

import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.nio.IntBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.HdrHistogram.Histogram;

/**
 * Renders the document off the FX thread with the engine's tiled renderer, straight into the
 * {@code IntArgbPre} array a {@link PixelBuffer} wraps, and tells JavaFX which rectangle changed.
 *
 * <p><b>Coalescing.</b> Requests merge: while a render runs, later requests pile into one (the
 * newest scene, the union of the dirty rectangles), so a fast drag never queues stale frames.
 * The FX thread only receives "this rectangle of this image is new" and never waits.
 *
 * <p><b>Timing.</b> Every frame's time, from the first request it covers until the FX thread has
 * the update, goes into a histogram (microseconds), for the drag frame-time figure.
 */
public final class CanvasRenderer implements AutoCloseable {
    private record Request(Scene scene, Rect dirty, long requestedAt) {}

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "blendbench-canvas-render");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService helpers;
    private final TileRenderer renderer;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final Consumer<WritableImage> onNewImage;
    private final Consumer<String> onRendered;
    private final Histogram frames = new Histogram(60_000_000L, 3);
    private volatile Surface surface;
    private PixelBuffer<IntBuffer> buffer; // FX thread
    private volatile long lastRenderNanos;

    /**
     * @param onNewImage called on the FX thread when the canvas size changes (a new image to show)
     * @param onRendered called on the FX thread after each frame with a status line
     */
    public CanvasRenderer(Consumer<WritableImage> onNewImage, Consumer<String> onRendered) {
        this.onNewImage = onNewImage;
        this.onRendered = onRendered;
        int threads = Runtime.getRuntime().availableProcessors();
        this.helpers = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
            Thread t = new Thread(r, "blendbench-canvas-tile");
            t.setDaemon(true);
            return t;
        });
        this.renderer = new TileRenderer(helpers, threads, TileRenderer.DEFAULT_TILE_WIDTH, TileRenderer.DEFAULT_TILE_HEIGHT);
    }

    /** Asks for {@code dirty} (null: all) of {@code scene} to be rendered. Any thread. */
    public void request(Scene scene, Rect dirty) {
        // after close nothing is shown any more: e.g. a focused field that commits its edit as the window goes
        if (thread.isShutdown()) return;
        long now = System.nanoTime();
        Request prev = pending.getAndUpdate(p -> p == null ? new Request(scene, dirty, now)
                : new Request(scene, p.dirty() == null || dirty == null ? null : p.dirty().union(dirty), p.requestedAt()));
        if (prev == null) {
            try {
                thread.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
                pending.set(null);
            }
        }
    }

    private void drain() {
        Request r = pending.getAndSet(null);
        if (r == null) return;
        Scene scene = r.scene();
        Surface s = surface;
        boolean resized = s == null || s.width() != scene.width() || s.height() != scene.height();
        if (resized) {
            s = Surface.allocate(scene.width(), scene.height());
            surface = s;
        }
        long t0 = System.nanoTime();
        Rect dirty = resized || r.dirty() == null ? scene.bounds() : r.dirty().intersect(scene.bounds());
        if (!dirty.isEmpty()) renderer.render(scene, s, dirty);
        long t1 = System.nanoTime();
        if (!warmedUp) warmUp(scene); // after the first frame, so it does not compete with it
        lastRenderNanos = t1 - t0;
        Surface shown = s;
        Platform.runLater(() -> {
            if (buffer == null || resized) {
                buffer = new PixelBuffer<>(shown.width(), shown.height(), IntBuffer.wrap(shown.array()),
                        PixelFormat.getIntArgbPreInstance());
                onNewImage.accept(new WritableImage(buffer));
            } else if (!dirty.isEmpty()) {
                buffer.updateBuffer(b -> new Rectangle2D(dirty.x(), dirty.y(), dirty.width(), dirty.height()));
            }
            long frame = System.nanoTime() - r.requestedAt();
            synchronized (frames) {
                frames.recordValue(Math.min(frames.getHighestTrackableValue(), frame / 1000));
            }
            onRendered.accept(String.format(java.util.Locale.ROOT, "%d×%d · %d layer%s · %s in %.1f ms on %d thread%s",
                    scene.width(), scene.height(), scene.layers().size(), scene.layers().size() == 1 ? "" : "s",
                    dirty.equals(scene.bounds()) ? "rendered" : "re-composited " + dirty.width() + "×" + dirty.height(),
                    (t1 - t0) / 1e6, renderer.parallelism(), renderer.parallelism() == 1 ? "" : "s"));
        });
    }

    private boolean warmedUp; // render thread only

    /**
     * Compiles the compositing code paths before the user's first edit, on a low-priority thread
     * with its own target: a few hundred small renders of the scene's centre. Without it the
     * first drags run interpreted (tens of ms a frame) until the JIT catches up.
     */
    private void warmUp(Scene scene) {
        warmedUp = true;
        Thread t = new Thread(() -> {
            int w = Math.min(256, scene.width()), h = Math.min(128, scene.height());
            Rect centre = new Rect((scene.width() - w) / 2, (scene.height() - h) / 2, w, h);
            Surface scratch = Surface.allocate(scene.width(), scene.height());
            TileRenderer single = TileRenderer.singleThreaded();
            for (int i = 0; i < 300 && !Thread.currentThread().isInterrupted(); i++) {
                single.render(scene, scratch, centre);
            }
        }, "blendbench-canvas-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The surface last rendered into (read it only once a render has been shown). */
    public Surface surface() { return surface; }

    /** Frame times so far, in microseconds (a copy). */
    public Histogram frameTimes() {
        synchronized (frames) {
            return frames.copy();
        }
    }

    public void resetFrameTimes() {
        synchronized (frames) {
            frames.reset();
        }
    }

    /** Time of the last render itself, without the hand-over to the FX thread. */
    public long lastRenderNanos() { return lastRenderNanos; }

    @Override
    public void close() {
        thread.shutdownNow();
        helpers.shutdownNow();
    }
}

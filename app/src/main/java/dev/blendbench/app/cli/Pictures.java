package dev.blendbench.app.cli;

import dev.blendbench.engine.document.Documents;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.io.ImageLimits;
import dev.blendbench.engine.io.ImageReadException;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * One input picture of a command that takes a picture, not layers (resize, diff): an image file
 * decoded, or a layered document (.ora, .psd) flattened as compose flattens it, what it holds
 * that a scene cannot named in {@code warning:} lines. Failures are {@link BadInputException}s.
 */
final class Pictures {
    private Pictures() {}

    /**
     * @param pool     the render's helper threads, or null to render on this one
     * @param nThreads how many threads render (the caller's and the pool's)
     */
    static Surface readOrFlatten(Path input, long maxPixels, HeapBudget heap, StageStatus status, ExecutorService pool,
                                 int nThreads, PrintWriter err) {
        if (Documents.isDocument(input)) {
            Scene scene;
            try {
                scene = SceneLoader.load(List.of(LayerSpec.parse(input.toString())), null, null, maxPixels, err, status);
            } finally {
                status.clear();
            }
            heap.require("the " + scene.width() + "x" + scene.height() + " canvas", HeapBudget.pixelBytes(scene.width(), scene.height(), 1));
            Surface flat = Surface.allocate(scene.width(), scene.height());
            status.say("flattening " + input.getFileName());
            try {
                (pool == null ? TileRenderer.singleThreaded()
                        : new TileRenderer(pool, nThreads, TileRenderer.DEFAULT_TILE_WIDTH, TileRenderer.DEFAULT_TILE_HEIGHT))
                        .render(scene, flat);
            } finally {
                status.clear();
            }
            return flat;
        }
        status.say("decoding " + input.getFileName());
        try {
            return ImageFiles.read(input, new ImageLimits(maxPixels));
        } catch (ImageReadException e) {
            throw new BadInputException(e.getMessage(), e);
        } finally {
            status.clear();
        }
    }
}

package dev.blendbench.engine.scene;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.Objects;

/**
 * One layer of a {@link Scene}: a source surface placed at {@code (x, y)} on the canvas, blended
 * with {@code mode} at {@code opacity} (0..1) when {@code visible}.
 *
 * <p>The record is immutable; its source surface is not copied, and must not be written while a
 * render that uses it runs.
 */
public record Layer(String name, Surface source, int x, int y, BlendMode mode, float opacity, boolean visible) {
    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mode, "mode");
        if (!(opacity >= 0f && opacity <= 1f)) {
            throw new IllegalArgumentException("layer opacity must be in [0, 1]: " + opacity);
        }
    }

    /** A visible source-over layer at the origin, fully opaque. */
    public static Layer of(String name, Surface source) {
        return new Layer(name, source, 0, 0, BlendMode.SOURCE_OVER, 1f, true);
    }

    /** Where the layer lies on the canvas. */
    public Rect bounds() {
        return new Rect(x, y, source.width(), source.height());
    }

    public Layer withPosition(int nx, int ny) { return new Layer(name, source, nx, ny, mode, opacity, visible); }

    public Layer withMode(BlendMode m) { return new Layer(name, source, x, y, m, opacity, visible); }

    public Layer withOpacity(float o) { return new Layer(name, source, x, y, mode, o, visible); }

    public Layer withVisible(boolean v) { return new Layer(name, source, x, y, mode, opacity, v); }

    public Layer withName(String n) { return new Layer(n, source, x, y, mode, opacity, visible); }
}

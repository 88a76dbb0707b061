package dev.blendbench.engine.scene;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to render: a canvas of {@code width × height}, filled with {@code background}
 * (premultiplied ARGB), then the layers composited in order, bottom first, in
 * {@code blendSpace} (sRGB-encoded values unless said otherwise).
 */
public record Scene(int width, int height, int background, List<Layer> layers, BlendSpace blendSpace) {
    /** The largest canvas side accepted. */
    public static final int MAX_SIDE = 65_535;

    public Scene {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("canvas size must be within 1.." + MAX_SIDE + ": " + width + "x" + height);
        }
        if ((long) width * height > Surface.MAX_PIXELS) {
            throw new IllegalArgumentException("canvas too large: " + width + "x" + height);
        }
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        Objects.requireNonNull(blendSpace, "blendSpace");
    }

    /** A scene blended in sRGB-encoded values. */
    public Scene(int width, int height, int background, List<Layer> layers) {
        this(width, height, background, layers, BlendSpace.SRGB);
    }

    public Rect bounds() { return new Rect(0, 0, width, height); }

    public Scene withLayers(List<Layer> ls) { return new Scene(width, height, background, ls, blendSpace); }

    public Scene withBlendSpace(BlendSpace s) { return new Scene(width, height, background, layers, s); }

    public Scene withLayer(int index, Layer layer) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return withLayers(copy);
    }

    public Scene withBackground(int argbPre) { return new Scene(width, height, argbPre, layers, blendSpace); }
}

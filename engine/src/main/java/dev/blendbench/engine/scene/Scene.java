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
 *
 * <p>A <b>clipping</b> scene (a group layer's, as Photoshop's clipping masks make one): every
 * layer above the first — the base — is clipped to the base. Each blends onto what is below it
 * with its mode and opacity, as in any scene, but only within the base's pixels: the result keeps
 * the backdrop's alpha. With {@code x} what the layer composited with source-over makes of
 * backdrop {@code b}, the pixel becomes {@code αb·x + (1 − αx)·b} with alpha {@code αb}: for a
 * blend mode, exactly W3C source-atop with blending ({@code αs·αb·Cs' + (1 − αs)·cb}), the
 * group then blended as a whole with the group layer's mode and opacity (Photoshop's "blend
 * clipped layers as group", its default).
 */
public record Scene(int width, int height, int background, List<Layer> layers, BlendSpace blendSpace, boolean clipping) {
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

    /** A scene whose layers are not clipped. */
    public Scene(int width, int height, int background, List<Layer> layers, BlendSpace blendSpace) {
        this(width, height, background, layers, blendSpace, false);
    }

    /** A scene blended in sRGB-encoded values. */
    public Scene(int width, int height, int background, List<Layer> layers) {
        this(width, height, background, layers, BlendSpace.SRGB);
    }

    public Rect bounds() { return new Rect(0, 0, width, height); }

    public Scene withLayers(List<Layer> ls) { return new Scene(width, height, background, ls, blendSpace, clipping); }

    public Scene withBlendSpace(BlendSpace s) { return new Scene(width, height, background, layers, s, clipping); }

    /** This scene with its layers above the first clipped to it (true), or not. */
    public Scene withClipping(boolean c) { return new Scene(width, height, background, layers, blendSpace, c); }

    /**
     * How many layers, bottom first, can give the scene's pixels alpha: all of them, or in a
     * clipping scene the base alone (its clipped layers keep its alpha). Only these can make a
     * pixel opaque, or other than transparent over a transparent background.
     */
    public int coveringLayers() { return clipping ? Math.min(1, layers.size()) : layers.size(); }

    /** True if layer {@code i} is clipped to the base (a clipping scene's layers above the first). */
    public boolean clipped(int i) { return clipping && i > 0; }

    public Scene withLayer(int index, Layer layer) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return withLayers(copy);
    }

    public Scene withBackground(int argbPre) { return new Scene(width, height, argbPre, layers, blendSpace, clipping); }
}

package dev.blendbench.engine.render;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;

/** Makes isolated group layers (see {@link Layer}): a group's layers and the pixels they composite to, together. */
public final class Groups {
    private Groups() {}

    /**
     * A group layer of {@code group} (its canvas: the layer's extent; its layers in that canvas's
     * coordinates), placed at {@code (x, y)}, blended with {@code mode} at {@code opacity}.
     * Composites the group once, on the calling thread, for the layer's pixels: allocates
     * {@code group.width() × group.height()} pixels.
     */
    public static Layer of(String name, Scene group, int x, int y, BlendMode mode, float opacity, boolean visible) {
        Surface pixels = Surface.allocate(group.width(), group.height());
        TileRenderer.singleThreaded().render(group, pixels);
        return new Layer(name, pixels, x, y, mode, opacity, visible, null, group);
    }

    /**
     * {@code l} with its group's layers replaced by {@code layers} — which must composite to the
     * same pixels (the same layers with their sources decoded again, say): its pixels are kept.
     */
    public static Layer withLayers(Layer l, java.util.List<Layer> layers) {
        if (!l.isGroup()) throw new IllegalArgumentException("'" + l.name() + "' is not a group");
        return new Layer(l.name(), l.source(), l.x(), l.y(), l.mode(), l.opacity(), l.visible(), null, l.group().withLayers(layers));
    }
}

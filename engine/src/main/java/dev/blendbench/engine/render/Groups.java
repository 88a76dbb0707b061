package dev.blendbench.engine.render;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.List;

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
     * A pass-through group layer of {@code group} (see {@link Scene}; the group's scene is made a
     * pass-through one), placed at {@code (x, y)}: its layers render in its place, each blending
     * with what is below it. Composites the group once on its own, over transparency, for the
     * layer's pixels (thumbnails, hit tests): allocates {@code group.width() × group.height()} pixels.
     */
    public static Layer passThrough(String name, Scene group, int x, int y, boolean visible) {
        return of(name, group.withPassThrough(true), x, y, BlendMode.SOURCE_OVER, 1f, visible);
    }

    /**
     * A clipping group (see {@link Scene#clipping()}) of {@code base} and the layers {@code clipped}
     * to it (bottom first; all placed on the same canvas), as Photoshop composites its clipping
     * masks: the base plain in it, the group taking the base's name, mode, opacity and visibility.
     * Its canvas is {@code area} of that canvas (the base's part of it, say: nothing shows outside
     * the base), in {@code space}.
     */
    public static Layer clipping(Layer base, List<Layer> clipped, Rect area, BlendSpace space) {
        List<Layer> inside = new java.util.ArrayList<>(clipped.size() + 1);
        inside.add(base.withMode(BlendMode.NORMAL).withOpacity(1f).withVisible(true).withPosition(base.x() - area.x(), base.y() - area.y()));
        for (Layer l : clipped) inside.add(l.withPosition(l.x() - area.x(), l.y() - area.y()));
        return of(base.name(), new Scene(area.width(), area.height(), 0, inside, space, true), area.x(), area.y(),
                base.mode(), base.opacity(), base.visible());
    }

    /**
     * {@code l} with its group's layers replaced by {@code layers} — which must composite to the
     * same pixels (the same layers with their sources decoded again, say): its pixels, and a
     * pass-through group's mask, are kept.
     */
    public static Layer withLayers(Layer l, List<Layer> layers) {
        if (!l.isGroup()) throw new IllegalArgumentException("'" + l.name() + "' is not a group");
        return new Layer(l.name(), l.source(), l.x(), l.y(), l.mode(), l.opacity(), l.visible(), null, l.group().withLayers(layers), l.mask());
    }
}

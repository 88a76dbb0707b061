package dev.blendbench.engine.document;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import java.util.List;

/**
 * A stack of layers composited on its own (an isolated group: OpenRaster's isolated stacks,
 * Photoshop's groups that are not pass-through) into one layer. Its pixels cover only what its
 * visible layers can colour on the canvas, not the whole canvas: a document of many small groups
 * stays the size of their content.
 */
final class Isolated {
    private Isolated() {}

    /**
     * The children's bounds on a {@code w} × {@code h} canvas: the union of the visible ones',
     * clipped to the canvas (empty where none shows).
     */
    static Rect extent(List<Layer> children, int w, int h) {
        Rect canvas = new Rect(0, 0, w, h), r = Rect.EMPTY;
        for (Layer l : children) {
            if (l.visible()) r = r.union(l.bounds().intersect(canvas));
        }
        return r;
    }

    /**
     * {@code children} as a group layer over {@code area} of the canvas (see {@link Layer}): the
     * renderer composites them each render, so a stress run measures the group as it is. Its
     * pixels are taken from {@code budget} (named {@code name}) first.
     */
    static Layer layer(String name, List<Layer> children, Rect area, BlendSpace space, PixelBudget budget,
                       BlendMode mode, float opacity, boolean visible) throws DocumentException {
        return layer(name, children, area, space, budget, mode, opacity, visible, false);
    }

    /**
     * As {@link #layer(String, List, Rect, BlendSpace, PixelBudget, BlendMode, float, boolean)}, a
     * clipping group if {@code clipping} (OpenRaster's stacks marked so).
     */
    static Layer layer(String name, List<Layer> children, Rect area, BlendSpace space, PixelBudget budget,
                       BlendMode mode, float opacity, boolean visible, boolean clipping) throws DocumentException {
        budget.take(name, area.width(), area.height());
        return Groups.of(name, scene(children, area, space).withClipping(clipping), area.x(), area.y(), mode, opacity, visible);
    }

    /**
     * {@code children} as a pass-through group layer over {@code area} of the canvas (see
     * {@link Scene}): they render in its place, as they would without it; its pixels (their own
     * composite, for thumbnails) are taken from {@code budget} first.
     */
    static Layer passThrough(String name, List<Layer> children, Rect area, BlendSpace space, PixelBudget budget,
                             boolean visible) throws DocumentException {
        budget.take(name, area.width(), area.height());
        return Groups.passThrough(name, scene(children, area, space), area.x(), area.y(), visible);
    }

    /** The children moved onto {@code area}'s own canvas, over transparency. */
    private static Scene scene(List<Layer> children, Rect area, BlendSpace space) {
        List<Layer> moved = children.stream().map(l -> l.withPosition(l.x() - area.x(), l.y() - area.y())).toList();
        return new Scene(area.width(), area.height(), 0, moved, space);
    }
}

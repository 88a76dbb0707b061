package dev.blendbench.app.gui;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Placement;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One layer as the workbench edits it: the engine's {@link Layer} plus what only the editor
 * knows (a stable id, the lock, position, scale and rotation as typed). Immutable; every
 * {@code with...} returns a new item. The engine layer is built once per item, and a whole-pixel
 * move keeps the old resampling weights (only the integer offset changes).
 */
public final class LayerItem {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id;
    private final String name;
    private final Surface source;
    private final double x, y, scale, rotation;
    private final Filter filter;
    private final BlendMode mode;
    private final float opacity;
    private final boolean visible, locked;
    /** The group the layer is (null: none), composited by the engine each render while untransformed. */
    private final Scene group;
    private final Layer layer;

    private LayerItem(long id, String name, Surface source, Scene group, double x, double y, double scale, double rotation,
                      Filter filter, BlendMode mode, float opacity, boolean visible, boolean locked, LayerItem previous) {
        this.id = id;
        this.name = Objects.requireNonNull(name);
        this.source = Objects.requireNonNull(source);
        this.x = x;
        this.y = y;
        this.scale = scale;
        this.rotation = rotation;
        this.filter = Objects.requireNonNull(filter);
        this.mode = Objects.requireNonNull(mode);
        this.opacity = opacity;
        this.visible = visible;
        this.locked = locked;
        this.group = group;
        int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
        double fx = x - ix, fy = y - iy;
        if (scale == 1 && rotation % 360 == 0 && fx == 0 && fy == 0) {
            layer = new Layer(name, source, ix, iy, mode, opacity, visible, null, group);
        } else {
            Placement p;
            if (previous != null && previous.layer.placement() != null && previous.source == source && previous.scale == scale
                    && previous.rotation == rotation && previous.filter == filter
                    && previous.x - Math.floor(previous.x) == fx && previous.y - Math.floor(previous.y) == fy) {
                p = previous.layer.placement();
            } else {
                p = Placement.of(Transform.place(source.width(), source.height(), fx, fy, scale, rotation), filter,
                        source.width(), source.height());
            }
            layer = new Layer(name, source, ix, iy, mode, opacity, visible, p); // a transformed group is its pixels
        }
    }

    /** A new, visible, unlocked source-over layer at {@code (x, y)}. */
    public static LayerItem of(String name, Surface source, double x, double y) {
        return new LayerItem(IDS.incrementAndGet(), name, source, null, x, y, 1, 0, Filter.BILINEAR, BlendMode.SOURCE_OVER, 1f,
                true, false, null);
    }

    /** The editor's view of an engine layer (an untransformed one keeps its exact pixels, a group its layers). */
    public static LayerItem fromLayer(Layer l) {
        return new LayerItem(IDS.incrementAndGet(), l.name(), l.source(), l.group(), l.x(), l.y(), 1, 0, Filter.BILINEAR, l.mode(),
                l.opacity(), l.visible(), false, null);
    }

    public long id() { return id; }

    public String name() { return name; }

    public Surface source() { return source; }

    /** True when the layer is a group of layers (see {@link Layer}). */
    public boolean isGroup() { return group != null; }

    /** The group's layers composited; zero for a layer that is not a group. */
    public int groupSize() { return group == null ? 0 : group.layers().size(); }

    public double x() { return x; }

    public double y() { return y; }

    public double scale() { return scale; }

    public double rotation() { return rotation; }

    public Filter filter() { return filter; }

    public BlendMode mode() { return mode; }

    public float opacity() { return opacity; }

    public boolean visible() { return visible; }

    public boolean locked() { return locked; }

    /** The engine layer this item renders as. */
    public Layer layer() { return layer; }

    public LayerItem withName(String n) { return copy(n, x, y, scale, rotation, filter, mode, opacity, visible, locked, id); }

    public LayerItem withPosition(double nx, double ny) { return copy(name, nx, ny, scale, rotation, filter, mode, opacity, visible, locked, id); }

    /** @throws IllegalArgumentException for a non-positive or non-finite scale, or bounds beyond the engine's limit */
    public LayerItem withTransform(double s, double r, Filter f) { return copy(name, x, y, s, r, f, mode, opacity, visible, locked, id); }

    public LayerItem withMode(BlendMode m) { return copy(name, x, y, scale, rotation, filter, m, opacity, visible, locked, id); }

    public LayerItem withOpacity(float o) { return copy(name, x, y, scale, rotation, filter, mode, o, visible, locked, id); }

    public LayerItem withVisible(boolean v) { return copy(name, x, y, scale, rotation, filter, mode, opacity, v, locked, id); }

    public LayerItem withLocked(boolean l) { return copy(name, x, y, scale, rotation, filter, mode, opacity, visible, l, id); }

    /** A copy with a new id (for Duplicate). */
    public LayerItem duplicate() {
        return copy(name + " copy", x, y, scale, rotation, filter, mode, opacity, visible, false, IDS.incrementAndGet());
    }

    private LayerItem copy(String n, double nx, double ny, double s, double r, Filter f, BlendMode m, float o, boolean v, boolean l, long newId) {
        return new LayerItem(newId, n, source, group, nx, ny, s, r, f, m, o, v, l, this);
    }

    @Override
    public String toString() { return name; }
}

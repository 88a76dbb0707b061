package dev.blendbench.app.gui;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Placement;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
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
    /** The layer's pixel mask (null: none). */
    private final LayerMask mask;
    /** The group's layers as the editor edits them, bottom first, placed in the group's own canvas (empty: not a group). */
    private final List<LayerItem> children;
    private final Layer layer;

    private LayerItem(long id, String name, Surface source, Scene group, List<LayerItem> children, double x, double y,
                      double scale, double rotation, Filter filter, BlendMode mode, float opacity, boolean visible, boolean locked,
                      LayerMask mask, LayerItem previous) {
        this(id, name, source, group, children, x, y, scale, rotation, filter, mode, opacity, visible, locked, mask, previous, null);
    }

    /**
     * @param previous the item this one is an edit of (null: none): its placement is reused where
     *                 the shape is the same, so the resampling weights are not built again
     * @param exact    the engine layer this item stands for as it is, for an item read from a
     *                 document (its parameters then describe it, within rounding); null: built from them
     */
    private LayerItem(long id, String name, Surface source, Scene group, List<LayerItem> children, double x, double y,
                      double scale, double rotation, Filter filter, BlendMode mode, float opacity, boolean visible, boolean locked,
                      LayerMask mask, LayerItem previous, Layer exact) {
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
        this.mask = mask;
        this.children = List.copyOf(children);
        int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
        double fx = x - ix, fy = y - iy;
        boolean sameShape = previous != null && previous.layer.placement() != null && previous.source == source
                && previous.scale == scale && previous.rotation == rotation && previous.filter == filter;
        if (exact != null) {
            layer = exact;
        } else if (scale == 1 && rotation % 360 == 0 && fx == 0 && fy == 0) {
            layer = new Layer(name, source, ix, iy, mode, opacity, visible, null, group, mask);
        } else if (sameShape && previous.x == x && previous.y == y) { // not moved: the very same placement and offset
            layer = new Layer(name, source, previous.layer.x(), previous.layer.y(), mode, opacity, visible, previous.layer.placement(),
                    null, mask);
        } else {
            Placement p;
            // moved by whole pixels: the same placement, if it was made for the fractional part (an item read from a document may not be)
            if (sameShape && previous.layer.x() == (int) Math.floor(previous.x) && previous.layer.y() == (int) Math.floor(previous.y)
                    && previous.x - Math.floor(previous.x) == fx && previous.y - Math.floor(previous.y) == fy) {
                p = previous.layer.placement();
            } else {
                p = Placement.of(Transform.place(source.width(), source.height(), fx, fy, scale, rotation), filter,
                        source.width(), source.height());
            }
            layer = new Layer(name, source, ix, iy, mode, opacity, visible, p, null, mask); // a transformed group is its pixels
        }
    }

    /** A new, visible, unlocked source-over layer at {@code (x, y)}. */
    public static LayerItem of(String name, Surface source, double x, double y) {
        return new LayerItem(IDS.incrementAndGet(), name, source, null, List.of(), x, y, 1, 0, Filter.BILINEAR,
                BlendMode.SOURCE_OVER, 1f, true, false, null, null);
    }

    /**
     * The editor's view of an engine layer (an untransformed one keeps its exact pixels, a group its
     * layers, each of them an item too; the group renders exactly as it did until they are edited).
     */
    public static LayerItem fromLayer(Layer l) {
        if (l.isTransformed()) {
            double[] p = placed(l);
            // a map the properties cannot describe (a shear, unequal scales, a mirror): its pixels, resampled once
            if (p == null) return fromLayer(l.baked(l.bounds()));
            return new LayerItem(IDS.incrementAndGet(), l.name(), l.source(), null, List.of(), p[0], p[1], p[2], p[3],
                    l.placement().filter(), l.mode(), l.opacity(), l.visible(), false, l.mask(), null, l);
        }
        List<LayerItem> kids = l.isGroup() ? l.group().layers().stream().map(LayerItem::fromLayer).toList() : List.of();
        return new LayerItem(IDS.incrementAndGet(), l.name(), l.source(), l.group(), kids, l.x(), l.y(), 1, 0, Filter.BILINEAR,
                l.mode(), l.opacity(), l.visible(), false, l.mask(), null);
    }

    /**
     * The position, scale and rotation ({x, y, scale, degrees}, as the properties show them and
     * {@link Transform#place} takes them) of a transformed layer whose map is a uniform scale and a
     * turn, or null for another map; the figures rounded to 9 decimals (what a document holds is
     * what it was made from, within the last bits).
     */
    static double[] placed(Layer l) {
        double[] p = l.placement().transform().asPlaced(l.source().width(), l.source().height());
        return p == null ? null : new double[] {round9(l.x() + p[0]), round9(l.y() + p[1]), round9(p[2]), round9(p[3])};
    }

    /** {@code v} to 9 decimals (and never −0.0). */
    static double round9(double v) {
        double r = Math.round(v * 1e9) / 1e9;
        return r == 0 ? 0 : r; // not -0.0
    }

    /**
     * A new group of {@code members} (bottom first, placed on the canvas the group is placed on),
     * source-over at 100 %: its canvas is the part of {@code clip} (that canvas, in the members'
     * coordinates) their visible pixels can cover, so it renders as they did over a transparent
     * backdrop.
     *
     * @throws IllegalArgumentException when {@code members} is empty
     */
    public static LayerItem group(String name, List<LayerItem> members, Rect clip, BlendSpace space) {
        return group(name, members, clip, space, false);
    }

    /**
     * As {@link #group(String, List, Rect, BlendSpace)}; a clipping group if {@code clipping}: its
     * layers above the first clipped to the first (see {@link Scene#clipping()}).
     */
    public static LayerItem group(String name, List<LayerItem> members, Rect clip, BlendSpace space, boolean clipping) {
        if (members.isEmpty()) throw new IllegalArgumentException("a group needs at least one layer");
        Scene template = new Scene(1, 1, 0, List.of(), space, clipping);
        LayerItem empty = new LayerItem(IDS.incrementAndGet(), name, Surface.allocate(1, 1), template, List.of(), 0, 0, 1, 0,
                Filter.BILINEAR, BlendMode.SOURCE_OVER, 1f, true, false, null, null);
        return empty.withChildren(members, clip);
    }

    public long id() { return id; }

    public String name() { return name; }

    public Surface source() { return source; }

    /** True when the layer is a group of layers (see {@link Layer}). */
    public boolean isGroup() { return group != null; }

    /** True when the layer is a clipping group: its layers above the first are clipped to the first. */
    public boolean isClipping() { return group != null && group.clipping(); }

    /**
     * True when the layer is a pass-through group: structure only, its layers blending with what
     * is below it as if it were not there (see {@link Scene}).
     */
    public boolean isPassThrough() { return group != null && group.passThrough(); }

    /**
     * This group as a pass-through one (at source-over: it has no mode of its own; its opacity
     * fades what its layers do), or as an isolated one, composited on its own (source-over until
     * a mode is set); its opacity is kept either way. The pixels it keeps for thumbnails are its
     * layers' own composite either way.
     *
     * @throws IllegalArgumentException for a layer that is not a group, or a clipping group
     */
    public LayerItem withPassThrough(boolean p) {
        if (group == null) throw new IllegalArgumentException("'" + name + "' is not a group");
        if (p && group.clipping()) throw new IllegalArgumentException("a clipping group cannot pass its layers through: release it first");
        return new LayerItem(id, name, source, group.withPassThrough(p), children, x, y, scale, rotation, filter,
                BlendMode.SOURCE_OVER, opacity, visible, locked, mask, this);
    }

    /** The group's layers composited; zero for a layer that is not a group. */
    public int groupSize() { return children.size(); }

    /** The group's layers, bottom first, placed on the group's own canvas (empty for a layer that is not a group). */
    public List<LayerItem> children() { return children; }

    /**
     * This group with {@code kids} for its layers (positions on the group's own canvas), its pixels
     * composited again (on the calling thread: the group's size in pixels, once per layer).
     * An untransformed group's canvas then becomes the part of {@code clip} (the document's canvas,
     * in the group's coordinates) that its visible layers cover, so a layer moved beyond the old
     * canvas is not cut off; the group and its layers move so that each stays where it was on
     * the document's canvas. A scaled, rotated or fractionally placed group keeps its canvas.
     *
     * @throws IllegalArgumentException for a layer that is not a group, or no layers
     */
    public LayerItem withChildren(List<LayerItem> kids, Rect clip) {
        if (group == null) throw new IllegalArgumentException("'" + name + "' is not a group");
        if (kids.isEmpty()) throw new IllegalArgumentException("a group needs at least one layer: delete the group instead");
        Rect area = new Rect(0, 0, source.width(), source.height());
        if (!layer.isTransformed()) {
            Rect cover = Rect.EMPTY;
            for (LayerItem k : kids) {
                if (k.visible()) cover = cover.union(k.layer().bounds().intersect(clip));
            }
            area = cover.isEmpty() ? new Rect(0, 0, 1, 1) : cover; // nothing shows: any canvas renders nothing
        }
        int dx = area.x(), dy = area.y();
        List<LayerItem> moved = dx == 0 && dy == 0 ? List.copyOf(kids)
                : kids.stream().map(k -> k.withPosition(k.x() - dx, k.y() - dy)).toList();
        List<Layer> layers = moved.stream().map(LayerItem::layer).toList();
        Scene scene = new Scene(area.width(), area.height(), group.background(), layers, group.blendSpace(), group.clipping(),
                group.passThrough());
        // a group's mask stays where it was on the document's canvas as the group's canvas moves
        LayerMask m = mask == null ? null : mask.moved(-dx, -dy);
        return new LayerItem(id, name, composited(scene, moved), scene, moved, x + dx, y + dy, scale, rotation, filter, mode, opacity,
                visible, locked, m, null);
    }

    /**
     * The group's pixels for {@code scene}, of layers {@code kids} (this group's, edited): where
     * the canvas is the same and the edit changed less than half of it ({@link
     * LayerChanges#between}), the old pixels with that part composited again; else all anew.
     */
    private Surface composited(Scene scene, List<LayerItem> kids) {
        Rect dirty = scene.width() == source.width() && scene.height() == source.height()
                ? LayerChanges.between(children, kids) : null;
        if (dirty != null) dirty = dirty.intersect(new Rect(0, 0, scene.width(), scene.height()));
        Surface pixels;
        if (dirty != null && 2L * dirty.width() * dirty.height() < (long) scene.width() * scene.height()) {
            pixels = source.copy();
            if (!dirty.isEmpty()) dev.blendbench.engine.render.TileRenderer.singleThreaded().render(scene, pixels, dirty);
        } else {
            pixels = Groups.of(name, scene, 0, 0, mode, opacity, visible).source();
        }
        return pixels;
    }

    /**
     * This layer with each untransformed group in it (itself included) whose visible layers reach
     * past its canvas within {@code clip} (the document's canvas in this layer's own coordinates,
     * as {@link #withChildren} takes it) composited again over {@code clip}: a group's canvas is
     * cut to the document's, so moving the group (or growing the canvas) can bring in what was
     * cut. This very item where nothing was cut.
     */
    public LayerItem uncut(Rect clip) {
        if (group == null || layer.isTransformed()) return this;
        List<LayerItem> kids = new java.util.ArrayList<>(children.size());
        boolean changed = false;
        Rect own = new Rect(0, 0, source.width(), source.height());
        for (LayerItem k : children) {
            LayerItem u = k.uncut(clip.translate(-k.layer().x(), -k.layer().y()));
            changed |= u != k;
            changed |= u.visible() && !own.contains(u.layer().bounds().intersect(clip));
            kids.add(u);
        }
        return changed ? withChildren(kids, clip) : this;
    }

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

    /** The layer's pixel mask, or null. */
    public LayerMask mask() { return mask; }

    /** This layer with pixel mask {@code m} (null: none). */
    public LayerItem withMask(LayerMask m) {
        return new LayerItem(id, name, source, group, children, x, y, scale, rotation, filter, mode, opacity, visible, locked, m, this);
    }

    /**
     * This layer with its mask applied to its pixels (Photoshop's Apply Layer Mask): the same
     * picture, the mask gone; an untransformed layer's pixels are masked where they lie.
     *
     * @throws IllegalArgumentException for a layer without a mask that is on, or a transformed one
     */
    public LayerItem withMaskApplied() {
        if (mask == null || !mask.enabled()) throw new IllegalArgumentException("'" + name + "' has no mask that is on to apply");
        if (group != null) throw new IllegalArgumentException("'" + name + "' is a group: its mask acts on what its layers make, and it has no pixels of its own to apply it to");
        if (layer.isTransformed()) throw new IllegalArgumentException("cannot apply the mask of '" + name + "' while it is scaled, rotated or placed between pixels");
        return new LayerItem(id, name, mask.drawn(source), group, children, x, y, scale, rotation, filter, mode, opacity, visible, locked, null, null);
    }

    public LayerItem withLocked(boolean l) { return copy(name, x, y, scale, rotation, filter, mode, opacity, visible, l, id); }

    /** A copy with a new id, and new ids for a group's layers (for Duplicate). */
    public LayerItem duplicate() {
        return copy(name + " copy", x, y, scale, rotation, filter, mode, opacity, visible, false, IDS.incrementAndGet(),
                children.stream().map(LayerItem::renewed).toList());
    }

    /** The same layer under new ids throughout. */
    private LayerItem renewed() {
        return copy(name, x, y, scale, rotation, filter, mode, opacity, visible, locked, IDS.incrementAndGet(),
                children.stream().map(LayerItem::renewed).toList());
    }

    private LayerItem copy(String n, double nx, double ny, double s, double r, Filter f, BlendMode m, float o, boolean v, boolean l, long newId) {
        return copy(n, nx, ny, s, r, f, m, o, v, l, newId, children);
    }

    /**
     * A pass-through group given a blend mode of its own becomes an isolated one, as Photoshop's
     * does; an opacity fades what its layers do, and it stays pass-through.
     */
    private LayerItem copy(String n, double nx, double ny, double s, double r, Filter f, BlendMode m, float o, boolean v, boolean l, long newId,
                           List<LayerItem> kids) {
        boolean own = !(m == BlendMode.SOURCE_OVER || m == BlendMode.NORMAL);
        Scene g = isPassThrough() && own ? group.withPassThrough(false) : group;
        return new LayerItem(newId, n, source, g, kids, nx, ny, s, r, f, m, o, v, l, mask, this);
    }

    @Override
    public String toString() { return name; }
}

package dev.blendbench.engine.scene;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Placement;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.Objects;

/**
 * One layer of a {@link Scene}: a source surface placed at {@code (x, y)} on the canvas, blended
 * with {@code mode} at {@code opacity} (0..1) when {@code visible}.
 *
 * <p>A layer may also carry a {@link Placement} (null: none): an affine transform and a
 * resampling filter applied to the source before it is blended, then offset by {@code (x, y)}.
 * Fractional positions, scaling and rotation live there; {@code x, y} stay whole pixels, so moving
 * a layer never recomputes its weights.
 *
 * <p>A layer may instead be an <b>isolated group</b> ({@code group} non-null, then no placement):
 * a scene of its own, its canvas the size of the source and its layers placed in the source's
 * pixel coordinates, composited over its background (transparent, for the groups documents hold)
 * on its own and then blended onto what is below as one layer. The renderer composites the group's
 * layers again each render, so a render costs what the group costs; {@code source} is that
 * composite made once (by {@code dev.blendbench.engine.render.Groups#of}) for everything that reads the
 * layer's pixels rather than rendering it: thumbnails, exports, hit tests. They must agree: a
 * group layer's source holds exactly what its group renders to.
 *
 * <p>A group may be a <b>pass-through</b> one ({@link #isPassThrough()}: see {@link Scene}), whose
 * layers render in its place; its mode is source-over (or normal), and its opacity fades what its
 * layers did to the backdrop. Its source is still its layers composited on their own over
 * transparency, for thumbnails and hit tests.
 *
 * <p>A layer may have a pixel {@link LayerMask} (null: none), which scales its pixels on the
 * canvas, after any resampling, when it is enabled; an isolated group's pixels are its layers'
 * composite. A pass-through group's mask, with its opacity, fades what its layers do, pixel by
 * pixel (see {@link Scene}).
 *
 * <p>The record is immutable; its source surface is not copied, and must not be written while a
 * render that uses it runs.
 */
public record Layer(String name, Surface source, int x, int y, BlendMode mode, float opacity, boolean visible,
                    Placement placement, Scene group, LayerMask mask) {
    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mode, "mode");
        if (!(opacity >= 0f && opacity <= 1f)) {
            throw new IllegalArgumentException("layer opacity must be in [0, 1]: " + opacity);
        }
        if (placement != null && (placement.sourceWidth() != source.width() || placement.sourceHeight() != source.height())) {
            throw new IllegalArgumentException("placement made for " + placement.sourceWidth() + "x" + placement.sourceHeight()
                    + " but the source is " + source.width() + "x" + source.height());
        }
        if (placement != null && placement.transform().isIntegerTranslation()) {
            x += (int) placement.transform().m02();
            y += (int) placement.transform().m12();
            placement = null; // nothing to resample: a plain offset
        }
        if (group != null && placement != null) {
            throw new IllegalArgumentException("a group layer cannot be transformed; transform its pixels instead");
        }
        if (group != null && (group.width() != source.width() || group.height() != source.height())) {
            throw new IllegalArgumentException("group canvas " + group.width() + "x" + group.height()
                    + " does not match its " + source.width() + "x" + source.height() + " pixels");
        }
        if (group != null && group.passThrough() && !(mode == BlendMode.SOURCE_OVER || mode == BlendMode.NORMAL)) {
            throw new IllegalArgumentException("pass-through group '" + name + "' has no blend mode of its own");
        }
    }

    /** A layer without a pixel mask. */
    public Layer(String name, Surface source, int x, int y, BlendMode mode, float opacity, boolean visible,
                 Placement placement, Scene group) {
        this(name, source, x, y, mode, opacity, visible, placement, group, null);
    }

    /** A layer that is not a group. */
    public Layer(String name, Surface source, int x, int y, BlendMode mode, float opacity, boolean visible,
                 Placement placement) {
        this(name, source, x, y, mode, opacity, visible, placement, null);
    }

    /** An untransformed layer. */
    public Layer(String name, Surface source, int x, int y, BlendMode mode, float opacity, boolean visible) {
        this(name, source, x, y, mode, opacity, visible, null, null);
    }

    /** A visible source-over layer at the origin, fully opaque. */
    public static Layer of(String name, Surface source) {
        return new Layer(name, source, 0, 0, BlendMode.SOURCE_OVER, 1f, true);
    }

    /** Every canvas pixel the layer can colour (for a transformed layer, including its filter's reach). */
    public Rect bounds() {
        return placement == null ? new Rect(x, y, source.width(), source.height()) : placement.bounds().translate(x, y);
    }

    /** True when the layer is resampled (has a placement). */
    public boolean isTransformed() { return placement != null; }

    /** True when the layer is an isolated group of layers (see the class comment). */
    public boolean isGroup() { return group != null; }

    /** True when the layer is a pass-through group: structure only, its layers rendering in its place (see {@link Scene}). */
    public boolean isPassThrough() { return group != null && group.passThrough(); }

    /** True when the layer has a pixel mask that is on: it is drawn through it. */
    public boolean isMasked() { return mask != null && mask.enabled(); }

    public Layer withPosition(int nx, int ny) { return new Layer(name, source, nx, ny, mode, opacity, visible, placement, group, mask); }

    public Layer withMode(BlendMode m) { return new Layer(name, source, x, y, m, opacity, visible, placement, group, mask); }

    public Layer withOpacity(float o) { return new Layer(name, source, x, y, mode, o, visible, placement, group, mask); }

    public Layer withVisible(boolean v) { return new Layer(name, source, x, y, mode, opacity, v, placement, group, mask); }

    public Layer withName(String n) { return new Layer(n, source, x, y, mode, opacity, visible, placement, group, mask); }

    /** This layer with pixel mask {@code m} (null: none). */
    public Layer withMask(LayerMask m) { return new Layer(name, source, x, y, mode, opacity, visible, placement, group, m); }

    /**
     * This transformed layer as the pixels it puts on {@code within} (a canvas rectangle), resampled
     * once and through its mask if that is on: an untransformed, unmasked layer at the part of
     * {@code within} it can colour (1×1 and transparent where that is nothing) that renders as this
     * one does there. A layer that is not transformed is returned as it is.
     */
    public Layer baked(Rect within) {
        if (placement == null) return this;
        Rect in = bounds().intersect(within);
        if (in.isEmpty()) return new Layer(name, Surface.allocate(1, 1), 0, 0, mode, opacity, visible);
        Surface px = Surface.allocate(in.width(), in.height());
        placement.sample(source, in.translate(-x, -y), px.array(), 0, in.width());
        if (isMasked()) mask.apply(px.array(), 0, in.width(), in.x(), in.y(), in.right(), in.bottom(), x, y);
        return new Layer(name, px, in.x(), in.y(), mode, opacity, visible);
    }

    /**
     * The same layer resampled through {@code t} (source → canvas, before the {@code (x, y)} offset)
     * with {@code f}. A group becomes its pixels, transformed: the result is not a group.
     */
    public Layer withTransform(Transform t, Filter f) {
        return new Layer(name, source, x, y, mode, opacity, visible, Placement.of(t, f, source.width(), source.height()), null, mask);
    }
}

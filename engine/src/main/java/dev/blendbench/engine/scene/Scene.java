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
 *
 * <p>A <b>pass-through</b> scene (a group layer's, as Photoshop's pass-through groups and
 * OpenRaster's non-isolated stacks are): structure only. Its layers render exactly as if they
 * stood in the group layer's place among its siblings, each blending with what is below the
 * group, moved by the group layer's position and hidden when it is hidden, and not cut to the
 * group's canvas: {@link #inlined()} is what renders. Such a group has no background or blend mode
 * of its own (the group layer is source-over), and cannot be a clipping one. Its group layer's
 * opacity {@code o} fades what its layers do, as Photoshop's does: each pixel becomes
 * {@code (1 − o)·b + o·p} (premultiplied, per channel), with {@code b} the backdrop below the group
 * and {@code p} what its layers make of it; at full opacity that is {@code p}, the layers in its
 * place. A pixel mask on the group layer fades them pixel by pixel alike, {@code o} times the
 * mask's value there. In a clipping scene, as its base or clipped, it is composited as an isolated group
 * (source-over at its opacity): there it is one layer's pixels.
 */
public record Scene(int width, int height, int background, List<Layer> layers, BlendSpace blendSpace, boolean clipping,
                    boolean passThrough) {
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
        if (passThrough && (clipping || background != 0)) {
            throw new IllegalArgumentException("a pass-through group has no background and cannot be a clipping one");
        }
    }

    /** A scene that is not a pass-through group's. */
    public Scene(int width, int height, int background, List<Layer> layers, BlendSpace blendSpace, boolean clipping) {
        this(width, height, background, layers, blendSpace, clipping, false);
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

    public Scene withLayers(List<Layer> ls) { return new Scene(width, height, background, ls, blendSpace, clipping, passThrough); }

    public Scene withBlendSpace(BlendSpace s) { return new Scene(width, height, background, layers, s, clipping, passThrough); }

    /** This scene with its layers above the first clipped to it (true), or not. */
    public Scene withClipping(boolean c) { return new Scene(width, height, background, layers, blendSpace, c, passThrough); }

    /** This scene as a pass-through group's (true), or an isolated one's. */
    public Scene withPassThrough(boolean p) { return new Scene(width, height, background, layers, blendSpace, clipping, p); }

    /**
     * What renders: this scene with every pass-through group layer at full opacity and without a
     * mask that is on, at any depth (inside isolated groups too), replaced by its layers, moved by
     * its position and hidden where it is hidden. A faded or masked one stays a group layer, its
     * own layers inlined and its scene given this scene's blend space (its layers blend as the
     * document's do); the renderer composites it over the backdrop and fades the result. In a
     * clipping scene a pass-through group is made an isolated one ({@link #isolated}). Returns this
     * scene itself, allocating nothing, when it holds no pass-through group.
     */
    public Scene inlined() {
        return holdsPassThrough(this) ? withLayers(inline(layers, clipping, blendSpace)) : this;
    }

    /**
     * A pass-through group layer's layers placed on the canvas the group is placed on, hidden
     * where it is hidden, its own pass-through groups at full opacity inlined too: at full opacity,
     * what renders in its place.
     */
    public static List<Layer> inlinedLayers(Layer passThroughGroup) {
        if (!passThroughGroup.isPassThrough()) {
            throw new IllegalArgumentException("'" + passThroughGroup.name() + "' is not a pass-through group");
        }
        return inlinedLayers(passThroughGroup, passThroughGroup.group().blendSpace());
    }

    private static List<Layer> inlinedLayers(Layer passThroughGroup, BlendSpace space) {
        List<Layer> out = new ArrayList<>();
        for (Layer c : passThroughGroup.group().layers()) {
            if (inlines(c)) {
                for (Layer cc : inlinedLayers(c, space)) out.add(placed(cc, passThroughGroup));
            } else {
                out.add(placed(inlined(c, space), passThroughGroup));
            }
        }
        return out;
    }

    /** True for a pass-through group that renders as its layers in its place: at full opacity, without a mask that is on. */
    private static boolean inlines(Layer l) {
        return l.isPassThrough() && l.opacity() == 1f && !l.isMasked();
    }

    private static Layer placed(Layer c, Layer group) {
        Layer moved = c.withPosition(c.x() + group.x(), c.y() + group.y());
        return group.visible() ? moved : moved.withVisible(false);
    }

    /**
     * {@code ls}, of a scene blended in {@code space}, inlined; in a {@code clipping} scene a
     * pass-through group is composited as an isolated one instead.
     */
    private static List<Layer> inline(List<Layer> ls, boolean clipping, BlendSpace space) {
        List<Layer> out = new ArrayList<>(ls.size());
        for (Layer l : ls) {
            if (inlines(l) && !clipping) out.addAll(inlinedLayers(l, space));
            else if (l.isPassThrough() && clipping) out.add(isolated(l));
            else out.add(inlined(l, space));
        }
        return out;
    }

    /**
     * A group layer with its pass-through groups inlined (its pixels are the same); a faded
     * pass-through one also blended in {@code space}, its parent's; any other layer as it is.
     */
    private static Layer inlined(Layer l, BlendSpace space) {
        if (!l.isGroup() || !l.isPassThrough() && !holdsPassThrough(l.group())) return l;
        Scene g = l.isPassThrough() ? l.group().withBlendSpace(space).inlined() : l.group().inlined();
        return new Layer(l.name(), l.source(), l.x(), l.y(), l.mode(), l.opacity(), l.visible(), null, g, l.mask());
    }

    /**
     * Pass-through group layer {@code l} as an isolated one, at its opacity, with its mask, its
     * layers inlined: what it renders as in a clipping scene.
     */
    public static Layer isolated(Layer l) {
        if (!l.isPassThrough()) throw new IllegalArgumentException("'" + l.name() + "' is not a pass-through group");
        Scene g = l.group().inlined().withPassThrough(false);
        return new Layer(l.name(), l.source(), l.x(), l.y(), l.mode(), l.opacity(), l.visible(), null, g, l.mask());
    }

    private static boolean holdsPassThrough(Scene s) {
        List<Layer> ls = s.layers;
        for (int i = 0, n = ls.size(); i < n; i++) {
            Layer l = ls.get(i);
            if (l.isGroup() && (l.group().passThrough() || holdsPassThrough(l.group()))) return true;
        }
        return false;
    }

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

    public Scene withBackground(int argbPre) { return new Scene(width, height, argbPre, layers, blendSpace, clipping, passThrough); }
}

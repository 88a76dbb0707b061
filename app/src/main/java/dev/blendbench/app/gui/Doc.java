package dev.blendbench.app.gui;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The edited document: canvas size, background, blend space and the layers, bottom first.
 * Immutable, so the undo history is a list of these and a render works on a snapshot while the
 * user goes on editing.
 */
public record Doc(int width, int height, int background, BlendSpace blendSpace, List<LayerItem> layers) {
    public Doc {
        layers = List.copyOf(layers);
        new Scene(width, height, background, List.of(), blendSpace); // validates the canvas
    }

    public static Doc of(Scene s) {
        return new Doc(s.width(), s.height(), s.background(), s.blendSpace(), s.layers().stream().map(LayerItem::fromLayer).toList());
    }

    /** What the engine renders. */
    public Scene scene() {
        List<Layer> ls = new ArrayList<>(layers.size());
        for (LayerItem i : layers) ls.add(i.layer());
        return new Scene(width, height, background, ls, blendSpace);
    }

    public Doc withLayers(List<LayerItem> ls) { return new Doc(width, height, background, blendSpace, ls); }

    public Doc withLayer(int index, UnaryOperator<LayerItem> f) {
        List<LayerItem> ls = new ArrayList<>(layers);
        ls.set(index, f.apply(ls.get(index)));
        return withLayers(ls);
    }

    /** The canvas resized (layers stay where they are); a group its old canvas cut is composited again over the new one. */
    public Doc withSize(int w, int h) {
        return new Doc(w, h, background, blendSpace, layers.stream().map(l -> l.uncut(new Rect(-l.layer().x(), -l.layer().y(), w, h))).toList());
    }

    public Doc withBackground(int argbPre) { return new Doc(width, height, argbPre, blendSpace, layers); }

    public Doc withBlendSpace(BlendSpace s) { return new Doc(width, height, background, s, layers); }

    /**
     * Where a layer is in the tree of layers and groups: the id of the group holding it (−1: the
     * document), its index among those siblings (bottom first), the index of the document's layer
     * it is or is inside, and where its parent's canvas lies on the document's ({@code dx, dy}:
     * the sum of the enclosing groups' whole-pixel positions; zero for a layer of the document).
     */
    public record Place(long parent, int index, int top, int dx, int dy) {}

    /** The layer or group layer with this id, at any depth. */
    public Optional<LayerItem> find(long id) {
        return locate(id).map(p -> siblings(p.parent()).get(p.index()));
    }

    /** The clipping group the layer with this id is in (as its base, or clipped to it), if it is in one. */
    public Optional<LayerItem> clippingGroupOf(long id) {
        return locate(id).filter(p -> p.parent() >= 0).flatMap(p -> find(p.parent())).filter(LayerItem::isClipping);
    }

    /** True when the layer with this id is clipped: in a clipping group, above its base. */
    public boolean isClipped(long id) {
        return locate(id).map(Place::index).orElse(0) > 0 && clippingGroupOf(id).isPresent();
    }

    /** Where the layer with this id is, at any depth. */
    public Optional<Place> locate(long id) {
        for (int i = 0; i < layers.size(); i++) {
            Place p = locate(layers.get(i), id, i, -1, i, 0, 0);
            if (p != null) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static Place locate(LayerItem it, long id, int index, long parent, int top, int dx, int dy) {
        if (it.id() == id) return new Place(parent, index, top, dx, dy);
        List<LayerItem> kids = it.children();
        for (int i = 0; i < kids.size(); i++) {
            Place p = locate(kids.get(i), id, i, it.id(), top, dx + it.layer().x(), dy + it.layer().y());
            if (p != null) return p;
        }
        return null;
    }

    /**
     * The outermost group around layer {@code id} that is drawn as its pixels (scaled, rotated or
     * placed between pixels), if one is: where the layer shows on the canvas is then inside it.
     */
    public Optional<LayerItem> transformedGroupAround(long id) {
        List<LayerItem> around = withGroupsAround(id);
        return around.subList(Math.min(1, around.size()), around.size()).reversed().stream().filter(g -> g.layer().isTransformed()).findFirst();
    }

    /** Layer {@code id} and the groups around it, innermost first (empty for no such layer). */
    public List<LayerItem> withGroupsAround(long id) {
        List<LayerItem> out = new ArrayList<>();
        for (var p = locate(id); p.isPresent(); p = p.get().parent() < 0 ? Optional.empty() : locate(p.get().parent())) {
            out.add(siblings(p.get().parent()).get(p.get().index()));
        }
        return out;
    }

    /** The layers of the group with this id (−1: the document's), bottom first. */
    public List<LayerItem> siblings(long parent) {
        if (parent < 0) return layers;
        return find(parent).map(LayerItem::children).orElseThrow(() -> new IllegalArgumentException("no group " + parent));
    }

    /**
     * The layer with this id (at any depth) replaced by {@code f}'s result; the groups above it
     * composited again, and so is a group it moved that its canvas had cut (see {@link LayerItem#uncut}).
     */
    public Doc withItem(long id, UnaryOperator<LayerItem> f) {
        Place p = locate(id).orElseThrow(() -> new IllegalArgumentException("no layer " + id));
        return withList(p.parent(), ls -> {
            List<LayerItem> out = new ArrayList<>(ls);
            LayerItem was = ls.get(p.index()), now = f.apply(was);
            if (now.isGroup() && (now.layer().x() != was.layer().x() || now.layer().y() != was.layer().y())) {
                now = now.uncut(new Rect(-p.dx() - now.layer().x(), -p.dy() - now.layer().y(), width, height));
            }
            out.set(p.index(), now);
            return out;
        });
    }

    /**
     * The layers of the group with id {@code parent} (−1: the document's) replaced by {@code f}'s
     * result, and each group above them composited again (see {@link LayerItem#withChildren}).
     *
     * @throws IllegalArgumentException for no such group, or a group left with no layers
     */
    public Doc withList(long parent, UnaryOperator<List<LayerItem>> f) {
        if (parent < 0) return withLayers(f.apply(layers));
        List<LayerItem> out = edited(layers, parent, f, new Rect(0, 0, width, height));
        if (out == null) throw new IllegalArgumentException("no group " + parent);
        return withLayers(out);
    }

    private static List<LayerItem> edited(List<LayerItem> ls, long parent, UnaryOperator<List<LayerItem>> f, Rect clip) {
        for (int i = 0; i < ls.size(); i++) {
            LayerItem it = ls.get(i);
            if (!it.isGroup()) continue;
            Rect inside = clip.translate(-it.layer().x(), -it.layer().y());
            List<LayerItem> kids = it.id() == parent ? f.apply(it.children()) : edited(it.children(), parent, f, inside);
            if (kids == null) continue;
            List<LayerItem> out = new ArrayList<>(ls);
            out.set(i, kids.equals(it.children()) ? it : it.withChildren(kids, inside));
            return out;
        }
        return null;
    }
}

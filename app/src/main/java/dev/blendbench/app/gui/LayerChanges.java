package dev.blendbench.app.gui;

import dev.blendbench.engine.surface.Rect;
import java.util.ArrayList;
import java.util.List;

/** Where an edit of a stack of layers can change what the stack composites to. */
final class LayerChanges {
    private LayerChanges() {}

    /**
     * Where two stacks of layers (bottom first) can composite differently: the bounds of every
     * layer that is not the same (by identity) at the same place in both, before or after. Null
     * (anywhere) when a layer that clears the canvas outside itself ({@link
     * dev.blendbench.engine.blend.BlendMode#clearsOutsideSource}, shown) comes, goes, moves in
     * the stack, or starts or stops clearing, or a pass-through group holding one changes at all:
     * that changes pixels far from its bounds.
     */
    static Rect between(List<LayerItem> x, List<LayerItem> y) {
        Rect r = Rect.EMPTY;
        if (x.size() != y.size()) {
            Rect m = changedByMembership(x, y), n = changedByMembership(y, x);
            if (m == null || n == null) return null;
            r = union(union(r, m), n);
        }
        // an insertion or removal may reorder what is above: everything the lists hold differently
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            LayerItem a = x.get(i), b = y.get(i);
            if (a == b) continue;
            if (a.id() == b.id() ? clears(a) != clears(b) || passesClearing(a) || passesClearing(b) : clears(a) || clears(b)) return null;
            r = union(r, a.layer().bounds());
            r = union(r, b.layer().bounds());
        }
        return r;
    }

    /**
     * True for a shown layer that clears the canvas outside itself, or a pass-through group holding
     * one: its layers act on the whole canvas below the group.
     */
    private static boolean clears(LayerItem l) {
        return l.visible() && (l.mode().clearsOutsideSource() || passesClearing(l));
    }

    /**
     * True for a shown pass-through group holding a layer that clears outside itself: any edit of it
     * (its opacity fades that clearing, a layer moved in it moves it) can change the whole canvas.
     */
    private static boolean passesClearing(LayerItem l) {
        return l.visible() && l.isPassThrough() && !l.layer().isTransformed() && l.children().stream().anyMatch(LayerChanges::clears);
    }

    /** The bounds of the layers of {@code from} that {@code other} lacks; null when one of them clears outside itself. */
    private static Rect changedByMembership(List<LayerItem> from, List<LayerItem> other) {
        Rect r = Rect.EMPTY;
        List<LayerItem> rest = new ArrayList<>(other);
        for (LayerItem i : from) {
            if (rest.remove(i)) continue;
            if (clears(i)) return null;
            r = union(r, i.layer().bounds());
        }
        return r;
    }

    private static Rect union(Rect a, Rect b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a.union(b);
    }
}

package dev.blendbench.app.gui;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.surface.Rect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The edits that change which group a layer is in: group, ungroup, and move a layer into another
 * group. Pure functions of a {@link Doc}; each names its undo step and says what it did, or
 * refuses with an {@link IllegalArgumentException} whose message the status bar shows.
 */
final class GroupEdits {
    private GroupEdits() {}

    /** An edit's result: the document, the layer to select, the undo step's name and what to tell the user ("" for nothing). */
    record Edit(Doc doc, long select, String what, String message) {}

    /**
     * Layer {@code id} put in a new group named {@code name}, in its place. The group takes the
     * layer's blend mode, opacity and visibility (the layer is then source-over, or normal, at
     * 100 % in it), so the picture does not change.
     */
    static Edit group(Doc d, long id, String name) {
        Doc.Place p = d.locate(id).orElseThrow(() -> new IllegalArgumentException("No layer is selected"));
        LayerItem l = d.siblings(p.parent()).get(p.index());
        LayerItem g = LayerItem.group(name, List.of(plainInside(l)), new Rect(-p.dx(), -p.dy(), d.width(), d.height()), d.blendSpace())
                .withMode(l.mode()).withOpacity(l.opacity()).withVisible(l.visible());
        Doc out = d.withList(p.parent(), ls -> replaced(ls, p.index(), List.of(g)));
        return new Edit(out, g.id(), "Group " + l.name(), "Grouped " + l.name() + (plain(l.mode(), l.opacity()) ? ""
                : String.format(Locale.ROOT, ": the group blends as %s at %.0f %%, as the layer did", l.mode().cssName(), l.opacity() * 100)));
    }

    /**
     * Layers {@code ids} (of one group, or all of the document's) put in a new group named
     * {@code name}, where the topmost of them was, in their order; one layer as {@link
     * #group(Doc, long, String)} does. The group is source-over at 100 % and isolated: a layer in
     * it whose mode is not source-over (or normal) then blends only with the group's layers below
     * it, so the picture can change — the message names each such layer.
     */
    static Edit group(Doc d, List<Long> ids, String name) {
        if (ids.size() == 1) return group(d, ids.getFirst(), name);
        if (ids.isEmpty()) throw new IllegalArgumentException("No layer is selected");
        List<Doc.Place> places = ids.stream().map(id -> d.locate(id).orElseThrow(() -> new IllegalArgumentException("No such layer"))).toList();
        long parent = places.getFirst().parent();
        if (places.stream().anyMatch(p -> p.parent() != parent)) {
            throw new IllegalArgumentException("Layers of different groups cannot be grouped together: select layers of one group");
        }
        List<Integer> at = places.stream().map(Doc.Place::index).distinct().sorted().toList();
        List<LayerItem> siblings = d.siblings(parent), members = at.stream().map(siblings::get).toList();
        Doc.Place first = places.getFirst();
        LayerItem g = LayerItem.group(name, members, new Rect(-first.dx(), -first.dy(), d.width(), d.height()), d.blendSpace());
        Doc out = d.withList(parent, ls -> {
            List<LayerItem> rest = new ArrayList<>(ls);
            for (int i = at.size() - 1; i >= 0; i--) rest.remove((int) at.get(i));
            rest.add(at.getLast() - (at.size() - 1), g);
            return rest;
        });
        List<String> notes = new ArrayList<>();
        // layers between the chosen ones end up below the group: the chosen below them come up past them
        int top = at.getLast();
        List<String> passed = siblings.subList(at.getFirst(), top).stream().filter(l -> !members.contains(l)).map(LayerItem::name).toList();
        List<String> raised = members.stream().filter(l -> siblings.indexOf(l) < top && !passed.isEmpty()
                && siblings.subList(siblings.indexOf(l), top).stream().anyMatch(x -> !members.contains(x))).map(LayerItem::name).toList();
        if (!raised.isEmpty()) {
            notes.add(quoted(raised) + " came up from below " + quoted(passed) + " to join the group");
        }
        List<String> blending = members.stream().filter(l -> l.visible() && !plain(l.mode(), 1f))
                .map(l -> "'" + l.name() + "' (" + l.mode().cssName() + ")").toList();
        if (!blending.isEmpty()) {
            notes.add("in the group, " + String.join(", ", blending) + (blending.size() == 1 ? " blends" : " blend")
                    + " only with the group's layers below");
        }
        return new Edit(out, g.id(), "Group " + members.size() + " layers", "Grouped " + members.size() + " layers"
                + (notes.isEmpty() ? "" : ": " + String.join("; ", notes) + " (Undo puts them back)"));
    }

    /**
     * Layers {@code ids} deleted, wherever they are; a group left with no layers goes too (a group
     * is never empty). One layer asked for names the step after it and selects the layer now
     * where it was (else the one below, or its group); several select nothing themselves.
     */
    static Edit delete(Doc d, List<Long> ids) {
        Doc out = d;
        int n = 0;
        Doc.Place last = null;
        String name = "";
        for (long id : ids) {
            var at = out.locate(id);
            if (at.isEmpty()) continue; // inside a group deleted before it
            while (at.get().parent() >= 0 && out.siblings(at.get().parent()).size() == 1) at = out.locate(at.get().parent());
            Doc.Place p = at.get();
            name = out.siblings(p.parent()).get(p.index()).name();
            out = out.withList(p.parent(), ls -> replaced(ls, p.index(), List.of()));
            last = p;
            n++;
        }
        if (n == 0) throw new IllegalArgumentException("No layer is selected");
        if (ids.size() > 1) return new Edit(out, -1, "Delete " + n + (n == 1 ? " layer" : " layers"), "");
        List<LayerItem> left = out.siblings(last.parent());
        long next = last.index() < left.size() ? left.get(last.index()).id() : left.isEmpty() ? last.parent() : left.getLast().id();
        return new Edit(out, next, "Delete " + name, "");
    }

    /**
     * Each of layers {@code ids} duplicated just above itself (a layer inside a group chosen with
     * its group is copied once, with the group); the copy of the last one is selected.
     */
    static Edit duplicate(Doc d, List<Long> ids) {
        Doc out = d;
        long last = -1;
        int n = 0;
        for (long id : ids) {
            if (d.withGroupsAround(id).stream().skip(1).anyMatch(g -> ids.contains(g.id()))) continue; // copied with its group
            Doc.Place p = out.locate(id).orElseThrow(() -> new IllegalArgumentException("No such layer"));
            LayerItem copy = out.siblings(p.parent()).get(p.index()).duplicate();
            out = out.withList(p.parent(), ls -> {
                List<LayerItem> all = new ArrayList<>(ls);
                all.add(p.index() + 1, copy);
                return all;
            });
            last = copy.id();
            n++;
        }
        if (n == 0) throw new IllegalArgumentException("No layer is selected");
        return new Edit(out, last, n == 1 ? "Duplicate layer" : "Duplicate " + n + " layers", "");
    }

    /**
     * Group {@code id}'s layers put in its place, where they are on the canvas. The group's own
     * mode, opacity and isolation go with it (as image editors do), so the picture can change:
     * the message says so when the group was not plain (source-over at 100 %), and names each
     * Porter-Duff operator in it (a PSD group's mask, say), which then acts on all below it.
     */
    static Edit ungroup(Doc d, long id) {
        Doc.Place p = d.locate(id).orElseThrow(() -> new IllegalArgumentException("No layer is selected"));
        LayerItem g = d.siblings(p.parent()).get(p.index());
        if (!g.isGroup()) throw new IllegalArgumentException("'" + g.name() + "' is not a group");
        if (g.layer().isTransformed()) {
            throw new IllegalArgumentException("Cannot ungroup '" + g.name() + "' while it is scaled, rotated or placed between pixels");
        }
        List<LayerItem> kids = g.children().stream().map(k -> k.withPosition(k.x() + g.layer().x(), k.y() + g.layer().y())).toList();
        Doc out = d.withList(p.parent(), ls -> replaced(ls, p.index(), kids));
        List<String> notes = new ArrayList<>();
        if (g.isPassThrough() && g.mask() != null && g.mask().enabled()) {
            notes.add(g.opacity() < 1f ? String.format(Locale.ROOT, "its mask and opacity %.0f %% no longer fade its layers", g.opacity() * 100)
                    : "its mask no longer fades its layers");
        } else if (g.mask() != null && g.mask().enabled()) {
            notes.add("its mask no longer applies" + (plain(g.mode(), g.opacity()) ? ""
                    : String.format(Locale.ROOT, ", nor its blend mode %s and opacity %.0f %%", g.mode().cssName(), g.opacity() * 100)));
        } else if (g.isPassThrough() && g.opacity() < 1f) {
            notes.add(String.format(Locale.ROOT, "its opacity %.0f %% no longer fades its layers", g.opacity() * 100));
        } else if (!plain(g.mode(), g.opacity())) {
            notes.add(String.format(Locale.ROOT, "its blend mode %s and opacity %.0f %% no longer apply", g.mode().cssName(), g.opacity() * 100));
        }
        if (g.isClipping() && kids.size() > 1) {
            notes.add(quoted(kids.subList(1, kids.size()).stream().map(LayerItem::name).toList()) + " no longer clipped to '"
                    + kids.getFirst().name() + "'");
        }
        // an operator that changes the backdrop (a group's mask is a destination-in layer) now acts on everything below it
        kids.stream().filter(k -> k.visible() && k.mode().family() == BlendMode.Family.PORTER_DUFF && k.mode() != BlendMode.SOURCE_OVER)
                .forEach(k -> notes.add("'" + k.name() + "' (" + k.mode().cssName() + ") now acts on all that is below it"));
        return new Edit(out, kids.getLast().id(), "Ungroup " + g.name(), "Ungrouped " + g.name()
                + (notes.isEmpty() ? "" : ": " + String.join("; ", notes) + " (Undo puts the group back)"));
    }

    /**
     * Group {@code id} made one layer of its pixels (its composite), with the group's mode,
     * opacity, visibility, lock and transform: the picture does not change, and a stress run then
     * measures the scene without the group's compositing (compare the two to see what it costs).
     */
    static Edit merge(Doc d, long id) {
        Doc.Place p = d.locate(id).orElseThrow(() -> new IllegalArgumentException("No layer is selected"));
        LayerItem g = d.siblings(p.parent()).get(p.index());
        if (!g.isGroup()) throw new IllegalArgumentException("'" + g.name() + "' is not a group");
        LayerItem flat = LayerItem.of(g.name(), g.source(), g.x(), g.y()).withTransform(g.scale(), g.rotation(), g.filter())
                .withMode(g.mode()).withOpacity(g.opacity()).withVisible(g.visible()).withLocked(g.locked()).withMask(g.mask());
        Doc out = d.withList(p.parent(), ls -> replaced(ls, p.index(), List.of(flat)));
        // a pass-through group's layers blended with what is below it; its composite, their blending among themselves
        List<String> blending = g.isPassThrough() ? g.children().stream().filter(k -> k.visible() && !plain(k.mode(), 1f))
                .map(LayerItem::name).toList() : List.of();
        return new Edit(out, flat.id(), "Merge " + g.name(), "Merged " + g.name() + " into one layer of its "
                + g.groupSize() + (g.groupSize() == 1 ? " layer's" : " layers'") + " composite"
                + (blending.isEmpty() ? "" : "; " + quoted(blending) + (blending.size() == 1 ? " now blends" : " now blend")
                        + " only with the group's layers, no longer with what is below it"));
    }

    /**
     * Layer {@code id} merged into the layer (or group) just below it, as image editors do: one
     * layer of the two composited in isolation (the lower one plain, the upper one blended onto it
     * with its own mode and opacity), which keeps the lower one's name, mode, opacity and place.
     * The picture stays the same (up to rounding) where both are plain; the message names each
     * way it can change: the upper one's blend mode then reaches only the lower one's pixels, and
     * the lower one's mode and opacity now apply to the upper one too. Refused for the bottom
     * layer of a stack, and when either layer is hidden or locked.
     */
    static Edit mergeDown(Doc d, long id) {
        Doc.Place p = d.locate(id).orElseThrow(() -> new IllegalArgumentException("No layer is selected"));
        List<LayerItem> siblings = d.siblings(p.parent());
        LayerItem upper = siblings.get(p.index());
        if (p.index() == 0) {
            throw new IllegalArgumentException("'" + upper.name() + "' is the bottom layer" + (p.parent() < 0 ? "" : " of its group")
                    + ": there is no layer below it to merge it into");
        }
        LayerItem lower = siblings.get(p.index() - 1);
        mergeable(List.of(lower, upper));
        LayerItem g = LayerItem.group(lower.name(), List.of(plainInside(lower), upper),
                new Rect(-p.dx(), -p.dy(), d.width(), d.height()), d.blendSpace());
        LayerItem merged = LayerItem.of(lower.name(), g.source(), g.x(), g.y()).withMode(lower.mode()).withOpacity(lower.opacity());
        Doc out = d.withList(p.parent(), ls -> pairReplaced(ls, p.index(), merged));
        List<String> notes = new ArrayList<>();
        if (!plain(upper.mode(), 1f)) notes.add("'" + upper.name() + "' (" + upper.mode().cssName() + ") blended with '" + lower.name() + "' alone");
        if (!plain(lower.mode(), lower.opacity())) {
            notes.add(String.format(Locale.ROOT, "'%s''s %s at %.0f %% now applies to '%s' too", lower.name(), lower.mode().cssName(),
                    lower.opacity() * 100, upper.name()));
        }
        return new Edit(out, merged.id(), "Merge " + upper.name() + " down", "Merged " + upper.name() + " into " + lower.name()
                + (notes.isEmpty() ? "" : ": " + String.join("; ", notes) + " (Undo puts them back)"));
    }

    /**
     * The document's visible layers (top level: a group with all its layers) merged into one layer
     * named "Merged", where the topmost of them was: their composite over a transparent backdrop,
     * so over a transparent background the picture is the same, bit for bit. Hidden layers stay,
     * in their order. Refused when fewer than two layers are visible, or one of them is locked.
     */
    static Edit mergeVisible(Doc d) {
        List<LayerItem> visible = d.layers().stream().filter(LayerItem::visible).toList();
        if (visible.size() < 2) {
            throw new IllegalArgumentException(visible.isEmpty() ? "No layer is visible: nothing to merge" : "Only one layer is visible: nothing to merge it with");
        }
        mergeable(visible);
        LayerItem g = LayerItem.group("Merged", visible, new Rect(0, 0, d.width(), d.height()), d.blendSpace());
        LayerItem merged = LayerItem.of("Merged", g.source(), g.x(), g.y());
        List<LayerItem> out = new ArrayList<>(d.layers().size());
        LayerItem topmost = visible.getLast();
        for (LayerItem l : d.layers()) {
            if (l == topmost) out.add(merged);
            else if (!l.visible()) out.add(l);
        }
        String note = "";
        if ((d.background() >>> 24) != 0) {
            List<String> blending = visible.stream().filter(l -> !plain(l.mode(), 1f)).map(l -> "'" + l.name() + "' (" + l.mode().cssName() + ")").toList();
            if (!blending.isEmpty()) {
                note = ": " + String.join(", ", blending) + (blending.size() == 1 ? " no longer blends" : " no longer blend")
                        + " with the background colour (Undo puts them back)";
            }
        }
        return new Edit(d.withLayers(out), merged.id(), "Merge Visible", "Merged " + visible.size() + " visible layers into one" + note);
    }

    /**
     * Layer {@code id} clipped to the layer just below it (Photoshop's clipping mask): it then
     * shows only where that layer has pixels. Below it a clipping group: the layer joins it, on
     * top. Below it any other layer: the two become a clipping group in its place, named after the
     * lower one, which takes its mode, opacity and visibility (the lower one then plain in it, so
     * it looks as it did).
     */
    static Edit clipToBelow(Doc d, long id) {
        Doc.Place p = d.locate(id).orElseThrow(() -> new IllegalArgumentException("No layer is selected"));
        List<LayerItem> siblings = d.siblings(p.parent());
        LayerItem upper = siblings.get(p.index());
        if (d.isClipped(id)) {
            throw new IllegalArgumentException("'" + upper.name() + "' is already clipped to '" + siblings.getFirst().name() + "'");
        }
        if (p.index() == 0) {
            throw new IllegalArgumentException("'" + upper.name() + "' has no layer below it" + (p.parent() < 0 ? "" : " in its group")
                    + " to be clipped to");
        }
        LayerItem lower = siblings.get(p.index() - 1);
        // a clipping group composites a pass-through group in it on its own: say so, and make it so
        String isolated = upper.isPassThrough() || lower.isPassThrough() && !lower.isClipping()
                ? "; '" + (upper.isPassThrough() ? upper : lower).name() + "' is an isolated group now, composited on its own" : "";
        if (upper.isPassThrough()) upper = upper.withPassThrough(false);
        if (lower.isPassThrough()) lower = lower.withPassThrough(false);
        if (lower.isClipping()) {
            LayerItem moved = upper.withPosition(upper.x() - lower.layer().x(), upper.y() - lower.layer().y());
            Doc out = d.withList(p.parent(), ls -> replaced(ls, p.index(), List.of())).withList(lower.id(), ls -> {
                List<LayerItem> all = new ArrayList<>(ls);
                all.add(moved);
                return all;
            });
            return new Edit(out, id, "Clip " + upper.name(), "Clipped " + upper.name() + " to " + lower.children().getFirst().name() + isolated);
        }
        LayerItem g = LayerItem.group(lower.name(), List.of(plainInside(lower), upper), new Rect(-p.dx(), -p.dy(), d.width(), d.height()),
                d.blendSpace(), true).withMode(lower.mode()).withOpacity(lower.opacity()).withVisible(lower.visible());
        Doc out = d.withList(p.parent(), ls -> pairReplaced(ls, p.index(), g));
        return new Edit(out, id, "Clip " + upper.name(), "Clipped " + upper.name() + " to " + lower.name()
                + ": it shows only where " + lower.name() + " has pixels" + isolated);
    }

    /**
     * Releases the clipping of layer {@code id} and of the clipped layers above it (the whole
     * group, for the clipping group itself or its base), as Photoshop does: they leave the group,
     * just above it, where they are on the canvas, and show outside the base again. A group left
     * with its base alone becomes that layer, with the group's mode, opacity and visibility.
     */
    static Edit releaseClipping(Doc d, long id) {
        Doc.Place p = d.locate(id).orElseThrow(() -> new IllegalArgumentException("No layer is selected"));
        LayerItem sel = d.siblings(p.parent()).get(p.index());
        LayerItem g = sel.isClipping() ? sel : d.clippingGroupOf(id)
                .orElseThrow(() -> new IllegalArgumentException("'" + sel.name() + "' is not clipped, nor a clipping group"));
        int from = g == sel ? 1 : Math.max(1, p.index());
        if (g.layer().isTransformed()) {
            throw new IllegalArgumentException("Cannot release the clipping of '" + g.name() + "' while it is scaled, rotated or placed between pixels");
        }
        Doc.Place gp = d.locate(g.id()).orElseThrow();
        List<LayerItem> kids = g.children();
        int gx = g.layer().x(), gy = g.layer().y();
        List<LayerItem> released = kids.subList(from, kids.size()).stream().map(k -> k.withPosition(k.x() + gx, k.y() + gy)).toList();
        List<String> notes = new ArrayList<>();
        Doc out;
        if (from == 1) {
            LayerItem base = kids.getFirst().withPosition(kids.getFirst().x() + gx, kids.getFirst().y() + gy);
            if (plain(base.mode(), base.opacity()) && base.visible()) {
                base = base.withMode(g.mode()).withOpacity(g.opacity()).withVisible(g.visible());
            } else if (!plain(g.mode(), g.opacity())) {
                notes.add(String.format(Locale.ROOT, "the group's blend mode %s and opacity %.0f %% no longer apply", g.mode().cssName(), g.opacity() * 100));
            }
            List<LayerItem> in = new ArrayList<>(released.size() + 1);
            in.add(base);
            in.addAll(released);
            out = d.withList(gp.parent(), ls -> replaced(ls, gp.index(), in));
        } else {
            out = d.withList(g.id(), ls -> new ArrayList<>(ls.subList(0, from))).withList(gp.parent(), ls -> {
                List<LayerItem> all = new ArrayList<>(ls);
                all.addAll(gp.index() + 1, released);
                return all;
            });
        }
        String base = kids.getFirst().name();
        if (released.isEmpty()) return new Edit(out, kids.getFirst().id(), "Release clipping", "'" + base + "' is a layer again");
        String names = quoted(released.stream().map(LayerItem::name).toList());
        return new Edit(out, released.getFirst().id(), "Release clipping", "Released " + names + " from '" + base + "': "
                + (released.size() == 1 ? "it shows" : "they show") + " outside it again"
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)) + (released.size() == 1 ? " (Undo puts it back)" : " (Undo puts them back)"));
    }

    /** Refuses a merge of {@code ls} when one of them is hidden or locked, naming it. */
    private static void mergeable(List<LayerItem> ls) {
        for (LayerItem l : ls) {
            if (!l.visible()) throw new IllegalArgumentException("'" + l.name() + "' is hidden: show it to merge it");
            if (l.locked()) throw new IllegalArgumentException("'" + l.name() + "' is locked: unlock it to merge it");
        }
    }

    /**
     * Layer {@code id} moved into the group {@code target} is in (or the document), just above
     * {@code target} (or just {@code below} it), staying where it is on the canvas. A group is not
     * moved into itself, nor a group's only layer out of it (a group is never empty).
     */
    static Edit moveOnto(Doc d, long id, long target, boolean below) {
        Doc.Place from = d.locate(id).orElseThrow(() -> new IllegalArgumentException("No such layer"));
        Doc.Place onto = d.locate(target).orElseThrow(() -> new IllegalArgumentException("No such layer"));
        LayerItem moving = d.find(id).orElseThrow();
        if (target == id) throw new IllegalArgumentException("'" + moving.name() + "' is where it would be moved");
        if (d.withGroupsAround(target).stream().anyMatch(g -> g.id() == id)) {
            throw new IllegalArgumentException("A group cannot be moved into itself");
        }
        if (from.parent() >= 0 && from.parent() != onto.parent() && d.siblings(from.parent()).size() == 1) {
            throw new IllegalArgumentException("'" + moving.name() + "' is its group's only layer: move the group, or ungroup it");
        }
        double ax = moving.x() + from.dx(), ay = moving.y() + from.dy();
        Doc without = d.withList(from.parent(), ls -> replaced(ls, from.index(), List.of()));
        Doc.Place t = without.locate(target).orElseThrow();
        Doc out = without.withList(t.parent(), ls -> {
            List<LayerItem> all = new ArrayList<>(ls);
            all.add(below ? t.index() : t.index() + 1, moving.withPosition(ax - t.dx(), ay - t.dy()));
            return all;
        });
        String into = onto.parent() < 0 ? "the document" : d.find(onto.parent()).orElseThrow().name();
        return new Edit(out, id, "Move " + moving.name() + " to " + into, "Moved " + moving.name() + " to " + into
                + ", where it was on the canvas");
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(java.util.stream.Collectors.joining(", "));
    }

    /** "Group N", N one more than the groups the document holds, at any depth. */
    static String nextGroupName(Doc d) {
        return "Group " + (count(d.layers()) + 1);
    }

    private static int count(List<LayerItem> ls) {
        int n = 0;
        for (LayerItem l : ls) n += l.isGroup() ? 1 + count(l.children()) : 0;
        return n;
    }

    /** Source-over (or normal, its blend-mode name) at 100 %: a layer that just covers what is below. */
    private static boolean plain(BlendMode m, float opacity) {
        return (m == BlendMode.SOURCE_OVER || m == BlendMode.NORMAL) && opacity == 1f;
    }

    /**
     * A layer as it goes into a new group that takes over its mode, opacity and visibility:
     * source-over (normal stays normal) at 100 %, shown.
     */
    private static LayerItem plainInside(LayerItem l) {
        return (plain(l.mode(), 1f) ? l : l.withMode(BlendMode.SOURCE_OVER)).withOpacity(1f).withVisible(true);
    }

    /** {@code ls} with the layer at {@code upper} and the one below it replaced by {@code by}. */
    private static List<LayerItem> pairReplaced(List<LayerItem> ls, int upper, LayerItem by) {
        List<LayerItem> out = new ArrayList<>(ls);
        out.remove(upper);
        out.set(upper - 1, by);
        return out;
    }

    private static List<LayerItem> replaced(List<LayerItem> ls, int index, List<LayerItem> by) {
        List<LayerItem> out = new ArrayList<>(ls);
        out.remove(index);
        out.addAll(index, by);
        return out;
    }
}

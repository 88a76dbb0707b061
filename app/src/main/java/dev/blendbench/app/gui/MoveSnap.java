package dev.blendbench.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a layer dragged on the canvas lands: its edges or its centre snap to the canvas's edges
 * and centre and to the other layers' edges and centres when they come within a few screen pixels
 * of one, as image editors snap, and a drag with Shift keeps to the axis it has moved along most.
 * Each axis snaps on its own, to the nearest line within reach.
 *
 * <p>Moves stay in whole pixels (a layer moved a fraction of a pixel would be resampled, and
 * blurred), so a snapped edge lands within half a pixel of its line: exactly on it where both lie
 * on the pixel grid, as a layer's and the canvas's edges do.
 *
 * <p>All positions are on the document's canvas. Pure functions; the canvas pane feeds the drag in
 * and draws the guides.
 */
final class MoveSnap {
    private MoveSnap() {}

    /**
     * What a layer can snap to: the lines, on the document's canvas, at which its edges or its
     * centre stop ({@code xs} vertical, {@code ys} horizontal).
     */
    record Lines(double[] xs, double[] ys) {}

    /** A move: the whole-pixel offset from where the drag began, and the lines snapped to (NaN: none on that axis). */
    record Move(double dx, double dy, double guideX, double guideY) {}

    /**
     * The canvas's edges and centre, and the edges and centres of every layer shown (at any depth,
     * into groups drawn untransformed) but {@code moving}, the groups around it and the layers in
     * it: a group's edges follow its layers, so snapping to them would chase itself.
     */
    static Lines linesFor(Doc d, long moving) {
        return linesFor(d, List.of(moving));
    }

    /** As {@link #linesFor(Doc, long)}, for several layers moved together: none of them is a line. */
    static Lines linesFor(Doc d, List<Long> moving) {
        Set<Long> skip = moving.stream().flatMap(id -> d.withGroupsAround(id).stream()).map(LayerItem::id).collect(Collectors.toSet());
        List<Double> xs = new ArrayList<>(List.of(0.0, d.width() / 2.0, (double) d.width()));
        List<Double> ys = new ArrayList<>(List.of(0.0, d.height() / 2.0, (double) d.height()));
        collect(d.layers(), 0, 0, moving, skip, xs, ys);
        return new Lines(xs.stream().mapToDouble(Double::doubleValue).distinct().toArray(),
                ys.stream().mapToDouble(Double::doubleValue).distinct().toArray());
    }

    private static void collect(List<LayerItem> ls, double dx, double dy, List<Long> moving, Set<Long> skip, List<Double> xs, List<Double> ys) {
        for (LayerItem l : ls) {
            if (!l.visible() || moving.contains(l.id())) continue;
            if (!skip.contains(l.id())) {
                double[] b = bounds(l, dx, dy);
                xs.addAll(List.of(b[0], (b[0] + b[2]) / 2, b[2]));
                ys.addAll(List.of(b[1], (b[1] + b[3]) / 2, b[3]));
            }
            if (l.isGroup() && !l.layer().isTransformed()) collect(l.children(), dx + l.layer().x(), dy + l.layer().y(), moving, skip, xs, ys);
        }
    }

    /**
     * The layers a drag (or a nudge) of layer {@code primary} moves, given the rows selected:
     * {@code primary} alone unless it is one of them; else those of them that can move — not
     * locked, nor in a locked group, nor (but {@code primary}) in a group drawn scaled or rotated,
     * whose canvas is not the document's — less any whose group moves too (it moves with it).
     * {@code primary} first, where it does not move with its group.
     */
    static List<Long> together(Doc d, long primary, List<Long> selected) {
        if (!selected.contains(primary) || selected.size() == 1) return List.of(primary);
        List<Long> out = new ArrayList<>(List.of(primary));
        for (long id : selected) {
            List<LayerItem> around = d.withGroupsAround(id);
            if (id == primary || around.isEmpty() || around.stream().anyMatch(LayerItem::locked)
                    || d.transformedGroupAround(id).isPresent()) continue;
            out.add(id);
        }
        out.removeIf(id -> d.withGroupsAround(id).stream().skip(1).anyMatch(g -> out.contains(g.id())));
        return out.isEmpty() ? List.of(primary) : List.copyOf(out);
    }

    /** {@code d} with layers {@code ids} each moved by (dx, dy). */
    static Doc moved(Doc d, List<Long> ids, double dx, double dy) {
        for (long id : ids) d = d.withItem(id, l -> l.withPosition(l.x() + dx, l.y() + dy));
        return d;
    }

    /** Where layer {@code id}'s edges land on the document's canvas, at any depth: minX, minY, maxX, maxY. */
    static double[] box(Doc d, long id) {
        Doc.Place p = d.locate(id).orElseThrow(() -> new IllegalArgumentException("no layer " + id));
        return bounds(d.find(id).orElseThrow(), p.dx(), p.dy());
    }

    /**
     * The box around where layer {@code l}'s edges land ({@code minX, minY, maxX, maxY}), its own
     * canvas placed at (dx, dy) on the document's.
     */
    static double[] bounds(LayerItem l, double dx, double dy) {
        double[] c = CanvasPane.outline(l.layer());
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 8; k += 2) {
            minX = Math.min(minX, c[k]);
            maxX = Math.max(maxX, c[k]);
            minY = Math.min(minY, c[k + 1]);
            maxY = Math.max(maxY, c[k + 1]);
        }
        return new double[] {minX + dx, minY + dy, maxX + dx, maxY + dy};
    }

    /**
     * The move for a drag of (dx, dy) canvas pixels of a layer whose box was {@code box} when the
     * drag began: with {@code constrain}, the smaller of the two is dropped; then each axis snaps
     * to the line nearest to one of the box's edges or its centre, if one is within
     * {@code reach}, and is rounded to whole pixels.
     */
    static Move move(double[] box, double dx, double dy, Lines lines, double reach, boolean snap, boolean constrain) {
        if (constrain) {
            if (Math.abs(dx) >= Math.abs(dy)) dy = 0;
            else dx = 0;
        }
        double[] x = axis(box[0], box[2], dx, lines.xs(), reach, snap && !(constrain && dx == 0));
        double[] y = axis(box[1], box[3], dy, lines.ys(), reach, snap && !(constrain && dy == 0));
        return new Move(x[0], y[0], x[1], y[1]);
    }

    /** One axis: the whole-pixel offset, and the line snapped to or NaN. */
    private static double[] axis(double lo, double hi, double d, double[] lines, double reach, boolean snap) {
        double best = Double.NaN, bestGap = reach + 1e-9, line = Double.NaN;
        if (snap) {
            for (double edge : new double[] {lo, (lo + hi) / 2, hi}) {
                for (double l : lines) {
                    double gap = Math.abs(l - (edge + d));
                    if (gap < bestGap) { // the nearest; of equals, the first (the box's low edge, the canvas's lines)
                        bestGap = gap;
                        best = l - edge;
                        line = l;
                    }
                }
            }
        }
        return new double[] {Math.round(Double.isNaN(best) ? d : best), line};
    }
}

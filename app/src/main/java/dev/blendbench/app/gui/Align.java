package dev.blendbench.app.gui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Edit ▸ Align: lines up the selected layers' edges or centres, as image editors' align commands
 * do — several layers with one another (on the box around them all), a single layer with the
 * canvas — and spaces three or more evenly. Boxes are where the layers' edges land on the
 * document's canvas ({@link MoveSnap#box}); moves are whole pixels, so a centre lands within
 * half a pixel of its line. Pure functions of the document.
 */
final class Align {
    /** What lines up: an edge or the centre, across (x) or down (y). */
    enum Edge {
        LEFT("Left Edges", true, 0), CENTRE("Horizontal Centres", true, 0.5), RIGHT("Right Edges", true, 1),
        TOP("Top Edges", false, 0), MIDDLE("Vertical Centres", false, 0.5), BOTTOM("Bottom Edges", false, 1);

        final String label;
        final boolean across;
        /** Where on the box: 0 its low edge, 1 its high edge. */
        final double at;

        Edge(String label, boolean across, double at) {
            this.label = label;
            this.across = across;
            this.at = at;
        }
    }

    private Align() {}

    /**
     * {@code d} with layers {@code ids} lined up on {@code edge} of the box around them all, or
     * of the canvas when there is one layer. Unchanged (the same document) where nothing moves.
     */
    static Doc align(Doc d, List<Long> ids, Edge edge) {
        List<double[]> boxes = ids.stream().map(id -> MoveSnap.box(d, id)).toList();
        double[] around = ids.size() == 1 ? new double[] {0, 0, d.width(), d.height()} : union(boxes);
        double target = point(around, edge);
        Doc out = d;
        for (int i = 0; i < ids.size(); i++) {
            double by = Math.round(target - point(boxes.get(i), edge));
            if (by != 0) out = MoveSnap.moved(out, List.of(ids.get(i)), edge.across ? by : 0, edge.across ? 0 : by);
        }
        return out;
    }

    /**
     * {@code d} with layers {@code ids} (three or more) spaced evenly across ({@code across}) or
     * down: the outermost two stay, the others move so the gaps between neighbouring boxes are
     * equal (negative where they overlap). Fewer than three: unchanged.
     */
    static Doc distribute(Doc d, List<Long> ids, boolean across) {
        if (ids.size() < 3) return d;
        int lo = across ? 0 : 1, hi = across ? 2 : 3;
        record Item(long id, double[] box) {}
        List<Item> items = new ArrayList<>(ids.stream().map(id -> new Item(id, MoveSnap.box(d, id))).toList());
        items.sort(Comparator.comparingDouble((Item it) -> it.box()[lo] + it.box()[hi]));
        double total = 0;
        for (Item it : items) total += it.box()[hi] - it.box()[lo];
        double first = items.getFirst().box()[lo], last = items.getLast().box()[hi];
        double gap = (last - first - total) / (items.size() - 1);
        Doc out = d;
        double next = items.getFirst().box()[hi] + gap;
        for (int i = 1; i < items.size() - 1; i++) {
            double[] b = items.get(i).box();
            double by = Math.round(next - b[lo]);
            if (by != 0) out = MoveSnap.moved(out, List.of(items.get(i).id()), across ? by : 0, across ? 0 : by);
            next += b[hi] - b[lo] + gap;
        }
        return out;
    }

    private static double[] union(List<double[]> boxes) {
        double[] u = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] b : boxes) {
            u[0] = Math.min(u[0], b[0]);
            u[1] = Math.min(u[1], b[1]);
            u[2] = Math.max(u[2], b[2]);
            u[3] = Math.max(u[3], b[3]);
        }
        return u;
    }

    private static double point(double[] box, Edge e) {
        return e.across ? box[0] + e.at * (box[2] - box[0]) : box[1] + e.at * (box[3] - box[1]);
    }
}

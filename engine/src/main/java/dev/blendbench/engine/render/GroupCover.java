package dev.blendbench.engine.render;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Coverage;
import dev.blendbench.engine.surface.Rect;
import java.util.Arrays;
import java.util.List;

/**
 * Where a group's pixels can be other than transparent, row by row, over a rectangle: the union of
 * its layers' non-transparent runs (from their sources' {@link Coverage}; a resampled layer's
 * whole footprint; a nested group's own union), as column spans. Outside it the group's pixels are
 * transparent: over a transparent group canvas, a transparent source pixel leaves the backdrop as
 * it is or clears it, in every mode, so nothing there ever becomes visible. Blending the group's
 * pixels only within these spans skips its transparent parts as a plain layer's are skipped. Gaps
 * narrower than {@link #BRIDGE} columns are bridged: one blend instead of two short ones. Also
 * where a group's pixels are certainly opaque ({@link #opaqueRuns}), for occlusion culling.
 * A thread's instance is reused for every tile; allocation-free once its arrays have grown.
 */
final class GroupCover {
    /** Gaps between spans narrower than this are blended through (transparent pixels: no change). */
    static final int BRIDGE = 16;

    /** Spans {@code (begin, end)} of each row, rows one after the other; row r's spans start at {@code rowStarts[r]}. */
    int[] spans = new int[256];
    private int[] rowStarts = new int[65];
    /** The row's union so far, the next union being built, and one layer's runs. */
    private int[] acc = new int[64], tmp = new int[64], leaf = new int[64];
    private int accN, leafN;
    /** Gaps this narrow are joined: {@link #BRIDGE} for blend spans, 0 (only touching runs) for opaque ones. */
    private int bridge = BRIDGE;

    /**
     * Finds the spans of {@code group}, placed at {@code (gx, gy)}, for the canvas rows
     * {@code [y0, y1)} within the columns {@code [x0, x1)}.
     */
    void find(Scene group, int gx, int gy, int x0, int y0, int x1, int y1) {
        bridge = BRIDGE;
        if (rowStarts.length < y1 - y0 + 1) rowStarts = new int[y1 - y0 + 1];
        int pos = 0;
        for (int y = y0; y < y1; y++) {
            rowStarts[y - y0] = pos;
            accN = 0;
            if (group.background() != 0) { // premultiplied: any pixel of it shows
                leafN = 0;
                leafAdd(x0, x1);
                merge();
            } else {
                add(group, gx, y - gy, x0, x1, true);
            }
            if (pos + accN > spans.length) spans = Arrays.copyOf(spans, Math.max(pos + accN, 2 * spans.length));
            System.arraycopy(acc, 0, spans, pos, accN);
            pos += accN;
        }
        rowStarts[y1 - y0] = pos;
    }

    /**
     * The columns of the group's row {@code sy} (the group placed at column {@code gx}), within
     * [x0, x1), where its pixels are certainly opaque: where a layer above the group's last layer
     * that can lower alpha (clear, copy, source-in, destination-in, source-out, destination-out,
     * destination-atop, source-atop, xor) has an opaque pixel at full opacity in source-over or a
     * blend mode (which make alpha 1 there; the modes after it keep it 1). Nested groups and
     * resampled and masked layers are left out (nothing claimed for them). Returns the number of ints in
     * {@link #opaque()}: pairs {@code (begin, end)}, left to right, apart.
     */
    int opaqueRuns(Scene group, int gx, int sy, int x0, int x1) {
        bridge = 0;
        accN = 0;
        if (sy < 0 || sy >= group.height() || group.background() != 0) return 0;
        x0 = Math.max(x0, gx);
        x1 = Math.min(x1, gx + group.width());
        List<Layer> layers = group.layers();
        int from = 0;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            if (l.visible() && lowersAlpha(l.mode())) {
                from = i + 1;
                break;
            }
        }
        for (int i = from, n = group.coveringLayers(); i < n && x0 < x1; i++) { // a clipping group's: its base's
            Layer l = layers.get(i);
            if (!l.visible() || l.opacity() != 1f || l.isGroup() || l.isTransformed() || l.isMasked()) continue;
            if (l.mode().family() == BlendMode.Family.PORTER_DUFF && l.mode() != BlendMode.SOURCE_OVER) continue;
            addRuns(l, gx, sy, x0, x1, true);
        }
        return accN;
    }

    /** The runs {@link #opaqueRuns} found (valid until the next call). */
    int[] opaque() {
        return acc;
    }

    /** True for the modes that can leave a pixel less opaque than its backdrop. */
    private static boolean lowersAlpha(BlendMode m) {
        return switch (m) {
            case CLEAR, COPY, SOURCE_IN, DESTINATION_IN, SOURCE_OUT, DESTINATION_OUT, DESTINATION_ATOP, SOURCE_ATOP, XOR -> true;
            default -> false;
        };
    }

    /** Index in {@link #spans} of row {@code r}'s first span (counted from the rows' first); its last ends before row r + 1's first. */
    int rowStart(int r) {
        return rowStarts[r];
    }

    /**
     * Adds the union of {@code scene}'s layers on its row {@code sy}, the scene's canvas at column
     * {@code dx}, clipped to [x0, x1) and, where {@code cut}, to the scene's canvas (a pass-through
     * group's layers are not cut to its canvas).
     */
    private void add(Scene scene, int dx, int sy, int x0, int x1, boolean cut) {
        if (cut) {
            if (sy < 0 || sy >= scene.height()) return;
            x0 = Math.max(x0, dx);
            x1 = Math.min(x1, dx + scene.width());
        }
        if (x0 >= x1) return;
        List<Layer> layers = scene.layers();
        for (int i = 0, n = scene.coveringLayers(); i < n; i++) { // no iterator: this recursion defeats escape analysis
            Layer l = layers.get(i);
            if (!l.visible()) continue;
            if (l.isGroup()) {
                if (l.group().background() != 0) {
                    addBounds(l.bounds(), dx, sy, x0, x1);
                } else {
                    add(l.group(), dx + l.x(), sy - l.y(), x0, x1, !l.isPassThrough());
                }
                continue;
            }
            if (l.isTransformed()) {
                addBounds(l.bounds(), dx, sy, x0, x1);
                continue;
            }
            addRuns(l, dx, sy, x0, x1, false);
        }
    }

    /**
     * Adds the runs of plain layer {@code l}'s row on the scene's row {@code sy} (the scene's canvas
     * at column {@code dx}), clipped to [x0, x1): its opaque runs, or all that are not transparent.
     */
    private void addRuns(Layer l, int dx, int sy, int x0, int x1, boolean opaqueOnly) {
        int ly = sy - l.y();
        if (ly < 0 || ly >= l.source().height()) return;
        Coverage cov = l.source().coverage();
        byte kind = cov.rowKind(ly);
        if (kind == Coverage.TRANSPARENT) return;
        int lx = dx + l.x();
        leafN = 0;
        if (kind == Coverage.OPAQUE) {
            leafAdd(Math.max(x0, lx), Math.min(x1, lx + l.source().width()));
        } else {
            int begin = 0;
            for (int r = cov.rowRunsStart(ly), e = cov.rowRunsEnd(ly); r < e; r++) {
                int end = cov.runEnd(r);
                byte k = cov.runKind(r);
                if (opaqueOnly ? k == Coverage.OPAQUE : k != Coverage.TRANSPARENT) leafAdd(Math.max(x0, lx + begin), Math.min(x1, lx + end));
                begin = end;
            }
        }
        merge();
    }

    /** Adds the columns of {@code b} (in the scene's canvas, placed at column {@code dx}) if it holds row {@code sy}. */
    private void addBounds(Rect b, int dx, int sy, int x0, int x1) {
        if (sy < b.y() || sy >= b.bottom()) return;
        leafN = 0;
        leafAdd(Math.max(x0, dx + b.x()), Math.min(x1, dx + b.right()));
        merge();
    }

    /** Appends {@code [a, b)} to the current layer's runs (which come left to right), joined to the last if near. */
    private void leafAdd(int a, int b) {
        if (a >= b) return;
        if (leafN > 0 && a <= leaf[leafN - 1] + bridge) {
            leaf[leafN - 1] = Math.max(leaf[leafN - 1], b);
            return;
        }
        if (leafN + 2 > leaf.length) leaf = Arrays.copyOf(leaf, 2 * leaf.length);
        leaf[leafN++] = a;
        leaf[leafN++] = b;
    }

    /** The row's union so far merged with the current layer's runs (both sorted): into {@code tmp}, then swapped. */
    private void merge() {
        if (leafN == 0) return;
        if (tmp.length < accN + leafN) tmp = new int[Math.max(accN + leafN, 2 * tmp.length)];
        int i = 0, j = 0, n = 0;
        while (i < accN || j < leafN) {
            int a, b;
            if (j >= leafN || (i < accN && acc[i] <= leaf[j])) {
                a = acc[i];
                b = acc[i + 1];
                i += 2;
            } else {
                a = leaf[j];
                b = leaf[j + 1];
                j += 2;
            }
            if (n > 0 && a <= tmp[n - 1] + bridge) {
                tmp[n - 1] = Math.max(tmp[n - 1], b);
            } else {
                tmp[n++] = a;
                tmp[n++] = b;
            }
        }
        int[] t = acc;
        acc = tmp;
        tmp = t;
        accN = n;
    }
}

package dev.blendbench.engine.render;

import java.util.Arrays;

/**
 * One tile's occlusion runs, reused by every tile on a thread: for each row, pairs
 * {@code (end, layer)} covering the tile's columns left to right, {@code layer} the topmost
 * layer opaque over the run, or −1 where none is. Layers claim, top down, the columns they cover
 * with opaque pixels; {@link TileRenderer} then composites each layer only where no layer above
 * it claimed.
 */
final class Occlusion {
    /**
     * The narrowest open stretch a layer's opaque run takes over from the layers below: narrower
     * slivers (where the edges of stacked opaque shapes nearly meet) stay open, and the layers
     * below are blended there before the opaque layer copies over them — the same pixels, fewer
     * spans. Measured with eight layers of 100-pixel stripes 5 pixels apart at 3840×2160:
     * 27.9 ms with every sliver claimed, 21.4 with this.
     */
    static final int MIN_CLAIM = 32;

    int[] runs = new int[1024];
    private int[] rowStarts = new int[65];
    private int pos, count, x0, row;
    /** The row's new runs while a layer claims; the pair being read and the column it now starts at. */
    private int[] next = new int[256];
    private int nextCount, in, inStart, layer;
    /** Columns of the current row no layer occludes yet. */
    int open;

    void start(int rows) {
        if (rowStarts.length < rows + 1) rowStarts = new int[rows + 1];
        pos = 0;
    }

    void beginRow(int r, int ax0, int ax1) {
        row = r;
        rowStarts[r] = pos;
        ensure(pos + 2);
        runs[pos] = ax1;
        runs[pos + 1] = -1;
        count = 1;
        x0 = ax0;
        open = ax1 - ax0;
    }

    void endRow() {
        pos += 2 * count;
        rowStarts[row + 1] = pos;
    }

    /** Index of row {@code r}'s first run pair; row r's pairs end where row r + 1's begin. */
    int rowStart(int r) {
        return rowStarts[r];
    }

    /** The first pair from {@code q} (before {@code last}) whose run layer {@code i} shows in: no layer above i occludes it. */
    int visibleFrom(int q, int last, int i) {
        while (q < last && runs[q + 1] > i) q += 2;
        return q;
    }

    /** The pair just after the pairs from {@code q} in which layer {@code i} shows. */
    int visibleTo(int q, int last, int i) {
        while (q < last && runs[q + 1] <= i) q += 2;
        return q;
    }

    /** Starts layer {@code i}'s claims on the current row; {@link #endLayer} ends them. */
    void beginLayer(int i) {
        layer = i;
        nextCount = 0;
        in = 0;
        inStart = x0;
    }

    /**
     * Makes the current layer the occluder of the still-open columns of {@code [c0, c1)}.
     * A layer's claims come left to right and do not overlap: the row's runs are merged with
     * them into a new list in one pass per layer.
     */
    void claim(int c0, int c1) {
        c0 = Math.max(c0, x0);
        c1 = Math.min(c1, runs[pos + 2 * count - 2]);
        while (in < count && inStart < c1) {
            int p = pos + 2 * in, e = runs[p], occluder = runs[p + 1];
            if (e <= c0 || occluder >= 0) { // before the claim, or hidden by a layer above: kept
                if (e > c1) return; // reaches past the claim: the next claim or endLayer keeps it
                emit(e, occluder);
                inStart = e;
                in++;
                continue;
            }
            int hi = Math.min(e, c1);
            if (hi - Math.max(inStart, c0) < MIN_CLAIM) { // too narrow to be worth its own spans: left open
                if (hi < e) return;
                emit(e, -1);
                inStart = e;
                in++;
                continue;
            }
            if (inStart < c0) {
                emit(c0, -1);
                inStart = c0;
            }
            emit(hi, layer);
            open -= hi - inStart;
            inStart = hi;
            if (hi < e) return; // the rest of this open run stays open
            in++;
        }
    }

    /** Ends the current layer's claims: the rest of the row is kept as it was. */
    void endLayer() {
        for (; in < count; in++) emit(runs[pos + 2 * in], runs[pos + 2 * in + 1]);
        ensure(pos + 2 * nextCount);
        System.arraycopy(next, 0, runs, pos, 2 * nextCount);
        count = nextCount;
    }

    /** Appends the run ending at {@code end} to the new list, joining it to the last if they share the occluder. */
    private void emit(int end, int occluder) {
        if (nextCount > 0 && next[2 * nextCount - 1] == occluder) {
            next[2 * nextCount - 2] = end;
            return;
        }
        if (next.length < 2 * nextCount + 2) next = Arrays.copyOf(next, 2 * next.length);
        next[2 * nextCount] = end;
        next[2 * nextCount + 1] = occluder;
        nextCount++;
    }

    private void ensure(int n) {
        if (runs.length < n) runs = Arrays.copyOf(runs, Math.max(n, 2 * runs.length));
    }
}

package dev.blendbench.engine.surface;

/**
 * Which spans of each row of a surface are fully transparent, fully opaque, or mixed, stored as
 * runs with pixel-exact ends (a row crossing a soft-edged shape has about five: transparent,
 * mixed, opaque, mixed, transparent). Renderers use it to skip transparent source spans without
 * reading them and to copy opaque ones, with a few steps per row.
 *
 * <p><b>Runs.</b> A transparent run holds only pixels with alpha 0, an opaque run only pixels with
 * alpha 255; a mixed run may hold anything. Transparent and opaque runs are at least
 * {@link #MIN_SOLID} pixels long (unless the whole row is that kind): shorter ones, as in noise,
 * are folded into the mixed runs around them, so a row has at most about
 * {@code 2 · width / MIN_SOLID} runs.
 *
 * <p>Immutable once built. {@link Surface#coverage()} caches it; any write through the surface's
 * own methods drops the cache, and code that writes through {@link Surface#array()} must call
 * {@link Surface#markModified()}.
 */
public final class Coverage {
    /**
     * The shortest transparent or opaque run kept; shorter ones become part of a mixed run. Each
     * run a renderer walks costs it about as much as blending a few hundred cached pixels, so
     * short solid runs are not worth their own: with 16, eight layers of 20-pixel stripes
     * rendered in 82 ms at 3840×2160 (against 18 with whole 64-pixel blocks), with 64 in 19 ms;
     * the 8-layer benchmark scene of soft discs took the same time within this machine's noise.
     */
    public static final int MIN_SOLID = 64;
    /** Pixels per block read at once; a block that is all one kind needs no per-pixel look. */
    private static final int BLOCK = MIN_SOLID;
    public static final byte TRANSPARENT = 0;
    public static final byte OPAQUE = 1;
    public static final byte MIXED = 2;

    /** Runs of all rows: {@code end << 2 | kind}, each run ending (exclusive) at {@code end}. */
    private final int[] runs;
    /** Row y's runs are {@code runs[rowStart[y] .. rowStart[y + 1])}. */
    private final int[] rowStart;
    private final byte[] rowKinds;

    private Coverage(int[] runs, int[] rowStart, byte[] rowKinds) {
        this.runs = runs;
        this.rowStart = rowStart;
        this.rowKinds = rowKinds;
    }

    static Coverage of(Surface s) {
        int w = s.width(), h = s.height();
        int bpr = (w + BLOCK - 1) / BLOCK;
        Builder b = new Builder(Math.max(16, h * 4));
        int[] rowStart = new int[h + 1];
        byte[] rk = new byte[h];
        int[] a = s.array();
        for (int y = 0; y < h; y++) {
            rowStart[y] = b.count;
            int row = s.index(0, y);
            int rowAnd = -1, rowOr = 0;
            for (int k = 0; k < bpr; k++) {
                int and = -1, or = 0;
                int x0 = k * BLOCK, end = Math.min(w, x0 + BLOCK);
                for (int i = row + x0, e = row + end; i < e; i++) {
                    int p = a[i];
                    and &= p;
                    or |= p;
                }
                rowAnd &= and;
                rowOr |= or;
                if ((or >>> 24) == 0) {
                    b.add(TRANSPARENT, end);
                } else if ((and >>> 24) == 255) {
                    b.add(OPAQUE, end);
                } else {
                    mixedBlock(a, row + x0, end - x0, x0, b);
                }
            }
            b.foldShortSolids();
            rk[y] = (rowOr >>> 24) == 0 ? TRANSPARENT : (rowAnd >>> 24) == 255 ? OPAQUE : MIXED;
        }
        rowStart[h] = b.count;
        return new Coverage(java.util.Arrays.copyOf(b.runs, b.count), rowStart, rk);
    }

    /**
     * The runs of a block that is not all one kind ({@code len ≤ BLOCK} pixels from {@code a[from]},
     * at column {@code x0}): only a solid span touching the block's first or last pixel can be part
     * of one {@link #MIN_SOLID} ({@code = BLOCK}) long, so those two are measured exactly and
     * everything between them is mixed (noise is not looked at pixel by pixel).
     */
    private static void mixedBlock(int[] a, int from, int len, int x0, Builder b) {
        int first = kind(a[from]), last = kind(a[from + len - 1]);
        int lead = 0, trail = 0;
        if (first != MIXED) {
            do lead++; while (lead < len && kind(a[from + lead]) == first);
        }
        if (last != MIXED) {
            do trail++; while (trail < len - lead && kind(a[from + len - 1 - trail]) == last);
        }
        if (lead > 0) b.add(first, x0 + lead);
        if (len - trail > lead) b.add(MIXED, x0 + len - trail);
        if (trail > 0) b.add(last, x0 + len);
    }

    private static int kind(int argb) {
        int alpha = argb >>> 24;
        return alpha == 0 ? TRANSPARENT : alpha == 255 ? OPAQUE : MIXED;
    }

    /** Appends runs, merging a run into the one before it when their kinds are equal. */
    private static final class Builder {
        int[] runs;
        int count;
        private int rowFirst; // index of the current row's first run

        Builder(int capacity) {
            runs = new int[capacity];
        }

        void add(int kind, int end) {
            if (count > rowFirst && (runs[count - 1] & 3) == kind) {
                runs[count - 1] = (end << 2) | kind;
                return;
            }
            if (count == runs.length) {
                runs = java.util.Arrays.copyOf(runs, runs.length * 2);
            }
            runs[count++] = (end << 2) | kind;
        }

        /**
         * Makes the current row's transparent and opaque runs shorter than {@link #MIN_SOLID}
         * mixed, merging equal neighbours, and starts the next row.
         */
        void foldShortSolids() {
            int first = rowFirst, out = first, begin = 0;
            for (int r = first; r < count; r++) {
                int end = runs[r] >>> 2, kind = runs[r] & 3;
                boolean wholeRow = r == first && r == count - 1;
                if (kind != MIXED && end - begin < MIN_SOLID && !wholeRow) {
                    kind = MIXED;
                }
                if (out > first && (runs[out - 1] & 3) == kind) {
                    runs[out - 1] = (end << 2) | kind;
                } else {
                    runs[out++] = (end << 2) | kind;
                }
                begin = end;
            }
            count = out;
            rowFirst = count;
        }
    }

    /** The kind of the whole row {@code y}: transparent or opaque if every block is, else mixed. */
    public byte rowKind(int y) {
        return rowKinds[y];
    }

    /** Index of row y's first run; with {@link #rowRunsEnd}, for walking runs. */
    public int rowRunsStart(int y) {
        return rowStart[y];
    }

    public int rowRunsEnd(int y) {
        return rowStart[y + 1];
    }

    /**
     * Index of the run of row {@code y} that holds column {@code x} (the first run ending after
     * it), found by binary search; {@link #rowRunsEnd} if {@code x} is past the row.
     */
    public int runAt(int y, int x) {
        int lo = rowStart[y], hi = rowStart[y + 1];
        int key = x << 2 | 3; // runs[r] > key  <=>  end > x
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (runs[mid] > key) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** End (exclusive column) of run {@code r}. */
    public int runEnd(int r) {
        return runs[r] >>> 2;
    }

    /** Kind of run {@code r}. */
    public byte runKind(int r) {
        return (byte) (runs[r] & 3);
    }
}

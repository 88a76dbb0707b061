package dev.blendbench.engine.surface;

/**
 * Which spans of each row of a surface are fully transparent, fully opaque, or mixed, found per
 * block of {@link #BLOCK} pixels and stored as runs (a row crossing a soft-edged shape has about
 * five: transparent, mixed, opaque, mixed, transparent). Renderers use it to skip transparent
 * source spans without reading them and to copy opaque ones, with a few steps per row.
 *
 * <p>Immutable once built. {@link Surface#coverage()} caches it; any write through the surface's
 * own methods drops the cache, and code that writes through {@link Surface#array()} must call
 * {@link Surface#markModified()}.
 */
public final class Coverage {
    /** Pixels per classified block along a row. */
    public static final int BLOCK = 64;
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
        int[] runs = new int[Math.max(16, h * 4)];
        int count = 0;
        int[] rowStart = new int[h + 1];
        byte[] rk = new byte[h];
        int[] a = s.array();
        for (int y = 0; y < h; y++) {
            rowStart[y] = count;
            int row = s.index(0, y);
            int rowAnd = -1, rowOr = 0;
            int prev = -1;
            for (int b = 0; b < bpr; b++) {
                int and = -1, or = 0;
                int end = Math.min(w, (b + 1) * BLOCK);
                for (int i = row + b * BLOCK, e = row + end; i < e; i++) {
                    int p = a[i];
                    and &= p;
                    or |= p;
                }
                int kind = (or >>> 24) == 0 ? TRANSPARENT : (and >>> 24) == 255 ? OPAQUE : MIXED;
                rowAnd &= and;
                rowOr |= or;
                if (kind == prev) {
                    runs[count - 1] = (end << 2) | kind;
                } else {
                    if (count == runs.length) {
                        runs = java.util.Arrays.copyOf(runs, runs.length * 2);
                    }
                    runs[count++] = (end << 2) | kind;
                    prev = kind;
                }
            }
            rk[y] = (rowOr >>> 24) == 0 ? TRANSPARENT : (rowAnd >>> 24) == 255 ? OPAQUE : MIXED;
        }
        rowStart[h] = count;
        return new Coverage(java.util.Arrays.copyOf(runs, count), rowStart, rk);
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

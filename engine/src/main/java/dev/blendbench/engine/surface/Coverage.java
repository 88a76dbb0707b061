package dev.blendbench.engine.surface;

/**
 * Which blocks of a surface are fully transparent, fully opaque, or mixed: one byte per block of
 * {@link #BLOCK} pixels of a row. Renderers use it to skip transparent source spans without
 * reading them and to copy opaque ones.
 *
 * <p>Immutable once built. {@link Surface#coverage()} caches it; any write through the surface's
 * own methods drops the cache, and code that writes through {@link Surface#array()} must call
 * {@link Surface#markModified()}.
 */
public final class Coverage {
    /** Pixels per block along a row. */
    public static final int BLOCK = 64;
    public static final byte TRANSPARENT = 0;
    public static final byte OPAQUE = 1;
    public static final byte MIXED = 2;

    private final byte[] kinds;
    private final int blocksPerRow;

    private Coverage(byte[] kinds, int blocksPerRow) {
        this.kinds = kinds;
        this.blocksPerRow = blocksPerRow;
    }

    static Coverage of(Surface s) {
        int w = s.width(), h = s.height();
        int bpr = (w + BLOCK - 1) / BLOCK;
        byte[] k = new byte[bpr * h];
        int[] a = s.array();
        for (int y = 0; y < h; y++) {
            int row = s.index(0, y);
            for (int b = 0; b < bpr; b++) {
                int and = -1, or = 0;
                for (int i = row + b * BLOCK, e = row + Math.min(w, (b + 1) * BLOCK); i < e; i++) {
                    int p = a[i];
                    and &= p;
                    or |= p;
                }
                k[y * bpr + b] = (or >>> 24) == 0 ? TRANSPARENT : (and >>> 24) == 255 ? OPAQUE : MIXED;
            }
        }
        return new Coverage(k, bpr);
    }

    /** The kind of the block holding pixel {@code (x, y)}. */
    public byte kind(int x, int y) {
        return kinds[y * blocksPerRow + x / BLOCK];
    }

    /** True if every block of row {@code y} between columns {@code x0} (inclusive) and {@code x1} is opaque. */
    public boolean rowOpaque(int x0, int x1, int y) {
        int base = y * blocksPerRow;
        for (int b = x0 / BLOCK, e = (x1 - 1) / BLOCK; b <= e; b++) {
            if (kinds[base + b] != OPAQUE) {
                return false;
            }
        }
        return true;
    }

    /** True if every block of row {@code y} between columns {@code x0} (inclusive) and {@code x1} is transparent. */
    public boolean rowTransparent(int x0, int x1, int y) {
        int base = y * blocksPerRow;
        for (int b = x0 / BLOCK, e = (x1 - 1) / BLOCK; b <= e; b++) {
            if (kinds[base + b] != TRANSPARENT) {
                return false;
            }
        }
        return true;
    }
}

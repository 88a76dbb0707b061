package dev.blendbench.engine.scene;

import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.Arrays;
import java.util.Objects;

/**
 * A layer's pixel mask (Photoshop's layer mask): one value a pixel, 0 hiding the layer there and
 * 255 showing it, over a {@code width × height} rectangle at {@code (x, y)} from the layer's
 * position (so it moves with the layer), {@code outside} everywhere else. Applied as a render
 * draws the layer, after any resampling, on the canvas: each premultiplied channel of the layer's
 * pixel times the value, divided by 255 and rounded ({@link Argb#mulDiv255}). A disabled mask is
 * kept but not applied.
 *
 * <p>Immutable: the values array is not copied, and must not change once the mask is made. Where
 * the mask is 255 (it lets the layer through untouched) is worked out once, on first use, for the
 * renderer's occlusion pass ({@link #fullRunsStart}).
 */
public final class LayerMask {
    private final byte[] values;
    private final int x, y, width, height, outside;
    private final boolean enabled;
    /** Per row: the columns where the value is 255, as (begin, end) pairs; null until first asked. Shared by on and off copies. */
    private final Runs runs;

    public LayerMask(byte[] values, int x, int y, int width, int height, int outside, boolean enabled) {
        this(values, x, y, width, height, outside, enabled, new Runs());
    }

    private LayerMask(byte[] values, int x, int y, int width, int height, int outside, boolean enabled, Runs runs) {
        Objects.requireNonNull(values, "values");
        if (width < 0 || height < 0 || (long) width * height != values.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " mask needs " + (long) width * height
                    + " values, not " + values.length);
        }
        if (outside < 0 || outside > 255) throw new IllegalArgumentException("mask value outside its rectangle must be 0..255: " + outside);
        this.values = values;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.outside = outside;
        this.enabled = enabled;
        this.runs = runs;
    }

    /** The values, row by row over the rectangle (not a copy: do not change them). */
    public byte[] values() { return values; }

    public int x() { return x; }

    public int y() { return y; }

    public int width() { return width; }

    public int height() { return height; }

    /** The value everywhere outside the rectangle. */
    public int outside() { return outside; }

    public boolean enabled() { return enabled; }

    /** This mask turned on or off. */
    public LayerMask withEnabled(boolean e) { return new LayerMask(values, x, y, width, height, outside, e, runs); }

    /** This mask with its rectangle moved by {@code (dx, dy)} from the layer's position (its 255 runs shared). */
    public LayerMask moved(int dx, int dy) {
        return dx == 0 && dy == 0 ? this : new LayerMask(values, x + dx, y + dy, width, height, outside, enabled, runs);
    }

    /** The mask's rectangle, from the layer's position. */
    public Rect bounds() { return new Rect(x, y, width, height); }

    /** The value at {@code (mx, my)} from the layer's position. */
    public int value(int mx, int my) {
        mx -= x;
        my -= y;
        return mx >= 0 && my >= 0 && mx < width && my < height ? values[my * width + mx] & 0xFF : outside;
    }

    /**
     * Masks the canvas rectangle [x0, x1) × [y0, y1) of a layer placed at {@code (lx, ly)}, whose
     * premultiplied pixels are row-major in {@code px} from {@code off}, {@code stride} a row.
     */
    public void apply(int[] px, int off, int stride, int x0, int y0, int x1, int y1, int lx, int ly) {
        for (int cy = y0; cy < y1; cy++) {
            int my = cy - ly - y, row = off + (cy - y0) * stride - x0;
            boolean rowIn = my >= 0 && my < height;
            // outside the rectangle's columns (or rows): the outside value, a run at a time
            int in0 = rowIn ? Math.clamp(lx + x, x0, x1) : x1, in1 = rowIn ? Math.clamp(lx + x + width, x0, x1) : x1;
            scale(px, row + x0, in0 - x0, outside);
            scale(px, row + in1, x1 - in1, outside);
            if (in0 < in1) Compositor.scaleByMask(px, row + in0, values, my * width - (lx + x) + in0, in1 - in0);
        }
    }

    /**
     * Fades canvas row {@code cy}, columns [x0, x1), of {@code dst} (column {@code x0} at
     * {@code dOff}) towards {@code src} (column {@code x0} at {@code so}) by {@code op} times this
     * mask's value at each pixel, for a layer placed at {@code (lx, ly)}: a masked pass-through
     * group's fade ({@link Compositor#fadeByMask}; the outside value a run at a time).
     */
    public void fade(int[] src, int so, int[] dst, int dOff, int op, int x0, int x1, int cy, int lx, int ly) {
        int my = cy - ly - y;
        boolean rowIn = my >= 0 && my < height;
        int in0 = rowIn ? Math.clamp(lx + x, x0, x1) : x1, in1 = rowIn ? Math.clamp(lx + x + width, x0, x1) : x1;
        int fo = Argb.mulDiv255(op, outside);
        if (fo != 0) {
            Compositor.fade(src, so, dst, dOff, fo, in0 - x0);
            Compositor.fade(src, so + in1 - x0, dst, dOff + in1 - x0, fo, x1 - in1);
        }
        if (in0 < in1) Compositor.fadeByMask(src, so + in0 - x0, dst, dOff + in0 - x0, op, values, my * width - (lx + x) + in0, in1 - in0);
    }

    /**
     * A new surface: {@code source}, the untransformed pixels of a layer this mask belongs to,
     * through the mask (whatever its {@link #enabled} says).
     */
    public Surface drawn(Surface source) {
        Surface s = source.copy();
        apply(s.array(), s.index(0, 0), s.stride(), 0, 0, s.width(), s.height(), 0, 0);
        s.markModified();
        return s;
    }

    /**
     * Index in {@link #fullRuns()} of the first (begin, end) pair of row {@code my} of the
     * rectangle (0 ≤ my < height): columns of the rectangle where the value is 255; the row's
     * pairs end where row {@code my + 1}'s begin.
     */
    public int fullRunsStart(int my) { return runs.of(this).starts[my]; }

    /** The pairs {@link #fullRunsStart} indexes. */
    public int[] fullRuns() { return runs.of(this).pairs; }

    /**
     * For a layer placed at {@code (lx, ly)}: the end of a stretch of canvas row {@code cy} from
     * column {@code cx} on, up to {@code limit}, in which the mask is 255 ({@code whole}) or is not
     * (past {@code cx} wherever the value at {@code cx} is of that kind; it may stop short of the
     * stretch's end at the rectangle's edges); {@code cx} itself where the value at {@code cx} is
     * of the other kind.
     */
    public int stretchEnd(int cx, int cy, int lx, int ly, int limit, boolean whole) {
        int my = cy - ly - y, mx0 = lx + x, mx1 = mx0 + width;
        boolean outsideWhole = outside == 255;
        if (my < 0 || my >= height || cx >= mx1) return outsideWhole == whole ? limit : cx;
        if (cx < mx0) return outsideWhole == whole ? Math.min(limit, mx0) : cx;
        int c = cx - mx0;
        Runs.Made m = runs.of(this);
        int[] r = m.pairs;
        // the first run of the row that ends after c (ends ascend): a binary search over the row's pairs
        int lo = m.starts[my] / 2, hi = m.starts[my + 1] / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (r[2 * mid + 1] <= c) lo = mid + 1;
            else hi = mid;
        }
        if (lo == m.starts[my + 1] / 2) return whole ? cx : Math.min(limit, mx1); // past the row's last run
        int begin = r[2 * lo], end = r[2 * lo + 1];
        if (begin <= c) return whole ? Math.min(limit, mx0 + end) : cx;
        return whole ? cx : Math.min(limit, mx0 + begin);
    }

    private static void scale(int[] px, int from, int n, int v) {
        if (v == 255 || n <= 0) return;
        if (v == 0) {
            Arrays.fill(px, from, from + n, 0);
            return;
        }
        for (int i = from; i < from + n; i++) px[i] = scaled(px[i], v);
    }

    /** Each premultiplied channel of {@code p} times {@code v}/255, rounded ({@link Compositor#scale}). */
    public static int scaled(int p, int v) {
        return Compositor.scale(p, v);
    }

    /** The 255 runs, made once (a race makes them twice, the same). */
    private static final class Runs {
        private volatile Made made;

        private record Made(int[] starts, int[] pairs) {}

        Made of(LayerMask m) {
            Made r = made;
            if (r != null) return r;
            int[] starts = new int[m.height + 1];
            int n = 0;
            int[] pairs = new int[16];
            for (int row = 0; row < m.height; row++) {
                starts[row] = n;
                for (int c = 0, base = row * m.width; c < m.width; ) {
                    if (m.values[base + c] != (byte) 255) {
                        c++;
                        continue;
                    }
                    int e = c + 1;
                    while (e < m.width && m.values[base + e] == (byte) 255) e++;
                    if (n + 2 > pairs.length) pairs = Arrays.copyOf(pairs, 2 * pairs.length);
                    pairs[n++] = c;
                    pairs[n++] = e;
                    c = e;
                }
            }
            starts[m.height] = n;
            return made = new Made(starts, pairs);
        }
    }
}

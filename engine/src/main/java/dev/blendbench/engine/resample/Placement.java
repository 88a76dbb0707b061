package dev.blendbench.engine.resample;

import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.Objects;

/**
 * How a layer's source of {@code sourceWidth × sourceHeight} lands on the canvas: a
 * {@link Transform} (source → layer-local canvas coordinates) and a {@link Filter}, with
 * everything a render needs precomputed (the per-axis weights of an axis-aligned transform, the
 * inverse map and a kernel table otherwise). Immutable and shareable between threads and renders;
 * sampling allocates nothing once a thread's scratch has grown.
 *
 * <p><b>Edges.</b> Outside the source there is nothing (transparent), so a layer's edges fade
 * with their coverage: a layer placed at x = 10.5 covers half of canvas column 10. The
 * {@link #bounds()} include every canvas pixel the filter can reach.
 *
 * <p><b>Tiles.</b> {@link #sample} computes each pixel from the source and the precomputed
 * weights alone, so any split of the bounds into rectangles gives the same pixels.
 */
public final class Placement {
    /** The largest side of a transformed layer's bounds, in canvas pixels. */
    public static final int MAX_SIDE = 1 << 18;
    static final int LUT_STEPS = 1024;
    private static final boolean VECTOR = dev.blendbench.engine.blend.Compositor.isVectorized();

    private final Transform transform;
    private final Filter filter;
    final int sourceWidth, sourceHeight;
    private final Rect bounds;
    // axis-aligned: separable weights over the bounds, computed on first use (by the renderer's
    // threads, not by whoever builds the layer: an editor's UI thread only needs the bounds)
    private final boolean separable;
    private volatile AxisWeights h, v;
    // general: inverse map, widening and a kernel table
    final Transform inverse;
    final double widenX, widenY, radiusX, radiusY;
    /** Kernel table steps per source pixel along each axis: {@link #LUT_STEPS} over the widening. */
    final double stepX, stepY;
    final float[] lut;

    private Placement(Transform t, Filter f, int sw, int sh) {
        this.transform = t;
        this.filter = f;
        this.sourceWidth = sw;
        this.sourceHeight = sh;
        double sx = t.scaleX(), sy = t.scaleY();
        this.widenX = f.widening(sx);
        this.widenY = f.widening(sy);
        this.radiusX = f.radius() * widenX;
        this.radiusY = f.radius() * widenY;
        this.stepX = LUT_STEPS / widenX;
        this.stepY = LUT_STEPS / widenY;
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int c = 0; c < 4; c++) {
            double x = (c & 1) * sw, y = (c >> 1) * sh;
            double px = t.m00() * x + t.m01() * y + t.m02(), py = t.m10() * x + t.m11() * y + t.m12();
            minX = Math.min(minX, px);
            maxX = Math.max(maxX, px);
            minY = Math.min(minY, py);
            maxY = Math.max(maxY, py);
        }
        // how far the filter reaches beyond the source, in canvas pixels
        double margin = Math.max(radiusX * sx, radiusY * sy);
        double bx0 = Math.floor(minX - margin), by0 = Math.floor(minY - margin);
        double bx1 = Math.ceil(maxX + margin), by1 = Math.ceil(maxY + margin);
        if (bx1 - bx0 > MAX_SIDE || by1 - by0 > MAX_SIDE || Math.abs(bx0) > Integer.MAX_VALUE / 4
                || Math.abs(by0) > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("transformed layer would be " + (long) (bx1 - bx0) + "x"
                    + (long) (by1 - by0) + " pixels at (" + (long) bx0 + ", " + (long) by0 + "); the limit is "
                    + MAX_SIDE + " a side");
        }
        this.bounds = new Rect((int) bx0, (int) by0, (int) (bx1 - bx0), (int) (by1 - by0));
        this.separable = t.isAxisAligned();
        if (separable) {
            this.inverse = null;
            this.lut = null;
        } else {
            this.inverse = t.inverse();
            int n = (int) Math.ceil(f.radius() * LUT_STEPS) + 2;
            this.lut = new float[n];
            for (int i = 0; i < n; i++) lut[i] = (float) f.weight((double) i / LUT_STEPS);
            if (f == Filter.BOX) lut[LUT_STEPS / 2] = 1; // both ends closed: a sample on a pixel edge sees both pixels
        }
    }

    /**
     * The placement of a {@code sourceWidth × sourceHeight} source.
     *
     * @throws IllegalArgumentException for a non-positive source size, or bounds beyond {@link #MAX_SIDE}
     */
    public static Placement of(Transform transform, Filter filter, int sourceWidth, int sourceHeight) {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(filter, "filter");
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("source size must be positive: " + sourceWidth + "x" + sourceHeight);
        }
        return new Placement(transform, filter, sourceWidth, sourceHeight);
    }

    public Transform transform() { return transform; }

    public Filter filter() { return filter; }

    public int sourceWidth() { return sourceWidth; }

    public int sourceHeight() { return sourceHeight; }

    /** Every canvas pixel (layer-local) the layer can colour. */
    public Rect bounds() { return bounds; }

    /** True when sampling runs as two separable passes (no rotation or shear). */
    public boolean isSeparable() { return separable; }

    /** The separable weights, built once by the first thread that needs them. */
    private AxisWeights[] weights() {
        AxisWeights a = h, b = v;
        if (a == null || b == null) {
            synchronized (this) {
                if (h == null) {
                    v = new AxisWeights(filter, transform.m11(), transform.m12(), sourceHeight, bounds.y(), bounds.height(), false);
                    h = new AxisWeights(filter, transform.m00(), transform.m02(), sourceWidth, bounds.x(), bounds.width(), false);
                }
                a = h;
                b = v;
            }
        }
        return new AxisWeights[] {a, b};
    }

    /**
     * The source pixels read to produce the layer-local canvas rectangle {@code local} (clipped to
     * the source; empty if none), for race tracking.
     */
    public Rect sourceFootprint(Rect local) {
        Rect r = local.intersect(bounds);
        if (r.isEmpty()) return Rect.EMPTY;
        Rect src = new Rect(0, 0, sourceWidth, sourceHeight);
        if (separable) {
            AxisWeights[] w = weights();
            AxisWeights h = w[0], v = w[1];
            int i0 = r.x() - bounds.x(), i1 = r.right() - bounds.x();
            int j0 = r.y() - bounds.y(), j1 = r.bottom() - bounds.y();
            int x0 = h.firstSource(i0, i1), x1 = h.endSource(i0, i1);
            int y0 = v.firstSource(j0, j1), y1 = v.endSource(j0, j1);
            return new Rect(x0, y0, x1 - x0, y1 - y0).intersect(src);
        }
        double minU = Double.MAX_VALUE, minV = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (int c = 0; c < 4; c++) {
            double x = (c & 1) == 0 ? r.x() : r.right(), y = (c >> 1) == 0 ? r.y() : r.bottom();
            double u = inverse.m00() * x + inverse.m01() * y + inverse.m02();
            double w = inverse.m10() * x + inverse.m11() * y + inverse.m12();
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, w);
            maxV = Math.max(maxV, w);
        }
        int x0 = (int) Math.floor(minU - radiusX) - 1, y0 = (int) Math.floor(minV - radiusY) - 1;
        int x1 = (int) Math.ceil(maxU + radiusX) + 1, y1 = (int) Math.ceil(maxV + radiusY) + 1;
        x0 = Math.max(x0, 0);
        y0 = Math.max(y0, 0);
        x1 = Math.min(x1, sourceWidth);
        y1 = Math.min(y1, sourceHeight);
        return x1 <= x0 || y1 <= y0 ? Rect.EMPTY : new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * Writes the layer's pixels for the layer-local rectangle {@code local}, which must lie within
     * {@link #bounds()}, into {@code out} from {@code outOff} with row stride {@code outStride}.
     */
    public void sample(Surface source, Rect local, int[] out, int outOff, int outStride) {
        sample(source, local.x(), local.y(), local.right(), local.bottom(), out, outOff, outStride);
    }

    /**
     * The same for the layer-local rectangle {@code [x0, x1) × [y0, y1)}, without allocating
     * (what the renderer calls for every tile).
     */
    public void sample(Surface source, int x0, int y0, int x1, int y1, int[] out, int outOff, int outStride) {
        if (source.width() != sourceWidth || source.height() != sourceHeight) {
            throw new IllegalArgumentException("source is " + source.width() + "x" + source.height()
                    + ", the placement was made for " + sourceWidth + "x" + sourceHeight);
        }
        if (x0 < bounds.x() || y0 < bounds.y() || x1 > bounds.right() || y1 > bounds.bottom() || x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException("[" + x0 + ", " + x1 + ") × [" + y0 + ", " + y1
                    + ") is not within the layer bounds " + bounds);
        }
        if (x1 == x0 || y1 == y0) return;
        if (separable) {
            AxisWeights h = this.h, v = this.v;
            if (h == null || v == null) {
                AxisWeights[] w = weights();
                h = w[0];
                v = w[1];
            }
            Separable.run(source.array(), source.offset(), source.stride(), h, v,
                    x0 - bounds.x(), x1 - bounds.x(), y0 - bounds.y(), y1 - bounds.y(), out, outOff, outStride);
        } else {
            general(source, x0, y0, x1, y1, out, outOff, outStride, VECTOR);
        }
    }

    private static final ThreadLocal<float[]> TAPS = ThreadLocal.withInitial(() -> new float[64]);
    private static final ThreadLocal<int[]> WINDOW = ThreadLocal.withInitial(() -> new int[6]);

    /**
     * The filter window about source point {@code (u, w)}: the weights of its columns in
     * {@code wt[0, nx)} and of its rows in {@code wt[nx, nx + ny)}, and in {@code win} its first
     * column and row (what those weights are counted from), then the source columns and rows it
     * reads ({@code lo, hi, first row, last row}, all inclusive). Returns the normaliser (the
     * product of the weights' sums), or 0 where the window reads nothing: the pixel is transparent.
     * The scalar and the vector loop both take their windows from here.
     */
    float window(double u, double w, int nx, int ny, float[] wt, int[] win) {
        int jx0 = (int) Math.ceil(u - radiusX - 0.5), jx1 = (int) Math.floor(u + radiusX - 0.5);
        int iy0 = (int) Math.ceil(w - radiusY - 0.5), iy1 = (int) Math.floor(w + radiusY - 0.5);
        jx1 = Math.min(jx1, jx0 + nx - 1);
        iy1 = Math.min(iy1, iy0 + ny - 1);
        float sumX = 0, sumY = 0;
        for (int j = jx0; j <= jx1; j++) sumX += wt[j - jx0] = tap(j + 0.5 - u, stepX);
        for (int i = iy0; i <= iy1; i++) sumY += wt[nx + i - iy0] = tap(i + 0.5 - w, stepY);
        float norm = sumX * sumY;
        int lo = Math.max(jx0, 0), hi = Math.min(jx1, sourceWidth - 1);
        if (norm == 0 || lo > hi || iy1 < 0 || iy0 >= sourceHeight) return 0;
        win[0] = jx0;
        win[1] = iy0;
        win[2] = lo;
        win[3] = hi;
        win[4] = Math.max(iy0, 0);
        win[5] = Math.min(iy1, sourceHeight - 1);
        return norm;
    }

    /**
     * Direct 2-D filtering for rotated or sheared layers: one pixel at a time, in float; with
     * {@code vector}, the four channels of a tap in the lanes of one vector ({@link VectorGeneral}),
     * the same float operations in the same order, so the same bits.
     */
    void general(Surface source, int lx0, int ly0, int lx1, int ly1, int[] out, int outOff, int outStride, boolean vector) {
        int[] src = source.array();
        int so = source.offset(), ss = source.stride();
        int nx = (int) Math.ceil(2 * radiusX) + 2, ny = (int) Math.ceil(2 * radiusY) + 2;
        float[] wt = TAPS.get();
        if (wt.length < nx + ny) {
            wt = new float[nx + ny];
            TAPS.set(wt);
        }
        int[] win = WINDOW.get();
        Transform m = inverse;
        if (filter == Filter.BILINEAR && widenX == 1 && widenY == 1) {
            bilinear(src, so, ss, lx0, ly0, lx1, ly1, out, outOff, outStride);
            return;
        }
        boolean nearest = filter == Filter.NEAREST;
        if (vector && !nearest) {
            VectorGeneral.windowed(this, src, so, ss, lx0, ly0, lx1, ly1, out, outOff, outStride, wt, nx, ny, win);
            return;
        }
        for (int y = ly0; y < ly1; y++) {
            int o = outOff + (y - ly0) * outStride - lx0;
            for (int x = lx0; x < lx1; x++) {
                double cx = x + 0.5, cy = y + 0.5;
                double u = m.m00() * cx + m.m01() * cy + m.m02();
                double w = m.m10() * cx + m.m11() * cy + m.m12();
                if (nearest) {
                    int j = (int) Math.floor(u), i = (int) Math.floor(w);
                    out[o + x] = j >= 0 && j < sourceWidth && i >= 0 && i < sourceHeight ? src[so + i * ss + j] : 0;
                    continue;
                }
                float norm = window(u, w, nx, ny, wt, win);
                if (norm == 0) {
                    out[o + x] = 0;
                    continue;
                }
                int jx0 = win[0], iy0 = win[1], lo = win[2], hi = win[3];
                float a = 0, r = 0, g = 0, b = 0;
                for (int i = win[4], ie = win[5]; i <= ie; i++) {
                    float ra = 0, rr = 0, rg = 0, rb = 0;
                    int row = so + i * ss;
                    for (int j = lo; j <= hi; j++) {
                        int p = src[row + j];
                        float q = wt[j - jx0];
                        ra += q * (p >>> 24);
                        rr += q * ((p >>> 16) & 0xFF);
                        rg += q * ((p >>> 8) & 0xFF);
                        rb += q * (p & 0xFF);
                    }
                    float q = wt[nx + i - iy0];
                    a += q * ra;
                    r += q * rr;
                    g += q * rg;
                    b += q * rb;
                }
                float k = 1 / norm;
                out[o + x] = Separable.pack(Math.round(a * k), Math.round(r * k), Math.round(g * k), Math.round(b * k));
            }
        }
    }

    /**
     * Rotated bilinear without widening (the workbench's default): the tent filter's two taps a
     * side have weights {@code 1 − f} and {@code f}, so they are computed directly, not looked up.
     * Outside the source is transparent, as in the general path.
     */
    private void bilinear(int[] src, int so, int ss, int lx0, int ly0, int lx1, int ly1, int[] out, int outOff, int outStride) {
        Transform m = inverse;
        int w = sourceWidth, h = sourceHeight;
        for (int y = ly0; y < ly1; y++) {
            int o = outOff + (y - ly0) * outStride - lx0;
            double cy = y + 0.5;
            for (int x = lx0; x < lx1; x++) {
                double cx = x + 0.5;
                double u = m.m00() * cx + m.m01() * cy + m.m02() - 0.5;
                double v = m.m10() * cx + m.m11() * cy + m.m12() - 0.5;
                if (u <= -1 || v <= -1 || u >= w || v >= h) {
                    out[o + x] = 0;
                    continue;
                }
                int j = (int) Math.floor(u), i = (int) Math.floor(v);
                float fx = (float) (u - j), fy = (float) (v - i);
                int p00 = j >= 0 && i >= 0 ? src[so + i * ss + j] : 0;
                int p10 = j + 1 < w && i >= 0 ? src[so + i * ss + j + 1] : 0;
                int p01 = j >= 0 && i + 1 < h ? src[so + (i + 1) * ss + j] : 0;
                int p11 = j + 1 < w && i + 1 < h ? src[so + (i + 1) * ss + j + 1] : 0;
                if ((p00 | p10 | p01 | p11) == 0) {
                    out[o + x] = 0;
                    continue;
                }
                float w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
                int a = Math.round(w00 * (p00 >>> 24) + w10 * (p10 >>> 24) + w01 * (p01 >>> 24) + w11 * (p11 >>> 24));
                int r = Math.round(w00 * ((p00 >>> 16) & 0xFF) + w10 * ((p10 >>> 16) & 0xFF) + w01 * ((p01 >>> 16) & 0xFF) + w11 * ((p11 >>> 16) & 0xFF));
                int g = Math.round(w00 * ((p00 >>> 8) & 0xFF) + w10 * ((p10 >>> 8) & 0xFF) + w01 * ((p01 >>> 8) & 0xFF) + w11 * ((p11 >>> 8) & 0xFF));
                int b = Math.round(w00 * (p00 & 0xFF) + w10 * (p10 & 0xFF) + w01 * (p01 & 0xFF) + w11 * (p11 & 0xFF));
                out[o + x] = Separable.pack(a, r, g, b);
            }
        }
    }

    /**
     * The filter's weight {@code d} source pixels from the sample point, {@code step} table entries
     * a pixel (the widening folded in: one multiplication, no division, per tap).
     */
    float tap(double d, double step) {
        int k = (int) (Math.abs(d) * step + 0.5);
        return k < lut.length ? lut[k] : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Placement p && p.transform.equals(transform) && p.filter == filter
                && p.sourceWidth == sourceWidth && p.sourceHeight == sourceHeight;
    }

    @Override
    public int hashCode() { return Objects.hash(transform, filter, sourceWidth, sourceHeight); }

    @Override
    public String toString() {
        return "Placement[" + transform + ", " + filter + ", " + sourceWidth + "x" + sourceHeight + " → " + bounds + "]";
    }
}

package dev.blendbench.engine.resample;

import dev.blendbench.engine.blend.Compositor;

/**
 * The two-pass separable resample of 8-bit premultiplied ARGB in integer arithmetic: a horizontal
 * pass into 1.15-ish fixed-point planes (one plane per channel, 7 fraction bits kept, negative
 * lobes kept), then a vertical pass, then one rounding and the clamp ({@code 0 ≤ a ≤ 255},
 * {@code 0 ≤ c ≤ a}). Each output pixel's value depends only on the weights and the source, never
 * on which rectangle it was computed in, so tiles of any size give the same pixels; the Vector
 * API loops compute exactly the same integers as the scalar ones.
 */
final class Separable {
    private Separable() {}

    static final int FRACTION = 7;
    private static final boolean VECTOR = Compositor.isVectorized();
    private static final ThreadLocal<int[]> PLANES = ThreadLocal.withInitial(() -> new int[1 << 16]);

    /**
     * Writes output columns {@code [i0, i1)} × rows {@code [j0, j1)} (indices into {@code h} and
     * {@code v}) to {@code out} at {@code outOff}, row stride {@code outStride}.
     */
    static void run(int[] src, int srcOff, int srcStride, AxisWeights h, AxisWeights v,
                    int i0, int i1, int j0, int j1, int[] out, int outOff, int outStride) {
        run(src, srcOff, srcStride, h, v, i0, i1, j0, j1, out, outOff, outStride, VECTOR);
    }

    static void run(int[] src, int srcOff, int srcStride, AxisWeights h, AxisWeights v,
                    int i0, int i1, int j0, int j1, int[] out, int outOff, int outStride, boolean vector) {
        int w = i1 - i0;
        if (w <= 0 || j1 <= j0) return;
        int r0 = v.firstSource(j0, j1), r1 = v.endSource(j0, j1);
        int need = (r1 - r0) * 4 * w;
        int[] planes = PLANES.get();
        if (planes.length < need) {
            planes = new int[Math.max(need, planes.length * 2)];
            PLANES.set(planes);
        }
        if (vector) {
            VectorSeparable.horizontal(src, srcOff, srcStride, h, i0, i1, r0, r1, planes);
            VectorSeparable.vertical(planes, w, r0, v, j0, j1, out, outOff, outStride);
        } else {
            horizontal(src, srcOff, srcStride, h, i0, i1, r0, r1, planes);
            vertical(planes, w, r0, v, j0, j1, out, outOff, outStride);
        }
    }

    static void horizontal(int[] src, int srcOff, int srcStride, AxisWeights h, int i0, int i1, int r0, int r1, int[] planes) {
        horizontalTail(src, srcOff, srcStride, h, i0, i1, i0, r0, r1, planes);
    }

    /** Scalar horizontal pass for columns {@code [from, i1)} of a band that starts at {@code i0}. */
    static void horizontalTail(int[] src, int srcOff, int srcStride, AxisWeights h, int i0, int i1, int from,
                               int r0, int r1, int[] planes) {
        int w = i1 - i0, n = h.length, taps = h.taps;
        int[] start = h.start, wt = h.fixed;
        // keep 8 + FRACTION bits: (Σ w·c) >> (BITS − FRACTION)
        int shift = AxisWeights.BITS - FRACTION, round = 1 << (shift - 1);
        for (int r = r0; r < r1; r++) {
            int row = srcOff + r * srcStride;
            int pa = (r - r0) * 4 * w;
            for (int i = from; i < i1; i++) {
                int s = row + start[i];
                int a = 0, cr = 0, cg = 0, cb = 0;
                for (int k = 0, wi = i; k < taps; k++, wi += n) {
                    int p = src[s + k], q = wt[wi];
                    a += q * (p >>> 24);
                    cr += q * ((p >>> 16) & 0xFF);
                    cg += q * ((p >>> 8) & 0xFF);
                    cb += q * (p & 0xFF);
                }
                int x = i - i0;
                planes[pa + x] = (a + round) >> shift;
                planes[pa + w + x] = (cr + round) >> shift;
                planes[pa + 2 * w + x] = (cg + round) >> shift;
                planes[pa + 3 * w + x] = (cb + round) >> shift;
            }
        }
    }

    static void vertical(int[] planes, int w, int r0, AxisWeights v, int j0, int j1, int[] out, int outOff, int outStride) {
        verticalTail(planes, w, 0, r0, v, j0, j1, out, outOff, outStride);
    }

    /** Scalar vertical pass for plane columns {@code [from, w)}. */
    static void verticalTail(int[] planes, int w, int from, int r0, AxisWeights v, int j0, int j1,
                             int[] out, int outOff, int outStride) {
        int n = v.length, taps = v.taps;
        int shift = AxisWeights.BITS + FRACTION, round = 1 << (shift - 1);
        for (int j = j0; j < j1; j++) {
            int base = (v.start[j] - r0) * 4 * w;
            int o = outOff + (j - j0) * outStride;
            for (int x = from; x < w; x++) {
                int a = 0, cr = 0, cg = 0, cb = 0;
                for (int k = 0, p = base + x, wi = j; k < taps; k++, p += 4 * w, wi += n) {
                    int q = v.fixed[wi];
                    a += q * planes[p];
                    cr += q * planes[p + w];
                    cg += q * planes[p + 2 * w];
                    cb += q * planes[p + 3 * w];
                }
                out[o + x] = pack((a + round) >> shift, (cr + round) >> shift, (cg + round) >> shift, (cb + round) >> shift);
            }
        }
    }

    /** Clamps a filtered pixel to a valid premultiplied one and packs it. */
    static int pack(int a, int r, int g, int b) {
        a = Math.clamp(a, 0, 255);
        return a << 24 | Math.clamp(r, 0, a) << 16 | Math.clamp(g, 0, a) << 8 | Math.clamp(b, 0, a);
    }
}

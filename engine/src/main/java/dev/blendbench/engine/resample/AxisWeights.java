package dev.blendbench.engine.resample;

/**
 * Precomputed filter weights for one axis of a separable resample: for each output index
 * {@code i} (output pixel {@code origin + i}), {@link #taps} consecutive source indices from
 * {@code start[i]}, with weights in 1.14 fixed point at {@code fixed[k · length + i]} (tap-major,
 * so a vector of consecutive outputs loads one tap's weights at once) and the same weights as
 * floats in {@code real}.
 *
 * <p>Source index {@code j}'s centre is at {@code j + ½}; output pixel {@code d}'s centre maps to
 * the source coordinate {@code u = (d + ½ − offset) / scale}. Out-of-range source pixels either
 * are transparent (their weight is dropped: a layer's edge fades as its coverage does) or
 * {@code clampEdges} (the weights are renormalised over the pixels that exist: a resized opaque
 * image stays opaque to its border). Immutable once built.
 */
final class AxisWeights {
    static final int BITS = 14;
    static final int ONE = 1 << BITS;

    final int length;
    final int taps;
    final int[] start;
    final int[] fixed;
    final float[] real;

    AxisWeights(Filter filter, double scale, double offset, int srcLen, int origin, int length, boolean clampEdges) {
        this.length = length;
        double widen = filter.widening(Math.abs(scale));
        double radius = filter.radius() * widen;
        this.taps = filter == Filter.NEAREST ? 1 : (int) Math.min(srcLen, Math.ceil(2 * radius) + 1);
        this.start = new int[length];
        this.fixed = new int[taps * length];
        this.real = new float[taps * length];
        double[] w = new double[(int) Math.ceil(2 * radius) + 2];
        for (int i = 0; i < length; i++) {
            double u = (origin + i + 0.5 - offset) / scale;
            if (filter == Filter.NEAREST) {
                int j = (int) Math.floor(u);
                int s = Math.clamp(j, 0, srcLen - 1);
                start[i] = s;
                boolean in = j >= 0 && j < srcLen;
                fixed[i] = in || clampEdges ? ONE : 0;
                real[i] = in || clampEdges ? 1f : 0f;
                continue;
            }
            int first = (int) Math.ceil(u - radius - 0.5);
            int last = (int) Math.floor(u + radius - 0.5);
            int n = Math.min(w.length, last - first + 1);
            double total = 0, inside = 0;
            for (int k = 0; k < n; k++) {
                int j = first + k;
                w[k] = filter.weight((j + 0.5 - u) / widen);
                total += w[k];
                if (j >= 0 && j < srcLen) inside += w[k];
            }
            double norm = clampEdges ? inside : total;
            int s = Math.clamp(Math.max(0, first), 0, srcLen - taps);
            start[i] = s;
            if (norm == 0) continue;
            // each weight is the step of the rounded running sum, so every partial sum stays within
            // half a unit of the true one and the whole sums to exactly round(inside / norm): a
            // flat source stays exactly flat, and a kernel widened over thousands of taps (each
            // weight a few units) cannot pile its rounding onto one pixel
            double running = 0;
            int before = 0;
            for (int k = 0; k < n; k++) {
                int j = first + k;
                if (j < 0 || j >= srcLen) continue;
                double v = w[k] / norm;
                running += v;
                int upTo = (int) Math.round(running * ONE);
                fixed[(j - s) * length + i] = upTo - before;
                real[(j - s) * length + i] = (float) v;
                before = upTo;
            }
        }
    }

    /** The lowest source index any output in {@code [i0, i1)} reads. */
    int firstSource(int i0, int i1) {
        int m = Integer.MAX_VALUE;
        for (int i = i0; i < i1; i++) m = Math.min(m, start[i]);
        return m;
    }

    /** One past the highest source index any output in {@code [i0, i1)} reads. */
    int endSource(int i0, int i1) {
        int m = Integer.MIN_VALUE;
        for (int i = i0; i < i1; i++) m = Math.max(m, start[i] + taps);
        return m;
    }
}

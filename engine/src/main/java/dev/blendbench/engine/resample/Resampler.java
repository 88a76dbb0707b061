package dev.blendbench.engine.resample;

import dev.blendbench.engine.colour.Srgb;
import dev.blendbench.engine.surface.Surface;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Whole-image resizing. The image is mapped onto the new size edge to edge (output pixel
 * {@code d}'s centre samples source coordinate {@code (d + ½) · srcW / W}), and the filter is
 * renormalised over the pixels that exist at the borders, so a resized opaque image stays opaque
 * and a flat one stays exactly flat.
 *
 * <p>{@link #resize} filters the premultiplied 8-bit values in integer arithmetic, as separable
 * passes over bands of output rows (weights computed once per call); {@link #resizeLinear}
 * filters in linear light at float precision.
 */
public final class Resampler {
    private Resampler() {}

    /** Output rows per band: the horizontal pass of a band's source rows stays in L2. */
    static final int BAND = 32;

    /**
     * Resizes {@code src} to {@code width × height} with {@code filter}.
     *
     * @throws IllegalArgumentException for a non-positive or too large size (each side at most
     *                                  65 535, the whole at most 2³¹ pixels)
     */
    public static Surface resize(Surface src, int width, int height, Filter filter) {
        Surface out = Surface.allocate(width, height);
        new Plan(src, width, height, filter).resize(src, out);
        return out;
    }

    /**
     * Resizes {@code src} to {@code width × height}, its bands of output rows shared among up to
     * {@code parallelism} tasks: the caller runs one and {@code executor} the others. The pixels
     * are the same for every parallelism ({@link #resize} or {@link #resizeLinear} alone).
     *
     * @param linear filter in linear light, as {@link #resizeLinear}
     * @throws IllegalArgumentException for a bad size (as {@link #resize}) or a parallelism below 1
     */
    public static Surface resize(Surface src, int width, int height, Filter filter, boolean linear,
                                 Executor executor, int parallelism) {
        Objects.requireNonNull(filter, "filter");
        checkSize(width, height);
        Surface out = Surface.allocate(width, height);
        Plan plan = new Plan(src, width, height, filter);
        Bands.run(height, BAND, executor, parallelism, () -> new float[3][0], (j0, j1, scratch) -> {
            if (linear) plan.bandLinear(src, out, j0, j1, scratch);
            else plan.band(src, out, j0, j1);
        });
        return out;
    }

    /**
     * Precomputed weights for resizing sources of one size to one output size: reusable for
     * many images (benchmarks, batch jobs), thread-safe.
     */
    public static final class Plan {
        private final int srcW, srcH, width, height;
        final AxisWeights h, v;

        public Plan(Surface like, int width, int height, Filter filter) {
            Objects.requireNonNull(filter, "filter");
            checkSize(width, height);
            this.srcW = like.width();
            this.srcH = like.height();
            this.width = width;
            this.height = height;
            this.h = new AxisWeights(filter, (double) width / srcW, 0, srcW, 0, width, true);
            this.v = new AxisWeights(filter, (double) height / srcH, 0, srcH, 0, height, true);
        }

        /** Resizes {@code src} (the size this plan was made for) into {@code out}. */
        public void resize(Surface src, Surface out) {
            if (src.width() != srcW || src.height() != srcH || out.width() != width || out.height() != height) {
                throw new IllegalArgumentException("plan is for " + srcW + "x" + srcH + " → " + width + "x" + height);
            }
            for (int j0 = 0; j0 < height; j0 += BAND) {
                band(src, out, j0, Math.min(height, j0 + BAND));
            }
        }

        /** Output rows {@code [j0, j1)}: independent of other bands, so bands may run on different threads. */
        public void band(Surface src, Surface out, int j0, int j1) {
            Separable.run(src.array(), src.offset(), src.stride(), h, v, 0, width, j0, j1,
                    out.array(), out.index(0, j0), out.stride());
        }

        /**
         * Output rows {@code [j0, j1)} filtered in linear light ({@link #resizeLinear}): the source
         * rows they read decoded to premultiplied linear floats and filtered across, then down,
         * each finished value clamped and encoded once. Independent of other bands. {@code scratch}
         * holds one thread's three work buffers between bands (grown here as needed).
         */
        void bandLinear(Surface src, Surface out, int j0, int j1, float[][] scratch) {
            int sw = srcW;
            int r0 = v.firstSource(j0, j1), r1 = v.endSource(j0, j1);
            if (scratch[0].length < 4 * sw) scratch[0] = new float[4 * sw];
            if (scratch[1].length < 4 * width) scratch[1] = new float[4 * width];
            if (scratch[2].length < 4 * width * (r1 - r0)) scratch[2] = new float[4 * width * (r1 - r0)];
            float[] row = scratch[0], acc = scratch[1], mid = scratch[2];
            for (int y = r0; y < r1; y++) {
                Srgb.toLinear(src.array(), src.index(0, y), row, 0, sw);
                int m = 4 * width * (y - r0);
                for (int i = 0; i < width; i++) {
                    float a = 0, r = 0, g = 0, b = 0;
                    for (int k = 0, si = 4 * h.start[i]; k < h.taps; k++, si += 4) {
                        float q = h.real[k * width + i];
                        a += q * row[si];
                        r += q * row[si + 1];
                        g += q * row[si + 2];
                        b += q * row[si + 3];
                    }
                    mid[m + 4 * i] = a;
                    mid[m + 4 * i + 1] = r;
                    mid[m + 4 * i + 2] = g;
                    mid[m + 4 * i + 3] = b;
                }
            }
            for (int j = j0; j < j1; j++) {
                Arrays.fill(acc, 0f);
                for (int k = 0; k < v.taps; k++) {
                    float q = v.real[k * height + j];
                    int base = 4 * width * (v.start[j] + k - r0);
                    for (int x = 0; x < 4 * width; x++) acc[x] += q * mid[base + x];
                }
                for (int x = 0; x < width; x++) {
                    // clamp the finished value: alpha to 0..1, colour to 0..alpha
                    float a = Math.clamp(acc[4 * x], 0f, 1f);
                    acc[4 * x] = a;
                    for (int c = 1; c < 4; c++) acc[4 * x + c] = Math.clamp(acc[4 * x + c], 0f, a);
                }
                Srgb.fromLinear(acc, 0, out.array(), out.index(0, j), width);
            }
        }
    }

    /**
     * Resizes in linear light: decode to premultiplied linear floats, filter, encode once. A
     * one-pixel black and white checkerboard halved becomes 50 % grey in linear light (sRGB 188),
     * where filtering the encoded values gives a too dark 128.
     */
    public static Surface resizeLinear(Surface src, int width, int height, Filter filter) {
        return resize(src, width, height, filter, true, Runnable::run, 1);
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0 || width > 65_535 || height > 65_535 || (long) width * height > Surface.MAX_PIXELS) {
            throw new IllegalArgumentException("output size must be positive and at most 65535 a side: " + width + "x" + height);
        }
    }
}

package dev.blendbench.engine.blend;

import dev.blendbench.engine.surface.Surface;

/**
 * Blends premultiplied spans and surfaces with any {@link BlendMode} and a layer opacity.
 *
 * <p>Guarantees: results are deterministic and independent of how a row is split into spans
 * (the transparent-span skip and the opaque-span copy below produce exactly the pixels the kernel
 * would). Methods allocate nothing except {@link #composite}, which may allocate one scratch row.
 * Thread-safe: no shared state.
 */
public final class Compositor {
    private Compositor() {}

    /**
     * Pixels classified at once when looking for spans to skip or copy. Small enough to stay in
     * L1 between the classification and the blend, large enough to amortise the kernel call.
     */
    static final int CHUNK = 64;

    private static final int SKIP = 0, COPY = 1, BLEND = 2;

    /** Opacity 0..1 as the 0..255 factor the kernels use (rounded to nearest). */
    public static int opacityToByte(float opacity) {
        if (!(opacity >= 0f && opacity <= 1f)) {
            throw new IllegalArgumentException("opacity must be in [0, 1]: " + opacity);
        }
        return Math.round(opacity * 255f);
    }

    /** The raw kernel of a mode: no opacity, no span classification. */
    public static SpanKernel kernel(BlendMode mode) {
        return Kernels.of(mode);
    }

    /**
     * Blends {@code n} pixels of {@code src} at {@code so} onto {@code dst} at {@code dOff}.
     *
     * @param opacity the layer opacity as 0..255, applied to the source as the spec does
     * @param scratch a caller-owned buffer used only when {@code opacity < 255}; any length ≥ 1
     *                (longer is faster, up to the span length)
     */
    public static void blendRow(BlendMode mode, int opacity, int[] src, int so, int[] dst, int dOff,
                                int n, int[] scratch) {
        SpanKernel k = Kernels.of(mode);
        boolean skipTransparent = !mode.clearsOutsideSource();
        boolean copyOpaque = opacity == 255
                && (mode == BlendMode.SOURCE_OVER || mode == BlendMode.NORMAL || mode == BlendMode.COPY);
        int runStart = 0, runKind = -1;
        for (int i = 0; i < n; i += CHUNK) {
            int len = Math.min(CHUNK, n - i);
            int and = -1, or = 0;
            for (int j = so + i, e = so + i + len; j < e; j++) {
                int p = src[j];
                and &= p;
                or |= p;
            }
            int kind;
            if (skipTransparent && (or >>> 24) == 0) {
                kind = SKIP;
            } else if (copyOpaque && (and >>> 24) == 255) {
                kind = COPY;
            } else {
                kind = BLEND;
            }
            if (kind != runKind) {
                flush(runKind, k, opacity, src, so + runStart, dst, dOff + runStart, i - runStart, scratch);
                runKind = kind;
                runStart = i;
            }
        }
        flush(runKind, k, opacity, src, so + runStart, dst, dOff + runStart, n - runStart, scratch);
    }

    private static void flush(int kind, SpanKernel k, int opacity, int[] src, int so, int[] dst, int dOff,
                              int n, int[] scratch) {
        if (n <= 0 || kind == SKIP || kind < 0) {
            return;
        }
        if (kind == COPY) {
            System.arraycopy(src, so, dst, dOff, n);
        } else if (opacity == 255) {
            k.blend(src, so, dst, dOff, n);
        } else {
            for (int done = 0; done < n; ) {
                int len = Math.min(scratch.length, n - done);
                int base = so + done;
                for (int j = 0; j < len; j++) {
                    scratch[j] = PorterDuffKernels.scale(src[base + j], opacity);
                }
                k.blend(scratch, 0, dst, dOff + done, len);
                done += len;
            }
        }
    }

    /**
     * Blends all of {@code src} onto {@code dst} (same size) with {@code mode} at {@code opacity}.
     */
    public static void composite(Surface src, Surface dst, BlendMode mode, float opacity) {
        if (src.width() != dst.width() || src.height() != dst.height()) {
            throw new IllegalArgumentException("size mismatch: " + src.width() + "x" + src.height()
                    + " onto " + dst.width() + "x" + dst.height());
        }
        int op = opacityToByte(opacity);
        int[] scratch = op == 255 ? new int[1] : new int[Math.min(src.width(), 1024)];
        for (int y = 0; y < src.height(); y++) {
            blendRow(mode, op, src.array(), src.index(0, y), dst.array(), dst.index(0, y), src.width(), scratch);
        }
    }
}

package dev.blendbench.engine.blend;

import dev.blendbench.engine.surface.Coverage;
import dev.blendbench.engine.surface.Surface;
import java.util.concurrent.Executor;

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

    /**
     * The raw kernel of a mode: no opacity, no span classification. The vector loop where
     * {@link #isVectorized()}, except the scalar one while {@link #deferVectorLoopsUntilWarm} has
     * the mode's vector loop warming (same bits either way).
     */
    public static SpanKernel kernel(BlendMode mode) {
        return Kernels.of(mode);
    }

    /** The scalar kernel of a mode, whichever kernels are active (same results, slower). */
    public static SpanKernel scalarKernel(BlendMode mode) {
        return Kernels.scalarOf(mode);
    }

    /**
     * The system property that, set to {@code false} before the first kernel is used, selects the
     * scalar kernels although the JVM has {@code jdk.incubator.vector}. A compile-time constant:
     * reading it does not load this class.
     */
    public static final String VECTOR_PROPERTY = "blendbench.vector";

    /**
     * True when the Vector API kernels are active: the JVM was started with
     * {@code --add-modules jdk.incubator.vector} (and not {@code -Dblendbench.vector=false}).
     */
    public static boolean isVectorized() {
        return Kernels.VECTOR;
    }

    /**
     * The width in bits of the vectors the compute-bound kernels use (source-over and the lerp use
     * 256 where that is faster), or 0 with the scalar kernels: for reports and the workbench's About.
     */
    public static int vectorBits() {
        return Kernels.VECTOR ? Kernels.VectorTable.bits() : 0;
    }

    /**
     * For an interactive JVM's first renders: from now on each blend mode runs its scalar loop
     * until its Vector API loop has been compiled on {@code executor}, which the mode's first use
     * starts (about 0.7–1.3 s of one thread per mode). Vector API code runs boxed, hundreds of
     * times slower, until C2 has compiled it: a first 1920×1080 render of the demo scene takes
     * about 1.5 s with cold vector loops and 0.15 s with the scalar ones. Results are the same
     * bits either way, so renders running across a switch are unaffected. Does nothing where the
     * vector loops are not active ({@link #isVectorized()} false). {@code executor} should run the
     * warm-ups one at a time, off the threads that render.
     */
    public static void deferVectorLoopsUntilWarm(Executor executor) {
        Kernels.deferVectorLoops(executor);
    }

    /**
     * Blends {@code n} pixels of {@code src} at {@code so} onto {@code dst} at {@code dOff}.
     *
     * <p>Opacity: every mode but lighter is linear in the opacity applied to the source, so the
     * result is {@code lerp(r0, r1, opacity)} of the full-opacity result {@code r1} and the result
     * without the layer {@code r0} (the backdrop, or transparent for the modes that clear), with
     * one rounding. This keeps the straight source colour exact, where pre-scaling the 8-bit
     * source would move it (badly for hue at low alpha). Lighter scales the source.
     *
     * @param opacity the layer opacity as 0..255, applied to the source as the spec does
     * @param scratch a caller-owned buffer used only when {@code opacity < 255}; any length ≥ 1
     *                (longer is faster, up to the span length)
     */
    public static void blendRow(BlendMode mode, int opacity, int[] src, int so, int[] dst, int dOff,
                                int n, int[] scratch) {
        blendRow(mode, opacity, src, so, dst, dOff, n, scratch, null);
    }

    /**
     * As {@link #blendRow(BlendMode, int, int[], int, int[], int, int, int[])}, then, if {@code keep}
     * is not null, each span the blend changed cut back to the backdrop's alpha ({@link
     * #clipToBackdrop}): a layer clipped to what is below it, in a mode that leaves the backdrop
     * alone where the source is transparent. {@code keep} holds a span's backdrop meanwhile: at
     * least {@code n} long.
     */
    public static void blendRow(BlendMode mode, int opacity, int[] src, int so, int[] dst, int dOff,
                                int n, int[] scratch, int[] keep) {
        SpanKernel k = Kernels.of(mode);
        boolean skipTransparent = !mode.clearsOutsideSource();
        boolean copyOpaque = opacity == 255 && mode.replacesWhereOpaque();
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
                flush(runKind, mode, k, opacity, src, so + runStart, dst, dOff + runStart, i - runStart, scratch, keep);
                runKind = kind;
                runStart = i;
            }
        }
        flush(runKind, mode, k, opacity, src, so + runStart, dst, dOff + runStart, n - runStart, scratch, keep);
    }

    /**
     * As {@link #blendRow(BlendMode, int, int[], int, int[], int, int, int[])}, for the {@code n}
     * pixels of {@code src} from {@code (sx, sy)}, taking the transparent and opaque spans from
     * the source's cached {@link Coverage} instead of classifying pixels: transparent spans are
     * not even read. The result is the same.
     */
    public static void blendRow(BlendMode mode, int opacity, Surface src, int sx, int sy, int[] dst, int dOff,
                                int n, int[] scratch) {
        blendRow(mode, opacity, src, sx, sy, dst, dOff, n, scratch, null);
    }

    /** As {@link #blendRow(BlendMode, int, Surface, int, int, int[], int, int, int[])}, each changed span cut back as the int[] one's {@code keep} says. */
    public static void blendRow(BlendMode mode, int opacity, Surface src, int sx, int sy, int[] dst, int dOff,
                                int n, int[] scratch, int[] keep) {
        SpanKernel k = Kernels.of(mode);
        Coverage cov = src.coverage();
        boolean skipTransparent = !mode.clearsOutsideSource();
        boolean copyOpaque = opacity == 255 && mode.replacesWhereOpaque();
        int[] sa = src.array();
        int so = src.index(sx, sy);
        byte whole = cov.rowKind(sy);
        if (whole != Coverage.MIXED) { // the whole source row is one kind: no block walk
            int kind = skipTransparent && whole == Coverage.TRANSPARENT ? SKIP
                    : copyOpaque && whole == Coverage.OPAQUE ? COPY : BLEND;
            flush(kind, mode, k, opacity, sa, so, dst, dOff, n, scratch, keep);
            return;
        }
        int runStart = 0, runKind = -1;
        int first = cov.runAt(sy, sx);
        int runBegin = first == cov.rowRunsStart(sy) ? 0 : cov.runEnd(first - 1);
        for (int r = first, e = cov.rowRunsEnd(sy); r < e; r++) {
            int runEnd = cov.runEnd(r);
            int i0 = Math.max(runBegin, sx) - sx, i1 = Math.min(runEnd, sx + n) - sx;
            runBegin = runEnd;
            if (i1 <= i0) {
                if (i0 >= n) break;
                continue;
            }
            byte c = cov.runKind(r);
            int kind = skipTransparent && c == Coverage.TRANSPARENT ? SKIP
                    : copyOpaque && c == Coverage.OPAQUE ? COPY : BLEND;
            if (kind != runKind) {
                flush(runKind, mode, k, opacity, sa, so + runStart, dst, dOff + runStart, i0 - runStart, scratch, keep);
                runKind = kind;
                runStart = i0;
            }
        }
        flush(runKind, mode, k, opacity, sa, so + runStart, dst, dOff + runStart, n - runStart, scratch, keep);
    }

    private static void flush(int kind, BlendMode mode, SpanKernel k, int opacity, int[] src, int so, int[] dst,
                              int dOff, int n, int[] scratch, int[] backdrop) {
        if (n <= 0 || kind == SKIP || kind < 0) {
            return;
        }
        if (backdrop != null) {
            System.arraycopy(dst, dOff, backdrop, 0, n);
            flush(kind, mode, k, opacity, src, so, dst, dOff, n, scratch, null);
            clipToBackdrop(backdrop, 0, dst, dOff, n);
            return;
        }
        if (kind == COPY) {
            System.arraycopy(src, so, dst, dOff, n);
        } else if (opacity == 255) {
            k.blend(src, so, dst, dOff, n);
        } else if (mode == BlendMode.LIGHTER) {
            // lighter clamps, so it is not linear in opacity: scale the source instead
            for (int done = 0; done < n; ) {
                int len = Math.min(scratch.length, n - done);
                int base = so + done;
                for (int j = 0; j < len; j++) {
                    scratch[j] = PorterDuffKernels.scale(src[base + j], opacity);
                }
                k.blend(scratch, 0, dst, dOff + done, len);
                done += len;
            }
        } else {
            // Every other mode is linear in the opacity o applied to the source:
            // result(o) = lerp(result(0), result(1), o), with result(0) the backdrop, or
            // transparent for the modes that clear where the source is absent.
            boolean clears = mode.clearsOutsideSource(), vector = Kernels.vectorLerp();
            for (int done = 0; done < n; ) {
                int len = Math.min(scratch.length, n - done);
                int d0 = dOff + done;
                System.arraycopy(dst, d0, scratch, 0, len);
                k.blend(src, so + done, dst, d0, len);
                if (clears) { // towards transparent: the result scaled by the opacity
                    if (vector) VectorPorterDuffKernels.scaleRun(dst, d0, opacity, len);
                    else PorterDuffKernels.scaleRun(dst, d0, opacity, len);
                } else { // the backdrop, kept in scratch, faded towards the result by the opacity
                    fade(scratch, 0, dst, d0, 255 - opacity, len);
                }
                done += len;
            }
        }
    }

    /**
     * Each premultiplied channel of {@code p} times {@code v} (0..255) divided by 255, rounded, as
     * {@link dev.blendbench.engine.surface.Argb#mulDiv255} does: two channels at a time, each in 16
     * bits of an int (their products and the rounding term stay below 2^16).
     */
    public static int scale(int p, int v) {
        return PorterDuffKernels.scale(p, v);
    }

    /**
     * Scales each of {@code n} premultiplied pixels of {@code px} (from {@code pOff}) by its mask
     * value, 0..255, in {@code values} (from {@code vOff}): every channel times the value, divided
     * by 255 and rounded, as {@link dev.blendbench.engine.surface.Argb#mulDiv255} does. The
     * Vector API loop where the vector loops are in use; the same bits either way.
     */
    public static void scaleByMask(int[] px, int pOff, byte[] values, int vOff, int n) {
        if (Kernels.vectorLerp()) VectorPorterDuffKernels.scaleByMask(px, pOff, values, vOff, n);
        else PorterDuffKernels.scaleByMask(px, pOff, values, vOff, n);
    }

    /**
     * Fades {@code n} pixels of {@code dst} (from {@code dOff}) towards those of {@code src} (from
     * {@code so}) by {@code op} (0..255): {@code (op·s + (255 − op)·d) / 255} per premultiplied
     * channel, rounded, as {@link dev.blendbench.engine.surface.Argb#mulDiv255} rounds; 255 gives
     * {@code src}, 0 leaves {@code dst}. What a faded pass-through group does (see {@code Scene}).
     */
    public static void fade(int[] src, int so, int[] dst, int dOff, int op, int n) {
        if (Kernels.vectorLerp()) VectorPorterDuffKernels.fade(src, so, dst, dOff, op, n);
        else PorterDuffKernels.fade(src, so, dst, dOff, op, n);
    }

    /**
     * {@link #fade} pixel by pixel: each of the {@code n} pixels faded by {@code op} times its
     * value in {@code values} (from {@code vOff}, 0..255), divided by 255 and rounded — a faded
     * pass-through group's mask.
     */
    public static void fadeByMask(int[] src, int so, int[] dst, int dOff, int op, byte[] values, int vOff, int n) {
        if (Kernels.vectorLerp()) VectorPorterDuffKernels.fadeByMask(src, so, dst, dOff, op, values, vOff, n);
        else PorterDuffKernels.fadeByMask(src, so, dst, dOff, op, values, vOff, n);
    }

    /**
     * Cuts what a blend made of {@code n} pixels of {@code dst} (from {@code dOff}) back to the
     * alpha of the backdrop they were blended onto ({@code backdrop}, from {@code bo}: a copy of
     * {@code dst} before the blend), as a clipped layer of a clipping group needs (see {@code
     * Scene}): {@code c = (αb·x + (255 − αx)·b) / 255} per channel, rounded, alpha {@code αb}.
     * A pixel the blend left as it was stays so, and a colour never exceeds its alpha.
     */
    public static void clipToBackdrop(int[] backdrop, int bo, int[] dst, int dOff, int n) {
        if (Kernels.vectorLerp()) VectorPorterDuffKernels.clipToBackdrop(backdrop, bo, dst, dOff, n);
        else PorterDuffKernels.clipToBackdrop(backdrop, bo, dst, dOff, n);
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

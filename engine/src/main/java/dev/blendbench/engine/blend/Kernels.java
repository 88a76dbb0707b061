package dev.blendbench.engine.blend;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The span kernel of every {@link BlendMode}: the Vector API loops when {@code jdk.incubator.vector}
 * is in the boot layer (run the JVM with {@code --add-modules jdk.incubator.vector}), else the
 * scalar loops. Both compute the same bits. {@code -Dblendbench.vector=false} forces scalar.
 */
final class Kernels {
    private Kernels() {}

    /** True when the Vector API loops are the active ones (the module is present and not switched off). */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty(Compositor.VECTOR_PROPERTY));

    private static final Map<BlendMode, SpanKernel> SCALAR = new EnumMap<>(BlendMode.class);
    private static final Map<BlendMode, SpanKernel> ACTIVE = new EnumMap<>(BlendMode.class);

    static {
        for (BlendMode m : BlendMode.values()) {
            SCALAR.put(m, scalar(m));
            ACTIVE.put(m, VECTOR ? VectorTable.withVectorTail(m, VectorTable.vector(m), SCALAR.get(m)) : SCALAR.get(m));
        }
    }

    /*
     * What of() hands out per mode: the active loop, unless deferVectorLoops has run (a JVM's first
     * renders: Vector API code runs boxed, hundreds of times slower, until C2 has compiled it); then
     * the scalar loop while the mode's state is COLD or WARMING, its first use starting the warm-up
     * on the warm-up executor. A thread may see a switch late; both loops compute the same bits, so
     * that costs only speed.
     */
    private static final AtomicIntegerArray WARM_STATE = new AtomicIntegerArray(BlendMode.values().length);
    private static final int WARM = 0, COLD = 1, WARMING = 2;
    private static volatile Executor warmer;
    /** Whether the vector opacity lerp is in use (false while it warms up after deferVectorLoops). */
    private static volatile boolean vectorLerp = VECTOR;
    /** True from the first {@link #deferVectorLoops} on: only then does {@link #of} look at the warm-up state. */
    private static volatile boolean deferring;

    static SpanKernel of(BlendMode mode) {
        return deferring ? deferredOf(mode) : ACTIVE.get(mode);
    }

    private static SpanKernel deferredOf(BlendMode mode) {
        int i = mode.ordinal(), state = WARM_STATE.get(i);
        if (state == WARM) {
            return ACTIVE.get(mode);
        }
        if (state == COLD && WARM_STATE.compareAndSet(i, COLD, WARMING)) {
            inBackground(warmer, () -> VectorTable.warmUp(ACTIVE.get(mode), WARM_UP_CALLS), () -> WARM_STATE.set(i, WARM));
        }
        return SCALAR.get(mode);
    }

    /** The mode's vector loop where the vector loops are active, else its scalar one, whatever {@link #of} hands out now. */
    static SpanKernel activeOf(BlendMode mode) {
        return ACTIVE.get(mode);
    }

    /** Ends any deferral: every mode's active loop and the vector lerp from now on (for tests). */
    static void useActiveLoopsNow() {
        deferring = false;
        warmer = null;
        for (BlendMode m : BlendMode.values()) {
            WARM_STATE.set(m.ordinal(), WARM);
        }
        vectorLerp = VECTOR;
    }

    /** True when blends with an opacity below 1 use the vector lerp (same bits as the scalar one). */
    static boolean vectorLerp() {
        return vectorLerp;
    }

    /** Calls of a vector loop on a 1024-pixel span to warm it: C2 had compiled each measured by 1750. */
    static final int WARM_UP_CALLS = 3000;

    /**
     * From now on each mode's scalar loop runs until its vector loop, warmed on {@code executor}
     * when the mode is first used, is ready; the opacity lerp is warmed at once. Nothing changes
     * where the vector loops are not active.
     */
    static void deferVectorLoops(Executor executor) {
        if (!VECTOR) {
            return;
        }
        warmer = executor;
        for (BlendMode m : BlendMode.values()) {
            if (ACTIVE.get(m) != SCALAR.get(m)) {
                WARM_STATE.compareAndSet(m.ordinal(), WARM, COLD);
            }
        }
        deferring = true;
        if (vectorLerp) {
            vectorLerp = false;
            inBackground(executor, () -> VectorTable.warmUpLerp(WARM_UP_CALLS), () -> vectorLerp = true);
        }
    }

    /** Runs {@code work} then {@code done} on {@code executor}; only {@code done}, here, if it refuses (e.g. shut down). */
    private static void inBackground(Executor executor, Runnable work, Runnable done) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    done.run();
                }
            });
        } catch (RuntimeException rejected) {
            done.run();
        }
    }

    /** The scalar loop, whatever is active (for tests and comparisons). */
    static SpanKernel scalarOf(BlendMode mode) {
        return SCALAR.get(mode);
    }

    /** Vector API loops; a separate class so it is only loaded when the module is present. */
    static final class VectorTable {
        private VectorTable() {}

        static int bits() {
            return VectorSeparableKernels.SP.vectorBitSize();
        }

        /** Runs {@code k} {@code calls} times on a span of premultiplied noise. */
        static void warmUp(SpanKernel k, int calls) {
            int[][] data = noise();
            int[] src = data[0], backdrop = data[1], dst = new int[src.length];
            for (int c = 0; c < calls; c++) {
                System.arraycopy(backdrop, 0, dst, 0, dst.length);
                k.blend(src, 0, dst, 0, dst.length);
            }
        }

        /** Runs the opacity lerp's loops (a fade, a scale), {@code calls} times. */
        static void warmUpLerp(int calls) {
            int[][] data = noise();
            int[] src = data[0], backdrop = data[1], dst = new int[src.length];
            for (int c = 0; c < calls; c++) {
                System.arraycopy(backdrop, 0, dst, 0, dst.length);
                VectorPorterDuffKernels.fade(src, 0, dst, 0, 128, dst.length);
                VectorPorterDuffKernels.scaleRun(dst, 0, 128, dst.length);
            }
        }

        private static int[][] noise() {
            int n = 1024;
            SplittableRandom rnd = new SplittableRandom(1);
            int[][] out = new int[2][n];
            for (int[] a : out) {
                for (int i = 0; i < n; i++) {
                    int alpha = rnd.nextInt(256);
                    a[i] = alpha << 24 | rnd.nextInt(alpha + 1) << 16 | rnd.nextInt(alpha + 1) << 8 | rnd.nextInt(alpha + 1);
                }
            }
            return out;
        }

        /**
         * The shortest remainder worth a padded vector step: measured on this project's Zen 5 VM,
         * one padded step costs 23–50 ns whatever the remainder's length (multiply to hue), the
         * scalar loops 8–20 ns a pixel, so from 4 pixels on the vector step is cheaper.
         */
        private static final int TAIL_MIN = 4;

        /** One padded vector step's source lanes, then its backdrop lanes; per thread, shared by every mode. */
        private static final ThreadLocal<int[]> TAIL_PAD = ThreadLocal.withInitial(() -> new int[2 * VectorSeparableKernels.L]);

        /**
         * {@code vector}, with a remainder of {@link #TAIL_MIN} or more pixels past its last whole
         * vector blended by one more vector step on copies padded with transparent pixels instead
         * of by its scalar loop: the same bits (the loops agree, see VectorKernelsTest), and short
         * spans — the rims of shapes, a few dozen pixels — no longer spend most of their time in
         * scalar code. Source-over (and normal), whose scalar loop is cheap, keeps its own.
         */
        static SpanKernel withVectorTail(BlendMode m, SpanKernel vector, SpanKernel scalar) {
            if (m == BlendMode.SOURCE_OVER || m == BlendMode.NORMAL || vector == scalar) return vector;
            int lanes = VectorSeparableKernels.L;
            return (src, so, dst, dOff, n) -> {
                int body = n - n % lanes, tail = n - body;
                if (body > 0) vector.blend(src, so, dst, dOff, body);
                if (tail < TAIL_MIN) {
                    if (tail > 0) scalar.blend(src, so + body, dst, dOff + body, tail);
                    return;
                }
                int[] p = TAIL_PAD.get();
                System.arraycopy(src, so + body, p, 0, tail);
                java.util.Arrays.fill(p, tail, lanes, 0);
                System.arraycopy(dst, dOff + body, p, lanes, tail);
                java.util.Arrays.fill(p, lanes + tail, 2 * lanes, 0);
                vector.blend(p, 0, p, lanes, lanes);
                System.arraycopy(p, lanes, dst, dOff + body, tail);
            };
        }

        static SpanKernel vector(BlendMode m) {
            return switch (m) {
                case SOURCE_OVER -> VectorPorterDuffKernels::sourceOver;
                case DESTINATION_OVER -> VectorPorterDuffKernels::destinationOver;
                case SOURCE_IN -> VectorPorterDuffKernels::sourceIn;
                case DESTINATION_IN -> VectorPorterDuffKernels::destinationIn;
                case SOURCE_OUT -> VectorPorterDuffKernels::sourceOut;
                case DESTINATION_OUT -> VectorPorterDuffKernels::destinationOut;
                case SOURCE_ATOP -> VectorPorterDuffKernels::sourceAtop;
                case DESTINATION_ATOP -> VectorPorterDuffKernels::destinationAtop;
                case XOR -> VectorPorterDuffKernels::xor;
                case LIGHTER -> VectorPorterDuffKernels::lighter;
                case CLEAR, COPY, DESTINATION -> scalar(m);
                case HUE -> VectorNonSeparableKernels::hue;
                case SATURATION -> VectorNonSeparableKernels::saturation;
                case COLOR -> VectorNonSeparableKernels::color;
                case LUMINOSITY -> VectorNonSeparableKernels::luminosity;
                case DARKER_COLOR -> VectorNonSeparableKernels::darkerColor;
                case LIGHTER_COLOR -> VectorNonSeparableKernels::lighterColor;
            // normal is source-over exactly (B = Cs): the same bits, see CompositorTest
            case NORMAL -> VectorPorterDuffKernels::sourceOver;
            case MULTIPLY -> VectorSeparableKernels::multiply;
            case SCREEN -> VectorSeparableKernels::screen;
            case OVERLAY -> VectorSeparableKernels::overlay;
            case HARD_LIGHT -> VectorSeparableKernels::hardLight;
            case DARKEN -> VectorSeparableKernels::darken;
            case LIGHTEN -> VectorSeparableKernels::lighten;
            case DIFFERENCE -> VectorSeparableKernels::difference;
            case EXCLUSION -> VectorSeparableKernels::exclusion;
            case LINEAR_BURN -> VectorSeparableKernels::linearBurn;
            case LINEAR_DODGE -> VectorSeparableKernels::linearDodge;
            case LINEAR_LIGHT -> VectorSeparableKernels::linearLight;
            case PIN_LIGHT -> VectorSeparableKernels::pinLight;
            case HARD_MIX -> VectorSeparableKernels::hardMix;
            case SUBTRACT -> VectorSeparableKernels::subtract;
            case COLOR_DODGE -> VectorFloatKernels::colorDodge;
            case COLOR_BURN -> VectorFloatKernels::colorBurn;
            case SOFT_LIGHT -> VectorFloatKernels::softLight;
            case VIVID_LIGHT -> VectorFloatKernels::vividLight;
            case DIVIDE -> VectorFloatKernels::divide;
            };
        }
    }

    private static SpanKernel scalar(BlendMode m) {
        return switch (m) {
            case CLEAR -> PorterDuffKernels::clear;
            case COPY -> PorterDuffKernels::copy;
            case DESTINATION -> PorterDuffKernels::destination;
            case SOURCE_OVER -> PorterDuffKernels::sourceOver;
            case DESTINATION_OVER -> PorterDuffKernels::destinationOver;
            case SOURCE_IN -> PorterDuffKernels::sourceIn;
            case DESTINATION_IN -> PorterDuffKernels::destinationIn;
            case SOURCE_OUT -> PorterDuffKernels::sourceOut;
            case DESTINATION_OUT -> PorterDuffKernels::destinationOut;
            case SOURCE_ATOP -> PorterDuffKernels::sourceAtop;
            case DESTINATION_ATOP -> PorterDuffKernels::destinationAtop;
            case XOR -> PorterDuffKernels::xor;
            case LIGHTER -> PorterDuffKernels::lighter;
            case HUE -> NonSeparableKernels::hue;
            case SATURATION -> NonSeparableKernels::saturation;
            case COLOR -> NonSeparableKernels::color;
            case LUMINOSITY -> NonSeparableKernels::luminosity;
            case DARKER_COLOR -> NonSeparableKernels::darkerColor;
            case LIGHTER_COLOR -> NonSeparableKernels::lighterColor;
            case NORMAL -> PorterDuffKernels::sourceOver;
            case MULTIPLY -> SeparableKernels::multiply;
            case SCREEN -> SeparableKernels::screen;
            case OVERLAY -> SeparableKernels::overlay;
            case HARD_LIGHT -> SeparableKernels::hardLight;
            case DARKEN -> SeparableKernels::darken;
            case LIGHTEN -> SeparableKernels::lighten;
            case DIFFERENCE -> SeparableKernels::difference;
            case EXCLUSION -> SeparableKernels::exclusion;
            case LINEAR_BURN -> SeparableKernels::linearBurn;
            case LINEAR_DODGE -> SeparableKernels::linearDodge;
            case LINEAR_LIGHT -> SeparableKernels::linearLight;
            case PIN_LIGHT -> SeparableKernels::pinLight;
            case HARD_MIX -> SeparableKernels::hardMix;
            case SUBTRACT -> SeparableKernels::subtract;
            case COLOR_DODGE -> SeparableKernels::colorDodge;
            case COLOR_BURN -> SeparableKernels::colorBurn;
            case SOFT_LIGHT -> SeparableKernels::softLight;
            case VIVID_LIGHT -> SeparableKernels::vividLight;
            case DIVIDE -> SeparableKernels::divide;
        };
    }
}

package dev.blendbench.engine.blend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.surface.Surface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Vector API kernels compute exactly the bits of the scalar loops, at every offset and length. */
class VectorKernelsTest {

    @Test
    void testJvm_runsTheVectorKernels() {
        assertTrue(Compositor.isVectorized(), "surefire runs with --add-modules jdk.incubator.vector");
    }

    /** A mask's scale: every offset of pixels and values, every length up to three vectors and a long one, every value. */
    @Test
    void vectorMaskScale_equalsTheScalarOne_bitForBit() {
        Surface px = TestImages.random(700, 1, 41);
        byte[] values = new byte[800];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        for (int i = 0; i < values.length; i++) values[i] = (byte) (i < 256 ? i : rnd.nextInt(4) == 0 ? 255 : rnd.nextInt(256));
        for (int len : new int[] {0, 1, VectorSeparableKernels.L - 1, VectorSeparableKernels.L, 3 * VectorSeparableKernels.L + 1, 600}) {
            for (int[] off : new int[][] {{0, 0}, {3, 7}, {11, 1}}) {
                int[] a = px.toArray(), b = px.toArray();
                VectorPorterDuffKernels.scaleByMask(a, off[0], values, off[1], len);
                PorterDuffKernels.scaleByMask(b, off[0], values, off[1], len);
                assertArrayEquals(b, a, "length " + len + ", offsets " + java.util.Arrays.toString(off));
            }
        }
    }

    /** A faded pass-through group's fade: every opacity, offsets of both arrays, lengths around the vector's; 0 leaves dst, 255 is src. */
    @Test
    void vectorFade_equalsTheScalarOne_bitForBit_andItsEndsAreTheBackdropAndTheResult() {
        Surface src = TestImages.random(700, 1, 43), dst = TestImages.random(700, 1, 44);
        for (int op = 0; op <= 255; op++) {
            for (int len : new int[] {0, 1, VectorSeparableKernels.L - 1, VectorSeparableKernels.L, 3 * VectorSeparableKernels.L + 1, 600}) {
                int[] off = op % 3 == 0 ? new int[] {0, 0} : op % 3 == 1 ? new int[] {3, 7} : new int[] {11, 1};
                int[] a = dst.toArray(), b = dst.toArray();
                VectorPorterDuffKernels.fade(src.array(), off[0], a, off[1], op, len);
                PorterDuffKernels.fade(src.array(), off[0], b, off[1], op, len);
                assertArrayEquals(b, a, "opacity " + op + ", length " + len);
                int[] c = dst.toArray(), e = dst.toArray();
                VectorPorterDuffKernels.scaleRun(c, off[1], op, len);
                PorterDuffKernels.scaleRun(e, off[1], op, len);
                assertArrayEquals(e, c, "scaled by " + op + ", length " + len);
                if (op == 0) assertArrayEquals(dst.toArray(), a);
                if (op == 255 && len == 600) assertArrayEquals(java.util.Arrays.copyOfRange(src.array(), off[0], off[0] + 600),
                        java.util.Arrays.copyOfRange(a, off[1], off[1] + 600));
            }
        }
    }

    /** A masked pass-through group's fade: opacities, every mask value, offsets, lengths around the vector's. */
    @Test
    void vectorFadeByMask_equalsTheScalarOne_bitForBit() {
        Surface src = TestImages.random(700, 1, 45), dst = TestImages.random(700, 1, 46);
        byte[] values = new byte[800];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(47);
        for (int i = 0; i < values.length; i++) values[i] = (byte) (i < 256 ? i : rnd.nextInt(3) == 0 ? 255 : rnd.nextInt(256));
        for (int op : new int[] {0, 1, 77, 128, 254, 255}) {
            for (int len : new int[] {0, 1, VectorSeparableKernels.L - 1, VectorSeparableKernels.L, 3 * VectorSeparableKernels.L + 1, 600}) {
                for (int[] off : new int[][] {{0, 0, 0}, {3, 7, 11}, {11, 1, 5}}) {
                    int[] a = dst.toArray(), b = dst.toArray();
                    VectorPorterDuffKernels.fadeByMask(src.array(), off[0], a, off[1], op, values, off[2], len);
                    PorterDuffKernels.fadeByMask(src.array(), off[0], b, off[1], op, values, off[2], len);
                    assertArrayEquals(b, a, "opacity " + op + ", length " + len + ", offsets " + java.util.Arrays.toString(off));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void vectorKernel_equalsScalarKernel_bitForBit(BlendMode mode) {
        Surface src = TestImages.random(1000, 3, 21);
        Surface dst = TestImages.random(1000, 3, 22);
        int[][] spans = {{0, 0, 3000}, {5, 17, 1001}, {33, 0, 15}, {1, 2, 16}, {7, 9, 17}, {0, 0, 0}};
        for (int[] sp : spans) {
            int[] a = dst.toArray(), b = dst.toArray();
            Kernels.activeOf(mode).blend(src.array(), sp[0], a, sp[1], sp[2]);
            Compositor.scalarKernel(mode).blend(src.array(), sp[0], b, sp[1], sp[2]);
            assertArrayEquals(b, a, mode + " span " + java.util.Arrays.toString(sp));
        }
    }

    /** Spans of every length up to three vectors: remainders done by the scalar loop or by a padded vector step. */
    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void vectorKernel_everyShortSpanLength_equalsScalarKernel_andWritesOnlyTheSpan(BlendMode mode) {
        Surface src = TestImages.random(200, 1, 31);
        Surface dst = TestImages.random(200, 1, 32);
        for (int len = 0; len <= 3 * VectorSeparableKernels.L + 1; len++) {
            int[] a = dst.toArray(), b = dst.toArray();
            Kernels.activeOf(mode).blend(src.array(), 3, a, 5, len);
            Compositor.scalarKernel(mode).blend(src.array(), 3, b, 5, len);
            assertArrayEquals(b, a, mode + " span of " + len);
        }
    }

    /** Every (source alpha, backdrop alpha) pair, so shortcuts taken per alpha are all exercised. */
    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void vectorKernel_equalsScalarKernel_forEveryAlphaPair(BlendMode mode) {
        int n = 256 * 256;
        int[] src = new int[n], a = new int[n], b = new int[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int as = 0; as < 256; as++) {
            for (int ab = 0; ab < 256; ab++) {
                int i = as * 256 + ab;
                src[i] = as << 24 | rnd.nextInt(as + 1) << 16 | rnd.nextInt(as + 1) << 8 | rnd.nextInt(as + 1);
                a[i] = ab << 24 | rnd.nextInt(ab + 1) << 16 | rnd.nextInt(ab + 1) << 8 | rnd.nextInt(ab + 1);
            }
        }
        System.arraycopy(a, 0, b, 0, n);
        Kernels.activeOf(mode).blend(src, 0, a, 0, n);
        Compositor.scalarKernel(mode).blend(src, 0, b, 0, n);
        assertArrayEquals(b, a, mode.cssName());
    }
}

package dev.blendbench.engine.resample;

import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The windowed filter of {@link Placement}'s direct 2-D path (rotated or sheared layers) with the
 * Vector API: a tap's four channels (alpha, red, green, blue) in four lanes of a float vector,
 * and the taps of up to four rows side by side in one (their sums are independent, so their chains
 * of additions overlap): a tap of four rows is four loads, a shift, a mask, a conversion, a multiply
 * and an add, where the scalar loop does each of the last five sixteen times. Lane for lane these
 * are the scalar loop's float operations in its order (a row's taps summed left to right, each
 * product {@code weight · channel} added separately, no fused multiply-add; then the rows top to
 * bottom), so the pixels are bit-identical to it ({@code RotatedLayerBenchmark}, a 1920×1080
 * source turned 30° at half size, 1 thread: lanczos3 181 → 87 ms, mitchell 103 → 60 ms, widened
 * bilinear 50 → 41 ms). Each pixel's window and weights come from {@link Placement#window}, as the
 * scalar loop's do (no vectors cross that call), so the two cannot drift apart. The loop is written out in full, without helpers that take or
 * return vectors (see
 * {@code dev.blendbench.engine.blend.VectorSeparableKernels} for why). Loaded only when
 * {@code jdk.incubator.vector} is present.
 */
final class VectorGeneral {
    private VectorGeneral() {}

    private static final VectorSpecies<Integer> I4 = IntVector.SPECIES_128, I8 = IntVector.SPECIES_256, I16 = IntVector.SPECIES_512;
    /** Four rows at once in 512-bit vectors, two in 256-bit ones, where the machine has them (emulated, they are slow). */
    private static final boolean FOUR_ROWS = IntVector.SPECIES_PREFERRED.vectorBitSize() >= 512,
            TWO_ROWS = IntVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    /** Each lane's channel: alpha, red, green, blue, four times over. */
    private static final int[] SHIFTS = {24, 16, 8, 0, 24, 16, 8, 0, 24, 16, 8, 0, 24, 16, 8, 0};
    /** The lanes a second, third and fourth row's tap go into (each blend overwrites the ones above it too). */
    private static final VectorMask<Integer> HIGH = upper(I8, 4), R1 = upper(I16, 4), R2 = upper(I16, 8), R3 = upper(I16, 12);

    private static VectorMask<Integer> upper(VectorSpecies<Integer> s, int from) {
        boolean[] b = new boolean[s.length()];
        for (int k = from; k < b.length; k++) b[k] = true;
        return VectorMask.fromArray(s, b, 0);
    }

    /**
     * Layer-local pixels {@code [lx0, lx1) × [ly0, ly1)} of {@code p} into {@code out}, as the
     * scalar loop of {@link Placement#general} computes them, each pixel's window and weights from
     * {@link Placement#window} ({@code wt}: room for {@code nx + ny} weights; {@code win}: six ints).
     */
    static void windowed(Placement p, int[] src, int so, int ss, int lx0, int ly0, int lx1, int ly1, int[] out, int outOff,
                         int outStride, float[] wt, int nx, int ny, int[] win) {
        Transform m = p.inverse;
        IntVector shifts = IntVector.fromArray(I4, SHIFTS, 0), shifts8 = IntVector.fromArray(I8, SHIFTS, 0),
                shifts16 = IntVector.fromArray(I16, SHIFTS, 0);
        for (int y = ly0; y < ly1; y++) {
            int o = outOff + (y - ly0) * outStride - lx0;
            for (int x = lx0; x < lx1; x++) {
                double cx = x + 0.5, cy = y + 0.5;
                double u = m.m00() * cx + m.m01() * cy + m.m02();
                double w = m.m10() * cx + m.m11() * cy + m.m12();
                float norm = p.window(u, w, nx, ny, wt, win);
                if (norm == 0) {
                    out[o + x] = 0;
                    continue;
                }
                int jx0 = win[0], iy0 = win[1], lo = win[2], hi = win[3];
                FloatVector acc = FloatVector.zero(FloatVector.SPECIES_128);
                int i = win[4], ie = win[5];
                // four rows at once (row i in the lowest four lanes, i + 1 in the next four, ...), then two, then
                // one: their sums are independent (each still left to right), so their chains of additions overlap
                for (; FOUR_ROWS && i + 3 <= ie; i += 4) {
                    FloatVector rows = FloatVector.zero(FloatVector.SPECIES_512);
                    int row = so + i * ss;
                    for (int j = lo; j <= hi; j++) {
                        FloatVector c = (FloatVector) IntVector.broadcast(I16, src[row + j]).blend(src[row + ss + j], R1)
                                .blend(src[row + 2 * ss + j], R2).blend(src[row + 3 * ss + j], R3)
                                .lanewise(LSHR, shifts16).and(0xFF).convert(I2F, 0);
                        rows = rows.add(c.mul(wt[j - jx0]));
                    }
                    for (int k = 0; k < 4; k++) {
                        acc = acc.add(((FloatVector) rows.reinterpretShape(FloatVector.SPECIES_128, k)).mul(wt[nx + i + k - iy0]));
                    }
                }
                for (; TWO_ROWS && i < ie; i += 2) {
                    FloatVector rows = FloatVector.zero(FloatVector.SPECIES_256);
                    int row = so + i * ss;
                    for (int j = lo; j <= hi; j++) {
                        FloatVector c = (FloatVector) IntVector.broadcast(I8, src[row + j]).blend(src[row + ss + j], HIGH)
                                .lanewise(LSHR, shifts8).and(0xFF).convert(I2F, 0);
                        rows = rows.add(c.mul(wt[j - jx0]));
                    }
                    acc = acc.add(((FloatVector) rows.reinterpretShape(FloatVector.SPECIES_128, 0)).mul(wt[nx + i - iy0]));
                    acc = acc.add(((FloatVector) rows.reinterpretShape(FloatVector.SPECIES_128, 1)).mul(wt[nx + i + 1 - iy0]));
                }
                for (; i <= ie; i++) {
                    FloatVector rowAcc = FloatVector.zero(FloatVector.SPECIES_128);
                    int row = so + i * ss;
                    for (int j = lo; j <= hi; j++) {
                        FloatVector c = (FloatVector) IntVector.broadcast(I4, src[row + j]).lanewise(LSHR, shifts).and(0xFF).convert(I2F, 0);
                        rowAcc = rowAcc.add(c.mul(wt[j - jx0]));
                    }
                    acc = acc.add(rowAcc.mul(wt[nx + i - iy0]));
                }
                float k = 1 / norm;
                out[o + x] = Separable.pack(Math.round(acc.lane(0) * k), Math.round(acc.lane(1) * k), Math.round(acc.lane(2) * k),
                        Math.round(acc.lane(3) * k));
            }
        }
    }
}

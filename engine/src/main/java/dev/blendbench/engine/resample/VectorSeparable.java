package dev.blendbench.engine.resample;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Separable}'s two passes, bit-identical to the scalar loops (the
 * same integer operations, lane by lane). The horizontal pass gathers one tap of
 * {@code lanes} consecutive outputs at a time; the vertical pass is a plain multiply-add down the
 * planes. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorSeparable {
    private VectorSeparable() {}

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    static void horizontal(int[] src, int srcOff, int srcStride, AxisWeights h, int i0, int i1, int r0, int r1, int[] planes) {
        int w = i1 - i0, n = h.length, taps = h.taps;
        int[] start = h.start, wt = h.fixed;
        int shift = AxisWeights.BITS - Separable.FRACTION;
        IntVector round = IntVector.broadcast(S, 1 << (shift - 1));
        IntVector mask = IntVector.broadcast(S, 0xFF);
        int vEnd = i0 + (w / L) * L;
        for (int r = r0; r < r1; r++) {
            int row = srcOff + r * srcStride;
            int pa = (r - r0) * 4 * w;
            for (int i = i0; i < vEnd; i += L) {
                IntVector a = IntVector.zero(S), cr = a, cg = a, cb = a;
                for (int k = 0; k < taps; k++) {
                    IntVector p = IntVector.fromArray(S, src, row + k, start, i);
                    IntVector q = IntVector.fromArray(S, wt, k * n + i);
                    a = a.add(q.mul(p.lanewise(VectorOperators.LSHR, 24)));
                    cr = cr.add(q.mul(p.lanewise(VectorOperators.LSHR, 16).and(mask)));
                    cg = cg.add(q.mul(p.lanewise(VectorOperators.LSHR, 8).and(mask)));
                    cb = cb.add(q.mul(p.and(mask)));
                }
                int x = pa + i - i0;
                a.add(round).lanewise(VectorOperators.ASHR, shift).intoArray(planes, x);
                cr.add(round).lanewise(VectorOperators.ASHR, shift).intoArray(planes, x + w);
                cg.add(round).lanewise(VectorOperators.ASHR, shift).intoArray(planes, x + 2 * w);
                cb.add(round).lanewise(VectorOperators.ASHR, shift).intoArray(planes, x + 3 * w);
            }
        }
        if (vEnd < i1) {
            Separable.horizontalTail(src, srcOff, srcStride, h, i0, i1, vEnd, r0, r1, planes);
        }
    }

    static void vertical(int[] planes, int w, int r0, AxisWeights v, int j0, int j1, int[] out, int outOff, int outStride) {
        int n = v.length, taps = v.taps;
        int shift = AxisWeights.BITS + Separable.FRACTION;
        IntVector round = IntVector.broadcast(S, 1 << (shift - 1));
        IntVector zero = IntVector.zero(S), max = IntVector.broadcast(S, 255);
        int vEnd = (w / L) * L;
        for (int j = j0; j < j1; j++) {
            int base = (v.start[j] - r0) * 4 * w;
            int o = outOff + (j - j0) * outStride;
            for (int x = 0; x < vEnd; x += L) {
                IntVector a = zero, cr = zero, cg = zero, cb = zero;
                for (int k = 0, p = base + x; k < taps; k++, p += 4 * w) {
                    int q = v.fixed[k * n + j];
                    a = a.add(IntVector.fromArray(S, planes, p).mul(q));
                    cr = cr.add(IntVector.fromArray(S, planes, p + w).mul(q));
                    cg = cg.add(IntVector.fromArray(S, planes, p + 2 * w).mul(q));
                    cb = cb.add(IntVector.fromArray(S, planes, p + 3 * w).mul(q));
                }
                a = a.add(round).lanewise(VectorOperators.ASHR, shift).max(zero).min(max);
                cr = cr.add(round).lanewise(VectorOperators.ASHR, shift).max(zero).min(a);
                cg = cg.add(round).lanewise(VectorOperators.ASHR, shift).max(zero).min(a);
                cb = cb.add(round).lanewise(VectorOperators.ASHR, shift).max(zero).min(a);
                a.lanewise(VectorOperators.LSHL, 24)
                        .or(cr.lanewise(VectorOperators.LSHL, 16))
                        .or(cg.lanewise(VectorOperators.LSHL, 8))
                        .or(cb)
                        .intoArray(out, o + x);
            }
        }
        if (vEnd < w) {
            Separable.verticalTail(planes, w, vEnd, r0, v, j0, j1, out, outOff, outStride);
        }
    }
}

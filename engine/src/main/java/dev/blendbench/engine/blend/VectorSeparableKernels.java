package dev.blendbench.engine.blend;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2I;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.SQRT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The separable modes with the Vector API: the same arithmetic as {@link SeparableKernels}, lane
 * for lane, on {@code SPECIES_PREFERRED} ints (16 pixels per step with AVX-512), so the results
 * are bit-identical to the scalar loops (a test checks it). Branches become lane masks and
 * {@code blend}; the tail of a span is left to the scalar loop.
 *
 * <p>Only loaded when {@code jdk.incubator.vector} is in the boot layer (see {@link Kernels}).
 */
final class VectorSeparableKernels {
    private VectorSeparableKernels() {}

    static final VectorSpecies<Integer> SP = IntVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final int L = SP.length();

    /** round(x / 255) for 0 ≤ x ≤ 65025, exact. */
    static IntVector div255(IntVector x) {
        IntVector t = x.add(128);
        return t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8);
    }

    static IntVector channel(IntVector cs, IntVector cb, IntVector ias, IntVector iab, IntVector x, IntVector ao) {
        return div255(cs.mul(iab).add(cb.mul(ias)).add(x)).min(ao);
    }

    static IntVector channel(IntVector cs, IntVector cb, IntVector ias, IntVector iab, FloatVector x, IntVector ao) {
        FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
        return ((IntVector) v.mul(1f / 255f).add(0.5f).convert(F2I, 0)).min(ao);
    }

    static IntVector pack(IntVector a, IntVector r, IntVector g, IntVector b) {
        return a.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b);
    }

    static FloatVector f(IntVector v) {
        return (FloatVector) v.convert(I2F, 0);
    }

    static VectorMask<Float> fm(VectorMask<Integer> m) {
        return m.cast(FS);
    }

    static IntVector hardLight(IntVector k, IntVector ak, IntVector cs, IntVector cb, IntVector as, IntVector ab, IntVector aa) {
        IntVector csb2 = cs.mul(cb).mul(2);
        IntVector hi = ab.mul(cs).mul(2).add(as.mul(cb).mul(2)).sub(aa).sub(csb2);
        return csb2.blend(hi, k.mul(2).compare(GT, ak));
    }

    static IntVector pinLight(IntVector cs, IntVector cb, IntVector as, IntVector ab, IntVector aa) {
        IntVector asCb = as.mul(cb), abCs2 = ab.mul(cs).mul(2);
        IntVector lo = asCb.min(abCs2);
        IntVector hi = asCb.max(abCs2.sub(aa));
        return lo.blend(hi, cs.mul(2).compare(GT, as));
    }

    static IntVector hardMix(IntVector cs, IntVector cb, IntVector as, IntVector ab, IntVector aa) {
        IntVector t = as.mul(cb).add(ab.mul(cs)).sub(aa);
        return aa.blend(0, t.compare(LT, 0));
    }

    static FloatVector colorDodge(IntVector cs, IntVector cb, IntVector as, IntVector ab, IntVector aa) {
        FloatVector faa = f(aa);
        FloatVector x = faa.min(f(as.mul(as).mul(cb)).div(f(as.sub(cs))));
        x = x.blend(faa, fm(cs.compare(GE, as)));
        return x.blend(0f, fm(cb.compare(EQ, 0)));
    }

    static FloatVector colorBurn(IntVector cs, IntVector cb, IntVector as, IntVector ab, IntVector aa) {
        FloatVector faa = f(aa);
        FloatVector x = faa.sub(faa.min(f(as.mul(as).mul(ab.sub(cb))).div(f(cs))));
        x = x.blend(0f, fm(cs.compare(EQ, 0)));
        return x.blend(faa, fm(cb.compare(GE, ab)));
    }

    static FloatVector divide(IntVector cs, IntVector cb, IntVector as, IntVector ab, IntVector aa) {
        FloatVector faa = f(aa);
        FloatVector x = faa.min(f(as.mul(as).mul(cb)).div(f(cs)));
        FloatVector zeroCase = faa.blend(0f, fm(cb.compare(EQ, 0)));
        return x.blend(zeroCase, fm(cs.compare(EQ, 0)));
    }

    static FloatVector vividLight(IntVector cs, IntVector cb, IntVector as, IntVector ab, IntVector aa) {
        FloatVector faa = f(aa);
        IntVector as2 = as.mul(as);
        // color-burn(Cb, 2Cs) where 2cs <= as
        FloatVector burn = faa.sub(faa.min(f(as2.mul(ab.sub(cb))).div(f(cs.mul(2)))));
        burn = burn.blend(0f, fm(cs.compare(EQ, 0)));
        burn = burn.blend(faa, fm(cb.compare(GE, ab)));
        // color-dodge(Cb, 2Cs - 1) elsewhere
        FloatVector dodge = faa.min(f(as2.mul(cb)).div(f(as.sub(cs).mul(2))));
        dodge = dodge.blend(faa, fm(cs.compare(GE, as)));
        dodge = dodge.blend(0f, fm(cb.compare(EQ, 0)));
        return dodge.blend(burn, fm(cs.mul(2).compare(LE, as)));
    }

    static FloatVector softLight(IntVector cs, IntVector cb, IntVector as, IntVector ab, IntVector aa) {
        FloatVector bcol = f(cb).div(f(ab));
        FloatVector scol = f(cs).div(f(as));
        FloatVector one = FloatVector.broadcast(FS, 1f);
        FloatVector b1 = bcol.sub(one.sub(scol.mul(2f)).mul(bcol).mul(one.sub(bcol)));
        FloatVector poly = bcol.mul(16f).sub(12f).mul(bcol).add(4f).mul(bcol);
        FloatVector dd = bcol.lanewise(SQRT).blend(poly, bcol.compare(LE, 0.25f));
        FloatVector b2 = bcol.add(scol.mul(2f).sub(1f).mul(dd.sub(bcol)));
        FloatVector b = b2.blend(b1, scol.compare(LE, 0.5f));
        return f(aa).mul(b).blend(0f, fm(aa.compare(EQ, 0)));
    }

    static void normal(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = ab.mul(cs);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = ab.mul(cs);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = ab.mul(cs);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.normal(src, so + i, dst, dOff + i, n - i);
    }
    static void multiply(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = cs.mul(cb);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = cs.mul(cb);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = cs.mul(cb);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.multiply(src, so + i, dst, dOff + i, n - i);
    }
    static void screen(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb));
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb));
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb));
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.screen(src, so + i, dst, dOff + i, n - i);
    }
    static void overlay(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = hardLight(cb, ab, cs, cb, as, ab, aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = hardLight(cb, ab, cs, cb, as, ab, aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = hardLight(cb, ab, cs, cb, as, ab, aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.overlay(src, so + i, dst, dOff + i, n - i);
    }
    static void hardLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = hardLight(cs, as, cs, cb, as, ab, aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = hardLight(cs, as, cs, cb, as, ab, aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = hardLight(cs, as, cs, cb, as, ab, aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.hardLight(src, so + i, dst, dOff + i, n - i);
    }
    static void darken(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = as.mul(cb).min(ab.mul(cs));
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = as.mul(cb).min(ab.mul(cs));
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = as.mul(cb).min(ab.mul(cs));
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.darken(src, so + i, dst, dOff + i, n - i);
    }
    static void lighten(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = as.mul(cb).max(ab.mul(cs));
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = as.mul(cb).max(ab.mul(cs));
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = as.mul(cb).max(ab.mul(cs));
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.lighten(src, so + i, dst, dOff + i, n - i);
    }
    static void difference(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = as.mul(cb).sub(ab.mul(cs)).abs();
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = as.mul(cb).sub(ab.mul(cs)).abs();
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = as.mul(cb).sub(ab.mul(cs)).abs();
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.difference(src, so + i, dst, dOff + i, n - i);
    }
    static void exclusion(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb).mul(2));
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb).mul(2));
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb).mul(2));
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.exclusion(src, so + i, dst, dOff + i, n - i);
    }
    static void linearBurn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = as.mul(cb).add(ab.mul(cs)).sub(aa).max(0);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = as.mul(cb).add(ab.mul(cs)).sub(aa).max(0);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = as.mul(cb).add(ab.mul(cs)).sub(aa).max(0);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.linearBurn(src, so + i, dst, dOff + i, n - i);
    }
    static void linearDodge(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = as.mul(cb).add(ab.mul(cs)).min(aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = as.mul(cb).add(ab.mul(cs)).min(aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = as.mul(cb).add(ab.mul(cs)).min(aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.linearDodge(src, so + i, dst, dOff + i, n - i);
    }
    static void linearLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = as.mul(cb).add(ab.mul(cs).mul(2)).sub(aa).max(0).min(aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = as.mul(cb).add(ab.mul(cs).mul(2)).sub(aa).max(0).min(aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = as.mul(cb).add(ab.mul(cs).mul(2)).sub(aa).max(0).min(aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.linearLight(src, so + i, dst, dOff + i, n - i);
    }
    static void pinLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = pinLight(cs, cb, as, ab, aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = pinLight(cs, cb, as, ab, aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = pinLight(cs, cb, as, ab, aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.pinLight(src, so + i, dst, dOff + i, n - i);
    }
    static void hardMix(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = hardMix(cs, cb, as, ab, aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = hardMix(cs, cb, as, ab, aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = hardMix(cs, cb, as, ab, aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.hardMix(src, so + i, dst, dOff + i, n - i);
    }
    static void subtract(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            IntVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = as.mul(cb).sub(ab.mul(cs)).max(0);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = as.mul(cb).sub(ab.mul(cs)).max(0);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = as.mul(cb).sub(ab.mul(cs)).max(0);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.subtract(src, so + i, dst, dOff + i, n - i);
    }
    static void colorDodge(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            FloatVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = colorDodge(cs, cb, as, ab, aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = colorDodge(cs, cb, as, ab, aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = colorDodge(cs, cb, as, ab, aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.colorDodge(src, so + i, dst, dOff + i, n - i);
    }
    static void colorBurn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            FloatVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = colorBurn(cs, cb, as, ab, aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = colorBurn(cs, cb, as, ab, aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = colorBurn(cs, cb, as, ab, aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.colorBurn(src, so + i, dst, dOff + i, n - i);
    }
    static void softLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            FloatVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = softLight(cs, cb, as, ab, aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = softLight(cs, cb, as, ab, aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = softLight(cs, cb, as, ab, aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.softLight(src, so + i, dst, dOff + i, n - i);
    }
    static void vividLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            FloatVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = vividLight(cs, cb, as, ab, aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = vividLight(cs, cb, as, ab, aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = vividLight(cs, cb, as, ab, aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.vividLight(src, so + i, dst, dOff + i, n - i);
    }
    static void divide(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector cs, cb;
            FloatVector x;
            cs = s.lanewise(LSHR, 16).and(0xFF); cb = d.lanewise(LSHR, 16).and(0xFF); x = divide(cs, cb, as, ab, aa);
            IntVector r = channel(cs, cb, ias, iab, x, ao);
            cs = s.lanewise(LSHR, 8).and(0xFF); cb = d.lanewise(LSHR, 8).and(0xFF); x = divide(cs, cb, as, ab, aa);
            IntVector g = channel(cs, cb, ias, iab, x, ao);
            cs = s.and(0xFF); cb = d.and(0xFF); x = divide(cs, cb, as, ab, aa);
            IntVector b = channel(cs, cb, ias, iab, x, ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        SeparableKernels.divide(src, so + i, dst, dOff + i, n - i);
    }
}

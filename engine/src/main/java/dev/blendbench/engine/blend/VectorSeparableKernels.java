package dev.blendbench.engine.blend;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The separable modes with the Vector API: the same arithmetic as {@link SeparableKernels}, lane
 * for lane, on {@code SPECIES_PREFERRED} ints (16 pixels per step with AVX-512), so the results
 * are bit-identical to the scalar loops (a test checks it). Branches become lane masks and
 * {@code blend}; the tail of a span is left to the scalar loop.
 *
 * <p>Every loop is written out in full, with no helper methods: C2 inlines the Vector API's own
 * methods by force, but a helper of ours that got compiled on its own before its caller would not
 * be inlined, and then every vector crossing the call is boxed (seen: 100× slower).
 *
 * <p>The modes that divide or take a square root are in {@link VectorFloatKernels}.
 *
 * <p>Only loaded when {@code jdk.incubator.vector} is in the boot layer (see {@link Kernels}).
 */
final class VectorSeparableKernels {
    private VectorSeparableKernels() {}

    static final VectorSpecies<Integer> SP = IntVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final int L = SP.length();
    static final float INV_255 = 1f / 255f;


    static void multiply(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = cs.mul(cb);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = cs.mul(cb);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = cs.mul(cb);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.multiply(src, so + i, dst, dOff + i, n - i);
    }
    static void screen(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.screen(src, so + i, dst, dOff + i, n - i);
    }
    static void overlay(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector csb2 = cs.mul(cb).mul(2);
                IntVector hi = ab.mul(cs).mul(2).add(as.mul(cb).mul(2)).sub(aa).sub(csb2);
                IntVector x = csb2.blend(hi, cb.mul(2).compare(GT, ab));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector csb2 = cs.mul(cb).mul(2);
                IntVector hi = ab.mul(cs).mul(2).add(as.mul(cb).mul(2)).sub(aa).sub(csb2);
                IntVector x = csb2.blend(hi, cb.mul(2).compare(GT, ab));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector csb2 = cs.mul(cb).mul(2);
                IntVector hi = ab.mul(cs).mul(2).add(as.mul(cb).mul(2)).sub(aa).sub(csb2);
                IntVector x = csb2.blend(hi, cb.mul(2).compare(GT, ab));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.overlay(src, so + i, dst, dOff + i, n - i);
    }
    static void hardLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector csb2 = cs.mul(cb).mul(2);
                IntVector hi = ab.mul(cs).mul(2).add(as.mul(cb).mul(2)).sub(aa).sub(csb2);
                IntVector x = csb2.blend(hi, cs.mul(2).compare(GT, as));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector csb2 = cs.mul(cb).mul(2);
                IntVector hi = ab.mul(cs).mul(2).add(as.mul(cb).mul(2)).sub(aa).sub(csb2);
                IntVector x = csb2.blend(hi, cs.mul(2).compare(GT, as));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector csb2 = cs.mul(cb).mul(2);
                IntVector hi = ab.mul(cs).mul(2).add(as.mul(cb).mul(2)).sub(aa).sub(csb2);
                IntVector x = csb2.blend(hi, cs.mul(2).compare(GT, as));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.hardLight(src, so + i, dst, dOff + i, n - i);
    }
    static void darken(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = as.mul(cb).min(ab.mul(cs));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = as.mul(cb).min(ab.mul(cs));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = as.mul(cb).min(ab.mul(cs));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.darken(src, so + i, dst, dOff + i, n - i);
    }
    static void lighten(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = as.mul(cb).max(ab.mul(cs));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = as.mul(cb).max(ab.mul(cs));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = as.mul(cb).max(ab.mul(cs));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.lighten(src, so + i, dst, dOff + i, n - i);
    }
    static void difference(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = as.mul(cb).sub(ab.mul(cs)).abs();
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = as.mul(cb).sub(ab.mul(cs)).abs();
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = as.mul(cb).sub(ab.mul(cs)).abs();
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.difference(src, so + i, dst, dOff + i, n - i);
    }
    static void exclusion(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb).mul(2));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb).mul(2));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).sub(cs.mul(cb).mul(2));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.exclusion(src, so + i, dst, dOff + i, n - i);
    }
    static void linearBurn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).sub(aa).max(0);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).sub(aa).max(0);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).sub(aa).max(0);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.linearBurn(src, so + i, dst, dOff + i, n - i);
    }
    static void linearDodge(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).min(aa);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).min(aa);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs)).min(aa);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.linearDodge(src, so + i, dst, dOff + i, n - i);
    }
    static void linearLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs).mul(2)).sub(aa).max(0).min(aa);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs).mul(2)).sub(aa).max(0).min(aa);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = as.mul(cb).add(ab.mul(cs).mul(2)).sub(aa).max(0).min(aa);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.linearLight(src, so + i, dst, dOff + i, n - i);
    }
    static void pinLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector asCb = as.mul(cb), abCs2 = ab.mul(cs).mul(2);
                IntVector x = asCb.min(abCs2).blend(asCb.max(abCs2.sub(aa)), cs.mul(2).compare(GT, as));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector asCb = as.mul(cb), abCs2 = ab.mul(cs).mul(2);
                IntVector x = asCb.min(abCs2).blend(asCb.max(abCs2.sub(aa)), cs.mul(2).compare(GT, as));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector asCb = as.mul(cb), abCs2 = ab.mul(cs).mul(2);
                IntVector x = asCb.min(abCs2).blend(asCb.max(abCs2.sub(aa)), cs.mul(2).compare(GT, as));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.pinLight(src, so + i, dst, dOff + i, n - i);
    }
    static void hardMix(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = aa.blend(0, as.mul(cb).add(ab.mul(cs)).sub(aa).compare(LT, 0));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = aa.blend(0, as.mul(cb).add(ab.mul(cs)).sub(aa).compare(LT, 0));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = aa.blend(0, as.mul(cb).add(ab.mul(cs)).sub(aa).compare(LT, 0));
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.hardMix(src, so + i, dst, dOff + i, n - i);
    }
    static void subtract(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector x = as.mul(cb).sub(ab.mul(cs)).max(0);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                r = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector x = as.mul(cb).sub(ab.mul(cs)).max(0);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                g = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector x = as.mul(cb).sub(ab.mul(cs)).max(0);
                IntVector t = cs.mul(iab).add(cb.mul(ias)).add(x).add(128);
                b = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.subtract(src, so + i, dst, dOff + i, n - i);
    }
}

package dev.blendbench.engine.blend;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
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

    /** The int species of the compute-bound kernels: the widest ({@code SPECIES_PREFERRED}). */
    static final VectorSpecies<Integer> SP = IntVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> FS = VectorSpecies.of(float.class, SP.vectorShape());
    static final int L = SP.length();

    static final float INV_255 = 1f / 255f;


    /*
     * Multiply and screen run on two channels per 32-bit lane, as 16-bit lanes (blue and red in
     * one, green and alpha in the other): their whole sum co·255² never exceeds 255² < 2¹⁶, and
     * 16-bit arithmetic wraps consistently, so every intermediate may wrap as long as the sum
     * fits. The alpha lane gets the same formula, which for these two modes is the alpha of
     * source-over exactly (as·255 + ab·(255 − as) = as·(255 − ab) + ab·(255 − as) + as·ab), and
     * the colour never exceeds it (both formulas increase with each operand), so the scalar
     * loop's clamp to alpha never changes a value: the bits are the scalar loop's.
     */
    static void multiply(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector ias = IntVector.broadcast(SP, 0x00FF00FF).sub(as.or(as.lanewise(LSHL, 16))).reinterpretAsShorts();
            ShortVector iab = IntVector.broadcast(SP, 0x00FF00FF).sub(ab.or(ab.lanewise(LSHL, 16))).reinterpretAsShorts();
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(sl.mul(dl)).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(sh.mul(dh)).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.multiply(src, so + i, dst, dOff + i, n - i);
    }
    static void screen(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            // cs·(255 − ab) + cb·(255 − as) + as·cb + ab·cs − cs·cb = 255·(cs + cb) − cs·cb
            ShortVector tl = sl.add(dl).mul((short) 255).sub(sl.mul(dl)).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector th = sh.add(dh).mul((short) 255).sub(sh.mul(dh)).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
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

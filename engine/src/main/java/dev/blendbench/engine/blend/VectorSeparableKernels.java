package dev.blendbench.engine.blend;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.SUSUB;
import static jdk.incubator.vector.VectorOperators.ULT;
import static jdk.incubator.vector.VectorOperators.UMAX;
import static jdk.incubator.vector.VectorOperators.UMIN;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The integer separable modes with the Vector API, bit-identical to the scalar loops of
 * {@link SeparableKernels} (a test checks it); the tail of a span is left to the scalar loop.
 *
 * <p>Two channels per 32-bit lane: each int is split into 16-bit lanes, blue and red in one
 * vector ({@code s & 0x00FF00FF}), green and alpha in the other ({@code s >>> 8} per 16-bit
 * lane), with each pixel's alphas copied into both halves of its int. The whole sum
 * {@code co·255² = cs·(255 − ab) + cb·(255 − as) + X} never exceeds 255² < 2¹⁶ and 16-bit
 * arithmetic wraps consistently, so intermediates may wrap as long as the sum fits; where a
 * comparison or clamp needs a term that would not fit, the term is rewritten (unsigned min/max,
 * saturating subtraction, one branch per sign) as each mode's comment says. The alpha lane gets
 * the mode's own formula, which gives X = as·ab, hence the alpha of source-over, for every mode
 * but difference and subtract (their alpha lane takes as·ab explicitly) and exclusion (its alpha
 * lane subtracts one cs·cb instead of two). X ≤ as·ab, so the colour never exceeds alpha and the
 * scalar loops' clamp to alpha never changes a value.
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

    /** X = cs·cb. */
    static void multiply(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        IntVector k255 = IntVector.broadcast(SP, 0x00FF00FF);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector ias = k255.sub(as.or(as.lanewise(LSHL, 16))).reinterpretAsShorts();
            ShortVector iab = k255.sub(ab.or(ab.lanewise(LSHL, 16))).reinterpretAsShorts();
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
    /** X = as·cb + ab·cs − cs·cb, so the sum is 255·(cs + cb) − cs·cb. */
    static void screen(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector tl = sl.add(dl).mul((short) 255).sub(sl.mul(dl)).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector th = sh.add(dh).mul((short) 255).sub(sh.mul(dh)).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.screen(src, so + i, dst, dOff + i, n - i);
    }
    /** Hard-light with the backdrop deciding: 2·cb > ab: screen(Cs, 2Cb − 1), else multiply(Cs, 2Cb). */
    static void overlay(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector ml = sl.mul(dl);
            ShortVector xl = ml.add(ml).blend(ab2.mul(sl).add(as2.mul(dl)).sub(ml).lanewise(LSHL, 1).sub(aa2), dl.add(dl).compare(GT, ab2));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector mh = sh.mul(dh);
            ShortVector xh = mh.add(mh).blend(ab2.mul(sh).add(as2.mul(dh)).sub(mh).lanewise(LSHL, 1).sub(aa2), dh.add(dh).compare(GT, ab2));
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.overlay(src, so + i, dst, dOff + i, n - i);
    }
    /** The source decides: 2·cs > as: screen(Cb, 2Cs − 1), else multiply(Cb, 2Cs). */
    static void hardLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector ml = sl.mul(dl);
            ShortVector xl = ml.add(ml).blend(ab2.mul(sl).add(as2.mul(dl)).sub(ml).lanewise(LSHL, 1).sub(aa2), sl.add(sl).compare(GT, as2));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector mh = sh.mul(dh);
            ShortVector xh = mh.add(mh).blend(ab2.mul(sh).add(as2.mul(dh)).sub(mh).lanewise(LSHL, 1).sub(aa2), sh.add(sh).compare(GT, as2));
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.hardLight(src, so + i, dst, dOff + i, n - i);
    }
    /** X = min(as·cb, ab·cs), unsigned. */
    static void darken(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector xl = as2.mul(dl).lanewise(UMIN, ab2.mul(sl));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector xh = as2.mul(dh).lanewise(UMIN, ab2.mul(sh));
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.darken(src, so + i, dst, dOff + i, n - i);
    }
    /** X = max(as·cb, ab·cs), unsigned. */
    static void lighten(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector xl = as2.mul(dl).lanewise(UMAX, ab2.mul(sl));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector xh = as2.mul(dh).lanewise(UMAX, ab2.mul(sh));
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.lighten(src, so + i, dst, dOff + i, n - i);
    }
    /** X = |as·cb − ab·cs| = max − min (unsigned); the alpha lane takes as·ab. */
    static void difference(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector pl = as2.mul(dl), ql = ab2.mul(sl);
            ShortVector xl = pl.lanewise(UMAX, ql).sub(pl.lanewise(UMIN, ql));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector ph = as2.mul(dh), qh = ab2.mul(sh);
            ShortVector xh = ph.lanewise(UMAX, qh).sub(ph.lanewise(UMIN, qh));
            xh = xh.reinterpretAsInts().and(0x0000FFFF).or(ph.reinterpretAsInts().and(0xFFFF0000)).reinterpretAsShorts();
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.difference(src, so + i, dst, dOff + i, n - i);
    }
    /** X = as·cb + ab·cs − 2·cs·cb, so the sum is 255·(cs + cb) − 2·cs·cb; the alpha lane takes one cs·cb. */
    static void exclusion(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k = IntVector.broadcast(SP, 0x00010002).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector tl = sl.add(dl).mul((short) 255).sub(sl.mul(dl).mul((short) 2)).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector th = sh.add(dh).mul((short) 255).sub(sh.mul(dh).mul(k)).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.exclusion(src, so + i, dst, dOff + i, n - i);
    }
    /** X = max(0, as·cb + ab·cs − as·ab) = as·cb ⊖ ab·(as − cs) (saturating; ab·(as − cs) ≥ 0 fits). */
    static void linearBurn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector xl = as2.mul(dl).lanewise(SUSUB, aa2.sub(ab2.mul(sl)));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector xh = as2.mul(dh).lanewise(SUSUB, aa2.sub(ab2.mul(sh)));
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.linearBurn(src, so + i, dst, dOff + i, n - i);
    }
    /** X = min(as·ab, as·cb + ab·cs) = as·cb + min(as·(ab − cb), ab·cs), every term within 16 bits. */
    static void linearDodge(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector pl = as2.mul(dl);
            ShortVector xl = pl.add(aa2.sub(pl).lanewise(UMIN, ab2.mul(sl)));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector ph = as2.mul(dh);
            ShortVector xh = ph.add(aa2.sub(ph).lanewise(UMIN, ab2.mul(sh)));
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.linearDodge(src, so + i, dst, dOff + i, n - i);
    }
    /** X = clamp(as·cb + 2·ab·cs − as·ab, 0, as·ab): 2·cs ≤ as: as·cb ⊖ ab·(as − 2·cs); else as·cb + min(as·(ab − cb), ab·(2·cs − as)). */
    static void linearLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector pl = as2.mul(dl), ql = ab2.mul(sl).mul((short) 2);
            ShortVector xl = pl.lanewise(SUSUB, aa2.sub(ql)).blend(pl.add(aa2.sub(pl).lanewise(UMIN, ql.sub(aa2))), sl.add(sl).compare(GT, as2));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector ph = as2.mul(dh), qh = ab2.mul(sh).mul((short) 2);
            ShortVector xh = ph.lanewise(SUSUB, aa2.sub(qh)).blend(ph.add(aa2.sub(ph).lanewise(UMIN, qh.sub(aa2))), sh.add(sh).compare(GT, as2));
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.linearLight(src, so + i, dst, dOff + i, n - i);
    }
    /** 2·cs ≤ as: min(as·cb, 2·ab·cs); else max(as·cb, ab·(2·cs − as)); each branch fits 16 bits where it applies. */
    static void pinLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector pl = as2.mul(dl), ql = ab2.mul(sl).mul((short) 2);
            ShortVector xl = pl.lanewise(UMIN, ql).blend(pl.lanewise(UMAX, ql.sub(aa2)), sl.add(sl).compare(GT, as2));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector ph = as2.mul(dh), qh = ab2.mul(sh).mul((short) 2);
            ShortVector xh = ph.lanewise(UMIN, qh).blend(ph.lanewise(UMAX, qh.sub(aa2)), sh.add(sh).compare(GT, as2));
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.pinLight(src, so + i, dst, dOff + i, n - i);
    }
    /** X = as·ab where as·cb + ab·cs ≥ as·ab, i.e. as·cb ≥ ab·(as − cs), else 0. */
    static void hardMix(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector xl = aa2.blend((short) 0, as2.mul(dl).compare(ULT, aa2.sub(ab2.mul(sl))));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector xh = aa2.blend((short) 0, as2.mul(dh).compare(ULT, aa2.sub(ab2.mul(sh))));
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.hardMix(src, so + i, dst, dOff + i, n - i);
    }
    /** X = max(0, as·cb − ab·cs): a saturating unsigned subtraction; the alpha lane takes as·ab. */
    static void subtract(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        ShortVector k255 = IntVector.broadcast(SP, 0x00FF00FF).reinterpretAsShorts();
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            ShortVector as2 = as.or(as.lanewise(LSHL, 16)).reinterpretAsShorts(), ab2 = ab.or(ab.lanewise(LSHL, 16)).reinterpretAsShorts();
            ShortVector ias = k255.sub(as2), iab = k255.sub(ab2), aa2 = as2.mul(ab2);
            ShortVector sl = s.and(0x00FF00FF).reinterpretAsShorts(), dl = d.and(0x00FF00FF).reinterpretAsShorts();
            ShortVector sh = s.reinterpretAsShorts().lanewise(LSHR, 8), dh = d.reinterpretAsShorts().lanewise(LSHR, 8);
            ShortVector pl = as2.mul(dl);
            ShortVector xl = pl.lanewise(SUSUB, ab2.mul(sl));
            ShortVector tl = sl.mul(iab).add(dl.mul(ias)).add(xl).add((short) 128);
            tl = tl.add(tl.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            ShortVector ph = as2.mul(dh);
            ShortVector xh = ph.lanewise(SUSUB, ab2.mul(sh));
            xh = xh.reinterpretAsInts().and(0x0000FFFF).or(ph.reinterpretAsInts().and(0xFFFF0000)).reinterpretAsShorts();
            ShortVector th = sh.mul(iab).add(dh.mul(ias)).add(xh).add((short) 128);
            th = th.add(th.lanewise(LSHR, 8)).lanewise(LSHR, 8);
            tl.reinterpretAsInts().or(th.reinterpretAsInts().lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        SeparableKernels.subtract(src, so + i, dst, dOff + i, n - i);
    }
}

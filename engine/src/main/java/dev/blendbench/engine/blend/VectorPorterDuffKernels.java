package dev.blendbench.engine.blend;

import static dev.blendbench.engine.blend.VectorSeparableKernels.L;
import static dev.blendbench.engine.blend.VectorSeparableKernels.SP;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;

import jdk.incubator.vector.IntVector;

/**
 * The Porter-Duff operators with the Vector API: the SWAR arithmetic of {@link PorterDuffKernels}
 * (two channels per 32-bit lane), lane for lane, so results are bit-identical to it. Copy, clear
 * and destination need no vector form.
 */
final class VectorPorterDuffKernels {
    private VectorPorterDuffKernels() {}

    private static final int M = 0x00FF00FF;

    static IntVector scale(IntVector p, IntVector f) {
        IntVector rb = p.and(M).mul(f).add(0x00800080);
        rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
        IntVector ag = p.lanewise(LSHR, 8).and(M).mul(f).add(0x00800080);
        ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
        return rb.or(ag);
    }

    static IntVector mix(IntVector s, IntVector fa, IntVector d, IntVector fb) {
        IntVector rb = s.and(M).mul(fa).add(d.and(M).mul(fb)).add(0x00800080);
        rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
        IntVector ag = s.lanewise(LSHR, 8).and(M).mul(fa).add(d.lanewise(LSHR, 8).and(M).mul(fb)).add(0x00800080);
        ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
        return rb.or(ag);
    }

    private static IntVector alpha(IntVector p) { return p.lanewise(LSHR, 24); }

    private static IntVector inv(IntVector a) { return a.neg().add(255); }

    static void sourceOver(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            s.add(scale(d, inv(alpha(s)))).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.sourceOver(src, so + i, dst, dOff + i, n - i);
    }

    static void destinationOver(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            d.add(scale(s, inv(alpha(d)))).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.destinationOver(src, so + i, dst, dOff + i, n - i);
    }

    static void sourceIn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            scale(s, alpha(d)).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.sourceIn(src, so + i, dst, dOff + i, n - i);
    }

    static void destinationIn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            scale(d, alpha(s)).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.destinationIn(src, so + i, dst, dOff + i, n - i);
    }

    static void sourceOut(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            scale(s, inv(alpha(d))).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.sourceOut(src, so + i, dst, dOff + i, n - i);
    }

    static void destinationOut(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            scale(d, inv(alpha(s))).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.destinationOut(src, so + i, dst, dOff + i, n - i);
    }

    static void sourceAtop(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            mix(s, alpha(d), d, inv(alpha(s))).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.sourceAtop(src, so + i, dst, dOff + i, n - i);
    }

    static void destinationAtop(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            mix(s, inv(alpha(d)), d, alpha(s)).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.destinationAtop(src, so + i, dst, dOff + i, n - i);
    }

    static void xor(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            mix(s, inv(alpha(d)), d, inv(alpha(s))).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.xor(src, so + i, dst, dOff + i, n - i);
    }

    static void lighter(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector rb = s.and(M).add(d.and(M));
            rb = rb.or(rb.lanewise(LSHR, 8).and(0x00010001).mul(0xFF)).and(M);
            IntVector ag = s.lanewise(LSHR, 8).and(M).add(d.lanewise(LSHR, 8).and(M));
            ag = ag.or(ag.lanewise(LSHR, 8).and(0x00010001).mul(0xFF)).and(M);
            rb.or(ag.lanewise(LSHL, 8)).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.lighter(src, so + i, dst, dOff + i, n - i);
    }

    /** Opacity as a lerp towards {@code keep}: {@code dst = mix(dst, op, keep, 255 − op)}, or scale when keep is null. */
    static void lerp(int[] dst, int dOff, int[] keep, int op, int n) {
        int i = 0;
        IntVector fo = IntVector.broadcast(SP, op), fk = IntVector.broadcast(SP, 255 - op);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            (keep == null ? scale(d, fo) : mix(d, fo, IntVector.fromArray(SP, keep, i), fk)).intoArray(dst, dOff + i);
        }
        for (; i < n; i++) {
            dst[dOff + i] = keep == null ? PorterDuffKernels.scale(dst[dOff + i], op)
                    : PorterDuffKernels.mix(dst[dOff + i], op, keep[i], 255 - op);
        }
    }
}

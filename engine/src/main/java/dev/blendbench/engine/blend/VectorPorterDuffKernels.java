package dev.blendbench.engine.blend;

import static dev.blendbench.engine.blend.VectorSeparableKernels.L;
import static dev.blendbench.engine.blend.VectorSeparableKernels.SP;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Porter-Duff operators with the Vector API: the SWAR arithmetic of {@link PorterDuffKernels}
 * (two channels per 32-bit lane), lane for lane, so results are bit-identical to it. Copy, clear
 * and destination need no vector form. Loops are written out in full, without helper methods
 * (see {@link VectorSeparableKernels} for why).
 */
final class VectorPorterDuffKernels {
    private VectorPorterDuffKernels() {}

    private static final int M = 0x00FF00FF;

    /**
     * Source-over does so little per pixel that memory access decides its speed, so it uses
     * 256-bit vectors even where the CPU has 512-bit ones. Measured on an AVX-512 AMD EPYC
     * (JMH, same run): 0.22 ms at 1920×1080 and 1.42 ms at 3840×2160 with 256-bit vectors,
     * 0.35 and 2.56 ms with 512-bit ones (most likely because a Java array's data is not aligned
     * to a cache line, so every 64-byte access splits two lines and a 32-byte one only every
     * other time). The other operators, with twice the arithmetic, are faster on the widest
     * vectors and use them.
     * {@code -Dblendbench.vector.bits=512} (or 128) overrides.
     */
    static final VectorSpecies<Integer> SO = species(Integer.getInteger("blendbench.vector.bits", 256));
    static final int SO_L = SO.length();

    private static VectorSpecies<Integer> species(int bits) {
        int widest = IntVector.SPECIES_PREFERRED.vectorBitSize();
        return bits == 128 || bits == 256 || bits == 512
                ? VectorSpecies.of(int.class, VectorShape.forBitSize(Math.min(bits, widest)))
                : IntVector.SPECIES_PREFERRED;
    }

    /**
     * Source-over with the scale {@code 256 − αs} and a truncating shift (see
     * {@link PorterDuffKernels#sourceOver}). The two shifts that must not carry between channels
     * are 16-bit shifts ({@code vpsrlw}), which need no mask: ten vector operations per step.
     */
    static void sourceOver(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        IntVector k256 = IntVector.broadcast(SO, 256);
        for (int upper = SO.loopBound(n); i < upper; i += SO_L) {
            IntVector s = IntVector.fromArray(SO, src, so + i);
            IntVector d = IntVector.fromArray(SO, dst, dOff + i);
            IntVector f = k256.sub(s.lanewise(LSHR, 24));
            IntVector rb = d.and(M).mul(f).reinterpretAsShorts().lanewise(LSHR, 8).reinterpretAsInts();
            IntVector ag = d.reinterpretAsShorts().lanewise(LSHR, 8).reinterpretAsInts().mul(f).and(~M);
            s.add(rb.or(ag)).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.sourceOver(src, so + i, dst, dOff + i, n - i);
    }

    static void destinationOver(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector f = d.lanewise(LSHR, 24).neg().add(255);
            IntVector rb = s.and(M).mul(f).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = s.lanewise(LSHR, 8).and(M).mul(f).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            d.add(rb.or(ag)).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.destinationOver(src, so + i, dst, dOff + i, n - i);
    }
    static void sourceIn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector f = d.lanewise(LSHR, 24);
            IntVector rb = s.and(M).mul(f).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = s.lanewise(LSHR, 8).and(M).mul(f).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.sourceIn(src, so + i, dst, dOff + i, n - i);
    }
    static void destinationIn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector f = s.lanewise(LSHR, 24);
            IntVector rb = d.and(M).mul(f).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = d.lanewise(LSHR, 8).and(M).mul(f).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.destinationIn(src, so + i, dst, dOff + i, n - i);
    }
    static void sourceOut(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector f = d.lanewise(LSHR, 24).neg().add(255);
            IntVector rb = s.and(M).mul(f).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = s.lanewise(LSHR, 8).and(M).mul(f).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.sourceOut(src, so + i, dst, dOff + i, n - i);
    }
    static void destinationOut(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector f = s.lanewise(LSHR, 24).neg().add(255);
            IntVector rb = d.and(M).mul(f).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = d.lanewise(LSHR, 8).and(M).mul(f).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.destinationOut(src, so + i, dst, dOff + i, n - i);
    }
    static void sourceAtop(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector fa = d.lanewise(LSHR, 24), fb = s.lanewise(LSHR, 24).neg().add(255);
            IntVector rb = s.and(M).mul(fa).add(d.and(M).mul(fb)).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = s.lanewise(LSHR, 8).and(M).mul(fa).add(d.lanewise(LSHR, 8).and(M).mul(fb)).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.sourceAtop(src, so + i, dst, dOff + i, n - i);
    }
    static void destinationAtop(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector fa = d.lanewise(LSHR, 24).neg().add(255), fb = s.lanewise(LSHR, 24);
            IntVector rb = s.and(M).mul(fa).add(d.and(M).mul(fb)).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = s.lanewise(LSHR, 8).and(M).mul(fa).add(d.lanewise(LSHR, 8).and(M).mul(fb)).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.destinationAtop(src, so + i, dst, dOff + i, n - i);
    }
    static void xor(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector fa = d.lanewise(LSHR, 24).neg().add(255), fb = s.lanewise(LSHR, 24).neg().add(255);
            IntVector rb = s.and(M).mul(fa).add(d.and(M).mul(fb)).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = s.lanewise(LSHR, 8).and(M).mul(fa).add(d.lanewise(LSHR, 8).and(M).mul(fb)).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
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

    /** {@link PorterDuffKernels#scaleRun}, lane for lane: the same bits. */
    static void scaleRun(int[] px, int off, int f, int n) {
        int i = 0;
        IntVector fa = IntVector.broadcast(SP, f);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector d = IntVector.fromArray(SP, px, off + i);
            IntVector rb = d.and(M).mul(fa).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = d.lanewise(LSHR, 8).and(M).mul(fa).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(px, off + i);
        }
        PorterDuffKernels.scaleRun(px, off + i, f, n - i);
    }

    /** {@link PorterDuffKernels#fade}, lane for lane: the same bits. */
    static void fade(int[] src, int so, int[] dst, int dOff, int op, int n) {
        int i = 0;
        IntVector fa = IntVector.broadcast(SP, op), fb = IntVector.broadcast(SP, 255 - op);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector rb = s.and(M).mul(fa).add(d.and(M).mul(fb)).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = s.lanewise(LSHR, 8).and(M).mul(fa).add(d.lanewise(LSHR, 8).and(M).mul(fb)).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.fade(src, so + i, dst, dOff + i, op, n - i);
    }

    /** Bytes, as many lanes as {@link #SP} has ints: a mask's values, widened to them. */
    private static final VectorSpecies<Byte> MASK_BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(SP.vectorBitSize() / 4));

    /** {@link PorterDuffKernels#scaleByMask}, lane for lane: the same bits. */
    static void scaleByMask(int[] px, int pOff, byte[] values, int vOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector f = ((IntVector) ByteVector.fromArray(MASK_BYTES, values, vOff + i).convertShape(VectorOperators.B2I, SP, 0)).and(0xFF);
            IntVector d = IntVector.fromArray(SP, px, pOff + i);
            IntVector rb = d.and(M).mul(f).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = d.lanewise(LSHR, 8).and(M).mul(f).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(px, pOff + i);
        }
        PorterDuffKernels.scaleByMask(px, pOff + i, values, vOff + i, n - i);
    }

    /** {@link PorterDuffKernels#fadeByMask}, lane for lane: the same bits. */
    static void fadeByMask(int[] src, int so, int[] dst, int dOff, int op, byte[] values, int vOff, int n) {
        int i = 0;
        IntVector k255 = IntVector.broadcast(SP, 255);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector v = ((IntVector) ByteVector.fromArray(MASK_BYTES, values, vOff + i).convertShape(VectorOperators.B2I, SP, 0)).and(0xFF);
            IntVector t = v.mul(op).add(128);
            IntVector fa = t.add(t.lanewise(LSHR, 8)).lanewise(LSHR, 8), fb = k255.sub(fa);
            IntVector s = IntVector.fromArray(SP, src, so + i);
            IntVector d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector rb = s.and(M).mul(fa).add(d.and(M).mul(fb)).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = s.lanewise(LSHR, 8).and(M).mul(fa).add(d.lanewise(LSHR, 8).and(M).mul(fb)).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.fadeByMask(src, so + i, dst, dOff + i, op, values, vOff + i, n - i);
    }

    /** {@link PorterDuffKernels#clipToBackdrop}, lane for lane: the same bits. */
    static void clipToBackdrop(int[] backdrop, int bo, int[] dst, int dOff, int n) {
        int i = 0;
        IntVector k255 = IntVector.broadcast(SP, 255);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector x = IntVector.fromArray(SP, dst, dOff + i);
            IntVector b = IntVector.fromArray(SP, backdrop, bo + i);
            IntVector ab = b.lanewise(LSHR, 24), k = k255.sub(x.lanewise(LSHR, 24));
            IntVector rb = x.and(M).mul(ab).add(b.and(M).mul(k)).add(0x00800080);
            rb = rb.add(rb.lanewise(LSHR, 8).and(M)).lanewise(LSHR, 8).and(M);
            IntVector ag = x.lanewise(LSHR, 8).and(M).mul(ab).add(b.lanewise(LSHR, 8).and(M).mul(k)).add(0x00800080);
            ag = ag.add(ag.lanewise(LSHR, 8).and(M)).and(~M);
            rb.or(ag).intoArray(dst, dOff + i);
        }
        PorterDuffKernels.clipToBackdrop(backdrop, bo + i, dst, dOff + i, n - i);
    }
}

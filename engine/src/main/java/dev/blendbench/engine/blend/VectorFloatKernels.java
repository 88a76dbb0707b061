package dev.blendbench.engine.blend;

import static dev.blendbench.engine.blend.SeparableKernels.ROUND;
import static dev.blendbench.engine.blend.SeparableKernels.TINY_BITS;
import static dev.blendbench.engine.blend.VectorSeparableKernels.FS;
import static dev.blendbench.engine.blend.VectorSeparableKernels.INV_255;
import static dev.blendbench.engine.blend.VectorSeparableKernels.L;
import static dev.blendbench.engine.blend.VectorSeparableKernels.SP;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.SQRT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

/**
 * The separable modes whose B divides (color-dodge, color-burn, divide, vivid-light) or takes a
 * square root (soft-light), with the Vector API. Everything after unpacking is in float lanes, in
 * the operations and order of the scalar loops of {@link SeparableKernels} (branch-free X with one
 * division per channel, {@link SeparableKernels#floatChannel} for the output), so results are
 * bit-identical to them. Two shortcuts keep the bits: the result alpha is rounded by adding 2²³
 * (equal to the scalar {@code div255} for every alpha pair), and the clamp of the channel sum at 0
 * is left out where X cannot be negative (all but soft-light). The rounded values stay as their
 * float bits ({@code 0x4B0000vv}, 2²³ + v) until packing: alpha and channels share the 0x4B, so the
 * int min clamps them as it would the plain values, and the shifts that place alpha, red and green
 * push it out of the lane (only blue needs a mask). Written out in full, without helpers (see
 * {@link VectorSeparableKernels} for why).
 */
final class VectorFloatKernels {
    private VectorFloatKernels() {}

    static void colorDodge(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        FloatVector k255 = FloatVector.broadcast(FS, 255f), kInv = FloatVector.broadcast(FS, INV_255);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            FloatVector fas = (FloatVector) as.convert(I2F, 0), fab = (FloatVector) ab.convert(I2F, 0);
            FloatVector faa = fas.mul(fab), ias = k255.sub(fas), iab = k255.sub(fab);
            // ao = as + round(ab·(255 − as)/255), rounded by adding 2²³ (equal to div255 for every pair);
            // left as float bits 0x4B0000vv like the channels: min works on them, packing shifts the 0x4B out
            IntVector ao = fab.mul(ias).fma(kInv, fas.add(ROUND)).reinterpretAsInts();
            FloatVector as2 = fas.mul(fas);
            IntVector r;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0);
                FloatVector x = faa.reinterpretAsInts().min(as2.mul(cb).div(fas.sub(cs).reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats();
                r = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector g;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0);
                FloatVector x = faa.reinterpretAsInts().min(as2.mul(cb).div(fas.sub(cs).reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats();
                g = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector b;
            {
                FloatVector cs = (FloatVector) s.and(0xFF).convert(I2F, 0), cb = (FloatVector) d.and(0xFF).convert(I2F, 0);
                FloatVector x = faa.reinterpretAsInts().min(as2.mul(cb).div(fas.sub(cs).reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats();
                b = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b.and(0xFF)).intoArray(dst, dOff + i);
        }
        SeparableKernels.colorDodge(src, so + i, dst, dOff + i, n - i);
    }
    static void colorBurn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        FloatVector k255 = FloatVector.broadcast(FS, 255f), kInv = FloatVector.broadcast(FS, INV_255);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            FloatVector fas = (FloatVector) as.convert(I2F, 0), fab = (FloatVector) ab.convert(I2F, 0);
            FloatVector faa = fas.mul(fab), ias = k255.sub(fas), iab = k255.sub(fab);
            // ao = as + round(ab·(255 − as)/255), rounded by adding 2²³ (equal to div255 for every pair);
            // left as float bits 0x4B0000vv like the channels: min works on them, packing shifts the 0x4B out
            IntVector ao = fab.mul(ias).fma(kInv, fas.add(ROUND)).reinterpretAsInts();
            FloatVector as2 = fas.mul(fas);
            IntVector r;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0);
                FloatVector x = faa.sub(faa.reinterpretAsInts().min(as2.mul(fab.sub(cb).reinterpretAsInts().max(0).reinterpretAsFloats()).div(cs.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats());
                r = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector g;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0);
                FloatVector x = faa.sub(faa.reinterpretAsInts().min(as2.mul(fab.sub(cb).reinterpretAsInts().max(0).reinterpretAsFloats()).div(cs.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats());
                g = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector b;
            {
                FloatVector cs = (FloatVector) s.and(0xFF).convert(I2F, 0), cb = (FloatVector) d.and(0xFF).convert(I2F, 0);
                FloatVector x = faa.sub(faa.reinterpretAsInts().min(as2.mul(fab.sub(cb).reinterpretAsInts().max(0).reinterpretAsFloats()).div(cs.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats());
                b = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b.and(0xFF)).intoArray(dst, dOff + i);
        }
        SeparableKernels.colorBurn(src, so + i, dst, dOff + i, n - i);
    }
    static void divide(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        FloatVector k255 = FloatVector.broadcast(FS, 255f), kInv = FloatVector.broadcast(FS, INV_255);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            FloatVector fas = (FloatVector) as.convert(I2F, 0), fab = (FloatVector) ab.convert(I2F, 0);
            FloatVector faa = fas.mul(fab), ias = k255.sub(fas), iab = k255.sub(fab);
            // ao = as + round(ab·(255 − as)/255), rounded by adding 2²³ (equal to div255 for every pair);
            // left as float bits 0x4B0000vv like the channels: min works on them, packing shifts the 0x4B out
            IntVector ao = fab.mul(ias).fma(kInv, fas.add(ROUND)).reinterpretAsInts();
            FloatVector as2 = fas.mul(fas);
            IntVector r;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0);
                FloatVector x = faa.reinterpretAsInts().min(as2.mul(cb).div(cs.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats();
                r = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector g;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0);
                FloatVector x = faa.reinterpretAsInts().min(as2.mul(cb).div(cs.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats();
                g = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector b;
            {
                FloatVector cs = (FloatVector) s.and(0xFF).convert(I2F, 0), cb = (FloatVector) d.and(0xFF).convert(I2F, 0);
                FloatVector x = faa.reinterpretAsInts().min(as2.mul(cb).div(cs.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats();
                b = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b.and(0xFF)).intoArray(dst, dOff + i);
        }
        SeparableKernels.divide(src, so + i, dst, dOff + i, n - i);
    }
    static void vividLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        FloatVector k255 = FloatVector.broadcast(FS, 255f), kInv = FloatVector.broadcast(FS, INV_255);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            FloatVector fas = (FloatVector) as.convert(I2F, 0), fab = (FloatVector) ab.convert(I2F, 0);
            FloatVector faa = fas.mul(fab), ias = k255.sub(fas), iab = k255.sub(fab);
            // ao = as + round(ab·(255 − as)/255), rounded by adding 2²³ (equal to div255 for every pair);
            // left as float bits 0x4B0000vv like the channels: min works on them, packing shifts the 0x4B out
            IntVector ao = fab.mul(ias).fma(kInv, fas.add(ROUND)).reinterpretAsInts();
            // as² and 2·as, so that the case is chosen before one multiplication: 2·as − 2·cs = 2·(as − cs) exactly
            FloatVector as2 = fas.mul(fas), fas2 = fas.add(fas);
            IntVector r;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0);
                FloatVector c2 = cs.add(cs);
                VectorMask<Float> burn = c2.compare(LE, fas);
                FloatVector num = as2.mul(cb.blend(fab.sub(cb).reinterpretAsInts().max(0).reinterpretAsFloats(), burn));
                FloatVector den = fas2.sub(c2).blend(c2, burn);
                FloatVector m = faa.reinterpretAsInts().min(num.div(den.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats();
                FloatVector x = m.blend(faa.sub(m), burn);
                r = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector g;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0);
                FloatVector c2 = cs.add(cs);
                VectorMask<Float> burn = c2.compare(LE, fas);
                FloatVector num = as2.mul(cb.blend(fab.sub(cb).reinterpretAsInts().max(0).reinterpretAsFloats(), burn));
                FloatVector den = fas2.sub(c2).blend(c2, burn);
                FloatVector m = faa.reinterpretAsInts().min(num.div(den.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats();
                FloatVector x = m.blend(faa.sub(m), burn);
                g = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector b;
            {
                FloatVector cs = (FloatVector) s.and(0xFF).convert(I2F, 0), cb = (FloatVector) d.and(0xFF).convert(I2F, 0);
                FloatVector c2 = cs.add(cs);
                VectorMask<Float> burn = c2.compare(LE, fas);
                FloatVector num = as2.mul(cb.blend(fab.sub(cb).reinterpretAsInts().max(0).reinterpretAsFloats(), burn));
                FloatVector den = fas2.sub(c2).blend(c2, burn);
                FloatVector m = faa.reinterpretAsInts().min(num.div(den.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()).reinterpretAsInts()).reinterpretAsFloats();
                FloatVector x = m.blend(faa.sub(m), burn);
                b = cs.fma(iab, cb.fma(ias, x)).fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b.and(0xFF)).intoArray(dst, dOff + i);
        }
        SeparableKernels.vividLight(src, so + i, dst, dOff + i, n - i);
    }
    static void softLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        FloatVector k255 = FloatVector.broadcast(FS, 255f), kInv = FloatVector.broadcast(FS, INV_255);
        FloatVector one = FloatVector.broadcast(FS, 1f), two = FloatVector.broadcast(FS, 2f), four = FloatVector.broadcast(FS, 4f);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            FloatVector fas = (FloatVector) as.convert(I2F, 0), fab = (FloatVector) ab.convert(I2F, 0);
            FloatVector faa = fas.mul(fab), ias = k255.sub(fas), iab = k255.sub(fab);
            // ao = as + round(ab·(255 − as)/255), rounded by adding 2²³ (equal to div255 for every pair);
            // left as float bits 0x4B0000vv like the channels: min works on them, packing shifts the 0x4B out
            IntVector ao = fab.mul(ias).fma(kInv, fas.add(ROUND)).reinterpretAsInts();
            FloatVector rab = one.div(fab.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats()), nas = fas.neg();
            IntVector r;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 16).and(0xFF).convert(I2F, 0);
                FloatVector bc = cb.mul(rab), m = cs.fma(two, nas);
                FloatVector dd = bc.lanewise(SQRT).blend(bc.fma(16f, -12f).fma(bc, four).mul(bc), bc.compare(LE, 0.25f));
                FloatVector e = bc.mul(one.sub(bc)).blend(dd.sub(bc), m.compare(GT, 0f));
                FloatVector x = fab.mul(m).fma(e, fas.mul(cb));
                r = cs.fma(iab, cb.fma(ias, x)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector g;
            {
                FloatVector cs = (FloatVector) s.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0), cb = (FloatVector) d.lanewise(LSHR, 8).and(0xFF).convert(I2F, 0);
                FloatVector bc = cb.mul(rab), m = cs.fma(two, nas);
                FloatVector dd = bc.lanewise(SQRT).blend(bc.fma(16f, -12f).fma(bc, four).mul(bc), bc.compare(LE, 0.25f));
                FloatVector e = bc.mul(one.sub(bc)).blend(dd.sub(bc), m.compare(GT, 0f));
                FloatVector x = fab.mul(m).fma(e, fas.mul(cb));
                g = cs.fma(iab, cb.fma(ias, x)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            IntVector b;
            {
                FloatVector cs = (FloatVector) s.and(0xFF).convert(I2F, 0), cb = (FloatVector) d.and(0xFF).convert(I2F, 0);
                FloatVector bc = cb.mul(rab), m = cs.fma(two, nas);
                FloatVector dd = bc.lanewise(SQRT).blend(bc.fma(16f, -12f).fma(bc, four).mul(bc), bc.compare(LE, 0.25f));
                FloatVector e = bc.mul(one.sub(bc)).blend(dd.sub(bc), m.compare(GT, 0f));
                FloatVector x = fab.mul(m).fma(e, fas.mul(cb));
                b = cs.fma(iab, cb.fma(ias, x)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b.and(0xFF)).intoArray(dst, dOff + i);
        }
        SeparableKernels.softLight(src, so + i, dst, dOff + i, n - i);
    }
}

package dev.blendbench.engine.blend;

import static dev.blendbench.engine.blend.VectorSeparableKernels.FS;
import static dev.blendbench.engine.blend.VectorSeparableKernels.INV_255;
import static dev.blendbench.engine.blend.VectorSeparableKernels.L;
import static dev.blendbench.engine.blend.VectorSeparableKernels.SP;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2I;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.SQRT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;

/**
 * The separable modes whose B divides (color-dodge, color-burn, divide, vivid-light) or takes a
 * square root (soft-light), with the Vector API: X is computed in float lanes, exactly as the
 * scalar loops of {@link SeparableKernels} do, so results are bit-identical to them. Written out
 * in full, without helpers (see {@link VectorSeparableKernels} for why).
 */
final class VectorFloatKernels {
    private VectorFloatKernels() {}

    static void colorDodge(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            FloatVector faa = ((FloatVector) aa.convert(I2F, 0));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                FloatVector x = faa.min(((FloatVector) as.mul(as).mul(cb).convert(I2F, 0)).div(((FloatVector) as.sub(cs).convert(I2F, 0))));
                x = x.blend(faa, cs.compare(GE, as).cast(FS));
                x = x.blend(0f, cb.compare(EQ, 0).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                r = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                FloatVector x = faa.min(((FloatVector) as.mul(as).mul(cb).convert(I2F, 0)).div(((FloatVector) as.sub(cs).convert(I2F, 0))));
                x = x.blend(faa, cs.compare(GE, as).cast(FS));
                x = x.blend(0f, cb.compare(EQ, 0).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                g = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                FloatVector x = faa.min(((FloatVector) as.mul(as).mul(cb).convert(I2F, 0)).div(((FloatVector) as.sub(cs).convert(I2F, 0))));
                x = x.blend(faa, cs.compare(GE, as).cast(FS));
                x = x.blend(0f, cb.compare(EQ, 0).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                b = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.colorDodge(src, so + i, dst, dOff + i, n - i);
    }
    static void colorBurn(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            FloatVector faa = ((FloatVector) aa.convert(I2F, 0));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                FloatVector x = faa.sub(faa.min(((FloatVector) as.mul(as).mul(ab.sub(cb)).convert(I2F, 0)).div(((FloatVector) cs.convert(I2F, 0)))));
                x = x.blend(0f, cs.compare(EQ, 0).cast(FS));
                x = x.blend(faa, cb.compare(GE, ab).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                r = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                FloatVector x = faa.sub(faa.min(((FloatVector) as.mul(as).mul(ab.sub(cb)).convert(I2F, 0)).div(((FloatVector) cs.convert(I2F, 0)))));
                x = x.blend(0f, cs.compare(EQ, 0).cast(FS));
                x = x.blend(faa, cb.compare(GE, ab).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                g = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                FloatVector x = faa.sub(faa.min(((FloatVector) as.mul(as).mul(ab.sub(cb)).convert(I2F, 0)).div(((FloatVector) cs.convert(I2F, 0)))));
                x = x.blend(0f, cs.compare(EQ, 0).cast(FS));
                x = x.blend(faa, cb.compare(GE, ab).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                b = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.colorBurn(src, so + i, dst, dOff + i, n - i);
    }
    static void softLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            FloatVector faa = ((FloatVector) aa.convert(I2F, 0));
            FloatVector one = FloatVector.broadcast(FS, 1f);
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                FloatVector bcol = ((FloatVector) cb.convert(I2F, 0)).div(((FloatVector) ab.convert(I2F, 0)));
                FloatVector scol = ((FloatVector) cs.convert(I2F, 0)).div(((FloatVector) as.convert(I2F, 0)));
                FloatVector b1 = bcol.sub(one.sub(scol.mul(2f)).mul(bcol).mul(one.sub(bcol)));
                FloatVector poly = bcol.mul(16f).sub(12f).mul(bcol).add(4f).mul(bcol);
                FloatVector dd = bcol.lanewise(SQRT).blend(poly, bcol.compare(LE, 0.25f));
                FloatVector b2 = bcol.add(scol.mul(2f).sub(1f).mul(dd.sub(bcol)));
                FloatVector x = faa.mul(b2.blend(b1, scol.compare(LE, 0.5f))).blend(0f, aa.compare(EQ, 0).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                r = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                FloatVector bcol = ((FloatVector) cb.convert(I2F, 0)).div(((FloatVector) ab.convert(I2F, 0)));
                FloatVector scol = ((FloatVector) cs.convert(I2F, 0)).div(((FloatVector) as.convert(I2F, 0)));
                FloatVector b1 = bcol.sub(one.sub(scol.mul(2f)).mul(bcol).mul(one.sub(bcol)));
                FloatVector poly = bcol.mul(16f).sub(12f).mul(bcol).add(4f).mul(bcol);
                FloatVector dd = bcol.lanewise(SQRT).blend(poly, bcol.compare(LE, 0.25f));
                FloatVector b2 = bcol.add(scol.mul(2f).sub(1f).mul(dd.sub(bcol)));
                FloatVector x = faa.mul(b2.blend(b1, scol.compare(LE, 0.5f))).blend(0f, aa.compare(EQ, 0).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                g = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                FloatVector bcol = ((FloatVector) cb.convert(I2F, 0)).div(((FloatVector) ab.convert(I2F, 0)));
                FloatVector scol = ((FloatVector) cs.convert(I2F, 0)).div(((FloatVector) as.convert(I2F, 0)));
                FloatVector b1 = bcol.sub(one.sub(scol.mul(2f)).mul(bcol).mul(one.sub(bcol)));
                FloatVector poly = bcol.mul(16f).sub(12f).mul(bcol).add(4f).mul(bcol);
                FloatVector dd = bcol.lanewise(SQRT).blend(poly, bcol.compare(LE, 0.25f));
                FloatVector b2 = bcol.add(scol.mul(2f).sub(1f).mul(dd.sub(bcol)));
                FloatVector x = faa.mul(b2.blend(b1, scol.compare(LE, 0.5f))).blend(0f, aa.compare(EQ, 0).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                b = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.softLight(src, so + i, dst, dOff + i, n - i);
    }
    static void vividLight(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            FloatVector faa = ((FloatVector) aa.convert(I2F, 0));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                IntVector as2 = as.mul(as);
                FloatVector burn = faa.sub(faa.min(((FloatVector) as2.mul(ab.sub(cb)).convert(I2F, 0)).div(((FloatVector) cs.mul(2).convert(I2F, 0)))));
                burn = burn.blend(0f, cs.compare(EQ, 0).cast(FS));
                burn = burn.blend(faa, cb.compare(GE, ab).cast(FS));
                FloatVector dodge = faa.min(((FloatVector) as2.mul(cb).convert(I2F, 0)).div(((FloatVector) as.sub(cs).mul(2).convert(I2F, 0))));
                dodge = dodge.blend(faa, cs.compare(GE, as).cast(FS));
                dodge = dodge.blend(0f, cb.compare(EQ, 0).cast(FS));
                FloatVector x = dodge.blend(burn, cs.mul(2).compare(LE, as).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                r = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                IntVector as2 = as.mul(as);
                FloatVector burn = faa.sub(faa.min(((FloatVector) as2.mul(ab.sub(cb)).convert(I2F, 0)).div(((FloatVector) cs.mul(2).convert(I2F, 0)))));
                burn = burn.blend(0f, cs.compare(EQ, 0).cast(FS));
                burn = burn.blend(faa, cb.compare(GE, ab).cast(FS));
                FloatVector dodge = faa.min(((FloatVector) as2.mul(cb).convert(I2F, 0)).div(((FloatVector) as.sub(cs).mul(2).convert(I2F, 0))));
                dodge = dodge.blend(faa, cs.compare(GE, as).cast(FS));
                dodge = dodge.blend(0f, cb.compare(EQ, 0).cast(FS));
                FloatVector x = dodge.blend(burn, cs.mul(2).compare(LE, as).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                g = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                IntVector as2 = as.mul(as);
                FloatVector burn = faa.sub(faa.min(((FloatVector) as2.mul(ab.sub(cb)).convert(I2F, 0)).div(((FloatVector) cs.mul(2).convert(I2F, 0)))));
                burn = burn.blend(0f, cs.compare(EQ, 0).cast(FS));
                burn = burn.blend(faa, cb.compare(GE, ab).cast(FS));
                FloatVector dodge = faa.min(((FloatVector) as2.mul(cb).convert(I2F, 0)).div(((FloatVector) as.sub(cs).mul(2).convert(I2F, 0))));
                dodge = dodge.blend(faa, cs.compare(GE, as).cast(FS));
                dodge = dodge.blend(0f, cb.compare(EQ, 0).cast(FS));
                FloatVector x = dodge.blend(burn, cs.mul(2).compare(LE, as).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                b = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.vividLight(src, so + i, dst, dOff + i, n - i);
    }
    static void divide(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            FloatVector faa = ((FloatVector) aa.convert(I2F, 0));
            IntVector r, g, b;
            {
                IntVector cs = s.lanewise(LSHR, 16).and(0xFF), cb = d.lanewise(LSHR, 16).and(0xFF);
                FloatVector q = faa.min(((FloatVector) as.mul(as).mul(cb).convert(I2F, 0)).div(((FloatVector) cs.convert(I2F, 0))));
                FloatVector zeroCase = faa.blend(0f, cb.compare(EQ, 0).cast(FS));
                FloatVector x = q.blend(zeroCase, cs.compare(EQ, 0).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                r = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.lanewise(LSHR, 8).and(0xFF), cb = d.lanewise(LSHR, 8).and(0xFF);
                FloatVector q = faa.min(((FloatVector) as.mul(as).mul(cb).convert(I2F, 0)).div(((FloatVector) cs.convert(I2F, 0))));
                FloatVector zeroCase = faa.blend(0f, cb.compare(EQ, 0).cast(FS));
                FloatVector x = q.blend(zeroCase, cs.compare(EQ, 0).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                g = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            {
                IntVector cs = s.and(0xFF), cb = d.and(0xFF);
                FloatVector q = faa.min(((FloatVector) as.mul(as).mul(cb).convert(I2F, 0)).div(((FloatVector) cs.convert(I2F, 0))));
                FloatVector zeroCase = faa.blend(0f, cb.compare(EQ, 0).cast(FS));
                FloatVector x = q.blend(zeroCase, cs.compare(EQ, 0).cast(FS));
                FloatVector v = ((FloatVector) cs.mul(iab).add(cb.mul(ias)).convert(I2F, 0)).add(x);
                b = ((IntVector) v.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao);
            }
            ao.lanewise(LSHL, 24).or(r.lanewise(LSHL, 16)).or(g.lanewise(LSHL, 8)).or(b).intoArray(dst, dOff + i);
        }
        SeparableKernels.divide(src, so + i, dst, dOff + i, n - i);
    }
}

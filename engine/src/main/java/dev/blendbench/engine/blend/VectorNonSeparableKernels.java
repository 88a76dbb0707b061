package dev.blendbench.engine.blend;

import static dev.blendbench.engine.blend.VectorSeparableKernels.FS;
import static dev.blendbench.engine.blend.VectorSeparableKernels.INV_255;
import static dev.blendbench.engine.blend.VectorSeparableKernels.L;
import static dev.blendbench.engine.blend.VectorSeparableKernels.SP;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2I;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

/**
 * The non-separable modes with the Vector API, following {@link NonSeparableKernels} operation
 * for operation (so results are bit-identical to it): branches become masks. Loops are written
 * out in full, without helper methods (see {@link VectorSeparableKernels} for why).
 */
final class VectorNonSeparableKernels {
    private VectorNonSeparableKernels() {}

    static void hue(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector csr = s.lanewise(LSHR, 16).and(0xFF), csg = s.lanewise(LSHR, 8).and(0xFF), csb = s.and(0xFF);
            IntVector cbr = d.lanewise(LSHR, 16).and(0xFF), cbg = d.lanewise(LSHR, 8).and(0xFF), cbb = d.and(0xFF);
            FloatVector one = FloatVector.broadcast(FS, 1f);
            FloatVector ia = one.div(((FloatVector) as.convert(I2F, 0))), ib = one.div(((FloatVector) ab.convert(I2F, 0)));
            FloatVector sr = ((FloatVector) csr.convert(I2F, 0)).mul(ia), sg = ((FloatVector) csg.convert(I2F, 0)).mul(ia), sb = ((FloatVector) csb.convert(I2F, 0)).mul(ia);
            FloatVector br = ((FloatVector) cbr.convert(I2F, 0)).mul(ib), bg = ((FloatVector) cbg.convert(I2F, 0)).mul(ib), bb = ((FloatVector) cbb.convert(I2F, 0)).mul(ib);
            FloatVector sat = br.max(bg.max(bb)).sub(br.min(bg.min(bb)));
            FloatVector pmn = sr.min(sg.min(sb)), pmx = sr.max(sg.max(sb));
            FloatVector k = sat.div(pmx.sub(pmn)).blend(0f, pmx.compare(GT, pmn).not());
            FloatVector tr = sr.sub(pmn).mul(k), tg = sg.sub(pmn).mul(k), tb = sb.sub(pmn).mul(k);
            FloatVector l = br.mul(0.3f).add(bg.mul(0.59f)).add(bb.mul(0.11f));
            // SetLum(t, l), then ClipColor with min and max taken once, as the spec does
            FloatVector dl = l.sub(tr.mul(0.3f).add(tg.mul(0.59f)).add(tb.mul(0.11f)));
            tr = tr.add(dl);
            tg = tg.add(dl);
            tb = tb.add(dl);
            FloatVector ll = tr.mul(0.3f).add(tg.mul(0.59f)).add(tb.mul(0.11f));
            FloatVector mn = tr.min(tg.min(tb)), mx = tr.max(tg.max(tb));
            VectorMask<Float> under = mn.compare(LT, 0f);
            FloatVector k1 = ll.div(ll.sub(mn));
            tr = tr.blend(ll.add(tr.sub(ll).mul(k1)), under);
            tg = tg.blend(ll.add(tg.sub(ll).mul(k1)), under);
            tb = tb.blend(ll.add(tb.sub(ll).mul(k1)), under);
            VectorMask<Float> over = mx.compare(GT, 1f);
            FloatVector k2 = one.sub(ll).div(mx.sub(ll));
            tr = tr.blend(ll.add(tr.sub(ll).mul(k2)), over);
            tg = tg.blend(ll.add(tg.sub(ll).mul(k2)), over);
            tb = tb.blend(ll.add(tb.sub(ll).mul(k2)), over);
            VectorMask<Float> none = aa.compare(EQ, 0).cast(FS);
            FloatVector faa = ((FloatVector) aa.convert(I2F, 0));
            FloatVector vr = ((FloatVector) csr.mul(iab).add(cbr.mul(ias)).convert(I2F, 0)).add(faa.mul(tr).blend(0f, none));
            IntVector or = ((IntVector) vr.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            FloatVector vg = ((FloatVector) csg.mul(iab).add(cbg.mul(ias)).convert(I2F, 0)).add(faa.mul(tg).blend(0f, none));
            IntVector og = ((IntVector) vg.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            FloatVector vb = ((FloatVector) csb.mul(iab).add(cbb.mul(ias)).convert(I2F, 0)).add(faa.mul(tb).blend(0f, none));
            IntVector ob = ((IntVector) vb.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob).intoArray(dst, dOff + i);
        }
        NonSeparableKernels.hue(src, so + i, dst, dOff + i, n - i);
    }
    static void saturation(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector csr = s.lanewise(LSHR, 16).and(0xFF), csg = s.lanewise(LSHR, 8).and(0xFF), csb = s.and(0xFF);
            IntVector cbr = d.lanewise(LSHR, 16).and(0xFF), cbg = d.lanewise(LSHR, 8).and(0xFF), cbb = d.and(0xFF);
            FloatVector one = FloatVector.broadcast(FS, 1f);
            FloatVector ia = one.div(((FloatVector) as.convert(I2F, 0))), ib = one.div(((FloatVector) ab.convert(I2F, 0)));
            FloatVector sr = ((FloatVector) csr.convert(I2F, 0)).mul(ia), sg = ((FloatVector) csg.convert(I2F, 0)).mul(ia), sb = ((FloatVector) csb.convert(I2F, 0)).mul(ia);
            FloatVector br = ((FloatVector) cbr.convert(I2F, 0)).mul(ib), bg = ((FloatVector) cbg.convert(I2F, 0)).mul(ib), bb = ((FloatVector) cbb.convert(I2F, 0)).mul(ib);
            FloatVector sat = sr.max(sg.max(sb)).sub(sr.min(sg.min(sb)));
            FloatVector pmn = br.min(bg.min(bb)), pmx = br.max(bg.max(bb));
            FloatVector k = sat.div(pmx.sub(pmn)).blend(0f, pmx.compare(GT, pmn).not());
            FloatVector tr = br.sub(pmn).mul(k), tg = bg.sub(pmn).mul(k), tb = bb.sub(pmn).mul(k);
            FloatVector l = br.mul(0.3f).add(bg.mul(0.59f)).add(bb.mul(0.11f));
            // SetLum(t, l), then ClipColor with min and max taken once, as the spec does
            FloatVector dl = l.sub(tr.mul(0.3f).add(tg.mul(0.59f)).add(tb.mul(0.11f)));
            tr = tr.add(dl);
            tg = tg.add(dl);
            tb = tb.add(dl);
            FloatVector ll = tr.mul(0.3f).add(tg.mul(0.59f)).add(tb.mul(0.11f));
            FloatVector mn = tr.min(tg.min(tb)), mx = tr.max(tg.max(tb));
            VectorMask<Float> under = mn.compare(LT, 0f);
            FloatVector k1 = ll.div(ll.sub(mn));
            tr = tr.blend(ll.add(tr.sub(ll).mul(k1)), under);
            tg = tg.blend(ll.add(tg.sub(ll).mul(k1)), under);
            tb = tb.blend(ll.add(tb.sub(ll).mul(k1)), under);
            VectorMask<Float> over = mx.compare(GT, 1f);
            FloatVector k2 = one.sub(ll).div(mx.sub(ll));
            tr = tr.blend(ll.add(tr.sub(ll).mul(k2)), over);
            tg = tg.blend(ll.add(tg.sub(ll).mul(k2)), over);
            tb = tb.blend(ll.add(tb.sub(ll).mul(k2)), over);
            VectorMask<Float> none = aa.compare(EQ, 0).cast(FS);
            FloatVector faa = ((FloatVector) aa.convert(I2F, 0));
            FloatVector vr = ((FloatVector) csr.mul(iab).add(cbr.mul(ias)).convert(I2F, 0)).add(faa.mul(tr).blend(0f, none));
            IntVector or = ((IntVector) vr.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            FloatVector vg = ((FloatVector) csg.mul(iab).add(cbg.mul(ias)).convert(I2F, 0)).add(faa.mul(tg).blend(0f, none));
            IntVector og = ((IntVector) vg.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            FloatVector vb = ((FloatVector) csb.mul(iab).add(cbb.mul(ias)).convert(I2F, 0)).add(faa.mul(tb).blend(0f, none));
            IntVector ob = ((IntVector) vb.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob).intoArray(dst, dOff + i);
        }
        NonSeparableKernels.saturation(src, so + i, dst, dOff + i, n - i);
    }
    static void color(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector csr = s.lanewise(LSHR, 16).and(0xFF), csg = s.lanewise(LSHR, 8).and(0xFF), csb = s.and(0xFF);
            IntVector cbr = d.lanewise(LSHR, 16).and(0xFF), cbg = d.lanewise(LSHR, 8).and(0xFF), cbb = d.and(0xFF);
            FloatVector one = FloatVector.broadcast(FS, 1f);
            FloatVector ia = one.div(((FloatVector) as.convert(I2F, 0))), ib = one.div(((FloatVector) ab.convert(I2F, 0)));
            FloatVector sr = ((FloatVector) csr.convert(I2F, 0)).mul(ia), sg = ((FloatVector) csg.convert(I2F, 0)).mul(ia), sb = ((FloatVector) csb.convert(I2F, 0)).mul(ia);
            FloatVector br = ((FloatVector) cbr.convert(I2F, 0)).mul(ib), bg = ((FloatVector) cbg.convert(I2F, 0)).mul(ib), bb = ((FloatVector) cbb.convert(I2F, 0)).mul(ib);
            FloatVector tr = sr, tg = sg, tb = sb;
            FloatVector l = br.mul(0.3f).add(bg.mul(0.59f)).add(bb.mul(0.11f));
            // SetLum(t, l), then ClipColor with min and max taken once, as the spec does
            FloatVector dl = l.sub(tr.mul(0.3f).add(tg.mul(0.59f)).add(tb.mul(0.11f)));
            tr = tr.add(dl);
            tg = tg.add(dl);
            tb = tb.add(dl);
            FloatVector ll = tr.mul(0.3f).add(tg.mul(0.59f)).add(tb.mul(0.11f));
            FloatVector mn = tr.min(tg.min(tb)), mx = tr.max(tg.max(tb));
            VectorMask<Float> under = mn.compare(LT, 0f);
            FloatVector k1 = ll.div(ll.sub(mn));
            tr = tr.blend(ll.add(tr.sub(ll).mul(k1)), under);
            tg = tg.blend(ll.add(tg.sub(ll).mul(k1)), under);
            tb = tb.blend(ll.add(tb.sub(ll).mul(k1)), under);
            VectorMask<Float> over = mx.compare(GT, 1f);
            FloatVector k2 = one.sub(ll).div(mx.sub(ll));
            tr = tr.blend(ll.add(tr.sub(ll).mul(k2)), over);
            tg = tg.blend(ll.add(tg.sub(ll).mul(k2)), over);
            tb = tb.blend(ll.add(tb.sub(ll).mul(k2)), over);
            VectorMask<Float> none = aa.compare(EQ, 0).cast(FS);
            FloatVector faa = ((FloatVector) aa.convert(I2F, 0));
            FloatVector vr = ((FloatVector) csr.mul(iab).add(cbr.mul(ias)).convert(I2F, 0)).add(faa.mul(tr).blend(0f, none));
            IntVector or = ((IntVector) vr.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            FloatVector vg = ((FloatVector) csg.mul(iab).add(cbg.mul(ias)).convert(I2F, 0)).add(faa.mul(tg).blend(0f, none));
            IntVector og = ((IntVector) vg.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            FloatVector vb = ((FloatVector) csb.mul(iab).add(cbb.mul(ias)).convert(I2F, 0)).add(faa.mul(tb).blend(0f, none));
            IntVector ob = ((IntVector) vb.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob).intoArray(dst, dOff + i);
        }
        NonSeparableKernels.color(src, so + i, dst, dOff + i, n - i);
    }
    static void luminosity(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector csr = s.lanewise(LSHR, 16).and(0xFF), csg = s.lanewise(LSHR, 8).and(0xFF), csb = s.and(0xFF);
            IntVector cbr = d.lanewise(LSHR, 16).and(0xFF), cbg = d.lanewise(LSHR, 8).and(0xFF), cbb = d.and(0xFF);
            FloatVector one = FloatVector.broadcast(FS, 1f);
            FloatVector ia = one.div(((FloatVector) as.convert(I2F, 0))), ib = one.div(((FloatVector) ab.convert(I2F, 0)));
            FloatVector sr = ((FloatVector) csr.convert(I2F, 0)).mul(ia), sg = ((FloatVector) csg.convert(I2F, 0)).mul(ia), sb = ((FloatVector) csb.convert(I2F, 0)).mul(ia);
            FloatVector br = ((FloatVector) cbr.convert(I2F, 0)).mul(ib), bg = ((FloatVector) cbg.convert(I2F, 0)).mul(ib), bb = ((FloatVector) cbb.convert(I2F, 0)).mul(ib);
            FloatVector tr = br, tg = bg, tb = bb;
            FloatVector l = sr.mul(0.3f).add(sg.mul(0.59f)).add(sb.mul(0.11f));
            // SetLum(t, l), then ClipColor with min and max taken once, as the spec does
            FloatVector dl = l.sub(tr.mul(0.3f).add(tg.mul(0.59f)).add(tb.mul(0.11f)));
            tr = tr.add(dl);
            tg = tg.add(dl);
            tb = tb.add(dl);
            FloatVector ll = tr.mul(0.3f).add(tg.mul(0.59f)).add(tb.mul(0.11f));
            FloatVector mn = tr.min(tg.min(tb)), mx = tr.max(tg.max(tb));
            VectorMask<Float> under = mn.compare(LT, 0f);
            FloatVector k1 = ll.div(ll.sub(mn));
            tr = tr.blend(ll.add(tr.sub(ll).mul(k1)), under);
            tg = tg.blend(ll.add(tg.sub(ll).mul(k1)), under);
            tb = tb.blend(ll.add(tb.sub(ll).mul(k1)), under);
            VectorMask<Float> over = mx.compare(GT, 1f);
            FloatVector k2 = one.sub(ll).div(mx.sub(ll));
            tr = tr.blend(ll.add(tr.sub(ll).mul(k2)), over);
            tg = tg.blend(ll.add(tg.sub(ll).mul(k2)), over);
            tb = tb.blend(ll.add(tb.sub(ll).mul(k2)), over);
            VectorMask<Float> none = aa.compare(EQ, 0).cast(FS);
            FloatVector faa = ((FloatVector) aa.convert(I2F, 0));
            FloatVector vr = ((FloatVector) csr.mul(iab).add(cbr.mul(ias)).convert(I2F, 0)).add(faa.mul(tr).blend(0f, none));
            IntVector or = ((IntVector) vr.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            FloatVector vg = ((FloatVector) csg.mul(iab).add(cbg.mul(ias)).convert(I2F, 0)).add(faa.mul(tg).blend(0f, none));
            IntVector og = ((IntVector) vg.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            FloatVector vb = ((FloatVector) csb.mul(iab).add(cbb.mul(ias)).convert(I2F, 0)).add(faa.mul(tb).blend(0f, none));
            IntVector ob = ((IntVector) vb.mul(INV_255).add(0.5f).convert(F2I, 0)).min(ao).max(0);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob).intoArray(dst, dOff + i);
        }
        NonSeparableKernels.luminosity(src, so + i, dst, dOff + i, n - i);
    }
    static void darkerColor(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector csr = s.lanewise(LSHR, 16).and(0xFF), csg = s.lanewise(LSHR, 8).and(0xFF), csb = s.and(0xFF);
            IntVector cbr = d.lanewise(LSHR, 16).and(0xFF), cbg = d.lanewise(LSHR, 8).and(0xFF), cbb = d.and(0xFF);
            // Lum(Cs) vs Lum(Cb) cross-multiplied, weights x100: at most 25 500 * 255 < 2^31, exact in int
            IntVector ls = csr.mul(30).add(csg.mul(59)).add(csb.mul(11)).mul(ab);
            IntVector lb = cbr.mul(30).add(cbg.mul(59)).add(cbb.mul(11)).mul(as);
            VectorMask<Integer> takeSource = ls.compare(LT, lb);
            IntVector tr = csr.mul(iab).add(cbr.mul(ias)).add(as.mul(cbr).blend(ab.mul(csr), takeSource)).add(128);
            IntVector or = tr.add(tr.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            IntVector tg = csg.mul(iab).add(cbg.mul(ias)).add(as.mul(cbg).blend(ab.mul(csg), takeSource)).add(128);
            IntVector og = tg.add(tg.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            IntVector tb = csb.mul(iab).add(cbb.mul(ias)).add(as.mul(cbb).blend(ab.mul(csb), takeSource)).add(128);
            IntVector ob = tb.add(tb.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob).intoArray(dst, dOff + i);
        }
        NonSeparableKernels.darkerColor(src, so + i, dst, dOff + i, n - i);
    }
    static void lighterColor(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255);
            IntVector ta = ab.mul(ias).add(128);
            IntVector ao = as.add(ta.add(ta.lanewise(LSHR, 8)).lanewise(LSHR, 8));
            IntVector csr = s.lanewise(LSHR, 16).and(0xFF), csg = s.lanewise(LSHR, 8).and(0xFF), csb = s.and(0xFF);
            IntVector cbr = d.lanewise(LSHR, 16).and(0xFF), cbg = d.lanewise(LSHR, 8).and(0xFF), cbb = d.and(0xFF);
            // Lum(Cs) vs Lum(Cb) cross-multiplied, weights x100: at most 25 500 * 255 < 2^31, exact in int
            IntVector ls = csr.mul(30).add(csg.mul(59)).add(csb.mul(11)).mul(ab);
            IntVector lb = cbr.mul(30).add(cbg.mul(59)).add(cbb.mul(11)).mul(as);
            VectorMask<Integer> takeSource = ls.compare(GT, lb);
            IntVector tr = csr.mul(iab).add(cbr.mul(ias)).add(as.mul(cbr).blend(ab.mul(csr), takeSource)).add(128);
            IntVector or = tr.add(tr.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            IntVector tg = csg.mul(iab).add(cbg.mul(ias)).add(as.mul(cbg).blend(ab.mul(csg), takeSource)).add(128);
            IntVector og = tg.add(tg.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            IntVector tb = csb.mul(iab).add(cbb.mul(ias)).add(as.mul(cbb).blend(ab.mul(csb), takeSource)).add(128);
            IntVector ob = tb.add(tb.lanewise(LSHR, 8)).lanewise(LSHR, 8).min(ao);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob).intoArray(dst, dOff + i);
        }
        NonSeparableKernels.lighterColor(src, so + i, dst, dOff + i, n - i);
    }
}

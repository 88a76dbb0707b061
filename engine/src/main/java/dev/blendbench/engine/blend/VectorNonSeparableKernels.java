package dev.blendbench.engine.blend;

import static dev.blendbench.engine.blend.SeparableKernels.ROUND;
import static dev.blendbench.engine.blend.SeparableKernels.TINY_BITS;
import static dev.blendbench.engine.blend.VectorSeparableKernels.FS;
import static dev.blendbench.engine.blend.VectorSeparableKernels.INV_255;
import static dev.blendbench.engine.blend.VectorSeparableKernels.L;
import static dev.blendbench.engine.blend.VectorSeparableKernels.SP;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

/**
 * The W3C non-separable modes with the Vector API, following {@link NonSeparableKernels}
 * operation for operation (so results are bit-identical to it), scaled by as·ab as the scalar
 * loop's comment explains; branches become masks. SetSat's minimum and maximum are int min and
 * max of the 8-bit channels. ClipColor's extremes need no comparison of the shifted triple: for
 * hue and saturation they are dl and SetSat's range plus dl, for color and luminosity int min and
 * max of the bits of the non-negative unshifted triple, plus dl (the scalar {@code fmin}/{@code fmax}
 * give the same values; Java's float min and max would take five instructions each for their NaN
 * and −0.0 rules). Rounded values stay as float bits until packing, as in
 * {@link VectorFloatKernels}. Loops are written out in full, without helper methods (see
 * {@link VectorSeparableKernels} for why).
 */
final class VectorNonSeparableKernels {
    private VectorNonSeparableKernels() {}
    static void hue(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(FS, 1f), k255 = FloatVector.broadcast(FS, 255f), kInv = FloatVector.broadcast(FS, INV_255);
        FloatVector wr = FloatVector.broadcast(FS, 0.3f), wg = FloatVector.broadcast(FS, 0.59f), wb = FloatVector.broadcast(FS, 0.11f);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            FloatVector fas = (FloatVector) as.convert(I2F, 0), fab = (FloatVector) ab.convert(I2F, 0);
            FloatVector faa = fas.mul(fab), ias = k255.sub(fas), iab = k255.sub(fab);
            // ao = as + round(ab·(255 − as)/255), rounded by adding 2²³ (equal to div255 for every pair);
            // left as float bits 0x4B0000vv like the channels: min works on them, packing shifts the 0x4B out
            IntVector ao = fab.mul(ias).fma(kInv, fas.add(ROUND)).reinterpretAsInts();
            IntVector isr = s.lanewise(LSHR, 16).and(0xFF), isg = s.lanewise(LSHR, 8).and(0xFF), isb = s.and(0xFF);
            IntVector ibr = d.lanewise(LSHR, 16).and(0xFF), ibg = d.lanewise(LSHR, 8).and(0xFF), ibb = d.and(0xFF);
            FloatVector csr = (FloatVector) isr.convert(I2F, 0), csg = (FloatVector) isg.convert(I2F, 0), csb = (FloatVector) isb.convert(I2F, 0);
            FloatVector cbr = (FloatVector) ibr.convert(I2F, 0), cbg = (FloatVector) ibg.convert(I2F, 0), cbb = (FloatVector) ibb.convert(I2F, 0);
            IntVector mn = isr.min(isg).min(isb), sat = ibr.max(ibg).max(ibb).sub(ibr.min(ibg).min(ibb));
            FloatVector fd = (FloatVector) isr.max(isg).max(isb).sub(mn).convert(I2F, 0);
            FloatVector k = ((FloatVector) sat.mul(as).convert(I2F, 0)).div(fd.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats());
            FloatVector fmn = (FloatVector) mn.convert(I2F, 0);
            FloatVector tr = csr.sub(fmn).mul(k), tg = csg.sub(fmn).mul(k), tb = csb.sub(fmn).mul(k);
            FloatVector l = fas.mul(cbb.fma(wb, cbg.fma(wg, cbr.mul(wr))));
            // SetLum(t, l), then ClipColor around l as one scale of t + dl − l (see NonSeparableKernels)
            FloatVector dl = l.sub(tb.fma(wb, tg.fma(wg, tr.mul(wr))));
            // the SetSat triple runs from 0 to fd·k; rounding is monotonic, so after adding dl its
            // minimum is dl and its maximum fd·k + dl, the same bits as comparing the channels
            FloatVector mn1 = dl, mx1 = fd.mul(k).add(dl);
            VectorMask<Float> under = mn1.compare(LT, 0f), over = mx1.compare(GT, faa);
            FloatVector num = one.blend(l, under).mul(one.blend(faa.sub(l), over));
            FloatVector den1 = one.blend(l.sub(mn1), under).mul(one.blend(mx1.sub(l), over));
            // where as·ab = 0, k1 and the pivot are 0, so every X is (t + u)·0 + 0 = +0 (t + u is finite)
            VectorMask<Float> none = faa.compare(EQ, 0f);
            FloatVector k1 = num.div(den1).blend(0f, none), u = dl.sub(l), l0 = l.blend(0f, none);
            FloatVector xr = tr.add(u).fma(k1, l0);
            FloatVector xg = tg.add(u).fma(k1, l0);
            FloatVector xb = tb.add(u).fma(k1, l0);
            IntVector or = csr.fma(iab, cbr.fma(ias, xr)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            IntVector og = csg.fma(iab, cbg.fma(ias, xg)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            IntVector ob = csb.fma(iab, cbb.fma(ias, xb)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob.and(0xFF)).intoArray(dst, dOff + i);
        }
        NonSeparableKernels.hue(src, so + i, dst, dOff + i, n - i);
    }
    static void saturation(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(FS, 1f), k255 = FloatVector.broadcast(FS, 255f), kInv = FloatVector.broadcast(FS, INV_255);
        FloatVector wr = FloatVector.broadcast(FS, 0.3f), wg = FloatVector.broadcast(FS, 0.59f), wb = FloatVector.broadcast(FS, 0.11f);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            FloatVector fas = (FloatVector) as.convert(I2F, 0), fab = (FloatVector) ab.convert(I2F, 0);
            FloatVector faa = fas.mul(fab), ias = k255.sub(fas), iab = k255.sub(fab);
            // ao = as + round(ab·(255 − as)/255), rounded by adding 2²³ (equal to div255 for every pair);
            // left as float bits 0x4B0000vv like the channels: min works on them, packing shifts the 0x4B out
            IntVector ao = fab.mul(ias).fma(kInv, fas.add(ROUND)).reinterpretAsInts();
            IntVector isr = s.lanewise(LSHR, 16).and(0xFF), isg = s.lanewise(LSHR, 8).and(0xFF), isb = s.and(0xFF);
            IntVector ibr = d.lanewise(LSHR, 16).and(0xFF), ibg = d.lanewise(LSHR, 8).and(0xFF), ibb = d.and(0xFF);
            FloatVector csr = (FloatVector) isr.convert(I2F, 0), csg = (FloatVector) isg.convert(I2F, 0), csb = (FloatVector) isb.convert(I2F, 0);
            FloatVector cbr = (FloatVector) ibr.convert(I2F, 0), cbg = (FloatVector) ibg.convert(I2F, 0), cbb = (FloatVector) ibb.convert(I2F, 0);
            IntVector mn = ibr.min(ibg).min(ibb), sat = isr.max(isg).max(isb).sub(isr.min(isg).min(isb));
            FloatVector fd = (FloatVector) ibr.max(ibg).max(ibb).sub(mn).convert(I2F, 0);
            FloatVector k = ((FloatVector) sat.mul(ab).convert(I2F, 0)).div(fd.reinterpretAsInts().max(TINY_BITS).reinterpretAsFloats());
            FloatVector fmn = (FloatVector) mn.convert(I2F, 0);
            FloatVector tr = cbr.sub(fmn).mul(k), tg = cbg.sub(fmn).mul(k), tb = cbb.sub(fmn).mul(k);
            FloatVector l = fas.mul(cbb.fma(wb, cbg.fma(wg, cbr.mul(wr))));
            // SetLum(t, l), then ClipColor around l as one scale of t + dl − l (see NonSeparableKernels)
            FloatVector dl = l.sub(tb.fma(wb, tg.fma(wg, tr.mul(wr))));
            // the SetSat triple runs from 0 to fd·k; rounding is monotonic, so after adding dl its
            // minimum is dl and its maximum fd·k + dl, the same bits as comparing the channels
            FloatVector mn1 = dl, mx1 = fd.mul(k).add(dl);
            VectorMask<Float> under = mn1.compare(LT, 0f), over = mx1.compare(GT, faa);
            FloatVector num = one.blend(l, under).mul(one.blend(faa.sub(l), over));
            FloatVector den1 = one.blend(l.sub(mn1), under).mul(one.blend(mx1.sub(l), over));
            // where as·ab = 0, k1 and the pivot are 0, so every X is (t + u)·0 + 0 = +0 (t + u is finite)
            VectorMask<Float> none = faa.compare(EQ, 0f);
            FloatVector k1 = num.div(den1).blend(0f, none), u = dl.sub(l), l0 = l.blend(0f, none);
            FloatVector xr = tr.add(u).fma(k1, l0);
            FloatVector xg = tg.add(u).fma(k1, l0);
            FloatVector xb = tb.add(u).fma(k1, l0);
            IntVector or = csr.fma(iab, cbr.fma(ias, xr)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            IntVector og = csg.fma(iab, cbg.fma(ias, xg)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            IntVector ob = csb.fma(iab, cbb.fma(ias, xb)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob.and(0xFF)).intoArray(dst, dOff + i);
        }
        NonSeparableKernels.saturation(src, so + i, dst, dOff + i, n - i);
    }
    static void color(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(FS, 1f), k255 = FloatVector.broadcast(FS, 255f), kInv = FloatVector.broadcast(FS, INV_255);
        FloatVector wr = FloatVector.broadcast(FS, 0.3f), wg = FloatVector.broadcast(FS, 0.59f), wb = FloatVector.broadcast(FS, 0.11f);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            FloatVector fas = (FloatVector) as.convert(I2F, 0), fab = (FloatVector) ab.convert(I2F, 0);
            FloatVector faa = fas.mul(fab), ias = k255.sub(fas), iab = k255.sub(fab);
            // ao = as + round(ab·(255 − as)/255), rounded by adding 2²³ (equal to div255 for every pair);
            // left as float bits 0x4B0000vv like the channels: min works on them, packing shifts the 0x4B out
            IntVector ao = fab.mul(ias).fma(kInv, fas.add(ROUND)).reinterpretAsInts();
            IntVector isr = s.lanewise(LSHR, 16).and(0xFF), isg = s.lanewise(LSHR, 8).and(0xFF), isb = s.and(0xFF);
            IntVector ibr = d.lanewise(LSHR, 16).and(0xFF), ibg = d.lanewise(LSHR, 8).and(0xFF), ibb = d.and(0xFF);
            FloatVector csr = (FloatVector) isr.convert(I2F, 0), csg = (FloatVector) isg.convert(I2F, 0), csb = (FloatVector) isb.convert(I2F, 0);
            FloatVector cbr = (FloatVector) ibr.convert(I2F, 0), cbg = (FloatVector) ibg.convert(I2F, 0), cbb = (FloatVector) ibb.convert(I2F, 0);
            FloatVector tr = fab.mul(csr), tg = fab.mul(csg), tb = fab.mul(csb);
            FloatVector tmn = tr.reinterpretAsInts().min(tg.reinterpretAsInts()).min(tb.reinterpretAsInts()).reinterpretAsFloats();
            FloatVector tmx = tr.reinterpretAsInts().max(tg.reinterpretAsInts()).max(tb.reinterpretAsInts()).reinterpretAsFloats();
            FloatVector l = fas.mul(cbb.fma(wb, cbg.fma(wg, cbr.mul(wr))));
            // SetLum(t, l), then ClipColor around l as one scale of t + dl − l (see NonSeparableKernels)
            FloatVector dl = l.sub(tb.fma(wb, tg.fma(wg, tr.mul(wr))));
            // the triple is non-negative before dl: its extremes are int min and max of the float bits,
            // and rounding is monotonic, so adding dl to them gives the same bits as comparing after
            FloatVector mn1 = tmn.add(dl), mx1 = tmx.add(dl);
            VectorMask<Float> under = mn1.compare(LT, 0f), over = mx1.compare(GT, faa);
            FloatVector num = one.blend(l, under).mul(one.blend(faa.sub(l), over));
            FloatVector den1 = one.blend(l.sub(mn1), under).mul(one.blend(mx1.sub(l), over));
            // where as·ab = 0, k1 and the pivot are 0, so every X is (t + u)·0 + 0 = +0 (t + u is finite)
            VectorMask<Float> none = faa.compare(EQ, 0f);
            FloatVector k1 = num.div(den1).blend(0f, none), u = dl.sub(l), l0 = l.blend(0f, none);
            FloatVector xr = tr.add(u).fma(k1, l0);
            FloatVector xg = tg.add(u).fma(k1, l0);
            FloatVector xb = tb.add(u).fma(k1, l0);
            IntVector or = csr.fma(iab, cbr.fma(ias, xr)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            IntVector og = csg.fma(iab, cbg.fma(ias, xg)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            IntVector ob = csb.fma(iab, cbb.fma(ias, xb)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob.and(0xFF)).intoArray(dst, dOff + i);
        }
        NonSeparableKernels.color(src, so + i, dst, dOff + i, n - i);
    }
    static void luminosity(int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(FS, 1f), k255 = FloatVector.broadcast(FS, 255f), kInv = FloatVector.broadcast(FS, INV_255);
        FloatVector wr = FloatVector.broadcast(FS, 0.3f), wg = FloatVector.broadcast(FS, 0.59f), wb = FloatVector.broadcast(FS, 0.11f);
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            FloatVector fas = (FloatVector) as.convert(I2F, 0), fab = (FloatVector) ab.convert(I2F, 0);
            FloatVector faa = fas.mul(fab), ias = k255.sub(fas), iab = k255.sub(fab);
            // ao = as + round(ab·(255 − as)/255), rounded by adding 2²³ (equal to div255 for every pair);
            // left as float bits 0x4B0000vv like the channels: min works on them, packing shifts the 0x4B out
            IntVector ao = fab.mul(ias).fma(kInv, fas.add(ROUND)).reinterpretAsInts();
            IntVector isr = s.lanewise(LSHR, 16).and(0xFF), isg = s.lanewise(LSHR, 8).and(0xFF), isb = s.and(0xFF);
            IntVector ibr = d.lanewise(LSHR, 16).and(0xFF), ibg = d.lanewise(LSHR, 8).and(0xFF), ibb = d.and(0xFF);
            FloatVector csr = (FloatVector) isr.convert(I2F, 0), csg = (FloatVector) isg.convert(I2F, 0), csb = (FloatVector) isb.convert(I2F, 0);
            FloatVector cbr = (FloatVector) ibr.convert(I2F, 0), cbg = (FloatVector) ibg.convert(I2F, 0), cbb = (FloatVector) ibb.convert(I2F, 0);
            FloatVector tr = fas.mul(cbr), tg = fas.mul(cbg), tb = fas.mul(cbb);
            FloatVector tmn = tr.reinterpretAsInts().min(tg.reinterpretAsInts()).min(tb.reinterpretAsInts()).reinterpretAsFloats();
            FloatVector tmx = tr.reinterpretAsInts().max(tg.reinterpretAsInts()).max(tb.reinterpretAsInts()).reinterpretAsFloats();
            FloatVector l = fab.mul(csb.fma(wb, csg.fma(wg, csr.mul(wr))));
            // SetLum(t, l), then ClipColor around l as one scale of t + dl − l (see NonSeparableKernels)
            FloatVector dl = l.sub(tb.fma(wb, tg.fma(wg, tr.mul(wr))));
            // the triple is non-negative before dl: its extremes are int min and max of the float bits,
            // and rounding is monotonic, so adding dl to them gives the same bits as comparing after
            FloatVector mn1 = tmn.add(dl), mx1 = tmx.add(dl);
            VectorMask<Float> under = mn1.compare(LT, 0f), over = mx1.compare(GT, faa);
            FloatVector num = one.blend(l, under).mul(one.blend(faa.sub(l), over));
            FloatVector den1 = one.blend(l.sub(mn1), under).mul(one.blend(mx1.sub(l), over));
            // where as·ab = 0, k1 and the pivot are 0, so every X is (t + u)·0 + 0 = +0 (t + u is finite)
            VectorMask<Float> none = faa.compare(EQ, 0f);
            FloatVector k1 = num.div(den1).blend(0f, none), u = dl.sub(l), l0 = l.blend(0f, none);
            FloatVector xr = tr.add(u).fma(k1, l0);
            FloatVector xg = tg.add(u).fma(k1, l0);
            FloatVector xb = tb.add(u).fma(k1, l0);
            IntVector or = csr.fma(iab, cbr.fma(ias, xr)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            IntVector og = csg.fma(iab, cbg.fma(ias, xg)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            IntVector ob = csb.fma(iab, cbb.fma(ias, xb)).reinterpretAsInts().max(0).reinterpretAsFloats().fma(INV_255, ROUND).reinterpretAsInts().min(ao);
            ao.lanewise(LSHL, 24).or(or.lanewise(LSHL, 16)).or(og.lanewise(LSHL, 8)).or(ob.and(0xFF)).intoArray(dst, dOff + i);
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

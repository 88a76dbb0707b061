package dev.blendbench.engine.blend;

import static dev.blendbench.engine.blend.VectorSeparableKernels.FS;
import static dev.blendbench.engine.blend.VectorSeparableKernels.L;
import static dev.blendbench.engine.blend.VectorSeparableKernels.SP;
import static dev.blendbench.engine.blend.VectorSeparableKernels.channel;
import static dev.blendbench.engine.blend.VectorSeparableKernels.div255;
import static dev.blendbench.engine.blend.VectorSeparableKernels.f;
import static dev.blendbench.engine.blend.VectorSeparableKernels.fm;
import static dev.blendbench.engine.blend.VectorSeparableKernels.pack;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

/**
 * The non-separable modes with the Vector API, following {@link NonSeparableKernels} operation
 * for operation (so results are bit-identical to it): branches become masks.
 */
final class VectorNonSeparableKernels {
    private VectorNonSeparableKernels() {}

    static final int HUE = NonSeparableKernels.HUE, SATURATION = NonSeparableKernels.SATURATION,
            COLOR = NonSeparableKernels.COLOR;

    static void hue(int[] src, int so, int[] dst, int dOff, int n) {
        int i = run(HUE, src, so, dst, dOff, n);
        NonSeparableKernels.hue(src, so + i, dst, dOff + i, n - i);
    }

    static void saturation(int[] src, int so, int[] dst, int dOff, int n) {
        int i = run(SATURATION, src, so, dst, dOff, n);
        NonSeparableKernels.saturation(src, so + i, dst, dOff + i, n - i);
    }

    static void color(int[] src, int so, int[] dst, int dOff, int n) {
        int i = run(COLOR, src, so, dst, dOff, n);
        NonSeparableKernels.color(src, so + i, dst, dOff + i, n - i);
    }

    static void luminosity(int[] src, int so, int[] dst, int dOff, int n) {
        int i = run(NonSeparableKernels.LUMINOSITY, src, so, dst, dOff, n);
        NonSeparableKernels.luminosity(src, so + i, dst, dOff + i, n - i);
    }

    private static FloatVector lum(FloatVector r, FloatVector g, FloatVector b) {
        return r.mul(0.3f).add(g.mul(0.59f)).add(b.mul(0.11f));
    }

    private static FloatVector max3(FloatVector a, FloatVector b, FloatVector c) { return a.max(b.max(c)); }

    private static FloatVector min3(FloatVector a, FloatVector b, FloatVector c) { return a.min(b.min(c)); }

    /** Vector part of a span; returns where the scalar tail starts. */
    private static int run(int kind, int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24), aa = as.mul(ab);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector csr = s.lanewise(LSHR, 16).and(0xFF), csg = s.lanewise(LSHR, 8).and(0xFF), csb = s.and(0xFF);
            IntVector cbr = d.lanewise(LSHR, 16).and(0xFF), cbg = d.lanewise(LSHR, 8).and(0xFF), cbb = d.and(0xFF);
            FloatVector one = FloatVector.broadcast(FS, 1f);
            FloatVector ia = one.div(f(as)), ib = one.div(f(ab));
            FloatVector sr = f(csr).mul(ia), sg = f(csg).mul(ia), sb = f(csb).mul(ia);
            FloatVector br = f(cbr).mul(ib), bg = f(cbg).mul(ib), bb = f(cbb).mul(ib);
            FloatVector tr, tg, tb, l;
            if (kind == HUE || kind == SATURATION) {
                boolean hue = kind == HUE;
                FloatVector pr = hue ? sr : br, pg = hue ? sg : bg, pb = hue ? sb : bb; // SetSat's colour
                FloatVector qr = hue ? br : sr, qg = hue ? bg : sg, qb = hue ? bb : sb; // Sat comes from
                FloatVector sat = max3(qr, qg, qb).sub(min3(qr, qg, qb));
                FloatVector mn = min3(pr, pg, pb), mx = max3(pr, pg, pb);
                FloatVector k = sat.div(mx.sub(mn)).blend(0f, mx.compare(GT, mn).not());
                tr = pr.sub(mn).mul(k);
                tg = pg.sub(mn).mul(k);
                tb = pb.sub(mn).mul(k);
                l = lum(br, bg, bb);
            } else if (kind == COLOR) {
                tr = sr; tg = sg; tb = sb;
                l = lum(br, bg, bb);
            } else {
                tr = br; tg = bg; tb = bb;
                l = lum(sr, sg, sb);
            }
            FloatVector dl = l.sub(lum(tr, tg, tb));
            tr = tr.add(dl); tg = tg.add(dl); tb = tb.add(dl);
            FloatVector ll = lum(tr, tg, tb);
            FloatVector mn = min3(tr, tg, tb), mx = max3(tr, tg, tb);
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
            VectorMask<Float> none = fm(aa.compare(EQ, 0));
            FloatVector faa = f(aa);
            FloatVector xr = faa.mul(tr).blend(0f, none), xg = faa.mul(tg).blend(0f, none), xb = faa.mul(tb).blend(0f, none);
            IntVector r = channel(csr, cbr, ias, iab, xr, ao).max(0);
            IntVector g = channel(csg, cbg, ias, iab, xg, ao).max(0);
            IntVector b = channel(csb, cbb, ias, iab, xb, ao).max(0);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        return i;
    }

    static void darkerColor(int[] src, int so, int[] dst, int dOff, int n) {
        int i = pick(false, src, so, dst, dOff, n);
        NonSeparableKernels.darkerColor(src, so + i, dst, dOff + i, n - i);
    }

    static void lighterColor(int[] src, int so, int[] dst, int dOff, int n) {
        int i = pick(true, src, so, dst, dOff, n);
        NonSeparableKernels.lighterColor(src, so + i, dst, dOff + i, n - i);
    }

    private static int pick(boolean lighter, int[] src, int so, int[] dst, int dOff, int n) {
        int i = 0;
        for (int upper = SP.loopBound(n); i < upper; i += L) {
            IntVector s = IntVector.fromArray(SP, src, so + i), d = IntVector.fromArray(SP, dst, dOff + i);
            IntVector as = s.lanewise(LSHR, 24), ab = d.lanewise(LSHR, 24);
            IntVector ias = as.neg().add(255), iab = ab.neg().add(255), ao = as.add(div255(ab.mul(ias)));
            IntVector csr = s.lanewise(LSHR, 16).and(0xFF), csg = s.lanewise(LSHR, 8).and(0xFF), csb = s.and(0xFF);
            IntVector cbr = d.lanewise(LSHR, 16).and(0xFF), cbg = d.lanewise(LSHR, 8).and(0xFF), cbb = d.and(0xFF);
            // at most 25 500 · 255 < 2^31: exact in int
            IntVector ls = csr.mul(30).add(csg.mul(59)).add(csb.mul(11)).mul(ab);
            IntVector lb = cbr.mul(30).add(cbg.mul(59)).add(cbb.mul(11)).mul(as);
            VectorMask<Integer> takeSource = lighter ? ls.compare(GT, lb) : ls.compare(LT, lb);
            IntVector r = channel(csr, cbr, ias, iab, as.mul(cbr).blend(ab.mul(csr), takeSource), ao);
            IntVector g = channel(csg, cbg, ias, iab, as.mul(cbg).blend(ab.mul(csg), takeSource), ao);
            IntVector b = channel(csb, cbb, ias, iab, as.mul(cbb).blend(ab.mul(csb), takeSource), ao);
            pack(ao, r, g, b).intoArray(dst, dOff + i);
        }
        return i;
    }
}

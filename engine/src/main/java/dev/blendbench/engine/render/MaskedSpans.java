package dev.blendbench.engine.render;

import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.blend.SpanKernel;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;

/**
 * What the renderer does differently for a layer with a pixel mask that is on: in the occlusion
 * pass it claims only where its mask is 255, and its spans are blended a stretch at a time,
 * straight from the source where the mask is 255 and through the mask elsewhere.
 */
final class MaskedSpans {
    private MaskedSpans() {}

    /** A masked layer's stretch through its mask, per thread. */
    private static final ThreadLocal<int[]> MASKED = ThreadLocal.withInitial(() -> new int[4096]);

    /**
     * Claims the canvas columns [c0, c1) of row {@code y}, where layer {@code l}'s pixels are
     * opaque, for it: all of them without a mask ({@code mask} null), else those where its mask is
     * 255 (there the pixel stays opaque), left to right.
     */
    static void claim(Occlusion occ, LayerMask mask, Layer l, int y, int c0, int c1) {
        if (mask == null) {
            occ.claim(c0, c1);
            return;
        }
        int my = y - l.y() - mask.y(), mx0 = l.x() + mask.x(), mx1 = mx0 + mask.width();
        boolean outsideFull = mask.outside() == 255;
        if (my < 0 || my >= mask.height()) {
            if (outsideFull) occ.claim(c0, c1);
            return;
        }
        if (outsideFull && c0 < Math.min(c1, mx0)) occ.claim(c0, Math.min(c1, mx0));
        int[] runs = mask.fullRuns();
        for (int k = mask.fullRunsStart(my), e = mask.fullRunsStart(my + 1); k < e; k += 2) {
            int s0 = Math.max(c0, mx0 + runs[k]), s1 = Math.min(c1, mx0 + runs[k + 1]);
            if (s0 < s1) occ.claim(s0, s1);
        }
        if (outsideFull && Math.max(c0, mx1) < c1) occ.claim(Math.max(c0, mx1), c1);
    }

    /**
     * Blends {@code n} pixels of a masked layer's canvas row {@code cy} from column {@code cx}
     * (source index {@code so}, target index {@code to}): where its mask is 255, straight from the
     * source (copied, where the source is {@code opaque} and replaces the backdrop there);
     * elsewhere through the mask, in a per-thread buffer.
     */
    static void blend(LayerMask mask, Layer l, SpanKernel k, int op, boolean opaque, int[] sa, int so, int[] out, int to,
                      int cx, int cy, int n, int[] scratch) {
        int end = cx + n;
        for (int c = cx; c < end; ) {
            int e = mask.stretchEnd(c, cy, l.x(), l.y(), end, true);
            boolean whole = e > c;
            if (!whole) e = mask.stretchEnd(c, cy, l.x(), l.y(), end, false);
            int len = e - c, s = so + (c - cx), t = to + (c - cx);
            int[] from = sa;
            if (whole && opaque) {
                System.arraycopy(sa, s, out, t, len);
                c = e;
                continue;
            }
            if (!whole) {
                int[] mb = MASKED.get();
                if (mb.length < len) MASKED.set(mb = new int[Math.max(len, 2 * mb.length)]);
                System.arraycopy(sa, s, mb, 0, len);
                mask.apply(mb, 0, len, c, cy, e, cy + 1, l.x(), l.y());
                from = mb;
                s = 0;
            }
            if (op == 255) k.blend(from, s, out, t, len);
            else Compositor.blendRow(l.mode(), op, from, s, out, t, len, scratch);
            c = e;
        }
    }
}

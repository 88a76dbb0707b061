package dev.blendbench.engine.render;

import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import java.util.List;

/**
 * What the renderer does for a pass-through group below full opacity, or masked (the others are
 * inlined: see {@link Scene#inlined()}): over the part of a tile its layers can change, it copies
 * the backdrop, composites the group's layers onto the copy, and fades the backdrop towards the
 * result by the group's opacity, times its mask's value where it has one on — in 8 bits
 * ({@link #srgb}) and in linear floats ({@link #linear}). Uses the buffers of the nesting level it
 * is given; allocation-free once they have grown.
 */
final class PassThroughFade {
    private PassThroughFade() {}

    /**
     * Faded pass-through group layer {@code l} (layer {@code i} of its scene, at opacity {@code op},
     * below 255 or masked) over the tile [ax0, ax1) × [ay0, ay1): where its layers can colour, the
     * backdrop is copied into this level's buffer, its layers composited onto the copy (at nesting
     * level {@code depth + 1}), and the backdrop faded towards the result by {@code op}
     * ({@link Compositor#fade}), times its mask's value where it has one on
     * ({@link LayerMask#fade}), wherever no layer above hides the group.
     */
    static void srgb(Layer l, int op, Occlusion occ, int i, int[] out, int base, int stride,
                     int ax0, int ay0, int ax1, int ay1, TileRenderer.Level lv, int[] scratch, int depth) {
        int[] e = extent(l, lv);
        int x0 = Math.max(ax0, e[0]), y0 = Math.max(ay0, e[1]), x1 = Math.min(ax1, e[2]), y1 = Math.min(ay1, e[3]);
        if (x0 >= x1 || y0 >= y1) return;
        int w = x1 - x0, need = w * (y1 - y0);
        if (lv.group.length < need) lv.group = new int[Math.max(need, 2 * lv.group.length)];
        int[] buf = lv.group;
        for (int y = y0; y < y1; y++) System.arraycopy(out, base + y * stride + x0, buf, (y - y0) * w, w);
        int gx0 = x0 - l.x(), gy0 = y0 - l.y(); // the rectangle on the group's canvas
        TileRenderer.composite(l.group(), buf, -gy0 * w - gx0, w, gx0, gy0, gx0 + w, y1 - l.y(), scratch, depth + 1, true);
        LayerMask mask = l.isMasked() ? l.mask() : null; // then by op times its value, pixel by pixel
        int[] st = occ.runs;
        for (int y = y0; y < y1; y++) {
            int row = base + y * stride, bRow = (y - y0) * w - x0;
            int first = occ.rowStart(y - ay0), last = occ.rowStart(y - ay0 + 1);
            for (int q = occ.visibleFrom(first, last, i), en; q < last; q = occ.visibleFrom(en, last, i)) {
                en = occ.visibleTo(q, last, i);
                int s0 = Math.max(q == first ? ax0 : st[q - 2], x0), s1 = Math.min(st[en - 2], x1);
                if (s0 >= s1) continue;
                if (mask != null) mask.fade(buf, bRow + s0, out, row + s0, op, s0, s1, y, l.x(), l.y());
                else Compositor.fade(buf, bRow + s0, out, row + s0, op, s1 - s0);
            }
        }
    }

    /**
     * The canvas rectangle pass-through group layer {@code l}'s visible layers can change (they
     * are not cut to its canvas; one in a mode that clears outside its source changes all of it;
     * a mask that is 0 outside its rectangle cuts them to that), as {@code x0, y0, x1, y1} in {@code lv}'s {@code extent}; empty
     * (x0 ≥ x1) when none can.
     */
    static int[] extent(Layer l, TileRenderer.Level lv) {
        int[] e = lv.extent;
        e[0] = e[1] = Integer.MAX_VALUE;
        e[2] = e[3] = Integer.MIN_VALUE;
        extend(l.group(), l.x(), l.y(), e);
        LayerMask m = l.isMasked() ? l.mask() : null;
        if (m != null && m.outside() == 0) { // nothing changes outside the mask's rectangle
            e[0] = Math.max(e[0], l.x() + m.x());
            e[1] = Math.max(e[1], l.y() + m.y());
            e[2] = Math.min(e[2], l.x() + m.x() + m.width());
            e[3] = Math.min(e[3], l.y() + m.y() + m.height());
        }
        return e;
    }

    private static void extend(Scene g, int dx, int dy, int[] e) {
        List<Layer> ls = g.layers();
        for (int k = 0, n = ls.size(); k < n; k++) {
            Layer c = ls.get(k);
            if (!c.visible()) continue;
            if (c.isPassThrough()) {
                extend(c.group(), dx + c.x(), dy + c.y(), e);
                continue;
            }
            if (c.mode().clearsOutsideSource()) { // it acts on the whole canvas
                e[0] = e[1] = Integer.MIN_VALUE;
                e[2] = e[3] = Integer.MAX_VALUE;
                return;
            }
            int x = dx + c.x(), y = dy + c.y();
            if (c.placement() != null) {
                Rect pb = c.placement().bounds();
                x += pb.x();
                y += pb.y();
                e[2] = Math.max(e[2], x + pb.width());
                e[3] = Math.max(e[3], y + pb.height());
            } else {
                e[2] = Math.max(e[2], x + c.source().width());
                e[3] = Math.max(e[3], y + c.source().height());
            }
            e[0] = Math.min(e[0], x);
            e[1] = Math.min(e[1], y);
        }
    }

    /**
     * Faded pass-through group layer {@code l} (layer {@code li}) over the rectangle at (rx, ry),
     * w × h, of {@code out}: as {@link #srgb} does it, in linear floats,
     * each channel faded as {@code b + f·(p − b)}, {@code f} the opacity times the mask's value / 255
     * where it has a mask on.
     */
    static void linear(Layer l, int li, Occlusion occ, int rx, int ry, int w, int h, float[] out,
                       TileRenderer.Level lv, int depth) {
        int[] e = extent(l, lv);
        int x0 = Math.max(rx, e[0]), y0 = Math.max(ry, e[1]), x1 = Math.min(rx + w, e[2]), y1 = Math.min(ry + h, e[3]);
        if (x0 >= x1 || y0 >= y1) return;
        int gw = x1 - x0, need = 4 * gw * (y1 - y0);
        if (lv.linearGroup.length < need) lv.linearGroup = new float[Math.max(need, 2 * lv.linearGroup.length)];
        float[] buf = lv.linearGroup;
        for (int y = y0; y < y1; y++) System.arraycopy(out, 4 * ((y - ry) * w + x0 - rx), buf, 4 * (y - y0) * gw, 4 * gw);
        LinearTiles.composite(l.group(), x0 - l.x(), y0 - l.y(), gw, y1 - y0, buf, TileRenderer.level(depth + 1), depth + 1, true);
        float o = l.opacity();
        LayerMask mask = l.isMasked() ? l.mask() : null;
        int[] st = occ.runs;
        for (int y = y0; y < y1; y++) {
            int orow = 4 * ((y - ry) * w - rx), brow = 4 * ((y - y0) * gw - x0);
            for (int q = occ.rowStart(y - ry), last = occ.rowStart(y - ry + 1), x = rx; q < last; x = st[q], q += 2) {
                if (st[q + 1] > li) continue; // hidden by a layer above
                for (int px = Math.max(x, x0), pe = Math.min(st[q], x1); px < pe; px++) {
                    float f = mask == null ? o : o * mask.value(px - l.x(), y - l.y()) * (1f / 255);
                    for (int k = 4 * px; k < 4 * px + 4; k++) {
                        float b = out[orow + k];
                        out[orow + k] = b + f * (buf[brow + k] - b);
                    }
                }
            }
        }
    }
}

package dev.blendbench.engine.render;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.blend.FloatBlend;
import dev.blendbench.engine.colour.Srgb;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.Arrays;
import java.util.List;

/**
 * {@link TileRenderer}'s linear-light path: a tile composited in premultiplied linear floats —
 * the same occlusion pass as the 8-bit path skips what opaque layers hide, each layer's own
 * opaque runs are decoded straight into the tile, the rest is decoded and blended by
 * {@link FloatBlend} — and encoded to 8-bit sRGB once. Uses the calling thread's buffers of the
 * nesting level it is given; allocation-free once they have grown.
 */
final class LinearTiles {
    private LinearTiles() {}

    /** A linear-light tile: composite in floats, then encode to 8-bit sRGB once. */
    static void compositeRect(Scene scene, int[] out, int base, int stride, int ax0, int ay0, int ax1, int ay1,
                              TileRenderer.Level lv, int depth) {
        int w = ax1 - ax0, h = ay1 - ay0;
        int need = 4 * w * h;
        if (lv.linearTile.length < need) lv.linearTile = new float[Math.max(need, 2 * lv.linearTile.length)];
        float[] acc = lv.linearTile;
        composite(scene, ax0, ay0, w, h, acc, lv, depth);
        for (int y = ay0; y < ay1; y++) {
            Srgb.fromLinear(acc, 4 * w * (y - ay0), out, base + y * stride + ax0, w);
        }
    }

    /**
     * Composites the canvas rectangle at (rx, ry), w × h, in linear light into {@code out} (as
     * {@link TileRenderer#compositeLinear} describes), with level {@code depth}'s buffers.
     */
    static void composite(Scene scene, int rx, int ry, int w, int h, float[] out, TileRenderer.Level lv, int depth) {
        composite(scene, rx, ry, w, h, out, lv, depth, false);
    }

    /**
     * As {@link #composite(Scene, int, int, int, int, float[], TileRenderer.Level, int)}; {@code seeded}:
     * {@code out} already holds the backdrop the layers blend onto (a faded pass-through group's)
     * instead of the background.
     */
    static void composite(Scene scene, int rx, int ry, int w, int h, float[] out, TileRenderer.Level lv, int depth,
                          boolean seeded) {
        if (out.length < 4 * w * h) {
            throw new IllegalArgumentException("out holds " + out.length + " floats, " + 4 * w * h + " needed");
        }
        if (lv.linearRow.length < 4 * w) lv.linearRow = new float[Math.max(4 * w, 2 * lv.linearRow.length)];
        float[] bg = lv.linearRow;
        Srgb.toLinear(scene.background(), bg, 0);
        float b0 = bg[0], b1 = bg[1], b2 = bg[2], b3 = bg[3];
        List<Layer> layers = scene.layers();
        // as in 8 bits: where a layer above replaces the backdrop exactly, the background and the layers below are skipped
        Occlusion occ = TileRenderer.occlude(scene, lv, rx, ry, rx + w, ry + h, null, 0, 0, 0);
        int[] st = occ.runs;
        for (int y = ry; y < ry + h && !seeded; y++) {
            int o = 4 * (y - ry) * w - 4 * rx;
            for (int q = occ.rowStart(y - ry), last = occ.rowStart(y - ry + 1), x = rx; q < last; x = st[q], q += 2) {
                if (st[q + 1] >= 0 && st[q + 1] != layers.size()) continue; // under a layer (not the cut outside a clipping base)
                for (int i = o + 4 * x, e = o + 4 * st[q]; i < e; i += 4) {
                    out[i] = b0;
                    out[i + 1] = b1;
                    out[i + 2] = b2;
                    out[i + 3] = b3;
                }
            }
        }
        for (int li = 0, n = layers.size(); li < n; li++) {
            Layer l = layers.get(li);
            if (!l.visible()) continue;
            BlendMode mode = l.mode();
            boolean clears = mode.clearsOutsideSource();
            if (l.opacity() == 0f && !clears) continue;
            if (l.isPassThrough()) { // a faded one (the others were inlined): its layers over the backdrop, faded into it
                PassThroughFade.linear(l, li, occ, rx, ry, w, h, out, lv, depth);
                continue;
            }
            Surface src = l.source();
            // the layer's canvas bounds, clipped to the rectangle
            int bx0, by0, bx1, by1;
            if (l.placement() != null) { // a group is never transformed
                Rect pb = l.placement().bounds();
                bx0 = l.x() + pb.x();
                by0 = l.y() + pb.y();
                bx1 = l.x() + pb.right();
                by1 = l.y() + pb.bottom();
            } else {
                bx0 = l.x();
                by0 = l.y();
                bx1 = l.x() + src.width();
                by1 = l.y() + src.height();
            }
            int ix0 = Math.max(rx, bx0), iy0 = Math.max(ry, by0), ix1 = Math.min(rx + w, bx1), iy1 = Math.min(ry + h, by1);
            boolean any = ix0 < ix1 && iy0 < iy1;
            int[] pixels = null;
            int pOff = 0, pStride = 0;
            if (any && (l.placement() != null || l.isGroup() || l.isMasked())) {
                pixels = l.isGroup() ? TileRenderer.grouped(l, ix0, iy0, ix1, iy1, lv, TileRenderer.SCRATCH_ROWS.get(), depth)
                        : TileRenderer.layerPixels(l, ix0, iy0, ix1, iy1);
                pOff = -iy0 * (ix1 - ix0) - ix0;
                pStride = ix1 - ix0;
            } else if (any) {
                pixels = src.array();
                pOff = src.index(-l.x(), -l.y());
                pStride = src.stride();
            }
            // a clipped layer: in source-over (or normal) exactly source-atop; in any other mode blended
            // as any layer, then cut back to the backdrop's alpha
            boolean atop = scene.clipped(li) && (mode == BlendMode.SOURCE_OVER || mode == BlendMode.NORMAL);
            if (atop) mode = BlendMode.SOURCE_ATOP;
            boolean clipped = scene.clipped(li) && !atop;
            if (clipped && lv.linearKeep.length < 4 * w) lv.linearKeep = new float[4 * w];
            for (int y = ry; y < ry + h; y++) {
                boolean rowHit = any && y >= iy0 && y < iy1;
                if (!rowHit && !clears) continue;
                int o = 4 * (y - ry) * w - 4 * rx, row = pOff + y * pStride;
                // the row's occlusion runs [x, end): skipped under a layer above that replaces the backdrop
                for (int q = occ.rowStart(y - ry), last = occ.rowStart(y - ry + 1), x = rx; q < last; x = st[q], q += 2) {
                    int end = st[q], occluder = st[q + 1];
                    if (occluder > li) continue;
                    int s0 = rowHit ? Math.max(x, ix0) : end, s1 = rowHit ? Math.min(end, ix1) : end;
                    if (occluder == li) {
                        // this layer's own opaque run (within it), at full opacity in a mode that replaces: its pixels, as they are
                        Srgb.toLinear(pixels, row + s0, out, o + 4 * s0, s1 - s0);
                        continue;
                    }
                    if (clears) {
                        // clearing modes act on the whole run: outside the layer's span the source is transparent
                        if (clipped) System.arraycopy(out, o + 4 * x, lv.linearKeep, 0, 4 * (end - x));
                        Arrays.fill(bg, 4 * (x - rx), 4 * (end - rx), 0f);
                        if (s0 < s1) Srgb.toLinear(pixels, row + s0, bg, 4 * (s0 - rx), s1 - s0);
                        FloatBlend.blend(mode, bg, 4 * (x - rx), out, o + 4 * x, end - x, l.opacity());
                        if (clipped) FloatBlend.clipToBackdrop(lv.linearKeep, 0, out, o + 4 * x, end - x);
                        continue;
                    }
                    // a transparent source pixel leaves the backdrop as it is: blend only the runs that have alpha
                    for (int sx = s0; sx < s1; ) {
                        if (pixels[row + sx] >>> 24 == 0) { sx++; continue; }
                        int e = sx + 1;
                        while (e < s1 && pixels[row + e] >>> 24 != 0) e++;
                        Srgb.toLinear(pixels, row + sx, bg, 0, e - sx);
                        if (clipped) System.arraycopy(out, o + 4 * sx, lv.linearKeep, 0, 4 * (e - sx));
                        FloatBlend.blend(mode, bg, 0, out, o + 4 * sx, e - sx, l.opacity());
                        if (clipped) FloatBlend.clipToBackdrop(lv.linearKeep, 0, out, o + 4 * sx, e - sx);
                        sx = e;
                    }
                }
            }
        }
    }
}

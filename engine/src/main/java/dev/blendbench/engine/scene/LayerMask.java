package dev.blendbench.engine.scene;

import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Rect;
import java.util.Objects;

/**
 * A layer's pixel mask (Photoshop's layer mask): one value a pixel, 0 hiding the layer there and
 * 255 showing it, over a {@code width × height} rectangle at {@code (x, y)} from the layer's
 * position (so it moves with the layer), {@code outside} everywhere else. Applied as a render
 * draws the layer, after any resampling, on the canvas: each premultiplied channel of the layer's
 * pixel times the value, divided by 255 and rounded ({@link Argb#mulDiv255}). A disabled mask is
 * kept but not applied.
 *
 * <p>The values array is not copied: it must not change once the mask is made.
 */
public record LayerMask(byte[] values, int x, int y, int width, int height, int outside, boolean enabled) {
    public LayerMask {
        Objects.requireNonNull(values, "values");
        if (width < 0 || height < 0 || (long) width * height != values.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " mask needs " + (long) width * height
                    + " values, not " + values.length);
        }
        if (outside < 0 || outside > 255) throw new IllegalArgumentException("mask value outside its rectangle must be 0..255: " + outside);
    }

    /** This mask turned on or off. */
    public LayerMask withEnabled(boolean e) { return new LayerMask(values, x, y, width, height, outside, e); }

    /** The mask's rectangle, from the layer's position. */
    public Rect bounds() { return new Rect(x, y, width, height); }

    /** The value at {@code (mx, my)} from the layer's position. */
    public int value(int mx, int my) {
        mx -= x;
        my -= y;
        return mx >= 0 && my >= 0 && mx < width && my < height ? values[my * width + mx] & 0xFF : outside;
    }

    /**
     * Masks the canvas rectangle [x0, x1) × [y0, y1) of a layer placed at {@code (lx, ly)}, whose
     * premultiplied pixels are row-major in {@code px} from {@code off}, {@code stride} a row.
     */
    public void apply(int[] px, int off, int stride, int x0, int y0, int x1, int y1, int lx, int ly) {
        for (int cy = y0; cy < y1; cy++) {
            int my = cy - ly - y, row = off + (cy - y0) * stride - x0;
            boolean rowIn = my >= 0 && my < height;
            // outside the rectangle's columns (or rows): the outside value, a run at a time
            int in0 = rowIn ? Math.clamp(lx + x, x0, x1) : x1, in1 = rowIn ? Math.clamp(lx + x + width, x0, x1) : x1;
            scale(px, row + x0, in0 - x0, outside);
            scale(px, row + in1, x1 - in1, outside);
            if (in0 < in1) Compositor.scaleByMask(px, row + in0, values, my * width - (lx + x) + in0, in1 - in0);
        }
    }

    private static void scale(int[] px, int from, int n, int v) {
        if (v == 255 || n <= 0) return;
        if (v == 0) {
            java.util.Arrays.fill(px, from, from + n, 0);
            return;
        }
        for (int i = from; i < from + n; i++) px[i] = scaled(px[i], v);
    }

    /**
     * Each premultiplied channel of {@code p} times {@code v}/255, rounded: {@link Argb#mulDiv255}
     * on two channels at a time, each in 16 bits of an int (their products and the rounding term
     * stay below 2^16, so no lane carries into the next).
     */
    public static int scaled(int p, int v) {
        return div255(p & 0x00FF00FF, v) | div255(p >>> 8 & 0x00FF00FF, v) << 8;
    }

    private static int div255(int lanes, int v) {
        int t = lanes * v + 0x00800080;
        return (t + (t >>> 8 & 0x00FF00FF)) >>> 8 & 0x00FF00FF;
    }
}

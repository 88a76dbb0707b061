package dev.blendbench.engine.surface;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rectangle of 8-bit premultiplied ARGB pixels, one {@code int} per pixel
 * (alpha in bits 24–31, then red, green, blue), the layout Java2D calls
 * {@code TYPE_INT_ARGB_PRE} and JavaFX {@code IntArgbPre}.
 *
 * <p>A surface is a view over an {@code int[]}: pixel {@code (x, y)} lives at
 * {@code offset() + y * stride() + x}. {@link #subView} returns another view over the same
 * array without copying, so writes through either are visible in both.
 *
 * <p><b>Invariant:</b> every colour channel is at most the pixel's alpha (premultiplied). The
 * engine's kernels assume it; {@link #setPixel} and {@link #fill} do not check it, for speed, but
 * {@link #isValidPremultiplied()} does.
 *
 * <p><b>Threads:</b> a surface has no synchronisation. Distinct threads may write disjoint
 * rectangles concurrently; anything else needs a happens-before edge supplied by the caller.
 */
public final class Surface {
    private final int[] pixels;
    private final int offset;
    private final int width;
    private final int height;
    private final int stride;
    /** Lazily built; dropped by every write through this view's methods and by markModified(). */
    private volatile Coverage coverage;
    /** Null unless this view is tracked: then its reading and writing methods report to it. */
    private final AccessListener listener;

    private Surface(int[] pixels, int offset, int width, int height, int stride) {
        this(pixels, offset, width, height, stride, null);
    }

    private Surface(int[] pixels, int offset, int width, int height, int stride, AccessListener listener) {
        this.pixels = pixels;
        this.offset = offset;
        this.width = width;
        this.height = height;
        this.stride = stride;
        this.listener = listener;
    }

    /**
     * A view of the same pixels whose own methods ({@link #getPixel}, {@link #setPixel},
     * {@link #fill}, {@link #copyFrom}, {@link #copy}) report each access to {@code l}, so that
     * a race detector sees direct pixel access through the API. Sub-views of it are tracked too.
     */
    public Surface tracked(AccessListener l) {
        return new Surface(pixels, offset, width, height, stride, l);
    }

    /** The most pixels a surface can have: the longest {@code int[]} a JVM allocates. */
    public static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    /** Allocates a transparent surface. Dimensions must be positive and at most {@link #MAX_PIXELS} pixels in all. */
    public static Surface allocate(int width, int height) {
        checkSize(width, height);
        return new Surface(new int[width * height], 0, width, height, width);
    }

    /** Allocates a surface of one colour, {@code argbPre} (premultiplied). Dimensions as {@link #allocate}. */
    public static Surface filled(int width, int height, int argbPre) {
        Surface s = allocate(width, height);
        s.fill(argbPre);
        return s;
    }

    /**
     * Wraps an existing array (no copy). The array must hold {@code offset + (height - 1) * stride + width}
     * entries; {@code stride >= width}.
     */
    public static Surface wrap(int[] pixels, int offset, int width, int height, int stride) {
        Objects.requireNonNull(pixels, "pixels");
        checkSize(width, height);
        if (stride < width) {
            throw new IllegalArgumentException("stride " + stride + " is less than width " + width);
        }
        if (offset < 0 || (long) offset + (long) (height - 1) * stride + width > pixels.length) {
            throw new IllegalArgumentException("array of " + pixels.length + " ints is too small for a "
                    + width + "x" + height + " surface at offset " + offset + " with stride " + stride);
        }
        return new Surface(pixels, offset, width, height, stride);
    }

    /** Wraps a tightly packed array of exactly {@code width * height} pixels. */
    public static Surface wrap(int[] pixels, int width, int height) {
        return wrap(pixels, 0, width, height, width);
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("surface size must be positive: " + width + "x" + height);
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("surface too large: " + width + "x" + height);
        }
    }

    /** A view of the rectangle {@code (x, y, w, h)} of this surface, sharing its pixels. */
    public Surface subView(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("sub-view " + w + "x" + h + "+" + x + "+" + y
                    + " is outside the " + width + "x" + height + " surface");
        }
        return new Surface(pixels, offset + y * stride + x, w, h, stride, listener);
    }

    /** A view of {@code r} clipped to nothing: {@code r} must lie inside this surface. */
    public Surface subView(Rect r) {
        return subView(r.x(), r.y(), r.width(), r.height());
    }

    public int width() { return width; }

    public int height() { return height; }

    public int stride() { return stride; }

    public int offset() { return offset; }

    /** The backing array, for kernels. Index pixels with {@link #index(int, int)}. */
    public int[] array() { return pixels; }

    /** The array index of pixel {@code (x, y)}; no bounds check. */
    public int index(int x, int y) { return offset + y * stride + x; }

    /** The bounds of this surface in its own coordinates: {@code (0, 0, width, height)}. */
    public Rect bounds() { return new Rect(0, 0, width, height); }

    public int getPixel(int x, int y) {
        checkPoint(x, y);
        if (listener != null) listener.read(this, new Rect(x, y, 1, 1));
        return pixels[index(x, y)];
    }

    public void setPixel(int x, int y, int argbPre) {
        checkPoint(x, y);
        if (listener != null) listener.write(this, new Rect(x, y, 1, 1));
        pixels[index(x, y)] = argbPre;
        coverage = null;
    }

    /**
     * Which blocks of this view are transparent, opaque or mixed, computed on first use and cached.
     * Writes through {@link #setPixel}, {@link #fill} and {@link #copyFrom} drop the cache; after
     * writing through {@link #array()} (or through another view of the same array), call
     * {@link #markModified()}. Safe to call from several threads (at worst it is computed twice).
     */
    public Coverage coverage() {
        Coverage c = coverage;
        if (c == null) {
            c = Coverage.of(this);
            coverage = c;
        }
        return c;
    }

    /** Declares that pixels were written through {@link #array()}: drops cached {@link #coverage()}. */
    public void markModified() {
        coverage = null;
    }

    private void checkPoint(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") outside " + width + "x" + height);
        }
    }

    /** Sets every pixel of this surface to {@code argbPre}. */
    public void fill(int argbPre) {
        if (listener != null) listener.write(this, bounds());
        coverage = null;
        if (stride == width) {
            Arrays.fill(pixels, offset, offset + width * height, argbPre);
        } else {
            for (int y = 0; y < height; y++) {
                int row = offset + y * stride;
                Arrays.fill(pixels, row, row + width, argbPre);
            }
        }
    }

    /** Copies {@code src} into this surface; sizes must match. */
    public void copyFrom(Surface src) {
        if (src.width != width || src.height != height) {
            throw new IllegalArgumentException("size mismatch: " + src.width + "x" + src.height
                    + " into " + width + "x" + height);
        }
        if (src.listener != null) src.listener.read(src, src.bounds());
        if (listener != null) listener.write(this, bounds());
        coverage = null;
        for (int y = 0; y < height; y++) {
            System.arraycopy(src.pixels, src.index(0, y), pixels, index(0, y), width);
        }
    }

    /** A tightly packed copy of this surface (a new array). */
    public Surface copy() {
        Surface c = allocate(width, height);
        c.copyFrom(this);
        return c;
    }

    /** The pixels of this view, row by row, as a new tightly packed array. */
    public int[] toArray() {
        return copy().pixels;
    }

    /** True if every channel of every pixel is at most its alpha. */
    public boolean isValidPremultiplied() {
        for (int y = 0; y < height; y++) {
            int row = index(0, y);
            for (int x = 0; x < width; x++) {
                int p = pixels[row + x];
                int a = p >>> 24;
                if (((p >>> 16) & 0xFF) > a || ((p >>> 8) & 0xFF) > a || (p & 0xFF) > a) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True if both views hold the same pixels (stride and offset may differ). */
    public boolean samePixels(Surface other) {
        if (other.width != width || other.height != height) {
            return false;
        }
        for (int y = 0; y < height; y++) {
            if (!Arrays.equals(pixels, index(0, y), index(0, y) + width,
                    other.pixels, other.index(0, y), other.index(0, y) + width)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Surface[" + width + "x" + height + ", stride " + stride + "]";
    }
}

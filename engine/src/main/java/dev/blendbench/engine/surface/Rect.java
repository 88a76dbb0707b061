package dev.blendbench.engine.surface;

/**
 * An integer rectangle {@code [x, x + width) × [y, y + height)}. Width and height may be zero
 * (an empty rectangle) but never negative.
 */
public record Rect(int x, int y, int width, int height) {
    public static final Rect EMPTY = new Rect(0, 0, 0, 0);

    public Rect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative rectangle size: " + width + "x" + height);
        }
    }

    public int right() { return x + width; }

    public int bottom() { return y + height; }

    public boolean isEmpty() { return width == 0 || height == 0; }

    /** The common part of both rectangles, or {@link #EMPTY}. */
    public Rect intersect(Rect o) {
        int l = Math.max(x, o.x);
        int t = Math.max(y, o.y);
        int r = Math.min(right(), o.right());
        int b = Math.min(bottom(), o.bottom());
        return (r <= l || b <= t) ? EMPTY : new Rect(l, t, r - l, b - t);
    }

    public boolean intersects(Rect o) {
        return !intersect(o).isEmpty();
    }

    /** The smallest rectangle holding both; an empty operand is ignored. */
    public Rect union(Rect o) {
        if (isEmpty()) return o;
        if (o.isEmpty()) return this;
        int l = Math.min(x, o.x);
        int t = Math.min(y, o.y);
        return new Rect(l, t, Math.max(right(), o.right()) - l, Math.max(bottom(), o.bottom()) - t);
    }

    public boolean contains(Rect o) {
        return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }

    public Rect translate(int dx, int dy) {
        return new Rect(x + dx, y + dy, width, height);
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}

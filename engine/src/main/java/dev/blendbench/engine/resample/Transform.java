package dev.blendbench.engine.resample;

/**
 * An affine map from source pixel coordinates to canvas coordinates (continuous: pixel
 * {@code (i, j)} covers {@code [i, i+1) × [j, j+1)}, its centre is at {@code (i + ½, j + ½)}):
 * <pre>
 *   x' = m00·x + m01·y + m02
 *   y' = m10·x + m11·y + m12
 * </pre>
 * Immutable. Every factory and the constructor reject non-finite values and singular maps with
 * an {@link IllegalArgumentException} that names the value.
 */
public record Transform(double m00, double m01, double m02, double m10, double m11, double m12) {
    public static final Transform IDENTITY = new Transform(1, 0, 0, 0, 1, 0);

    public Transform {
        requireFinite("m00", m00);
        requireFinite("m01", m01);
        requireFinite("m02", m02);
        requireFinite("m10", m10);
        requireFinite("m11", m11);
        requireFinite("m12", m12);
        double det = m00 * m11 - m01 * m10;
        if (!(Math.abs(det) > 1e-12)) {
            throw new IllegalArgumentException("transform is singular (determinant " + det + ")");
        }
    }

    public static Transform translation(double tx, double ty) {
        return new Transform(1, 0, tx, 0, 1, ty);
    }

    public static Transform scaling(double sx, double sy) {
        requirePositive("scale", sx);
        requirePositive("scale", sy);
        return new Transform(sx, 0, 0, 0, sy, 0);
    }

    /** A rotation by {@code degrees} clockwise on screen (y grows downwards) about the origin. */
    public static Transform rotation(double degrees) {
        requireFinite("rotation", degrees);
        double d = degrees % 360;
        if (d < 0) d += 360;
        // exact for the right angles, so that 90° turns stay separable
        if (d == 0) return IDENTITY;
        if (d == 90) return new Transform(0, -1, 0, 1, 0, 0);
        if (d == 180) return new Transform(-1, 0, 0, 0, -1, 0);
        if (d == 270) return new Transform(0, 1, 0, -1, 0, 0);
        double r = Math.toRadians(d), c = Math.cos(r), s = Math.sin(r);
        return new Transform(c, -s, 0, s, c, 0);
    }

    /**
     * What the command line's {@code x=, y=, scale=, rotate=} mean for a source of
     * {@code width × height}: scale about the top-left corner, turn about the centre of the scaled
     * image, then place that centre so the unrotated top-left corner lands at {@code (x, y)}.
     */
    public static Transform place(int width, int height, double x, double y, double scale, double degrees) {
        requireFinite("x", x);
        requireFinite("y", y);
        requirePositive("scale", scale);
        requireFinite("rotation", degrees);
        double cx = width * scale / 2, cy = height * scale / 2;
        return translation(x + cx, y + cy).then(rotation(degrees)).then(translation(-cx, -cy)).then(scaling(scale, scale));
    }

    /**
     * The inverse of {@link #place} for a {@code width × height} source: {x, y, scale, degrees}
     * such that {@code place(width, height, x, y, scale, degrees)} is this map (within rounding),
     * or null where it is not a uniform scale and a turn (a shear, unequal scales, a mirror).
     */
    public double[] asPlaced(int width, int height) {
        double s = Math.hypot(m00, m10);
        if (!(Math.abs(m00 - m11) <= 1e-9 * s && Math.abs(m01 + m10) <= 1e-9 * s)) return null;
        double c = m00 / s, sn = m10 / s;
        double cx = width * s / 2, cy = height * s / 2;
        // place: the translation is (x + cx, y + cy) less the turned centre (c·cx − sn·cy, sn·cx + c·cy)
        return new double[] {m02 - cx + c * cx - sn * cy, m12 - cy + sn * cx + c * cy, s, Math.toDegrees(Math.atan2(m10, m00))};
    }

    /** {@code this ∘ inner}: first {@code inner}, then this. */
    public Transform then(Transform inner) {
        return new Transform(
                m00 * inner.m00 + m01 * inner.m10, m00 * inner.m01 + m01 * inner.m11, m00 * inner.m02 + m01 * inner.m12 + m02,
                m10 * inner.m00 + m11 * inner.m10, m10 * inner.m01 + m11 * inner.m11, m10 * inner.m02 + m11 * inner.m12 + m12);
    }

    /** The inverse map (canvas to source). */
    public Transform inverse() {
        double det = m00 * m11 - m01 * m10;
        double i00 = m11 / det, i01 = -m01 / det, i10 = -m10 / det, i11 = m00 / det;
        return new Transform(i00, i01, -(i00 * m02 + i01 * m12), i10, i11, -(i10 * m02 + i11 * m12));
    }

    /** True when x' depends only on x and y' only on y, so resampling separates into two passes. */
    public boolean isAxisAligned() { return m01 == 0 && m10 == 0; }

    /** True for a pure translation by whole pixels (or none): no resampling needed at all. */
    public boolean isIntegerTranslation() {
        return m00 == 1 && m11 == 1 && m01 == 0 && m10 == 0 && m02 == Math.rint(m02) && m12 == Math.rint(m12);
    }

    /** How much a unit step along the source x axis grows on the canvas. */
    public double scaleX() { return Math.hypot(m00, m10); }

    /** How much a unit step along the source y axis grows on the canvas. */
    public double scaleY() { return Math.hypot(m01, m11); }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number: " + v);
        }
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive finite number: " + v);
        }
    }
}

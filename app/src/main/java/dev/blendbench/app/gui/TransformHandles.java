package dev.blendbench.app.gui;

import dev.blendbench.engine.resample.Transform;

/**
 * What dragging the selected layer's handles on the canvas does to it, as image editors' free
 * transform does: a corner scales the layer (uniformly: a layer has one scale) about the opposite
 * corner, which stays where it is on the canvas; the knob above the layer's top edge turns it about
 * its centre (as the Rotation field does), in steps of {@value #SNAP_DEGREES}° with Shift.
 *
 * <p>Coordinates are on the canvas the layer is placed on (its group's, for a layer in a group).
 * Pure functions of the layer and the pointer; the canvas pane draws the handles and feeds the
 * pointer in.
 */
final class TransformHandles {
    /** The range the Scale field takes. */
    static final double MIN_SCALE = 0.01, MAX_SCALE = 100;
    /** Rotation steps with Shift held. */
    static final double SNAP_DEGREES = 15;

    private TransformHandles() {}

    /**
     * {@code l} scaled by dragging corner {@code corner} of its outline (0 top-left, 1 top-right,
     * 2 bottom-right, 3 bottom-left, as {@link CanvasPane#outline} lists them, before rotation) to
     * (px, py): the new scale is how far along the layer's diagonal from the opposite corner the
     * pointer is (rounded to 1/10 000, kept within {@value #MIN_SCALE} … {@value #MAX_SCALE}),
     * and the position is moved so that the opposite corner stays put. The rotation and filter
     * are kept.
     */
    static LayerItem scaledByCorner(LayerItem l, int corner, double px, double py) {
        if (corner < 0 || corner > 3) throw new IllegalArgumentException("corner " + corner);
        double w = l.source().width(), h = l.source().height(), s = l.scale();
        double[] r = turn(l.rotation());
        // source-space vectors from the source's centre to the fixed (opposite) and the dragged corners
        double mx = w / 2, my = h / 2;
        int fixed = (corner + 2) % 4;
        double fu = (fixed == 1 || fixed == 2 ? w : 0) - mx, fv = (fixed >= 2 ? h : 0) - my;
        double du = (corner == 1 || corner == 2 ? w : 0) - mx, dv = (corner >= 2 ? h : 0) - my;
        // the layer's centre on the canvas: where the scaled source's centre lands (rotation turns about it)
        double cx = l.x() + s * mx, cy = l.y() + s * my;
        double fx = cx + s * (r[0] * fu + r[1] * fv), fy = cy + s * (r[2] * fu + r[3] * fv);
        // the diagonal (fixed → dragged) at scale 1, turned as the layer is
        double ex = r[0] * (du - fu) + r[1] * (dv - fv), ey = r[2] * (du - fu) + r[3] * (dv - fv);
        double along = ((px - fx) * ex + (py - fy) * ey) / (ex * ex + ey * ey);
        double ns = Math.clamp(Math.round(along * 10_000) / 10_000.0, MIN_SCALE, MAX_SCALE);
        double ncx = fx - ns * (r[0] * fu + r[1] * fv), ncy = fy - ns * (r[2] * fu + r[3] * fv);
        return l.withTransform(ns, l.rotation(), l.filter()).withPosition(tidy(ncx - ns * mx), tidy(ncy - ns * my));
    }

    /**
     * {@code l} turned about its centre by the angle the pointer swept about it from
     * (fromX, fromY) to (toX, toY), added to {@code startDegrees} (its rotation when the drag
     * began); clockwise on screen is positive, as the Rotation field. The result is within
     * (−180, 180], to a tenth of a degree, or a multiple of {@value #SNAP_DEGREES}° when
     * {@code snap}. The position and scale are kept (the centre does not move).
     */
    static LayerItem rotatedAbout(LayerItem l, double startDegrees, double fromX, double fromY, double toX, double toY, boolean snap) {
        double[] c = centre(l);
        double swept = Math.toDegrees(Math.atan2(toY - c[1], toX - c[0]) - Math.atan2(fromY - c[1], fromX - c[0]));
        double deg = startDegrees + swept;
        deg = snap ? Math.round(deg / SNAP_DEGREES) * SNAP_DEGREES : Math.round(deg * 10) / 10.0;
        deg = deg % 360;
        if (deg <= -180) deg += 360;
        if (deg > 180) deg -= 360;
        if (deg == -0.0) deg = 0;
        return l.withTransform(l.scale(), deg, l.filter());
    }

    /** The layer's centre on its canvas: the point its rotation turns about. */
    static double[] centre(LayerItem l) {
        return new double[] {l.x() + l.scale() * l.source().width() / 2.0, l.y() + l.scale() * l.source().height() / 2.0};
    }

    /**
     * Where the rotation knob goes: {@code distance} beyond the middle of the outline's top edge,
     * away from the layer ({@code corners} as {@link CanvasPane#outline} gives them), followed by
     * that middle: {@code knobX, knobY, midX, midY}.
     */
    static double[] knob(double[] corners, double distance) {
        double mx = (corners[0] + corners[2]) / 2, my = (corners[1] + corners[3]) / 2;
        // the top edge's outward normal: the left edge's direction (top-left minus bottom-left), normalised
        double nx = corners[0] - corners[6], ny = corners[1] - corners[7];
        double len = Math.hypot(nx, ny);
        if (len == 0) return new double[] {mx, my - distance, mx, my};
        return new double[] {mx + nx / len * distance, my + ny / len * distance, mx, my};
    }

    /** The 2×2 rotation matrix (m00, m01, m10, m11) the engine turns a layer by. */
    private static double[] turn(double degrees) {
        Transform t = Transform.rotation(degrees);
        return new double[] {t.m00(), t.m01(), t.m10(), t.m11()};
    }

    /** A position to a millionth of a pixel, as the X and Y fields show it: no 40.000000000001 from rounding. */
    private static double tidy(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}

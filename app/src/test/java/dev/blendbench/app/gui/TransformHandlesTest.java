package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.surface.Surface;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The canvas's transform handles, against where the engine places a layer's corners
 * ({@link CanvasPane#outline} of the layer it composites).
 */
class TransformHandlesTest {
    static LayerItem layer(int w, int h, double x, double y, double scale, double degrees) {
        return LayerItem.of("l", Surface.allocate(w, h), x, y).withTransform(scale, degrees, Filter.BILINEAR);
    }

    @Test
    void draggingACorner_scalesAboutTheOppositeCorner_whichStaysPut_atAnyRotation() {
        var rnd = new SplittableRandom(7);
        for (int run = 0; run < 400; run++) {
            double degrees = run % 8 == 0 ? 90 * (run / 8 % 4) : rnd.nextDouble(-180, 180);
            LayerItem l = layer(rnd.nextInt(1, 300), rnd.nextInt(1, 300), rnd.nextDouble(-50, 200), rnd.nextDouble(-50, 200),
                    rnd.nextDouble(0.2, 3), degrees);
            int corner = rnd.nextInt(4), fixed = (corner + 2) % 4;
            double[] before = CanvasPane.outline(l.layer());
            // a pointer somewhere near the dragged corner
            double px = before[2 * corner] + rnd.nextDouble(-40, 40), py = before[2 * corner + 1] + rnd.nextDouble(-40, 40);
            LayerItem s = TransformHandles.scaledByCorner(l, corner, px, py);
            double[] after = CanvasPane.outline(s.layer());
            String at = "run " + run + ", corner " + corner + ", " + degrees + "°";
            assertEquals(before[2 * fixed], after[2 * fixed], 1e-5, at);
            assertEquals(before[2 * fixed + 1], after[2 * fixed + 1], 1e-5, at);
            assertEquals(l.rotation(), s.rotation(), at);
            // the new scale puts the dragged corner where the pointer is, projected on the diagonal
            double ex = before[2 * corner] - before[2 * fixed], ey = before[2 * corner + 1] - before[2 * fixed + 1];
            double along = ((px - before[2 * fixed]) * ex + (py - before[2 * fixed + 1]) * ey) / (ex * ex + ey * ey);
            double want = Math.clamp(l.scale() * along, TransformHandles.MIN_SCALE, TransformHandles.MAX_SCALE);
            assertEquals(want, s.scale(), 1e-4 + 1e-9 * want, at);
        }
    }

    @Test
    void dragsPastTheOppositeCorner_stopAtTheSmallestScale_andTheLargestIsBounded() {
        LayerItem l = layer(100, 50, 10, 20, 1, 0);
        LayerItem s = TransformHandles.scaledByCorner(l, 2, -500, -500); // bottom-right dragged past the top-left
        assertEquals(TransformHandles.MIN_SCALE, s.scale());
        assertEquals(10, s.x(), 1e-9);
        assertEquals(20, s.y(), 1e-9);
        LayerItem big = TransformHandles.scaledByCorner(l, 0, -1e7, -1e7); // top-left dragged far out
        assertEquals(TransformHandles.MAX_SCALE, big.scale());
        assertEquals(110 - 100 * 100, big.x(), 1e-6, "the bottom-right corner stays at (110, 70)");
        assertEquals(70 - 50 * 100, big.y(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> TransformHandles.scaledByCorner(l, 4, 0, 0));
    }

    @Test
    void anUntransformedLayerScaledBackToOne_landsOnWholePixels() {
        LayerItem l = layer(60, 40, 40, 30, 1, 0);
        LayerItem grown = TransformHandles.scaledByCorner(l, 0, 10, 10);
        LayerItem back = TransformHandles.scaledByCorner(grown, 0, 40, 30);
        assertEquals(1, back.scale());
        assertEquals(40, back.x());
        assertEquals(30, back.y());
        assertTrue(!back.layer().isTransformed(), "composited as a plain copy again, not resampled");
    }

    @Test
    void draggingTheKnob_turnsTheLayerAboutItsCentre_byTheAngleSwept() {
        LayerItem l = layer(100, 40, 50, 80, 1.5, 10);
        double[] c = TransformHandles.centre(l);
        double[] before = CanvasPane.outline(l.layer());
        assertEquals(c[0], (before[0] + before[4]) / 2, 1e-9, "the centre is the outline's");
        assertEquals(c[1], (before[1] + before[5]) / 2, 1e-9);
        // from straight above the centre to straight right of it: a quarter turn clockwise on screen
        LayerItem r = TransformHandles.rotatedAbout(l, l.rotation(), c[0], c[1] - 100, c[0] + 30, c[1], false);
        assertEquals(100, r.rotation(), 1e-9);
        double[] after = CanvasPane.outline(r.layer());
        assertEquals(c[0], (after[0] + after[4]) / 2, 1e-9, "the centre stays");
        assertEquals(c[1], (after[1] + after[5]) / 2, 1e-9);
        assertEquals(l.x(), r.x());
        assertEquals(l.scale(), r.scale());
    }

    @Test
    void rotation_isKeptWithinAHalfTurnEachWay_toATenthOfADegree_orSnappedWithShift() {
        LayerItem l = layer(10, 10, 0, 0, 1, 170);
        double[] c = TransformHandles.centre(l);
        // 20° more clockwise: 190° is −170°
        double a = Math.toRadians(20);
        LayerItem past = TransformHandles.rotatedAbout(l, 170, c[0] + 10, c[1], c[0] + 10 * Math.cos(a), c[1] + 10 * Math.sin(a), false);
        assertEquals(-170, past.rotation(), 1e-9);
        double b = Math.toRadians(7.3456);
        LayerItem fine = TransformHandles.rotatedAbout(l, 0, c[0] + 10, c[1], c[0] + 10 * Math.cos(b), c[1] + 10 * Math.sin(b), false);
        assertEquals(7.3, fine.rotation(), 1e-9);
        LayerItem snapped = TransformHandles.rotatedAbout(l, 0, c[0] + 10, c[1], c[0] + 10 * Math.cos(b), c[1] + 10 * Math.sin(b), true);
        assertEquals(0, snapped.rotation(), 1e-9);
        double d = Math.toRadians(-38);
        assertEquals(-45, TransformHandles.rotatedAbout(l, 0, c[0] + 10, c[1], c[0] + 10 * Math.cos(d), c[1] + 10 * Math.sin(d), true)
                .rotation(), 1e-9);
        assertEquals(180, TransformHandles.rotatedAbout(l, 180, c[0] + 10, c[1], c[0] + 10, c[1], false).rotation(), 1e-9);
        assertEquals(180, TransformHandles.rotatedAbout(l, -180, c[0] + 10, c[1], c[0] + 10, c[1], false).rotation(), 1e-9,
                "a half turn is 180, not −180");
    }

    @Test
    void theKnob_isBeyondTheTopEdge_awayFromTheLayer_turnedWithIt() {
        double[] upright = CanvasPane.outline(layer(100, 40, 0, 0, 1, 0).layer());
        double[] k = TransformHandles.knob(upright, 24);
        assertEquals(50, k[0], 1e-9);
        assertEquals(-24, k[1], 1e-9);
        assertEquals(50, k[2], 1e-9);
        assertEquals(0, k[3], 1e-9);
        double[] upsideDown = CanvasPane.outline(layer(100, 40, 0, 0, 1, 180).layer());
        double[] u = TransformHandles.knob(upsideDown, 24);
        assertEquals(50, u[0], 1e-9);
        assertEquals(40 + 24, u[1], 1e-9, "turned half round, the top edge is at the bottom");
        double[] quarter = CanvasPane.outline(layer(100, 40, 0, 0, 1, 90).layer());
        double[] q = TransformHandles.knob(quarter, 24);
        assertEquals(50 + 20 + 24, q[0], 1e-9, "turned a quarter clockwise, the top edge faces right");
        assertEquals(20, q[1], 1e-9);
    }
}

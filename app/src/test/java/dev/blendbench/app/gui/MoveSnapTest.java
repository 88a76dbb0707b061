package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.surface.Surface;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A layer dragged on the canvas snaps to edges and centres within reach, in whole pixels. */
class MoveSnapTest {
    static final MoveSnap.Lines CANVAS = new MoveSnap.Lines(new double[] {0, 100, 200}, new double[] {0, 75, 150});
    /** A 60×40 layer at (40, 30). */
    static final double[] BOX = {40, 30, 100, 70};

    @Test
    void anEdgeWithinReach_landsOnTheLine_andItIsReported() {
        // right edge 100 + 97.2 = 197.2: 2.8 from the canvas's right edge
        MoveSnap.Move m = MoveSnap.move(BOX, 97.2, 12.4, CANVAS, 3, true, false);
        assertEquals(100, m.dx(), "the right edge on 200");
        assertEquals(200, m.guideX());
        assertEquals(12, m.dy(), "nothing within 3 px vertically: the drag, rounded");
        assertTrue(Double.isNaN(m.guideY()));
    }

    @Test
    void theNearestLine_wins_andTheCentreSnapsToo() {
        // centre 70 + 28 = 98: 2 from the canvas's centre; left edge 68: no line near
        MoveSnap.Move m = MoveSnap.move(BOX, 28, -29, CANVAS, 5, true, false);
        assertEquals(30, m.dx(), "the centre on 100");
        assertEquals(100, m.guideX());
        assertEquals(-30, m.dy(), "the top edge, 1 from 0");
        assertEquals(0, m.guideY());
        MoveSnap.Lines two = new MoveSnap.Lines(new double[] {131, 134}, new double[0]);
        assertEquals(34, MoveSnap.move(BOX, 33.4, 0, two, 5, true, false).dx(), "134 is 0.6 away, 131 2.4");
    }

    @Test
    void outOfReach_orSnappingOff_movesByTheDragInWholePixels() {
        assertEquals(new MoveSnap.Move(20, 10, Double.NaN, Double.NaN), MoveSnap.move(BOX, 20.4, 9.6, CANVAS, 3, true, false));
        assertEquals(new MoveSnap.Move(98, 0, Double.NaN, Double.NaN), MoveSnap.move(BOX, 97.6, 0.2, CANVAS, 3, false, false));
    }

    @Test
    void aLineBetweenPixels_isMetWithinHalfAPixel_withoutMovingByAFraction() {
        MoveSnap.Lines odd = new MoveSnap.Lines(new double[] {100.5}, new double[0]);
        MoveSnap.Move m = MoveSnap.move(BOX, 0.8, 0, odd, 3, true, false); // right edge 100.8
        assertEquals(Math.rint(m.dx()), m.dx());
        assertTrue(Math.abs(BOX[2] + m.dx() - 100.5) <= 0.5, "right edge " + (BOX[2] + m.dx()));
    }

    @Test
    void shift_keepsTheMoveOnTheAxisItWentFurthestAlong_andSnapsOnlyThere() {
        MoveSnap.Move m = MoveSnap.move(BOX, 57, 6, CANVAS, 5, true, true);
        assertEquals(0, m.dy(), "vertical part dropped");
        assertTrue(Double.isNaN(m.guideY()), "no vertical snap pulls it off the axis");
        assertEquals(60, m.dx(), "the left edge, 3 from 100");
        MoveSnap.Move v = MoveSnap.move(BOX, -3, -28, CANVAS, 5, true, true);
        assertEquals(0, v.dx(), "horizontal part dropped");
        assertEquals(-30, v.dy(), "the top edge, 2 from 0");
    }

    static LayerItem solid(String name, int w, int h, double x, double y) {
        Surface s = Surface.allocate(w, h);
        s.fill(0xFF808080);
        return LayerItem.of(name, s, x, y);
    }

    @Test
    void linesFor_areTheCanvasAndTheOtherShownLayers_notTheMovedOneOrItsGroup() {
        LayerItem back = solid("back", 300, 200, 0, 0);
        LayerItem hidden = solid("hidden", 10, 10, 7, 7).withVisible(false);
        LayerItem turned = solid("turned", 20, 20, 50, 50).withTransform(1, 90, Filter.BILINEAR); // same box, turned about its centre
        LayerItem inner = solid("inner", 10, 10, 120, 130);
        LayerItem mate = solid("mate", 10, 10, 150, 130);
        Doc flat = new Doc(300, 200, 0, BlendSpace.SRGB, List.of(back, hidden, turned, inner, mate));
        Doc d = flat.withLayers(List.of(back, hidden, turned, LayerItem.group("g", List.of(inner, mate), new dev.blendbench.engine.surface.Rect(0, 0, 300, 200), BlendSpace.SRGB)));
        long innerId = d.layers().get(3).children().get(0).id();
        MoveSnap.Lines l = MoveSnap.linesFor(d, innerId);
        double[] xs = l.xs().clone(), ys = l.ys().clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        // canvas 0 150 300; back 0 150 300; turned 50 60 70; mate 150 155 160 (inner and its group g left out)
        assertArrayEquals(new double[] {0, 50, 60, 70, 150, 155, 160, 300}, xs, 1e-9);
        assertArrayEquals(new double[] {0, 50, 60, 70, 100, 130, 135, 140, 200}, ys, 1e-9);
        assertArrayEquals(new double[] {120, 130, 130, 140}, MoveSnap.bounds(inner, 0, 0), 1e-9);
    }
}

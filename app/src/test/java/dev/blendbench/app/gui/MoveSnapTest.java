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

    @Test
    void together_isThePickedLayerWithTheRowsSelectedWithIt_lessTheLockedAndThoseWhoseGroupMoves() {
        LayerItem a = solid("a", 10, 10, 0, 0), b = solid("b", 10, 10, 20, 0), locked = solid("locked", 10, 10, 40, 0).withLocked(true);
        LayerItem inner = solid("inner", 10, 10, 60, 0), other = solid("other", 10, 10, 80, 0);
        LayerItem g = LayerItem.group("g", List.of(inner, other), new dev.blendbench.engine.surface.Rect(0, 0, 100, 100), BlendSpace.SRGB);
        Doc d = new Doc(100, 100, 0, BlendSpace.SRGB, List.of(a, b, locked, g));
        long innerId = d.layers().get(3).children().get(0).id(), gId = d.layers().get(3).id();
        assertEquals(List.of(a.id()), MoveSnap.together(d, a.id(), List.of(b.id())), "picked outside the selection: alone");
        assertEquals(List.of(a.id()), MoveSnap.together(d, a.id(), List.of(a.id())));
        assertEquals(List.of(a.id(), b.id(), innerId), MoveSnap.together(d, a.id(), List.of(b.id(), a.id(), locked.id(), innerId)),
                "the locked one stays");
        assertEquals(List.of(a.id(), gId), MoveSnap.together(d, a.id(), List.of(a.id(), innerId, gId)), "inner moves with its group");
        assertEquals(List.of(gId), MoveSnap.together(d, innerId, List.of(innerId, gId)), "the picked one too");
        Doc lockedGroup = d.withItem(gId, x -> x.withLocked(true));
        assertEquals(List.of(a.id()), MoveSnap.together(lockedGroup, a.id(), List.of(a.id(), innerId)), "a locked group locks its layers");
    }

    @Test
    void moved_movesEachByTheSameOffset_onTheDocumentsCanvas_evenWhereAGroupReExtends() {
        LayerItem a = solid("a", 10, 10, 0, 0), inner = solid("inner", 10, 10, 60, 40), other = solid("other", 10, 10, 80, 40);
        LayerItem g = LayerItem.group("g", List.of(inner, other), new dev.blendbench.engine.surface.Rect(0, 0, 200, 200), BlendSpace.SRGB);
        Doc d = new Doc(200, 200, 0, BlendSpace.SRGB, List.of(a, g));
        long innerId = d.layers().get(1).children().get(0).id(), otherId = d.layers().get(1).children().get(1).id();
        // moving both layers of the group 50 left: the first one moved re-extends the group's canvas under the second
        Doc m = MoveSnap.moved(d, List.of(innerId, otherId, a.id()), -50, 7);
        assertArrayEquals(new double[] {10, 47, 20, 57}, MoveSnap.bounds(m.find(innerId).orElseThrow(),
                m.locate(innerId).orElseThrow().dx(), m.locate(innerId).orElseThrow().dy()), 1e-9);
        assertArrayEquals(new double[] {30, 47, 40, 57}, MoveSnap.bounds(m.find(otherId).orElseThrow(),
                m.locate(otherId).orElseThrow().dx(), m.locate(otherId).orElseThrow().dy()), 1e-9);
        assertEquals(-50, m.find(a.id()).orElseThrow().x());
    }
}

package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.surface.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edit ▸ Align lines up the selected layers' boxes on the document's canvas, and spaces them evenly. */
class AlignTest {
    static LayerItem solid(String name, int w, int h, double x, double y) {
        return MoveSnapTest.solid(name, w, h, x, y);
    }

    /** a 20×10 at (10, 5), b 40×30 at (50, 40), c 10×10 at (120, 20) on a 200×100 canvas. */
    static Doc three() {
        return new Doc(200, 100, 0, BlendSpace.SRGB, List.of(solid("a", 20, 10, 10, 5), solid("b", 40, 30, 50, 40), solid("c", 10, 10, 120, 20)));
    }

    static List<Long> ids(Doc d) {
        return d.layers().stream().map(LayerItem::id).toList();
    }

    @Test
    void severalLayers_lineUpOnTheBoxAroundThemAll() {
        Doc d = three();
        Doc left = Align.align(d, ids(d), Align.Edge.LEFT);
        for (long id : ids(d)) assertEquals(10, MoveSnap.box(left, id)[0], 1e-9);
        Doc bottom = Align.align(d, ids(d), Align.Edge.BOTTOM);
        for (long id : ids(d)) assertEquals(70, MoveSnap.box(bottom, id)[3], 1e-9);
        Doc right = Align.align(d, ids(d), Align.Edge.RIGHT);
        for (long id : ids(d)) assertEquals(130, MoveSnap.box(right, id)[2], 1e-9);
        // centres: the box is 10..130 across (centre 70) and 5..70 down (37.5)
        Doc centre = Align.align(d, ids(d), Align.Edge.CENTRE);
        for (long id : ids(d)) assertEquals(70, (MoveSnap.box(centre, id)[0] + MoveSnap.box(centre, id)[2]) / 2, 1e-9);
        Doc middle = Align.align(d, ids(d), Align.Edge.MIDDLE);
        for (long id : ids(d)) {
            double[] b = MoveSnap.box(middle, id);
            assertEquals(37.5, (b[1] + b[3]) / 2, 0.5, "within half a pixel: moves are whole pixels");
            assertEquals(Math.rint(b[1]), b[1], "still on the pixel grid");
        }
        assertEquals(d.layers().get(0).y(), left.layers().get(0).y(), "aligning across leaves y alone");
    }

    @Test
    void aSingleLayer_linesUpWithTheCanvas() {
        Doc d = three();
        long b = d.layers().get(1).id();
        assertArrayEquals(new double[] {160, 40, 200, 70}, MoveSnap.box(Align.align(d, List.of(b), Align.Edge.RIGHT), b), 1e-9);
        assertArrayEquals(new double[] {80, 40, 120, 70}, MoveSnap.box(Align.align(d, List.of(b), Align.Edge.CENTRE), b), 1e-9);
        assertArrayEquals(new double[] {50, 0, 90, 30}, MoveSnap.box(Align.align(d, List.of(b), Align.Edge.TOP), b), 1e-9);
    }

    @Test
    void aTurnedLayer_alignsByWhereItsEdgesLand_andNothingToMoveIsTheSameDocument() {
        // 20×20 turned 45° about its centre (20, 20): its corners reach 20 ± 14.14
        LayerItem turned = solid("turned", 20, 20, 10, 10).withTransform(1, 45, Filter.BILINEAR);
        Doc d = new Doc(100, 100, 0, BlendSpace.SRGB, List.of(turned));
        Doc left = Align.align(d, List.of(turned.id()), Align.Edge.LEFT);
        assertEquals(0, MoveSnap.box(left, turned.id())[0], 0.5);
        assertEquals(4, left.layers().get(0).x(), 1e-9, "moved 6 px (its edge was at 5.86), a whole number");
        Doc top = Align.align(d.withItem(turned.id(), l -> l.withPosition(40, 40)), List.of(turned.id()), Align.Edge.CENTRE);
        assertEquals(50, (MoveSnap.box(top, turned.id())[0] + MoveSnap.box(top, turned.id())[2]) / 2, 1e-9);
        Doc placed = d.withItem(turned.id(), l -> l.withPosition(40, 40));
        assertSame(placed, Align.align(placed, List.of(turned.id()), Align.Edge.CENTRE), "already centred");
    }

    @Test
    void distribute_spacesTheInnerLayersEvenly_betweenTheOutermostTwo() {
        Doc d = three(); // across: a 10..30, b 50..90, c 120..130: 120 long, boxes 70, so two gaps of 25
        Doc spread = Align.distribute(d, ids(d), true);
        List<Long> ids = ids(d);
        assertArrayEquals(new double[] {10, 5, 30, 15}, MoveSnap.box(spread, ids.get(0)), 1e-9, "the outermost stay");
        assertArrayEquals(new double[] {120, 20, 130, 30}, MoveSnap.box(spread, ids.get(2)), 1e-9);
        assertEquals(55, MoveSnap.box(spread, ids.get(1))[0], 1e-9, "30 + 25");
        assertEquals(95, MoveSnap.box(spread, ids.get(1))[2], 1e-9, "then 25 to c's 120");
        // down: a 5..15, c 20..30, b 40..70: 65 long, boxes 50, gaps 7.5 each: c moves to 22.5, rounded to a whole pixel
        Doc down = Align.distribute(d, ids, false);
        assertEquals(23, MoveSnap.box(down, ids.get(2))[1], 1e-9);
        assertSame(d, Align.distribute(d, ids.subList(0, 2), true), "two layers: nothing to space");
    }

    @Test
    void layersInAGroup_alignOnTheDocumentsCanvas() {
        LayerItem inner = solid("inner", 10, 10, 60, 40), mate = solid("mate", 10, 10, 80, 50);
        LayerItem g = LayerItem.group("g", List.of(inner, mate), new Rect(0, 0, 200, 100), BlendSpace.SRGB);
        LayerItem out = solid("out", 10, 10, 5, 5);
        Doc d = new Doc(200, 100, 0, BlendSpace.SRGB, List.of(out, g));
        long innerId = d.layers().get(1).children().get(0).id(), mateId = d.layers().get(1).children().get(1).id();
        Doc left = Align.align(d, List.of(innerId, mateId, out.id()), Align.Edge.LEFT);
        for (long id : List.of(innerId, mateId, out.id())) assertEquals(5, MoveSnap.box(left, id)[0], 1e-9);
    }
}

package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clicking the canvas picks the layer whose pixels are under the pointer, rotated or not. */
class CanvasPickTest {
    static Surface opaque(int w, int h) {
        Surface s = Surface.allocate(w, h);
        s.fill(0xFF336699);
        return s;
    }

    /** A 200x200 backdrop and, over it, a 100x20 bar at (50, 90) turned 45° about its centre (100, 100). */
    static Doc scene() {
        LayerItem back = LayerItem.of("back", opaque(200, 200), 0, 0);
        LayerItem bar = LayerItem.of("bar", opaque(100, 20), 50, 90).withTransform(1, 45, Filter.BILINEAR);
        return new Doc(200, 200, 0, BlendSpace.SRGB, List.of(back, bar));
    }

    @Test
    void rotatedLayer_isPickedOnItsPixels_butNotInTheEmptyCornersOfItsBoundingBox() {
        Doc d = scene();
        assertEquals(1, CanvasPane.pick(d, 100, 100), "the bar's centre");
        assertEquals(1, CanvasPane.pick(d, 130, 130), "along the bar's diagonal");
        // (60, 140) lies inside the bar's bounding box (about 58–142 each way) but far off the bar
        assertEquals(0, CanvasPane.pick(d, 60, 140), "an empty corner of the box: the backdrop");
        assertEquals(0, CanvasPane.pick(d, 140, 60));
    }

    @Test
    void transparentPixels_andLockedOrHiddenLayers_areNotPicked() {
        Surface holed = opaque(50, 50);
        holed.setPixel(10, 10, 0);
        Doc d = new Doc(100, 100, 0, BlendSpace.SRGB, List.of(LayerItem.of("back", opaque(100, 100), 0, 0),
                LayerItem.of("holed", holed, 20, 20)));
        assertEquals(1, CanvasPane.pick(d, 31.5, 31.5));
        assertEquals(0, CanvasPane.pick(d, 30.5, 30.5), "through the hole");
        assertEquals(0, CanvasPane.pick(d.withLayer(1, l -> l.withLocked(true)), 31.5, 31.5));
        assertEquals(0, CanvasPane.pick(d.withLayer(1, l -> l.withVisible(false)), 31.5, 31.5));
        assertEquals(-1, CanvasPane.pick(d.withLayer(0, l -> l.withVisible(false)), 5, 5));
    }

    @Test
    void whereAMaskThatIsOnHidesALayer_theClickPassesToTheLayerBelow() {
        byte[] v = new byte[50 * 50];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (i % 50 < 25 ? 0 : 255); // hidden on its left half
        var mask = new dev.blendbench.engine.scene.LayerMask(v, 0, 0, 50, 50, 255, true);
        Doc d = new Doc(100, 100, 0, BlendSpace.SRGB, List.of(LayerItem.of("back", opaque(100, 100), 0, 0),
                LayerItem.of("masked", opaque(50, 50), 20, 20).withMask(mask)));
        assertEquals(0, CanvasPane.pick(d, 30.5, 40.5), "hidden by the mask");
        assertEquals(1, CanvasPane.pick(d, 60.5, 40.5), "shown by it");
        assertEquals(1, CanvasPane.pick(d.withLayer(1, l -> l.withMask(mask.withEnabled(false))), 30.5, 40.5), "the mask off");
        // a rotated layer's mask applies on the canvas too, from the layer's position
        Doc turned = d.withLayer(1, l -> l.withTransform(1, 90, Filter.BILINEAR));
        assertEquals(0, CanvasPane.pick(turned, 30.5, 40.5));
        assertEquals(1, CanvasPane.pick(turned, 60.5, 40.5));
    }

    @Test
    void outline_followsTheLayersEdgesWhereTheyLand() {
        Doc d = scene();
        double[] bar = CanvasPane.outline(d.layers().get(1).layer());
        double r = 50 * Math.sqrt(2) / 2, s = 10 * Math.sqrt(2) / 2; // half-length and half-width along the diagonal
        double[] want = {100 - r + s, 100 - r - s, 100 + r + s, 100 + r - s, 100 + r - s, 100 + r + s, 100 - r - s, 100 - r + s};
        assertArrayEquals(want, bar, 1e-9);
        assertArrayEquals(new double[] {0, 0, 200, 0, 200, 200, 0, 200}, CanvasPane.outline(d.layers().get(0).layer()), 0);
    }

    @Test
    void whileALayerInAGroupIsSelected_aClickPicksAmongItsGroupFirst_elseTheDocumentsLayers() {
        LayerItem back = LayerItem.of("back", opaque(200, 200), 0, 0);
        LayerItem left = LayerItem.of("left", opaque(30, 30), 20, 20), right = LayerItem.of("right", opaque(30, 30), 60, 20);
        LayerItem group = LayerItem.group("g", List.of(left, right), new dev.blendbench.engine.surface.Rect(0, 0, 200, 200), BlendSpace.SRGB);
        Doc d = new Doc(200, 200, 0, BlendSpace.SRGB, List.of(back, group));
        long l = left.id(), r = right.id();
        assertEquals(group.id(), CanvasPane.pick(d, back.id(), 70, 30), "nothing inside a group selected: the group");
        assertEquals(r, CanvasPane.pick(d, l, 70, 30), "the left one selected: its sibling");
        assertEquals(l, CanvasPane.pick(d, l, 25, 25));
        assertEquals(back.id(), CanvasPane.pick(d, l, 150, 150), "outside the group's layers: the document's layer there");
        Doc hidden = d.withItem(r, x -> x.withVisible(false));
        assertEquals(back.id(), CanvasPane.pick(hidden, l, 70, 30), "a hidden layer is not picked");
        Doc locked = d.withItem(r, x -> x.withLocked(true));
        assertEquals(group.id(), CanvasPane.pick(locked, l, 70, 30), "nor a locked one: the group is");
        Doc groupHidden = d.withItem(group.id(), x -> x.withVisible(false));
        assertEquals(back.id(), CanvasPane.pick(groupHidden, l, 25, 25), "nor one in a hidden group");
        Doc groupLocked = d.withItem(group.id(), x -> x.withLocked(true));
        assertEquals(back.id(), CanvasPane.pick(groupLocked, l, 25, 25), "nor one in a locked group");
        assertEquals(List.of("left", "g"), d.withGroupsAround(l).stream().map(LayerItem::name).toList());

        assertEquals(r, CanvasPane.pickDeepest(d, 70, 30), "Ctrl+click: into the group, its layer there");
        assertEquals(back.id(), CanvasPane.pickDeepest(d, 150, 150));
        assertEquals(group.id(), CanvasPane.pickDeepest(locked, 70, 30), "its layer there locked: the group");
        LayerItem outer = LayerItem.group("outer", List.of(d.layers().get(1)), new dev.blendbench.engine.surface.Rect(0, 0, 200, 200), BlendSpace.SRGB);
        Doc nested = new Doc(200, 200, 0, BlendSpace.SRGB, List.of(back, outer));
        assertEquals(l, CanvasPane.pickDeepest(nested, 25, 25), "through two groups");
        Doc scaled = nested.withItem(outer.id(), x -> x.withTransform(1.01, 0, Filter.BILINEAR));
        assertEquals(outer.id(), CanvasPane.pickDeepest(scaled, 25, 25), "not into a group drawn as its pixels");
    }
}

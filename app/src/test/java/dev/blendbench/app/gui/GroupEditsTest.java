package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Layers inside groups edited as the layers panel edits them: each edit renders exactly as the
 * same layers placed directly in an engine group would, and layers stay where they are on the
 * canvas while their group's own canvas follows them.
 */
class GroupEditsTest {
    private static final int W = 90, H = 70;

    private static Surface gradient(int w, int h, int seed) {
        Surface s = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = (x * 7 + y * 3 + seed * 40) % 256;
                int r = (x * 11 + seed * 90) % 256 * a / 255, g = (y * 13) % 256 * a / 255, b = (x + y + seed) % 256 * a / 255;
                s.setPixel(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        return s;
    }

    /** A backdrop, a group ("g": two layers, multiply at 60 %) and a layer above it. */
    private static Doc doc() {
        Scene inside = new Scene(40, 30, 0, List.of(Layer.of("g1", gradient(30, 20, 1)),
                new Layer("g2", gradient(25, 25, 2), 15, 5, BlendMode.SCREEN, 0.8f, true)));
        Layer g = Groups.of("g", inside, 20, 15, BlendMode.MULTIPLY, 0.6f, true);
        return Doc.of(new Scene(W, H, 0xFF204060, List.of(Layer.of("back", gradient(W, H, 3)), g,
                new Layer("top", gradient(20, 20, 4), 60, 40, BlendMode.OVERLAY, 0.9f, true))));
    }

    private static int[] render(Doc d) {
        Scene s = d.scene();
        Surface out = Surface.allocate(s.width(), s.height());
        TileRenderer.singleThreaded().render(s, out);
        return out.array();
    }

    private static long id(Doc d, String name) {
        return ids(d.layers()).stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static List<LayerItem> ids(List<LayerItem> ls) {
        List<LayerItem> all = new ArrayList<>();
        for (LayerItem l : ls) {
            all.add(l);
            all.addAll(ids(l.children()));
        }
        return all;
    }

    /** Where a layer is on the document's canvas. */
    private static List<Double> at(Doc d, String name) {
        long id = id(d, name);
        Doc.Place p = d.locate(id).orElseThrow();
        LayerItem l = d.find(id).orElseThrow();
        return List.of(l.x() + p.dx(), l.y() + p.dy());
    }

    /** The reference: the group's layers placed on the document's canvas, in an engine group the canvas's size. */
    private static int[] reference(Doc d, List<Layer> groupLayersOnCanvas) {
        List<Layer> top = new ArrayList<>();
        for (LayerItem l : d.layers()) {
            top.add(l.isGroup() ? Groups.of(l.name(), new Scene(W, H, 0, groupLayersOnCanvas), 0, 0, l.mode(), l.opacity(), l.visible())
                    : l.layer());
        }
        Surface out = Surface.allocate(W, H);
        TileRenderer.singleThreaded().render(new Scene(W, H, d.background(), top, BlendSpace.SRGB), out);
        return out.array();
    }

    @Test
    void movingALayerInAGroup_pastItsCanvas_growsTheGroup_andRendersAsTheLayersPlacedDirectly() {
        Doc d = doc();
        Doc moved = d.withItem(id(d, "g2"), l -> l.withPosition(l.x() + 30, l.y() + 20)); // from 35,20 to 65,40: past the group's 40x30
        assertEquals(List.of(65.0, 40.0), at(moved, "g2"));
        assertEquals(List.of(20.0, 15.0), at(moved, "g1"), "its sibling stays where it was");
        LayerItem g = moved.find(id(d, "g")).orElseThrow();
        assertEquals(List.of(20, 15, 70, 50), List.of(g.layer().x(), g.layer().y(), g.source().width(), g.source().height()),
                "the group's canvas: its layers' bounds, clipped to the document's (65 + 25 > 90)");
        Layer g2 = moved.find(id(d, "g2")).orElseThrow().layer();
        assertArrayEquals(reference(moved, List.of(d.find(id(d, "g1")).orElseThrow().layer().withPosition(20, 15), g2.withPosition(65, 40))),
                render(moved));
    }

    @Test
    void hidingAndScalingALayerInAGroup_rendersAsTheLayersPlacedDirectly() {
        Doc d = doc();
        Doc edited = d.withItem(id(d, "g1"), l -> l.withVisible(false)).withItem(id(d, "g2"), l -> l.withTransform(1.5, 20, Filter.LANCZOS3));
        LayerItem g2 = edited.find(id(d, "g2")).orElseThrow();
        Doc.Place p = edited.locate(g2.id()).orElseThrow();
        assertEquals(List.of(35.0, 20.0), at(edited, "g2"));
        Layer g2OnCanvas = g2.layer().withPosition(g2.layer().x() + p.dx(), g2.layer().y() + p.dy());
        assertArrayEquals(reference(edited, List.of(d.find(id(d, "g1")).orElseThrow().layer().withVisible(false), g2OnCanvas)),
                render(edited));
        assertNotEquals(List.of(20, 15), List.of(edited.find(id(d, "g")).orElseThrow().layer().x(),
                edited.find(id(d, "g")).orElseThrow().layer().y()), "the hidden layer no longer holds the group's corner");
    }

    @Test
    void groupingALayer_leavesThePictureAsItWas_inEveryMode() {
        for (BlendMode m : BlendMode.values()) {
            Doc d = doc();
            long top = id(d, "top");
            d = d.withItem(top, l -> l.withMode(m).withOpacity(0.7f).withPosition(75.5, 52)); // resampled, and partly off the canvas
            GroupEdits.Edit e = GroupEdits.group(d, top, GroupEdits.nextGroupName(d));
            assertArrayEquals(render(d), render(e.doc()), m.cssName());
            LayerItem g = e.doc().find(e.select()).orElseThrow();
            assertEquals(List.of(m, 0.7f, 1), List.of(g.mode(), g.opacity(), g.groupSize()), "the group took the layer's mode and opacity");
            assertEquals("Group 2", g.name());
            assertEquals(List.of(75.5, 52.0), at(e.doc(), "top"));
        }
    }

    @Test
    void ungroupingAPlainGroup_putsItsLayersWhereTheyWere_andRendersWithinALevel() {
        Doc d = doc();
        d = d.withItem(id(d, "g"), l -> l.withMode(BlendMode.SOURCE_OVER).withOpacity(1f))
                .withItem(id(d, "g2"), l -> l.withMode(BlendMode.SOURCE_OVER).withOpacity(1f));
        GroupEdits.Edit e = GroupEdits.ungroup(d, id(d, "g"));
        assertEquals(List.of("back", "g1", "g2", "top"), e.doc().layers().stream().map(LayerItem::name).toList());
        assertEquals(List.of(20.0, 15.0), at(e.doc(), "g1"));
        assertEquals(List.of(35.0, 20.0), at(e.doc(), "g2"));
        assertEquals("", e.message().replace("Ungrouped g", ""), "a plain group's ungrouping says nothing more");
        int[] a = render(d), b = render(e.doc());
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s < 32; s += 8) {
                assertTrue(Math.abs((a[i] >>> s & 0xFF) - (b[i] >>> s & 0xFF)) <= 1, "pixel " + i); // source-over is associative up to rounding
            }
        }
        Doc fresh = doc();
        GroupEdits.Edit multiply = GroupEdits.ungroup(fresh, id(fresh, "g"));
        assertEquals("Ungrouped g: its blend mode multiply and opacity 60 % no longer apply (Undo puts the group back)", multiply.message());
        Doc masked = fresh.withItem(id(fresh, "g2"), l -> l.withMode(BlendMode.DESTINATION_IN));
        assertTrue(GroupEdits.ungroup(masked, id(masked, "g")).message().endsWith(
                "no longer apply; 'g2' (destination-in) now acts on all that is below it (Undo puts the group back)"));
    }

    @Test
    void movingALayerIntoAndOutOfAGroup_keepsItWhereItIsOnTheCanvas() {
        Doc d = doc();
        GroupEdits.Edit in = GroupEdits.moveOnto(d, id(d, "top"), id(d, "g1"), false);
        assertEquals(List.of("back", "g"), in.doc().layers().stream().map(LayerItem::name).toList());
        assertEquals(List.of("g1", "top", "g2"), in.doc().find(id(d, "g")).orElseThrow().children().stream().map(LayerItem::name).toList());
        assertEquals(List.of(60.0, 40.0), at(in.doc(), "top"));
        assertEquals("Move top to g", in.what());
        assertEquals("Moved top to g, where it was on the canvas", in.message());
        GroupEdits.Edit out = GroupEdits.moveOnto(in.doc(), id(d, "g2"), id(d, "back"), true);
        assertEquals(List.of("g2", "back", "g"), out.doc().layers().stream().map(LayerItem::name).toList());
        assertEquals(List.of(35.0, 20.0), at(out.doc(), "g2"));
        GroupEdits.Edit outOfGroup = GroupEdits.moveOnto(in.doc(), id(d, "top"), id(d, "g"), false); // the menu's Move Out of Group
        assertEquals(List.of("back", "g", "top"), outOfGroup.doc().layers().stream().map(LayerItem::name).toList());
        assertEquals(List.of(60.0, 40.0), at(outOfGroup.doc(), "top"));
        assertArrayEquals(render(d), render(outOfGroup.doc()), "back where it started, it renders as it did");
    }

    @Test
    void aLayerInAScaledGroup_isOutlinedByItsGroup() {
        Doc d = doc();
        Doc scaled = d.withItem(id(d, "g"), g -> g.withTransform(2, 0, Filter.BILINEAR));
        assertEquals("g", scaled.transformedGroupAround(id(d, "g1")).orElseThrow().name());
        assertTrue(d.transformedGroupAround(id(d, "g1")).isEmpty());
        assertTrue(scaled.transformedGroupAround(id(d, "g")).isEmpty(), "a group is not around itself");
    }

    @Test
    void aGroup_isNotMovedIntoItself_norItsOnlyLayerOutOfIt() {
        Doc d = doc();
        assertEquals("A group cannot be moved into itself",
                assertThrows(IllegalArgumentException.class, () -> GroupEdits.moveOnto(d, id(d, "g"), id(d, "g1"), false)).getMessage());
        Doc one = d.withItem(id(d, "g"), g -> g.withChildren(List.of(g.children().get(0)), new dev.blendbench.engine.surface.Rect(-20, -15, W, H)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GroupEdits.moveOnto(one, id(d, "g1"), id(d, "top"), false))
                .getMessage().contains("only layer"));
        assertThrows(IllegalArgumentException.class, () -> d.withList(id(d, "g"), ls -> List.of()), "a group is never empty");
    }

    @Test
    void duplicatingAGroup_givesItsLayersNewIds() {
        Doc d = doc();
        LayerItem copy = d.find(id(d, "g")).orElseThrow().duplicate();
        List<LayerItem> all = new ArrayList<>(d.layers());
        all.add(copy);
        Set<Long> seen = new HashSet<>();
        for (LayerItem l : ids(all)) assertTrue(seen.add(l.id()), "id " + l.id() + " of " + l.name() + " appears once");
    }

    @Test
    void editedGroups_saveAsOpenRasterStacks_andReadBackAsTheSameGroups() throws Exception {
        Doc d = doc();
        d = d.withItem(id(d, "g2"), l -> l.withPosition(l.x() + 30, l.y() + 20));
        GroupEdits.Edit grouped = GroupEdits.group(d, id(d, "top"), "Group 2");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        dev.blendbench.engine.document.OpenRaster.write(grouped.doc().scene(), bytes);
        Doc back = Doc.of(dev.blendbench.engine.document.OpenRaster.read(bytes.toByteArray(), "saved.ora",
                dev.blendbench.engine.document.DocumentLimits.DEFAULT).scene());
        assertEquals(List.of("back", "g", "Group 2"), back.layers().stream().map(LayerItem::name).toList());
        assertEquals(List.of(2, 1), List.of(back.layers().get(1).groupSize(), back.layers().get(2).groupSize()));
        assertArrayEquals(render(grouped.doc()), render(back));
    }

    @Test
    void mergingAGroup_makesOneLayerOfItsComposite_thatRendersTheSame_scaledOrNot() {
        Doc d = doc();
        long g = id(d, "g");
        for (Doc before : List.of(d, d.withItem(g, l -> l.withTransform(0.8, 15, Filter.MITCHELL)))) {
            GroupEdits.Edit e = GroupEdits.merge(before, g);
            LayerItem flat = e.doc().find(e.select()).orElseThrow();
            assertEquals(List.of("g", false, BlendMode.MULTIPLY, 0.6f), List.of(flat.name(), flat.isGroup(), flat.mode(), flat.opacity()));
            assertArrayEquals(render(before), render(e.doc()));
            assertEquals("Merged g into one layer of its 2 layers' composite", e.message());
        }
        assertThrows(IllegalArgumentException.class, () -> GroupEdits.merge(d, id(d, "top")));
    }

    /**
     * The document's layers as engine layers read straight from the tree: each group a group over
     * the whole document canvas, its layers at their canvas positions. Independent of the groups'
     * own canvases, which the edits keep moving.
     */
    private static List<Layer> straight(List<LayerItem> ls, int dx, int dy, int w, int h) {
        List<Layer> out = new ArrayList<>();
        for (LayerItem l : ls) {
            Layer e = l.layer();
            if (l.isGroup()) {
                List<Layer> inside = straight(l.children(), dx + e.x(), dy + e.y(), w, h);
                out.add(l.isPassThrough()
                        ? Groups.passThrough(l.name(), new Scene(w, h, 0, inside, BlendSpace.SRGB), 0, 0, l.visible()).withOpacity(l.opacity())
                        : Groups.of(l.name(), new Scene(w, h, 0, inside, BlendSpace.SRGB), 0, 0, l.mode(), l.opacity(), l.visible()));
            } else {
                out.add(e.withPosition(e.x() + dx, e.y() + dy));
            }
        }
        return out;
    }

    /** The tree, a line a layer, for a failure's message. */
    private static String dump(List<LayerItem> ls, String in) {
        StringBuilder b = new StringBuilder();
        for (LayerItem l : ls) {
            Layer e = l.layer();
            b.append(in).append(l.name()).append(' ').append(l.mode().cssName()).append(' ').append(l.opacity()).append(l.visible() ? "" : " hidden")
                    .append(" at ").append(e.x()).append(',').append(e.y()).append(" size ").append(e.source().width()).append('x').append(e.source().height())
                    .append(e.isTransformed() ? " transformed " + e.bounds() : "").append('\n');
            b.append(dump(l.children(), in + "  "));
        }
        return b.toString();
    }

    @Test
    void aPassThroughGroupHoldingALayerThatClearsOutsideItself_repaintsTheWholeCanvasWhenItChanges() {
        LayerItem bg = LayerItem.of("bg", Surface.filled(W, H, 0xFF808080), 0, 0);
        LayerItem keep = LayerItem.of("keep", Surface.filled(20, 20, 0xFFFFFFFF), 10, 10).withMode(BlendMode.DESTINATION_IN);
        LayerItem g = LayerItem.group("g", List.of(keep), new dev.blendbench.engine.surface.Rect(0, 0, W, H), BlendSpace.SRGB).withPassThrough(true);
        Doc d = new Doc(W, H, 0, BlendSpace.SRGB, List.of(bg, g));
        // the destination-in layer clears all of the grey outside it; at 50 % the group only half clears it
        Doc faded = d.withItem(g.id(), l -> l.withOpacity(0.5f));
        int[] before = render(d), after = render(faded);
        assertEquals(0, before[(H - 1) * W + W - 1] >>> 24, "cleared far from the group");
        assertEquals(127.5, after[(H - 1) * W + W - 1] >>> 24, 0.5, "half cleared");
        assertNull(DocumentModel.dirtyBetween(d, faded), "the whole canvas is composited again");
        Doc moved = d.withItem(keep.id(), l -> l.withPosition(30, 20));
        assertNull(DocumentModel.dirtyBetween(d, moved), "a layer moved in it: the whole canvas again");
    }

    @Test
    void randomEditsOfGroups_renderAsTheirLayersPlacedStraightOnTheCanvas() {
        java.util.Random rnd = new java.util.Random(25);
        BlendMode[] modes = BlendMode.values();
        int checked = 0;
        for (int trial = 0; trial < 120; trial++) {
            List<LayerItem> ls = new ArrayList<>();
            for (int i = 0, n = 3 + rnd.nextInt(4); i < n; i++) {
                LayerItem l = LayerItem.of("l" + i, gradient(10 + rnd.nextInt(40), 8 + rnd.nextInt(30), rnd.nextInt(9)),
                        rnd.nextInt(W) - 15, rnd.nextInt(H) - 10);
                ls.add(l.withMode(modes[rnd.nextInt(modes.length)]).withOpacity(0.3f + 0.7f * rnd.nextFloat()));
            }
            Doc d = new Doc(W, H, rnd.nextBoolean() ? 0 : 0xFF102030, BlendSpace.SRGB, ls);
            for (int step = 0; step < 10; step++) {
                List<LayerItem> all = ids(d.layers());
                LayerItem a = all.get(rnd.nextInt(all.size())), b = all.get(rnd.nextInt(all.size()));
                Doc before = d;
                try {
                    d = switch (rnd.nextInt(10)) {
                        case 8 -> a.isGroup() ? d.withItem(a.id(), l -> l.withPassThrough(!l.isPassThrough())) : d; // a clipping one refuses
                        case 9 -> d.withItem(a.id(), l -> l.withOpacity(0.2f + 0.8f * rnd.nextFloat())); // fades a pass-through group
                        case 7 -> d.withSize(W - 25, H - 20).withItem(a.id(), l -> l.withPosition(l.x() + 1, l.y())).withSize(W, H); // cut, then grown back
                        case 0 -> GroupEdits.group(d, a.id(), "G" + step).doc();
                        case 1 -> a.isGroup() ? GroupEdits.ungroup(d, a.id()).doc() : d;
                        case 2 -> GroupEdits.moveOnto(d, a.id(), b.id(), rnd.nextBoolean()).doc();
                        case 3 -> d.withItem(a.id(), l -> l.withPosition(l.x() + rnd.nextInt(41) - 20, l.y() + rnd.nextInt(31) - 15));
                        case 4 -> a.isGroup() ? d : d.withItem(a.id(), l -> l.withTransform(0.5 + rnd.nextDouble(), rnd.nextInt(90), Filter.BILINEAR));
                        case 5 -> d.withItem(a.id(), l -> l.withVisible(!l.visible()));
                        default -> a.isGroup() ? GroupEdits.merge(d, a.id()).doc() : d.withItem(a.id(), l -> l.withMode(modes[rnd.nextInt(modes.length)]));
                    };
                } catch (IllegalArgumentException refused) {
                    d = before; // a group into itself, a group's only layer out of it: refused, the document as it was
                }
                Surface want = Surface.allocate(W, H);
                TileRenderer.singleThreaded().render(new Scene(W, H, d.background(), straight(d.layers(), 0, 0, W, H), BlendSpace.SRGB), want);
                int t = trial, st = step;
                Doc was = before, now = d;
                assertArrayEquals(want.array(), render(d), () -> "trial " + t + ", step " + st + ", before:\n" + dump(was.layers(), "")
                        + "after:\n" + dump(now.layers(), ""));
                // the workbench re-composites only this rectangle of the canvas: nothing outside it may change
                dev.blendbench.engine.surface.Rect dirty = DocumentModel.dirtyBetween(before, d);
                if (dirty != null) {
                    int[] a0 = render(before), a1 = render(d);
                    for (int p = 0; p < a0.length; p++) {
                        int px = p % W, py = p / W;
                        boolean inside = px >= dirty.x() && py >= dirty.y() && px < dirty.right() && py < dirty.bottom();
                        if (!inside && a0[p] != a1[p]) {
                            org.junit.jupiter.api.Assertions.fail("trial " + t + ", step " + st + ": pixel " + px + "," + py
                                    + " changed outside the dirty rectangle " + dirty + "\nbefore:\n" + dump(was.layers(), "") + "after:\n" + dump(now.layers(), ""));
                        }
                    }
                }
                Set<Long> seen = new HashSet<>();
                for (LayerItem l : ids(d.layers())) {
                    assertTrue(seen.add(l.id()), "ids stay unique");
                    if (l.isGroup()) { // its stored pixels, partly composited again at each edit, are its layers' composite
                        Surface fresh = Surface.allocate(l.source().width(), l.source().height());
                        TileRenderer.singleThreaded().render(l.layer().isGroup() ? l.layer().group() : new Scene(fresh.width(), fresh.height(), 0,
                                l.children().stream().map(LayerItem::layer).toList(), BlendSpace.SRGB), fresh);
                        assertArrayEquals(fresh.array(), l.source().array(), () -> "the pixels of " + l.name() + ", trial " + t + ", step " + st);
                    }
                }
                checked++;
            }
        }
        assertEquals(1200, checked);
    }

    @Test
    void groupingSeveralLayers_putsThemInOneGroupWhereTheTopmostWas_andNamesThoseWhoseBlendingChanges() {
        Doc d = doc(); // back, g (g1, g2), top
        GroupEdits.Edit e = GroupEdits.group(d, List.of(id(d, "top"), id(d, "back")), "Group 2");
        assertEquals(List.of("g", "Group 2"), e.doc().layers().stream().map(LayerItem::name).toList(), "where the topmost was");
        LayerItem g = e.doc().find(e.select()).orElseThrow();
        assertEquals(List.of("back", "top"), g.children().stream().map(LayerItem::name).toList(), "in their order");
        assertEquals(List.of(60.0, 40.0), at(e.doc(), "top"));
        assertEquals("Grouped 2 layers: 'back' came up from below 'g' to join the group; in the group, 'top' (overlay) blends only "
                + "with the group's layers below (Undo puts them back)", e.message());
        assertThrows(IllegalArgumentException.class, () -> GroupEdits.group(d, List.of(id(d, "top"), id(d, "g1")), "x"),
                "layers of different groups");

        Doc plain = d.withItem(id(d, "g2"), l -> l.withMode(BlendMode.SOURCE_OVER)).withItem(id(d, "g1"), l -> l.withOpacity(0.5f));
        GroupEdits.Edit p = GroupEdits.group(plain, List.of(id(d, "g2"), id(d, "g1")), "Group 2"); // in g, next to each other
        assertEquals("Grouped 2 layers", p.message(), "source-over layers blend the same inside a group");
        assertEquals(List.of("Group 2"), p.doc().find(id(d, "g")).orElseThrow().children().stream().map(LayerItem::name).toList());
        int[] a = render(plain), b = render(p.doc());
        for (int k = 0; k < a.length; k++) {
            for (int sh = 0; sh < 32; sh += 8) assertTrue(Math.abs((a[k] >>> sh & 0xFF) - (b[k] >>> sh & 0xFF)) <= 1, "pixel " + k);
        }
    }

    @Test
    void duplicatingSeveralLayers_copiesEachAboveItself_andALayerChosenWithItsGroupOnce() {
        Doc d = doc();
        GroupEdits.Edit e = GroupEdits.duplicate(d, List.of(id(d, "back"), id(d, "g"), id(d, "g1")));
        assertEquals(List.of("back", "back copy", "g", "g copy", "top"), e.doc().layers().stream().map(LayerItem::name).toList());
        assertEquals(List.of("g1", "g2"), e.doc().find(id(d, "g")).orElseThrow().children().stream().map(LayerItem::name).toList(),
                "g1 came with its group's copy, not as a copy of its own");
        assertEquals("g copy", e.doc().find(e.select()).orElseThrow().name());
        assertEquals("Duplicate 2 layers", e.what());
        assertEquals("Duplicate layer", GroupEdits.duplicate(d, List.of(id(d, "g2"))).what());
        assertEquals(List.of("g1", "g2", "g2 copy"), GroupEdits.duplicate(d, List.of(id(d, "g2"))).doc().find(id(d, "g")).orElseThrow()
                .children().stream().map(LayerItem::name).toList());
    }

    @Test
    void deletingSeveralLayers_deletesAGroupLeftEmpty() {
        Doc d = doc();
        GroupEdits.Edit e = GroupEdits.delete(d, List.of(id(d, "g1"), id(d, "top"), id(d, "g2")));
        assertEquals(List.of("back"), e.doc().layers().stream().map(LayerItem::name).toList());
        assertEquals("Delete 3 layers", e.what());
        GroupEdits.Edit withGroup = GroupEdits.delete(d, List.of(id(d, "g"), id(d, "g1")));
        assertEquals(List.of("back", "top"), withGroup.doc().layers().stream().map(LayerItem::name).toList());
        assertEquals("Delete 1 layer", withGroup.what(), "the layer inside the deleted group went with it");
    }

    @Test
    void mergingALayerDown_makesOneLayerOfTheTwo_asAnEngineGroupOfThemWouldRender_andSaysWhatChanged() {
        Doc d = doc(); // back, g (multiply 60 %: g1, g2 screen 80 %), top (overlay 90 %)
        GroupEdits.Edit e = GroupEdits.mergeDown(d, id(d, "top"));
        assertEquals(List.of("back", "g"), e.doc().layers().stream().map(LayerItem::name).toList());
        LayerItem merged = e.doc().find(e.select()).orElseThrow();
        assertEquals(List.of("g", false, BlendMode.MULTIPLY, 0.6f), List.of(merged.name(), merged.isGroup(), merged.mode(), merged.opacity()));
        assertEquals("Merge top down", e.what());
        assertEquals("Merged top into g: 'top' (overlay) blended with 'g' alone; 'g''s multiply at 60 % now applies to 'top' too"
                + " (Undo puts them back)", e.message());
        LayerItem g = d.find(id(d, "g")).orElseThrow(), top = d.find(id(d, "top")).orElseThrow();
        Layer pair = Groups.of("g", new Scene(W, H, 0, List.of(g.layer().withMode(BlendMode.SOURCE_OVER).withOpacity(1f), top.layer())),
                0, 0, BlendMode.MULTIPLY, 0.6f, true);
        Surface want = Surface.allocate(W, H);
        TileRenderer.singleThreaded().render(new Scene(W, H, d.background(), List.of(d.layers().getFirst().layer(), pair)), want);
        assertArrayEquals(want.array(), render(e.doc()));

        // inside a group, two plain layers: the picture stays, up to rounding
        Doc plain = d.withItem(id(d, "g2"), l -> l.withMode(BlendMode.NORMAL).withOpacity(0.7f));
        GroupEdits.Edit in = GroupEdits.mergeDown(plain, id(d, "g2"));
        assertEquals("Merged g2 into g1", in.message());
        assertEquals(List.of("g1"), in.doc().find(id(d, "g")).orElseThrow().children().stream().map(LayerItem::name).toList());
        int[] a = render(plain), b = render(in.doc());
        for (int k = 0; k < a.length; k++) {
            for (int sh = 0; sh < 32; sh += 8) assertTrue(Math.abs((a[k] >>> sh & 0xFF) - (b[k] >>> sh & 0xFF)) <= 1, "pixel " + k);
        }
    }

    @Test
    void mergingDown_isRefusedForABottomLayer_andForHiddenOrLockedOnes_withTheReason() {
        Doc d = doc();
        assertEquals("'back' is the bottom layer: there is no layer below it to merge it into",
                assertThrows(IllegalArgumentException.class, () -> GroupEdits.mergeDown(d, id(d, "back"))).getMessage());
        assertEquals("'g1' is the bottom layer of its group: there is no layer below it to merge it into",
                assertThrows(IllegalArgumentException.class, () -> GroupEdits.mergeDown(d, id(d, "g1"))).getMessage());
        assertEquals("'g' is hidden: show it to merge it", assertThrows(IllegalArgumentException.class,
                () -> GroupEdits.mergeDown(d.withItem(id(d, "g"), l -> l.withVisible(false)), id(d, "top"))).getMessage());
        assertEquals("'top' is locked: unlock it to merge it", assertThrows(IllegalArgumentException.class,
                () -> GroupEdits.mergeDown(d.withItem(id(d, "top"), l -> l.withLocked(true)), id(d, "top"))).getMessage());
    }

    @Test
    void mergingTheVisibleLayers_overATransparentBackground_leavesThePictureBitForBit_andKeepsTheHiddenOnes() {
        Doc d = doc().withBackground(0);
        Doc withHidden = d.withItem(id(d, "back"), l -> l.withVisible(false));
        GroupEdits.Edit e = GroupEdits.mergeVisible(withHidden);
        assertEquals(List.of("back", "Merged"), e.doc().layers().stream().map(LayerItem::name).toList());
        assertEquals("Merged 2 visible layers into one", e.message());
        assertArrayEquals(render(withHidden), render(e.doc()));
        GroupEdits.Edit all = GroupEdits.mergeVisible(d);
        assertEquals(List.of("Merged"), all.doc().layers().stream().map(LayerItem::name).toList());
        assertArrayEquals(render(d), render(all.doc()));

        GroupEdits.Edit onColour = GroupEdits.mergeVisible(doc());
        assertEquals("Merged 3 visible layers into one: 'g' (multiply), 'top' (overlay) no longer blend with the background colour"
                + " (Undo puts them back)", onColour.message());
        Doc one = d.withItem(id(d, "g"), l -> l.withVisible(false)).withItem(id(d, "top"), l -> l.withVisible(false));
        assertEquals("Only one layer is visible: nothing to merge it with",
                assertThrows(IllegalArgumentException.class, () -> GroupEdits.mergeVisible(one)).getMessage());
    }

    @Test
    void clippingALayerToTheOneBelow_makesAClippingGroupThatRendersAsTheEngineClipsIt_andReleasingItGivesThePictureBack() {
        Doc d = doc(); // back, g (multiply 60 %), top (overlay 90 %)
        LayerItem g = d.find(id(d, "g")).orElseThrow(), top = d.find(id(d, "top")).orElseThrow();
        GroupEdits.Edit e = GroupEdits.clipToBelow(d, top.id());
        assertEquals("Clipped top to g: it shows only where g has pixels", e.message());
        LayerItem clip = e.doc().layers().get(1);
        assertTrue(clip.isClipping());
        assertEquals(List.of("g", BlendMode.MULTIPLY, 0.6f), List.of(clip.name(), clip.mode(), clip.opacity()));
        assertEquals(List.of("g", "top"), clip.children().stream().map(LayerItem::name).toList());
        Layer want = Groups.of("g", new Scene(W, H, 0, List.of(g.layer().withMode(BlendMode.SOURCE_OVER).withOpacity(1f), top.layer()),
                BlendSpace.SRGB, true), 0, 0, BlendMode.MULTIPLY, 0.6f, true);
        Surface ref = Surface.allocate(W, H);
        TileRenderer.singleThreaded().render(new Scene(W, H, d.background(), List.of(d.layers().getFirst().layer(), want)), ref);
        assertArrayEquals(ref.array(), render(e.doc()));
        assertNotEquals(java.util.Arrays.hashCode(render(d)), java.util.Arrays.hashCode(render(e.doc())), "clipping changed the picture");
        Doc c = e.doc();
        assertEquals("Clipped to 'g': it shows only where that has pixels (Ctrl+Alt+G releases it)",
                PropertiesPanel.clippingNote(c, c.find(top.id()).orElseThrow(), c.locate(top.id()).orElseThrow()));
        assertEquals("A clipping group: its layers above 'g' show only where it has pixels (Ctrl+Alt+G releases them)",
                PropertiesPanel.clippingNote(c, clip, c.locate(clip.id()).orElseThrow()));
        assertEquals("", PropertiesPanel.clippingNote(d, top, d.locate(top.id()).orElseThrow()), "an unclipped layer: nothing to say");

        // a layer above a clipping group joins it; the layer clipped already is not clipped twice
        Doc more = e.doc().withLayers(List.of(e.doc().layers().get(0), clip, LayerItem.of("more", gradient(30, 30, 5), 10, 10)));
        GroupEdits.Edit joined = GroupEdits.clipToBelow(more, id(more, "more"));
        assertEquals(List.of("g", "top", "more"), joined.doc().layers().get(1).children().stream().map(LayerItem::name).toList());
        assertEquals(List.of(10.0, 10.0), at(joined.doc(), "more"), "where it was on the canvas");
        assertEquals("'top' is already clipped to 'g'", assertThrows(IllegalArgumentException.class,
                () -> GroupEdits.clipToBelow(joined.doc(), id(joined.doc(), "top"))).getMessage());
        assertEquals("'back' has no layer below it to be clipped to",
                assertThrows(IllegalArgumentException.class, () -> GroupEdits.clipToBelow(d, id(d, "back"))).getMessage());

        // releasing the topmost clipped layer only: it leaves the group, just above it
        GroupEdits.Edit one = GroupEdits.releaseClipping(joined.doc(), id(joined.doc(), "more"));
        assertEquals(List.of("back", "g", "more"), one.doc().layers().stream().map(LayerItem::name).toList());
        assertEquals(List.of("g", "top"), one.doc().layers().get(1).children().stream().map(LayerItem::name).toList());
        assertEquals("Released 'more' from 'g': it shows outside it again (Undo puts it back)", one.message());
        // releasing from the first clipped layer: the group goes, its base takes its mode and opacity back
        GroupEdits.Edit all = GroupEdits.releaseClipping(e.doc(), id(e.doc(), "top"));
        assertEquals(List.of("back", "g", "top"), all.doc().layers().stream().map(LayerItem::name).toList());
        assertArrayEquals(render(d), render(all.doc()), "the picture before the clipping, bit for bit");
        assertEquals("'back' is not clipped, nor a clipping group",
                assertThrows(IllegalArgumentException.class, () -> GroupEdits.releaseClipping(d, id(d, "back"))).getMessage());
    }
}

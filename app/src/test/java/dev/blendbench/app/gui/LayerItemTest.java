package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A group layer stays a group through the editor's edits, and is its pixels while transformed. */
class LayerItemTest {
    private static Layer group() {
        Surface red = Surface.allocate(30, 20);
        red.fill(0xFFFF0000);
        return Groups.of("group", new Scene(30, 20, 0, List.of(Layer.of("red", red), Layer.of("again", red))),
                4, 5, BlendMode.MULTIPLY, 0.5f, true);
    }

    @Test
    void aGroup_keepsItsLayersThroughEdits() {
        LayerItem item = LayerItem.fromLayer(group());
        assertTrue(item.isGroup());
        assertEquals(2, item.groupSize());
        LayerItem edited = item.withName("renamed").withOpacity(0.25f).withMode(BlendMode.SCREEN).withVisible(false)
                .withPosition(10, 12).withLocked(true).duplicate();
        assertTrue(edited.layer().isGroup());
        assertEquals(group().group().layers().size(), edited.layer().group().layers().size());
        assertEquals(List.of(10, 12), List.of(edited.layer().x(), edited.layer().y()));
    }

    @Test
    void aTransformedGroup_isItsPixelsResampled_untilTheTransformIsUndone() {
        LayerItem item = LayerItem.fromLayer(group());
        LayerItem scaled = item.withTransform(1.5, 0, Filter.BILINEAR);
        assertFalse(scaled.layer().isGroup());
        assertTrue(scaled.layer().isTransformed());
        assertTrue(scaled.isGroup(), "the editor still knows the group");
        LayerItem back = scaled.withTransform(1, 0, Filter.BILINEAR);
        assertTrue(back.layer().isGroup());
        assertFalse(back.layer().isTransformed());
    }

    private static Layer passThrough() {
        Surface red = Surface.allocate(30, 20);
        red.fill(0xFFFF0000);
        return Groups.passThrough("folder", new Scene(30, 20, 0, List.of(Layer.of("red", red),
                new Layer("multiply", red, 5, 5, BlendMode.MULTIPLY, 1f, true))), 4, 5, true);
    }

    @Test
    void aPassThroughGroup_staysOneThroughEditsOfItsLayersAndItsOpacity_andAModeOfItsOwnIsolatesIt() {
        LayerItem item = LayerItem.fromLayer(passThrough());
        assertTrue(item.isPassThrough());
        assertTrue(item.layer().isPassThrough());
        LayerItem edited = item.withChildren(List.of(item.children().getFirst().withPosition(12, 3), item.children().get(1)),
                new dev.blendbench.engine.surface.Rect(-4, -5, 100, 80)).withName("renamed").withPosition(8, 9).withVisible(false).duplicate();
        assertTrue(edited.isPassThrough(), "renamed, moved, hidden, its layers edited, duplicated: still pass-through");
        LayerItem faded = item.withOpacity(0.5f);
        assertTrue(faded.isPassThrough() && faded.layer().isPassThrough(), "an opacity fades what its layers do: still pass-through");
        assertEquals(0.5f, faded.layer().opacity());
        assertEquals(0.5f, faded.withPassThrough(false).opacity(), "isolating it keeps its opacity");
        assertFalse(faded.withMode(BlendMode.MULTIPLY).isPassThrough());
        assertFalse(item.withMode(BlendMode.SCREEN).isPassThrough());
        assertTrue(item.withMode(BlendMode.NORMAL).isPassThrough(), "normal at 100 %: nothing of its own");
        LayerItem again = LayerItem.fromLayer(group()).withPassThrough(true);
        assertTrue(again.isPassThrough());
        assertEquals(List.of(BlendMode.SOURCE_OVER, 0.5f), List.of(again.mode(), again.opacity()),
                "a pass-through group has no mode; the multiply group's 50 % now fades its layers");
        assertEquals(BlendMode.SOURCE_OVER, LayerItem.fromLayer(group()).withMode(BlendMode.SCREEN).withOpacity(0.3f).withPassThrough(true).mode());
        assertFalse(again.withPassThrough(false).isPassThrough());
        LayerItem clipping = LayerItem.group("clip", List.of(LayerItem.fromLayer(Layer.of("a", Surface.allocate(4, 4)))),
                new dev.blendbench.engine.surface.Rect(0, 0, 10, 10), dev.blendbench.engine.colour.BlendSpace.SRGB, true);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> clipping.withPassThrough(true));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LayerItem.fromLayer(Layer.of("plain", Surface.allocate(2, 2))).withPassThrough(true));
    }

    @Test
    void aGroupsMask_staysWhereItIsThroughEditsOfItsLayers_isolatingAndMergingKeepIt() {
        byte[] v = new byte[10 * 8];
        java.util.Arrays.fill(v, (byte) 128);
        var mask = new dev.blendbench.engine.scene.LayerMask(v, 2, 3, 10, 8, 0, true);
        LayerItem item = LayerItem.fromLayer(passThrough().withMask(mask));
        assertTrue(item.layer().isPassThrough() && item.layer().isMasked());
        // a layer moved up and left past the group's canvas: the canvas grows that way, the mask stays put on the document
        LayerItem edited = item.withChildren(List.of(item.children().getFirst().withPosition(-6, -4), item.children().get(1)),
                new dev.blendbench.engine.surface.Rect(-4, -5, 100, 80));
        int mx = edited.layer().x() + edited.mask().x(), my = edited.layer().y() + edited.mask().y();
        assertEquals(List.of(item.layer().x() + 2, item.layer().y() + 3), List.of(mx, my));
        assertTrue(edited.layer().isMasked());
        LayerItem isolated = item.withPassThrough(false);
        assertTrue(isolated.layer().isGroup() && !isolated.isPassThrough() && isolated.layer().isMasked(), "isolated, its mask kept");
        assertTrue(item.withMode(BlendMode.SCREEN).layer().isMasked(), "a mode of its own isolates it, its mask kept");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, item::withMaskApplied);
        assertTrue(LayerItem.fromLayer(group()).withMask(mask).layer().isMasked(), "an isolated group may have one too");
        Doc d = new Doc(60, 50, 0, dev.blendbench.engine.colour.BlendSpace.SRGB, List.of(item));
        GroupEdits.Edit merged = GroupEdits.merge(d, item.id());
        assertEquals(mask, merged.doc().layers().getFirst().mask(), "the merged layer keeps the group's mask");
        GroupEdits.Edit ungrouped = GroupEdits.ungroup(d, item.id());
        assertTrue(ungrouped.message().contains("its mask no longer fades its layers"), ungrouped.message());
    }

    @Test
    void mergingAPassThroughGroup_saysWhichOfItsLayersNoLongerBlendWithWhatIsBelowIt() {
        Doc d = new Doc(60, 50, 0, dev.blendbench.engine.colour.BlendSpace.SRGB, List.of(LayerItem.fromLayer(passThrough())));
        GroupEdits.Edit e = GroupEdits.merge(d, d.layers().getFirst().id());
        assertTrue(e.message().endsWith("; 'multiply' now blends only with the group's layers, no longer with what is below it"), e.message());
    }

    @Test
    void clippingToAPassThroughGroup_isolatesIt_andSaysSo() {
        LayerItem folder = LayerItem.fromLayer(passThrough());
        LayerItem top = LayerItem.fromLayer(Layer.of("top", Surface.filled(10, 10, 0xFF00FF00)));
        Doc d = new Doc(60, 50, 0, dev.blendbench.engine.colour.BlendSpace.SRGB, List.of(folder, top));
        GroupEdits.Edit e = GroupEdits.clipToBelow(d, top.id());
        assertTrue(e.message().endsWith("; 'folder' is an isolated group now, composited on its own"), e.message());
        LayerItem clip = e.doc().layers().getFirst();
        assertTrue(clip.isClipping());
        assertFalse(clip.children().getFirst().isPassThrough());
    }

    private static dev.blendbench.engine.scene.LayerMask ramp(boolean on) {
        byte[] v = new byte[20 * 10];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (i * 5);
        return new dev.blendbench.engine.scene.LayerMask(v, 2, 3, 20, 10, 0, on);
    }

    private static Surface noise(int w, int h, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = rnd.nextInt(256);
                s.setPixel(x, y, a << 24 | rnd.nextInt(a + 1) << 16 | rnd.nextInt(a + 1) << 8 | rnd.nextInt(a + 1));
            }
        }
        return s;
    }

    private static int[] rendered(LayerItem l) {
        Surface out = Surface.allocate(40, 30);
        dev.blendbench.engine.render.TileRenderer.singleThreaded().render(new Scene(40, 30, 0xFF204060, List.of(l.layer())), out);
        return out.array();
    }

    @Test
    void aMask_staysThroughEdits_isOnOrOff_andApplyingItKeepsThePicture() {
        LayerItem l = LayerItem.of("photo", noise(30, 20, 3), 4, 5).withMode(BlendMode.SCREEN).withMask(ramp(true));
        LayerItem edited = l.withName("renamed").withOpacity(0.5f).withPosition(6, 7).duplicate();
        assertTrue(edited.mask() != null && edited.layer().isMasked(), "renamed, faded, moved, duplicated: still masked");
        assertFalse(l.withMask(l.mask().withEnabled(false)).layer().isMasked(), "off: drawn as if it had none");
        LayerItem applied = l.withMaskApplied();
        assertTrue(applied.mask() == null);
        org.junit.jupiter.api.Assertions.assertArrayEquals(rendered(l), rendered(applied), "the same picture, the mask in the pixels");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> applied.withMaskApplied());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> LayerItem.fromLayer(group()).withMask(ramp(true))
                .withMaskApplied(), "a group's mask acts on what its layers make: no pixels of its own to apply it to");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> l.withTransform(1.5, 0, Filter.BILINEAR).withMaskApplied());
    }

    @Test
    void aGroupsTooltip_listsItsLayersTopFirst_orSaysItIsDrawnAsPixelsWhileTransformed() {
        LayerItem item = LayerItem.fromLayer(group());
        assertEquals("\nin the group, top first:\n  again · source-over · 100 %\n  red · source-over · 100 %", LayersPanel.groupLines(item));
        assertEquals("\na group of 2 layers, drawn as its pixels while scaled or rotated",
                LayersPanel.groupLines(item.withTransform(2, 0, Filter.BILINEAR)));
        assertEquals("", LayersPanel.groupLines(LayerItem.fromLayer(Layer.of("plain", Surface.allocate(2, 2)))));
    }

    private static Surface noise(int w, int h) {
        Surface s = Surface.allocate(w, h);
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) s.setPixel(x, y, dev.blendbench.engine.surface.Argb.premultiply(r.nextInt()));
        }
        return s;
    }

    private static int[] render(Layer l) {
        Surface out = Surface.allocate(120, 90);
        dev.blendbench.engine.render.TileRenderer.singleThreaded().render(new Scene(120, 90, 0, List.of(l)), out);
        return out.toArray();
    }

    @Test
    void aTransformedLayerFromADocument_showsItsPositionScaleAndTurn_andRendersAsItIsUntilMoved() {
        // as compose places one: the whole map in the placement, the layer at 0, 0
        Layer l = new Layer("turned", noise(40, 30), 0, 0, BlendMode.SCREEN, 0.8f, true)
                .withTransform(dev.blendbench.engine.resample.Transform.place(40, 30, 30.25, 12.5, 0.75, -20), Filter.LANCZOS3);
        LayerItem item = LayerItem.fromLayer(l);
        assertEquals(List.of(30.25, 12.5, 0.75, -20.0), List.of(item.x(), item.y(), item.scale(), item.rotation()));
        assertEquals(Filter.LANCZOS3, item.filter());
        assertTrue(item.layer() == l, "the engine layer as it was read, to the last bit");
        // an edit that does not move it keeps the very same placement and offset
        Layer screened = item.withMode(BlendMode.MULTIPLY).layer();
        assertTrue(screened.placement() == l.placement() && screened.x() == l.x() && screened.y() == l.y());
        assertEquals(BlendMode.MULTIPLY, screened.mode());
        // moved: rebuilt from the figures, where they say
        LayerItem moved = item.withPosition(item.x() + 5, item.y() + 3);
        Layer want = new Layer("turned", l.source(), 0, 0, BlendMode.SCREEN, 0.8f, true)
                .withTransform(dev.blendbench.engine.resample.Transform.place(40, 30, 35.25, 15.5, 0.75, -20), Filter.LANCZOS3);
        assertEquals(want.bounds(), moved.layer().bounds());
        int[] a = render(want), b = render(moved.layer());
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int sh = 0; sh < 32; sh += 8) worst = Math.max(worst, Math.abs(((a[i] >>> sh) & 0xFF) - ((b[i] >>> sh) & 0xFF)));
        }
        assertTrue(worst <= 1, "within rounding of the same map split differently: " + worst);
    }

    @Test
    void aMapThePropertiesCannotDescribe_isItsPixelsResampledOnce() {
        Layer sheared = new Layer("sheared", noise(40, 30), 10, 10, BlendMode.NORMAL, 1f, true)
                .withTransform(new dev.blendbench.engine.resample.Transform(1, 0.4, 0.5, 0, 1.2, 0.25), Filter.BILINEAR);
        assertEquals(null, LayerItem.placed(sheared));
        LayerItem item = LayerItem.fromLayer(sheared);
        assertFalse(item.layer().isTransformed());
        assertEquals(List.of(1.0, 0.0), List.of(item.scale(), item.rotation()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(render(sheared), render(item.layer()), "the same picture");
    }
}

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

    @Test
    void aGroupsTooltip_listsItsLayersTopFirst_orSaysItIsDrawnAsPixelsWhileTransformed() {
        LayerItem item = LayerItem.fromLayer(group());
        assertEquals("\nin the group, top first:\n  again · source-over · 100 %\n  red · source-over · 100 %", LayersPanel.groupLines(item));
        assertEquals("\na group of 2 layers, drawn as its pixels while scaled or rotated",
                LayersPanel.groupLines(item.withTransform(2, 0, Filter.BILINEAR)));
        assertEquals("", LayersPanel.groupLines(LayerItem.fromLayer(Layer.of("plain", Surface.allocate(2, 2)))));
    }
}

package dev.blendbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;

/** Scene comparisons for tests that read scenes back from files. */
public final class SceneAssertions {
    private SceneAssertions() {}

    /** Same canvas, background and layers: names, offsets, modes, opacities, visibility and pixels; groups alike, with the same layers. */
    public static void assertSameScene(Scene a, Scene b) {
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        assertEquals(a.background(), b.background());
        assertEquals(a.clipping(), b.clipping(), "a clipping scene, or not");
        assertEquals(a.passThrough(), b.passThrough(), "a pass-through group's scene, or not");
        assertEquals(a.layers().size(), b.layers().size());
        for (int i = 0; i < a.layers().size(); i++) {
            Layer x = a.layers().get(i), y = b.layers().get(i);
            assertEquals(x.name(), y.name());
            assertEquals(x.x(), y.x());
            assertEquals(x.y(), y.y());
            assertEquals(x.mode(), y.mode(), x.name());
            assertEquals(x.opacity(), y.opacity());
            assertEquals(x.visible(), y.visible());
            assertTrue(x.source().samePixels(y.source()), x.name() + " pixels");
            assertEquals(x.isGroup(), y.isGroup(), x.name() + " is a group");
            assertEquals(x.mask() == null, y.mask() == null, x.name() + " has a mask");
            assertEquals(x.isMasked(), y.isMasked(), x.name() + "'s mask is on");
            if (x.isGroup()) assertSameScene(x.group(), y.group());
        }
    }
}

package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.blendbench.engine.blend.BlendMode;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlendModeMenuTest {
    @Test
    void everyModeIsInExactlyOneGroup() {
        List<BlendMode> ordered = BlendModeMenu.ordered();
        assertEquals(BlendMode.values().length, ordered.size());
        assertEquals(EnumSet.allOf(BlendMode.class), EnumSet.copyOf(ordered));
    }

    @Test
    void eachGroupsFirstMode_carriesItsHeading_theOthersNone() {
        assertEquals("Normal", BlendModeMenu.headingAbove(BlendMode.NORMAL));
        assertEquals("Darken", BlendModeMenu.headingAbove(BlendMode.DARKEN));
        assertEquals("Component", BlendModeMenu.headingAbove(BlendMode.HUE));
        assertEquals("Porter-Duff operators", BlendModeMenu.headingAbove(BlendMode.SOURCE_OVER));
        assertNull(BlendModeMenu.headingAbove(BlendMode.MULTIPLY));
        assertNull(BlendModeMenu.headingAbove(BlendMode.LUMINOSITY));
    }
}

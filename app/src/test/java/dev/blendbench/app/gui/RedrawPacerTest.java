package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedrawPacerTest {
    private static final long MS = 1_000_000L;

    @Test
    void nothingChanged_drawsNothing() {
        RedrawPacer p = new RedrawPacer(250 * MS);
        assertFalse(p.due(0, true, false));
        assertFalse(p.due(10_000 * MS, true, true), "not even when a session ends");
    }

    @Test
    void theFirstChange_drawsAtOnce_andLaterOnesAtMostOnceAPeriod() {
        RedrawPacer p = new RedrawPacer(250 * MS);
        p.changed();
        assertTrue(p.due(1_000 * MS, true, false));
        p.changed();
        assertFalse(p.due(1_100 * MS, true, false));
        p.changed();
        assertFalse(p.due(1_200 * MS, true, false));
        assertTrue(p.due(1_250 * MS, true, false), "what arrived meanwhile, in one drawing");
        assertFalse(p.due(1_600 * MS, true, false), "and nothing new since");
    }

    @Test
    void aSessionEnding_drawsAtOnce_withinThePeriod() {
        RedrawPacer p = new RedrawPacer(250 * MS);
        p.changed();
        assertTrue(p.due(0, true, false));
        p.changed();
        assertTrue(p.due(10 * MS, true, true));
    }

    @Test
    void hiddenCharts_waitUntilShown_thenDrawWhatChangedMeanwhile() {
        RedrawPacer p = new RedrawPacer(250 * MS);
        p.changed();
        assertFalse(p.due(0, false, false));
        assertFalse(p.due(5_000 * MS, false, true), "a session ending behind another tab draws nothing either");
        assertTrue(p.due(6_000 * MS, true, false));
    }

    @Test
    void aNegativePeriod_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RedrawPacer(-1));
    }
}

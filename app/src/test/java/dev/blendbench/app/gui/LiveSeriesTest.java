package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class LiveSeriesTest {
    @Test
    void seriesUpToTheLimit_isLeftAsItIs() {
        XYSeries s = new XYSeries("p99", false, true);
        for (int k = 0; k < LiveSeries.MAX_POINTS; k++) s.add(k, k);
        assertFalse(LiveSeries.halveIfLong(s, LiveSeries.Merge.WORST));
        assertEquals(LiveSeries.MAX_POINTS, s.getItemCount());
    }

    @Test
    void longSeries_mergesInPairs_keepingTheSpikeTheGapsAndTheEnd() {
        XYSeries s = new XYSeries("p99", false, true);
        int n = LiveSeries.MAX_POINTS + 1;
        for (int k = 0; k < n; k++) s.add(k * 0.1, k >= 10 && k < 14 ? null : (Number) (k == 101 ? 500.0 : 5.0));
        assertTrue(LiveSeries.halveIfLong(s, LiveSeries.Merge.WORST));
        assertEquals((n + 1) / 2, s.getItemCount());
        assertEquals(500.0, s.getY(50).doubleValue(), "the pair holding the spike");
        assertNull(s.getY(5), "both points a gap: still a gap");
        assertNull(s.getY(6));
        assertEquals((n - 1) * 0.1, s.getX(s.getItemCount() - 1).doubleValue(), 1e-9, "the last point stays");
    }

    @Test
    void pairsMergeByTheSeriesKind() {
        assertEquals(7.0, LiveSeries.merge(3, 7, LiveSeries.Merge.WORST).doubleValue());
        assertEquals(5.0, LiveSeries.merge(3, 7, LiveSeries.Merge.MEAN).doubleValue());
        assertEquals(7, LiveSeries.merge(3, 7, LiveSeries.Merge.LAST).intValue());
        assertEquals(3, LiveSeries.merge(3, null, LiveSeries.Merge.MEAN).intValue());
        assertEquals(7, LiveSeries.merge(null, 7, LiveSeries.Merge.WORST).intValue());
    }
}

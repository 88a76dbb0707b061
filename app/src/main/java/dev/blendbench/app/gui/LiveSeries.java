package dev.blendbench.app.gui;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.XYDataItem;
import org.jfree.data.xy.XYSeries;

/**
 * Keeps a live chart's series short enough to redraw ten times a second however long the session
 * runs: past {@link #MAX_POINTS} points, neighbouring points are merged in pairs (the chart then
 * shows the whole session at half the resolution). How a pair merges depends on the series.
 */
final class LiveSeries {
    private LiveSeries() {}

    /** About one point per pixel of a wide chart. */
    static final int MAX_POINTS = 1500;

    enum Merge {
        /** The larger value (latency: a spike stays visible); a gap only where both are gaps. */
        WORST,
        /** The mean of the values there are. */
        MEAN,
        /** The later value, or the earlier where the later is a gap (counts so far, the last heap figure). */
        LAST
    }

    /** Merges {@code s}'s points in pairs when it holds more than {@link #MAX_POINTS}; true if it did. Fires no event. */
    static boolean halveIfLong(XYSeries s, Merge how) {
        if (s.getItemCount() <= MAX_POINTS) return false;
        List<XYDataItem> items = new ArrayList<>(s.getItemCount());
        for (int k = 0; k < s.getItemCount(); k++) items.add(s.getDataItem(k));
        s.clear();
        for (int k = 0; k < items.size(); k += 2) {
            XYDataItem a = items.get(k);
            if (k + 1 == items.size()) {
                s.add(a.getX(), a.getY(), false);
                break;
            }
            XYDataItem b = items.get(k + 1);
            s.add(b.getX(), merge(a.getY(), b.getY(), how), false);
        }
        return true;
    }

    static Number merge(Number a, Number b, Merge how) {
        if (a == null) return b;
        if (b == null) return a;
        return switch (how) {
            case WORST -> Math.max(a.doubleValue(), b.doubleValue());
            case MEAN -> (a.doubleValue() + b.doubleValue()) / 2;
            case LAST -> b;
        };
    }
}

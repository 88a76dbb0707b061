package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740), MONITOR = new Rectangle2D(1366, 0, 2560, 1400);

    @Test
    void storedPlacement_roundTrips() {
        WindowPlacement p = new WindowPlacement(1500, 100, 1800, 1000, true);
        assertEquals(p, WindowPlacement.decode(p.encode()));
    }

    @Test
    void garbage_givesTheDefault() {
        for (String s : new String[] {null, "", "1,2,3", "a,b,c,d,true", "1,2,-5,10,false", "1,2,NaN,10,false", "1,2,3,4,maybe", "1,2,3,4,true,5"}) {
            assertEquals(WindowPlacement.DEFAULT, WindowPlacement.decode(s), s);
        }
    }

    @Test
    void onAScreenThatIsGone_itIsCentredOnThePrimary_andFitsIt() {
        WindowPlacement onMonitor = new WindowPlacement(1600, 100, 1800, 1000, false);
        assertEquals(onMonitor, onMonitor.fitTo(List.of(LAPTOP, MONITOR)), "the monitor is still there: unchanged");
        WindowPlacement back = onMonitor.fitTo(List.of(LAPTOP));
        assertEquals(new WindowPlacement(0, 0, 1366, 740, false), back, "no larger than the laptop's screen, on it");
        WindowPlacement small = new WindowPlacement(5000, 5000, 800, 500, false).fitTo(List.of(LAPTOP));
        assertEquals(new WindowPlacement(283, 120, 800, 500, false), small, "centred");
    }

    @Test
    void partlyOffScreen_isPulledBackOn_andTooSmall_isGrown() {
        WindowPlacement p = new WindowPlacement(1000, -20, 700, 200, false).fitTo(List.of(LAPTOP));
        assertEquals(new WindowPlacement(666, 0, 700, 400, false), p);
        assertEquals(WindowPlacement.DEFAULT.width(), WindowPlacement.DEFAULT.fitTo(List.of(MONITOR)).width(), "the default centred where it fits");
    }
}

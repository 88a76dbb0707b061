package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The undo history keeps its steps within a step limit and a memory budget for the pixels only past states hold. */
class HistoryTest {
    /** A 100×100 document: a 100×100 image layer and a group of one 10×10 layer. */
    private static Doc doc() {
        LayerItem group = LayerItem.group("g", List.of(LayerItem.of("dot", Surface.filled(10, 10, 0xFF336699), 5, 5)), new Rect(0, 0, 100, 100), BlendSpace.SRGB);
        return new Doc(100, 100, 0, BlendSpace.SRGB, List.of(LayerItem.of("back", Surface.filled(100, 100, 0xFF336699), 0, 0), group));
    }

    private static Doc edited(History h, Doc d, java.util.function.UnaryOperator<Doc> f) {
        Doc after = f.apply(d);
        h.push("edit", d, after);
        return after;
    }

    @Test
    void editsThatShareTheirPixels_keepEveryStepUpToTheLimit_whateverTheBudget() {
        History h = new History(1);
        Doc d = doc();
        long back = d.layers().get(0).id();
        for (int i = 0; i < History.LIMIT + 20; i++) d = edited(h, d, x -> x.withItem(back, l -> l.withPosition(l.x() + 1, 0)));
        assertEquals(History.LIMIT, h.size(), "moving an image layer holds no new pixels: only the step limit applies");
    }

    @Test
    void editsInsideAGroup_keepTheStepsWhosePixelsFitTheBudget_andAlwaysTheLastOne() {
        Doc d = doc();
        long dot = d.layers().get(1).children().get(0).id();
        // each edit composites the group again: its old 10×10 pixels (400 bytes) stay with the step before
        History h = new History(1000);
        for (int i = 0; i < 10; i++) d = edited(h, d, x -> x.withItem(dot, l -> l.withOpacity(l.opacity() * 0.9f)));
        assertEquals(2, h.size(), "two steps' pixels (800 bytes) fit in 1000; a third's would not");
        History tiny = new History(1);
        for (int i = 0; i < 5; i++) d = edited(tiny, d, x -> x.withItem(dot, l -> l.withOpacity(l.opacity() * 0.9f)));
        assertEquals(1, tiny.size(), "the last step is kept even over the budget");
        assertEquals(Math.pow(0.9, 14), tiny.undo(d).orElseThrow().find(dot).orElseThrow().opacity(), 1e-5, "undo gives the state before the 15th edit");
    }

    @Test
    void theStepsAreListedOldestFirst_withThoseRedoWouldMakeAgain_andAVersionThatChangesWithThem() {
        History h = new History();
        Doc d = doc();
        long back = d.layers().get(0).id();
        int v0 = h.version();
        Doc d1 = d.withItem(back, l -> l.withPosition(1, 0)), d2 = d1.withItem(back, l -> l.withOpacity(0.5f));
        h.push("Move back", d, d1);
        h.push("Opacity 50 %", d1, d2);
        assertEquals(List.of("Move back", "Opacity 50 %"), h.pastSteps());
        assertEquals(List.of(), h.futureSteps());
        int v1 = h.version();
        assertTrue(v1 != v0);
        h.undo(d2);
        assertEquals(List.of("Move back"), h.pastSteps());
        assertEquals(List.of("Opacity 50 %"), h.futureSteps());
        assertTrue(h.version() != v1);
        assertEquals(List.of("Opened", "Move back", "Opacity 50 %"), HistoryPanel.rows(h).stream().map(HistoryPanel.Row::text).toList());
        assertEquals(List.of(-1, 0, 1), HistoryPanel.rows(h).stream().map(HistoryPanel.Row::offset).toList(),
                "each row's distance from the current state");
        assertFalse(h.droppedOldest());
        for (int i = 0; i < History.LIMIT + 1; i++) h.push("edit", d, d1);
        assertTrue(h.droppedOldest());
        assertEquals("Oldest state kept", HistoryPanel.rows(h).getFirst().text());
        h.clear();
        assertFalse(h.droppedOldest());
    }

    @Test
    void travellingSeveralSteps_isOneChangeOfTheDocument_andStopsWhereTheHistoryEnds() {
        Doc d = doc();
        long back = d.layers().get(0).id();
        DocumentModel m = new DocumentModel(d);
        for (int i = 1; i <= 3; i++) {
            int x = i;
            m.edit("Move " + i, doc -> doc.withItem(back, l -> l.withPosition(x, 0)));
        }
        int[] changes = {0};
        m.changeProperty().addListener((o, a, b) -> changes[0]++);
        assertTrue(m.travel(-2));
        assertEquals(1.0, m.doc().find(back).orElseThrow().x());
        assertEquals(1, changes[0], "two undos, one change: one render");
        assertTrue(m.travel(5), "as far as redo reaches");
        assertEquals(3.0, m.doc().find(back).orElseThrow().x());
        assertFalse(m.travel(1));
        assertTrue(m.travel(-10));
        assertEquals(d, m.doc());
        assertEquals(List.of("Move 1", "Move 2", "Move 3"), m.history().futureSteps());
    }
}

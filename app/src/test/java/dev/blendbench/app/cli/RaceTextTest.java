package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blendbench.engine.race.RaceDetector;
import dev.blendbench.engine.surface.Surface;
import java.io.PrintWriter;
import java.io.StringWriter;

import dev.blendbench.engine.race.Access;
import dev.blendbench.engine.race.Finding;
import dev.blendbench.engine.surface.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaceTextTest {
    private static Finding seenAt(long nanos) {
        Access w = new Access("worker-0", 1, true, new Rect(0, 0, 64, 64), List.of(), List.of());
        Access r = new Access("worker-1", 2, false, new Rect(32, 0, 64, 64), List.of("stripe 3"), List.of());
        return new Finding("shared canvas", w, r, new Rect(32, 0, 32, 64), nanos, 1);
    }

    @Test
    void findingAfterWarmUp_isTimedFromTheStartOfMeasuring_likeTheProgressLines() {
        assertEquals("race on shared canvas at 32x64+32+0: write 64x64+0+0 by worker-0 vs read 64x64+32+0 holding stripe 3 by worker-1 (1.500 s)",
                RaceText.line(seenAt(11_500_000_000L), 10_000_000_000L));
    }

    @Test
    void findingDuringWarmUp_saysSo() {
        assertEquals("race on shared canvas at 32x64+32+0: write 64x64+0+0 by worker-0 vs read 64x64+32+0 holding stripe 3 by worker-1 (in warm-up)",
                RaceText.line(seenAt(9_999_999_999L), 10_000_000_000L));
    }

    @Test
    void theSummary_givesEachFindingsCount_everyThreadOfIt_andItsCodeSite() {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(16, 16);
        d.label(s, "canvas");
        int site = new Throwable().getStackTrace()[0].getLineNumber() + 1; // the line below
        for (int i = 0; i < 4; i++) d.write(d.actor("blendbench-worker-" + i), s, s.bounds());
        StringWriter out = new StringWriter();
        RaceText.summary(new PrintWriter(out, true), d);
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        assertEquals("races: 1 finding, 6 racing accesses in all", lines.get(0).substring(0, lines.get(0).indexOf(';')));
        assertEquals("  1. write vs write on canvas at 16x16+0+0: 6 times among 4 threads (blendbench-worker-0–3), both at RaceTextTest.java:"
                + site, lines.get(1));
    }
}

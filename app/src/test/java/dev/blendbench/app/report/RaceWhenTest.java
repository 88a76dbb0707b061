package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaceWhenTest {
    private static Session.Race seenAt(double seconds) {
        Session.Access a = new Session.Access("worker-0", "write", "64x64+0+0", List.of());
        return new Session.Race("shared canvas", "64x64+0+0", 3, a, a, new int[] {0, 0, 64, 64}, seconds);
    }

    @Test
    void findingWhileMeasuring_isTimedFromItsStart() {
        assertEquals("1.250 s", seenAt(1.25).whenText());
        assertEquals(", first seen 1.250 s into measuring", seenAt(1.25).whenPhrase());
    }

    @Test
    void findingInTheWarmUp_saysSo() {
        assertEquals("in warm-up", seenAt(-0.4).whenText());
        assertEquals(", first seen in warm-up", seenAt(-0.4).whenPhrase());
    }

    private static Session.Race seenInStep(String step, double seconds) {
        Session.Race r = seenAt(seconds);
        return new Session.Race(r.surface(), r.intersection(), r.count(), r.earlier(), r.later(), r.box(), seconds, step);
    }

    @Test
    void aRampsFinding_namesItsStep_thenTheTimeIntoIt() {
        assertEquals("2 workers, 0.812 s", seenInStep("2 workers", 0.812).whenText());
        assertEquals(", first seen at 2 workers, 0.812 s into its measuring", seenInStep("2 workers", 0.812).whenPhrase());
        assertEquals("400 jobs/s, in warm-up", seenInStep("400 jobs/s", -0.1).whenText());
        assertEquals(", first seen at 400 jobs/s, in its warm-up", seenInStep("400 jobs/s", -0.1).whenPhrase());
    }

    @Test
    void fileThatDoesNotSay_showsNothing() {
        assertEquals("–", seenAt(Double.NaN).whenText());
        assertEquals("", seenAt(Double.NaN).whenPhrase());
    }
}

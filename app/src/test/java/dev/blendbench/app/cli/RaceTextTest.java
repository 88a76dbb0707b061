package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

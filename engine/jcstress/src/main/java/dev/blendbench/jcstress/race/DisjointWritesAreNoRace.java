package dev.blendbench.jcstress.race;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.blendbench.engine.race.RaceDetector;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two threads write side by side, unordered, in the same shadow tile (as two render tiles of one
 * row do), then a third access overlapping both checks the shadow kept both entries: no race
 * between the writers, and the late write races with both of them.
 */
@JCStressTest
@Outcome(id = "0, 2", expect = ACCEPTABLE, desc = "The writers do not race; the late write races with each of them.")
@Outcome(expect = FORBIDDEN, desc = "A false race between disjoint writes, or an entry lost from the shared shadow tile.")
@State
public class DisjointWritesAreNoRace {
    private final RaceDetector detector = new RaceDetector();
    private final Surface canvas = Surface.allocate(64, 16);

    @Actor
    public void left() {
        detector.write(detector.current(), canvas, new Rect(0, 0, 32, 16));
    }

    @Actor
    public void right() {
        detector.write(detector.current(), canvas, new Rect(32, 0, 32, 16));
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = detector.findings().size();
        // a fresh actor, ordered after neither writer, writes across both halves
        detector.write(detector.actor("late"), canvas, new Rect(28, 4, 8, 8));
        r.r2 = detector.findings().size() - r.r1;
    }
}

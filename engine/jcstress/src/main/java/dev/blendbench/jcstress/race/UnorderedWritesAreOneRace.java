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
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Two threads write overlapping rectangles with nothing ordering them: a happens-before detector
 * reports the race whichever write it sees first, and reports it once.
 */
@JCStressTest
@Outcome(id = "1", expect = ACCEPTABLE, desc = "The race is found, once.")
@Outcome(expect = FORBIDDEN, desc = "Missed, or reported twice: the verdict depended on the schedule.")
@State
public class UnorderedWritesAreOneRace {
    private final RaceDetector detector = new RaceDetector();
    private final Surface canvas = Surface.allocate(64, 32);

    @Actor
    public void actor1() {
        detector.write(detector.current(), canvas, new Rect(0, 0, 20, 20));
    }

    @Actor
    public void actor2() {
        detector.write(detector.current(), canvas, new Rect(10, 10, 20, 20));
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = detector.findings().size();
    }
}

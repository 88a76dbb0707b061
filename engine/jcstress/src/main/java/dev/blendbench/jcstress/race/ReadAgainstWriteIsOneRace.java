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
 * One thread reads a sub-view while another writes the surface under it, unordered: one race,
 * whether the read or the write reaches the detector first (sub-views of one array share its
 * shadow state).
 */
@JCStressTest
@Outcome(id = "1", expect = ACCEPTABLE, desc = "The read-write race is found, once.")
@Outcome(expect = FORBIDDEN, desc = "Missed or doubled.")
@State
public class ReadAgainstWriteIsOneRace {
    private final RaceDetector detector = new RaceDetector();
    private final Surface canvas = Surface.allocate(64, 32);
    private final Surface corner = canvas.subView(30, 5, 20, 20);

    @Actor
    public void reader() {
        detector.read(detector.current(), corner, new Rect(0, 0, 20, 20));
    }

    @Actor
    public void writer() {
        detector.write(detector.current(), canvas, new Rect(45, 20, 10, 10));
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = detector.findings().size();
    }
}

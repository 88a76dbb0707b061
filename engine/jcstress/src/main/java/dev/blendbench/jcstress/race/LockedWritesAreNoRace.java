package dev.blendbench.jcstress.race;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.blendbench.engine.race.RaceDetector;
import dev.blendbench.engine.race.Tracked;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * The same overlapping writes, each under one tracked lock: the unlock of whichever thread got
 * the lock first happens-before the other's lock, so no race, in either order.
 */
@JCStressTest
@Outcome(id = "0", expect = ACCEPTABLE, desc = "No race: the lock orders the writes.")
@Outcome(expect = FORBIDDEN, desc = "A false race: the lock's happens-before edge was lost.")
@State
public class LockedWritesAreNoRace {
    private final RaceDetector detector = new RaceDetector();
    private final Tracked.Lock lock = new Tracked.Lock(detector, "canvas lock");
    private final Surface canvas = Surface.allocate(64, 32);

    @Actor
    public void actor1() {
        writeLocked(new Rect(0, 0, 20, 20));
    }

    @Actor
    public void actor2() {
        writeLocked(new Rect(10, 10, 20, 20));
    }

    private void writeLocked(Rect r) {
        lock.lock();
        try {
            detector.write(detector.current(), canvas, r);
        } finally {
            lock.unlock();
        }
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = detector.findings().size();
    }
}

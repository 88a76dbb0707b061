package dev.blendbench.engine.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyStateTest {
    private static final long MS = 1_000_000L;

    /** Feeds {@code seconds} of 100 ms intervals of 20 jobs at {@code meanMs}; returns after how many intervals it was steady (-1: never). */
    private static int feed(SteadyState s, double... meansMsPerSecond) {
        int n = 0;
        for (double m : meansMsPerSecond) {
            for (int k = 0; k < 10; k++) {
                n++;
                if (s.add(100 * MS, 20, m * MS)) return n;
            }
        }
        return -1;
    }

    @Test
    void aFallingServiceTime_isNotSteady_untilThreeSecondsInARowAreFlat() {
        SteadyState s = new SteadyState();
        assertEquals(-1, feed(s, 9, 6, 4, 3.2));
        assertEquals(20, feed(s, 3.1, 3.0), "the third flat second: 3.2, 3.1, 3.0 are within 10 %");
        assertTrue(s.steady());
    }

    @Test
    void aFlatStart_isSteadyAfterThreeSeconds_notBefore() {
        assertEquals(30, feed(new SteadyState(), 2, 2, 2, 2));
    }

    @Test
    void aSpreadOverTenPercent_isNotSteady() {
        assertEquals(-1, feed(new SteadyState(), 2, 2.3, 2, 2.3, 2));
    }

    @Test
    void tooFewJobsToTell_isNeverSteady() {
        SteadyState s = new SteadyState();
        for (int k = 0; k < 100; k++) assertFalse(s.add(100 * MS, k % 10 == 0 ? 1 : 0, 500 * MS), "one slow job a second");
    }

    @Test
    void intervalsWithoutJobs_countTowardTheWindow_notItsMean() {
        SteadyState s = new SteadyState();
        int steadyAt = -1;
        for (int k = 1; k <= 60 && steadyAt < 0; k++) {
            if (s.add(100 * MS, k % 2 == 0 ? 40 : 0, k % 2 == 0 ? 2 * MS : Double.NaN)) steadyAt = k;
        }
        assertEquals(30, steadyAt);
    }

    @Test
    void aSessionWarmingUntilSteady_startsMeasuringOnceSteady_andMeasuresTheWholeDuration() throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:2ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Closed(2, Duration.ZERO), false, Duration.ofSeconds(30),
                Duration.ofMillis(800), 0, Duration.ofMillis(100));
        List<IntervalSnapshot> seen = Collections.synchronizedList(new ArrayList<>());
        StressSession session = new StressSession(cfg, w, Ticker.SYSTEM, seen::add);
        session.warmUntilSteady(true);
        StressReport r = session.run();
        assertTrue(r.warmupSteady(), "a constant job is steady long before 30 s");
        assertTrue(r.warmupNanos() >= 3_000_000_000L && r.warmupNanos() < 30_000_000_000L,
                "at least three windows, less than the limit: " + r.warmupNanos());
        assertTrue(r.warmupJobs() > 0 && r.jobs() > 0);
        assertTrue(r.measuredNanos() >= 700_000_000L, "the whole duration from the steady point: " + r.measuredNanos());
        assertTrue(seen.stream().anyMatch(IntervalSnapshot::warmup) && seen.stream().anyMatch(i -> !i.warmup()));
    }

    @Test
    void aFixedWarmUp_runsItsLength() throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:1ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false, Duration.ofMillis(400),
                Duration.ofMillis(300), 0, Duration.ofMillis(100));
        StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
        assertFalse(r.warmupSteady());
        assertEquals(400_000_000L, r.warmupNanos(), 50_000_000L);
    }
}

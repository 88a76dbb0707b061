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

    /** Feeds seconds of 100 ms intervals of {@code jobs} exponential service times of mean {@code meanMs}; returns the interval it was steady at (-1: never). */
    private static int feedExponential(SteadyState s, java.util.SplittableRandom r, int jobs, boolean withSpread, double... meansMsPerSecond) {
        int n = 0;
        for (double m : meansMsPerSecond) {
            for (int k = 0; k < 10; k++) {
                n++;
                double sum = 0, squares = 0;
                for (int j = 0; j < jobs; j++) {
                    double x = -Math.log(1 - r.nextDouble()) * m * MS;
                    sum += x;
                    squares += x * x;
                }
                double mean = sum / jobs, sd = Math.sqrt(Math.max(0, squares / jobs - mean * mean));
                if (withSpread ? s.add(100 * MS, jobs, mean, sd) : s.add(100 * MS, jobs, mean)) return n;
            }
        }
        return -1;
    }

    @Test
    void aJobWhoseServiceTimeVaries_isSteady_whenItsWindowsDifferOnlyByChance() {
        // 100 jobs a second of exponential service: a window's mean moves by 10 % by chance alone
        double[] flat = new double[30];
        java.util.Arrays.fill(flat, 5);
        int withSpread = 0, without = 0;
        for (int seed = 0; seed < 20; seed++) {
            int at = feedExponential(new SteadyState(), new java.util.SplittableRandom(seed), 10, true, flat);
            if (at > 0 && at <= 60) withSpread++;
            at = feedExponential(new SteadyState(), new java.util.SplittableRandom(seed), 10, false, flat);
            if (at > 0 && at <= 60) without++;
        }
        assertTrue(withSpread >= 19, "steady within 6 s in " + withSpread + " of 20");
        assertTrue(without < withSpread, "the means alone: " + without + " of 20");
    }

    @Test
    void aVaryingJobStillWarming_isNotSteady_whereItsFallIsBeyondChance() {
        // 1,000 jobs a second falling by 20 % a second: far beyond a window's 3 % of chance
        for (int seed = 0; seed < 10; seed++) {
            assertEquals(-1, feedExponential(new SteadyState(), new java.util.SplittableRandom(seed), 100, true, 10, 8, 6.4, 5.1, 4.1),
                    "seed " + seed);
        }
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

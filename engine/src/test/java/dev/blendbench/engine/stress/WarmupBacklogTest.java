package dev.blendbench.engine.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A warm-up backlog is named only where it is one: not the few jobs a queue near saturation holds
 * at any instant, but a warm-up that fell behind, or an open loop overloaded throughout.
 */
class WarmupBacklogTest {
    @Test
    void aFewJobsInAQueueNearSaturation_areNoBacklog() {
        // 2 workers at 79 % busy, 400 jobs/s × 6.65 ms mean latency: 2.7 jobs in the system on average;
        // 4 of them at the boundary was called "a backlog (the rate is beyond what the system does)"
        assertFalse(StressReport.leftWarmupBacklog(4, 2, 400 * 0.00665, false));
    }

    @Test
    void aWarmUpThatFellBehind_leavesFarMoreThanTheMeasuredPhaseHeld() {
        // a cold start queued 200 jobs; the measured phase held 7 on average
        assertTrue(StressReport.leftWarmupBacklog(200, 2, 7, false));
        assertFalse(StressReport.leftWarmupBacklog(30, 2, 7, false), "within four times what it held");
    }

    @Test
    void anOpenLoopOverloadedThroughout_leftABacklog_howeverLongItsQueueStayed() {
        assertTrue(StressReport.leftWarmupBacklog(30, 1, 45, true));
    }

    @Test
    void oneJobAWorkerAtTheBoundary_isNeverABacklog() {
        assertFalse(StressReport.leftWarmupBacklog(4, 4, 0, true));
        assertFalse(StressReport.leftWarmupBacklog(1, 0, 0, true));
    }

    @Test
    void theJobsAPhaseTypicallyHeld_areNotLiftedByTheBacklogOfItsFirstIntervals() {
        // 20 intervals at 400 jobs/s: the first six held up behind a cold start's backlog (300 ms), the rest 1.5 ms
        double[] perInterval = new double[20];
        for (int k = 0; k < 20; k++) perInterval[k] = 400 * (k < 6 ? 0.300 : 0.0015);
        assertEquals(0.6, StressReport.typicalJobsInSystem(perInterval), 1e-12);
        assertTrue(StressReport.leftWarmupBacklog(289, 2, StressReport.typicalJobsInSystem(perInterval), false));
        assertTrue(Double.isNaN(StressReport.typicalJobsInSystem(new double[0])));
    }
}

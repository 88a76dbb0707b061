package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.app.report.Session.Stats;
import dev.blendbench.app.report.Session.Step;
import dev.blendbench.app.report.Session.Summary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where an open-loop ramp's latency went: waiting to start against running, the workers' busy share
 * (throughput × mean service / workers), and the collections' share of the time.
 */
class LatencyBreakdownTest {
    /** An open-loop step at {@code rate} done in full by {@code workers}, with the given means (ms) and GC pause over 4 s. */
    private static Step step(double rate, int workers, double meanLatency, double meanService, double gcPauseMillis) {
        Summary sum = new Summary((long) (rate * 4), 0, "", 4, rate, 0, gcPauseMillis > 0 ? 3 : 0, gcPauseMillis, false, false, 100);
        Stats lat = stats(meanLatency);
        Stats svc = stats(meanService);
        return new Step(rate, SessionReader.fmt(rate) + " jobs/s", sum, lat, Map.of(), List.of(), svc, workers);
    }

    private static Stats stats(double mean) {
        return new Stats(1000, mean, mean * 0.8, mean * 1.5, mean * 2, mean * 3, mean * 4, mean * 5);
    }

    private static String rampSentence(Step... steps) {
        return Summaries.sentence(Session.liveRamp("r", List.of(steps)));
    }

    @Test
    void busyShare_isThroughputTimesMeanServiceOverWorkers() {
        // 400 jobs/s × 4 ms = 1.6 worker-seconds a second, over 2 workers
        LatencyBreakdown b = LatencyBreakdown.of(step(400, 2, 6, 4, 0));
        assertEquals(0.8, b.busy(), 1e-12);
        assertEquals("80 %", b.busyText());
        assertEquals(2, b.meanWaitMillis(), 1e-12);
        // more work than the workers have time for (a drained backlog): at most all of it
        assertEquals(1, LatencyBreakdown.of(step(600, 2, 50, 4, 0)).busy());
    }

    @Test
    void flatServiceAndAGrowingWait_isQueueing() {
        String s = rampSentence(step(100, 2, 4.2, 4, 0), step(450, 2, 20, 4, 0));
        assertTrue(s.endsWith(" The rise is queueing: the workers went from 20 % to 90 % busy, and a job's mean wait to start grew"
                + " from 0.200 to 16 ms while its mean service time stayed at 4 ms."), s);
    }

    @Test
    void queueingThatSlowerJobsBroughtOn_saysWhatTheWorkersCouldDoAtEachServiceTime() {
        // lock contention: the service time grew 4x, so 4 workers that could do 2,667 jobs/s can do 667
        String s = rampSentence(step(300, 4, 1.6, 1.5, 0), step(660, 4, 2000, 6, 0));
        assertTrue(s.contains(" The rise is queueing: the workers went from 11 % to 99 % busy, and a job's mean wait to start grew from"
                + " 0.100 to 1994 ms while its mean service time grew from 1.50 to 6 ms. That slowdown (4×) is what filled the workers:"
                + " at 1.50 ms a job, 4 workers can do about 2,667 jobs/s; at 6 ms, about 667. Contention, collections or cores shared"
                + " with other work brought the queueing on early."), s);
    }

    /** A shared-locked step: of its mean service, {@code meanLockWait} ms waiting to lock the canvas. */
    private static Step locked(double rate, int workers, double meanLatency, double meanService, double meanLockWait) {
        Step st = step(rate, workers, meanLatency, meanService, 0);
        return new Step(st.load(), st.loadText(), st.summary(), st.latency(), Map.of(LatencyBreakdown.LOCK_WAIT, stats(meanLockWait),
                "composite", stats(meanService - meanLockWait)), List.of(), st.service(), workers);
    }

    @Test
    void aSlowdownThatIsMostlyTheWaitForTheCanvasLock_isSaidToBeTheLock() {
        String queued = rampSentence(locked(300, 4, 1.6, 1.5, 0.1), locked(660, 4, 2000, 6, 4.4));
        assertTrue(queued.contains("about 667. Most of the slowdown is waiting to lock the canvas: a job's mean lock wait grew from"
                + " 0.100 to 4.40 ms (the strategy's lock contention)."), queued);
        assertFalse(queued.contains("Contention, collections"), queued);
        String slower = rampSentence(locked(100, 4, 2.1, 2, 0.2), locked(400, 4, 12.5, 12, 9));
        assertTrue(slower.endsWith(", and the workers went from 5 % to 100 % busy. Most of the slowdown is waiting to lock the canvas:"
                + " a job's mean lock wait grew from 0.200 to 9 ms (the strategy's lock contention)."), slower);
        // queueing and slower jobs both, the slower jobs mostly the lock
        assertTrue(rampSentence(locked(100, 4, 2.5, 2, 0.1), locked(200, 4, 12.5, 7, 4)).endsWith("and the mean service time grew from 2 to 7"
                + " ms. Most of the slowdown is waiting to lock the canvas: a job's mean lock wait grew from 0.100 to 4 ms (the strategy's"
                + " lock contention)."));
        // a lock that waited little: the slowdown is something else
        assertTrue(rampSentence(locked(100, 4, 2.1, 2, 0.2), locked(400, 4, 12.5, 12, 1)).endsWith("more than queueing."));
        LatencyBreakdown a = LatencyBreakdown.of(locked(250, 4, 1.75, 1.55, 0.05)), b = LatencyBreakdown.of(locked(500, 4, 176, 6.6, 4.9));
        assertTrue(LatencyBreakdown.difference(a, b, 0.05).endsWith("sooner when each job takes longer — mostly the wait to lock the canvas"
                + " (mean 0.050 → 4.90 ms)"), LatencyBreakdown.difference(a, b, 0.05));
        // against a strategy that takes no lock, whose jobs wait for none
        Session perWorker = new Session("p.json", Session.Kind.SESSION, "", false, Map.of("load.model", "open", "load.workers", "4"),
                "composite", "per-worker", Map.of(), Map.of(), new Summary(1000, 0, "", 4, 500, 0, 0, 0, false, false, 100), stats(1.7),
                stats(1.5), Map.of("composite", stats(1.5)), List.of(), List.of(), List.of(), null);
        assertEquals(0, LatencyBreakdown.of(perWorker).lockWaitMillis());
        // and the other way round: the lock gone is what made the jobs faster
        assertTrue(LatencyBreakdown.difference(b, a, 0.05).endsWith("later when each job takes less time — mostly the wait to lock the"
                + " canvas (mean 4.90 → 0.050 ms)"), LatencyBreakdown.difference(b, a, 0.05));
        assertTrue(LatencyBreakdown.difference(LatencyBreakdown.of(perWorker), LatencyBreakdown.of(locked(500, 4, 2.6, 2.1, 0.5)), 0.05)
                .endsWith("the service (mean 1.50 → 2.10 ms, p99 1.400×), mostly the wait to lock the canvas (mean 0 → 0.500 ms)"));
    }

    @Test
    void aClosedLoop_saysHowMuchOfAJobsServiceWentToWaitingToLockTheCanvas() {
        Step lo = locked(1, 1, 1.5, 1.5, 0.01), hi = locked(4, 4, 4.84, 4.84, 3.6);
        Step closedLo = new Step(1, "1 worker", lo.summary(), lo.latency(), lo.stages(), List.of(), lo.service(), 1);
        Step closedHi = new Step(4, "4 workers", hi.summary(), hi.latency(), hi.stages(), List.of(), hi.service(), 4);
        String s = rampSentence(closedLo, closedHi);
        assertTrue(s.contains(" At 4 workers a job spent 3.60 of its 4.84 ms on average waiting to lock the canvas (74 %)."), s);
        assertFalse(s.contains("queueing"), s);
        assertEquals("", LatencyBreakdown.closedLockSentence("", stats(2), Map.of("composite", stats(2))), "a strategy that takes no lock");
    }

    @Test
    void lockWaitsThatPassAWorkerOverAgainAndAgain_areCalledUneven_andTheFairLockNamed() throws Exception {
        // shared-locked, two workers (as measured): most jobs took the lock at once, one waited 684 ms, 380 composites
        Stats composite = new Stats(4957, 1.0, 0.962, 1.13, 1.23, 1.8, 6.19, 8.59);
        Stats barging = new Stats(4957, 0.977, 0.00003, 0.0001, 0.001, 0.001, 320.1, 684.2);
        assertEquals(" The lock waits were uneven: half the jobs took the lock at once (p50 under 1 µs) while the longest waited 684.2 ms,"
                        + " as long as 380 composites at their p99 (1.80 ms): the lock is not fair (the worker that releases it may take it"
                        + " again ahead of those waiting), so a worker was passed over many times in a row; strategy shared-fair hands the"
                        + " lock over in turn.",
                LatencyBreakdown.unevenLockSentence("shared-locked", Map.of("lock-wait", barging, "composite", composite), 2));
        // striped has no fair form to name
        assertTrue(LatencyBreakdown.unevenLockSentence("striped", Map.of("lock-wait", barging, "composite", composite), 2)
                .endsWith("passed over many times in a row."));
        // shared-fair, two workers: every job waits about one turn, none much more
        Stats turns = new Stats(4758, 1.07, 1.007, 1.15, 1.3, 3.19, 5.02, 5.75);
        assertEquals("", LatencyBreakdown.unevenLockSentence("shared-fair", Map.of("lock-wait", turns, "composite", composite), 2));
        // the longest wait against the other workers' turns: 684 ms is 380 composites, uneven for 2 workers, not for 64
        assertEquals("", LatencyBreakdown.unevenLockSentence("shared-locked", Map.of("lock-wait", barging, "composite", composite), 64));
        // read from a session file, with its strategy and workers
        com.fasterxml.jackson.databind.node.ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("settings")).put("strategy", "shared-locked");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("stages")).putObject("lock-wait").put("count", 4129).put("mean", 1)
                .put("p50", 0.00003).put("p90", 0.0001).put("p95", 0.001).put("p99", 0.5).put("p999", 300).put("max", 700);
        assertTrue(LatencyBreakdown.unevenLockSentence(SessionReader.parse(root, "s.json", "s.json")).startsWith(
                "The lock waits were uneven: half the jobs took the lock at once (p50 under 1 µs) while the longest waited 700 ms,"
                        + " as long as 114 composites at their p99 (6.13 ms)"));
        com.fasterxml.jackson.databind.node.ObjectNode noStages = root.deepCopy();
        noStages.remove("stages");
        assertEquals("", LatencyBreakdown.unevenLockSentence(SessionReader.parse(noStages, "t.json", "t.json")));
        // a file without lock waits, or without the composite stage
        assertEquals("", LatencyBreakdown.unevenLockSentence("pooled", Map.of("composite", composite), 2));
        assertEquals("", LatencyBreakdown.unevenLockSentence("shared-locked", Map.of("lock-wait", barging), 2));
    }

    @Test
    void aGrowingServiceTimeWithLittleWait_isTheJobsThemselves() {
        String s = rampSentence(step(100, 4, 2.1, 2, 0), step(400, 4, 12.5, 12, 0));
        assertTrue(s.endsWith(" The rise is in the jobs themselves: their mean service time grew from 2 to 12 ms (p99 6 to 36 ms)"
                + " while a job's mean wait to start went from 0.100 to 0.500 ms, and the workers went from 5 % to 100 % busy:"
                + " contention, collections or cores shared with other work, more than queueing."), s);
        assertFalse(s.contains("That slowdown"), s);
    }

    @Test
    void waitAndServiceGrowingAlike_isBoth() {
        String s = rampSentence(step(100, 4, 2.5, 2, 0), step(200, 4, 12.5, 7, 0));
        assertTrue(s.endsWith(" Queueing and slower jobs both add to the rise: a job's mean wait to start grew from 0.500 to 5.50 ms"
                + " (the workers went from 5 % to 35 % busy), and the mean service time grew from 2 to 7 ms."), s);
    }

    @Test
    void collectionsPausingTheJvmMoreAtTheTop_areNamedWithTheirShareOfTheTime() {
        // 200 ms of pauses over 4 s at the top, 4 ms at the bottom
        String s = rampSentence(step(100, 2, 4.2, 4, 4), step(450, 2, 20, 4, 200));
        assertTrue(s.endsWith(" Collections paused the JVM 5 % of the time at 450 jobs/s, against 0.1 % at 100 jobs/s."), s);
        // the same share at both ends explains nothing about the rise
        assertFalse(rampSentence(step(100, 2, 4.2, 4, 200), step(450, 2, 20, 4, 200)).contains("Collections"));
    }

    @Test
    void aSmallRise_aClosedLoop_orAFileWithoutServiceTimes_getNoBreakdown() {
        assertFalse(rampSentence(step(100, 2, 4, 3.9, 0), step(200, 2, 4.8, 4, 0)).contains("queueing"));
        Step lo = step(2, 2, 4, 4, 0), hi = step(8, 8, 40, 40, 0);
        Step closedLo = new Step(2, "2 workers", lo.summary(), lo.latency(), Map.of(), List.of(), lo.service(), 2);
        Step closedHi = new Step(8, "8 workers", hi.summary(), hi.latency(), Map.of(), List.of(), hi.service(), 8);
        assertFalse(rampSentence(closedLo, closedHi).contains("jobs themselves"));
        Step old = step(450, 2, 20, 4, 0);
        Step noService = new Step(old.load(), old.loadText(), old.summary(), old.latency(), Map.of(), List.of());
        assertEquals("p99 rose from 12.60 ms at 100 jobs/s to 60 ms at 450 jobs/s (4.76×). The steepest rise comes after 100 jobs/s:"
                + " that is the knee.", rampSentence(step(100, 2, 4.2, 4, 0), noService));
    }

    @Test
    void stepTable_showsTheServiceP99AndTheWorkersBusyShare_orDashesForAnOldFile() {
        Step old = step(450, 2, 20, 4, 0);
        Session ramp = Session.liveRamp("r", List.of(step(100, 2, 4.2, 4, 0),
                new Step(old.load(), old.loadText(), old.summary(), old.latency(), Map.of(), List.of())));
        List<String> header = ReportTables.stepHeader();
        List<List<String>> rows = ReportTables.stepRows(ramp);
        assertEquals("12", rows.get(0).get(header.indexOf("service p99")));
        assertEquals("20 %", rows.get(0).get(header.indexOf("busy")));
        assertEquals("–", rows.get(1).get(header.indexOf("service p99")));
        assertEquals("–", rows.get(1).get(header.indexOf("busy")));
    }

    /** An open-loop session offered 400 jobs/s on 2 workers, done at {@code throughput}, with {@code backlog} warm-up jobs ending in it. */
    private static Session openSession(double throughput, long backlog) {
        Summary sum = new Summary(1200, 0, "", 3, throughput, 54, 0, 0, false, false, 390, 0, backlog);
        return new Session("s.json", Session.Kind.SESSION, "", false,
                Map.of("load.model", "open", "load.ratePerSecond", "400.0", "load.workers", "2"), "synthetic", "", Map.of(), Map.of(),
                sum, stats(6.65), stats(3.93), Map.of(), List.of(), List.of(), List.of(), null);
    }

    @Test
    void aFewJobsQueuedAtTheWarmUpsEnd_nearSaturation_areNotCalledABacklog() {
        // 79 % busy: 2.7 jobs in the system on average, so 4 at the boundary is the queue, not a backlog
        String said = Summaries.sentence(openSession(400.8, 4));
        assertTrue(said.contains(" The workers were busy 79 % of the time; a job waited 2.72 ms on average to start and ran 3.93 ms."), said);
        assertFalse(said.contains("backlog"), said);
        assertTrue(Summaries.sentence(openSession(400.8, 200)).contains(" The warm-up fell behind (a cold start or a pause) and left a"
                + " backlog: 200 jobs due in it ended in the measured phase"));
        assertTrue(Summaries.sentence(openSession(300, 30)).contains(" The warm-up left a backlog (the rate is beyond what the system does):"
                + " 30 jobs due in it"), "overloaded throughout: " + Summaries.sentence(openSession(300, 30)));
    }

    /** An open-loop breakdown: {@code throughput} jobs/s on 2 workers at these means (ms). */
    private static LatencyBreakdown open(double throughput, double meanLatency, double meanService) {
        return LatencyBreakdown.of(new Summary(1000, 0, "", 4, throughput, 0, 0, 0, false, false, 100), stats(meanLatency),
                stats(meanService), Map.of(), 2);
    }

    @Test
    void comparedSessions_sayWhereTheDifferenceInMeanLatencyWent() {
        assertEquals("the difference in mean latency (4.70 → 8.22 ms) is mostly the wait to start (mean 0.670 → 4.20 ms, the workers"
                + " 60 % → 84 % busy), not the service (mean 4.03 → 4.02 ms, p99 0.998×): queueing",
                LatencyBreakdown.difference(open(300, 4.7, 4.03), open(420, 8.22, 4.02), 0.05));
        // a shared lock: the jobs take 4x as long, so the same workers fill up and the wait follows
        assertEquals("the difference in mean latency (1.75 → 176 ms) is mostly the wait to start (mean 0.200 → 169.4 ms, the workers"
                + " 19 % → 100 % busy), which the slower service brought on (mean 1.55 → 6.60 ms, p99 4.258×): the same workers fill"
                + " sooner when each job takes longer — contention, collections or cores shared with other work",
                LatencyBreakdown.difference(open(250, 1.75, 1.55), open(500, 176, 6.6), 0.05));
        assertEquals("the difference in mean latency (2.10 → 12.50 ms) is mostly the service (mean 2 → 12 ms, p99 6.000×), not the wait"
                + " to start (mean 0.100 → 0.500 ms, the workers 10 % → 60 % busy): the jobs themselves",
                LatencyBreakdown.difference(open(100, 2.1, 2), open(100, 12.5, 12), 0.05));
        assertTrue(LatencyBreakdown.difference(open(100, 2.5, 2), open(100, 12.5, 7), 0.05)
                .contains(" is both the wait to start (mean 0.500 → 5.50 ms"));
    }

    @Test
    void comparedSessions_withinTheThreshold_orAClosedLoop_sayNothingOfWhereItWent() {
        assertEquals("", LatencyBreakdown.difference(open(300, 4.7, 4.03), open(300, 4.8, 4.1), 0.05));
        assertEquals("", LatencyBreakdown.difference(null, open(300, 4.8, 4.1), 0.05));
        Session closed = new Session("c.json", Session.Kind.SESSION, "", false, Map.of("load.model", "closed", "load.workers", "2"),
                "synthetic", "", Map.of(), Map.of(), new Summary(100, 0, "", 1, 100, 0, 0, 0, false, false, 10), stats(4), stats(4),
                Map.of(), List.of(), List.of(), List.of(), null);
        assertEquals(null, LatencyBreakdown.of(closed), "a closed loop's jobs never wait to start");
    }

    @Test
    void openLoopSession_saysHowBusyTheWorkersWereAndHowLongAJobWaitedAgainstHowLongItRan() {
        Summary sum = new Summary(2000, 0, "", 10, 200, 0, 0, 0, false, false, 100);
        assertEquals(" The workers were busy 60 % of the time; a job waited 9 ms on average to start and ran 6 ms.",
                LatencyBreakdown.sessionSentence(sum, stats(15), stats(6), Map.of(), 2));
        assertEquals(" A job waited 9 ms on average to start and ran 6 ms.", LatencyBreakdown.sessionSentence(sum, stats(15), stats(6), Map.of(), 0));
        assertEquals("", LatencyBreakdown.sessionSentence(sum, stats(15), Stats.EMPTY, Map.of(), 2));
        assertEquals(" The workers were busy 60 % of the time; a job waited 9 ms on average to start and ran 6 ms, 2.50 ms of it waiting"
                + " to lock the canvas.", LatencyBreakdown.sessionSentence(sum, stats(15), stats(6),
                Map.of(LatencyBreakdown.LOCK_WAIT, stats(2.5)), 2));
    }
}

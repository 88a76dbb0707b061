package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ramp's one sentence says which way p99 went, where the knee is, and which steps started cold. */
class RampSentenceTest {
    private static Session.Step step(double rate, double p99, long warmupJobs) {
        Session.Summary sum = new Session.Summary(1000, 0, "", 2, rate, 0, 0, 0, false, false, warmupJobs);
        Session.Stats lat = new Session.Stats(1000, p99 / 3, p99 / 4, p99 / 2, p99 / 1.5, p99, p99 * 1.2, p99 * 1.5);
        return new Session.Step(rate, SessionReader.fmt(rate) + " jobs/s", sum, lat, Map.of(), List.of());
    }

    @Test
    void risingRamp_namesTheRiseAndTheKnee() {
        assertEquals("p99 rose from 5 ms at 100 jobs/s to 400 ms at 400 jobs/s (80×). The steepest rise comes after 200 jobs/s: that is the knee.",
                Summaries.sentence(Session.liveRamp("r", List.of(step(100, 5, 50), step(200, 6, 90), step(400, 400, 200)))));
    }

    @Test
    void fallingRamp_saysItFell_andNamesNoKnee() {
        assertEquals("p99 fell from 1110 ms at 200 jobs/s to 122 ms at 1200 jobs/s (0.110×).",
                Summaries.sentence(Session.liveRamp("r", List.of(step(200, 1110, 60), step(1200, 122, 500)))));
    }

    @Test
    void flatRamp_saysItChangedLittle() {
        assertEquals("p99 changed little from 5 ms at 100 jobs/s to 5.20 ms at 300 jobs/s (1.04×).",
                Summaries.sentence(Session.liveRamp("r", List.of(step(100, 5, 50), step(300, 5.2, 150)))));
    }

    @Test
    void stepWithNoJobEndedInItsWarmUp_isNamedAsCold() {
        assertEquals("p99 fell from 1110 ms at 200 jobs/s to 7 ms at 600 jobs/s (0.006×). The step at 200 jobs/s started cold "
                + "(no job ended in its warm-up), so class loading and JIT compilation are in its figures; a longer warm-up leaves them out.",
                Summaries.sentence(Session.liveRamp("r", List.of(step(200, 1110, 0), step(600, 7, 300)))));
    }

    @Test
    void aColdFirstStep_isLeftOutOfTheRiseAndTheKnee_whileTwoWarmStepsAreThere() {
        // the workbench's 1 s warm-up: the first step's 1.9 s is the JIT compiling, and read as the
        // start of the rise it made a 119x rise look like 1.25x
        assertEquals("p99 rose from 20 ms at 600 jobs/s to 2380 ms at 1400 jobs/s (119×). The steepest rise comes after 600 jobs/s: that is "
                + "the knee. The step at 200 jobs/s started cold (no job ended in its warm-up), so class loading and JIT compilation are in its "
                + "figures, and the rise above is read without it; a longer warm-up leaves them out.",
                Summaries.sentence(Session.liveRamp("r", List.of(step(200, 1900, 0), step(600, 20, 300), step(1000, 960, 500),
                        step(1400, 2380, 700)))));
    }

    @Test
    void aStepWhoseJobsWereStillGettingFaster_isNamedAsStillWarmingUp() {
        Session.Step warm = step(100, 5, 50), settled = step(300, 5.2, 150);
        java.util.List<Session.Interval> iv = new java.util.ArrayList<>();
        for (int k = 1; k <= 30; k++) { // the first fifth's jobs at 6 ms, the rest at 3
            Session.Stats srv = new Session.Stats(10, k <= 6 ? 6 : 3, 3, 3, 3, 3, 3, 3);
            iv.add(new Session.Interval(0.1 * k, 100, srv, srv, 0, 0, 0, -1));
        }
        warm = new Session.Step(warm.load(), warm.loadText(), warm.summary(), warm.latency(), warm.stages(), iv);
        assertEquals("p99 changed little from 5 ms at 100 jobs/s to 5.20 ms at 300 jobs/s (1.04×). The step at 100 jobs/s was still warming up "
                + "(the jobs' mean service time in its first fifth was 1.25× or more that of the last); a longer warm-up leaves that out.",
                Summaries.sentence(Session.liveRamp("r", List.of(warm, settled))));
    }

    @Test
    void aWatchedRamp_saysHowTheRacingAccessesGrewWithTheLoad() {
        java.util.List<Session.Step> steps = new java.util.ArrayList<>();
        for (int w : new int[] {1, 2, 4}) {
            java.util.List<Session.Interval> iv = new java.util.ArrayList<>();
            for (int k = 1; k <= 10; k++) {
                Session.Stats srv = new Session.Stats(10, 3, 3, 3, 3, 3, 3, 3);
                iv.add(new Session.Interval(0.1 * k, 100, srv, srv, 0, 0, 0, -1, Double.NaN, (w - 1) * 150L));
            }
            Session.Step base = step(w, 5, 50);
            steps.add(new Session.Step(w, w + (w == 1 ? " worker" : " workers"), base.summary(), base.latency(), base.stages(), iv));
        }
        Session.Access a = new Session.Access("blendbench-worker-0", "write", "8x8+0+0", List.of());
        Session ramp = Session.liveRamp("r", steps);
        ramp = new Session(ramp.name(), ramp.kind(), ramp.createdAt(), ramp.partial(), Map.of("raceDetect", "true"), ramp.workload(),
                ramp.strategy(), ramp.machine(), ramp.jvm(), ramp.summary(), ramp.latency(), ramp.service(), ramp.stages(), ramp.intervals(),
                List.of(new Session.Race("shared canvas", "8x8+0+0", 3000, a, a, new int[] {0, 0, 8, 8}, -1)), ramp.steps(), ramp.cliff());
        assertEquals(" The race detector found 1 race on shared pixels; racing accesses went from 0 a second at 1 worker to 4,500 at 4 workers.",
                Summaries.sentence(ramp).substring(Summaries.sentence(ramp).indexOf(" The race detector")));
    }

    @Test
    void stepEndedByTheDrainLimit_isNamed_asItsPercentilesAreLowerBounds() {
        Session.Step cut = step(800, 9000, 300);
        cut = new Session.Step(cut.load(), cut.loadText(), new Session.Summary(400, 0, "", 12, 80, 0, 0, 0, false, false, 300, 1500, 0),
                cut.latency(), cut.stages(), cut.intervals());
        assertEquals("p99 rose from 5 ms at 100 jobs/s to 9000 ms at 800 jobs/s (1800×). The steepest rise comes after 100 jobs/s: that is the knee. The step at 800 jobs/s was ended by the "
                + "drain limit with jobs still queued, counted at their wait so far, so its percentiles are lower bounds.",
                Summaries.sentence(Session.liveRamp("r", List.of(step(100, 5, 50), cut))));
    }

    private static String objective(String slo, Session.Step... steps) {
        Session ramp = Session.liveRamp("r", List.of(steps), Map.of("slo", Summaries.rampObjectiveText(slo)));
        return Summaries.objectiveSentence(ramp);
    }

    @Test
    void anObjective_isSaidUpToTheStepItHolds_andFromWhichItIsMissed() {
        assertEquals(" p99 <= 20.0ms holds up to 200 jobs/s and is missed from 400 jobs/s (400 ms).",
                objective("p99=20ms", step(100, 5, 50), step(200, 6, 90), step(400, 400, 200)));
        assertEquals(" p99 <= 500ms holds at every step, up to 400 jobs/s.",
                objective("p99=500ms", step(100, 5, 50), step(200, 6, 90), step(400, 400, 200)));
        assertEquals(" p99 <= 1.00ms is missed already at 100 jobs/s (5 ms).",
                objective("p99=1ms", step(100, 5, 50), step(200, 6, 90)));
        // a step that meets it again after a miss does not move "up to": the first miss is the cliff
        assertEquals(" p99 <= 20.0ms holds up to 100 jobs/s and is missed from 200 jobs/s (30 ms).",
                objective("p99=20ms", step(100, 5, 50), step(200, 30, 90), step(400, 10, 200)));
        // another percentile than p99: judged on that one (p50 is p99 / 4 here)
        assertEquals(" p50 <= 50.0ms holds up to 200 jobs/s and is missed from 400 jobs/s (100 ms).",
                objective("p50=50ms", step(100, 5, 50), step(200, 6, 90), step(400, 400, 200)));
    }

    @Test
    void aColdStep_isLeftOutOfTheObjective_whileWarmStepsAreThere() {
        // the first step's 1.9 s is the JIT compiling the kernels, not the load
        assertEquals(" p99 <= 30.0ms holds up to 600 jobs/s and is missed from 1000 jobs/s (960 ms) (judged without the cold step at 200 jobs/s).",
                objective("p99=30ms", step(200, 1900, 0), step(600, 20, 300), step(1000, 960, 500)));
        assertEquals(" p99 <= 30.0ms is missed already at 200 jobs/s (1900 ms).", objective("p99=30ms", step(200, 1900, 0)),
                "all cold: judged as they are");
    }

    /**
     * The command line's first step at 400 jobs/s with a 1 s warm-up: 9 jobs ended in the warm-up,
     * but it fell behind, and the 289 jobs due in it that ended in the measured phase held up the
     * first intervals (their mean latency 300 ms); the others' jobs took 1.5 ms. With
     * {@code overloadedThroughput} the step did far less than its rate instead.
     */
    private static Session.Step fellBehind(double throughput) {
        Session.Summary sum = new Session.Summary(800, 0, "", 2, throughput, 0, 0, 0, false, false, 9, 0, 289);
        List<Session.Interval> iv = new java.util.ArrayList<>();
        for (int k = 1; k <= 20; k++) {
            double mean = k <= 6 ? 300 : 1.5;
            Session.Stats l = new Session.Stats(40, mean, mean, mean, mean, mean, mean, mean);
            iv.add(new Session.Interval(0.1 * k, 400, l, l, 0, 0, 0, -1));
        }
        Session.Stats lat = new Session.Stats(800, 150, 1.45, 300, 350, 381.7, 387.7, 387.7);
        return new Session.Step(400, "400 jobs/s", sum, lat, Map.of(), iv, Session.Stats.EMPTY, 2);
    }

    @Test
    void aStepWhoseWarmUpFellBehind_isNamedAsCold_andLeftOutOfTheObjective() {
        // the whole phase's mean latency (150 ms × 545 jobs/s: 82 jobs in the system, four times of
        // which is more than the backlog) would hide the backlog behind itself; its intervals
        // typically held under one job
        Session ramp = Session.liveRamp("r", List.of(fellBehind(545), step(800, 4.49, 300), step(1200, 6, 500)),
                Map.of("slo", Summaries.rampObjectiveText("p99=20ms")));
        String s = Summaries.sentence(ramp);
        assertEquals(true, s.contains("The step at 400 jobs/s started cold (its warm-up fell behind, leaving 289 jobs the first measured"
                + " ones waited behind), so class loading and JIT compilation are in its figures, and the rise above is read without it"), s);
        assertEquals(true, s.startsWith("p99 rose from 4.49 ms at 800 jobs/s to 6 ms at 1200 jobs/s (1.34×)"), s);
        assertEquals(" p99 <= 20.0ms holds at every step, up to 1200 jobs/s (judged without the cold step at 400 jobs/s).",
                Summaries.objectiveSentence(ramp));
    }

    @Test
    void aColdStep_isMarkedOnTheLatencyAgainstLoad_underTheLines() {
        Session ramp = Session.liveRamp("r", List.of(fellBehind(545), step(800, 4.49, 300), step(1200, 6, 500)));
        var markers = LoadCurves.latencyVersusLoad(ramp).getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        assertEquals(1, markers.size());
        var cold = (org.jfree.chart.plot.ValueMarker) markers.iterator().next();
        assertEquals(400, cold.getValue());
        assertEquals("cold", cold.getLabel());
        Session warm = Session.liveRamp("r", List.of(step(400, 5, 200), step(800, 4.49, 300)));
        assertEquals(null, LoadCurves.latencyVersusLoad(warm).getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND));
    }

    @Test
    void aKneeAtTheFirstStep_isLabelledRightOfItsLine_notCutOffAtThePlotsEdge() {
        // two steps, as a live closed-loop ramp has after its second: 1 and 2 workers, the knee at the first
        Session ramp = Session.liveRamp("r", List.of(step(1, 5, 50), step(2, 400, 90)));
        java.util.Collection<?> markers = LoadCurves.latencyVersusLoad(ramp).getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        var knee = markers.stream().map(org.jfree.chart.plot.ValueMarker.class::cast).filter(m -> m.getLabel().startsWith("knee"))
                .findFirst().orElseThrow();
        assertEquals(1, knee.getValue());
        assertEquals(org.jfree.chart.ui.TextAnchor.TOP_LEFT, knee.getLabelTextAnchor(), "the label starts at the line and runs right");
    }

    @Test
    void anOverloadedStepsBacklog_isTheLoads_notACold() {
        // 300 jobs/s done of 400 offered: the queue grew throughout, the backlog with it
        Session ramp = Session.liveRamp("r", List.of(step(200, 5, 50), step(300, 6, 90), fellBehind(300)));
        assertEquals(false, Summaries.sentence(ramp).contains("cold"), Summaries.sentence(ramp));
    }

    @Test
    void anObjectiveARampCannotJudge_isRefused_andNoneIsNoSentence() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Summaries.rampObjectiveText("p97=20ms"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Summaries.rampObjectiveText("20ms"));
        assertEquals("", Summaries.objectiveSentence(Session.liveRamp("r", List.of(step(100, 5, 50)))));
    }

    @Test
    void oneStep_isSaidWithoutAComparisonToItself() {
        assertEquals("p99 was 5 ms at 100 jobs/s.", Summaries.sentence(Session.liveRamp("r", List.of(step(100, 5, 50)))));
    }

    @Test
    void rampStoppedBetweenSteps_saysSo_afterHowMany() throws ReportException {
        String json = """
                {"schema": "blendbench-stress/1", "stopped": true, "settings": {"strategy": "pooled"},
                 "steps": [{"load": {"model": "closed", "workers": 1}, "jobs": 10, "warmupJobs": 5,
                            "throughputPerSecond": 100, "measuredSeconds": 1, "stopped": false,
                            "latency": {"count": 10, "mean": 1, "p50": 1, "p90": 2, "p95": 2, "p99": 3, "p999": 3, "max": 3}}]}
                """;
        assertEquals("p99 was 3 ms at 1 worker under strategy pooled. The ramp was stopped early, after 1 step.",
                Summaries.sentence(SessionReader.parse(SessionReader.tree(json), "r", "r")));
    }

    @Test
    void aStepInWhichNoJobEnded_isLeftOutOfTheSentence_notReadAsALatencyOfZero() {
        Session.Step none = new Session.Step(3, "3 workers", new Session.Summary(0, 0, "", 0, 0, 0, 0, 0, false, true, 0),
                Session.Stats.EMPTY, Map.of(), List.of());
        assertEquals("p99 rose from 5 ms at 100 jobs/s to 9 ms at 200 jobs/s (1.80×).",
                Summaries.sentence(Session.liveRamp("r", List.of(step(100, 5, 50), step(200, 9, 90), none))));
    }
}

package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blendbench.app.report.IntervalCsv;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StressCommandTest {
    @TempDir
    Path dir;

    @Test
    void overloadAndAColdStart_areSaidInTheSummary() throws Exception {
        // one worker, 10 ms jobs (100 jobs/s at most) offered 200 jobs/s; the 1 ms warm-up ends before any job
        Path json = dir.resolve("over.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:10ms",
                "--workers", "1", "--rate", "200", "--warmup", "1ms", "--duration", "500ms", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("overloaded: 200.0 jobs/s offered"), r.out());
        assertTrue(r.out().contains("warning: no job ended during the"), r.out());
        String sentence = dev.blendbench.app.report.Summaries.sentence(dev.blendbench.app.report.SessionReader.read(json));
        assertTrue(sentence.contains("offered 200 jobs/s (overloaded"), sentence);
        assertTrue(sentence.contains("No job ended during the warm-up"), sentence);
        ComposeCommandTest.Result ok = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:1ms",
                "--workers", "1", "--rate", "50", "--warmup", "200ms", "--duration", "500ms");
        assertEquals(0, ok.code(), ok.err());
        // (other work on a busy machine may take the CPU: that warning is about the machine, not this session)
        assertFalse(ok.out().contains("overloaded") || ok.out().lines().anyMatch(l -> l.startsWith("warning")
                && !l.contains(" while this ran: CPU time the workload may have wanted")), ok.out());
    }

    @Test
    void aSessionInWhichNoMeasuredJobEnded_saysWhy_andCountsTheJobsBegunInTheWarmUpApart() throws Exception {
        // one worker, a 1.5 s job begun in the 100 ms warm-up: it ends in the 300 ms measured phase, and nothing begun there ends
        Path json = dir.resolve("none.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:1500ms",
                "--workers", "1", "--closed", "--warmup", "100ms", "--duration", "300ms", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("jobs 0 in \\d+\\.\\d s, and 1 begun in the warm-up: \\d\\.\\d jobs/s; .*")), r.out());
        assertTrue(r.out().contains("warning: no job begun in the measured 300ms ended (the one that ended in it was begun in the warm-up),"
                + " so there is no latency to report: a job took longer than that here; a longer --warmup"), r.out());
        String sentence = dev.blendbench.app.report.Summaries.sentence(dev.blendbench.app.report.SessionReader.read(json));
        assertTrue(sentence.startsWith("No job begun in the measured phase ended (1 job begun in the warm-up ended in it): a job took"
                + " longer than the session; a longer warm-up and duration give the jobs time."), sentence);
        assertFalse(sentence.contains("these figures include the cold start"), "there are none for it to be in: " + sentence);
    }

    @Test
    void aWarmUpUntilSteady_endsOnceSteady_andTheFileSaysHowLongItRan() throws Exception {
        Path json = dir.resolve("auto.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:2ms", "--workers", "2",
                "--closed", "--warmup", "auto:20s", "--duration", "500ms", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warm-up until steady (at most 20.0s)"), r.err());
        assertTrue(r.out().contains("warm-up steady after "), r.out());
        var s = dev.blendbench.app.report.SessionReader.read(json);
        assertTrue(s.summary().warmupSteady());
        assertTrue(s.summary().warmupSeconds() >= 3 && s.summary().warmupSeconds() < 20, "ran: " + s.summary().warmupSeconds());
        assertEquals("true", s.settings().get("warmupUntilSteady"));
        assertTrue(dev.blendbench.app.report.Summaries.sentence(s).contains("The warm-up ran until the jobs' service time was steady: "),
                dev.blendbench.app.report.Summaries.sentence(s));
        for (String bad : new String[] {"auto:", "auto:0s", "auto:soon", "autumn"}) {
            ComposeCommandTest.Result refused = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:2ms", "--workers", "1",
                    "--closed", "--warmup", bad, "--duration", "500ms");
            assertEquals(2, refused.code(), bad);
            assertTrue(refused.err().startsWith("blendbench stress: --warmup"), bad + ": " + refused.err());
        }
    }

    @Test
    void drainLimit_endsAnOverloadedOpenLoop_andTheJobsStillQueuedAreCountedAtTheirWait() throws Exception {
        // one worker, 10 ms jobs (100 jobs/s at most) offered 400 jobs/s for 500 ms: 200 due, about 50
        // done by the end; draining the rest would take 1.5 s, the limit allows 0.3 s
        Path json = dir.resolve("cut.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:10ms",
                "--workers", "1", "--rate", "400", "--warmup", "0s", "--duration", "500ms", "--drain-limit", "300ms",
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("then draining for at most 300ms"), r.err());
        assertTrue(r.out().contains("the drain limit ended the session"), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        long jobs = root.at("/summary/jobs").asLong(), queued = root.at("/summary/queuedAtEnd").asLong();
        assertTrue(queued > 0, r.out());
        assertEquals(200, jobs + queued, "every job due is done or counted as queued");
        assertEquals(200, root.at("/latency/count").asLong());
        assertEquals(jobs, root.at("/service/count").asLong());
        assertFalse(root.at("/summary/stopped").asBoolean());
        assertEquals(0.3, root.at("/settings/drainLimitSeconds").asDouble(), 1e-9);
        var session = dev.blendbench.app.report.SessionReader.read(json);
        assertEquals(queued, session.summary().queuedAtEnd());
        String sentence = dev.blendbench.app.report.Summaries.sentence(session);
        assertTrue(sentence.contains("its drain limit of 0.3 s ended the session with " + queued + " jobs still queued"), sentence);
        assertTrue(sentence.contains("these percentiles are lower bounds"), sentence);
        assertTrue(dev.blendbench.app.report.Summaries.caveats(session).stream().anyMatch(c -> c.contains("drain limit")),
                "compare warns about it");

        ComposeCommandTest.Result all = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:10ms",
                "--workers", "1", "--rate", "200", "--warmup", "0s", "--duration", "300ms", "--drain-limit", "none");
        assertEquals(0, all.code(), all.err());
        assertTrue(all.err().contains("then draining without limit"), all.err());
        assertTrue(all.out().contains("jobs 60 in") && all.out().contains("the backlog drained for"), all.out());
    }

    @Test
    void syntheticOpenLoop_writesJsonCsvAndHlog_thatAgree() throws IOException, dev.blendbench.app.report.ReportException {
        Path json = dir.resolve("s.json"), csv = dir.resolve("s.csv"), hlog = dir.resolve("s.hlog");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "exp:2ms", "--workers", "2",
                "--rate", "300", "--arrivals", "poisson", "--warmup", "200ms", "--duration", "2s",
                "--json", json.toString(), "--csv", csv.toString(), "--hlog", hlog.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("p99.9"), r.out());
        // bytes in units a person reads (it printed "92066528 bytes"), the exact figure in the JSON
        assertTrue(r.out().lines().anyMatch(l -> l.matches("jobs \\d+ in .* jobs/s; [0-9.]+ (B|KB|MB) allocated per job; .*")), r.out());
        assertEquals("wrote " + json + ", " + csv + ", " + hlog, r.out().strip().lines().reduce((a, b) -> b).orElse(""),
                "the files it wrote, last, as compose and report say theirs");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("blendbench-stress/1", root.get("schema").asText());
        assertEquals("open", root.at("/settings/load/model").asText());
        assertEquals(300.0, root.at("/settings/load/ratePerSecond").asDouble());
        String sentence = dev.blendbench.app.report.Summaries.sentence(dev.blendbench.app.report.SessionReader.read(json));
        assertTrue(sentence.contains("offered 300 jobs/s in Poisson arrivals"), sentence);
        assertTrue(root.at("/machine/cores").asInt() >= 1);
        assertTrue(root.at("/jvm/version").asText().startsWith("25"));
        long jobs = root.at("/summary/jobs").asLong();
        assertTrue(jobs > 400, "jobs " + jobs);
        assertTrue(root.get("intervals").size() >= 15);

        List<String> rows = Files.readAllLines(csv);
        assertEquals(IntervalCsv.HEADER, rows.get(0));
        assertEquals(root.get("intervals").size() + 1, rows.size());
        for (int k = 1; k < rows.size(); k++) { // jobs per interval as in the JSON; no percentiles where none ended
            String[] f = rows.get(k).split(",", -1);
            long n = root.get("intervals").get(k - 1).at("/latency/count").asLong();
            assertEquals(n, Long.parseLong(f[2]));
            assertEquals(n == 0, f[3].isEmpty(), rows.get(k));
            assertEquals(root.get("intervals").get(k - 1).get("oldestWaitMillis").asDouble(), Double.parseDouble(f[15]), 0.0005,
                    "the open loop's queue age, as in the JSON");
        }

        // the .hlog read back with stock HdrHistogram gives the JSON's percentiles
        Histogram sum = new Histogram(3_600_000_000_000L, 3);
        try (FileInputStream in = new FileInputStream(hlog.toFile())) {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                sum.add((Histogram) h);
            }
        }
        assertEquals(jobs, sum.getTotalCount());
        for (String[] p : new String[][] {{"p50", "50"}, {"p99", "99"}, {"p999", "99.9"}}) {
            assertEquals(root.at("/latency/" + p[0]).asDouble(), sum.getValueAtPercentile(Double.parseDouble(p[1])) / 1e6, 1e-9, p[0]);
        }
        assertEquals(root.at("/latency/max").asDouble(), sum.getMaxValue() / 1e6, 1e-9);
    }

    @Test
    void forkedJvm_getsTheAskedHeapAndCollector_andTheVectorKernels() throws IOException {
        Path json = dir.resolve("f.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--synthetic", "const:1ms", "--workers", "1", "--closed",
                "--warmup", "0s", "--duration", "500ms", "--heap", "256m", "--gc", "serial", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(List.of("Copy", "MarkSweepCompact"), List.of(root.at("/jvm/collectors/0").asText(), root.at("/jvm/collectors/1").asText()));
        assertTrue(root.at("/jvm/maxHeapBytes").asLong() <= 256L << 20);
        assertTrue(root.at("/jvm/vectorKernels").asBoolean());
        assertTrue(r.out().contains("latency (end to end)"), r.out());
    }

    @Test
    void ramp_recordsPercentilesPerStep() throws Exception {
        Path json = dir.resolve("ramp.json"), csv = dir.resolve("ramp.csv");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:2ms", "--workers", "2",
                "--ramp", "100,300,600", "--warmup", "300ms", "--duration", "700ms", "--slo", "p50=1s",
                "--json", json.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        // on a busy machine (or first in its JVM) a step's short warm-up can fall behind, or end no job: that step is
        // then said to have started cold and is left out of the judgement; the rest is as usual
        boolean cold = r.out().contains(" started cold (");
        assertTrue(r.out().contains(cold ? ") (judged without the cold step at " : " p50 <= 1.00s holds at every step, up to 600 jobs/s."),
                "the objective, judged: " + r.out());
        assertTrue(r.out().contains(" p50 <= 1.00s holds at every step, up to "), r.out());
        assertEquals("p50 <= 1.00s", new ObjectMapper().readTree(json.toFile()).at("/settings/slo").asText(), "kept for the report");
        assertTrue(r.out().lines().anyMatch(l -> l.matches("p99 (rose|fell|changed little) from .*")
                && (cold || l.contains(" at 100 jobs/s to ") && l.contains(" at 600 jobs/s"))), "the ramp in one sentence: " + r.out());
        JsonNode steps = new ObjectMapper().readTree(json.toFile()).get("steps");
        assertEquals(3, steps.size());
        assertEquals(100.0, steps.get(0).at("/load/ratePerSecond").asDouble());
        assertEquals(600.0, steps.get(2).at("/load/ratePerSecond").asDouble());
        for (int i = 0; i < 3; i++) {
            double rate = steps.get(i).at("/load/ratePerSecond").asDouble();
            assertEquals(rate * 0.7, steps.get(i).get("jobs").asDouble(), rate * 0.7 * 0.1, "jobs of step " + i);
            assertTrue(steps.get(i).at("/latency/p99").asDouble() >= 2.0, "each job sleeps 2 ms");
            double measured = steps.get(i).get("measuredSeconds").asDouble();
            assertTrue(measured >= 0.69 && measured < 1.5, "step " + i + " measured " + measured + " s");
        }
        // each step's line says how busy the workers were: 2 ms a job, 2 workers, so about rate / 1000
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("open loop at 600.0 jobs/s")
                && l.matches(".*, workers \\d+ % busy" + ProgressLineTest.OTHER_PROCESSES + "( \\(cold: .*\\))?")), r.out());
        var read = dev.blendbench.app.report.SessionReader.read(json);
        for (var st : read.steps()) {
            assertEquals(2, st.workers());
            assertTrue(st.service().count() > 0 && st.service().mean() >= 2.0, "the steps' service times are read: " + st.service());
            double busy = dev.blendbench.app.report.LatencyBreakdown.of(st).busy();
            assertTrue(busy > st.load() / 1000 * 0.9 && busy < st.load() / 1000 * 3, st.loadText() + ": busy " + busy);
        }
        assertEquals(4, Files.readAllLines(csv).size());
        assertEquals(IntervalCsv.STEPS_HEADER, Files.readAllLines(csv).get(0));
        // where the latency went, per step: a 2 ms service p99 at least, a wait of its own, and about rate / 1000 of the workers busy
        List<String> header = List.of(IntervalCsv.STEPS_HEADER.split(","));
        String[] top = Files.readAllLines(csv).get(3).split(",", -1);
        assertTrue(Double.parseDouble(top[header.indexOf("service_p99_ms")]) >= 2.0, String.join(",", top));
        assertTrue(Double.parseDouble(top[header.indexOf("mean_wait_ms")]) >= 0, String.join(",", top));
        double busy = Double.parseDouble(top[header.indexOf("busy")]);
        assertTrue(busy > 0.54 && busy <= 1, "busy " + busy);
    }

    @Test
    void closedLoopRamp_isPlottedAgainstWholeWorkerCounts_fromOneWorker() throws Exception {
        Path json = dir.resolve("workers.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:1ms", "--workers", "1",
                "--closed", "--ramp", "1,2", "--warmup", "50ms", "--duration", "300ms", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        var session = dev.blendbench.app.report.SessionReader.read(json);
        String sentence = dev.blendbench.app.report.Summaries.sentence(session);
        assertTrue(sentence.contains(" at 1 worker to ") && sentence.contains(" at 2 workers"), sentence);
        var chart = dev.blendbench.app.report.LoadCurves.latencyVersusLoad(session);
        var x = (org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getDomainAxis();
        assertEquals("workers (closed loop)", x.getLabel());
        assertTrue(x.getStandardTickUnits().getCeilingTickUnit(0.3).getSize() >= 1, "whole-number ticks");
    }

    @Test
    void severalStrategies_runOneAfterAnother_eachForked_thenSideBySideWithVerdicts() throws Exception {
        Path json = dir.resolve("cmp.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--strategy", "per-worker,shared-locked", "--workers", "2",
                "--closed", "--duration", "1s", "--warmup", "1s", "--json", json.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("strategy per-worker (1 of 2)") && r.out().contains("strategy shared-locked (2 of 2)"), r.out());
        List<String> lines = r.out().lines().toList();
        int head = lines.indexOf("strategies compared (the first, per-worker, is the baseline):");
        assertTrue(head > 0, r.out());
        assertTrue(lines.get(head + 1).matches("session +jobs +jobs/s +p50 .*races"), lines.get(head + 1));
        assertTrue(lines.get(head + 2).startsWith("per-worker ") && lines.get(head + 3).startsWith("shared-locked "), r.out());
        // a verdict, or (where a busy machine left a 1 s session with too few intervals of jobs) why there is none
        assertTrue(lines.get(head + 4).matches("shared-locked vs per-worker: p99 ×\\d+\\.\\d{3} \\(95 % CI .*\\) → (slower|faster|no significant change).*")
                || lines.get(head + 4).matches("shared-locked: .* has \\d+ intervals? with jobs; at least 5 are needed \\(run the session longer\\)"),
                lines.get(head + 4));
        Path a = dir.resolve("cmp-per-worker.json"), b = dir.resolve("cmp-shared-locked.json");
        assertEquals("wrote " + a + ", " + b, lines.getLast());
        assertEquals("shared-locked", dev.blendbench.app.report.SessionReader.read(b).strategy());
    }

    @Test
    void severalStrategies_refuseWhatTheyCannotRun_withOneLine() {
        String[][] cases = {
                {"per-worker,nope", "unknown strategy 'nope'"},
                {"pooled, pooled", "--strategy names a strategy twice: pooled, pooled"},
        };
        for (String[] c : cases) {
            ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--strategy", c[0], "--workers", "2", "--closed");
            assertEquals(2, r.code(), c[0]);
            assertTrue(r.err().strip().lines().count() == 1 && r.err().contains(c[1]), r.err());
        }
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--strategy", "pooled,striped", "--workers", "2", "--closed", "--in-process");
        assertEquals("blendbench stress: several strategies run a workload JVM each: leave out --in-process", r.err().strip());
        r = ComposeCommandTest.run("stress", "--strategy", "pooled,striped", "--workers", "2", "--rate", "100", "--ramp", "100,200");
        assertEquals("blendbench stress: --ramp with several strategies: run a ramp per strategy, and compare their files", r.err().strip());
        assertEquals(List.of("a", "--strategy=pooled"), StrategyRuns.with(List.of("a", "--strategy=s,t"), "--strategy", "pooled"));
        assertEquals(List.of("a", "--strategy", "pooled", "b"), StrategyRuns.with(List.of("a", "--strategy", "s,t", "b"), "--strategy", "pooled"));
        assertEquals(List.of("a", "--json", "x.json"), StrategyRuns.with(List.of("a"), "--json", "x.json"), "added where not given");
        r = ComposeCommandTest.run("cliff", "--strategy", "pooled,striped", "--workers", "2", "--slo", "p99=20ms");
        assertEquals("blendbench cliff: cliff searches one strategy at a time: run a cliff per strategy, and report their files together",
                r.err().strip());
        assertEquals(Path.of("out", "s-pooled.json"), StrategyRuns.named(Path.of("out", "s.json"), "pooled"));
        assertEquals(Path.of("rec-pooled"), StrategyRuns.named(Path.of("rec"), "pooled"));
    }

    @Test
    void aClosedLoopRamp_needsNoWorkers_itsStepsAreThem_andWorkersGivenThereAreSaidToBeUnused() throws Exception {
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:1ms",
                "--closed", "--ramp", "1,3", "--warmup", "0", "--duration", "200ms");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("step: closed loop, 1 worker") && r.out().contains("step: closed loop, 3 workers"), r.out());
        assertFalse(r.err().contains("note:"), r.err());
        r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:1ms", "--workers", "8",
                "--closed", "--ramp", "1,3", "--warmup", "0", "--duration", "200ms");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("note: --workers 8 is not used: a closed-loop ramp's steps are its worker counts (1, 3)"),
                r.err().lines().filter(l -> l.startsWith("note:")).toList(), "said once");
        // anything else still needs them
        for (String[] args : new String[][] {{"stress", "--closed"}, {"stress", "--rate", "100"}, {"stress", "--ramp", "100,200"}}) {
            ComposeCommandTest.Result bad = ComposeCommandTest.run(args);
            assertEquals(2, bad.code(), String.join(" ", args));
            assertEquals("blendbench stress: Missing required option: '--workers=N' (see 'blendbench stress --help')", bad.err().strip());
        }
    }

    @Test
    void aForkedRamp_streamsEachStepAsItEnds_forTheLiveLoadChart() throws Exception {
        // what a workload JVM prints to its parent: an @step line per finished step, after its snapshots
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--emit-snapshots", "--synthetic", "const:1ms",
                "--workers", "1", "--closed", "--ramp", "1,2", "--warmup", "0", "--duration", "200ms");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        List<dev.blendbench.app.report.Session.Step> steps = new java.util.ArrayList<>();
        for (String l : lines) {
            if (l.startsWith(ForkedStress.STEP)) {
                steps.add(dev.blendbench.app.report.SessionReader.step(
                        dev.blendbench.app.report.SessionReader.tree(l.substring(ForkedStress.STEP.length()))));
            }
        }
        assertEquals(List.of(1.0, 2.0), steps.stream().map(dev.blendbench.app.report.Session.Step::load).toList());
        assertTrue(lines.indexOf(lines.stream().filter(l -> l.startsWith(ForkedStress.STEP)).findFirst().orElseThrow())
                > lines.indexOf(lines.stream().filter(l -> l.startsWith(ForkedStress.SNAPSHOT)).findFirst().orElseThrow()));
        assertTrue(steps.get(0).latency().count() > 50, "1 ms jobs for 200 ms: " + steps.get(0).latency().count());
        var chart = dev.blendbench.app.report.LoadCurves.latencyVersusLoad(
                dev.blendbench.app.report.Session.liveRamp("ramp", steps.subList(0, 1)));
        assertEquals(1, chart.getXYPlot().getDataset().getItemCount(0), "the first step, plotted before the second ends");
    }

    @Test
    void raceDetect_withARamp_watchesEveryStep_andTheRampFileAndReportHoldTheFindings() throws Exception {
        // --race-detect was accepted with --ramp and silently did nothing
        Path json = dir.resolve("ramp-races.json"), html = dir.resolve("ramp-races.html");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--workers", "2", "--closed", "--ramp", "1,2",
                "--strategy", "shared-unsafe", "--warmup", "0s", "--duration", "500ms", "--race-detect", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("race on shared canvas at ")), "printed as found: " + r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertTrue(root.get("races").size() >= 1, "two workers on one canvas race: " + root);
        JsonNode first = root.get("races").get(0);
        int step = first.get("step").asInt(-1);
        assertTrue(step == 0 || step == 1, "the step it was first seen in, by index: " + first);
        assertTrue(first.get("firstSeenSeconds").asDouble() < 0.6, "from that step's start of measuring: " + first);
        assertTrue(root.at("/settings/raceDetect").asBoolean());
        assertEquals(0, ComposeCommandTest.run("report", json.toString(), "-o", html.toString()).code());
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Race findings</h2>") && page.contains("<b>Race 1</b> on shared canvas"), "the ramp's report lists them");
        assertTrue(page.contains(", first seen at " + (step == 0 ? "1 worker" : "2 workers")), "with the step each was first seen in");
        assertTrue(page.contains("The race detector found " + root.get("races").size() + " race"), "and its sentence says so");
    }

    @Test
    void raceDetect_sharedUnsafe_printsTheRaceOnceAndStoresBothSides() throws IOException {
        Path json = dir.resolve("race.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--workers", "3", "--closed",
                "--strategy", "shared-unsafe", "--warmup", "0s", "--duration", "1s", "--race-detect", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("race on shared canvas at ")), r.out());
        JsonNode races = new ObjectMapper().readTree(json.toFile()).get("races");
        assertTrue(races.size() >= 1);
        // a race needs a write on at least one side; which side came first depends on the schedule
        String earlier = races.get(0).at("/earlier/kind").asText(), later = races.get(0).at("/later/kind").asText();
        assertTrue(Set.of("read", "write").containsAll(List.of(earlier, later)), earlier + "/" + later);
        assertTrue(earlier.equals("write") || later.equals("write"), earlier + "/" + later);
        assertTrue(races.get(0).at("/later/stack").size() > 0);
        double seen = races.get(0).get("firstSeenSeconds").asDouble(-1);
        assertTrue(seen >= 0 && seen < 1.5, "first seen while measuring (no warm-up): " + seen);
        assertTrue(r.out().lines().filter(l -> l.startsWith("race on ")).allMatch(l -> l.matches(".*\\(\\d+\\.\\d{3} s\\)")), r.out());
        // each finding names every thread of its races, not only the first pair: three workers, each of whose jobs
        // overwrites the canvas unordered with the others', all race
        Set<String> threads = new java.util.TreeSet<>();
        for (JsonNode f : races) f.get("threads").forEach(t -> threads.add(t.asText()));
        assertEquals(Set.of("blendbench-worker-0", "blendbench-worker-1", "blendbench-worker-2"), threads);
        assertEquals(races.size(), r.out().lines().filter(l -> l.matches("  \\d\\. (read|write) vs (read|write) on shared canvas at .*: [\\d,]+ times? "
                + "(among \\d threads \\(blendbench-worker-.*\\)|between .* and .*), both at CompositeWorkload\\.java:\\d+")).count(), r.out());
        ComposeCommandTest.Result ok = ComposeCommandTest.run("stress", "--in-process", "--workers", "3", "--closed",
                "--strategy", "shared-locked", "--warmup", "0s", "--duration", "500ms", "--race-detect");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("races: 0 findings"), ok.out());
        assertTrue(ok.err().lines().filter(l -> l.matches(" +\\d+\\.\\ds .*")).allMatch(l -> l.matches(".*races 0/s" + ProgressLineTest.OTHER_LOAD)),
                "each line says none: " + ok.err());
        // each interval of the file says how many racing accesses were found in it
        JsonNode intervals = new ObjectMapper().readTree(json.toFile()).get("intervals");
        long inIntervals = 0;
        for (JsonNode i : intervals) inIntervals += i.get("racingAccesses").asLong(-1);
        assertTrue(inIntervals > 0 && inIntervals <= total(races), inIntervals + " of " + total(races));
    }

    private static long total(JsonNode races) {
        long n = 0;
        for (JsonNode r : races) n += r.get("count").asLong();
        return n;
    }

    @Test
    void jfr_recordingIsWrittenAndReadable() throws IOException {
        Path jfr = dir.resolve("s.jfr");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:1ms", "--workers", "1",
                "--closed", "--warmup", "0s", "--duration", "300ms", "--jfr", jfr.toString());
        assertEquals(0, r.code(), r.err());
        List<jdk.jfr.consumer.RecordedEvent> events = jdk.jfr.consumer.RecordingFile.readAllEvents(jfr);
        assertTrue(events.size() > 10);
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.JVMInformation")), "the JVM's own events");
        long jobs = events.stream().filter(e -> e.getEventType().getName().equals("dev.blendbench.Job")).count();
        assertTrue(jobs > 50, "an event per 1 ms job: " + jobs);
    }

    @Test
    void jfr_withARamp_recordsEveryStep_eachPhaseNamingItsLoad() throws IOException {
        // --jfr was accepted with --ramp and no file was written
        Path jfr = dir.resolve("ramp.jfr");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--synthetic", "const:1ms", "--workers", "1",
                "--ramp", "50,100", "--warmup", "100ms", "--duration", "300ms", "--jfr", jfr.toString());
        assertEquals(0, r.code(), r.err());
        List<String> phases = jdk.jfr.consumer.RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("dev.blendbench.StressPhase"))
                .sorted(java.util.Comparator.comparing(jdk.jfr.consumer.RecordedEvent::getStartTime))
                .map(e -> e.getString("phase") + " " + e.getString("load")).toList();
        // a step that ends with jobs queued (a hiccup of a busy host) drains them in a phase of its own, named the same way
        assertEquals(List.of("warm-up open loop at 50.0 jobs/s (constant), 1 worker", "measured open loop at 50.0 jobs/s (constant), 1 worker",
                "warm-up open loop at 100.0 jobs/s (constant), 1 worker", "measured open loop at 100.0 jobs/s (constant), 1 worker"),
                phases.stream().filter(p -> !p.startsWith("drain ")).toList());
        assertTrue(phases.stream().filter(p -> p.startsWith("drain ")).allMatch(p -> p.matches("drain open loop at (50|100)\\.0 jobs/s \\(constant\\), 1 worker")),
                phases.toString());
    }

    @Test
    void workloadJvmDyingMidRun_exitsOne_andKeepsTheIntervalsMeasured() throws IOException {
        Path json = dir.resolve("dead.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--synthetic", "const:1ms", "--workers", "1", "--closed",
                "--warmup", "0s", "--duration", "30s", "--halt-after", "1500ms", "--json", json.toString());
        assertEquals(1, r.code(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("stress: the workload JVM failed to start or died (exit 134)"), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertTrue(root.get("partial").asBoolean());
        assertTrue(root.get("intervals").size() >= 5, root.toString());
        assertTrue(root.at("/summary/jobs").asLong() > 100);
    }

    @Test
    void workloadJvmOutOfHeap_saysSoAndNamesTheFlag() {
        // alloc-per-job allocates a 1920x1080 canvas per job: 24 MB of heap cannot hold two workers' jobs
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--workers", "2", "--closed", "--strategy", "alloc-per-job",
                "--warmup", "1s", "--duration", "3s", "--heap", "24m");
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(2, lines.size(), "the session's header, then why it ended: " + r.err());
        assertTrue(lines.get(0).startsWith("stress: composite 1920x1080"), r.err());
        String err = lines.get(1);
        assertTrue(err.startsWith("stress: the workload JVM failed to start or died (exit 3): Terminating due to "
                + "java.lang.OutOfMemoryError") && err.endsWith("(heap 24m: give it more with --heap)"), err);
        assertFalse(r.out().contains("OutOfMemoryError"), "said once, on stderr: " + r.out());
    }

    @Test
    void forkedJvmThatCannotStart_exitsOneWithOneLine() {
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--synthetic", "const:1ms", "--workers", "1", "--closed",
                "--duration", "1s", "--heap", "1k");
        assertEquals(1, r.code(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.startsWith("stress: the workload JVM failed to start or died"), err);
    }

    @Test
    void compositeClosedLoop_withStages_runs() throws IOException {
        Path json = dir.resolve("c.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("stress", "--in-process", "--workers", "1", "--closed", "--strategy", "pooled",
                "--stages", "decode,composite,encode", "--warmup", "0s", "--jobs", "3", "--duration", "60s", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, root.at("/summary/jobs").asLong());
        assertEquals(List.of("decode", "composite", "encode"), iterable(root.get("stages")));
        assertEquals("pooled", root.at("/settings/strategy").asText());
    }

    private static List<String> iterable(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void badInputs_exitTwoWithOneLine() {
        String[][] cases = {
                {"stress", "--workers", "2", "--closed", "--strategy", "yolo"},
                {"stress", "--workers", "2", "--rate", "0"},
                {"stress", "--workers", "2", "--rate", "-5"},
                {"stress", "--workers", "2", "--rate", "NaN"},
                {"stress", "--workers", "2", "--closed", "--rate", "10"},
                {"stress", "--workers", "2"},
                {"stress", "--workers", "0", "--closed"},
                {"stress", "--workers", "2", "--closed", "--duration", "0s"},
                {"stress", "--workers", "2", "--closed", "--duration", "forever"},
                {"stress", "--workers", "2", "--closed", "--warmup", "-1s"},
                {"stress", "--workers", "2", "--rate", "10", "--arrivals", "bursty"},
                {"stress", "--workers", "2", "--closed", "--stages", "composite,blur"},
                {"stress", "--workers", "2", "--closed", "--synthetic", "gauss:1ms"},
                {"stress", "--workers", "2", "--closed", "--inject-stall", "1s:1s"},
                {"stress", "--workers", "2", "--closed", "--heap", "lots"},
                {"stress", "--workers", "2", "--closed", "--gc", "shenandoah-ish"},
                {"stress", "--workers", "2", "--closed", "--in-process", "--gc", "zgc"},
                {"stress", "--workers", "2", "--closed", "--json", "/no/such/dir/x.json"},
                {"stress", "--workers", "2", "--closed", "missing.png"},
                {"stress", "--workers", "2", "--closed", "--ramp", "1,2.5"},
                {"stress", "--in-process", "--workers", "2", "--closed", "--synthetic", "const:1ms", "--race-detect"},
                {"stress", "--workers", "2", "--rate", "5", "--ramp", "10,-3"},
                {"stress", "--workers", "2", "--rate", "5", "--ramp", "10,x"},
                {"stress", "--workers", "2"},
                {"stress", "--workers", "2", "--ramp", "-5,10"},
                {"stress", "--workers", "2", "--ramp", "0"},
        };
        for (String[] c : cases) {
            ComposeCommandTest.Result r = ComposeCommandTest.run(c);
            assertEquals(2, r.code(), String.join(" ", c) + " -> " + r.err());
            String err = r.err().strip();
            assertFalse(err.isEmpty(), String.join(" ", c));
            assertFalse(err.contains("\n"), "one line: " + err);
            assertFalse(err.contains("Exception"), err);
            assertTrue(err.startsWith("blendbench stress: ") && !err.contains(": Error: "), "named once, no second prefix: " + err);
        }
    }
}

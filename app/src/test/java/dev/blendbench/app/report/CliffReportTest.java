package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the report tells of cliff searches and closed-loop ramps: tables that say what was measured, the USL fit in words and as a chart. */
public class CliffReportTest {
    private static Session read(String json, String name) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        return SessionReader.parse(root, name, name);
    }

    @Test
    void anOpenLoopCliffSearch_namesItsPercentileAndObjective() throws Exception {
        Session s;
        try (var in = CliffReportTest.class.getResourceAsStream("/sessions/cliff.json")) {
            s = SessionReader.parse(new ObjectMapper().readTree(in), "cliff.json", "cliff.json");
        }
        assertEquals("Rates tried", ReportTables.cliffTitle(s));
        assertEquals(List.of("offered jobs/s", "p99 ms", "meets p99 <= 30.0ms", "completed jobs/s", "busy"), ReportTables.cliffHeader(s));
        assertEquals(5, ReportTables.cliffRows(s).get(0).size());
        assertEquals("–", ReportTables.cliffRows(s).get(0).get(4), "a file from before cliff searches said how busy the workers were");
        // how steep the cliff is: from the knee (624 jobs/s, 19.19 ms) to the next rate tried (749.4, 31.65 ms)
        assertTrue(Summaries.sentence(s).endsWith(" Past it, 1.20× the load made p99 1.65× as long (19.19 to 31.65 ms)."),
                Summaries.sentence(s));
    }

    /** A closed-loop search as {@code cliff --closed --json} writes it: 1, 2, 3, 4 workers, throughput peaking past 3. */
    public static final String CLOSED = """
            {"schema": "blendbench-cliff/1", "settings": {"workers": 4, "strategy": "shared-locked"},
             "points": [{"workers": 1, "p99Millis": 2.5, "throughputPerSecond": 390.0},
                        {"workers": 2, "p99Millis": 3.25, "throughputPerSecond": 610.0},
                        {"workers": 3, "p99Millis": 5.0, "throughputPerSecond": 680.0},
                        {"workers": 4, "p99Millis": 8.0, "throughputPerSecond": 670.0}],
             "usl": {"lambda": 400.0, "sigma": 0.2, "kappa": 0.05, "peakWorkers": 4.0, "rSquared": 0.97}}
            """;

    @Test
    void aClosedLoopFit_listsWorkers_withNoObjectiveColumn() throws Exception {
        // it had "objective met: yes" on every row, though a closed-loop ramp has no objective
        Session s = read(CLOSED, "usl.json");
        assertEquals("Workers tried", ReportTables.cliffTitle(s));
        assertEquals(List.of("workers", "p99 ms", "completed jobs/s"), ReportTables.cliffHeader(s));
        assertEquals(List.of("1", "2.50", "390"), ReportTables.cliffRows(s).get(0));
        String csv = new String(SessionCsv.render(List.of(s)), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("usl.json,1.000,2.500,,390.0,,,,", csv.lines().skip(1).findFirst().orElseThrow(),
                "no objective, so no passed (nor busy or the CPU, which the file does not give)");
    }

    @Test
    void aClosedLoopFit_isSummedUpByItsUslFit_andChartedAgainstIt() throws Exception {
        // the fit was written to the file and printed, but the report said only "p99 reached 8 ms at
        // 4 workers; no knee was found", and drew no throughput
        Session s = read(CLOSED, "usl.json");
        var u = s.cliff().usl();
        assertEquals(400.0, u.lambda());
        assertEquals(4.0, u.peakWorkers());
        String text = Summaries.sentence(s);
        assertTrue(text.startsWith("Throughput went from 390 jobs/s at 1 worker to 670 jobs/s at 4 workers (1.72×; p99 2.50 → 8 ms)"), text);
        assertTrue(text.contains("USL fit: 400 jobs/s per worker, contention σ 0.2000, coherency κ 0.05000, R² 0.970")
                && text.contains("throughput peaks at 4 workers (727.3 jobs/s)"), text);
        var chart = LoadCurves.throughputVersusWorkers(s);
        var data = chart.getXYPlot().getDataset();
        assertEquals(List.of("measured", "USL fit", "linear scaling"), List.of(data.getSeriesKey(0), data.getSeriesKey(1), data.getSeriesKey(2)));
        assertEquals(4, data.getItemCount(0));
        assertEquals(u.throughputAt(1), data.getYValue(1, 0), 1e-9, "the fit's own curve");
        assertEquals(1, chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "the peak marked");

        Session noFit = read(CLOSED.replaceAll(",\\s*\"usl\": \\{[^}]*}", ""), "stopped.json");
        assertNull(noFit.cliff().usl());
        assertTrue(Summaries.sentence(noFit).contains("Too few worker counts"), Summaries.sentence(noFit));
        assertEquals(1, LoadCurves.throughputVersusWorkers(noFit).getXYPlot().getDataset().getSeriesCount(), "the points alone");
    }

    @Test
    void aFlatThroughput_isNotCalledAPoorFit_andItsContentionNearOneIsSaidInWords() throws Exception {
        // shared-locked, 1 to 8 workers: throughput flat within noise, which the mean explains as well as any curve
        int[] n = {1, 2, 3, 4, 8};
        double[] x = {599.8, 560.9, 551.6, 537.7, 687.2};
        var u = dev.blendbench.engine.stress.UniversalScalability.fit(n, x);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n.length; i++) {
            points.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "{\"workers\": %d, \"p99Millis\": 3.0, \"throughputPerSecond\": %s}", n[i], x[i]));
        }
        String json = String.format(java.util.Locale.ROOT, "{\"schema\": \"blendbench-cliff/1\", \"settings\": {\"workers\": 8, \"strategy\": \"shared-locked\"},"
                + " \"points\": [%s], \"usl\": {\"lambda\": %s, \"sigma\": %s, \"kappa\": %s, \"peakWorkers\": null, \"rSquared\": %s}}",
                points, u.lambda(), u.sigma(), u.kappa(), u.rSquared());
        String text = Summaries.sentence(read(json, "flat.json"));
        assertFalse(text.contains("poor fit"), text);
        assertTrue(text.contains("(throughput stayed within 28 % of its lowest, which leaves the fit little to explain)"), text);
        assertTrue(text.contains("Contention near 1: the jobs ran all but one at a time, so workers past the first added little."), text);
        // a curve that scales and that the fit misses is still called poor
        String scaling = CLOSED.replace("\"rSquared\": 0.97", "\"rSquared\": 0.5");
        assertTrue(Summaries.sentence(read(scaling, "poor.json")).contains("a poor fit, so read it with care"));
    }

    @Test
    void aHostileUslFit_isRefusedWithTheFieldNamed() throws Exception {
        String fit = "\"usl\": {\"lambda\": 400.0, \"sigma\": 0.2, \"kappa\": 0.05, \"peakWorkers\": 4.0, \"rSquared\": 0.97}";
        for (String bad : List.of("\"usl\": {\"lambda\": -1.0, \"sigma\": 0.2, \"kappa\": 0.05}",
                "\"usl\": {\"lambda\": \"fast\", \"sigma\": 0.2, \"kappa\": 0.05}",
                "\"usl\": {\"lambda\": 400.0, \"sigma\": 1e999, \"kappa\": 0.05}",
                "\"usl\": {\"lambda\": 400.0, \"sigma\": 0.2}",
                "\"usl\": [1, 2]")) {
            String json = CLOSED.replace(fit, bad);
            ReportException e = assertThrows(ReportException.class, () -> read(json, "bad.json"), bad);
            assertTrue(e.getMessage().contains("usl"), e.getMessage());
        }
        Session open;
        try (var in = CliffReportTest.class.getResourceAsStream("/sessions/cliff.json")) {
            open = SessionReader.parse(new ObjectMapper().readTree(in), "cliff.json", "cliff.json");
        }
        assertNull(LoadCurves.throughputVersusWorkers(open), "an open-loop search has no such chart");
    }

    /** A closed-loop ramp whose throughput follows the USL with λ 400, σ 0.1, κ 0.02 exactly (peak at 6.7 workers). */
    static Session closedRamp(double... workers) {
        var law = new dev.blendbench.engine.stress.UniversalScalability(400, 0.1, 0.02, Double.NaN, Double.NaN);
        double[] x = new double[workers.length];
        for (int i = 0; i < x.length; i++) x[i] = law.throughputAt(workers[i]);
        return closedRamp(workers, x);
    }

    static Session closedRamp(double[] workers, double[] throughput) {
        return closedRamp(workers, throughput, 0);
    }

    /** {@code coldSteps}: how many of the first steps started cold (no job ended in their warm-up). */
    static Session closedRamp(double[] workers, double[] throughput, int coldSteps) {
        List<Session.Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            double n = workers[i], x = throughput[i];
            var summary = new Session.Summary((long) (x * 5), 0, "", 5, x, 0, 0, 0, false, false, i < coldSteps ? 0 : 100);
            var l = new Session.Stats((long) (x * 5), 2 * n, 2 * n, 3 * n, 3 * n, 4 * n, 5 * n, 6 * n);
            steps.add(new Session.Step(n, (long) n + (n == 1 ? " worker" : " workers"), summary, l, java.util.Map.of(), List.of()));
        }
        return Session.liveRamp("ramp.json", steps);
    }

    @Test
    void aClosedLoopRamp_getsAUslFitOfItsOwn_inItsSentenceAndChart() {
        Session s = closedRamp(1, 2, 4, 8, 12);
        var u = Summaries.usl(s);
        assertEquals(400, u.lambda(), 1e-6);
        assertEquals(0.1, u.sigma(), 1e-6);
        assertEquals(0.02, u.kappa(), 1e-6);
        String text = Summaries.sentence(s);
        assertTrue(text.contains(" jobs/s per worker, contention σ 0.1000, coherency κ 0.02000, R² 1.000; throughput peaks at 6.71 workers")
                && text.contains("fewer than were run") && !text.contains("only three"), text);
        assertEquals(5, LoadCurves.throughputVersusWorkers(s).getXYPlot().getDataset().getItemCount(0));

        assertNull(Summaries.usl(closedRamp(1, 2)), "two worker counts: too few to fit");
        // a cold first step (as measured on this machine): the fit is poor, and the sentence says so
        String cold = Summaries.sentence(closedRamp(new double[] {1, 2, 3, 4}, new double[] {316, 1081.6, 1136.1, 1155.2}));
        assertTrue(cold.contains("a poor fit, so read it with care: "), cold);
        // ... and where the ramp says the step started cold, the fit leaves it out while three others remain
        var law = new dev.blendbench.engine.stress.UniversalScalability(400, 0.1, 0.02, Double.NaN, Double.NaN);
        Session coldFirst = closedRamp(new double[] {1, 2, 4, 8}, new double[] {90, law.throughputAt(2), law.throughputAt(4), law.throughputAt(8)}, 1);
        assertEquals(0.1, Summaries.usl(coldFirst).sigma(), 1e-6, "fitted to the warm steps alone");
        String said = Summaries.sentence(coldFirst);
        assertTrue(said.contains("USL fit (without the cold step at 1 worker): ") && said.contains("R² 1.000 from only three worker counts"), said);
        Session mostlyCold = closedRamp(new double[] {1, 2, 4}, new double[] {90, law.throughputAt(2), law.throughputAt(4)}, 1);
        assertTrue(Summaries.sentence(mostlyCold).contains("USL fit: "), "too few warm steps: all of them, as they are");
        assertEquals(1, LoadCurves.throughputVersusWorkers(closedRamp(1, 2)).getXYPlot().getDataset().getSeriesCount());
    }
}

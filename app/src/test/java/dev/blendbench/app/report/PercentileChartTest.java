package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blendbench.engine.stress.Arrivals;
import dev.blendbench.engine.stress.LoadModel;
import dev.blendbench.engine.stress.PercentilePoint;
import dev.blendbench.engine.stress.ServiceTime;
import dev.blendbench.engine.stress.StressConfig;
import dev.blendbench.engine.stress.StressReport;
import dev.blendbench.engine.stress.StressSession;
import dev.blendbench.engine.stress.SyntheticWorkload;
import dev.blendbench.engine.stress.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class PercentileChartTest {
    private static ObjectNode fixture(String name) throws Exception {
        try (var in = PercentileChartTest.class.getResourceAsStream("/sessions/" + name)) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    private static Session read(ObjectNode root, String name) throws ReportException {
        return SessionReader.parse(root, name, name);
    }

    private static String refusal(ObjectNode root) {
        return assertThrows(ReportException.class, () -> read(root, "s.json")).getMessage();
    }

    @Test
    void scaleOfNines_putsNinetyAtOne_ninetyNineAtTwo_andTheSlowestJobWhereOneInCountLies() {
        assertEquals(0, PercentileChart.nines(0, 1000), 1e-12);
        assertEquals(1, PercentileChart.nines(90, 1000), 1e-12);
        assertEquals(2, PercentileChart.nines(99, 1000), 1e-12);
        assertEquals(3, PercentileChart.nines(99.9, 1_000_000), 1e-9);
        assertEquals(3, PercentileChart.nines(100, 1000), 1e-12, "the 1000th job of 1000: one in a thousand");
        assertEquals(3, PercentileChart.nines(99.99, 1000), 1e-12, "no point lies beyond the slowest job");
    }

    @Test
    void aSessionsChart_drawsItsWholeDistribution_onTheScaleOfNines() throws Exception {
        Session s = read(fixture("pooled.json"), "pooled.json");
        List<Session.Point> points = s.latency().distribution();
        assertFalse(points.isEmpty(), "the fixture holds a distribution");
        JFreeChart c = PercentileChart.of(s);
        XYDataset d = c.getXYPlot().getDataset();
        assertEquals(1, d.getSeriesCount());
        assertEquals(points.size(), d.getItemCount(0));
        for (int i = 0; i < points.size(); i++) {
            assertEquals(PercentileChart.nines(points.get(i).percentile(), s.latency().count()), d.getXValue(0, i), 1e-12);
            assertEquals(points.get(i).ms(), d.getYValue(0, i), 1e-12);
        }
        NumberAxis x = (NumberAxis) c.getXYPlot().getDomainAxis();
        assertEquals(List.of("0%", "90%", "99%", "99.9%", "99.99%"),
                java.util.stream.IntStream.rangeClosed(0, 4).mapToObj(k -> x.getTickUnit().valueToString(k)).toList());
        // the fixture's fastest job 0.94 ms, its slowest 128.8: over 20×, a log axis keeps the body readable
        assertTrue(c.getXYPlot().getRangeAxis() instanceof LogAxis);
    }

    @Test
    void aRampsChart_hasALineAStep_namedByItsLoad() throws Exception {
        Session ramp = read(fixture("ramp.json"), "ramp.json");
        XYDataset d = PercentileChart.of(ramp).getXYPlot().getDataset();
        assertEquals(ramp.measuredSteps().size(), d.getSeriesCount());
        assertEquals(ramp.measuredSteps().getFirst().loadText(), d.getSeriesKey(0));
        // an objective far above every step (their slowest job 44 ms) is still in sight
        ObjectNode withSlo = fixture("ramp.json");
        ((ObjectNode) withSlo.get("settings")).put("slo", "p99 <= 500.0ms");
        JFreeChart c = PercentileChart.of(read(withSlo, "ramp.json"));
        assertTrue(c.getXYPlot().getRangeAxis().getUpperBound() >= 500, "the axis reaches " + c.getXYPlot().getRangeAxis().getUpperBound());
    }

    /** The cliff fixture with, for each rate tried, pooled.json's distribution scaled by the step's measured p99 over pooled's. */
    private static ObjectNode cliffWithDistributions() throws Exception {
        ObjectNode cliff = fixture("cliff.json");
        var pooled = fixture("pooled.json").get("latency");
        for (var st : cliff.get("steps")) {
            double k = st.get("measuredMillis").asDouble() / pooled.get("p99").asDouble();
            ArrayNode d = ((ObjectNode) st).putArray("distribution");
            for (var p : pooled.get("distribution")) d.addObject().put("percentile", p.get("percentile").asDouble()).put("ms", p.get("ms").asDouble() * k);
        }
        return cliff;
    }

    @Test
    void aCliffSearchsChart_hasALineARateTried_sayingWhetherItMetTheObjective_whichIsMarked() throws Exception {
        Session cliff = read(cliffWithDistributions(), "cliff.json");
        JFreeChart c = PercentileChart.of(cliff);
        XYDataset d = c.getXYPlot().getDataset();
        assertEquals(cliff.cliff().steps().size(), d.getSeriesCount());
        var first = cliff.cliff().steps().stream().min(java.util.Comparator.comparingDouble(Session.CliffStep::rate)).orElseThrow();
        assertEquals(SessionReader.fmt(first.rate()) + " jobs/s (" + (first.passed() ? "meets" : "misses") + ")", d.getSeriesKey(0));
        // the objective p99 <= 30 ms: its limit across, its percentile (99 %, at 2 on the scale of nines) down
        assertEquals(30, c.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .mapToDouble(m -> ((org.jfree.chart.plot.ValueMarker) m).getValue()).findFirst().orElseThrow(), 1e-9);
        assertEquals(2, c.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .mapToDouble(m -> ((org.jfree.chart.plot.ValueMarker) m).getValue()).findFirst().orElseThrow(), 1e-9);
        assertNull(PercentileChart.of(read(fixture("cliff.json"), "old.json")), "a search written before it has none");
        ObjectNode bad = cliffWithDistributions();
        ((ObjectNode) bad.get("steps").get(2).get("distribution").get(4)).put("ms", -3);
        assertTrue(refusal(bad).contains("steps[2].distribution[4].ms is not a latency"));
    }

    @Test
    void sessionsCompared_aLineEach_leavingOutFilesWrittenBeforeTheDistribution() throws Exception {
        Session a = read(fixture("pooled.json"), "a.json"), b = read(fixture("pooled.json"), "b.json");
        ObjectNode old = fixture("pooled.json");
        ((ObjectNode) old.get("latency")).remove("distribution");
        Session older = read(old, "old.json");
        assertTrue(older.latency().distribution().isEmpty());
        assertNull(PercentileChart.of(older), "an older file has no distribution to draw");
        XYDataset d = PercentileChart.compared(List.of(a, older, b)).getXYPlot().getDataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals(Summaries.label(b), d.getSeriesKey(1));
        assertNull(PercentileChart.compared(List.of(a, older)), "one line is no comparison");
        assertEquals(2, PercentileChart.compared(List.of(a, a)).getXYPlot().getDataset().getSeriesCount(), "the same file twice");
    }

    @Test
    void reports_drawTheDistribution_whereTheFileHoldsIt() throws Exception {
        Session s = read(fixture("pooled.json"), "pooled.json");
        String html = new String(HtmlReport.render(List.of(s)), StandardCharsets.UTF_8);
        assertTrue(html.contains("Latency by percentile"), "the session's chart");
        String both = new String(HtmlReport.render(List.of(s, s.withName("again.json"))), StandardCharsets.UTF_8);
        assertTrue(both.contains("Latency by percentile, compared"), "the comparison's chart");
        ObjectNode old = fixture("pooled.json");
        ((ObjectNode) old.get("latency")).remove("distribution");
        assertFalse(new String(HtmlReport.render(List.of(read(old, "old.json"))), StandardCharsets.UTF_8).contains("Latency by percentile"));
        assertTrue(PdfReport.render(List.of(s)).length > 0);
    }

    @Test
    void aSessionFile_keepsTheDistributionTheSessionMeasured() throws Exception {
        StressConfig cfg = new StressConfig(new LoadModel.Open(300, Arrivals.POISSON, 2), false, Duration.ZERO,
                Duration.ofMillis(300), 0, Duration.ofMillis(100));
        StressReport r = new StressSession(cfg, new SyntheticWorkload(ServiceTime.parse("exp:1ms"), null, Ticker.SYSTEM),
                Ticker.SYSTEM, null).run();
        byte[] json = StressJson.toJson(r, Map.of(), null, Long.MAX_VALUE);
        Session s = read((ObjectNode) new ObjectMapper().readTree(json), "s.json");
        List<PercentilePoint> measured = r.latencyDistribution();
        assertEquals(measured.size(), s.latency().distribution().size());
        for (int i = 0; i < measured.size(); i++) {
            assertEquals(measured.get(i).percentile(), s.latency().distribution().get(i).percentile());
            assertEquals(measured.get(i).nanos() / 1e6, s.latency().distribution().get(i).ms(), 1e-9);
        }
        assertNotNull(PercentileChart.of(s));
    }

    @Test
    void aDistributionThatIsNotOne_isRefused_namingTheField() throws Exception {
        ObjectNode root = fixture("pooled.json");
        ArrayNode d = (ArrayNode) root.get("latency").get("distribution");
        ((ObjectNode) d.get(5)).put("ms", 0.5); // below the point before it
        assertEquals("s.json: field latency.distribution[5] falls below the point before it (a distribution only rises)", refusal(root));

        root = fixture("pooled.json");
        ((ObjectNode) root.get("latency").get("distribution").get(3)).put("percentile", 101);
        assertTrue(refusal(root).contains("latency.distribution[3].percentile is not within 0..100"));

        root = fixture("pooled.json");
        ((ObjectNode) root.get("latency").get("distribution").get(0)).put("ms", -1);
        assertTrue(refusal(root).contains("latency.distribution[0].ms is not a latency"));

        root = fixture("pooled.json");
        ((ObjectNode) root.get("latency")).put("distribution", "fast");
        assertTrue(refusal(root).contains("latency.distribution is not an array"));

        root = fixture("pooled.json");
        ArrayNode many = ((ObjectNode) root.get("latency")).putArray("distribution");
        for (int i = 0; i <= SessionReader.MAX_DISTRIBUTION_POINTS; i++) many.addObject().put("percentile", 50).put("ms", 1);
        assertTrue(refusal(root).contains("has 10001 points (at most 10000)"));
    }
}

package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class ReportChartsTest {
    /** The fixture session with its fourth interval stalled: no job ended in it. */
    private Session stalledAtFourthInterval() throws Exception {
        ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (ObjectNode) new ObjectMapper().readTree(in);
        }
        for (String figure : new String[] {"latency", "service"}) {
            ObjectNode stalled = (ObjectNode) root.get("intervals").get(3).get(figure);
            for (String f : new String[] {"count", "mean", "p50", "p90", "p95", "p99", "p999", "max"}) stalled.put(f, 0);
        }
        return SessionReader.parse(root, "pooled.json", "pooled.json");
    }

    @Test
    void intervalInWhichNoJobEnded_hasEmptyPercentileFieldsInTheCsv() throws Exception {
        java.util.List<String> rows = new String(SessionCsv.render(java.util.List.of(stalledAtFourthInterval())),
                java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        String[] stalled = rows.get(4).split(",", -1), next = rows.get(5).split(",", -1);
        assertEquals("0", stalled[4], "jobs");
        for (int k = 5; k <= 11; k++) {
            assertEquals("", stalled[k], "column " + rows.get(0).split(",")[k]);
            assertFalse(next[k].isEmpty());
        }
    }

    @Test
    void sessionsSideBySide_showTheirTailToo_onALogScaleWhereItSpansDecades() throws Exception {
        ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (ObjectNode) new ObjectMapper().readTree(in);
        }
        Session a = SessionReader.parse(root, "a.json", "a.json");
        var chart = ReportCharts.strategies(java.util.List.of(a, a));
        var data = chart.getCategoryPlot().getDataset();
        assertEquals(java.util.List.of("p50", "p95", "p99", "p99.9"), data.getRowKeys());
        assertEquals(a.latency().p999(), data.getValue("p99.9", data.getColumnKey(0)).doubleValue());
        // the fixture's p50 1.57 ms and p99.9 18.6 ms: within 20×, a linear axis
        assertFalse(chart.getCategoryPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
        ((ObjectNode) root.get("latency")).put("p999", 400.0); // a lock that passed a worker over
        Session b = SessionReader.parse(root, "b.json", "b.json");
        assertTrue(ReportCharts.strategies(java.util.List.of(a, b)).getCategoryPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
    }

    @Test
    void openLoopSessions_chartTheOldestWaitBesideThePercentiles_closedLoopOnesDoNot() throws Exception {
        assertEquals(5, ReportCharts.percentilesOverTime(stalledAtFourthInterval()).getXYPlot().getDataset().getSeriesCount());
        ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (ObjectNode) new ObjectMapper().readTree(in);
        }
        var intervals = root.get("intervals");
        for (int k = 0; k < intervals.size(); k++) ((ObjectNode) intervals.get(k)).put("oldestWaitMillis", (k + 1) * 40.0);
        XYDataset d = ReportCharts.percentilesOverTime(SessionReader.parse(root, "open.json", "open.json")).getXYPlot().getDataset();
        assertEquals(6, d.getSeriesCount());
        assertEquals(ReportCharts.WAITING_LABEL, d.getSeriesKey(5));
        assertEquals(40.0 * d.getItemCount(5), d.getYValue(5, d.getItemCount(5) - 1), 1e-9);
    }

    @Test
    void openLoopRamp_chartsItsServiceP99AgainstLoad_besideThePercentiles_closedLoopRampDoesNot() {
        java.util.function.BiFunction<Double, String, Session.Step> step = (load, text) -> new Session.Step(load, text,
                new Session.Summary(100, 0, "", 1, 100, 0, 0, 0, false, false, 10), new Session.Stats(100, 5, 4, 6, 7, 9, 10, 11),
                java.util.Map.of(), java.util.List.of(), new Session.Stats(100, 2, 2, 2.5, 2.6, 3, 3.5, 4), 2);
        XYDataset open = LoadCurves.latencyVersusLoad(Session.liveRamp("r", java.util.List.of(step.apply(100.0, "100 jobs/s"),
                step.apply(200.0, "200 jobs/s")))).getXYPlot().getDataset();
        assertEquals(5, open.getSeriesCount());
        assertEquals(ReportCharts.SERVICE_P99_LABEL, open.getSeriesKey(4));
        assertEquals(3.0, open.getYValue(4, 1), 1e-12);
        XYDataset closed = LoadCurves.latencyVersusLoad(Session.liveRamp("r", java.util.List.of(step.apply(1.0, "1 worker"),
                step.apply(2.0, "2 workers")))).getXYPlot().getDataset();
        assertEquals(4, closed.getSeriesCount(), "a closed loop's jobs never wait: service is the latency");
    }

    @Test
    void kneeAtTheFirstStep_isLabelledRightOfItsLine_notCutOffAtThePlotsLeftEdge() {
        java.util.function.BiFunction<Double, Double, Session.Step> step = (load, p99) -> new Session.Step(load, SessionReader.fmt(load)
                + " jobs/s", new Session.Summary(100, 0, "", 1, load, 0, 0, 0, false, false, 10),
                new Session.Stats(100, p99 / 2, p99 / 2, p99, p99, p99, p99, p99), java.util.Map.of(), java.util.List.of());
        var atFirst = LoadCurves.latencyVersusLoad(Session.liveRamp("r", java.util.List.of(step.apply(300.0, 80.0),
                step.apply(600.0, 1400.0), step.apply(1000.0, 3900.0)))).getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        var marker = (org.jfree.chart.plot.ValueMarker) atFirst.iterator().next();
        assertEquals(300.0, marker.getValue());
        assertEquals(org.jfree.chart.ui.TextAnchor.TOP_LEFT, marker.getLabelTextAnchor(), "the label runs right, into the plot");
        var later = LoadCurves.latencyVersusLoad(Session.liveRamp("r", java.util.List.of(step.apply(300.0, 80.0),
                step.apply(600.0, 90.0), step.apply(800.0, 100.0), step.apply(1000.0, 3900.0)))).getXYPlot()
                .getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertEquals(org.jfree.chart.ui.TextAnchor.TOP_RIGHT, ((org.jfree.chart.plot.ValueMarker) later.iterator().next()).getLabelTextAnchor());
    }

    @Test
    void intervalInWhichNoJobEnded_isAGapInThePercentileLines_notAFallToZero() throws Exception {
        Session s = stalledAtFourthInterval();

        XYDataset lines = ReportCharts.percentilesOverTime(s).getXYPlot().getDataset();
        assertEquals(5, lines.getSeriesCount());
        for (int k = 0; k < lines.getSeriesCount(); k++) {
            assertEquals(s.intervals().size(), lines.getItemCount(k), "one point per interval");
            assertNull(lines.getY(k, 3), "the stalled interval");
            assertNotNull(lines.getY(k, 2));
            assertNotNull(lines.getY(k, 4));
        }
    }

    @Test
    void throughputAndAllocation_doNotFallAtTheEnd_whereTheLastIntervalWasCutShort() throws Exception {
        ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (ObjectNode) new ObjectMapper().readTree(in);
        }
        var intervals = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("intervals");
        ObjectNode last = (ObjectNode) intervals.get(intervals.size() - 1), before = (ObjectNode) intervals.get(intervals.size() - 2);
        for (var i : intervals) ((ObjectNode) i).put("allocationMBps", 40.0);
        double end = before.get("endSeconds").asDouble();
        last.put("endSeconds", end + 0.004).put("lengthSeconds", 0.004).put("throughputPerSecond", 250.0).put("allocationMBps", 0.0);
        Session s = SessionReader.parse(root, "short.json", "short.json");
        XYDataset tp = ReportCharts.throughput(s).getXYPlot().getDataset();
        int n = tp.getItemCount(0);
        assertEquals(intervals.size() - 1, n, "the 4 ms interval is folded into the one before it");
        assertEquals(end + 0.004, tp.getXValue(0, n - 1), 1e-9);
        double expected = (before.get("throughputPerSecond").asDouble() * (end - intervals.get(intervals.size() - 3).get("endSeconds").asDouble())
                + 250.0 * 0.004) / (end + 0.004 - intervals.get(intervals.size() - 3).get("endSeconds").asDouble());
        assertEquals(expected, tp.getYValue(0, n - 1), 1e-6);
        XYDataset alloc = ReportCharts.heapChurn(s).getXYPlot().getDataset(0);
        assertTrue(alloc.getYValue(0, alloc.getItemCount(0) - 1) > 36, "no fall to 0 MB/s: " + alloc.getYValue(0, alloc.getItemCount(0) - 1));
    }

    @Test
    void racesOverTime_drawsRacingAccessesASecond_andTheFindingsFromWhenEachWasFirstSeen() throws Exception {
        ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (ObjectNode) new ObjectMapper().readTree(in);
        }
        assertNull(ReportCharts.racesOverTime(SessionReader.parse(root, "off.json", "off.json")), "no race counts: no chart");
        var intervals = root.get("intervals");
        for (int k = 0; k < intervals.size(); k++) ((ObjectNode) intervals.get(k)).put("racingAccesses", k < 5 ? 0 : 30);
        var races = root.putArray("races");
        for (double seen : new double[] {-0.2, 0.75}) {
            ObjectNode r = races.addObject().put("surface", "shared canvas").put("count", 3).put("firstSeenSeconds", seen);
            for (String side : new String[] {"earlier", "later"}) r.putObject(side).put("thread", "w").put("kind", "write");
        }
        Session s = SessionReader.parse(root, "races.json", "races.json");
        var plot = ReportCharts.racesOverTime(s).getXYPlot();
        XYDataset rate = plot.getDataset(0), found = plot.getDataset(1);
        double end4 = s.intervals().get(4).endSeconds(), end5 = s.intervals().get(5).endSeconds();
        assertEquals(0, rate.getYValue(0, 4), 1e-9);
        assertEquals(30 / (end5 - end4), rate.getYValue(0, 5), 1e-6);
        assertEquals(1, found.getYValue(0, 0), 1e-9, "the warm-up's finding from the start");
        int before = 0;
        while (s.intervals().get(before + 1).endSeconds() < 0.75) before++;
        assertEquals(1, found.getYValue(0, before), 1e-9);
        assertEquals(2, found.getYValue(0, before + 1), 1e-9);
        double perSecond = 30.0 * (s.intervals().size() - 5) / s.intervals().getLast().endSeconds();
        assertTrue(Summaries.sentence(s).endsWith(String.format(java.util.Locale.ROOT,
                "The race detector found 2 races on shared pixels, %,.0f racing accesses a second while measuring.", perSecond)),
                Summaries.sentence(s));
        var header = ReportTables.comparisonHeader();
        assertEquals(String.format(java.util.Locale.ROOT, "2 · %,.0f/s", perSecond),
                ReportTables.comparisonRows(java.util.List.of(s)).get(0).get(header.indexOf("races")), "and the strategies table");
    }

    private static Session.Interval interval(double end, long jobs, double p99) {
        Session.Stats l = jobs == 0 ? new Session.Stats(0, 0, 0, 0, 0, 0, 0, 0)
                : new Session.Stats(jobs, p99 / 2, p99 / 4, p99 / 2, p99 / 1.5, p99, p99, p99 * 1.1);
        return new Session.Interval(end, jobs * 10.0, l, l, 5.0, jobs % 7 == 0 ? 1 : 0, jobs % 7 == 0 ? 2.5 : 0, jobs % 7 == 0 ? 1_000_000L * jobs : -1);
    }

    @Test
    void heapChurn_leavesABandAtTheTopForThePauseLabels_evenWhenTheHeapIsFlat() throws Exception {
        Session s = stalledAtFourthInterval();
        var c = ReportCharts.heapChurn(s);
        c.createBufferedImage(900, 400); // lays the axes out
        var p = c.getXYPlot();
        double heapMax = 0;
        for (Session.Interval i : s.intervals()) heapMax = Math.max(heapMax, i.heapAfterGcBytes() / 1e6);
        assertTrue(heapMax > 0, "the fixture has a heap line");
        assertEquals(0, p.getRangeAxis(1).getLowerBound(), "heap from zero");
        assertTrue(heapMax <= 0.85 * p.getRangeAxis(1).getUpperBound(), heapMax + " vs " + p.getRangeAxis(1).getRange());
        assertTrue(p.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size() > 0, "the fixture has GC pauses");
    }

    @Test
    void longSession_isMergedToAtMostOnePointAPixel_keepingTheWorstLatencyAndEveryJob() {
        java.util.List<Session.Interval> all = new java.util.ArrayList<>();
        java.util.Random rnd = new java.util.Random(7);
        for (int k = 0; k < 18_000; k++) all.add(interval(0.1 * (k + 1), k % 1000 == 5 ? 0 : 1 + rnd.nextInt(100), 1 + 50 * rnd.nextDouble()));
        all.set(12_345, interval(1234.6, 40, 900)); // one spike

        java.util.List<Session.Interval> m = ReportCharts.merged(all);
        assertTrue(m.size() <= ReportCharts.MAX_POINTS && m.size() >= ReportCharts.MAX_POINTS / 2, "points: " + m.size());
        assertEquals(all.stream().mapToLong(i -> i.latency().count()).sum(), m.stream().mapToLong(i -> i.latency().count()).sum());
        assertEquals(all.stream().mapToLong(Session.Interval::gcCount).sum(), m.stream().mapToLong(Session.Interval::gcCount).sum());
        assertEquals(900, m.stream().mapToDouble(i -> i.latency().p99()).max().orElseThrow(), "the spike survives");
        assertEquals(all.get(all.size() - 1).endSeconds(), m.get(m.size() - 1).endSeconds());
        double meanTp = all.stream().mapToDouble(Session.Interval::throughput).average().orElseThrow();
        assertEquals(meanTp, m.stream().mapToDouble(Session.Interval::throughput).average().orElseThrow(), 1e-9, "equal groups: the same mean");
    }

    @Test
    void shortSession_isDrawnIntervalByInterval() {
        java.util.List<Session.Interval> all = new java.util.ArrayList<>();
        for (int k = 0; k < ReportCharts.MAX_POINTS; k++) all.add(interval(0.1 * (k + 1), 3, 5));
        assertSame(all, ReportCharts.merged(all));
    }

    @Test
    void aLogAxis_startsFromItsOwnData_evenWhereItsFootLiesAboveTheRangeOfAnEmptyChart() throws Exception {
        // race.json: p50 2.4 ms, p99.9 629 ms, so a log axis from 1.2 ms; clamping its values to that
        // foot collapsed the range it is first given (0..1, before it knows its data): an internal error
        Session race;
        try (var in = getClass().getResourceAsStream("/sessions/race.json")) {
            race = SessionReader.parse(new ObjectMapper().readTree(in), "race.json", "race.json");
        }
        var chart = ReportCharts.strategies(java.util.List.of(race, race.withName("again.json")));
        assertTrue(chart.getCategoryPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
        chart.draw(new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_ARGB).createGraphics(),
                new java.awt.Rectangle(0, 0, 400, 300));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ReportCharts.flooredLogLatencyAxis(1.2));
    }
}

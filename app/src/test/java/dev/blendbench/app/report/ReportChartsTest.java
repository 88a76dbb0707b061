package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        ObjectNode stalled = (ObjectNode) root.get("intervals").get(3).get("latency");
        for (String f : new String[] {"count", "mean", "p50", "p90", "p95", "p99", "p999", "max"}) stalled.put(f, 0);
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
}

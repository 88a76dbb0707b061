package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class ReportChartsTest {
    @Test
    void intervalInWhichNoJobEnded_isAGapInThePercentileLines_notAFallToZero() throws Exception {
        ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (ObjectNode) new ObjectMapper().readTree(in);
        }
        ObjectNode stalled = (ObjectNode) root.get("intervals").get(3).get("latency");
        for (String f : new String[] {"count", "mean", "p50", "p90", "p95", "p99", "p999", "max"}) stalled.put(f, 0);
        Session s = SessionReader.parse(root, "pooled.json", "pooled.json");

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

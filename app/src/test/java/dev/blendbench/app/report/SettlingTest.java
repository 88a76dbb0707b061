package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SettlingTest {
    /** 50 intervals of 100 ms, 10 jobs each, whose mean service time is {@code early} ms for the first {@code slow} and 2 ms after. */
    private static Settling.Trend trend(int slow, double early) {
        double[] ends = new double[50], means = new double[50];
        long[] jobs = new long[50];
        for (int i = 0; i < 50; i++) {
            ends[i] = 0.1 * (i + 1);
            jobs[i] = 10;
            means[i] = i < slow ? early : 2;
        }
        return Settling.of(ends, jobs, means);
    }

    @Test
    void earlyJobsSlowerThanLateOnes_areAWarmUpStillGoing() {
        Settling.Trend t = trend(10, 5); // the first fifth (1 s of 5) at 5 ms, the rest at 2 ms
        assertEquals(5, t.earlyMillis(), 1e-9);
        assertEquals(2, t.lateMillis(), 1e-9);
        assertTrue(t.warming());
        assertTrue(t.sentence().startsWith("The jobs' mean service time fell from 5 ms in the first fifth of the session to 2 ms"
                + " in the last (2.50×)"), t.sentence());
    }

    @Test
    void aSteadySession_orOneOnlySlightlySlowerAtFirst_isNot() {
        assertFalse(trend(0, 2).warming());
        assertFalse(trend(10, 2.4).warming(), "1.2×: within what a busy machine does");
        assertTrue(trend(10, 2.5).warming(), "1.25×: from there on");
    }

    @Test
    void aSessionTooShortToTell_hasNoTrend() {
        double[] ends = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        assertNull(Settling.of(ends, new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, new double[] {9, 9, 9, 1, 1, 1, 1, 1, 1}));
        assertNull(Settling.of(new double[0], new long[0], new double[0]));
    }

    @Test
    void aSessionWarmingUp_saysSoInItsSentence_andInItsCaveats() throws Exception {
        ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (ObjectNode) new ObjectMapper().readTree(in);
        }
        var intervals = root.get("intervals");
        for (int k = 0; k < intervals.size(); k++) {
            ObjectNode service = (ObjectNode) intervals.get(k).get("service");
            service.put("mean", k < intervals.size() / 5 ? 9.0 : 3.0);
        }
        ((ObjectNode) root.get("summary")).put("warmupJobs", 50); // its warm-up ended jobs: this is no cold start
        Session s = SessionReader.parse(root, "warming.json", "warming.json");
        assertTrue(Summaries.sentence(s).contains("The jobs' mean service time fell from 9 ms in the first fifth"), Summaries.sentence(s));
        assertTrue(Summaries.caveats(s).stream().anyMatch(c -> c.startsWith("was still warming up: its jobs' mean service time fell 3×")),
                Summaries.caveats(s).toString());
    }
}

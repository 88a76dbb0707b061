package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a report says of a warm-up until steady: each ramp step's in its table, a session's in its sentence, one that never settled among its caveats. */
class WarmupUntilSteadyTest {
    private static Session.Step step(double workers, double warmupSeconds, boolean steady) {
        Session.Summary sum = new Session.Summary(1000, 0, "", 2, 500, 0, 0, 0, false, false, 40, 0, 0, warmupSeconds, steady);
        Session.Stats lat = new Session.Stats(1000, 1, 1, 2, 3, 4, 5, 6);
        return new Session.Step(workers, (long) workers + " workers", sum, lat, Map.of(), List.of());
    }

    @Test
    void eachStepsWarmUp_isAColumn_whenTheRampWarmedUntilSteady() {
        List<Session.Step> steps = List.of(step(1, 4.26, true), step(2, 30, false), step(4, Double.NaN, false));
        Session auto = Session.liveRamp("r", steps, Map.of("warmupUntilSteady", "true"));
        assertEquals("warm-up", ReportTables.stepHeader(auto).getLast());
        assertEquals(List.of("4.26 s", "30 s (not steady)", "–"), ReportTables.stepRows(auto).stream().map(List::getLast).toList());
        Session fixed = Session.liveRamp("r", steps);
        assertEquals(ReportTables.stepHeader(), ReportTables.stepHeader(fixed));
        assertEquals(ReportTables.stepHeader().size(), ReportTables.stepRows(fixed).get(0).size());
    }

    @Test
    void aSessionWhoseWarmUpNeverBecameSteady_saysSoAmongItsCaveats() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("settings")).put("warmupUntilSteady", true);
        var summary = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("summary");
        summary.put("warmupSeconds", 30.0).put("warmupSteady", false);
        Session never = SessionReader.parse(root, "never.json", "never.json");
        assertEquals(true, Summaries.caveats(never).contains("never became steady in its warm-up (30 s)"), Summaries.caveats(never).toString());
        summary.put("warmupSeconds", 6.5).put("warmupSteady", true);
        Session steady = SessionReader.parse(root, "steady.json", "steady.json");
        assertEquals(true, Summaries.caveats(steady).stream().noneMatch(c -> c.contains("steady")), Summaries.caveats(steady).toString());
        assertEquals(true, Summaries.sentence(steady).contains("The warm-up ran until the jobs' service time was steady: 6.50 s."),
                Summaries.sentence(steady));
    }
}

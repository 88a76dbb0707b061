package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ramp whose steps warmed up until steady gives each step's warm-up in its table; another ramp's table is as before. */
class StepWarmupTableTest {
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
}

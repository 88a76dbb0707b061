package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.app.report.Session.Interval;
import dev.blendbench.app.report.Session.Stats;
import org.junit.jupiter.api.Test;

/** An open loop's busy share over the last second: jobs ended × the measured mean service, over the workers' time. */
class BusyWindowTest {
    /** A 100 ms interval ending at {@code end}: {@code rate} jobs/s ended, {@code measured} of them measured at {@code serviceMillis} each. */
    private static Interval interval(double end, double rate, long measured, double serviceMillis) {
        Stats service = measured == 0 ? new Stats(0, 0, 0, 0, 0, 0, 0, 0)
                : new Stats(measured, serviceMillis, serviceMillis, serviceMillis, serviceMillis, serviceMillis, serviceMillis, serviceMillis);
        return new Interval(end, rate, service, service, 0, 0, 0, -1);
    }

    @Test
    void steadyLoad_isTheJobsTimesTheirServiceOverTheWorkersTime() {
        BusyWindow w = new BusyWindow(2);
        double share = 0;
        // 300 jobs/s of 5 ms on 2 workers: 1.5 s of work a second for 2, 75 %
        for (int k = 1; k <= 20; k++) share = w.add(interval(k * 0.1, 300, 30, 5));
        assertEquals(75, share, 1e-9);
    }

    @Test
    void theWarmUpsBacklogEnding_countsAtTheMeasuredMean_andBeforeAnyMeasuredJob_isUnknown() {
        BusyWindow w = new BusyWindow(2);
        assertTrue(Double.isNaN(w.add(interval(0.1, 400, 0, 0))), "no measured job yet: a gap, not 0");
        assertEquals(100 * 400 * 0.2 * 0.005 / (2 * 0.2), w.add(interval(0.2, 400, 20, 5)), 1e-9,
                "both intervals' jobs, at the mean of the measured ones");
    }

    @Test
    void aNewSession_startsTheWindowAgain() {
        BusyWindow w = new BusyWindow(1);
        for (int k = 1; k <= 10; k++) w.add(interval(k * 0.1, 100, 10, 9)); // 90 %
        assertEquals(10, w.add(interval(0.1, 100, 10, 1)), 1e-9, "the next ramp step's 1 ms jobs alone");
        assertThrows(IllegalArgumentException.class, () -> new BusyWindow(0));
    }

    @Test
    void reportThroughputChart_drawsAnOpenLoopsBusyWorkers_andAClosedLoopsNot() {
        java.util.List<Interval> is = new java.util.ArrayList<>();
        for (int k = 1; k <= 20; k++) is.add(interval(k * 0.1, 300, 30, 5));
        Session open = new Session("o.json", Session.Kind.SESSION, "", false, java.util.Map.of("load.model", "open", "load.workers", "2"),
                "synthetic", "", java.util.Map.of(), java.util.Map.of(), new Session.Summary(600, 0, "", 2, 300, 0, 0, 0, false, false, 10),
                interval(2, 300, 600, 5).latency(), interval(2, 300, 600, 5).service(), java.util.Map.of(), is, java.util.List.of(),
                java.util.List.of(), null);
        var plot = ReportCharts.throughput(open).getXYPlot();
        assertEquals(ReportCharts.BUSY_LABEL, plot.getRangeAxis(1).getLabel());
        assertEquals(75, plot.getDataset(1).getYValue(0, plot.getDataset(1).getItemCount(0) - 1), 1e-9);
        Session closed = new Session("c.json", Session.Kind.SESSION, "", false, java.util.Map.of("load.model", "closed", "load.workers", "2"),
                "synthetic", "", java.util.Map.of(), java.util.Map.of(), open.summary(), open.latency(), open.service(), java.util.Map.of(), is,
                java.util.List.of(), java.util.List.of(), null);
        assertEquals(null, ReportCharts.throughput(closed).getXYPlot().getRangeAxis(1));
    }
}

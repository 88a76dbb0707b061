package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blendbench.app.report.Session;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LiveChartsTest {
    @Start
    void start(Stage stage) {}

    private static Session.Interval at(double end, double throughput) {
        Session.Stats l = new Session.Stats(Math.round(throughput / 10), 4, 3, 5, 6, 8, 9, 10);
        return new Session.Interval(end, throughput, l, l, throughput / 100, 0, 0, -1, Double.NaN);
    }

    private static XYDataset data(LiveCharts c, String chart) {
        return ((ChartViewer) c.node().lookup(chart)).getChart().getXYPlot().getDataset();
    }

    @Test
    void aSessionsLastIntervalCutShort_isFoldedIntoTheOneBefore_soThroughputDoesNotFallAtTheEnd(FxRobot robot) {
        LiveCharts[] c = new LiveCharts[1];
        robot.interact(() -> {
            c[0] = new LiveCharts();
            for (int k = 1; k <= 5; k++) c[0].add(at(0.1 * k, 500), 0);
            c[0].add(at(0.505, 200), 0); // 5 ms, one job: 200 jobs/s
            c[0].redraw();
        });
        XYDataset tp = data(c[0], "#chart-throughput"), lat = data(c[0], "#chart-latency"), heap = data(c[0], "#chart-heap");
        assertEquals(5, tp.getItemCount(0));
        assertEquals(0.505, tp.getXValue(0, 4), 1e-12);
        assertEquals((500 * 0.1 + 200 * 0.005) / 0.105, tp.getYValue(0, 4), 1e-9);
        assertEquals(5, lat.getItemCount(0), "the percentiles too");
        assertEquals(5, heap.getItemCount(0), "and the allocation rate");
        // the next session starts its own clock: its first interval is not folded into the last one's
        robot.interact(() -> {
            c[0].add(at(0.1, 300), 0);
            c[0].add(at(0.2, 300), 0);
            c[0].redraw();
        });
        assertEquals(7, tp.getItemCount(0));
        assertEquals(300, tp.getYValue(0, 5), 1e-9);
    }

    @Test
    void theCpuChart_drawsTheWorkloadOtherProcessesAndSteal_andTheMachinesCores_fromTheFirstIntervalThatKnowsThem(FxRobot robot) {
        LiveCharts[] c = new LiveCharts[1];
        robot.interact(() -> {
            c[0] = new LiveCharts();
            c[0].add(at(-0.1, 300), 0); // a warm-up interval: taken away when measuring begins
            for (int k = 1; k <= 4; k++) {
                Session.Interval i = at(0.1 * k, 500);
                var cpu = k == 1 ? dev.blendbench.engine.stress.CpuUse.UNKNOWN : new dev.blendbench.engine.stress.CpuUse(1.5, 0.1 * k, 0.05, 2);
                c[0].add(new Session.Interval(i.endSeconds(), i.throughput(), i.latency(), i.service(), i.allocationMBps(), 0, 0, -1,
                        Double.NaN, -1, cpu), 0);
            }
            c[0].redraw();
        });
        var plot = ((ChartViewer) c[0].node().lookup("#chart-cpu")).getChart().getXYPlot();
        XYDataset d = plot.getDataset();
        for (int k = 0; k < 3; k++) assertEquals(3, d.getItemCount(k), "the first interval knew nothing: a gap, not a zero");
        assertEquals(1.5, d.getYValue(0, 0), 1e-12);
        assertEquals(0.4, d.getYValue(1, 2), 1e-12);
        assertEquals(0.05, d.getYValue(2, 1), 1e-12);
        assertEquals(1, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "the machine's cores, once");
        robot.interact(() -> c[0].clear());
        assertEquals(0, d.getItemCount(0));
    }

    @Test
    void theRaceChart_drawsRacingAccessesASecond_andTheFindingsSoFar(FxRobot robot) {
        LiveCharts[] c = new LiveCharts[1];
        robot.interact(() -> {
            c[0] = new LiveCharts();
            c[0].watchRaces(true);
            for (int k = 1; k <= 4; k++) {
                Session.Interval i = at(0.1 * k, 500);
                c[0].add(new Session.Interval(i.endSeconds(), i.throughput(), i.latency(), i.service(), i.allocationMBps(), 0, 0, -1,
                        Double.NaN, k * 10L), k >= 2 ? 3 : 1);
            }
            c[0].redraw();
        });
        var plot = ((ChartViewer) c[0].node().lookup("#chart-races")).getChart().getXYPlot();
        assertEquals(4, plot.getDataset(0).getItemCount(0));
        assertEquals(400, plot.getDataset(0).getYValue(0, 3), 1e-6, "40 in 100 ms");
        assertEquals(3, plot.getDataset(1).getYValue(0, 3), 1e-9);
    }

    @Test
    void aWarmUp_isDrawnShadedWhileItRuns_andTakenAwayWhenMeasuringBegins(FxRobot robot) {
        LiveCharts[] c = new LiveCharts[1];
        robot.interact(() -> {
            c[0] = new LiveCharts();
            for (int k = 0; k < 5; k++) c[0].add(at(-0.4 + 0.1 * k, 100 + 100 * k), 0); // -0.4 … 0.0: the warm-up settling
            c[0].redraw();
        });
        var tp = ((ChartViewer) c[0].node().lookup("#chart-throughput")).getChart().getXYPlot();
        assertEquals(5, tp.getDataset().getItemCount(0), "the warm-up, while it runs");
        assertEquals(0.1, tp.getDataset().getXValue(0, 0), 1e-9, "drawn after what was there (nothing): from 0");
        assertEquals(1, tp.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size(), "in a band");
        assertEquals(0, c[0].points(), "not the session's points");
        robot.interact(() -> {
            c[0].add(at(0.1, 600), 0);
            c[0].add(at(0.2, 600), 0);
            c[0].redraw();
        });
        assertEquals(2, tp.getDataset().getItemCount(0), "measuring: the warm-up taken away");
        assertEquals(0.1, tp.getDataset().getXValue(0, 0), 1e-9);
        assertEquals(600, tp.getDataset().getYValue(0, 0), 1e-9);
        var bands = tp.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        assertEquals(0, bands == null ? 0 : bands.size());
        assertEquals(2, c[0].points());
        // a ramp's next step: its warm-up is drawn after the first step's points, which stay
        robot.interact(() -> {
            for (int k = 0; k < 3; k++) c[0].add(at(-0.2 + 0.1 * k, 300), 0);
            c[0].redraw();
        });
        assertEquals(5, tp.getDataset().getItemCount(0));
        assertEquals(0.3, tp.getDataset().getXValue(0, 2), 1e-9, "after the first step's end, 0.2 s");
        robot.interact(() -> {
            c[0].add(at(0.1, 700), 0);
            c[0].redraw();
        });
        assertEquals(3, tp.getDataset().getItemCount(0));
        assertEquals(0.3, tp.getDataset().getXValue(0, 2), 1e-9, "the step measured from where the first ended");
        assertEquals(700, tp.getDataset().getYValue(0, 2), 1e-9);
    }

    @Test
    void intervalsAdded_drawNothing_untilARedraw_whichDrawsEachChartOnce(FxRobot robot) {
        LiveCharts[] c = new LiveCharts[1];
        java.util.Map<String, Integer> drawings = new java.util.HashMap<>();
        robot.interact(() -> {
            c[0] = new LiveCharts();
            c[0].watchRaces(true);
            c[0].busyOf(4); // the throughput chart's busy axis changes too
            for (String id : new String[] {"#chart-latency", "#chart-throughput", "#chart-heap", "#chart-races", "#chart-cpu"}) {
                ((ChartViewer) c[0].node().lookup(id)).getChart().addChangeListener(e -> drawings.merge(id, 1, Integer::sum));
            }
            for (int k = 0; k < 3; k++) c[0].add(at(-0.2 + 0.1 * k, 300), 1); // a warm-up: its bands move with each interval
            for (int k = 1; k <= 5; k++) {
                Session.Interval i = at(0.1 * k, 500);
                c[0].add(new Session.Interval(i.endSeconds(), i.throughput(), i.latency(), i.service(), i.allocationMBps(), 1, 2,
                        50_000_000L, 3.5, 10L, new dev.blendbench.engine.stress.CpuUse(1.5, 0.2, 0, 2)), 2); // a GC (a marker), heap
                        // after it, the oldest wait, racing accesses, the CPU (the machine's cores: a marker)
            }
        });
        assertEquals(java.util.Map.of(), drawings, "nothing drawn while intervals arrive");
        robot.interact(() -> c[0].redraw());
        assertEquals(java.util.Map.of("#chart-latency", 1, "#chart-throughput", 1, "#chart-heap", 1, "#chart-races", 1, "#chart-cpu", 1),
                drawings);
        robot.interact(() -> c[0].clear());
        assertEquals(2, drawings.get("#chart-throughput"), "clearing draws the empty charts at once");
    }

    @Test
    void theLatencyChartsMenu_switchesItToALogScale_andBack(FxRobot robot) {
        LiveCharts[] c = new LiveCharts[1];
        robot.interact(() -> c[0] = new LiveCharts());
        ChartViewer v = (ChartViewer) c[0].node().lookup("#chart-latency");
        var log = (javafx.scene.control.CheckMenuItem) v.getContextMenu().getItems().stream()
                .filter(m -> "latency-log-scale".equals(m.getId())).findFirst().orElseThrow();
        var linear = v.getChart().getXYPlot().getRangeAxis();
        robot.interact(() -> {
            log.setSelected(true);
            log.fire();
        });
        var axis = (org.jfree.chart.axis.LogAxis) v.getChart().getXYPlot().getRangeAxis();
        // an open loop's "oldest waiting" is 0 where nobody waits: at the axis's foot, not at minus infinity
        assertEquals(axis.calculateLog(axis.getSmallestValue()), axis.calculateLog(0), 1e-12);
        robot.interact(() -> {
            log.setSelected(false);
            log.fire();
        });
        org.junit.jupiter.api.Assertions.assertSame(linear, v.getChart().getXYPlot().getRangeAxis());
    }
}

package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blendbench.engine.stress.CpuUse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The CPU a session's workload, other processes and the hypervisor used: read, checked, charted and told. */
class CpuShareTest {
    private static ObjectNode pooled() throws IOException {
        try (InputStream in = CpuShareTest.class.getResourceAsStream("/sessions/pooled.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    /** pooled.json (2 cores) with its summary's CPU as given (null: a file from before it was measured). */
    private static Session session(CpuUse cpu, String workbenchCores) throws Exception {
        ObjectNode root = pooled();
        ObjectNode summary = (ObjectNode) root.get("summary");
        summary.remove("cpu");
        if (cpu != null) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            StressJson.putCpu(m, cpu);
            summary.set("cpu", new ObjectMapper().valueToTree(m.get("cpu")));
        }
        if (workbenchCores != null) ((ObjectNode) root.get("machine")).put(Observer.KEY, workbenchCores);
        return SessionReader.parse(root, "s.json", "s.json");
    }

    @Test
    void otherProcessesAndSteal_weighOnASession_fromATenthOfTheMachine_theWorkbenchLeftToItsOwnNote() {
        assertFalse(CpuShare.noticeable(new CpuUse(1.8, 0.15, 0.04, 2), Double.NaN), "0.19 of 2 cores: under a tenth");
        assertTrue(CpuShare.noticeable(new CpuUse(1.5, 0.15, 0.05, 2), Double.NaN), "0.20 of 2: a tenth");
        assertTrue(CpuShare.noticeable(new CpuUse(1.5, 0, 0.3, 2), Double.NaN), "steal alone");
        assertFalse(CpuShare.noticeable(new CpuUse(1.5, 0.5, 0, 2), 0.4), "the workbench's 0.4 is Observer's to tell: 0.1 left");
        assertFalse(CpuShare.noticeable(new CpuUse(1, Double.NaN, Double.NaN, 0), Double.NaN), "a machine without /proc/stat: not known");
    }

    @Test
    void theCommandLine_saysTheCoresUsed_andWarnsWhereOtherWorkTookItsShare() {
        assertEquals("cpu: the workload's JVM used 1.96 of the machine's 2 cores; other processes 0.04, steal 0.00",
                CpuShare.line(new CpuUse(1.955, 0.041, 0, 2)));
        assertEquals("", CpuShare.warning(new CpuUse(1.955, 0.041, 0, 2)));
        assertEquals("cpu: the workload's JVM used 0.90 cores", CpuShare.line(new CpuUse(0.9, Double.NaN, Double.NaN, 0)));
        assertEquals("", CpuShare.line(CpuUse.UNKNOWN));
        assertEquals("warning: other processes used 0.68 of the machine's 2 cores and the hypervisor took 0.05 (steal) while this"
                + " ran: CPU time the workload may have wanted, so its figures measured that too (run it again when the machine is"
                + " quieter)", CpuShare.warning(new CpuUse(1.3, 0.68, 0.05, 2)));
        assertTrue(CpuShare.warning(new CpuUse(1.3, 0, 0.4, 2)).startsWith("warning: the hypervisor took 0.40 of the machine's 2 cores (steal"));
        assertEquals(" (other processes used 0.68 of the machine's 2 cores)", CpuShare.aside(new CpuUse(1.3, 0.68, 0, 2)), "a ramp's step");
        assertEquals("", CpuShare.aside(new CpuUse(1.9, 0.05, 0, 2)));
    }

    @Test
    void theReport_saysTheWorkloadsCores_andWhatOthersTook_besidesTheWorkbench() throws Exception {
        Session quiet = session(new CpuUse(1.72, 0.05, 0.004, 2), null);
        assertTrue(Summaries.sentence(quiet).contains(" The workload's JVM used 1.72 of the machine's 2 cores while it was measured."),
                Summaries.sentence(quiet));
        assertFalse(Summaries.caveats(quiet).stream().anyMatch(c -> c.contains("other processes")));
        Session crowded = session(new CpuUse(1.2, 0.9, 0, 2), "0.3");
        assertTrue(Summaries.sentence(crowded).contains(" The workload's JVM used 1.20 of the machine's 2 cores while it was measured;"
                + " other processes besides the workbench used 0.60: CPU time the workload may have wanted, so these figures measured"
                + " that too."), Summaries.sentence(crowded));
        assertTrue(Summaries.caveats(crowded).contains("ran while other processes used 0.60 of the machine's 2 cores"), Summaries.caveats(crowded).toString());
        Session older = session(null, null);
        assertFalse(Summaries.sentence(older).contains("JVM used"), "a file without it says nothing of it");
    }

    @Test
    void twoSessions_oneCrowdedOneNot_differInTheirConditions() throws Exception {
        Session a = session(new CpuUse(1.9, 0.05, 0, 2), null), b = session(new CpuUse(1.3, 0.6, 0.05, 2), null);
        assertEquals(List.of("other processes and steal 0.05 cores vs 0.65 cores"), Conditions.differences(a, b));
        assertEquals(List.of(), Conditions.differences(a, session(new CpuUse(1.8, 0.1, 0, 2), null)), "both quiet: no difference");
        Comparison.Row cpu = Comparison.of(a, b, "p99", 0.05, 1).rows().stream().filter(r -> r.name().equals(Comparison.CPU))
                .findFirst().orElseThrow();
        assertEquals(1.3 / 1.9, cpu.ratio(), 1e-12, "the workload's cores side by side");
        assertTrue(Comparison.of(a, session(null, null), "p99", 0.05, 1).rows().stream().noneMatch(r -> r.name().equals(Comparison.CPU)),
                "not where one file does not say");
        int column = ReportTables.comparisonHeader().indexOf("CPU cores");
        assertEquals(List.of("1.90", "1.30 · 0.65 other", "–"),
                ReportTables.comparisonRows(List.of(a, b, session(null, null))).stream().map(r -> r.get(column)).toList());
    }

    private static ObjectNode tree(String resource) throws IOException {
        try (InputStream in = CpuShareTest.class.getResourceAsStream("/sessions/" + resource)) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    private static ObjectNode cpu(double workload, double other) {
        ObjectNode c = new ObjectMapper().createObjectNode();
        c.put("workloadCores", workload).put("otherCores", other).put("stealCores", 0.0).put("machineCores", 2);
        return c;
    }

    @Test
    void aRampOrCliffSearch_namesTheStepsOrRatesThatOtherWorkCrowded() throws Exception {
        ObjectNode ramp = tree("ramp.json");
        ((ObjectNode) ramp.get("steps").get(1)).set("cpu", cpu(1.2, 0.7));
        Session r = SessionReader.parse(ramp, "ramp.json", "ramp.json");
        String second = r.steps().get(1).loadText();
        java.util.Collection<?> bands = LoadCurves.latencyVersusLoad(r).getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        assertEquals(List.of(r.steps().get(1).load()), bands.stream().map(ValueMarker.class::cast).filter(m -> "other load".equals(m.getLabel()))
                .map(ValueMarker::getValue).toList(), "the crowded step is banded on the latency-against-load chart");
        assertTrue(Summaries.sentence(r).contains(" Other processes or the hypervisor took 10 % or more of the machine's CPU during the step at "
                + second + ", which measured that too."), Summaries.sentence(r));
        ObjectNode cliff = tree("cliff.json");
        for (int i = 0; i < cliff.get("steps").size(); i++) ((ObjectNode) cliff.get("steps").get(i)).set("cpu", cpu(1.5, i == 0 ? 0.5 : 0));
        Session c = SessionReader.parse(cliff, "cliff.json", "cliff.json");
        String rate = SessionReader.fmt(cliff.get("steps").get(0).get("rate").asDouble()) + " jobs/s";
        assertTrue(Summaries.sentence(c).contains("during the rate at " + rate + ", which measured that too: a rate that missed there may have"
                + " met the objective on a quiet machine."), Summaries.sentence(c));
        String csv = new String(SessionCsv.render(List.of(c)), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("session,load,measured_ms,passed,throughput_per_s,busy,cpu_workload_cores,cpu_other_cores,cpu_steal_cores\n"), csv);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().endsWith(",1.500,0.500,0.000"), csv);
        assertFalse(Summaries.sentence(SessionReader.parse(tree("cliff.json"), "c.json", "c.json")).contains("Other processes"),
                "a file without the CPU says nothing of it");
    }

    @Test
    void atACliffsKnee_theCpuSaysWhetherTheMachinesCoresOrWaitingSetTheLimit() {
        java.util.function.BiFunction<Double, CpuUse, Session.CliffStep> step = (busy, cpu) ->
                new Session.CliffStep(600, 30, false, 590, busy, Session.Stats.EMPTY, cpu);
        Session.CliffStep knee = new Session.CliffStep(500, 12, true, 500, 0.5, Session.Stats.EMPTY, new CpuUse(1.1, 0.02, 0, 2));
        String full = CpuShare.atKnee(List.of(knee, step.apply(0.8, new CpuUse(1.9, 0.05, 0, 2))), 500, 2);
        assertEquals(" The workload's JVM used 1.10 of the machine's 2 cores there, 1.90 at 600 jobs/s. At 600 jobs/s the machine's CPU is"
                + " the limit: faster jobs or more cores would move the knee, more workers would not.", full);
        String waited = CpuShare.atKnee(List.of(knee, step.apply(0.65, new CpuUse(0.9, 0.05, 0, 2))), 500, 4);
        assertTrue(waited.endsWith(" At 600 jobs/s the workers were 65 % busy, 2.60 of them at a time, yet used 0.90 cores: they waited"
                + " (for a lock, or I/O) more than they computed."), waited);
        assertEquals(" The workload's JVM used 1.10 of the machine's 2 cores there, 1.40 at 600 jobs/s.",
                CpuShare.atKnee(List.of(knee, step.apply(0.8, new CpuUse(1.4, 0.02, 0, 2))), 500, 2), "1.6 workers busy, 1.4 cores: computing");
        assertFalse(CpuShare.atKnee(List.of(knee, step.apply(0.65, new CpuUse(0.9, 0.7, 0, 2))), 500, 4).contains("waited"),
                "other processes took the CPU: the workers may have waited for it");
        assertEquals("", CpuShare.atKnee(List.of(new Session.CliffStep(500, 12, true, 500, 0.5)), 500, 2), "an older file");
    }

    @Test
    void aClosedLoopSearch_saysWhetherMoreWorkersUsedMoreCpu() {
        java.util.function.BiFunction<Integer, Double, Session.CliffStep> point = (workers, cores) ->
                new Session.CliffStep(workers, 5, true, 600, Double.NaN, Session.Stats.EMPTY, new CpuUse(cores, 0.01, 0, 2));
        assertEquals(" The workers kept 1.05 to 1.07 cores busy from 1 to 4 workers: more workers did not use more of the 2 cores they"
                + " could have kept busy, so they waited for one another (contention), and the CPU was not the limit.",
                CpuShare.byWorkers(List.of(point.apply(1, 1.07), point.apply(2, 1.06), point.apply(4, 1.05))), "a lock: one core");
        assertEquals(" The workers kept 0.98 to 1.96 cores busy from 1 to 4 workers: at 4 they used 1.96 of the machine's 2 cores, so its"
                + " CPU is the limit there.", CpuShare.byWorkers(List.of(point.apply(1, 0.98), point.apply(2, 1.9), point.apply(4, 1.96))));
        assertEquals(" The workers kept 0.98 to 1.50 cores busy from 1 to 2 workers.",
                CpuShare.byWorkers(List.of(point.apply(1, 0.98), point.apply(2, 1.5))), "neither reading");
        assertEquals("", CpuShare.byWorkers(List.of(point.apply(1, 0.98), new Session.CliffStep(2, 5, true, 600))), "one point that says");
    }

    @Test
    void theFile_keepsEachIntervalsCpu_andRefusesFiguresThatAreNoCores() throws Exception {
        Session s = SessionReader.parse(pooled(), "s.json", "s.json");
        assertTrue(s.intervals().stream().allMatch(i -> i.cpu().machineKnown() && i.cpu().machineCores() == 2));
        assertEquals(1.72, s.summary().cpu().workloadCores(), 1e-12);
        for (Object bad : new Object[] {-0.1, 1e9, "x", true}) {
            ObjectNode root = pooled();
            ObjectNode cpu = (ObjectNode) ((ArrayNode) root.get("intervals")).get(3).get("cpu");
            cpu.set("otherCores", new ObjectMapper().valueToTree(bad));
            ReportException e = assertThrows(ReportException.class, () -> SessionReader.parse(root, "s.json", "s.json"), String.valueOf(bad));
            assertTrue(e.getMessage().contains("intervals[3].cpu.otherCores"), e.getMessage());
        }
        for (Object bad : new Object[] {0, 1.5, 1 << 20}) {
            ObjectNode root = pooled();
            ((ObjectNode) root.get("summary").get("cpu")).set("machineCores", new ObjectMapper().valueToTree(bad));
            ReportException e = assertThrows(ReportException.class, () -> SessionReader.parse(root, "s.json", "s.json"), String.valueOf(bad));
            assertTrue(e.getMessage().contains("summary.cpu.machineCores"), e.getMessage());
        }
        ObjectNode root = pooled();
        ((ObjectNode) root.get("summary")).put("cpu", 3);
        assertThrows(ReportException.class, () -> SessionReader.parse(root, "s.json", "s.json"));
    }

    @Test
    void theChart_drawsTheThreeFigures_againstTheMachinesCores_andIsLeftOutForOlderFiles() throws Exception {
        Session s = SessionReader.parse(pooled(), "s.json", "s.json");
        XYPlot p = CpuChart.cpuOverTime(s).getXYPlot();
        assertEquals(3, p.getDataset().getSeriesCount());
        assertEquals(List.of(CpuChart.CPU_LABELS), List.of(p.getDataset().getSeriesKey(0), p.getDataset().getSeriesKey(1),
                p.getDataset().getSeriesKey(2)));
        assertEquals(s.intervals().get(0).cpu().workloadCores(), p.getDataset().getYValue(0, 0), 1e-12);
        assertEquals(2, ((ValueMarker) p.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getValue(), 1e-12);
        assertTrue(p.getRangeAxis().getLowerBound() >= 0 && p.getRangeAxis().getUpperBound() > 2, "from 0 to above the cores line");
        ObjectNode old = pooled();
        for (var i : old.get("intervals")) ((ObjectNode) i).remove("cpu");
        assertNull(CpuChart.cpuOverTime(SessionReader.parse(old, "old.json", "old.json")));
        String csv = new String(SessionCsv.render(List.of(s)), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",cpu_workload_cores,cpu_other_cores,cpu_steal_cores"));
        assertTrue(csv.lines().skip(1).allMatch(l -> l.matches(".*,\\d+\\.\\d{3},\\d+\\.\\d{3},\\d+\\.\\d{3}")), csv.lines().skip(1).findFirst().orElse(""));
    }
}

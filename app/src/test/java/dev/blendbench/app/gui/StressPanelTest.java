package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Short real stress sessions of the workbench's scene, in a forked JVM, watched through the panel. */
@ExtendWith(ApplicationExtension.class)
class StressPanelTest {
    @TempDir
    Path dir;
    WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = WorkbenchTest.show(stage, new WorkbenchView(WorkbenchTest.scene()), 960, 760);
    }

    @AfterEach
    void close() {
        view.close();
    }

    @SuppressWarnings("unchecked")
    void configure(FxRobot robot, String strategy, int workers, boolean races, double seconds, String heap) {
        robot.clickOn("#tab-stress");
        robot.interact(() -> {
            ((ComboBox<String>) robot.lookup("#stress-strategy").query()).setValue(strategy);
            ((Spinner<Integer>) robot.lookup("#stress-workers").query()).getValueFactory().setValue(workers);
            ((Spinner<Double>) robot.lookup("#stress-seconds").query()).getValueFactory().setValue(seconds);
            ((Spinner<Double>) robot.lookup("#stress-warmup").query()).getValueFactory().setValue(0.3);
            ((CheckBox) robot.lookup("#stress-warmup-steady").query()).setSelected(false); // a fixed 0.3 s: short tests
            ((CheckBox) robot.lookup("#stress-races").query()).setSelected(races);
            ((TextField) robot.lookup("#stress-heap").query()).setText(heap);
        });
    }

    @Test
    void comparingStrategies_greysOutTheSingleStrategy_whichItWouldNotRun(FxRobot robot) {
        robot.clickOn("#tab-stress");
        assertFalse(robot.lookup("#stress-strategy").queryAs(ComboBox.class).isDisabled());
        assertTrue(robot.lookup("#compare-pooled").queryAs(CheckBox.class).isDisabled());
        robot.interact(() -> ((javafx.scene.control.RadioButton) robot.lookup("#mode-compare").query()).setSelected(true));
        assertTrue(robot.lookup("#stress-strategy").queryAs(ComboBox.class).isDisabled(), "the ticked strategies run instead");
        assertFalse(robot.lookup("#compare-pooled").queryAs(CheckBox.class).isDisabled());
        robot.interact(() -> ((javafx.scene.control.RadioButton) robot.lookup("#mode-single").query()).setSelected(true));
        assertFalse(robot.lookup("#stress-strategy").queryAs(ComboBox.class).isDisabled());
    }

    @Test
    void comparingStrategies_keepsTheLiveChartsInSightUntilTheLastHasRun_soEachIsMeasuredBesideTheSameDrawing(FxRobot robot)
            throws Exception {
        configure(robot, "per-worker", 2, false, 2, "");
        robot.interact(() -> {
            ((javafx.scene.control.RadioButton) robot.lookup("#mode-compare").query()).setSelected(true);
            ((CheckBox) robot.lookup("#compare-alloc-per-job").query()).setSelected(false); // per-worker, then pooled
        });
        robot.clickOn("#stress-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.stressPanel().results().size() >= 1);
        assertEquals(1, view.stressPanel().results().size(), "still the second strategy's turn");
        assertEquals(0, stressTab(robot), "the live charts, while pooled runs");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.stressPanel().results().size() == 2
                && startEnabled(robot));
        assertEquals(2, stressTab(robot), "the Strategies tab once both have run");
    }

    /**
     * {@code what}, evaluated on the FX thread: a lookup walks children lists that the FX thread may
     * be changing meanwhile (polled from the test's thread, one failed with an IndexOutOfBoundsException).
     */
    static <T> T onFx(FxRobot robot, java.util.function.Supplier<T> what) {
        java.util.List<T> out = new java.util.ArrayList<>(1);
        robot.interact(() -> out.add(what.get()));
        return out.getFirst();
    }

    /** True once the Start button is enabled again: the run has ended. */
    private static boolean startEnabled(FxRobot robot) {
        return onFx(robot, () -> !robot.lookup("#stress-start").queryAs(Button.class).isDisabled());
    }

    /** The selected tab beside the stress form: 0 Live, 1 Latency vs load, 2 Strategies. */
    private static int stressTab(FxRobot robot) {
        int[] i = new int[1];
        robot.interact(() -> i[0] = robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).stream()
                .filter(t -> t.getTabs().stream().anyMatch(x -> "tab-live".equals(x.getId())))
                .findFirst().orElseThrow().getSelectionModel().getSelectedIndex());
        return i[0];
    }

    @Test
    void aShortSession_drawsLiveChartPoints_andCanBeExported(FxRobot robot) throws Exception {
        configure(robot, "per-worker", 2, false, 1.5, "256m");
        robot.interact(() -> ((CheckBox) robot.lookup("#stress-jfr").query()).setSelected(true));
        robot.clickOn("#stress-start");
        assertTrue(robot.lookup("#stress-workers").queryAs(Spinner.class).isDisabled(), "the form is locked while it runs");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.stressPanel().results().isEmpty()
                && startEnabled(robot));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#stress-workers").queryAs(Spinner.class).isDisabled(), "and unlocked after");
        assertTrue(view.stressPanel().chartPoints() >= 10, "chart points: " + view.stressPanel().chartPoints());
        assertTrue(view.stressPanel().status().getText().startsWith("p99 was"), view.stressPanel().status().getText());
        double ownCores = dev.blendbench.app.report.Observer.cores(view.stressPanel().results().get(0));
        assertTrue(ownCores > 0, "the session file says how much CPU the workbench took while it ran: " + ownCores);
        assertTrue(view.stressPanel().liveSummary().isVisible() && view.stressPanel().liveSummary().getText().startsWith("p99 was"),
                "the sentence over the live charts, whole: " + view.stressPanel().liveSummary().getText());
        var distribution = robot.lookup("#chart-live-distribution").queryAs(org.jfree.chart.fx.ChartViewer.class);
        assertTrue(distribution.isVisible(), "and under them the session's latency by percentile");
        assertEquals(1, distribution.getChart().getXYPlot().getDataset().getSeriesCount());
        assertFalse(robot.lookup("#stress-start").queryAs(Button.class).isDisabled(), "ready for the next session");
        // the detector was off: the race chart and table say so rather than show zero findings
        var raceChart = robot.lookup("#chart-races").queryAs(org.jfree.chart.fx.ChartViewer.class).getChart().getXYPlot();
        assertEquals(0, raceChart.getDataset().getItemCount(0));
        assertEquals("race detector off", raceChart.getNoDataMessage());
        assertTrue(((javafx.scene.control.Label) view.stressPanel().findings().getPlaceholder()).getText().startsWith("The race detector is off"));
        Path html = dir.resolve("report.html");
        robot.interact(() -> view.stressPanel().exportTo(html));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(html));
        assertTrue(Files.readString(html).contains("Latency percentiles over time"));
        // the session itself, for blendbench compare later; the CSV of its intervals
        Path json = dir.resolve("kept.json"), csv = dir.resolve("intervals.csv");
        robot.interact(() -> view.stressPanel().exportTo(json));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(json));
        assertEquals("per-worker", dev.blendbench.app.report.SessionReader.read(json).strategy());
        robot.interact(() -> view.stressPanel().exportTo(csv));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(csv));
        assertTrue(Files.readAllLines(csv).size() >= 10, "a row per interval");
        // the flight recording, for JDK Mission Control: the JVM's events and one per job
        Path jfr = dir.resolve("session.jfr");
        robot.interact(() -> view.stressPanel().exportTo(jfr));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(jfr));
        var events = jdk.jfr.consumer.RecordingFile.readAllEvents(jfr);
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("dev.blendbench.Job")), "job events");
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.JVMInformation")), "the JVM's own");
        robot.interact(() -> view.stressPanel().exportTo(dir.resolve("report.txt")));
        assertEquals("report.txt: unknown format; use .html, .pdf, .csv, .json or .jfr", view.stressPanel().status().getText());
    }

    @Test
    void sharedUnsafe_withTheRaceDetector_showsFindingsWithBothStacks(FxRobot robot) throws Exception {
        configure(robot, "shared-unsafe", 3, true, 1.5, "");
        robot.clickOn("#stress-start");
        assertEquals("tab-stress", robot.lookup("#main-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId(), "starting stays on the Stress tab");
        assertEquals("No race findings so far.", ((javafx.scene.control.Label) view.stressPanel().findings().getPlaceholder()).getText());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.stressPanel().findings().getItems().isEmpty());
        robot.interact(() -> view.stressPanel().findings().getSelectionModel().select(0));
        String stacks = robot.lookup("#finding-stacks").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(stacks.contains("earlier") && stacks.contains("later") && stacks.contains("CompositeWorkload"), stacks);
        assertTrue(stacks.matches("(?s)\\d+ races? (among|between) .*; the first pair seen:\n.*"), stacks);
        String threads = (String) view.stressPanel().findings().getColumns().get(0).getCellData(0);
        assertTrue(threads.matches("worker-\\d(–\\d|, \\d)*"), "every thread of it, without the common prefix: " + threads);
        robot.interact(() -> robot.lookup("#finding-show").queryAs(Button.class).fire());
        assertEquals("tab-compose", robot.lookup("#main-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId(), "Show on canvas goes to the canvas");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.stressPanel().results().isEmpty()
                || view.stressPanel().status().getText().startsWith("The workload"));
        assertFalse(view.stressPanel().results().isEmpty(), view.stressPanel().status().getText());
    }

    @Test
    void stop_midSession_keepsWhatWasMeasured_andSaysItStopped(FxRobot robot) throws Exception {
        configure(robot, "per-worker", 2, false, 120, "256m");
        robot.clickOn("#stress-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.stressPanel().chartPoints() >= 3);
        // session files are not mixed into a running session's results
        Path other = Files.writeString(dir.resolve("other.json"), dev.blendbench.app.report.CliffReportTest.CLOSED);
        robot.interact(() -> view.stressPanel().compareFiles(java.util.List.of(other)));
        assertTrue(view.stressPanel().status().getText().startsWith("A stress session is running"), view.stressPanel().status().getText());
        assertTrue(robot.lookup("#compare-files").queryAs(Button.class).isDisabled());
        robot.clickOn("#stress-stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> startEnabled(robot));
        WaitForAsyncUtils.waitForFxEvents();
        String said = view.stressPanel().status().getText();
        assertEquals(1, view.stressPanel().results().size(), said);
        assertFalse(robot.lookup("#compare-files").queryAs(Button.class).isDisabled());
        assertTrue(view.stressPanel().results().get(0).summary().stopped(), "the session is marked stopped early");
        assertTrue(view.stressPanel().results().get(0).summary().jobs() > 0, said);
        assertTrue(said.startsWith("p99 was") && said.contains("It was stopped after ") && said.contains(" of the 120 s asked."), said);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverloadedTargetRate_saysItDrainsTheBacklog_andAStopCountsTheJobsStillQueued(FxRobot robot) throws Exception {
        configure(robot, "per-worker", 1, false, 1, "256m");
        robot.interact(() -> {
            ((ComboBox<String>) robot.lookup("#stress-loop").query()).setValue("target rate");
            ((Spinner<Double>) robot.lookup("#stress-rate").query()).getValueFactory().setValue(300_000.0); // ten times what one worker does on the test scene
        });
        robot.clickOn("#stress-start");
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.stressPanel().status().getText().contains("draining the backlog"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status: " + view.stressPanel().status().getText() + " points " + view.stressPanel().chartPoints());
        }
        assertTrue(view.stressPanel().status().getText().contains("the arrivals stopped at 1 s; draining the backlog (for at most 10 s"),
                view.stressPanel().status().getText());
        robot.clickOn("#stress-stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> startEnabled(robot));
        WaitForAsyncUtils.waitForFxEvents();
        String said = view.stressPanel().status().getText();
        assertEquals(1, view.stressPanel().results().size(), said);
        var sum = view.stressPanel().results().get(0).summary();
        assertTrue(sum.stopped() && sum.queuedAtEnd() > 0, said);
        assertTrue(said.contains("into draining its backlog, before it was drained, with ") && said.contains("still queued"), said);
    }

    @Test
    void stop_inTheWarmup_saysNothingWasMeasured(FxRobot robot) throws Exception {
        configure(robot, "per-worker", 2, false, 120, "256m");
        robot.interact(() -> robot.lookup("#stress-warmup").queryAs(Spinner.class).getValueFactory().setValue(120.0));
        robot.clickOn("#stress-start");
        Thread.sleep(1500);
        robot.clickOn("#stress-stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> startEnabled(robot));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.stressPanel().results().isEmpty());
        assertEquals("Stopped in the warm-up: nothing was measured.", view.stressPanel().status().getText());
    }

    @Test
    void aWorkloadJvmThatDies_isReported_andThePanelStaysUsable(FxRobot robot) throws Exception {
        configure(robot, "per-worker", 1, false, 1, "1m"); // too small a heap: the child JVM cannot start
        robot.clickOn("#stress-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.stressPanel().status().getText().startsWith("The workload JVM died"));
        assertFalse(robot.lookup("#stress-start").queryAs(Button.class).isDisabled());
        assertEquals(2, view.model().doc().layers().size(), "the document is untouched");
    }

    @Test
    void aSceneWithNothingToComposite_isRefusedBeforeAnyJvmStarts(FxRobot robot) {
        configure(robot, "per-worker", 1, false, 1, "");
        robot.interact(() -> view.model().edit("Hide", d -> d.withLayer(0, l -> l.withVisible(false)).withLayer(1, l -> l.withVisible(false))));
        robot.clickOn("#stress-start");
        assertEquals("every layer of the scene is hidden: show one on the Compose tab first", view.stressPanel().status().getText());
        assertFalse(robot.lookup("#stress-start").queryAs(Button.class).isDisabled(), "nothing started");
        robot.interact(() -> view.model().replace(new Doc(64, 64, 0, dev.blendbench.engine.colour.BlendSpace.SRGB, java.util.List.of()), null));
        robot.clickOn("#stress-start");
        assertTrue(view.stressPanel().status().getText().startsWith("the scene has no layers: add image layers"), view.stressPanel().status().getText());
    }

    @Test
    void comparingSessionFiles_showsRatiosWithIntervalsAndAVerdict(FxRobot robot) throws Exception {
        Path a = dir.resolve("pooled.json"), b = dir.resolve("slower.json");
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            Files.copy(in, a);
        }
        // the same session with every interval's latency 60 % higher: a clear regression
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(a.toFile());
        for (var i : root.get("intervals")) {
            var l = (com.fasterxml.jackson.databind.node.ObjectNode) i.get("latency");
            for (String f : java.util.List.of("mean", "p50", "p90", "p95", "p99", "p999", "max")) l.put(f, l.get(f).asDouble() * 1.6);
        }
        Files.writeString(b, root.toString());
        robot.clickOn("#tab-stress");
        robot.interact(() -> view.stressPanel().compareFiles(java.util.List.of(a, b)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.stressPanel().verdicts().getText().isEmpty());
        String v = view.stressPanel().verdicts().getText();
        assertTrue(v.contains("pooled (slower.json) vs pooled: p99 ×1.600") && v.contains("95 % CI")
                && v.contains("→ slower"), v);
        assertEquals(2, view.stressPanel().results().size());
        Path out = dir.resolve("out").resolve("both.json");
        Files.createDirectories(out.getParent());
        robot.interact(() -> view.stressPanel().exportTo(out));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(out.resolveSibling("both-slower.json")));
        assertEquals(Files.readString(a), Files.readString(out.resolveSibling("both-pooled.json")), "each file as it was");
        assertTrue(view.stressPanel().status().getText().startsWith("Wrote 2 files: both-pooled.json, both-slower.json"));
        // their latency distributions, one .hgrm a session, as HdrHistogram prints them
        Path hgrm = dir.resolve("out").resolve("both.hgrm");
        robot.interact(() -> view.stressPanel().exportTo(hgrm));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(hgrm.resolveSibling("both-slower.hgrm")));
        assertTrue(Files.readString(hgrm.resolveSibling("both-pooled.hgrm")).startsWith("       Value     Percentile TotalCount 1/(1-Percentile)"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.stressPanel().status().getText().startsWith("Wrote 2 files: both-pooled.hgrm, both-slower.hgrm"));
        // files recorded without Flight recording: nothing to export as .jfr, and it says so
        robot.interact(() -> view.stressPanel().exportTo(dir.resolve("both.jfr")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.stressPanel().status().getText().contains("flight recording"));
        assertEquals("cannot write both.jfr: these sessions have no flight recording: tick Flight recording before Start",
                view.stressPanel().status().getText());
    }

    @Test
    void comparingOpenLoops_saysWhereTheDifferenceWent_andSizesTheColumnsToTheirHeaders(FxRobot robot) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.at("/settings/load")).removeAll().put("model", "open").put("workers", 2)
                .put("ratePerSecond", root.at("/summary/throughputPerSecond").asDouble()).put("arrivals", "constant");
        Path a = Files.writeString(dir.resolve("open.json"), root.toString());
        // the same jobs, each waiting 4 ms more to start: a queue, not slower jobs
        java.util.List<com.fasterxml.jackson.databind.JsonNode> lat = new java.util.ArrayList<>(java.util.List.of(root.get("latency")));
        root.get("intervals").forEach(i -> lat.add(i.get("latency")));
        for (var l : lat) {
            for (String f : java.util.List.of("mean", "p50", "p90", "p95", "p99", "p999", "max")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) l).put(f, l.get(f).asDouble() + 4);
            }
        }
        root.get("latency").get("distribution").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).put("ms", p.get("ms").asDouble() + 4));
        Path b = Files.writeString(dir.resolve("queued.json"), root.toString());
        robot.clickOn("#tab-stress");
        robot.interact(() -> view.stressPanel().compareFiles(java.util.List.of(a, b)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.stressPanel().verdicts().getText().isEmpty());
        String v = view.stressPanel().verdicts().getText();
        assertTrue(v.contains("→ slower") && v.contains("; the difference in mean latency (") && v.contains("is mostly the wait to start"), v);
        assertFalse(view.stressPanel().verdicts().isEditable(), "the verdicts are read-only text, selectable to copy");
        // both files hold their whole distribution: drawn side by side, a line each
        var byPercentile = robot.lookup("#chart-distribution").queryAs(org.jfree.chart.fx.ChartViewer.class);
        assertTrue(byPercentile.isVisible());
        assertEquals(2, byPercentile.getChart().getXYPlot().getDataset().getSeriesCount());
        var table = robot.lookup(".table-view").queryAllAs(javafx.scene.control.TableView.class).stream()
                .filter(t -> t.getColumns().size() == dev.blendbench.app.report.ReportTables.comparisonHeader().size()).findFirst().orElseThrow();
        for (Object o : table.getColumns()) {
            var c = (javafx.scene.control.TableColumn<?, ?>) o;
            assertTrue(c.getPrefWidth() >= new javafx.scene.text.Text(c.getText()).getLayoutBounds().getWidth() + 20,
                    c.getText() + " is " + c.getPrefWidth() + " px wide, too narrow for its header");
        }
        // each row's tooltip reads its session: the sentence the report and the Live tab give
        java.util.function.Supplier<java.util.List<javafx.scene.control.TableRow>> filled = () -> robot.from(table).lookup(".table-row-cell")
                .queryAllAs(javafx.scene.control.TableRow.class).stream().filter(r -> !r.isEmpty() && r.getTooltip() != null)
                .sorted(java.util.Comparator.comparingInt(javafx.scene.control.TableRow::getIndex)).toList();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> filled.get().size() == 2); // the rows exist once the table is laid out
        var rows = filled.get();
        var sessions = dev.blendbench.app.report.SessionReader.readAll(java.util.List.of(a, b));
        for (int i = 0; i < 2; i++) {
            assertEquals(dev.blendbench.app.report.Summaries.sentence(sessions.get(i)), rows.get(i).getTooltip().getText());
        }
    }

    @Test
    void comparingSessionsWithRampsAndCliffSearches_tablesTheSessions_andPlotsTheOthersAgainstLoad(FxRobot robot) throws Exception {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (String name : java.util.List.of("pooled.json", "race.json", "ramp.json", "cliff.json")) {
            Path f = dir.resolve(name);
            try (var in = getClass().getResourceAsStream("/sessions/" + name)) {
                Files.copy(in, f);
            }
            files.add(f);
        }
        robot.clickOn("#tab-stress");
        robot.interact(() -> view.stressPanel().compareFiles(files));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.stressPanel().results().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        String v = view.stressPanel().verdicts().getText();
        assertTrue(v.contains("(race.json) vs") && !v.contains("ramp.json") && !v.contains("cliff.json"), "only sessions are compared: " + v);
        assertFalse(robot.lookup("#chart-distribution").query().isVisible(), "race.json was written before the distribution: one line compares nothing");
        var load = view.stressPanel().loadChart().getChart();
        assertEquals("Latency versus load, compared", load.getTitle().getText());
        assertEquals(2, load.getXYPlot().getDataset().getSeriesCount(), "a line for the ramp, one for the cliff search");
        assertFalse(view.stressPanel().uslChart().isVisible(), "no closed-loop search alone: no USL chart");
        assertFalse(robot.lookup("#chart-load-distribution").query().isVisible(), "several loads compared: no step's distribution");
        assertEquals("Comparing 2 sessions, the first as the baseline (Strategies); 2 ramps and cliff searches (Latency vs load).",
                view.stressPanel().status().getText());
        // one session alone: its own latency by percentile in the Strategies tab
        robot.interact(() -> view.stressPanel().compareFiles(java.util.List.of(files.get(0))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.stressPanel().results().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        var own = robot.lookup("#chart-distribution").queryAs(org.jfree.chart.fx.ChartViewer.class);
        assertTrue(own.isVisible());
        assertEquals("Latency by percentile", own.getChart().getTitle().getText());
        // one ramp alone: beside its latency against load, each step's latency by percentile
        robot.interact(() -> view.stressPanel().compareFiles(java.util.List.of(files.get(2))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(robot, () -> robot.lookup("#chart-load-distribution").query().isVisible()));
        var steps = robot.lookup("#chart-load-distribution").queryAs(org.jfree.chart.fx.ChartViewer.class).getChart();
        assertEquals("Latency by percentile, per step", steps.getTitle().getText());
        assertEquals(4, steps.getXYPlot().getDataset().getSeriesCount(), "a line for each of the ramp's four steps");
    }

    @Test
    void aSessionFileOpened_goesToTheStressTab_andSaysWhatItFound(FxRobot robot) throws Exception {
        // opened as a document would be (File ▸ Open, blendbench FILE, a drop): it goes to the Stress tab
        Path f = Files.writeString(dir.resolve("usl.json"), dev.blendbench.app.report.CliffReportTest.CLOSED);
        var docBefore = view.model().doc();
        robot.interact(() -> view.open(f));
        assertEquals("tab-stress", robot.lookup("#main-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.stressPanel().results().size() == 1);
        WaitForAsyncUtils.waitForFxEvents(); // the rest of the FX task that filled the results
        assertEquals(docBefore, view.model().doc(), "the document is left as it was");
        assertTrue(view.stressPanel().uslChart().isVisible(), "a closed-loop search: throughput against workers too");
        assertEquals("Throughput versus workers", view.stressPanel().uslChart().getChart().getTitle().getText());
        String said = view.stressPanel().status().getText();
        assertTrue(said.startsWith("Throughput went from 390 jobs/s at 1 worker") && said.contains("USL fit: 400 jobs/s per worker")
                && said.endsWith("One ramp or cliff search (Latency vs load)."), said);
    }

    @Test
    @SuppressWarnings("unchecked")
    void rampDefaultSteps_followTheLoad_andTypedStepsStay(FxRobot robot) {
        robot.clickOn("#tab-stress");
        TextField steps = robot.lookup("#stress-ramp").queryAs(TextField.class);
        ComboBox<String> loop = robot.lookup("#stress-loop").queryAs(ComboBox.class);
        assertEquals("closed loop", loop.getValue());
        assertEquals("1, 2, 4, 8", steps.getText());
        robot.interact(() -> loop.setValue("target rate"));
        assertEquals("100, 200, 400, 800", steps.getText());
        robot.interact(() -> {
            steps.setText("10, 20");
            loop.setValue("closed loop");
        });
        assertEquals("10, 20", steps.getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void rampMode_plotsLatencyAgainstOfferedLoad(FxRobot robot) throws Exception {
        configure(robot, "per-worker", 2, false, 0.6, "");
        robot.interact(() -> {
            ((ComboBox<String>) robot.lookup("#stress-loop").query()).setValue("target rate");
            ((javafx.scene.control.RadioButton) robot.lookup("#mode-ramp").query()).setSelected(true);
            ((TextField) robot.lookup("#stress-ramp").query()).setText("50, 100, 200");
            ((TextField) robot.lookup("#stress-slo").query()).setText("p99 = 5 s");
        });
        java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> view.stressPanel().status().textProperty().addListener((o, was, now) -> said.add(now)));
        robot.clickOn("#stress-start");
        // latency against load from the start, before the first step has ended: every step is measured beside the same drawing
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stressTab(robot) == 1);
        assertTrue(said.stream().noneMatch(t -> t.contains("ramp step 2 of 3")), "shown before the first step ended: " + said);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.stressPanel().results().isEmpty()
                && startEnabled(robot));
        WaitForAsyncUtils.waitForFxEvents();
        var s = view.stressPanel().results().get(0);
        assertEquals(dev.blendbench.app.report.Session.Kind.RAMP, s.kind());
        assertEquals(3, s.steps().size());
        var chart = view.stressPanel().loadChart().getChart();
        assertEquals("Latency versus load", chart.getTitle().getText());
        assertEquals(3, chart.getXYPlot().getDataset().getItemCount(0), "one point per step");
        assertEquals(dev.blendbench.app.report.ReportCharts.SERVICE_P99_LABEL, chart.getXYPlot().getDataset().getSeriesKey(4),
                "the service p99 beside the percentiles");
        assertTrue(said.stream().anyMatch(t -> t.matches("Running .*: ramp step 2 of 3 \\(50 jobs/s done: p99 \\S+ ms, workers \\S+ % busy\\)…")),
                "each step's status says how busy the workers were: " + said);
        // and the throughput chart draws it live, on its right axis (this scene's jobs take a fraction of a millisecond: under 5 %)
        var tp = robot.lookup("#chart-throughput").queryAs(org.jfree.chart.fx.ChartViewer.class).getChart().getXYPlot();
        var busy = tp.getDataset(1);
        assertTrue(tp.getRangeAxis(1).isVisible() && busy.getItemCount(0) > 10, "points: " + busy.getItemCount(0));
        for (int k = 0; k < busy.getItemCount(0); k++) { // a gap (NaN) where no measured job had ended yet in the step
            assertTrue(Double.isNaN(busy.getYValue(0, k)) || busy.getYValue(0, k) >= 0 && busy.getYValue(0, k) <= 100, "busy " + busy.getYValue(0, k));
        }
        assertTrue(busy.getYValue(0, busy.getItemCount(0) - 1) > 0, "the last step's workers were busy at times");
        assertTrue(view.stressPanel().status().getText().matches("p99 (rose|fell|changed little) from .*"), view.stressPanel().status().getText());
        // the objective: drawn on the chart, and said up to which step it holds
        // (on a slow start the first step is cold, and the sentence says it was judged without it)
        assertTrue(view.stressPanel().status().getText().matches("(?s).*p99 <= 5\\.00s holds at every step, up to 200 jobs/s"
                        + "( \\(judged without the cold step at 50 jobs/s\\))?\\..*"), view.stressPanel().status().getText());
        // the same sentence over the chart, where it is read whole (the form's status line scrolls)
        assertTrue(view.stressPanel().loadSummary().isVisible()
                && view.stressPanel().status().getText().startsWith(view.stressPanel().loadSummary().getText()), view.stressPanel().loadSummary().getText());
        var markers = chart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertEquals(5000, ((org.jfree.chart.plot.ValueMarker) markers.iterator().next()).getValue(), 0);
    }

    @Test
    void aRampObjectiveThatIsNoObjective_isRefusedAtStart_withTheReason(FxRobot robot) {
        configure(robot, "per-worker", 2, false, 0.6, "");
        robot.interact(() -> {
            ((javafx.scene.control.RadioButton) robot.lookup("#mode-ramp").query()).setSelected(true);
            ((TextField) robot.lookup("#stress-slo").query()).setText("p97=20ms");
        });
        robot.clickOn("#stress-start");
        assertEquals("objective: a ramp keeps p50, p90, p95, p99 and p99.9 of each step; got 'p97=20ms'", view.stressPanel().status().getText());
        assertFalse(robot.lookup("#stress-start").queryAs(Button.class).isDisabled(), "nothing started");
    }
}

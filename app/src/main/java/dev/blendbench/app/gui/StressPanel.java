package dev.blendbench.app.gui;

import dev.blendbench.app.report.ReportException;
import dev.blendbench.app.report.Session;
import dev.blendbench.app.report.SessionReader;
import dev.blendbench.app.report.Summaries;
import dev.blendbench.engine.document.OpenRaster;
import dev.blendbench.engine.surface.Rect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.jfree.chart.fx.ChartViewer;

/**
 * The stress panel: configure a session on the current scene in its {@link StressForm} (workers,
 * platform or virtual threads, closed loop or a target rate, strategy, duration, heap and collector
 * of the forked JVM, race detector), start and stop it, and watch it live: latency percentiles, throughput, heap
 * churn with GC pauses, and race findings, redrawn ten times a second from the snapshots the
 * child streams (coalesced: the FX thread drains a queue on a timer, never waits). Modes: one
 * session; a ramp that plots latency against offered load and marks the knee; the same scene
 * under several strategies in turn, side by side. The session files can be exported as reports.
 */
public final class StressPanel {
    private final DocumentModel model;
    private final StressForm form = new StressForm();
    private final Label status = form.status();
    private final Button start = form.start(), stop = form.stop(), export = form.export();
    /** True from Start until the last session ends: the form is locked, so every queued strategy runs as it said. */
    private final javafx.beans.property.BooleanProperty locked = form.locked();
    private final Consumer<Rect> showOnCanvas;
    private final SplitPane root = new SplitPane();
    // live view
    /** The finished steps of the running ramp. */
    private final List<Session.Step> liveSteps = new ArrayList<>();
    /** The strategy running now, and the number of steps of its ramp (0: not a ramp). */
    private String running = "";
    private int rampStepCount;
    /** When the running single open-loop session's arrivals stop (seconds into measuring; NaN otherwise), until its drain is said. */
    private double arrivalsEnd = Double.NaN;
    /** The running ramp's settings that its live chart shows (its objective). */
    private Map<String, String> liveRampSettings = Map.of();
    private final LiveCharts charts = new LiveCharts();
    private final LoadCharts loadCharts = new LoadCharts();
    /** One finished session's sentence over the live charts. */
    private final Label liveSummary = LoadCharts.sentence("live-summary");
    /** A finished single session's latency by percentile, under its live charts; hidden otherwise. */
    private final org.jfree.chart.fx.ChartViewer liveDistribution = ChartSlots.hidden("chart-live-distribution");
    private final StrategyComparison comparison;
    private final RaceFindings findings;
    private final TabPane tabs = new TabPane();
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final Timeline pump;
    /** Charts at most four times a second, and not while hidden: the workbench's drawing takes CPU from the session it measures. */
    private final RedrawPacer pacer = new RedrawPacer(250_000_000L);
    // run state (FX thread)
    private StressRun run;
    /** Stop was pressed during the run now ending. */
    private boolean stopRequested;
    private final List<Session> results = new ArrayList<>();
    /** The session file each of {@link #results} was read from (for exporting them as JSON). */
    private final List<Path> resultFiles = new ArrayList<>();
    /** Each queued strategy's settings, taken from the form at Start. */
    private final java.util.Map<String, StressRun.Settings> planned = new java.util.HashMap<>();
    private List<String> queue = List.of();
    private Path workDir;
    /** Where the form's settings are kept between windows; null: nowhere (a bare panel, as tests make). */
    private java.util.prefs.Preferences memory;

    public StressPanel(DocumentModel model, Consumer<Rect> showOnCanvas) {
        this.model = model;
        this.showOnCanvas = showOnCanvas;
        this.findings = new RaceFindings(showOnCanvas);
        watchRaces(false);
        // before a session (or between them, charts cleared) the placeholder follows the box
        form.races().selectedProperty().addListener((o, was, on) -> {
            if (run == null && charts.points() == 0) watchRaces(on);
        });
        liveDistribution.setPrefHeight(260);
        liveDistribution.setMinHeight(160);
        VBox live = new VBox(6, liveSummary, charts.node(), liveDistribution, findings.node());
        VBox.setVgrow(charts.node(), Priority.ALWAYS);
        live.setPadding(new Insets(6));
        Button openSessions = new Button("Compare session files…");
        openSessions.setId("compare-files");
        openSessions.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Session files to compare (the first is the baseline)");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Session JSON", "*.json"));
            ChooserFolders.apply(fc, null);
            var files = fc.showOpenMultipleDialog(root.getScene().getWindow());
            if (files != null && !files.isEmpty()) ChooserFolders.remember(files.get(0));
            if (files != null) compareFiles(files.stream().map(java.io.File::toPath).toList());
        });
        openSessions.disableProperty().bind(locked);
        comparison = new StrategyComparison(openSessions);
        Tab liveTab = new Tab("Live", new ScrollPane(live)), loadTab = new Tab("Latency vs load", loadCharts.node()),
                cmpTab = new Tab("Strategies", comparison.node());
        ((ScrollPane) liveTab.getContent()).setFitToWidth(true);
        liveTab.setId("tab-live");
        loadTab.setId("tab-load");
        cmpTab.setId("tab-strategies");
        tabs.getTabs().setAll(liveTab, loadTab, cmpTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        start.setOnAction(e -> start());
        stop.setOnAction(e -> stop());
        export.setOnAction(e -> export());
        root.getItems().setAll(form.node(), tabs);
        root.setDividerPositions(0.27);
        pump = new Timeline(new KeyFrame(Duration.millis(100), e -> drain()));
        pump.setCycleCount(Timeline.INDEFINITE);
        pump.play();
    }

    public Node node() { return root; }

    /**
     * Keeps the form's settings in {@code memory}: puts back those remembered there (the last
     * window's), and from now on remembers them at each Start and at {@link #rememberSettings()}.
     */
    public void keepSettingsIn(java.util.prefs.Preferences memory) {
        this.memory = memory;
        form.recall(memory);
    }

    /** Remembers the form's settings as they are now, where {@link #keepSettingsIn} said (else nothing). */
    public void rememberSettings() {
        if (memory != null) form.remember(memory);
    }

    /** The status line (tests read it). */
    public Label status() { return status; }

    /** Sessions finished in the last start (one, or one per strategy compared). */
    public List<Session> results() { return List.copyOf(results); }

    public int chartPoints() { return charts.points(); }

    public TableView<Session.Race> findings() { return findings.table(); }

    /** The latency-versus-load chart of the last ramp (tests read it). */
    public ChartViewer loadChart() { return loadCharts.latency(); }

    /** The USL chart under the latency one; hidden unless one closed-loop ramp or search is shown (tests read it). */
    public ChartViewer uslChart() { return loadCharts.usl(); }

    /** The sentence over the live charts: one finished session's (tests read it). */
    public Label liveSummary() { return liveSummary; }

    /** The sentence over the latency-versus-load chart: one finished ramp's or search's (tests read it). */
    public Label loadSummary() { return loadCharts.summary(); }

    /** Starts what the form says (FX thread). */
    public void start() {
        if (run != null) return;
        results.clear();
        stopRequested = false;
        resultFiles.clear();
        List<String> plan = form.plan();
        if (plan.isEmpty()) {
            fail("pick at least one strategy to compare");
            return;
        }
        if (model.doc().layers().stream().noneMatch(LayerItem::visible)) {
            fail(model.doc().layers().isEmpty()
                    ? "the scene has no layers: add image layers on the Compose tab (File ▸ Add Image Layers…) first"
                    : "every layer of the scene is hidden: show one on the Compose tab first");
            return;
        }
        planned.clear();
        try {
            for (String s : plan) planned.put(s, form.settings(s));
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        rememberSettings();
        locked.set(true);
        queue = new ArrayList<>(plan);
        clearCharts();
        watchRaces(form.races().isSelected());
        status.setStyle("");
        status.setText("Saving the scene for the workload JVM…");
        start.setDisable(true);
        stop.setDisable(false);
        export.setDisable(true);
        var scene = model.doc().scene();
        Thread.ofPlatform().daemon().name("blendbench-stress-prepare").start(() -> {
            try {
                if (workDir == null) workDir = Files.createTempDirectory("blendbench-stress");
                // a folder per Start: its session files are named by strategy alone, which is how
                // reports and the Strategies tab label them
                Path ora = Files.createTempDirectory(workDir, "run-").resolve("scene.ora");
                OpenRaster.write(scene, ora);
                Platform.runLater(() -> next(ora));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> ended("cannot prepare the scene: " + e.getMessage(), true));
            }
        });
    }

    private void next(Path ora) {
        if (queue.isEmpty()) {
            ended(summary(), false);
            return;
        }
        String s = queue.remove(0);
        StressRun.Settings set = planned.get(s);
        Path json = ora.resolveSibling(s + ".json");
        long cpuFrom = processCpuNanos(), wallFrom = System.nanoTime();
        try {
            run = StressRun.start(set, ora, json, new StressRun.Listener() {
                @Override public void interval(Session.Interval i) { inbox.add(i); }

                @Override public void race(Session.Race r) { inbox.add(r); }

                @Override public void step(Session.Step st) { inbox.add(st); }

                @Override public void finished(int code, Path file, String last) {
                    // read here, on the child's reader thread: the FX thread only shows the result
                    recordOwnCpu(file, cpuFrom, wallFrom);
                    inbox.add(new Finished(code, file, last, ora, Loaded.read(file)));
                }
            });
            running = s;
            charts.busyOf(set.closed() ? 0 : set.workers()); // an open loop's: the throughput chart draws how busy they were
            rampStepCount = set.ramp().size();
            liveRampSettings = set.objective() == null ? Map.of()
                    : Map.of("slo", dev.blendbench.app.report.Summaries.rampObjectiveText(set.objective()));
            arrivalsEnd = set.closed() || !set.ramp().isEmpty() ? Double.NaN : set.seconds();
            if (!set.ramp().isEmpty()) {
                // latency against load from the start, each step joining it as it ends; the live charts stay out of sight
                // for every step alike (drawing them takes CPU from the workload, and would from the first step only)
                double first = set.ramp().get(0);
                loadCharts.showLive(Session.liveRamp("ramp", liveSteps, liveRampSettings), String.format(Locale.ROOT,
                        "Step 1 of %d (%s) is running: each step joins this chart as it ends.", set.ramp().size(),
                        set.closed() ? number(first) + (first == 1 ? " worker" : " workers") : number(first) + " jobs/s"));
                tabs.getSelectionModel().select(1);
            }
            String warm = set.untilSteady() ? "a warm-up until steady (at most " + number(set.warmupSeconds()) + " s)"
                    : number(set.warmupSeconds()) + " s of warm-up";
            status.setText(set.ramp().isEmpty()
                    ? String.format(Locale.ROOT, "Running %s: %d workers, %s; %s (shaded, then cleared), then %s s measured…", s,
                            set.workers(), set.closed() ? "closed loop" : String.format(Locale.ROOT, "%.0f jobs/s", set.rate()),
                            warm, number(set.seconds()))
                    : String.format(Locale.ROOT, "Running %s: a ramp of %s %s, step 1 of %d; each step %s, then %s s measured…", s,
                            String.join(", ", set.ramp().stream().map(StressPanel::number).toList()),
                            set.closed() ? "workers (closed loop)" : "jobs/s (" + set.workers() + " workers)", set.ramp().size(),
                            warm, number(set.seconds())));
        } catch (IOException | IllegalArgumentException e) {
            ended("cannot start the workload JVM: " + e.getMessage(), true);
        }
    }

    /** This JVM's CPU time so far, in nanoseconds; -1 where the platform does not tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /**
     * Writes into the finished run's session file how many cores the workbench itself used while it
     * ran ({@link dev.blendbench.app.report.Observer}); a file that is absent or cannot be rewritten
     * stays as the workload wrote it.
     */
    private static void recordOwnCpu(Path json, long cpuFrom, long wallFrom) {
        long cpu = processCpuNanos(), wall = System.nanoTime() - wallFrom;
        if (json == null || cpuFrom < 0 || cpu < cpuFrom || wall <= 0 || !Files.exists(json)) return;
        try {
            dev.blendbench.app.report.Observer.record(json, (double) (cpu - cpuFrom) / wall);
        } catch (IOException | RuntimeException e) {
            // the session stands without it; reading the file says what is wrong with it, if anything
        }
    }

    private record Finished(int code, Path json, String last, Path ora, Loaded loaded) {}

    /** A finished run's session file, read off the FX thread: the session, or why it could not be read, or neither. */
    private record Loaded(Session session, Path file, String error) {
        static Loaded read(Path json) {
            if (json == null || !Files.exists(json)) return new Loaded(null, json, null);
            try {
                return new Loaded(SessionReader.read(json), json, null);
            } catch (ReportException e) {
                return new Loaded(null, json, e.getMessage());
            }
        }
    }

    /** A ramp step as typed: 8, or 12.5. */
    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Applies what arrived since the last tick: one redraw per tick whatever the number of snapshots. */
    private void drain() {
        boolean ended = false;
        for (Object o; (o = inbox.poll()) != null; ) {
            switch (o) {
                case Session.Interval i -> {
                    charts.add(i, findings.size());
                    pacer.changed();
                    if (i.endSeconds() > arrivalsEnd + 0.15) { // past the last jobs' sliver: an overloaded system's backlog
                        status.setText(String.format(Locale.ROOT, "Running %s: the arrivals stopped at %s s; draining the backlog "
                                + "(for at most %s s; the jobs still queued then are counted at their wait so far)…", running,
                                number(arrivalsEnd), number(dev.blendbench.engine.stress.StressConfig.DEFAULT_DRAIN_LIMIT.toSeconds())));
                        arrivalsEnd = Double.NaN; // said once
                    }
                }
                case Session.Race r -> findings.add(r);
                case Session.Step st -> {
                    // the cliff forming: each finished step joins the latency-versus-load chart at once
                    liveSteps.add(st);
                    loadCharts.showLive(Session.liveRamp("ramp", liveSteps, liveRampSettings), "");
                    if (liveSteps.size() < rampStepCount) {
                        double busy = st.loadText().endsWith(" jobs/s") ? dev.blendbench.app.report.LatencyBreakdown.of(st).busy() : Double.NaN;
                        status.setText(String.format(Locale.ROOT, "Running %s: ramp step %d of %d (%s done: p99 %s ms%s)…",
                                running, liveSteps.size() + 1, rampStepCount, st.loadText(),
                                dev.blendbench.app.report.SessionReader.fmt(st.latency().p99()),
                                Double.isNaN(busy) ? "" : ", workers " + dev.blendbench.app.report.LatencyBreakdown.percent(busy) + " busy"));
                    }
                }
                case Finished f -> {
                    finished(f);
                    ended = true;
                }
                default -> { }
            }
        }
        if (pacer.due(System.nanoTime(), onScreen(charts.node()), ended)) charts.redraw();
    }

    /** Whether {@code n} is drawn: it and every parent visible (an unselected tab's content is not), in a window not iconified. */
    private static boolean onScreen(Node n) {
        if (n.getScene() == null || n.getScene().getWindow() instanceof javafx.stage.Stage st && st.isIconified()) return false;
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
        }
        return true;
    }

    private void finished(Finished f) {
        run = null;
        boolean stopped = stopRequested;
        stopRequested = false;
        if (stopped) queue = new ArrayList<>(); // nothing queued after a Stop runs
        if (stopped && f.code() == 0) {
            // what was measured up to the Stop is shown
            Loaded l = f.loaded();
            if (l.error() != null) {
                ended(l.error(), true);
                return;
            }
            show(l);
            if (l.session() == null) {
                ended(results.isEmpty() ? "Stopped in the warm-up: nothing was measured."
                        : "Stopped in the warm-up of " + running + ", so it has no results. " + summary(), false);
            } else {
                // one session's or ramp's sentence says itself that it was stopped, and after how long
                boolean says = results.size() == 1;
                ended((l.session().summary().stopped() && !says ? "Stopped early: " : "") + summary(), false);
            }
            return;
        }
        if (stopped && f.code() == 128 + 9) { // StressRun kills a child that has not ended 10 s after Stop
            ended("The workload JVM did not stop within 10 s of Stop, so it was killed: what it measured was not written.", true);
            return;
        }
        if (f.code() != 0) {
            // the child crashed or refused: say so, keep what it wrote, stay usable
            String why = f.last().isBlank() ? "no message" : f.last();
            queue = new ArrayList<>();
            show(f.loaded());
            ended(f.code() == 2 ? "The workload JVM refused the job: " + why
                    : "The workload JVM died (exit " + f.code() + "): " + why, true);
            return;
        }
        show(f.loaded());
        next(f.ora());
    }

    private void show(Loaded loaded) {
        if (loaded.error() != null) {
            status.setText(loaded.error());
            return;
        }
        Session s = loaded.session();
        if (s == null) return;
        results.add(s);
        resultFiles.add(loaded.file());
        if (!s.races().isEmpty()) findings.setAll(s.races()); // the final counts
        if (s.kind() == Session.Kind.RAMP) {
            loadCharts.show(s);
            tabs.getSelectionModel().select(1);
        }
        // one session's sentence over its live charts, whole (the form's status line is narrow and scrolls)
        boolean single = results.size() == 1 && s.kind() == Session.Kind.SESSION && !form.comparing();
        liveSummary.setText(single ? Summaries.sentence(s) : "");
        // and the whole distribution under the charts, where the tail's shape shows
        ChartSlots.show(liveDistribution, single ? dev.blendbench.app.report.PercentileChart.of(s) : null);
        if (results.size() > 1 || form.comparing()) {
            comparison.show(results);
            // the Strategies tab once the last has run: until then the live charts stay in sight, so every
            // strategy is measured beside the same drawing (hidden charts take less CPU from the later ones)
            if (queue.isEmpty()) tabs.getSelectionModel().select(2);
        }
    }

    private void showComparison(List<Session> sessions) {
        comparison.show(sessions);
        tabs.getSelectionModel().select(2);
    }

    /**
     * Loads session files and shows them side by side, the first as the baseline (off the FX
     * thread). Refused while a session runs: its results would be mixed with theirs.
     */
    public void compareFiles(List<Path> files) {
        if (files.isEmpty()) return;
        if (locked.get()) { // said in plain text: the run's own progress lines take the status over again
            status.setText("A stress session is running: stop it, or let it end, before loading session files.");
            return;
        }
        status.setText("Reading " + files.size() + " session file" + (files.size() == 1 ? "" : "s") + "…");
        Thread.ofPlatform().daemon().name("blendbench-sessions").start(() -> {
            try {
                List<Session> loaded = SessionReader.readAll(files);
                // sessions compare in the Strategies table; ramps and cliff searches (no one set of
                // figures) as curves in Latency vs load
                List<Session> plain = Summaries.plainSessions(loaded), loads = Summaries.loadSearches(loaded);
                Platform.runLater(() -> {
                    results.clear();
                    results.addAll(loaded);
                    resultFiles.clear();
                    resultFiles.addAll(files);
                    if (!loads.isEmpty()) {
                        loadCharts.show(loads);
                        tabs.getSelectionModel().select(1);
                    }
                    if (!plain.isEmpty()) {
                        showComparison(plain);
                    }
                    export.setDisable(false);
                    status.setStyle("");
                    List<String> shown = new ArrayList<>();
                    if (plain.size() > 1) shown.add("comparing " + plain.size() + " sessions, the first as the baseline (Strategies)");
                    if (plain.size() == 1) shown.add("one session (Strategies)");
                    if (!loads.isEmpty()) shown.add((loads.size() == 1 ? "one ramp or cliff search" : loads.size() + " ramps and cliff searches")
                            + " (Latency vs load)");
                    String text = String.join("; ", shown);
                    text = Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
                    // one file: what it found, in words (a closed-loop search's USL fit is nowhere else on screen)
                    status.setText(loaded.size() == 1 ? Summaries.sentence(loaded.get(0)) + " " + text : text);
                });
            } catch (ReportException e) {
                Platform.runLater(() -> fail(e.getMessage()));
            }
        });
    }

    /** The verdict lines of the Strategies tab (tests read it). */
    public javafx.scene.control.TextArea verdicts() { return comparison.verdicts(); }

    private String summary() {
        if (results.isEmpty()) return "Done.";
        return results.size() == 1 ? Summaries.sentence(results.get(0))
                : "Compared " + results.size() + " strategies: see the Strategies tab.";
    }

    private void ended(String message, boolean failed) {
        run = null;
        locked.set(false);
        start.setDisable(false);
        stop.setDisable(true);
        export.setDisable(results.isEmpty());
        fail(message);
        if (!failed) status.setStyle("");
    }

    private void fail(String message) {
        status.setText(message);
        status.setStyle("-fx-text-fill: #b91c1c;");
    }

    /** Stops the running session (it writes what it measured). */
    public void stop() {
        queue = new ArrayList<>();
        if (run != null) {
            stopRequested = true;
            status.setText("Stopping…");
            run.stop();
        }
    }

    private void watchRaces(boolean on) {
        charts.watchRaces(on);
        findings.watching(on);
    }

    private void clearCharts() {
        liveSummary.setText("");
        liveDistribution.setVisible(false);
        liveSteps.clear();
        charts.clear();
        findings.clear();
        showOnCanvas.accept(null);
    }

    private void export() {
        if (results.isEmpty()) return;
        FileChooser fc = new FileChooser();
        fc.setTitle("Export");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("HTML report", "*.html"),
                new FileChooser.ExtensionFilter("PDF report", "*.pdf"),
                new FileChooser.ExtensionFilter("CSV of the intervals", "*.csv"),
                new FileChooser.ExtensionFilter("Latency distribution (HdrHistogram .hgrm, a file a session)", "*.hgrm"),
                new FileChooser.ExtensionFilter("Session JSON (for blendbench compare and report)", "*.json"),
                new FileChooser.ExtensionFilter("Flight recording (for JDK Mission Control)", "*.jfr"));
        ChooserFolders.apply(fc, null);
        var file = fc.showSaveDialog(root.getScene().getWindow());
        ChooserFolders.remember(file);
        if (file == null) return;
        exportTo(SaveNames.withExtension(file.toPath(), fc.getSelectedExtensionFilter()));
    }

    /**
     * Writes the last results off the FX thread, the format by extension ({@link SessionExport}): an
     * HTML or PDF report, the CSV of their intervals, or their session JSON files.
     */
    public void exportTo(Path out) {
        if (!SessionExport.EXTENSIONS.contains(dev.blendbench.app.report.ReportFormats.extension(out))) {
            fail(out.getFileName() + ": unknown format; use .html, .pdf, .csv, .json or .jfr");
            return;
        }
        List<Session> sessions = List.copyOf(results);
        List<Path> files = List.copyOf(resultFiles);
        status.setStyle("");
        status.setText("Writing " + out.getFileName() + "…");
        Thread.ofPlatform().daemon().name("blendbench-report").start(() -> {
            try {
                List<Path> written = SessionExport.write(sessions, files, out);
                Platform.runLater(() -> status.setText(written.size() == 1 ? "Wrote " + written.get(0)
                        : "Wrote " + written.size() + " files: " + String.join(", ",
                                written.stream().map(p -> p.getFileName().toString()).toList()) + " (in " + out.toAbsolutePath().getParent() + ")"));
            } catch (ReportException | IOException | RuntimeException e) {
                Platform.runLater(() -> fail("cannot write " + out.getFileName() + ": " + e.getMessage()));
            }
        });
    }

    public void close() {
        pump.stop();
        if (run != null) run.stop();
    }
}

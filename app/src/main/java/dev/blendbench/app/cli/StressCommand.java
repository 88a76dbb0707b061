package dev.blendbench.app.cli;

import dev.blendbench.app.report.IntervalCsv;
import dev.blendbench.app.report.StressJson;
import dev.blendbench.engine.io.AtomicFiles;
import dev.blendbench.engine.stress.Arrivals;
import dev.blendbench.engine.stress.Durations;
import dev.blendbench.engine.stress.IntervalSnapshot;
import dev.blendbench.engine.stress.LoadModel;
import dev.blendbench.engine.stress.Percentiles;
import dev.blendbench.engine.stress.StressConfig;
import dev.blendbench.engine.stress.StressReport;
import dev.blendbench.engine.stress.StressSession;
import dev.blendbench.engine.stress.Ticker;
import dev.blendbench.engine.stress.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.HistogramLogWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blendbench stress}: runs the compositing job (or a synthetic one) under closed- or
 * open-loop load and reports latency percentiles, throughput, allocation and GC. The workload runs
 * in a forked JVM (its own heap and collector, {@code --heap} / {@code --gc}) that streams its
 * snapshots back, or in this JVM with {@code --in-process}.
 */
@Command(name = "stress", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a compositing job under load on real threads and measure its latency.",
                "Open-loop latency counts from each job's intended start (no coordinated omission).",
                "The scene is the demo scene, or the LAYERs given as for compose (images or .ora/.psd)."},
        footer = {"", "Examples:",
                "  blendbench stress --workers 4 --closed --strategy pooled --duration 10s",
                "  blendbench stress --workers 2 --rate 200 --arrivals poisson --json s.json --hlog s.hlog",
                "  blendbench stress --synthetic exp:10ms --workers 4 --rate 300 --arrivals poisson --duration 30s",
                "  blendbench stress --workers 2 --closed --strategy per-worker,shared-locked --json s.json",
                "Exit: 0 done, 2 bad input, 1 internal failure or a workload JVM that died; Ctrl-C stops early,",
                "writes what was measured and exits as the signal asks (130)."})
public final class StressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (a closed-loop --ramp's steps are its worker counts: not needed there).")
    int workers = NOT_GIVEN;
    private static final int NOT_GIVEN = Integer.MIN_VALUE;

    @Option(names = "--virtual", description = "Workers are virtual threads.")
    boolean virtual;

    static final class Load {
        @Option(names = "--closed", required = true, description = "Closed loop: each worker starts its next job when one ends.")
        boolean closed;

        @Option(names = "--rate", required = true, paramLabel = "R", description = "Open loop: target jobs per second.")
        Double rate;
    }

    /** One of --closed and --rate; neither only with --ramp, whose values are then open-loop rates. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Load load;

    @Option(names = "--arrivals", paramLabel = "constant|poisson", defaultValue = "constant",
            description = "Open-loop arrival spacing (default: ${DEFAULT-VALUE}).")
    String arrivals;

    @Option(names = "--think", paramLabel = "DURATION", defaultValue = "0ms", description = "Closed-loop pause between jobs.")
    String think;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s", description = "Measured time (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", paramLabel = "DURATION|auto[:MAX]", defaultValue = "5s",
            description = "Unmeasured warm-up (default: ${DEFAULT-VALUE}); auto: until the jobs' service time is steady"
                    + " (3 s in a row within 10 %%), at most MAX (default 30s).")
    String warmup;

    @Option(names = "--drain-limit", paramLabel = "DURATION|none", defaultValue = "10s",
            description = "Open loop: how long an overloaded system may go on draining its backlog once the arrivals stop "
                    + "(default: ${DEFAULT-VALUE}); jobs still queued then are counted at their wait so far. none: drain it all.")
    String drainLimit;

    @Option(names = "--ramp", paramLabel = "LIST", split = ",",
            description = "Run a plan of steps, each with the warm-up and duration above: open-loop rates (--rate may be left "
                    + "out) or, with --closed, worker counts; e.g. 100,200,400.")
    List<Double> ramp;

    @Option(names = "--slo", paramLabel = "pNN=LIMIT",
            description = "With --ramp: a latency objective (p50, p90, p95, p99 or p99.9), e.g. p99=20ms; the ramp says up to which "
                    + "step it holds, and its charts draw it.")
    String slo;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "0", description = "Stop after N measured jobs (0: no limit).")
    long maxJobs;

    @Option(names = "--in-process", description = "Run the workload in this JVM instead of a forked one (quicker to start, but "
            + "this JVM's own allocation and GC mix with the measurement; composite jobs under java -jar restart it with the "
            + "Vector API module first).")
    boolean inProcess;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Heap of the workload JVM, e.g. 512m or 4g.")
    String heap;

    @Option(names = "--gc", paramLabel = "g1|zgc|parallel|serial", description = "Collector of the workload JVM.")
    String gc;

    @Option(names = "--jfr", paramLabel = "OUT.jfr", description = "Record the session with Java Flight Recorder (opens in JDK Mission Control): the JVM's events and"
            + " Blendbench's, one per job (dev.blendbench.Job: service time, latency, queue wait), phase and race finding.")
    Path jfr;

    /** Set by the parent on a forked child: print each snapshot as an '@snapshot {json}' line on stdout. */
    @Option(names = "--emit-snapshots", hidden = true)
    boolean emitSnapshots;

    /** Fault injection for tests of the parent: the workload JVM halts after this long, as a crash would. */
    @Option(names = "--halt-after", hidden = true, paramLabel = "DURATION")
    String haltAfter;

    @Option(names = "--race-detect", description = "Track pixel accesses and synchronisation and report data races on "
            + "shared surfaces as they happen (composite jobs).")
    boolean raceDetect;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Write the session JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "Write the interval series as CSV.")
    Path csv;

    @Option(names = "--hlog", paramLabel = "OUT.hlog", description = "Write the interval latency histograms as an HdrHistogram log.")
    Path hlog;

    @Override
    public Integer call() throws Exception {
        List<String> jvmOptions = ForkedStress.jvmOptions(heap, gc);
        if (inProcess && (heap != null || gc != null)) {
            throw new BadInputException("--heap and --gc set up the forked workload JVM: leave out --in-process");
        }
        if (load == null) {
            if (ramp == null || ramp.isEmpty()) {
                throw new BadInputException("say how the load comes: --closed (each worker starts its next job when one ends), "
                        + "--rate R (jobs per second) or --ramp R1,R2,... (open-loop steps)");
            }
            load = new Load(); // the steps are rates: the first stands for the plan's open-loop settings
            load.rate = ramp.get(0);
        }
        if (ramp != null) {
            for (double v : ramp) {
                if (!(v > 0) || (load.closed && v != Math.rint(v))) {
                    throw new BadInputException("--ramp values must be positive " + (load.closed ? "whole worker counts" : "rates")
                            + ", got " + dev.blendbench.app.report.SessionReader.fmt(v));
                }
            }
        }
        if (maxJobs < 0) throw new BadInputException("--jobs must not be negative, got " + maxJobs); // before the config refuses it as an internal error
        String objective = rampObjective();
        LoadModel model = loadModel();
        Duration drain = drainLimit.strip().equalsIgnoreCase("none") ? null : duration("--drain-limit", drainLimit, true);
        Warmup warm = Warmup.parse("--warmup", warmup);
        boolean untilSteady = warm.untilSteady();
        StressConfig config = new StressConfig(model, virtual, warm.most(),
                duration("--duration", duration, false), maxJobs, Duration.ofMillis(100), drain);
        for (Path p : new Path[] {json, csv, hlog, jfr}) {
            if (p != null) OutputFiles.requireFolder(p);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("warmupSeconds", config.warmup().toNanos() / 1e9);
        if (untilSteady) settings.put("warmupUntilSteady", true); // warmupSeconds is then the most it may run
        settings.put("durationSeconds", config.duration().toNanos() / 1e9);
        settings.put("maxJobs", maxJobs);
        if (model instanceof LoadModel.Open) settings.put("drainLimitSeconds", drain == null ? null : drain.toNanos() / 1e9);
        if (objective != null) settings.put("slo", objective);
        List<String> strategies = job.synthetic == null ? StrategyRuns.parse(job.strategy) : List.of(job.strategy);
        if (strategies.size() > 1) {
            // the workbench's Compare strategies, headless: a forked session each, then side by side
            if (inProcess || emitSnapshots) throw new BadInputException("several strategies run a workload JVM each: leave out --in-process");
            if (ramp != null) throw new BadInputException("--ramp with several strategies: run a ramp per strategy, and compare their files");
            for (String s : strategies) {
                job.strategy = s;
                job.validate();
            }
            return StrategyRuns.run(strategies, spec.commandLine().getParseResult().originalArgs(), jvmOptions, json, csv, hlog, jfr,
                    () -> progress(spec.commandLine().getErr(), config).warmupCountsUp(untilSteady), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (!inProcess) {
            job.validate();
            return ForkedStress.run(spec.commandLine().getParseResult().originalArgs(), jvmOptions, json,
                    progress(spec.commandLine().getErr(), config).warmupCountsUp(untilSteady), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (emitSnapshots) {
            ForkedStress.endWithParent();
            ForkedStress.warmEmitter();
        } else if (job.synthetic == null) {
            // composite jobs in this JVM: one with the vector kernels, as a forked workload has them
            int child = VectorRelaunch.runInVectorJvm(spec.commandLine().getParseResult().originalArgs());
            if (child >= 0) return child;
        }
        if (ramp != null) {
            return runRamp(config, settings, untilSteady);
        }
        java.util.concurrent.atomic.AtomicReference<StressSession> running = new java.util.concurrent.atomic.AtomicReference<>();
        dev.blendbench.engine.race.RaceDetector races = raceDetector(settings, running);
        Workload workload = job.factory(settings, spec.commandLine().getErr(), races).get();

        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (job.synthetic == null && !dev.blendbench.engine.blend.Compositor.isVectorized()) {
            err.println("note: scalar kernels; start the JVM with --add-modules jdk.incubator.vector for the vector ones");
        }
        String header = "stress: " + workload.description() + "; " + describe(model) + (virtual ? ", virtual threads" : "")
                + "; warm-up " + (untilSteady ? "until steady (at most " + Durations.format(config.warmup().toNanos()) + ")" : warmup)
                + ", measuring " + duration
                + (model instanceof LoadModel.Open ? (drain == null ? ", then draining without limit" : ", then draining for at most " + drainLimit.strip()) : "");
        if (emitSnapshots) {
            out.println(ForkedStress.ERR + header); // in line with the race findings that follow on stdout
            out.flush();
        } else {
            err.println(header);
        }
        java.util.function.Consumer<IntervalSnapshot> progress = emitSnapshots
                ? snap -> ForkedStress.emit(out, snap)
                : progress(err, config).warmupCountsUp(untilSteady);
        StressSession session = new StressSession(config, workload, Ticker.SYSTEM, progress);
        session.warmUntilSteady(untilSteady);
        running.set(session);
        if (haltAfter != null && inProcess) {
            long ms = duration("--halt-after", haltAfter, false).toMillis();
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(ms);
                    Runtime.getRuntime().halt(134);
                } catch (InterruptedException ignored) {
                    // the session ended first
                }
            }, "blendbench-halt-after");
            halt.setDaemon(true);
            halt.start();
        }
        FlightRecording recording = FlightRecording.start(jfr, "blendbench stress");
        ByteArrayOutputStream hlogBytes = new ByteArrayOutputStream();
        HistogramLogWriter hlogWriter = hlog == null ? null : new HistogramLogWriter(new PrintStream(hlogBytes, true, java.nio.charset.StandardCharsets.UTF_8));
        if (hlogWriter != null) {
            hlogWriter.outputLogFormatVersion();
            hlogWriter.outputComment("blendbench stress: " + workload.description() + "; latency in nanoseconds");
            hlogWriter.setBaseTime(0);
            hlogWriter.outputLegend();
            session.onIntervalHistogram((start, h) -> {
                h.setStartTimeStamp(start / 1_000_000L);
                h.setEndTimeStamp(start / 1_000_000L + 100);
                hlogWriter.outputIntervalHistogram(start / 1e9, (start + config.interval().toNanos()) / 1e9, h, 1e6);
            });
        }
        StressReport report;
        ShutdownStop onSignal = new ShutdownStop(session::stop);
        try (recording) {
            report = session.run();
            if (progress instanceof ProgressLine p) p.finish();
            if (report.stopped() && report.intervals().isEmpty()) {
                out.println("stopped in the warm-up: nothing was measured, so no file was written");
                out.flush();
                return Cli.OK;
            }
            recording.save();
            byte[] sessionJson = StressJson.toJson(report, settings, races == null ? null : races.findings(), session.measurementStartNanos());
            if (json != null) AtomicFiles.write(json, sessionJson);
            if (csv != null) AtomicFiles.write(csv, IntervalCsv.toCsv(report));
            if (hlogWriter != null) AtomicFiles.write(hlog, hlogBytes.toByteArray());
            // printed before the signal hook is released: after a Ctrl-C the JVM ends as soon as it is
            summary(out, report, config.warmup(), config.duration());
            if (untilSteady && !report.stopped()) out.println(warmupText("warm-up", report, config.warmup()));
            String uneven = dev.blendbench.app.report.LatencyBreakdown.unevenLockSentence(readBack(sessionJson, "session"));
            if (!uneven.isEmpty()) out.println(uneven);
            if (races != null) RaceText.summary(out, races);
            String wrote = OutputFiles.wrote(json, csv, hlog, jfr);
            if (wrote != null) out.println(wrote);
            out.flush();
        } finally {
            onSignal.close();
        }
        return Cli.OK;
    }

    /**
     * With {@code --race-detect}, a race detector that prints each finding as it is found (and
     * streams it to the workbench), timed from the start of measuring of the session {@code running}
     * holds then; else null.
     */
    private dev.blendbench.engine.race.RaceDetector raceDetector(Map<String, Object> settings,
                                                                 java.util.concurrent.atomic.AtomicReference<StressSession> running) {
        if (!raceDetect) return null;
        if (job.synthetic != null) throw new BadInputException("--race-detect watches composite jobs: leave out --synthetic");
        dev.blendbench.engine.race.RaceDetector races = new dev.blendbench.engine.race.RaceDetector();
        PrintWriter raceOut = spec.commandLine().getOut();
        races.onFinding(f -> {
            StressSession s = running.get();
            long measureStart = s == null ? Long.MAX_VALUE : s.measurementStartNanos();
            synchronized (raceOut) {
                if (emitSnapshots) ForkedStress.emitRace(raceOut, f, measureStart); // the workbench shows it live
                raceOut.println(RaceText.line(f, measureStart));
                raceOut.flush();
            }
        });
        settings.put("raceDetect", true);
        return races;
    }

    /** The steps of {@code --ramp}, one session each; Ctrl-C ends the current step and skips the rest. */
    private int runRamp(StressConfig base, Map<String, Object> settings, boolean untilSteady) throws Exception {
        if (hlog != null) throw new BadInputException("--hlog records one session: leave it out with --ramp");
        PrintWriter err = spec.commandLine().getErr(), out = spec.commandLine().getOut();
        // one detector for the whole ramp: a race found at one step is not reported again at the next
        java.util.concurrent.atomic.AtomicReference<StressSession> running = new java.util.concurrent.atomic.AtomicReference<>();
        dev.blendbench.engine.race.RaceDetector races = raceDetector(settings, running);
        java.util.function.Supplier<Workload> workloads = job.factory(settings, err, races);
        settings.put("ramp", ramp);
        List<StressReport> reports = new ArrayList<>();
        List<Long> stepStarts = new ArrayList<>(), measureStarts = new ArrayList<>(); // per step, for the race findings
        StopSwitch stopped = new StopSwitch();
        ShutdownStop onSignal = new ShutdownStop(stopped::stop);
        // one recording for the whole ramp: its phase events say which step each stretch belongs to
        try (FlightRecording recording = FlightRecording.start(jfr, "blendbench stress ramp")) {
            for (double v : ramp) {
                if (stopped.stopped()) break;
                LoadModel m = load.closed ? new LoadModel.Closed((int) v, ((LoadModel.Closed) base.load()).think())
                        : new LoadModel.Open(v, ((LoadModel.Open) base.load()).arrivals(), workers);
                StressConfig cfg = new StressConfig(m, base.virtualThreads(), base.warmup(), base.duration(), base.maxJobs(), base.interval(),
                        base.drainLimit());
                try (Workload w = workloads.get()) {
                    out.println("step: " + describe(m)); // on stdout: a forked child's steps and results stay in order
                    out.flush();
                    ProgressLine progress = emitSnapshots ? null : progress(err, cfg).warmupCountsUp(untilSteady);
                    StressSession session = new StressSession(cfg, w, Ticker.SYSTEM,
                            emitSnapshots ? snap -> ForkedStress.emit(out, snap) : progress);
                    session.warmUntilSteady(untilSteady);
                    stopped.track(session::stop);
                    running.set(session);
                    stepStarts.add(Ticker.SYSTEM.nanoTime()); // the race detector's clock too: where each finding belongs
                    StressReport r = session.run();
                    if (progress != null) progress.finish();
                    if (r.stopped() && r.intervals().isEmpty()) {
                        out.println(describe(m) + ": stopped in its warm-up, left out");
                        break;
                    }
                    if (emitSnapshots) ForkedStress.emitStep(out, r);
                    reports.add(r);
                    measureStarts.add(session.measurementStartNanos());
                    out.printf(Locale.ROOT, "%s: %.1f jobs/s, p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms%s%s%s%s%s%n", describe(m), r.throughput(),
                            ms(r.latency().p50()), ms(r.latency().p99()), ms(r.latency().p999()), ms(r.latency().max()),
                            load.closed || Double.isNaN(r.busy()) ? "" : String.format(Locale.ROOT, ", workers %.0f %% busy", 100 * r.busy()),
                            dev.blendbench.app.report.CpuShare.aside(r.cpu()),
                            r.generatorSaturated() ? " (generator saturated)" : "",
                            r.queuedAtEnd() > 0 && !r.stopped() ? String.format(Locale.ROOT, " (drain limit: %,d jobs still queued, counted at "
                                    + "their wait so far)", r.queuedAtEnd()) : "",
                            r.warmupJobs() == 0 && !cfg.warmup().isZero() && r.jobs() > 0 ? " (cold: no job ended in its warm-up)"
                                    : r.leftWarmupBacklog() && !r.overloaded() ? String.format(Locale.ROOT, " (cold: its warm-up fell behind, "
                                    + "leaving %,d jobs the first measured ones waited behind; a longer --warmup, or --warmup auto, leaves that out)",
                                    r.warmupBacklogJobs())
                                    : untilSteady ? " (" + warmupText("warm-up", r, cfg.warmup()) + ")" : "");
                }
            }
            if (stopped.stopped()) {
                out.println(reports.isEmpty() ? "stopped early: no step was measured, so no file was written"
                        : "stopped early: the steps measured up to the stop are above" + (json == null ? "" : " and in " + json));
                if (reports.isEmpty()) return Cli.OK;
            }
            byte[] rampJson = StressJson.toRampJson(reports, settings, stopped.stopped(), races == null ? null : races.findings(),
                    stepStarts, measureStarts);
            recording.save();
            if (json != null) AtomicFiles.write(json, rampJson);
            if (csv != null) AtomicFiles.write(csv, IntervalCsv.stepsCsv(reports));
            if (reports.size() >= 2) {
                // the ramp in one sentence: how far p99 rose, and where the steepest rise (the knee) is
                out.println(dev.blendbench.app.report.Summaries.sentence(readBack(rampJson, "ramp")));
            }
            if (races != null) RaceText.summary(out, races);
            String wrote = OutputFiles.wrote(json, csv, jfr);
            if (wrote != null) out.println(wrote);
        } finally {
            onSignal.close();
        }
        return Cli.OK;
    }

    /** This run's own session file, read back as a report reads it (to word it as the report does). */
    private static dev.blendbench.app.report.Session readBack(byte[] json, String what) {
        try {
            return dev.blendbench.app.report.SessionReader.parse(
                    dev.blendbench.app.report.SessionReader.tree(new String(json, java.nio.charset.StandardCharsets.UTF_8)), what, what);
        } catch (dev.blendbench.app.report.ReportException e) {
            throw new IllegalStateException("the " + what + "'s own JSON did not read back: " + e.getMessage(), e);
        }
    }

    /** {@code --slo} as the ramp's file states it ({@code p99 <= 20.0ms}), or null; refused without {@code --ramp}. */
    private String rampObjective() {
        if (slo == null) return null;
        if (ramp == null) {
            throw new BadInputException("--slo judges the steps of a ramp: give --ramp too (or search for the knee with cliff --slo)");
        }
        try {
            return dev.blendbench.app.report.Summaries.rampObjectiveText(slo);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--slo: " + e.getMessage());
        }
    }

    private LoadModel loadModel() {
        if (workers == NOT_GIVEN) {
            // a closed-loop ramp's steps are its worker counts; everything else needs them said
            if (!load.closed || ramp == null) throw new BadInputException("Missing required option: '--workers=N' (see 'blendbench stress --help')");
            workers = (int) Math.round(ramp.get(0));
        } else if (load.closed && ramp != null && !emitSnapshots && System.getenv(VectorRelaunch.NO_RELAUNCH) == null) {
            // said once, by the process the user started (not again by its workload JVM, or its relaunch with the vector kernels)
            spec.commandLine().getErr().printf(Locale.ROOT, "note: --workers %d is not used: a closed-loop ramp's steps are its worker counts (%s)%n",
                    workers, String.join(", ", ramp.stream().map(dev.blendbench.app.report.SessionReader::fmt).toList()));
        }
        if (workers < 1 || workers > 10_000) throw new BadInputException("--workers must be 1..10000, got " + workers);
        var given = spec.commandLine().getParseResult();
        // an option of the other loop would be ignored without a word: refused instead
        if (load.closed && given.hasMatchedOption("--drain-limit")) {
            throw new BadInputException("--drain-limit bounds how long an open loop drains its backlog; a closed loop has none: leave it out with --closed");
        }
        if (load.closed && given.hasMatchedOption("--arrivals")) {
            throw new BadInputException("--arrivals spaces an open loop's arrivals; in a closed loop each job starts when one ends: leave it out with --closed");
        }
        if (!load.closed && given.hasMatchedOption("--think")) {
            throw new BadInputException("--think is the closed loop's pause between jobs: leave it out with --rate");
        }
        try {
            if (load.closed) {
                return new LoadModel.Closed(workers, duration("--think", think, true));
            }
            return new LoadModel.Open(load.rate, Arrivals.parse(arrivals), workers);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /**
     * A warm-up option as given: a duration, or {@code auto} / {@code auto:MAX} — until the jobs'
     * service time is steady, at most MAX (30 s without one); {@code most} is the duration or MAX.
     */
    record Warmup(Duration most, boolean untilSteady) {
        private static final java.util.regex.Pattern AUTO = java.util.regex.Pattern.compile("(?i)auto(?::(.+))?");
        /** The most an {@code auto} warm-up runs where no MAX is given. */
        static final Duration DEFAULT_MOST = Duration.ofSeconds(30);

        /** {@code value} of {@code option}; refused as bad input with the option's name. */
        static Warmup parse(String option, String value) {
            java.util.regex.Matcher auto = AUTO.matcher(value.strip());
            if (!auto.matches()) return new Warmup(duration(option, value, true), false);
            return new Warmup(auto.group(1) == null ? DEFAULT_MOST : duration(option, auto.group(1), false), true);
        }
    }

    /**
     * "warm-up steady after 3.4 s", or that it was not within {@code max}, for a warm-up that ran
     * until steady; {@code subject} names it ("warm-up", "the JVM's warm-up").
     */
    static String warmupText(String subject, StressReport r, Duration max) {
        return r.warmupSteady() ? subject + " steady after " + dev.blendbench.app.report.SessionReader.fmt(r.warmupNanos() / 1e9) + " s"
                : subject + " not steady within " + Durations.format(max.toNanos()) + ": measured from there";
    }

    static Duration duration(String option, String value, boolean zeroOk) {
        Duration d;
        try {
            d = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
        if (!zeroOk && d.isZero()) throw new BadInputException(option + " must be longer than zero");
        return d;
    }

    /** When an open loop's arrivals stop, in seconds from the start of measuring; NaN for a closed loop. */
    static double arrivalsEnd(StressConfig c) {
        return c.load() instanceof LoadModel.Open ? c.duration().toNanos() / 1e9 : Double.NaN;
    }

    /** The progress lines of a session (or ramp) of {@code c}: draining after an open loop's arrivals, and how busy its workers were. */
    static ProgressLine progress(PrintWriter err, StressConfig c) {
        return new ProgressLine(err, System.console() != null).arrivalsEndAt(arrivalsEnd(c))
                .busyOf(c.load() instanceof LoadModel.Open ? c.load().workers() : 0);
    }

    private static String describe(LoadModel m) {
        return m.description();
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static void summary(PrintWriter out, StressReport r, Duration warmup, Duration asked) {
        out.printf(Locale.ROOT, "%s%n", r.stopped() ? "stopped early: results up to the stop" : "done");
        // the jobs begun in the warm-up that ended in the measured phase count in the throughput: said where they are most of it
        String begunBefore = r.warmupBacklogJobs() > 0 && (r.jobs() == 0 || r.leftWarmupBacklog())
                ? String.format(Locale.ROOT, ", and %,d begun in the warm-up", r.warmupBacklogJobs()) : "";
        out.printf(Locale.ROOT, "jobs %d in %.1f s%s: %.1f jobs/s; %s allocated per job; %d GCs, %.1f ms paused%n",
                r.jobs(), r.measuredNanos() / 1e9, begunBefore, r.throughput(), dev.blendbench.app.report.Summaries.bytes(r.bytesPerJob()),
                r.gcCount(), r.gcPauseMillis());
        if (r.jobs() == 0 && r.latency().count() == 0 && !r.stopped()) {
            int workers = r.load().workers(), cores = r.cpu().machineCores();
            boolean crowded = cores > 0 && workers > cores;
            long before = r.warmupBacklogJobs();
            out.printf(Locale.ROOT, "warning: no job begun in the measured %s ended%s, so there is no latency to report: a job took longer"
                    + " than that here%s; %sa longer --warmup (auto: until the jobs are steady) and --duration give the jobs time%n",
                    Durations.format(asked.toNanos()),
                    before == 1 ? " (the one that ended in it was begun in the warm-up)"
                            : before > 1 ? String.format(Locale.ROOT, " (the %,d that ended in it were begun in the warm-up)", before) : "",
                    crowded ? String.format(Locale.ROOT, ", with %,d workers sharing %d cores", workers, cores) : "",
                    crowded ? "fewer workers, or " : "");
        }
        if (r.overloaded() && r.load() instanceof LoadModel.Open o) {
            if (r.queuedAtEnd() > 0 && !r.stopped()) {
                out.printf(Locale.ROOT, "overloaded: %.1f jobs/s offered, %.1f done; the drain limit ended the session %.1f s after the "
                        + "arrivals stopped, with %,d jobs still queued: they are in the latency at their wait so far, so its "
                        + "percentiles are lower bounds (--drain-limit none drains it all)%n", o.rate(), r.throughput(),
                        Math.max(0, (r.measuredNanos() - asked.toNanos()) / 1e9), r.queuedAtEnd());
            } else if (!r.stopped()) {
                out.printf(Locale.ROOT, "overloaded: %.1f jobs/s offered, %.1f done; the backlog drained for %.1f s after the "
                        + "arrivals stopped%n", o.rate(), r.throughput(), Math.max(0, (r.measuredNanos() - asked.toNanos()) / 1e9));
            } else if (r.measuredNanos() > asked.toNanos()) {
                out.printf(Locale.ROOT, "overloaded: %.1f jobs/s offered, %.1f done; stopped %.1f s into draining the backlog, "
                        + "before it was drained%n", o.rate(), r.throughput(), (r.measuredNanos() - asked.toNanos()) / 1e9);
            }
            if (r.stopped() && r.queuedAtEnd() > 0) {
                out.printf(Locale.ROOT, "%,d jobs still queued at the stop are in the latency at their wait so far%n", r.queuedAtEnd());
            }
        }
        if (r.leftWarmupBacklog()) {
            out.printf(Locale.ROOT, "warm-up backlog: %,d jobs due in the warm-up ended in the measured phase (%s): the throughput "
                    + "counts them, the latency does not, and the first measured jobs waited behind them%n", r.warmupBacklogJobs(),
                    r.overloaded() ? "the rate is beyond what the system does" : "the warm-up fell behind: a cold start or a pause");
        }
        String cpu = dev.blendbench.app.report.CpuShare.line(r.cpu());
        if (!cpu.isEmpty()) out.println(cpu);
        String crowded = dev.blendbench.app.report.CpuShare.warning(r.cpu());
        if (!crowded.isEmpty()) out.println(crowded);
        if (r.errors() > 0) out.printf(Locale.ROOT, "errors: %d (first: %s)%n", r.errors(), r.firstError());
        if (r.warmupJobs() == 0 && warmup.toNanos() > 0 && r.jobs() > 0) {
            out.printf(Locale.ROOT, "warning: no job ended during the %s warm-up, so the measurement starts cold (class "
                    + "loading, JIT compilation); a longer --warmup leaves that out%n", Durations.format(warmup.toNanos()));
        } else {
            dev.blendbench.app.report.Settling.Trend trend = dev.blendbench.app.report.Settling.ofSnapshots(r.intervals());
            if (dev.blendbench.app.report.Settling.warming(trend)) {
                out.printf(Locale.ROOT, "warning: the jobs' mean service time fell from %s ms in the first fifth to %s ms in the last "
                        + "(%s×): still warming up (the JIT compiling, or the machine busy); a longer --warmup, or --warmup auto, leaves that out%n",
                        ms(Math.round(trend.earlyMillis() * 1e6)), ms(Math.round(trend.lateMillis() * 1e6)), dev.blendbench.app.report.SessionReader.fmt(trend.ratio()));
            }
        }
        if (r.generatorSaturated()) {
            out.println("warning: the load generator could not keep the schedule: the offered rate was lower than asked");
        }
        out.printf(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s %10s%n", "ms", "p50", "p90", "p95", "p99", "p99.9", "max");
        row(out, "latency (end to end)", r.latency());
        row(out, "service (uncorrected)", r.service());
        r.stages().forEach((k, v) -> row(out, "stage " + k, v));
    }

    /** One row of the percentile table; dashes, not zeros, where no job ended. */
    private static void row(PrintWriter out, String name, Percentiles p) {
        if (p.count() == 0) {
            out.printf(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s %10s%n", name, "—", "—", "—", "—", "—", "—");
            return;
        }
        out.printf(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s %10s%n", name, ms(p.p50()), ms(p.p90()), ms(p.p95()),
                ms(p.p99()), ms(p.p999()), ms(p.max()));
    }
}

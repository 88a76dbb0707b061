package dev.blendbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blendbench.engine.io.AtomicFiles;
import dev.blendbench.engine.stress.Arrivals;
import dev.blendbench.engine.stress.CliffFinder;
import dev.blendbench.engine.stress.Durations;
import dev.blendbench.engine.stress.LoadModel;
import dev.blendbench.engine.stress.Slo;
import dev.blendbench.engine.stress.StressConfig;
import dev.blendbench.engine.stress.StressReport;
import dev.blendbench.engine.stress.StressSession;
import dev.blendbench.engine.stress.Ticker;
import dev.blendbench.engine.stress.UniversalScalability;
import dev.blendbench.engine.stress.Workload;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blendbench cliff}: finds where latency falls off the cliff. Open loop: ramps the rate
 * and bisects to the highest rate meeting the objective. Closed loop ({@code --closed}): ramps
 * the worker count and fits the Universal Scalability Law. Runs in this JVM, warmed first by an
 * unmeasured closed-loop run ({@code --jvm-warmup}); one started without {@code jdk.incubator.vector}
 * runs the search again in a child JVM that has it (see {@link VectorRelaunch}), so it measures the
 * kernels the stress command and the workbench use.
 */
@Command(name = "cliff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the knee: the highest load at which a latency objective holds.",
                "Open loop: a ramp of rates, then bisection. Closed loop (--closed): a ramp of workers and a USL fit."},
        footer = {"", "Examples:",
                "  blendbench cliff --workers 2 --slo p99=20ms --from 50 --to 800",
                "  blendbench cliff --synthetic exp:10ms --workers 4 --slo p99=100ms --from 100 --to 390",
                "  blendbench cliff --closed --workers 8 --strategy shared-locked",
                "Ctrl-C stops early: the step in progress is dropped, the steps measured before it are printed",
                "and written to --json, and the exit is as the signal asks (130)."})
public final class CliffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = "--workers", paramLabel = "N", required = true,
            description = "Workers (open loop), or the most workers of the ramp (--closed).")
    int workers;

    @Option(names = "--closed", description = "Ramp the number of closed-loop workers and fit the USL instead.")
    boolean closed;

    @Option(names = "--slo", paramLabel = "pNN=LIMIT", description = "The objective, e.g. p99=100ms (open loop).")
    String slo;

    @Option(names = "--from", paramLabel = "R", description = "Lowest rate (default: a fifth of the measured capacity).")
    Double from;

    @Option(names = "--to", paramLabel = "R", description = "Highest rate (default: 1.2 × the measured capacity).")
    Double to;

    @Option(names = "--arrivals", paramLabel = "constant|poisson", defaultValue = "poisson", description = "Arrival spacing (default: ${DEFAULT-VALUE}).")
    String arrivals;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "6", description = "Rates on the ramp (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--bisections", paramLabel = "N", defaultValue = "4", description = "Refinements of the knee (default: ${DEFAULT-VALUE}).")
    int bisections;

    @Option(names = "--step-duration", paramLabel = "DURATION", defaultValue = "5s", description = "Measured time per step (default: ${DEFAULT-VALUE}).")
    String stepDuration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "1s", description = "Warm-up per step (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--jvm-warmup", paramLabel = "DURATION|auto[:MAX]", defaultValue = "3s",
            description = "Unmeasured closed-loop run before the first step, so that no step measures a cold JVM "
                    + "(default: ${DEFAULT-VALUE}; 0 to skip; auto: until the jobs' service time is steady, at most MAX, 30s).")
    String jvmWarmup;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Write the steps and the knee as JSON.")
    Path json;

    @Option(names = "--jfr", paramLabel = "OUT.jfr", description = "Record the whole search with Java Flight Recorder, as stress --jfr"
            + " does (each step's phases name its load).")
    Path jfr;

    /** Ctrl-C or SIGTERM: the step or run in progress ends now, and no other starts. */
    private final StopSwitch stopSwitch = new StopSwitch();

    @Override
    public Integer call() throws Exception {
        if (workers < 1 || workers > 10_000) throw new BadInputException("--workers must be 1..10000, got " + workers);
        if (steps < 2 || steps > 50) throw new BadInputException("--steps must be 2..50, got " + steps);
        if (bisections < 0 || bisections > 20) throw new BadInputException("--bisections must be 0..20, got " + bisections);
        Duration step = StressCommand.duration("--step-duration", stepDuration, false);
        Duration warm = StressCommand.duration("--warmup", warmup, true);
        StressCommand.Warmup jvmWarmOption = StressCommand.Warmup.parse("--jvm-warmup", jvmWarmup);
        boolean jvmUntilSteady = jvmWarmOption.untilSteady();
        Duration jvmWarm = jvmWarmOption.most();
        if (json != null) OutputFiles.requireFolder(json);
        if (jfr != null) OutputFiles.requireFolder(jfr);
        if (closed) {
            // an option of the open-loop search would be ignored without a word: refused instead
            var given = spec.commandLine().getParseResult();
            for (String o : List.of("--slo", "--from", "--to", "--arrivals", "--steps", "--bisections")) {
                if (given.hasMatchedOption(o)) {
                    throw new BadInputException(o + " shapes the open-loop search; --closed ramps the workers (1, 2, 3, 4, 8, ... up to"
                            + " --workers) instead: leave out " + o);
                }
            }
            // before the JVM warm-up, not after it
            if (workerCounts(workers).size() < 3) throw new BadInputException("--closed needs --workers of at least 3 to fit the USL");
        }
        Slo objective = null;
        Arrivals arr;
        try {
            arr = Arrivals.parse(arrivals);
            if (!closed) {
                if (slo == null) throw new BadInputException("--slo is needed for an open-loop cliff, e.g. --slo p99=100ms");
                objective = Slo.parse(slo);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (job.synthetic == null && StrategyRuns.parse(job.strategy).size() > 1) {
            throw new BadInputException("cliff searches one strategy at a time: run a cliff per strategy, and report their files together");
        }
        if (from != null && !(from > 0)) throw new BadInputException("--from must be a positive rate, got " + from);
        if (to != null && from != null && !(to > from)) throw new BadInputException("--to must be above --from");
        int child = VectorRelaunch.runInVectorJvm(spec.commandLine().getParseResult().originalArgs());
        if (child >= 0) return child;
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> settings = new LinkedHashMap<>();
        Supplier<Workload> workloads = job.factory(settings, spec.commandLine().getErr());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "blendbench-cliff/1");
        root.put("createdAt", Instant.now().toString());
        settings.put("workers", workers);
        settings.put("stepSeconds", step.toNanos() / 1e9);
        settings.put("warmupSeconds", warm.toNanos() / 1e9);
        root.put("settings", settings);
        root.put("machine", dev.blendbench.app.report.StressJson.machine());
        root.put("jvm", dev.blendbench.app.report.StressJson.jvm());
        settings.put("jvmWarmupSeconds", jvmWarm.toNanos() / 1e9);
        ShutdownStop onSignal = new ShutdownStop(stopSwitch::stop);
        try (FlightRecording recording = FlightRecording.start(jfr, "blendbench cliff")) {
            if (!jvmWarm.isZero()) {
                out.printf(Locale.ROOT, "warming up the JVM: %s closed loop, %d workers, unmeasured%n", jvmUntilSteady
                        ? "until steady (at most " + Durations.format(jvmWarm.toNanos()) + ")," : Durations.format(jvmWarm.toNanos()), workers);
                out.flush();
                StressReport w = run(workloads, new LoadModel.Closed(workers, Duration.ZERO), jvmWarm, Duration.ofMillis(100), jvmUntilSteady);
                if (jvmUntilSteady && !stopSwitch.stopped()) {
                    out.println(StressCommand.warmupText("the JVM's warm-up", w, jvmWarm));
                    settings.put("jvmWarmupSeconds", w.warmupNanos() / 1e9);
                    settings.put("jvmWarmupSteady", w.warmupSteady());
                }
            }
            boolean measured = closed ? closedLoop(workloads, step, warm, out, root)
                    : openLoop(workloads, objective, arr, step, warm, out, root, settings);
            if (stopSwitch.stopped()) {
                root.put("stopped", true);
                out.println(measured ? "stopped early: the steps measured up to the stop are above" + (json == null ? "" : " and in " + json)
                        : "stopped early: no step was measured" + (json == null ? "" : ", so " + json + " was not written"));
            }
            if (json != null && measured) {
                AtomicFiles.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
            }
            if (measured) {
                recording.save();
                String wrote = OutputFiles.wrote(json, jfr);
                if (wrote != null) out.println(wrote);
            }
            out.flush();
        } finally {
            onSignal.close();
        }
        return Cli.OK;
    }

    /** Whether any step was measured in full (and so there is something to write). */
    private boolean openLoop(Supplier<Workload> workloads, Slo objective, Arrivals arr, Duration step, Duration warm,
                             PrintWriter out, Map<String, Object> root, Map<String, Object> settings) throws InterruptedException {
        double lo = from == null ? 0 : from, hi = to == null ? 0 : to;
        if (stopSwitch.stopped()) return false;
        if (from == null || to == null) {
            double capacity = run(workloads, new LoadModel.Closed(workers, Duration.ZERO), warm, step).throughput();
            if (stopSwitch.stopped()) return false;
            out.printf(Locale.ROOT, "capacity with %d closed-loop workers: %.1f jobs/s%n", workers, capacity);
            if (from == null) lo = Math.max(0.1, capacity / 5);
            if (to == null) hi = Math.max(lo * 1.5, capacity * 1.2);
        }
        settings.put("slo", objective.toString());
        settings.put("fromRate", lo);
        settings.put("toRate", hi);
        settings.put("arrivals", arr.name().toLowerCase(Locale.ROOT));
        Slo o = objective;
        CliffFinder f = new CliffFinder(workloads, workers, arr, objective, warm, step, Ticker.SYSTEM);
        stopSwitch.track(f::stop);
        CliffFinder.Result r = f.find(lo, hi, steps, bisections, s -> out.printf(Locale.ROOT,
                "rate %9.1f/s: p%s %10.3f ms  %s%s%s%s%n", s.rate(), fmt(o.percentile()), s.measured() / 1e6,
                s.passed() ? "meets " : "misses", Double.isNaN(s.busy()) ? "" : String.format(Locale.ROOT, "  workers %3.0f %% busy", 100 * s.busy()),
                s.saturated() ? " (generator saturated)" : "", dev.blendbench.app.report.CpuShare.aside(s.cpu())));
        List<Map<String, Object>> st = new ArrayList<>();
        for (CliffFinder.Step s : r.steps()) st.add(step(s));
        root.put("steps", st);
        root.put("knee", r.knee());
        root.put("below", r.below() == null ? null : step(r.below()));
        root.put("above", r.above() == null ? null : step(r.above()));
        if (r.stopped()) {
            if (r.below() != null && r.above() != null) {
                out.printf(Locale.ROOT, "knee between %.1f and %.1f jobs/s for %s (not refined further)%n", r.below().rate(), r.above().rate(), objective);
            } else if (r.below() != null) {
                root.put("knee", null); // not found: the search stopped before a rate missed the objective
                out.printf(Locale.ROOT, "no knee found before the stop: %s holds up to %.1f jobs/s%n", objective, r.below().rate());
            }
            return !r.steps().isEmpty();
        }
        if (r.above() == null) {
            out.printf(Locale.ROOT, "no cliff up to %.1f jobs/s: %s holds everywhere (raise --to)%n", hi, objective);
        } else if (r.below() == null) {
            out.printf(Locale.ROOT, "%s is missed already at %.1f jobs/s (lower --from)%n", objective, lo);
        } else {
            out.printf(Locale.ROOT, "knee: %.1f jobs/s for %s (p%s %.3f ms at %.1f/s, %.3f ms at %.1f/s: %.2f× the load, %.2f× the latency)%n",
                    r.knee(), objective, fmt(o.percentile()), r.below().measured() / 1e6, r.below().rate(), r.above().measured() / 1e6,
                    r.above().rate(), r.above().rate() / r.below().rate(), (double) r.above().measured() / Math.max(1, r.below().measured()));
            // what the CPU at the knee and past it says of the limit, as the report's sentence does
            List<dev.blendbench.app.report.Session.CliffStep> byRate = r.steps().stream()
                    .sorted(java.util.Comparator.comparingDouble(CliffFinder.Step::rate))
                    .map(s -> new dev.blendbench.app.report.Session.CliffStep(s.rate(), s.measured() / 1e6, s.passed(), s.throughput(),
                            s.busy(), dev.blendbench.app.report.Session.Stats.EMPTY, s.cpu())).toList();
            String limit = dev.blendbench.app.report.CpuShare.atKnee(byRate, r.knee(), workers).strip();
            if (!limit.isEmpty()) out.println(limit);
        }
        return true;
    }

    private static String fmt(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    private static Map<String, Object> step(CliffFinder.Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", s.rate());
        m.put("measuredMillis", s.measured() / 1e6);
        m.put("passed", s.passed());
        m.put("throughputPerSecond", s.throughput());
        m.put("jobs", s.jobs());
        m.put("generatorSaturated", s.saturated());
        if (!Double.isNaN(s.busy())) m.put("busy", s.busy());
        m.put("distribution", dev.blendbench.app.report.StressJson.distribution(s.latencyDistribution()));
        dev.blendbench.app.report.StressJson.putCpu(m, s.cpu());
        return m;
    }

    /** The closed-loop ramp: 1, 2, 3, 4, then doubling, and {@code most} itself. */
    static List<Integer> workerCounts(int most) {
        List<Integer> counts = new ArrayList<>();
        for (int n = 1; n <= most; n = n < 4 ? n + 1 : n * 2) counts.add(n);
        if (counts.get(counts.size() - 1) != most) counts.add(most);
        return counts;
    }

    /** Whether any worker count was measured in full (and so there is something to write). */
    private boolean closedLoop(Supplier<Workload> workloads, Duration step, Duration warm, PrintWriter out, Map<String, Object> root)
            throws InterruptedException {
        List<Integer> counts = workerCounts(workers);
        int[] n = new int[counts.size()];
        double[] x = new double[counts.size()];
        List<Map<String, Object>> points = new ArrayList<>();
        List<dev.blendbench.app.report.Session.CliffStep> byWorkers = new ArrayList<>();
        root.put("points", points);
        for (int i = 0; i < n.length && !stopSwitch.stopped(); i++) {
            StressReport r = run(workloads, new LoadModel.Closed(counts.get(i), Duration.ZERO), warm, step);
            if (stopSwitch.stopped()) break; // the cut step is shorter than asked: left out
            n[i] = counts.get(i);
            x[i] = r.throughput();
            // the cores the workers kept busy: flat while throughput still climbs is the machine's CPU, below it contention
            out.printf(Locale.ROOT, "%13s %10.1f jobs/s  p99 %10.3f ms%s%s%n", n[i] + (n[i] == 1 ? " worker:" : " workers:"), x[i],
                    r.latency().p99() / 1e6, Double.isNaN(r.cpu().workloadCores()) ? "" : String.format(Locale.ROOT, "  cpu %.2f cores",
                            r.cpu().workloadCores()), dev.blendbench.app.report.CpuShare.aside(r.cpu()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workers", n[i]);
            m.put("throughputPerSecond", x[i]);
            m.put("p99Millis", r.latency().p99() / 1e6);
            dev.blendbench.app.report.StressJson.putCpu(m, r.cpu());
            points.add(m);
            byWorkers.add(new dev.blendbench.app.report.Session.CliffStep(n[i], r.latency().p99() / 1e6, true, x[i], Double.NaN,
                    dev.blendbench.app.report.Session.Stats.EMPTY, r.cpu()));
        }
        if (points.size() < 3) return !points.isEmpty(); // stopped before three worker counts: too few to fit
        // stopped early: fitted to the worker counts measured
        UniversalScalability u = UniversalScalability.fit(java.util.Arrays.copyOf(n, points.size()), java.util.Arrays.copyOf(x, points.size()));
        Map<String, Object> usl = new LinkedHashMap<>();
        usl.put("lambda", u.lambda());
        usl.put("sigma", u.sigma());
        usl.put("kappa", u.kappa());
        usl.put("peakWorkers", Double.isInfinite(u.peakWorkers()) ? null : u.peakWorkers());
        usl.put("rSquared", u.rSquared());
        root.put("usl", usl);
        out.printf(Locale.ROOT, "USL: lambda %.1f jobs/s per worker, sigma %.4f, kappa %.5f, peak %s, R² %.3f%n",
                u.lambda(), u.sigma(), u.kappa(), !u.peakInSight() ? "not in sight" : String.format(Locale.ROOT, "at %.1f workers", u.peakWorkers()),
                u.rSquared());
        // as the report's sentence says it: one at a time, and what the cores the workers kept busy tell
        if (u.sigma() >= 0.8) out.println("Contention near 1: the jobs ran all but one at a time, so workers past the first added little.");
        String cores = dev.blendbench.app.report.CpuShare.byWorkers(byWorkers).strip();
        if (!cores.isEmpty()) out.println(cores);
        return true;
    }

    private StressReport run(Supplier<Workload> workloads, LoadModel load, Duration warm, Duration step) throws InterruptedException {
        return run(workloads, load, warm, step, false);
    }

    /** As {@link #run(Supplier, LoadModel, Duration, Duration)}; {@code untilSteady}: the warm-up ends once steady, {@code warm} at most. */
    private StressReport run(Supplier<Workload> workloads, LoadModel load, Duration warm, Duration step, boolean untilSteady)
            throws InterruptedException {
        try (Workload w = workloads.get()) {
            StressSession s = new StressSession(new StressConfig(load, false, warm, step, 0, Duration.ofMillis(100)), w, Ticker.SYSTEM, null);
            s.warmUntilSteady(untilSteady);
            stopSwitch.track(s::stop);
            return s.run();
        }
    }
}

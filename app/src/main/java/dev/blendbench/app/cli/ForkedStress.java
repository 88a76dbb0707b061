package dev.blendbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blendbench.engine.stress.IntervalSnapshot;
import dev.blendbench.engine.stress.Percentiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs a stress session in a child JVM, so that this JVM's own allocation and rendering do not
 * pollute the measurement, and an OutOfMemoryError or crash in the workload cannot take this
 * process down. The child is this program again ({@code stress --in-process --emit-snapshots}
 * with the same arguments) under the asked heap and collector, with the Vector API module. It
 * writes the output files itself and streams each interval snapshot as an {@code @snapshot}
 * JSON line on its stdout, from which this side prints the progress line; everything else the
 * child prints is passed through.
 */
public final class ForkedStress {
    private ForkedStress() {}

    /** Prefix of a snapshot line on the child's stdout: an interval as in the session JSON. */
    public static final String SNAPSHOT = "@snapshot ";
    /** Prefix of a race finding line on the child's stdout: a finding as in the session JSON's races[]. */
    public static final String RACE = "@race ";
    /** Prefix of a ramp step's summary line (JSON, without intervals), written as the step ends. */
    public static final String STEP = "@step ";
    /**
     * Prefix of a line the child means for the user's stderr but sends on its stdout, so that it
     * keeps its place among the lines that stream there (the session's header before the races
     * found during warm-up).
     */
    public static final String ERR = "@err ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The child JVM's options for {@code --heap} and {@code --gc}, checked. */
    public static List<String> jvmOptions(String heap, String gc) {
        List<String> o = new ArrayList<>();
        if (heap != null) {
            if (!heap.toLowerCase(Locale.ROOT).matches("\\d{1,7}[kmg]")) {
                throw new BadInputException("--heap must be a size like 512m or 4g, got '" + heap + "'");
            }
            o.add("-Xmx" + heap);
        }
        if (gc != null) {
            o.add(switch (gc.toLowerCase(Locale.ROOT)) {
                case "g1" -> "-XX:+UseG1GC";
                case "zgc" -> "-XX:+UseZGC";
                case "parallel" -> "-XX:+UseParallelGC";
                case "serial" -> "-XX:+UseSerialGC";
                default -> throw new BadInputException("--gc must be g1, zgc, parallel or serial, got '" + gc + "'");
            });
        }
        return o;
    }

    /**
     * In a forked child: once the parent has ended, however it ended (a {@code kill -9} included, which
     * runs none of its hooks), this JVM exits as a Ctrl-C would end it: the session stops and its
     * files are written. A workload nobody is watching would otherwise run out its whole duration.
     */
    static void endWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(Cli.INTERNAL)));
    }

    /**
     * Writes a made-up snapshot line into nothing, a few dozen times, before the session: its first
     * writing loads and compiles the JSON writer (about 50 ms of a
     * core), which would otherwise happen on the sampler at the start of measuring, late for its
     * next interval and taking a core from the workers of a small machine.
     */
    static void warmEmitter() {
        Percentiles p = new Percentiles(10, 1e6, 1_000_000, 2_000_000, 2_500_000, 3_000_000, 3_500_000, 4_000_000);
        IntervalSnapshot s = new IntervalSnapshot(100_000_000, 100_000_000, p, p, 100, 1 << 20, 1, 2.5, 1 << 26, 0, 0, 0,
                new dev.blendbench.engine.stress.CpuUse(1, 0.1, 0, 2));
        PrintWriter nowhere = new PrintWriter(java.io.Writer.nullWriter());
        for (int i = 0; i < 50; i++) emit(nowhere, s);
    }

    /** One snapshot line, for the parent to read: the interval as in the session JSON. */
    static void emit(PrintWriter out, IntervalSnapshot s) {
        try {
            out.println(SNAPSHOT + JSON.writeValueAsString(dev.blendbench.app.report.StressJson.interval(s)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** One ramp step's summary line, as the step ends. */
    static void emitStep(PrintWriter out, dev.blendbench.engine.stress.StressReport r) {
        try {
            out.println(STEP + JSON.writeValueAsString(dev.blendbench.app.report.StressJson.step(r, false)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** One race finding line, as soon as the detector reports it. */
    static void emitRace(PrintWriter out, dev.blendbench.engine.race.Finding f, long measureStartNanos) {
        try {
            out.println(RACE + JSON.writeValueAsString(dev.blendbench.app.report.StressJson.finding(f, measureStartNanos)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** A line in which a child JVM says why it failed (a thrown error, the JVM's out-of-memory exit). */
    public static boolean isFailure(String line) {
        return line.startsWith("Terminating due to ") || line.startsWith("Exception in thread ")
                || line.contains("OutOfMemoryError") || line.startsWith("Error: ") || line.startsWith("Error occurred");
    }

    private static void releaseHeld(List<String> held, java.util.concurrent.atomic.AtomicBoolean started, PrintWriter err) {
        synchronized (held) {
            if (started.getAndSet(true)) return;
            held.forEach(err::println);
            err.flush();
            held.clear();
        }
    }

    /** A line for the user's stderr: held back until the session runs, printed at once after. */
    private static void holdOrPrint(List<String> held, java.util.concurrent.atomic.AtomicBoolean started, PrintWriter err, String line) {
        synchronized (held) {
            if (!started.get()) {
                held.add(line);
                return;
            }
            err.println(line);
            err.flush();
        }
    }

    static int run(List<String> originalArgs, List<String> jvmOptions, Path json, ProgressLine progress, PrintWriter out,
                   PrintWriter err)
            throws IOException, InterruptedException {
        long startedAt = System.currentTimeMillis();
        List<java.util.Map<String, Object>> streamed = new ArrayList<>();
        String javaCommand = VectorRelaunch.javaExecutable();
        List<String> child = new ArrayList<>(List.of(javaCommand, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-XX:+ExitOnOutOfMemoryError"));
        child.addAll(jvmOptions);
        child.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.blendbench.app.Main"));
        for (int i = 0; i < originalArgs.size(); i++) { // --heap and --gc became the JVM options above
            String a = originalArgs.get(i);
            if (a.equals("--heap") || a.equals("--gc")) {
                i++;
            } else if (!a.startsWith("--heap=") && !a.startsWith("--gc=")) {
                child.add(a);
            }
        }
        child.add("--in-process");
        child.add("--emit-snapshots");
        ProcessBuilder pb = new ProcessBuilder(child).redirectErrorStream(false);
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            err.println("stress: cannot start the workload JVM (" + e.getMessage() + ")");
            return Cli.INTERNAL;
        }
        java.util.concurrent.atomic.AtomicBoolean signalled = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(1);
        Thread stop = new Thread(() -> {
            // Ctrl-C or SIGTERM: the child stops its session and writes its files (a terminal's Ctrl-C
            // has reached it already; a signal sent to this process alone has not: SIGTERM passes it
            // on), then this JVM waits until the child's last lines — its summary — are printed
            signalled.set(true);
            try {
                ChildJvms.terminate(p, 15);
                drained.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "blendbench-stress-child-wait");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return pump(p, originalArgs, jvmOptions, json, progress, out, err, startedAt, streamed, signalled);
        } finally {
            drained.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is waiting for the child and for the lines above
            }
        }
    }

    /** Prints the child's output as it comes and returns this command's exit code once the child has ended. */
    private static int pump(Process p, List<String> originalArgs, List<String> jvmOptions, Path json, ProgressLine progress,
                            PrintWriter out, PrintWriter err,
                            long startedAt, List<java.util.Map<String, Object>> streamed,
                            java.util.concurrent.atomic.AtomicBoolean signalled) throws IOException, InterruptedException {
        // The child's stderr is held back until its session starts (its header line), so that a
        // child that cannot start ends in one line from us, not in the JVM's own messages.
        List<String> held = new ArrayList<>();
        // the child's own account of its failure, from either stream: an exception or the JVM's OOM exit
        java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Thread errPump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (VectorRelaunch.isIncubatorNotice(line)) continue;
                    if (isFailure(line)) failure.set(line);
                    holdOrPrint(held, started, err, line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "blendbench-stress-child-stderr");
        errPump.setDaemon(true);
        errPump.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(ERR)) {
                    // the session's header: the child is up and its workload built, so it is said now,
                    // not held until the first interval (which a long warm-up would keep back)
                    progress.finish();
                    releaseHeld(held, started, err);
                    holdOrPrint(held, started, err, line.substring(ERR.length()));
                } else if (line.startsWith(RACE)) {
                    releaseHeld(held, started, err); // the header before the first finding, even in warm-up
                } else if (line.startsWith(SNAPSHOT)) {
                    releaseHeld(held, started, err);
                    JsonNode n = JSON.readTree(line.substring(SNAPSHOT.length()));
                    if (n.path("endSeconds").asDouble() > 0) { // the warm-up's are only watched
                        streamed.add(JSON.convertValue(n, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { }));
                    }
                    progress.racing(n.path("racingAccesses").asLong(-1)); // before add: its line may end with this interval
                    progress.cpu(dev.blendbench.app.report.SessionReader.cpuOf(n.path("cpu")), n.path("lengthSeconds").asDouble());
                    progress.add(n.get("endSeconds").asDouble(), n.get("lengthSeconds").asDouble(), n.get("throughputPerSecond").asDouble(),
                            n.at("/latency/count").asLong(), n.at("/latency/p99").asDouble(), n.at("/latency/max").asDouble(), n.get("allocationMBps").asDouble(),
                            n.get("gcCount").asLong(), n.path("oldestWaitMillis").asDouble(-1),
                            n.at("/service/count").asLong() > 0 ? n.at("/service/mean").asDouble() : Double.NaN);
                } else if (!line.startsWith(STEP)) {
                    progress.finish(); // the session's (or step's) last window before its results
                    if (isFailure(line)) {
                        failure.set(line); // the JVM prints "Terminating due to ..." on stdout: said on stderr below
                    } else {
                        out.println(line);
                        out.flush();
                    }
                }
            }
        }
        int code = p.waitFor();
        errPump.join(2000);
        progress.finish();
        if (code == Cli.OK || code == Cli.BAD_INPUT || signalled.get()) { // stopped by a signal: the child said so itself
            releaseHeld(held, started, err);
            return code;
        }
        String last;
        synchronized (held) {
            last = failure.get() != null ? failure.get() : held.isEmpty() ? "no message" : held.get(held.size() - 1);
        }
        if (last.contains("OutOfMemoryError")) {
            last += jvmOptions.stream().filter(o -> o.startsWith("-Xmx")).findFirst()
                    .map(o -> " (heap " + o.substring(4) + ": give it more with --heap)").orElse(" (give it more heap with --heap)");
        }
        String kept = "";
        if (json != null && !streamed.isEmpty()
                && (!Files.exists(json) || Files.getLastModifiedTime(json).toMillis() < startedAt)) {
            dev.blendbench.engine.io.AtomicFiles.write(json,
                    dev.blendbench.app.report.StressJson.partial(originalArgs, code, last, streamed));
            kept = "; the " + streamed.size() + " intervals measured were written to " + json;
        }
        err.println("stress: the workload JVM failed to start or died (exit " + code + "): " + last + kept);
        return Cli.INTERNAL;
    }
}

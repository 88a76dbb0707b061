package dev.blendbench.app.gui;

import dev.blendbench.app.cli.ForkedStress;
import dev.blendbench.app.report.ReportException;
import dev.blendbench.app.report.Session;
import dev.blendbench.app.report.SessionReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One stress session of the workbench's scene, run in a forked JVM (its own heap and collector,
 * so its GC is the session's, and a crash there leaves the workbench standing). The child is the
 * {@code stress} command with {@code --emit-snapshots}: it streams each 100 ms interval and each
 * race finding as a line, which arrive at the {@link Listener} on a reader thread.
 */
public final class StressRun {
    /**
     * What the stress panel asks for. {@code arrivals}: constant or poisson (open loop); {@code ramp}: empty, or
     * rates (open) / worker counts (closed). {@code untilSteady}: the warm-up ends once steady, {@code warmupSeconds} at most.
     */
    public record Settings(int workers, boolean virtual, boolean closed, double rate, String arrivals, String strategy, double seconds,
                           double warmupSeconds, String heap, String gc, boolean races, List<Double> ramp,
                           boolean flightRecording, String objective, boolean untilSteady) {}

    /** Where a run whose session file is {@code json} keeps its flight recording: beside it, as {@code .jfr}. */
    public static Path recordingFor(Path json) {
        return json.resolveSibling(json.getFileName().toString().replaceFirst("(?i)\\.json$", "") + ".jfr");
    }

    /** Called on the run's reader threads. */
    public interface Listener {
        void interval(Session.Interval i);

        void race(Session.Race r);

        /** A ramp step ended (its summary, without intervals). */
        default void step(Session.Step s) { }

        /**
         * The child ended: exit code 0 with its session file (also after {@link #stop()}, where the
         * file holds what was measured up to the stop, or is absent if the stop came in the
         * warm-up), or the reason it failed.
         */
        void finished(int exitCode, Path json, String lastError);
    }

    /** How a JVM ends on SIGTERM once its shutdown hooks have run: 128 + 15. */
    static final int TERMINATED = 143;

    private final Process process;
    private final java.util.concurrent.atomic.AtomicBoolean stopping;

    private StressRun(Process p, java.util.concurrent.atomic.AtomicBoolean stopping) {
        this.process = p;
        this.stopping = stopping;
    }

    /** The command line of the child (for the status line and tests). */
    public static List<String> command(Settings s, Path scene, Path json) {
        List<String> c = new ArrayList<>(List.of(dev.blendbench.app.cli.VectorRelaunch.javaExecutable(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-XX:+ExitOnOutOfMemoryError"));
        c.addAll(ForkedStress.jvmOptions(s.heap() == null || s.heap().isBlank() ? null : s.heap().strip(),
                s.gc() == null || s.gc().equals("default") ? null : s.gc()));
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.blendbench.app.Main", "stress", "--in-process",
                "--emit-snapshots", "--json", json.toString(), "--workers", Integer.toString(s.workers()),
                "--strategy", s.strategy(), "--duration", fmt(s.seconds()) + "s", "--warmup", (s.untilSteady() ? "auto:" : "") + fmt(s.warmupSeconds()) + "s"));
        if (s.virtual()) c.add("--virtual");
        if (s.closed()) c.add("--closed");
        else c.addAll(List.of("--rate", fmt(s.rate()), "--arrivals", s.arrivals()));
        if (s.races()) c.add("--race-detect");
        if (s.flightRecording()) c.addAll(List.of("--jfr", recordingFor(json).toString()));
        if (!s.ramp().isEmpty()) {
            c.add("--ramp");
            c.add(String.join(",", s.ramp().stream().map(StressRun::fmt).toList()));
            if (s.objective() != null) c.addAll(List.of("--slo", s.objective()));
        }
        c.add(scene.toString());
        return c;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Starts the child. */
    public static StressRun start(Settings s, Path scene, Path json, Listener l) throws IOException {
        Process p = new ProcessBuilder(command(s, scene, json)).start();
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> errors = new ArrayList<>();
        Thread err = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (dev.blendbench.app.cli.VectorRelaunch.isIncubatorNotice(line) || line.isBlank()) continue;
                    synchronized (errors) {
                        errors.add(line);
                        if (errors.size() > 50) errors.remove(0);
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "blendbench-stress-stderr");
        err.setDaemon(true);
        err.start();
        Thread out = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    try {
                        if (line.startsWith(ForkedStress.SNAPSHOT)) {
                            l.interval(SessionReader.interval(SessionReader.tree(line.substring(ForkedStress.SNAPSHOT.length()))));
                        } else if (line.startsWith(ForkedStress.RACE)) {
                            l.race(SessionReader.race(SessionReader.tree(line.substring(ForkedStress.RACE.length()))));
                        } else if (line.startsWith(ForkedStress.STEP)) {
                            l.step(SessionReader.step(SessionReader.tree(line.substring(ForkedStress.STEP.length()))));
                        } else if (ForkedStress.isFailure(line)) {
                            synchronized (errors) { // the JVM prints "Terminating due to ..." on stdout
                                errors.add(line);
                            }
                        }
                    } catch (ReportException e) {
                        // a line we cannot read is skipped; the session file at the end has everything
                    }
                }
                int code = p.waitFor();
                if (stopping.get() && code == TERMINATED) code = 0; // stopped as asked, its files written
                err.join(2000);
                String last;
                synchronized (errors) {
                    last = errors.isEmpty() ? "" : errors.get(errors.size() - 1);
                }
                l.finished(code, json, last);
            } catch (IOException e) {
                l.finished(-1, json, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "blendbench-stress-stdout");
        out.setDaemon(true);
        out.start();
        return new StressRun(p, stopping);
    }

    /** Asks the child to stop (it writes what it measured) and kills it if it has not after 10 s. */
    public void stop() {
        stopping.set(true);
        Thread killer = new Thread(() -> {
            try {
                dev.blendbench.app.cli.ChildJvms.terminate(process, 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "blendbench-stress-stop");
        killer.setDaemon(true);
        killer.start();
    }

}

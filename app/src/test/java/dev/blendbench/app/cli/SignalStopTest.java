package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a separate process, ended by a signal sent to it alone (as {@code kill},
 * a service manager or a CI runner's timeout sends it; a terminal's Ctrl-C reaches the whole
 * process group): the session stops at once, its summary is printed and its files are written.
 */
class SignalStopTest {
    private static final int SIGTERM_EXIT = 143;

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private Process cli(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(VectorRelaunch.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "dev.blendbench.app.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        started.add(p);
        return p;
    }

    private String out() throws IOException {
        return Files.readString(dir.resolve("out.txt"));
    }

    private String err() throws IOException {
        return Files.readString(dir.resolve("err.txt"));
    }

    /** Waits (at most 60 s) until the process has written what {@code seen} looks for. */
    private void awaitOutput(Process p, Predicate<String> seen) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!seen.test(out() + err())) {
            assertTrue(p.isAlive(), "ended before the signal: " + out() + err());
            assertTrue(System.nanoTime() < deadline, "nothing seen in 60 s: " + out() + err());
            Thread.sleep(50);
        }
    }

    private static int stopAndWait(Process p) throws InterruptedException {
        p.toHandle().destroy(); // SIGTERM to this process only
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running 60 s after SIGTERM");
        return p.exitValue();
    }

    @Test
    void sigterm_toAForkedStressSession_stopsItsWorkloadJvm_printsTheSummary_andWritesTheFiles() throws Exception {
        Process p = cli("stress", "--synthetic", "const:1ms", "--workers", "2", "--closed", "--warmup", "0",
                "--duration", "10m", "--json", "s.json");
        awaitOutput(p, s -> s.contains("jobs/s  p99"));
        long t0 = System.nanoTime();
        assertEquals(SIGTERM_EXIT, stopAndWait(p));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "stopped, not run out");
        assertTrue(out().contains("stopped early: results up to the stop"), out());
        assertTrue(out().contains("latency (end to end)"), "the summary table: " + out());
        assertFalse(err().contains("internal error") || err().contains("died"), err());
        JsonNode s = new ObjectMapper().readTree(dir.resolve("s.json").toFile());
        assertTrue(s.at("/summary/stopped").asBoolean());
        assertTrue(s.at("/summary/jobs").asLong() > 0);
    }

    @Test
    void sigterm_inTheWarmup_writesNoFile_andSaysWhy() throws Exception {
        Process p = cli("stress", "--synthetic", "const:1ms", "--workers", "1", "--closed", "--warmup", "10m",
                "--duration", "1s", "--json", "w.json");
        awaitOutput(p, s -> s.contains("warm-up 10m"));
        Thread.sleep(500);
        assertEquals(SIGTERM_EXIT, stopAndWait(p));
        assertTrue(out().contains("stopped in the warm-up: nothing was measured, so no file was written"), out() + err());
        assertTrue(err().lines().filter(l -> l.matches(" *-?\\d+\\.\\ds .*")).allMatch(l -> l.matches(" *-\\d+\\.\\ds .*  warm-up" + ProgressLineTest.OTHER_LOAD)),
                "the warm-up's lines only, said to be of it: " + err());
        assertFalse(Files.exists(dir.resolve("w.json")));
    }

    @Test
    void sigkill_ofTheParent_endsTheWorkloadJvm_whichWritesWhatItMeasured() throws Exception {
        Process p = cli("stress", "--synthetic", "const:1ms", "--workers", "1", "--closed", "--warmup", "0",
                "--duration", "10m", "--json", "k.json");
        awaitOutput(p, s -> s.contains("jobs/s  p99"));
        List<ProcessHandle> children = p.children().toList();
        assertEquals(1, children.size(), "one workload JVM");
        p.destroyForcibly(); // SIGKILL: no hook of the parent runs
        assertTrue(children.get(0).onExit().get(60, TimeUnit.SECONDS) != null);
        JsonNode s = new ObjectMapper().readTree(dir.resolve("k.json").toFile());
        assertTrue(s.at("/summary/stopped").asBoolean());
    }

    @Test
    void sigterm_toACliffSearch_keepsTheStepsMeasured() throws Exception {
        Process p = cli("cliff", "--synthetic", "const:1ms", "--workers", "2", "--slo", "p99=1s", "--from", "10", "--to", "20",
                "--steps", "5", "--step-duration", "700ms", "--warmup", "0", "--jvm-warmup", "0", "--json", "c.json");
        awaitOutput(p, s -> s.contains("rate ") && s.contains("meets"));
        assertEquals(SIGTERM_EXIT, stopAndWait(p));
        assertTrue(out().contains("stopped early: the steps measured up to the stop are above and in c.json"), out() + err());
        JsonNode c = new ObjectMapper().readTree(dir.resolve("c.json").toFile());
        assertTrue(c.path("stopped").asBoolean());
        assertTrue(c.path("steps").size() >= 1 && c.path("steps").size() < 5, c.toString());
        assertEquals("blendbench-cliff/1", c.path("schema").asText());
        // it reads back for report and compare, which say it was cut short
        String sentence = dev.blendbench.app.report.Summaries.sentence(dev.blendbench.app.report.SessionReader.read(dir.resolve("c.json")));
        assertTrue(sentence.contains("no knee was found before the stop") && sentence.contains("The search was stopped early, after "),
                sentence);
    }
}

package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliffCommandTest {
    @TempDir
    Path dir;

    @Test
    void openLoop_findsAKneeAndWritesSteps() throws Exception {
        Path json = dir.resolve("c.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("cliff", "--synthetic", "const:10ms", "--workers", "2", "--arrivals", "constant",
                "--slo", "p90=60ms", "--from", "50", "--to", "400", "--steps", "3", "--bisections", "1",
                "--step-duration", "700ms", "--warmup", "100ms", "--jvm-warmup", "200ms", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("knee:"), r.out());
        assertTrue(r.out().startsWith("warming up the JVM: 200ms closed loop, 2 workers"), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("blendbench-cliff/1", root.get("schema").asText());
        assertEquals(0.2, root.at("/settings/jvmWarmupSeconds").asDouble());
        double knee = root.get("knee").asDouble();
        // two workers with 10 ms jobs serve at most 200 jobs/s: the knee lies below that. (p90 with a
        // 6x margin, not p99: a step holds ~35 jobs, so p99 is its max, and one timer or GC hiccup on a
        // shared machine would fail the 50 jobs/s step.)
        assertTrue(knee >= 50 && knee < 200, "knee " + knee);
        assertTrue(root.get("steps").size() >= 3);
        // how busy the workers were at each rate: 50 jobs/s of 10 ms jobs on 2 workers is about a quarter; 400 is all of it
        for (JsonNode st : root.get("steps")) {
            double rate = st.get("rate").asDouble(), busy = st.get("busy").asDouble();
            assertTrue(busy >= Math.min(1, rate / 200) * 0.8 && busy <= 1, rate + " jobs/s: busy " + busy);
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("rate +50\\.0/s: p90 .* workers +\\d+ % busy" + ProgressLineTest.OTHER_PROCESSES)), r.out());
        var read = dev.blendbench.app.report.SessionReader.read(json);
        List<List<String>> rows = dev.blendbench.app.report.ReportTables.cliffRows(read);
        assertEquals("busy", dev.blendbench.app.report.ReportTables.cliffHeader(read).get(4));
        assertTrue(rows.get(rows.size() - 1).get(4).matches("\\d+ %"), rows.toString());
        String said = dev.blendbench.app.report.Summaries.sentence(read);
        // then the CPU there (this machine's /proc/stat), and for these sleeping jobs, where no other work took the CPU, that
        // the workers waited more than they computed
        assertTrue(said.matches(".*; the knee is at .* There the workers were \\d+ % busy( \\(\\d+ % at \\S+ jobs/s, the next rate tried\\))?\\."
                + "( The workload's JVM used [^.]+\\.\\d+ of the machine's \\d+ cores there(, \\S+ at \\S+ jobs/s)?\\.)?"
                + "( At \\S+ jobs/s the workers were .* they waited \\(for a lock, or I/O\\) more than they computed\\.)?"
                + "( Past it, \\S+× the load made \\S+ \\S+× as long \\(\\S+ to \\S+ ms\\)\\.)?( Other processes .*)?"),
                "the knee's sentence says how busy the workers were there: " + said);
        assertFalse(said.contains("the machine's CPU is the limit"), "sleeping jobs use next to no CPU: " + said);
    }

    @Test
    void closedLoop_fitsTheUsl() throws IOException {
        Path json = dir.resolve("u.json"), jfr = dir.resolve("u.jfr");
        ComposeCommandTest.Result r = ComposeCommandTest.run("cliff", "--closed", "--synthetic", "const:5ms", "--workers", "3",
                "--step-duration", "500ms", "--warmup", "100ms", "--jvm-warmup", "0", "--json", json.toString(), "--jfr", jfr.toString());
        assertEquals(0, r.code(), r.err());
        // the whole search recorded, each step's phases naming its load
        assertEquals(java.util.Set.of("closed loop, 1 worker", "closed loop, 2 workers", "closed loop, 3 workers"),
                jdk.jfr.consumer.RecordingFile.readAllEvents(jfr).stream()
                        .filter(e -> e.getEventType().getName().equals("dev.blendbench.StressPhase"))
                        .map(e -> e.getString("load")).collect(java.util.stream.Collectors.toSet()));
        JsonNode usl = new ObjectMapper().readTree(json.toFile()).get("usl");
        assertTrue(usl.get("rSquared").asDouble() > 0.9, usl.toString());
        assertEquals(200, usl.get("lambda").asDouble(), 40, "one sleeping 5 ms worker does about 200 jobs/s");
    }

    @Test
    void aJvmWarmUpUntilSteady_endsOnceSteady_andTheFileSaysHowLongItRan() throws IOException {
        Path json = dir.resolve("w.json");
        ComposeCommandTest.Result r = ComposeCommandTest.run("cliff", "--closed", "--synthetic", "const:5ms", "--workers", "3",
                "--step-duration", "300ms", "--warmup", "100ms", "--jvm-warmup", "auto:20s", "--json", json.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("warming up the JVM: until steady (at most 20.0s), closed loop, 3 workers")
                && r.out().contains("the JVM's warm-up steady after "), r.out());
        JsonNode settings = new ObjectMapper().readTree(json.toFile()).get("settings");
        assertTrue(settings.get("jvmWarmupSteady").asBoolean(), settings.toString());
        assertTrue(settings.get("jvmWarmupSeconds").asDouble() >= 3 && settings.get("jvmWarmupSeconds").asDouble() < 20, settings.toString());
    }

    @Test
    void badInputs_exitTwoWithOneLine() {
        String[][] cases = {
                {"cliff", "--workers", "2", "--synthetic", "const:1ms"},
                {"cliff", "--workers", "2", "--synthetic", "const:1ms", "--slo", "p99<5ms"},
                {"cliff", "--workers", "2", "--synthetic", "const:1ms", "--slo", "p99=5ms", "--from", "0", "--to", "10"},
                {"cliff", "--workers", "2", "--synthetic", "const:1ms", "--slo", "p99=5ms", "--from", "10", "--to", "5"},
                {"cliff", "--workers", "2", "--closed", "--synthetic", "const:1ms"},
                {"cliff", "--workers", "2", "--synthetic", "const:1ms", "--slo", "p99=5ms", "--steps", "1"},
                {"cliff", "--workers", "2", "--strategy", "nope", "--slo", "p99=5ms"},
        };
        for (String[] c : cases) {
            ComposeCommandTest.Result r = ComposeCommandTest.run(c);
            assertEquals(2, r.code(), String.join(" ", c) + " -> " + r.err());
            assertFalse(r.err().strip().contains("\n"), r.err());
        }
    }
}

package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's own share of the machine while its session ran: written into the file, read back, told. */
class ObserverTest {
    private static ObjectNode pooled() throws IOException {
        try (InputStream in = ObserverTest.class.getResourceAsStream("/sessions/pooled.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    /** pooled.json (2 cores) with the workbench's CPU as {@code cores} (null: as the command line writes it, without). */
    private static Session session(String cores) throws Exception {
        ObjectNode root = pooled();
        if (cores != null) ((ObjectNode) root.get("machine")).put(Observer.KEY, cores);
        return SessionReader.parse(root, "s.json", "s.json");
    }

    @Test
    void recording_addsTheWorkbenchsCoresToTheMachine_andKeepsTheRest(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("s.json");
        Files.write(json, new ObjectMapper().writeValueAsBytes(pooled()));
        Session before = SessionReader.read(json);
        Observer.record(json, 0.34567);
        Session after = SessionReader.read(json);
        assertEquals(0.346, Observer.cores(after), 1e-12);
        assertEquals(before.summary(), after.summary());
        assertEquals(before.intervals(), after.intervals());
        assertEquals(before.machine().get("cores"), after.machine().get("cores"));
        Observer.record(json, 0.1);
        assertEquals(0.1, Observer.cores(SessionReader.read(json)), 1e-12, "a second recording replaces the first");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(json), files.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void aFileThatIsNoSession_isRefused_andLeftAsItWas(@TempDir Path dir) throws Exception {
        for (String content : new String[] {"{\"schema\": \"something-else\", \"machine\": {}}", "[1, 2]", "{\"schema\": \"blendbench-str",
                "", "\u0000\u0001garbage"}) {
            Path f = dir.resolve("x.json");
            Files.writeString(f, content, StandardCharsets.UTF_8);
            assertThrows(IOException.class, () -> Observer.record(f, 0.3), content);
            assertArrayEquals(content.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f), content);
        }
        assertThrows(IOException.class, () -> Observer.record(dir.resolve("absent.json"), 0.3));
    }

    @Test
    void aNegativeOrUnboundedShare_isNotWritten(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("s.json");
        Files.write(json, new ObjectMapper().writeValueAsBytes(pooled()));
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Observer.record(json, bad));
        }
        assertTrue(Double.isNaN(Observer.cores(SessionReader.read(json))));
    }

    @Test
    void aSessionFromTheCommandLine_orWithANonsenseFigure_saysNothingOfIt() throws Exception {
        for (String v : new String[] {null, "lots", "-1", "Infinity", ""}) {
            Session s = session(v);
            assertTrue(Double.isNaN(Observer.cores(s)), v);
            assertFalse(Observer.weighed(s), v);
            assertEquals("", Observer.sentence(s), v);
            assertTrue(Summaries.caveats(s).stream().noneMatch(c -> c.contains("workbench")), v);
        }
    }

    @Test
    void aNoticeableShareOfTheMachine_isSaidInTheSentenceAndTheCaveats() throws Exception {
        Session s = session("0.35");
        assertTrue(Observer.weighed(s));
        assertTrue(Summaries.sentence(s).contains(" The workbench itself used 0.35 of the machine's 2 cores while this ran, drawing the live"
                + " charts: CPU the workload did not have"), Summaries.sentence(s));
        assertTrue(Summaries.caveats(s).contains("shared the machine with the workbench, which used 0.35 of its 2 cores"),
                Summaries.caveats(s).toString());
    }

    @Test
    void aShareBelowFivePercentOfTheCores_isNotWorthSaying() throws Exception {
        assertFalse(Observer.weighed(session("0.09")), "4.5 % of 2 cores");
        assertTrue(Observer.weighed(session("0.10")), "5 %");
        assertEquals("", Observer.sentence(session("0.09")));
    }

    @Test
    void comparingASessionRunFromTheWorkbench_withOneFromTheCommandLine_namesTheDifference() throws Exception {
        Session gui = session("0.35"), cli = session(null), quiet = session("0.02");
        assertEquals(List.of("workbench's CPU none vs 0.35 cores"), Conditions.differences(cli, gui));
        assertEquals(List.of("workbench's CPU 0.35 cores vs none"), Conditions.differences(gui, quiet));
        assertEquals(List.of(), Conditions.differences(cli, quiet), "a workbench that hardly drew is no difference");
        assertEquals(List.of(), Conditions.differences(gui, session("0.30")), "nor one that drew about as much");
    }
}

package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RaceThreadsTest {
    private static final String ACCESSES = """
            "earlier": {"thread": "blendbench-worker-3", "kind": "write", "rect": {"x": 0, "y": 0, "width": 8, "height": 8}, "stack": []},
            "later": {"thread": "blendbench-worker-1", "kind": "read", "rect": {"x": 0, "y": 0, "width": 8, "height": 8}, "stack": []}""";

    private static Session.Race race(String threadsJson) throws ReportException {
        return SessionReader.race(SessionReader.tree("{\"surface\": \"shared canvas\", \"count\": 40, " + threadsJson + ACCESSES + "}"));
    }

    @Test
    void numberedNamesOfOneStem_areWrittenAsRanges() {
        assertEquals("worker-0–3", ThreadList.compact(List.of("worker-0", "worker-1", "worker-2", "worker-3")));
        assertEquals("worker-0–1, 3, 5–6, main", ThreadList.compact(List.of("worker-0", "worker-1", "worker-3", "worker-5", "worker-6", "main")));
        assertEquals("a-1, b-2–3", ThreadList.compact(List.of("a-1", "b-2", "b-3")));
        assertEquals("pool-07, pool-08", ThreadList.compact(List.of("pool-07", "pool-08")), "a leading zero is not a number to count on");
        assertEquals("worker-9–10", ThreadList.compact(List.of("worker-9", "worker-10")));
        assertEquals("", ThreadList.compact(List.of()));
    }

    @Test
    void thePhrase_saysBetweenForAPair_andAmongForMore() {
        assertEquals("between worker-0 and worker-1", ThreadList.phrase(List.of("worker-0", "worker-1"), false));
        assertEquals("among 3 threads (worker-0–2)", ThreadList.phrase(List.of("worker-0", "worker-1", "worker-2"), false));
        assertEquals("among 2+ threads (a, b and more)", ThreadList.phrase(List.of("a", "b"), true));
    }

    @Test
    void aFindingsThreads_areReadFromTheFile() throws ReportException {
        Session.Race r = race("\"threads\": [\"blendbench-worker-0\", \"blendbench-worker-1\", \"blendbench-worker-3\"], ");
        assertEquals(List.of("blendbench-worker-0", "blendbench-worker-1", "blendbench-worker-3"), r.threads());
        assertEquals("40 racing accesses among 3 threads (blendbench-worker-0–1, 3)", "40 racing accesses " + r.threadsPhrase());
        assertFalse(r.moreThreads());
    }

    @Test
    void aFileWithoutThreads_namesTheFirstPair() throws ReportException {
        assertEquals(List.of("blendbench-worker-3", "blendbench-worker-1"), race("").threads());
        assertEquals(List.of("blendbench-worker-3", "blendbench-worker-1"), race("\"threads\": 7, ").threads(), "not a list: as if absent");
        assertEquals(List.of("blendbench-worker-3", "blendbench-worker-1"), race("\"threads\": [], ").threads());
    }

    @Test
    void aFileNamingThousandsOfThreads_keeps64_andSaysThereWereMore() throws ReportException {
        String many = IntStream.range(0, 5000).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(", ", "\"threads\": [", "], "));
        Session.Race r = race(many);
        assertEquals(64, r.threads().size());
        assertTrue(r.moreThreads());
        assertEquals("among 64+ threads (t0–63 and more)", r.threadsPhrase());
    }

    @Test
    void anIntervalsRaceCount_isReadWhereItIsANumber_andIsMinusOneOtherwise() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root;
        try (var in = getClass().getResourceAsStream("/sessions/pooled.json")) {
            root = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        var a = root.get("intervals");
        ((com.fasterxml.jackson.databind.node.ObjectNode) a.get(0)).put("racingAccesses", 12);
        ((com.fasterxml.jackson.databind.node.ObjectNode) a.get(1)).put("racingAccesses", "lots");
        ((com.fasterxml.jackson.databind.node.ObjectNode) a.get(2)).put("racingAccesses", -40);
        var intervals = SessionReader.parse(root, "s.json", "s.json").intervals();
        assertEquals(List.of(12L, -1L, -1L, -1L), intervals.subList(0, 4).stream().map(Session.Interval::racingAccesses).toList());
        assertEquals(120, intervals.get(0).racesPerSecond(0.1), 1e-9);
        assertTrue(Double.isNaN(intervals.get(3).racesPerSecond(0.1)), "none said: none drawn");
    }
}

package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What compare and the Strategies tab say differs between two sessions besides the workload. */
class ConditionDifferencesTest {
    private static ObjectNode tree(String resource) throws IOException {
        try (InputStream in = ConditionDifferencesTest.class.getResourceAsStream("/sessions/" + resource)) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    private static Session session(ObjectNode root, String name) throws ReportException {
        return SessionReader.parse(root, name, name);
    }

    @Test
    void aSessionAgainstItself_differsInNothing() throws Exception {
        Session s = session(tree("pooled.json"), "a");
        assertEquals(List.of(), Conditions.differences(s, s));
    }

    @Test
    void theLoadTheDetectorTheMachineAndTheJvm_areNamedWithBothValues() throws Exception {
        ObjectNode a = tree("pooled.json"), b = tree("pooled.json");
        ((ObjectNode) b.get("settings").get("load")).put("workers", 8);
        ((ObjectNode) b.get("settings")).put("raceDetect", true);
        ((ObjectNode) b.get("machine")).put("cores", 16);
        ((ObjectNode) b.get("jvm")).put("maxHeapBytes", 1L << 30);
        ((ObjectNode) b.get("jvm")).putArray("collectors").add("ZGC Cycles").add("ZGC Pauses");
        String heapA = Summaries.bytes(a.at("/jvm/maxHeapBytes").asDouble());
        assertEquals(List.of("workers 2 vs 8", "race detector off vs on", "cores 2 vs 16", "max heap " + heapA + " vs 1024.0 MB",
                        "collectors G1 Young Generation, G1 Concurrent GC, G1 Old Generation vs ZGC Cycles, ZGC Pauses"),
                Conditions.differences(session(a, "a"), session(b, "b")));
    }

    @Test
    void aReportOfSeveralSessions_saysHowEachDiffersFromTheFirst() throws Exception {
        ObjectNode a = tree("pooled.json"), b = tree("pooled.json"), c = tree("pooled.json");
        ((ObjectNode) c.get("settings").get("load")).put("workers", 4);
        List<Session> three = List.of(session(a, "a.json"), session(b, "b.json"), session(c, "c.json"));
        assertEquals("Conditions that differ from " + Summaries.label(three.get(0)) + "'s besides the workload — "
                + Summaries.label(three.get(2)) + ": workers 2 vs 4. The comparison measures these differences too.", Conditions.conditionsNote(three));
        assertEquals("", Conditions.conditionsNote(three.subList(0, 2)), "the same conditions: nothing to say");
    }

    @Test
    void aFactOneFileLacks_isNoDifference() throws Exception {
        // an older file without the JVM facts: nothing to say about them
        ObjectNode a = tree("pooled.json"), b = tree("pooled.json");
        b.remove("jvm");
        assertEquals(List.of(), Conditions.differences(session(a, "a"), session(b, "b")));
    }

    @Test
    void workloadsDifferingInTheirSourceMemory_areDifferentJobs_butAFileWithoutItIsNoDifference() {
        String shared = "composite 1920x1080, 3 layers (16.6 MB of source pixels), strategy pooled, stages composite";
        String copies = "composite 1920x1080, 3 layers (24.9 MB of source pixels), strategy pooled, stages composite";
        String older = "composite 1920x1080, 3 layers, strategy pooled, stages composite";
        assertTrue(Conditions.sameWorkload(shared, shared));
        assertFalse(Conditions.sameWorkload(shared, copies), "the same layers from more memory: another job");
        assertTrue(Conditions.sameWorkload(older, copies));
        assertTrue(Conditions.sameWorkload(shared, older));
        assertFalse(Conditions.sameWorkload(older, older.replace("pooled", "per-worker")));
        assertFalse(Conditions.sameWorkload(shared, older.replace("3 layers", "4 layers")));
    }

    @Test
    void workloadsWithDifferentSceneFingerprints_areDifferentJobs_butAFileWithoutOneIsNoDifference() {
        String a = "composite 1920x1080, 3 layers (16.6 MB of source pixels), scene #3f9a0c12, strategy pooled, stages composite";
        String edited = a.replace("3f9a0c12", "0be4d771"); // the same size and layer count: one layer's mode changed
        String older = "composite 1920x1080, 3 layers (16.6 MB of source pixels), strategy pooled, stages composite";
        String oldest = "composite 1920x1080, 3 layers, strategy pooled, stages composite";
        assertTrue(Conditions.sameWorkload(a, a));
        assertFalse(Conditions.sameWorkload(a, edited), "another scene of the same shape: another job");
        assertTrue(Conditions.sameWorkload(a, older));
        assertTrue(Conditions.sameWorkload(oldest, edited));
        assertFalse(Conditions.sameWorkload(older, a.replace("16.6", "24.9")));
    }
}

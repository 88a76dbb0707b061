package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stress command the Stress tab runs for what its form says. */
class StressRunTest {
    private static List<String> command(boolean closed, String arrivals) {
        return StressRun.command(new StressRun.Settings(3, false, closed, 250, arrivals, "pooled", 10, 2, "", "default", false, List.of(), false, null, false),
                Path.of("scene.ora"), Path.of("out.json"));
    }

    private static String after(List<String> c, String option) {
        return c.get(c.indexOf(option) + 1);
    }

    @Test
    void targetRate_passesTheRateAndTheArrivalSpacing() {
        List<String> c = command(false, "poisson");
        assertEquals("250", after(c, "--rate"));
        assertEquals("poisson", after(c, "--arrivals"));
        assertEquals("pooled", after(c, "--strategy"));
        assertEquals("scene.ora", c.get(c.size() - 1));
    }

    @Test
    void flightRecording_isWrittenBesideTheSessionFile() {
        List<String> c = StressRun.command(new StressRun.Settings(3, false, true, 250, "constant", "pooled", 10, 2, "", "default", false,
                List.of(), true, null, false), Path.of("scene.ora"), Path.of("runs", "pooled.json"));
        assertEquals(Path.of("runs", "pooled.jfr").toString(), after(c, "--jfr"));
        assertFalse(command(true, "constant").contains("--jfr"), "off unless ticked");
    }

    @Test
    void closedLoop_hasNoRateNorArrivals() {
        List<String> c = command(true, "poisson");
        assertFalse(c.contains("--rate") || c.contains("--arrivals"), c.toString());
        assertEquals(1, Collections.frequency(c, "--closed"));
    }

    @Test
    void aWarmUpUntilSteady_isAskedForAsAuto_withTheWarmUpAsItsMost() {
        List<String> c = StressRun.command(new StressRun.Settings(3, false, true, 250, "constant", "pooled", 10, 30, "", "default", false,
                List.of(), false, null, true), Path.of("scene.ora"), Path.of("pooled.json"));
        assertEquals("auto:30s", after(c, "--warmup"));
        assertEquals("2s", after(command(true, "constant"), "--warmup"), "a fixed one as before");
    }
}

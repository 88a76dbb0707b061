package dev.blendbench.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The suite's in-process allocation probe builds {@link SceneBenchmark} by hand, outside JMH, so
 * nothing fills in a parameter it forgets: this runs it on a small scene in both blend spaces and
 * with transformed layers (a forgotten {@code content} once made {@code --only alloc} fail).
 */
class AllocationProbeTest {
    @Test
    void probe_setsEverySceneParameter_andMeasures() {
        for (String space : new String[] {"srgb", "linear"}) {
            for (boolean transformed : new boolean[] {false, true}) {
                double bytes = AllocationProbe.bytesPerRender(3, 5, "256x128", transformed, space);
                assertTrue(bytes >= 0 && Double.isFinite(bytes), space + (transformed ? " transformed" : "") + ": " + bytes);
            }
        }
        double grouped = AllocationProbe.bytesPerRender(3, 5, "256x128", false, "srgb", true);
        assertTrue(grouped >= 0 && Double.isFinite(grouped), "grouped: " + grouped);
        double clipping = AllocationProbe.bytesPerRender(3, 5, "256x128", false, "srgb", true, true);
        assertTrue(clipping >= 0 && Double.isFinite(clipping), "clipping: " + clipping);
        for (String pass : new String[] {"full", "faded", "masked"}) {
            double bytes = AllocationProbe.bytesPerRender(3, 5, "256x128", false, "srgb", true, false, pass);
            assertTrue(bytes >= 0 && Double.isFinite(bytes), "pass-through " + pass + ": " + bytes);
        }
    }
}

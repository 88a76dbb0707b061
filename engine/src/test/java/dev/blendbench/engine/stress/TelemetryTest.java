package dev.blendbench.engine.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Collections and pause time as the collectors report them, each collector's way. */
class TelemetryTest {
    @Test
    void zgc_countsEachCycleOnce_andPausesOnlyItsPauses() {
        try (Telemetry t = new Telemetry()) {
            long count0 = t.gcCount();
            double pause0 = t.gcPauseMillis();
            // one ZGC minor cycle of 40 ms with its three stop-the-world pauses of under a millisecond each
            t.record("ZGC Minor Pauses", 0, 0);
            t.record("ZGC Minor Pauses", 1, 0);
            t.record("ZGC Minor Cycles", 40, 5_000_000);
            t.record("ZGC Minor Pauses", 0, 0);
            assertEquals(1, t.gcCount() - count0, "one collection");
            assertEquals(1, t.gcPauseMillis() - pause0, 1e-9, "paused 1 ms, not the cycle's 40 ms");
            assertEquals(5_000_000, t.heapAfterGc(), "heap after the cycle, not after a pause");
        }
    }

    @Test
    void aNewSession_startsFromTheHeapAfterTheJvmsLatestCollection_notUnknown() {
        // a ramp's second step, or any session after a warm-up in which the JVM collected, had no
        // heap-after-GC figure until a collection of its own: a gap in the chart
        System.gc();
        try (Telemetry t = new Telemetry()) {
            assertTrue(t.heapAfterGc() > 0, "after System.gc(): " + t.heapAfterGc());
        }
        assertEquals(-1, Telemetry.heapAfterLatestGc(java.util.List.of()), "no collector, no figure");
    }

    @Test
    void shenandoah_likewise_andStopTheWorldCollectors_countAndPauseEachEvent() {
        try (Telemetry t = new Telemetry()) {
            long count0 = t.gcCount();
            double pause0 = t.gcPauseMillis();
            t.record("Shenandoah Pauses", 2, 0);
            t.record("Shenandoah Cycles", 30, 1);
            t.record("G1 Young Generation", 4, 2);
            t.record("G1 Concurrent GC", 1, 3); // its Remark and Cleanup pauses
            t.record("PS MarkSweep", 9, 4);
            assertEquals(4, t.gcCount() - count0);
            assertEquals(2 + 4 + 1 + 9, t.gcPauseMillis() - pause0, 1e-9);
        }
    }
}

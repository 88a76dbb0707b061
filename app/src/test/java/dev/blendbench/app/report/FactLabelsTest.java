package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactLabelsTest {
    private static Map<String, String> readable(String... keysAndValues) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) raw.put(keysAndValues[i], keysAndValues[i + 1]);
        return FactLabels.readable(raw);
    }

    @Test
    void aClosedLoopSessionsSettings_readAsWordsWithUnits_inTheirOrder() {
        Map<String, String> m = readable("warmupSeconds", "2", "durationSeconds", "30", "maxJobs", "0", "raceDetect", "true",
                "load.model", "closed", "load.workers", "4", "load.thinkMillis", "0.500", "virtualThreads", "false");
        assertEquals(Map.of("warm-up", "2 s", "duration", "30 s", "job limit", "none", "race detector", "on",
                "load", "closed loop", "workers", "4", "think time", "0.500 ms", "threads", "platform"), m);
        assertEquals("[warm-up, duration, job limit, race detector, load, workers, think time, threads]", m.keySet().toString());
    }

    @Test
    void anOpenLoopsRateAndAJobLimit_carryTheirUnits() {
        assertEquals(Map.of("load", "open loop (a target rate)", "target rate", "250 jobs/s", "arrivals", "poisson",
                        "job limit", "1000 measured jobs", "drain limit", "10 s"),
                readable("load.model", "open", "load.ratePerSecond", "250", "load.arrivals", "poisson", "maxJobs", "1000",
                        "drainLimitSeconds", "10"));
    }

    @Test
    void machineAndJvmFacts_showBytesAsMegabytes_andTheKernelsByName() {
        assertEquals(Map.of("memory", "1024.0 MB", "max heap", "512.0 MB", "kernels", "scalar", "Java", "25.0.3"),
                readable("memoryBytes", Long.toString(1L << 30), "jvm.maxHeapBytes", Long.toString(1L << 29),
                        "jvm.vectorKernels", "false", "jvm.version", "25.0.3"));
    }

    @Test
    void keysNobodyListed_stillReadAsWords_withTheUnitTheirNameEndsIn() {
        // a newer file's settings: no label table entry, yet no camelCase key in the report
        assertEquals(Map.of("queue capacity", "64", "load burst", "1.5 s", "pause", "20 ms", "peak", "300 /s",
                        "buffer", "2.0 KB", "pinned", "yes", "mode", "fast"),
                readable("queueCapacity", "64", "load.burstSeconds", "1.5", "pauseMillis", "20", "peakPerSecond", "300",
                        "bufferBytes", "2048", "pinned", "true", "mode", "fast"));
    }

    @Test
    void aTextValue_getsNoUnit() {
        assertEquals(Map.of("duration", "unknown"), readable("durationSeconds", "unknown"));
    }
}

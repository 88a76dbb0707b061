package dev.blendbench.engine.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** The session's Java Flight Recorder events: one a job, one a phase, and what each says. */
class FlightRecorderEventsTest {
    /** How far two clocks read a few statements apart may differ on a loaded 2-core machine. */
    private static final long SLACK = 50_000_000L;

    /** The events of the given types recorded while {@code body} ran. */
    static List<RecordedEvent> recorded(Callable<?> body, String... eventNames) throws Exception {
        Path file = Files.createTempFile("blendbench", ".jfr");
        try (Recording r = new Recording()) {
            for (String name : eventNames) r.enable(name).withoutThreshold();
            r.start();
            body.call();
            r.stop();
            r.dump(file);
            List<String> wanted = List.of(eventNames);
            return RecordingFile.readAllEvents(file).stream().filter(e -> wanted.contains(e.getEventType().getName())).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        // a recording's file is not in time order
        return events.stream().filter(e -> e.getEventType().getName().equals(name))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime)).toList();
    }

    @Test
    void aRecordedSession_hasAJobEventForEveryJob_andItsWarmUpAndMeasuredPhases() throws Exception {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:2ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Closed(2, Duration.ZERO), false, Duration.ofMillis(200),
                Duration.ofMillis(400), 0, Duration.ofMillis(100));
        AtomicReference<StressReport> report = new AtomicReference<>();
        List<RecordedEvent> events = recorded(() -> {
            report.set(new StressSession(cfg, w, Ticker.SYSTEM, null).run());
            return null;
        }, "dev.blendbench.Job", "dev.blendbench.StressPhase");
        StressReport r = report.get();

        List<RecordedEvent> jobs = named(events, "dev.blendbench.Job");
        List<RecordedEvent> measured = jobs.stream().filter(e -> e.getString("phase").equals("measured")).toList();
        assertEquals(r.jobs(), measured.size(), "one event per measured job");
        assertEquals(r.warmupJobs() + r.warmupBacklogJobs(), jobs.size() - measured.size(), "and per warm-up job");
        for (RecordedEvent e : jobs) {
            long service = e.getDuration().toNanos(), latency = e.getDuration("latency").toNanos();
            assertTrue(service >= 1_500_000, "the event spans the 2 ms job: " + e);
            assertEquals(0, e.getDuration("queueWait").toNanos(), "closed loop: no queue");
            // the session's clock and the recorder's are read a few statements apart: equal but for a preemption
            assertTrue(latency >= 1_500_000 && Math.abs(latency - service) < SLACK, "closed loop: latency is the service time: " + e);
            assertFalse(e.getBoolean("failed"));
            assertTrue(e.getInt("worker") == 0 || e.getInt("worker") == 1);
            assertTrue(e.getThread().getJavaName().startsWith("blendbench-worker-"), "on the worker's own thread");
        }

        List<RecordedEvent> phases = named(events, "dev.blendbench.StressPhase");
        assertEquals(List.of("warm-up", "measured"), phases.stream().map(e -> e.getString("phase")).toList());
        assertEquals(w.description(), phases.get(0).getString("workload"));
        assertEquals("closed loop, 2 workers", phases.get(0).getString("load"));
        long measuredNanos = phases.get(1).getDuration().toNanos();
        // from when the sampler saw the warm-up end (late on a busy machine) to the last job's end
        assertTrue(measuredNanos >= 400_000_000L - 2 * SLACK && measuredNanos < 400_000_000L + 20 * SLACK, "measured: the 400 ms asked: " + phases.get(1));
    }

    @Test
    void anOverloadedOpenLoop_recordsItsDrain_andEachJobsQueueWait() throws Exception {
        // one worker, 10 ms jobs (100/s at most), offered 200/s for 300 ms: the backlog drains after
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:10ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Open(200, Arrivals.CONSTANT, 1), false, Duration.ZERO,
                Duration.ofMillis(300), 0, Duration.ofMillis(100));
        List<RecordedEvent> events = recorded(() -> new StressSession(cfg, w, Ticker.SYSTEM, null).run(),
                "dev.blendbench.Job", "dev.blendbench.StressPhase");
        assertEquals(List.of("measured", "drain"), named(events, "dev.blendbench.StressPhase").stream().map(e -> e.getString("phase")).toList(),
                "no warm-up asked: no warm-up phase");
        List<RecordedEvent> jobs = named(events, "dev.blendbench.Job");
        RecordedEvent last = jobs.get(jobs.size() - 1);
        long wait = last.getDuration("queueWait").toNanos();
        assertTrue(wait > 100_000_000L, "the last job waited behind the backlog: " + last);
        assertEquals(wait + last.getDuration().toNanos(), last.getDuration("latency").toNanos(), SLACK,
                "latency = queue wait + service");
    }

    @Test
    void anUnrecordedSession_createsNoEvent() {
        assertEquals(null, JobEvent.beginIfRecording(), "no recording: nothing allocated per job");
        assertEquals(null, PhaseEvent.beginIfRecording("measured", "x", new LoadModel.Closed(1, Duration.ZERO)));
    }
}

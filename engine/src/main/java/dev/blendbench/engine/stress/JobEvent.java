package dev.blendbench.engine.stress;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One job of a stress session, as a Java Flight Recorder event ({@code dev.blendbench.Job}): in
 * JDK Mission Control the jobs lie on each worker's thread beside the GC pauses, lock waits and
 * allocation that made them slow. The event's duration is the job's service time (from its
 * actual start); {@link #latency} is the end-to-end latency the percentiles count (in open loop
 * from the intended start, so it includes {@link #queueWait}).
 *
 * <p>Created only while a recording has the event on ({@link #beginIfRecording}), so a session
 * that is not recorded allocates nothing for it.
 */
@Name("dev.blendbench.Job")
@Label("Job")
@Category({"Blendbench", "Stress"})
@Description("A job of a stress session; its duration is the service time")
@StackTrace(false)
final class JobEvent extends jdk.jfr.Event {
    private static final EventType TYPE = EventType.getEventType(JobEvent.class);

    @Label("Worker")
    @Description("Index of the worker thread that ran the job")
    int worker;

    @Label("Phase")
    @Description("warm-up (not measured) or measured")
    String phase;

    @Label("Latency")
    @Description("End to end: from the job's intended start (open loop) or its start (closed loop) to its end")
    @Timespan
    long latency;

    @Label("Queue Wait")
    @Description("From the intended start to the actual start (open loop; 0 in closed loop)")
    @Timespan
    long queueWait;

    @Label("Failed")
    @Description("The job threw")
    boolean failed;

    /** A begun event while a recording wants it, else null. */
    static JobEvent beginIfRecording() {
        if (!TYPE.isEnabled()) return null;
        JobEvent e = new JobEvent();
        e.begin();
        return e;
    }

    /** Ends and commits {@code e} (no-op for null). */
    static void commit(JobEvent e, int worker, boolean measured, long latencyNanos, long queueWaitNanos, boolean failed) {
        if (e == null) return;
        e.end();
        if (!e.shouldCommit()) return;
        e.worker = worker;
        e.phase = measured ? "measured" : "warm-up";
        e.latency = latencyNanos;
        e.queueWait = queueWaitNanos;
        e.failed = failed;
        e.commit();
    }
}

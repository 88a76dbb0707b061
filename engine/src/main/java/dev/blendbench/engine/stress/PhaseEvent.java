package dev.blendbench.engine.stress;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A phase of a stress session, as a Java Flight Recorder event ({@code dev.blendbench.StressPhase}):
 * {@code warm-up}, {@code measured} (until the arrivals or the duration end) and, where an
 * overloaded open loop goes on working off its backlog, {@code drain}. In JDK Mission Control it
 * marks which part of a recording the report's figures come from.
 */
@Name("dev.blendbench.StressPhase")
@Label("Stress Phase")
@Category({"Blendbench", "Stress"})
@Description("A phase of a stress session: warm-up, measured or drain")
@StackTrace(false)
final class PhaseEvent extends jdk.jfr.Event {
    private static final EventType TYPE = EventType.getEventType(PhaseEvent.class);

    @Label("Phase")
    String phase;

    @Label("Workload")
    String workload;

    @Label("Load")
    @Description("closed loop and its workers, or open loop, its rate and arrivals (a ramp's steps differ in it)")
    String load;

    /** A begun event while a recording wants it, else null. */
    static PhaseEvent beginIfRecording(String phase, String workload, LoadModel load) {
        if (!TYPE.isEnabled()) return null;
        PhaseEvent e = new PhaseEvent();
        e.phase = phase;
        e.workload = workload;
        e.load = load.description();
        e.begin();
        return e;
    }

    /** Ends and commits {@code e} (no-op for null). */
    static void commit(PhaseEvent e) {
        if (e == null) return;
        e.end();
        if (e.shouldCommit()) e.commit();
    }
}

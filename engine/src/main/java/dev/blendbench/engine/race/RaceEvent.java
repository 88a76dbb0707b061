package dev.blendbench.engine.race;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A new race finding, as a Java Flight Recorder event ({@code dev.blendbench.Race}), committed on
 * the thread whose access exposed the race, with that thread's stack: in JDK Mission Control it
 * lies on the timeline beside the jobs ({@code dev.blendbench.Job}) and lock events of the moment.
 * One per finding (a pair of code sites on a surface), not per racing access.
 */
@Name("dev.blendbench.Race")
@Label("Data Race")
@Category({"Blendbench", "Race Detector"})
@Description("Two unordered accesses to the same pixels, at least one a write")
final class RaceEvent extends jdk.jfr.Event {
    @Label("Surface")
    String surface;

    @Label("Pixels")
    @Description("The pixels both accesses touched: WxH+X+Y")
    String pixels;

    @Label("Earlier Access")
    @Description("read or write, by which thread, at which code site")
    String earlier;

    @Label("Later Access")
    String later;

    /** Commits {@code f} when a recording wants the event. */
    static void commit(Finding f) {
        RaceEvent e = new RaceEvent();
        if (!e.shouldCommit()) return;
        e.surface = f.surface();
        e.pixels = f.intersection().width() + "x" + f.intersection().height() + "+" + f.intersection().x() + "+" + f.intersection().y();
        e.earlier = describe(f.earlier());
        e.later = describe(f.later());
        e.commit();
    }

    private static String describe(Access a) {
        return (a.write() ? "write" : "read") + " by " + a.threadName() + " at " + a.siteKey();
    }
}

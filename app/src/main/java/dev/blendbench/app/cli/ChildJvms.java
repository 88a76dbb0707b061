package dev.blendbench.app.cli;

import java.util.concurrent.TimeUnit;

/** Ending a child JVM of this program, which stops its session and writes its files on SIGTERM. */
public final class ChildJvms {
    private ChildJvms() {}

    /**
     * Sends {@code child} SIGTERM and waits for it to end; if it has not after {@code graceSeconds},
     * kills it. Not {@link Process#destroy()}: that also closes the child's streams, whose last
     * lines (its summary) are still to be read.
     */
    public static void terminate(Process child, long graceSeconds) throws InterruptedException {
        child.toHandle().destroy();
        if (!child.waitFor(graceSeconds, TimeUnit.SECONDS)) child.destroyForcibly();
    }
}

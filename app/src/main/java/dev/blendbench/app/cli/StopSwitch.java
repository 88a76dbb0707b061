package dev.blendbench.app.cli;

/**
 * A run of sessions (a ramp's steps, a cliff search) that Ctrl-C or SIGTERM ends: the session in
 * progress stops at once and no other starts. {@link #stop()} may come from any thread (the
 * signal's); the run checks {@link #stopped()} between sessions.
 */
final class StopSwitch {
    private volatile boolean stopped;
    private volatile Runnable current = () -> { };

    /** Stops what runs now, and everything after it. */
    void stop() {
        stopped = true;
        current.run();
    }

    boolean stopped() {
        return stopped;
    }

    /** How to stop what starts now; run at once if the switch was thrown already. */
    void track(Runnable stopIt) {
        current = stopIt;
        if (stopped) stopIt.run();
    }
}

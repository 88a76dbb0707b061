package dev.blendbench.app.gui;

/**
 * Decides when the live charts redraw while a session streams into them. Each drawing costs CPU
 * in the workbench, on the machine whose throughput is being measured, so charts are drawn at
 * most once every {@code minNanos}, only while they are on screen, and at once when a session
 * ends (so its last figures show). Not thread-safe: the FX thread's.
 */
final class RedrawPacer {
    private final long minNanos;
    private boolean stale;
    private long last;
    private boolean drawnOnce;

    RedrawPacer(long minNanos) {
        if (minNanos < 0) throw new IllegalArgumentException("minNanos < 0: " + minNanos);
        this.minNanos = minNanos;
    }

    /** Something changed that the charts do not show yet. */
    void changed() { stale = true; }

    /**
     * Whether to redraw now (and if so, notes it as done at {@code now}): when something changed,
     * the charts are {@code shown}, and either {@code minNanos} have passed since the last drawing
     * or {@code force} (the session ended).
     */
    boolean due(long now, boolean shown, boolean force) {
        if (!stale || !shown) return false;
        if (!force && drawnOnce && now - last < minNanos) return false;
        stale = false;
        last = now;
        drawnOnce = true;
        return true;
    }
}

package dev.blendbench.engine.stress;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How workers organise canvases, buffers and locks. Each one is a way real services do it. */
public enum Strategy {
    /**
     * All workers render into one shared canvas, one at a time, under one lock that is not fair:
     * the worker that releases it may take it again at once, ahead of those waiting (the default
     * of {@code ReentrantLock}, and how {@code synchronized} behaves), which keeps the lock busy
     * but can pass a worker over many times in a row.
     */
    SHARED_LOCKED("shared-locked"),
    /**
     * As {@link #SHARED_LOCKED}, under a fair lock: handed to the worker that has waited longest,
     * so that no worker waits for more than the others' turns, at the cost of a hand-off between
     * threads at every release.
     */
    SHARED_FAIR("shared-fair"),
    /** All workers render into one shared canvas with no synchronisation: it exists to show races. */
    SHARED_UNSAFE("shared-unsafe"),
    /** One shared canvas with a lock per band of rows; a worker takes the bands one after another. */
    STRIPED("striped"),
    /** Each worker owns a canvas allocated once, when it starts. */
    PER_WORKER("per-worker"),
    /** Each job borrows its canvas from the engine's buffer pool and gives it back. */
    POOLED("pooled"),
    /** Each job allocates a fresh canvas (the study's "new RGBA each time"). */
    ALLOC_PER_JOB("alloc-per-job"),
    /** Each job renders a per-worker canvas with its tiles split across a shared tile executor. */
    TILED_PARALLEL("tiled-parallel");

    private final String cliName;

    Strategy(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() { return cliName; }

    /** Whether jobs take a lock on a shared canvas (and wait for it: the {@code lock-wait} stage). */
    public boolean locks() {
        return this == SHARED_LOCKED || this == SHARED_FAIR || this == STRIPED;
    }

    /** Whether all workers render into one shared canvas. */
    public boolean sharesCanvas() {
        return locks() || this == SHARED_UNSAFE;
    }

    /** The strategy of that command-line name (any case, spaces around ignored), if there is one. */
    public static java.util.Optional<Strategy> named(String s) {
        String name = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.cliName.equals(name)).findFirst();
    }

    /** @throws IllegalArgumentException for a name no strategy has, listing those there are */
    public static Strategy parse(String s) {
        return named(s).orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + s + "'; expected one of: "
                + Arrays.stream(values()).map(Strategy::cliName).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() { return cliName; }
}

package dev.blendbench.engine.race;

import dev.blendbench.engine.surface.Rect;
import java.util.List;

/**
 * A data race on a surface: two unordered accesses whose rectangles intersect, at least one a write.
 * One finding stands for every race between the same pair of code sites on the same surface (see
 * {@link RaceDetector}): {@code earlier} and {@code later} are the first such pair seen, {@code count}
 * and {@code threads} cover them all.
 *
 * @param surface        the surface's label
 * @param earlier        the access recorded first (its stack captured when it happened)
 * @param later          the access that exposed the race
 * @param intersection   the pixels both touched
 * @param firstSeenNanos when it was first seen (detector time)
 * @param count          how many times this (surface, pair of sites) raced
 * @param threads        the names of the threads on either side of any of those races, in natural
 *                       order ("worker-2" before "worker-10"); at most {@link #MAX_THREADS}
 * @param moreThreads    whether more threads than those took part
 */
public record Finding(String surface, Access earlier, Access later, Rect intersection, long firstSeenNanos, long count,
                      List<String> threads, boolean moreThreads) {
    /** The most thread names a finding keeps. */
    public static final int MAX_THREADS = 64;

    public Finding {
        threads = List.copyOf(threads);
    }

    /** A finding seen {@code count} times, naming only the two threads of its first pair. */
    public Finding(String surface, Access earlier, Access later, Rect intersection, long firstSeenNanos, long count) {
        this(surface, earlier, later, intersection, firstSeenNanos, count, ThreadNames.pair(earlier, later), false);
    }
}

package dev.blendbench.engine.race;

import dev.blendbench.engine.surface.Rect;

/**
 * A data race on a surface: two unordered accesses whose rectangles intersect, at least one a write.
 *
 * @param surface      the surface's label
 * @param earlier      the access recorded first (its stack captured when it happened)
 * @param later        the access that exposed the race
 * @param intersection the pixels both touched
 * @param firstSeenNanos when it was first seen (detector time)
 * @param count        how many times this (surface, pair of sites) raced
 */
public record Finding(String surface, Access earlier, Access later, Rect intersection, long firstSeenNanos, long count) {
    Finding withCount(long n) {
        return new Finding(surface, earlier, later, intersection, firstSeenNanos, n);
    }
}

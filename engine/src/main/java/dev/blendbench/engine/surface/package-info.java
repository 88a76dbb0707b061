/**
 * Pixel surfaces: 8-bit premultiplied ARGB in one {@code int} per pixel, with zero-copy sub-views.
 *
 * <p>Contract: a {@link dev.blendbench.engine.surface.Surface} is a mutable view with no locking;
 * disjoint rectangles may be written by different threads, everything else needs an external
 * happens-before edge. {@link dev.blendbench.engine.surface.Rect} is the immutable rectangle
 * used by every engine API.
 */
package dev.blendbench.engine.surface;

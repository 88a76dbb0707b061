/**
 * A happens-before race detector for pixel regions, in the spirit of FastTrack (Flanagan &amp;
 * Freund, PLDI 2009): vector clocks per thread and per synchronisation object, accesses recorded
 * with the exact rectangle they touch.
 *
 * <p>Contract: a race is reported only when two accesses to the same pixels are unordered by
 * happens-before, their rectangles intersect and at least one writes; findings are de-duplicated
 * per (surface, pair of code sites) with a repeat count. The synchronisation the detector sees is
 * what callers report through {@link dev.blendbench.engine.race.RaceDetector}; anything else (sleeps,
 * spin flags the detector is not told about) orders nothing.
 */
package dev.blendbench.engine.race;

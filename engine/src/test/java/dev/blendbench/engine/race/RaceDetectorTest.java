package dev.blendbench.engine.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RaceDetectorTest {

    @Test
    void unorderedWritesToOverlappingRects_race_disjointOnesDoNot() {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(200, 100);
        RaceDetector.Actor a = d.actor("A"), b = d.actor("B");
        assertFalse(d.write(a, s, new Rect(0, 0, 100, 50)));
        assertFalse(d.write(b, s, new Rect(100, 0, 100, 50)), "adjacent, same tiles, no shared pixel");
        assertTrue(d.write(b, s, new Rect(99, 10, 2, 2)), "overlaps A's rectangle by one column");
        List<Finding> f = d.findings();
        assertEquals(1, f.size());
        assertEquals(new Rect(99, 10, 1, 2), f.get(0).intersection());
        assertEquals("A", f.get(0).earlier().threadName());
        assertEquals("B", f.get(0).later().threadName());
    }

    @Test
    void forget_dropsABuffersShadow_andKeepsItsFindings() {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(64, 64), other = Surface.allocate(64, 64);
        RaceDetector.Actor a = d.actor("A"), b = d.actor("B");
        d.write(a, s, s.bounds());
        assertTrue(d.write(b, s, s.bounds()));
        d.write(a, other, other.bounds());
        long before = d.shadowEntries();
        d.forget(s.subView(0, 0, 8, 8)); // any view of the array
        assertTrue(d.shadowEntries() < before, d.shadowEntries() + " vs " + before);
        assertEquals(1, d.findings().size(), "what was found stays");
        assertFalse(d.write(b, s, s.bounds()), "a forgotten buffer starts afresh");
        assertTrue(d.write(b, other, other.bounds()), "others are remembered");
    }

    @Test
    void readsDoNotRaceWithReads() {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(64, 64);
        RaceDetector.Actor a = d.actor("A"), b = d.actor("B");
        assertFalse(d.read(a, s, s.bounds()));
        assertFalse(d.read(b, s, s.bounds()));
        assertTrue(d.write(b, s, new Rect(5, 5, 1, 1)), "B's write races with A's read");
    }

    @Test
    void lockReleaseThenAcquire_orders() {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(64, 64);
        Object lock = new Object();
        RaceDetector.Actor a = d.actor("A"), b = d.actor("B");
        d.lock(a, lock, "L");
        d.write(a, s, s.bounds());
        d.unlock(a, lock, "L");
        d.lock(b, lock, "L");
        assertFalse(d.write(b, s, s.bounds()));
        d.unlock(b, lock, "L");
    }

    @Test
    void subViewsOfOneArray_meet() {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(100, 100);
        RaceDetector.Actor a = d.actor("A"), b = d.actor("B");
        d.write(a, s.subView(50, 50, 20, 20), new Rect(0, 0, 20, 20));
        assertTrue(d.read(b, s, new Rect(60, 60, 1, 1)), "same pixels through another view");
        assertFalse(d.read(b, s.subView(0, 0, 50, 50), new Rect(0, 0, 50, 50)));
    }

    @Test
    void repeatsAreCountedOncePerPairOfSites() {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(64, 64);
        RaceDetector.Actor a = d.actor("A"), b = d.actor("B");
        List<Finding> seen = new ArrayList<>();
        d.onFinding(seen::add);
        for (int i = 0; i < 5; i++) {
            d.write(a, s, s.bounds());
            d.write(b, s, s.bounds());
        }
        assertEquals(d.findings().size(), seen.size(), "the listener hears each finding once");
        long total = d.findings().stream().mapToLong(Finding::count).sum();
        assertEquals(9, total, "every racing access after the first is a repeat");
        assertEquals(total, d.racingAccesses(), "counted as they are found");
        assertTrue(d.findings().size() <= 2);
    }

    @Test
    void aFindingNamesEveryThreadOfItsRaces_inNaturalOrder_notJustItsFirstPair() {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(64, 64);
        List<Finding> heard = new ArrayList<>();
        d.onFinding(heard::add);
        for (int i = 11; i >= 0; i--) { // one code site, twelve threads, the last named first
            d.write(d.actor("worker-" + i), s, s.bounds());
        }
        assertEquals(1, d.findings().size());
        Finding f = d.findings().get(0);
        assertEquals(List.of("worker-10", "worker-11"), heard.get(0).threads(), "the first race's own pair, when it is reported");
        assertEquals(List.of("worker-0", "worker-1", "worker-2", "worker-3", "worker-4", "worker-5", "worker-6", "worker-7",
                "worker-8", "worker-9", "worker-10", "worker-11"), f.threads());
        assertFalse(f.moreThreads());
        assertEquals("worker-11", f.earlier().threadName(), "the first pair stays the example");
    }

    @Test
    void aFindingNamesAtMost64Threads_andSaysThereWereMore() {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(16, 16);
        for (int i = 0; i < Finding.MAX_THREADS + 6; i++) {
            d.write(d.actor("t" + i), s, s.bounds());
        }
        Finding f = d.findings().get(0);
        assertEquals(Finding.MAX_THREADS, f.threads().size());
        assertEquals("t0", f.threads().get(0));
        assertTrue(f.moreThreads());
    }

    /**
     * 300 random schedules of 3–4 actors (locks, a channel, fork and join, reads and writes of
     * random rectangles spanning several tiles, some through sub-views): for every access, the
     * detector's "races with an earlier access" equals the brute-force per-pixel checker's.
     */
    @Test
    void randomSchedules_agreeWithBruteForcePerAccess() {
        int agreeing = 0, racy = 0;
        for (int seed = 0; seed < 300; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 3 + rnd.nextInt(2);
            int w = 150, h = 100;
            Surface s = Surface.allocate(w, h);
            RaceDetector d = new RaceDetector(() -> 0L, 0);
            BruteForceRaceChecker ref = new BruteForceRaceChecker(w, h, n);
            RaceDetector.Actor[] actors = new RaceDetector.Actor[n];
            for (int i = 0; i < n; i++) actors[i] = d.actor("T" + i);
            Object[] locks = {new Object(), new Object()};
            int[] holder = {-1, -1};
            Object channel = new Object();
            boolean[] forked = new boolean[n];
            boolean[] joined = new boolean[n];
            for (int op = 0; op < 60; op++) {
                int t = rnd.nextInt(n);
                if (joined[t]) continue;
                int kind = rnd.nextInt(10);
                if (kind < 5) {
                    boolean write = rnd.nextInt(3) == 0;
                    int rw = 1 + rnd.nextInt(60), rh = 1 + rnd.nextInt(60);
                    int x = rnd.nextInt(w - rw + 1), y = rnd.nextInt(h - rh + 1);
                    boolean viaView = rnd.nextBoolean() && x >= 10 && y >= 10;
                    boolean got = viaView
                            ? (write ? d.write(actors[t], s.subView(10, 10, w - 10, h - 10), new Rect(x - 10, y - 10, rw, rh))
                                    : d.read(actors[t], s.subView(10, 10, w - 10, h - 10), new Rect(x - 10, y - 10, rw, rh)))
                            : (write ? d.write(actors[t], s, new Rect(x, y, rw, rh)) : d.read(actors[t], s, new Rect(x, y, rw, rh)));
                    boolean want = ref.access(t, x, y, rw, rh, write);
                    assertEquals(want, got, "seed " + seed + " op " + op);
                    agreeing++;
                    if (want) racy++;
                } else if (kind < 7) {
                    int l = rnd.nextInt(2);
                    if (holder[l] == -1) {
                        holder[l] = t;
                        d.lock(actors[t], locks[l], "L" + l);
                        ref.acquire(t, locks[l]);
                    } else if (holder[l] == t) {
                        holder[l] = -1;
                        d.unlock(actors[t], locks[l], "L" + l);
                        ref.release(t, locks[l]);
                    }
                } else if (kind == 7) {
                    d.release(actors[t], channel);
                    ref.release(t, channel);
                } else if (kind == 8) {
                    d.acquire(actors[t], channel);
                    ref.acquire(t, channel);
                } else {
                    int c = rnd.nextInt(n);
                    if (c != t && !forked[c] && !joined[c]) {
                        forked[c] = true;
                        d.fork(actors[t], actors[c]);
                        ref.fork(t, c);
                    } else if (c != t && forked[c] && !joined[c] && holder[0] != c && holder[1] != c) {
                        joined[c] = true;
                        d.join(actors[t], actors[c]);
                        ref.joinThread(t, c);
                    }
                }
            }
        }
        assertTrue(agreeing > 5000, "accesses compared: " + agreeing);
        assertTrue(racy > 500 && racy < agreeing - 500, "both verdicts well represented: " + racy + " of " + agreeing);
    }
}

package dev.blendbench.engine.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.pool.BufferPool;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labelled suite: race-free and racy scenarios written against surfaces, the pool and the
 * tracked primitives, the expected verdict stored beside each as data. Steps run on real threads
 * in a fixed order forced by plain latches the detector does not see, so verdicts never depend on
 * timing. Every scenario runs several times with random worker counts and tile sizes.
 */
class ScenarioSuiteTest {
    static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    /** A scenario: {@code run} performs it and returns nothing; the detector decides. */
    interface Body {
        void run(RaceDetector d, int workers, int tile) throws Exception;
    }

    record Scenario(String name, boolean racy, Body body) {
        @Override
        public String toString() {
            return (racy ? "racy: " : "race-free: ") + name;
        }
    }

    /** Runs {@code steps[i]} on worker i, strictly one after another (hidden ordering). */
    static void sequence(List<Runnable> steps) throws InterruptedException {
        CountDownLatch[] go = new CountDownLatch[steps.size() + 1];
        for (int i = 0; i < go.length; i++) go[i] = new CountDownLatch(1);
        go[0].countDown();
        List<Thread> ts = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < steps.size(); i++) {
            int k = i;
            Thread t = new Thread(() -> {
                try {
                    go[k].await();
                    steps.get(k).run();
                } catch (Throwable e) {
                    failure[0] = e;
                } finally {
                    go[k + 1].countDown();
                }
            }, "worker-" + i);
            ts.add(t);
            t.start();
        }
        for (Thread t : ts) t.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
    }

    /** Worker i writes rows band(i) of a shared canvas; bands overlap by {@code overlap} rows. */
    static Body bands(int overlap, boolean read, boolean lockAll) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(200, 40 * workers + 10);
            Object lock = new Object();
            List<Runnable> steps = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int y = i * 40;
                Rect band = new Rect(0, y, 200, 40 + (i == workers - 1 ? 0 : overlap));
                boolean reader = read && i % 2 == 1;
                steps.add(() -> {
                    RaceDetector.Actor a = d.current();
                    if (lockAll) d.lock(a, lock, "canvas");
                    if (reader) d.read(a, s, band); else d.write(a, s, band);
                    if (lockAll) d.unlock(a, lock, "canvas");
                });
            }
            sequence(steps);
        };
    }

    /** Tiles of {@code tile}² handed round-robin to workers; {@code shift} moves every worker's tiles by that many pixels. */
    static Body tiles(int shift) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(256, 192);
            List<Runnable> steps = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int me = w;
                steps.add(() -> {
                    int n = 0;
                    for (int y = 0; y < 192; y += tile) {
                        for (int x = 0; x < 256; x += tile) {
                            if (n++ % workers == me) {
                                int sx = me == 1 ? shift : 0;
                                d.write(d.current(), s, new Rect(x + sx, y, tile, tile));
                            }
                        }
                    }
                });
            }
            sequence(steps);
        };
    }

    /** Worker 0 writes a band, then {@code edge} runs between the two steps, then worker 1 reads the band plus a halo. */
    static Body halo(int halo, boolean barrier) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(128, 128);
            Tracked.Barrier b = new Tracked.Barrier(d, 2);
            CountDownLatch hidden = new CountDownLatch(1);
            Thread w0 = new Thread(() -> {
                d.write(d.current(), s, new Rect(0, 64, 128, 64));
                hidden.countDown();
                if (barrier) b.arriveAndAwaitAdvance();
            });
            Thread w1 = new Thread(() -> {
                try {
                    hidden.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (barrier) b.arriveAndAwaitAdvance();
                d.read(d.current(), s, new Rect(0, 0, 128, 64 + halo));
            });
            w0.start();
            w1.start();
            w0.join();
            w1.join();
        };
    }

    static Body stripes(boolean rightStripe) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(100, 100);
            Tracked.Lock[] stripes = {new Tracked.Lock(d, "s0"), new Tracked.Lock(d, "s1")};
            sequence(List.of(() -> {
                stripes[0].lock();
                d.write(d.current(), s, new Rect(0, 0, 100, 50));
                stripes[0].unlock();
            }, () -> {
                Tracked.Lock l = stripes[rightStripe ? 0 : 1];
                l.lock();
                d.write(d.current(), s, new Rect(0, 40, 100, 20));
                l.unlock();
            }));
        };
    }

    static Body pool(boolean handOff, boolean useAfterRelease) {
        return (d, workers, tile) -> {
            BufferPool pool = BufferPool.create(1 << 24);
            BufferPool.Lease[] lease = new BufferPool.Lease[1];
            Surface[] view = new Surface[1];
            sequence(List.of(() -> {
                lease[0] = pool.acquireSurface(64, 64);
                view[0] = lease[0].surface();
                d.acquire(d.current(), lease[0].array());
                d.write(d.current(), view[0], view[0].bounds());
                if (handOff) d.release(d.current(), lease[0].array());
                lease[0].close();
            }, () -> {
                if (useAfterRelease) {
                    d.write(d.current(), view[0], view[0].bounds()); // a stale view after release
                } else {
                    BufferPool.Lease l = pool.acquireSurface(64, 64);
                    d.acquire(d.current(), l.array());
                    d.write(d.current(), l.surface(), l.surface().bounds());
                    d.release(d.current(), l.array());
                    l.close();
                }
            }));
        };
    }

    static Body future(boolean awaited) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(64, 64);
            CountDownLatch hidden = new CountDownLatch(1);
            var f = Tracked.submit(d, POOL, () -> {
                d.write(d.current(), s, new Rect(0, 0, 32, 32));
                hidden.countDown();
                return null;
            });
            hidden.await();
            if (awaited) f.get();
            d.read(d.current(), s, new Rect(16, 16, 32, 32));
            f.get();
        };
    }

    static Body latch(boolean counted) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(64, 64);
            Tracked.Latch latch = new Tracked.Latch(d, 1);
            sequence(List.of(() -> {
                d.write(d.current(), s, s.bounds());
                if (counted) latch.countDown();
            }, () -> {
                try {
                    if (counted) latch.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                d.write(d.current(), s, new Rect(10, 10, 5, 5));
            }));
        };
    }

    static Body queue(boolean tracked) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(64, 64);
            Tracked.Queue<Surface> q = new Tracked.Queue<>(d, new LinkedBlockingQueue<>());
            LinkedBlockingQueue<Surface> plain = new LinkedBlockingQueue<>();
            sequence(List.of(() -> {
                d.write(d.current(), s, s.bounds());
                try {
                    if (tracked) q.put(s); else plain.put(s);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, () -> {
                try {
                    Surface got = tracked ? q.take() : plain.take();
                    d.write(d.current(), got, got.bounds());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        };
    }

    static Body lockedBlends(int workers2) {
        // blends into one canvas in an unpredictable order, always under the lock: not a data race
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(80, 80);
            Tracked.Lock lock = new Tracked.Lock(d, "canvas");
            List<Thread> ts = new ArrayList<>();
            for (int i = 0; i < workers2; i++) {
                Thread t = new Thread(() -> {
                    lock.lock();
                    d.read(d.current(), s, s.bounds());
                    d.write(d.current(), s, s.bounds());
                    lock.unlock();
                });
                ts.add(t);
                t.start();
            }
            for (Thread t : ts) t.join();
        };
    }

    static Body subViews(int gap) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(120, 60);
            Surface left = s.subView(0, 0, 60, 60), right = s.subView(60 - gap, 0, 60 + gap, 60);
            sequence(List.of(() -> d.write(d.current(), left, left.bounds()), () -> d.write(d.current(), right, right.bounds())));
        };
    }

    /** Two rectangles written (or read, then written) by two workers in turn. */
    static Body pair(Rect first, boolean firstWrites, Rect second, boolean secondWrites) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(160, 160);
            sequence(List.of(() -> {
                if (firstWrites) d.write(d.current(), s, first); else d.read(d.current(), s, first);
            }, () -> {
                if (secondWrites) d.write(d.current(), s, second); else d.read(d.current(), s, second);
            }));
        };
    }

    /**
     * A chain of tasks submitted one after another, each awaited before the next (or one not);
     * the caller then reads what they wrote. (Two tasks may run on one pool thread, which orders
     * them for real, so the verdict rests on the caller's read, which never runs on the pool.)
     */
    static Body taskChain(int length, boolean skipOneGet) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(64, 64);
            List<java.util.concurrent.Future<Object>> pending = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                CountDownLatch hidden = new CountDownLatch(1);
                var f = Tracked.submit(d, POOL, () -> {
                    d.write(d.current(), s, s.bounds());
                    hidden.countDown();
                    return null;
                });
                hidden.await();
                if (skipOneGet && i == length - 1) pending.add(f); else f.get();
            }
            d.read(d.current(), s, s.bounds());
            for (var f : pending) f.get();
        };
    }

    /** Multi-phase barrier: each phase one worker writes what the others read next phase. */
    static Body phases(int n, boolean skipBarrierAt) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(64, 64);
            Tracked.Barrier b = new Tracked.Barrier(d, 2);
            CountDownLatch[] hidden = new CountDownLatch[n];
            for (int i = 0; i < n; i++) hidden[i] = new CountDownLatch(1);
            Thread w = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    d.write(d.current(), s, new Rect(0, i, 64, 1));
                    hidden[i].countDown();
                    if (!(skipBarrierAt && i == n - 1)) b.arriveAndAwaitAdvance();
                }
            });
            Thread r = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    try {
                        hidden[i].await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!(skipBarrierAt && i == n - 1)) b.arriveAndAwaitAdvance();
                    d.read(d.current(), s, new Rect(0, 0, 64, i + 1));
                }
            });
            w.start();
            r.start();
            w.join();
            r.join();
        };
    }

    /** Worker 0 reads under the lock, worker 1 writes with or without it. */
    static Body lockedReadUnlockedWrite(boolean writerLocks) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(64, 64);
            Tracked.Lock lock = new Tracked.Lock(d, "canvas");
            sequence(List.of(() -> {
                lock.lock();
                d.read(d.current(), s, s.bounds());
                lock.unlock();
            }, () -> {
                if (writerLocks) lock.lock();
                d.write(d.current(), s, new Rect(30, 30, 4, 4));
                if (writerLocks) lock.unlock();
            }));
        };
    }

    /** A parent forks workers that write disjoint (or overlapping) columns, joins them, then reads all. */
    static Body forkJoin(int n, boolean overlap, boolean joinAll) {
        return (d, workers, tile) -> {
            Surface s = Surface.allocate(20 * n + 5, 40);
            List<Thread> ts = new ArrayList<>();
            CountDownLatch all = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                Rect col = new Rect(i * 20, 0, 20 + (overlap ? 5 : 0), 40);
                Thread t = new Thread(() -> {
                    d.write(d.current(), s, col);
                    all.countDown();
                });
                ts.add(t);
            }
            // hidden order: worker i runs only after worker i-1 finished (overlaps then never coincide in time)
            for (int i = 0; i < n; i++) {
                Tracked.start(d, ts.get(i));
                ts.get(i).join();
            }
            all.await();
            for (int i = 0; i < n; i++) {
                if (joinAll || i > 0) Tracked.join(d, ts.get(i));
            }
            d.read(d.current(), s, s.bounds());
        };
    }

    static List<Scenario> scenarios() {
        List<Scenario> l = new ArrayList<>();
        for (boolean read : new boolean[] {false, true}) {
            l.add(new Scenario("adjacent bands" + (read ? ", readers" : ""), false, bands(0, read, false)));
            for (int overlap : new int[] {1, 3, 17}) {
                l.add(new Scenario("bands overlapping by " + overlap + (read ? ", readers" : ""), true, bands(overlap, read, false)));
                l.add(new Scenario("bands overlapping by " + overlap + " under one lock" + (read ? ", readers" : ""), false, bands(overlap, read, true)));
            }
        }
        l.add(new Scenario("round-robin tiles", false, tiles(0)));
        for (int shift : new int[] {1, 7, 15}) l.add(new Scenario("round-robin tiles shifted by " + shift, true, tiles(shift)));
        for (int halo : new int[] {0}) l.add(new Scenario("band read without halo", false, halo(halo, false)));
        for (int halo : new int[] {1, 2, 4, 8}) {
            l.add(new Scenario("halo read of " + halo + " across a band boundary", true, halo(halo, false)));
            l.add(new Scenario("halo read of " + halo + " after a barrier", false, halo(halo, true)));
        }
        l.add(new Scenario("lock on the right stripe", false, stripes(true)));
        l.add(new Scenario("lock on the wrong stripe", true, stripes(false)));
        l.add(new Scenario("pooled buffer handed off", false, pool(true, false)));
        l.add(new Scenario("pooled buffer used after release", true, pool(true, true)));
        l.add(new Scenario("pooled buffer reused without the hand-off edge", true, pool(false, false)));
        l.add(new Scenario("future awaited", false, future(true)));
        l.add(new Scenario("future never awaited", true, future(false)));
        l.add(new Scenario("latch counted down and awaited", false, latch(true)));
        l.add(new Scenario("missing latch", true, latch(false)));
        l.add(new Scenario("queue hand-off", false, queue(true)));
        l.add(new Scenario("hand-off through an unseen queue", true, queue(false)));
        for (int n : new int[] {2, 3, 5}) l.add(new Scenario(n + " locked blends in any order", false, lockedBlends(n)));
        l.add(new Scenario("sub-views side by side", false, subViews(0)));
        // two accesses, geometry and kind: overlapping corners, edges, containment; read/write mixes
        Rect a = new Rect(10, 10, 50, 50);
        Rect[][] shapes = {
                {a, new Rect(59, 59, 20, 20)}, {a, new Rect(0, 0, 11, 11)}, {a, new Rect(20, 20, 5, 5)},
                {a, new Rect(0, 30, 200, 1)}, {a, new Rect(35, 0, 1, 200)}};
        Rect[][] apart = {
                {a, new Rect(60, 60, 20, 20)}, {a, new Rect(0, 0, 10, 10)}, {a, new Rect(60, 10, 5, 50)},
                {a, new Rect(10, 60, 50, 1)}, {a, new Rect(0, 70, 160, 90)}};
        String[] kinds = {"write/write", "read/write", "write/read"};
        boolean[][] flags = {{true, true}, {false, true}, {true, false}};
        for (int k = 0; k < 3; k++) {
            for (Rect[] r : shapes) {
                l.add(new Scenario(kinds[k] + " of " + r[0] + " and " + r[1], true, pair(r[0], flags[k][0], r[1], flags[k][1])));
            }
            for (Rect[] r : apart) {
                l.add(new Scenario(kinds[k] + " of " + r[0] + " and " + r[1] + " (disjoint)", false, pair(r[0], flags[k][0], r[1], flags[k][1])));
            }
        }
        l.add(new Scenario("read/read of the same pixels", false, pair(a, false, a, false)));
        l.add(new Scenario("chain of 3 awaited tasks", false, taskChain(3, false)));
        l.add(new Scenario("chain of 4 tasks, the last result never awaited", true, taskChain(4, true)));
        l.add(new Scenario("4 barrier phases", false, phases(4, false)));
        l.add(new Scenario("4 phases, the last without its barrier", true, phases(4, true)));
        l.add(new Scenario("locked read, locked write", false, lockedReadUnlockedWrite(true)));
        l.add(new Scenario("locked read, unlocked write", true, lockedReadUnlockedWrite(false)));
        l.add(new Scenario("fork/join of 3 column writers", false, forkJoin(3, false, true)));
        l.add(new Scenario("fork/join of 3 overlapping column writers", true, forkJoin(3, true, true)));
        l.add(new Scenario("fork of 3 column writers, one never joined", true, forkJoin(3, false, false)));
        for (int gap : new int[] {1, 10}) l.add(new Scenario("sub-views overlapping by " + gap, true, subViews(gap)));
        return l;
    }

    static Stream<Arguments> cases() {
        return scenarios().stream().map(Arguments::of);
    }

    @Test
    void suite_hasAtLeast40RaceFreeAnd40RacyScenarios() {
        long racy = scenarios().stream().filter(Scenario::racy).count();
        long free = scenarios().size() - racy;
        assertTrue(racy >= 40 && free >= 40, racy + " racy, " + free + " race-free");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario_verdictMatchesLabel_onEveryRun(Scenario sc) throws Exception {
        SplittableRandom rnd = new SplittableRandom(sc.name().hashCode());
        for (int run = 0; run < 5; run++) {
            int workers = 2 + rnd.nextInt(3);
            int tile = new int[] {8, 16, 32, 64}[rnd.nextInt(4)];
            RaceDetector d = new RaceDetector();
            sc.body().run(d, workers, tile);
            assertEquals(sc.racy(), !d.findings().isEmpty(), sc + " (workers " + workers + ", tile " + tile + "): " + d.findings());
        }
    }
}

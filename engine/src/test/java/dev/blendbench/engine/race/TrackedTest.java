package dev.blendbench.engine.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blendbench.engine.surface.Surface;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each adapter's edge orders a write before a later write on another thread; without the edge
 * the same two writes are reported. The real-time order is forced by a plain CountDownLatch,
 * which the detector does not see, so verdicts never depend on timing.
 */
class TrackedTest {
    static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    interface Edge {
        void before(RaceDetector d) throws Exception; // on the first thread, after its write

        void after(RaceDetector d) throws Exception; // on the second thread, before its write
    }

    /** Thread A writes, then {@code edge.before}; thread B runs {@code edge.after} then writes. */
    static int races(Edge edge) throws Exception {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(64, 64);
        CountDownLatch hidden = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Thread a = new Thread(() -> {
            try {
                d.write(d.current(), s, s.bounds());
                edge.before(d);
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                hidden.countDown();
            }
        }, "A");
        Thread b = new Thread(() -> {
            try {
                hidden.await();
                edge.after(d);
                d.write(d.current(), s, s.bounds());
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "B");
        a.start();
        b.start();
        a.join();
        b.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
        return d.findings().size();
    }

    static final Edge NONE = new Edge() {
        public void before(RaceDetector d) { }
        public void after(RaceDetector d) { }
    };

    @Test
    void withoutAnyEdge_theWritesRace() throws Exception {
        assertEquals(1, races(NONE));
    }

    @Test
    void lock_unlockThenLock_orders() throws Exception {
        Tracked.Lock[] lock = new Tracked.Lock[1];
        assertEquals(0, races(new Edge() {
            public void before(RaceDetector d) {
                lock[0] = new Tracked.Lock(d, "L");
                lock[0].lock();
                lock[0].unlock();
            }

            public void after(RaceDetector d) {
                lock[0].lock();
                lock[0].unlock();
            }
        }));
    }

    @Test
    void latch_countDownThenAwait_orders() throws Exception {
        Tracked.Latch[] latch = new Tracked.Latch[1];
        assertEquals(0, races(new Edge() {
            public void before(RaceDetector d) {
                latch[0] = new Tracked.Latch(d, 1);
                latch[0].countDown();
            }

            public void after(RaceDetector d) throws InterruptedException {
                latch[0].await();
            }
        }));
    }

    @Test
    void queue_putThenTake_orders() throws Exception {
        @SuppressWarnings("unchecked")
        Tracked.Queue<String>[] q = new Tracked.Queue[1];
        assertEquals(0, races(new Edge() {
            public void before(RaceDetector d) throws InterruptedException {
                q[0] = new Tracked.Queue<>(d, new LinkedBlockingQueue<>());
                q[0].put("x");
            }

            public void after(RaceDetector d) throws InterruptedException {
                q[0].take();
            }
        }));
    }

    @Test
    void executor_taskEndThenFutureGet_orders_andAnUnawaitedFutureRaces() throws Exception {
        // the write happens inside a submitted task; the caller writes after get()
        for (boolean awaited : new boolean[] {true, false}) {
            RaceDetector d = new RaceDetector();
            Surface s = Surface.allocate(64, 64);
            CountDownLatch hidden = new CountDownLatch(1);
            var f = Tracked.submit(d, POOL, () -> {
                d.write(d.current(), s, s.bounds());
                hidden.countDown();
                return 1;
            });
            hidden.await();
            if (awaited) f.get();
            d.write(d.current(), s, s.bounds());
            assertEquals(awaited ? 0 : 1, d.findings().size(), "awaited " + awaited);
            f.get();
        }
    }

    @Test
    void executor_submissionThenTaskStart_orders_andAnUnseenSubmissionRaces() throws Exception {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(64, 64);
        d.write(d.current(), s, s.bounds());
        Tracked.submit(d, POOL, () -> d.write(d.current(), s, s.bounds())).get();
        assertEquals(0, d.findings().size());
        RaceDetector e = new RaceDetector();
        e.write(e.current(), s, s.bounds());
        POOL.submit(() -> e.write(e.current(), s, s.bounds())).get(); // plain submission: no edge
        assertEquals(1, e.findings().size());
    }

    @Test
    void pool_releaseThenAcquire_orders() throws Exception {
        dev.blendbench.engine.pool.BufferPool pool = dev.blendbench.engine.pool.BufferPool.create(1 << 24);
        for (boolean tracked : new boolean[] {true, false}) {
            RaceDetector d = new RaceDetector();
            var first = tracked ? Tracked.acquire(d, pool, 32, 32) : pool.acquireSurface(32, 32);
            int[] array = first.array();
            Thread a = new Thread(() -> {
                d.write(d.current(), first.surface(), first.surface().bounds());
                if (tracked) Tracked.release(d, first); else first.close();
            }, "A");
            a.start();
            a.join(); // not seen by the detector
            var second = tracked ? Tracked.acquire(d, pool, 32, 32) : pool.acquireSurface(32, 32);
            org.junit.jupiter.api.Assertions.assertSame(array, second.array());
            d.write(d.current(), second.surface(), second.surface().bounds());
            second.close();
            assertEquals(tracked ? 0 : 1, d.findings().size(), "tracked " + tracked);
        }
    }

    @Test
    void threadStartAndJoin_order() throws Exception {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(64, 64);
        d.write(d.current(), s, s.bounds());
        Thread t = new Thread(() -> d.write(d.current(), s, s.bounds()), "child");
        Tracked.start(d, t);
        Tracked.join(d, t);
        d.write(d.current(), s, s.bounds());
        assertEquals(0, d.findings().size());
        Thread u = new Thread(() -> d.write(d.current(), s, s.bounds()), "untracked");
        u.start();
        u.join(); // neither this start nor this join is seen:
        d.write(d.current(), s, s.bounds());
        assertEquals(2, d.findings().size(), "u's write races with the write before it and the one after");
    }

    @Test
    void directPixelWritesThroughTheApi_countToo() throws Exception {
        RaceDetector d = new RaceDetector();
        Surface s = Surface.allocate(32, 32).tracked(d.listener());
        CountDownLatch hidden = new CountDownLatch(1);
        Thread a = new Thread(() -> {
            s.setPixel(5, 5, 0xFF000000);
            hidden.countDown();
        }, "A");
        a.start();
        hidden.await();
        s.subView(4, 4, 4, 4).fill(0); // covers (5, 5): unordered with A's setPixel
        a.join();
        assertEquals(1, d.findings().size());
        assertEquals(new dev.blendbench.engine.surface.Rect(5, 5, 1, 1), d.findings().get(0).intersection());
        assertEquals(0, Surface.allocate(4, 4).tracked(d.listener()).getPixel(0, 0));
    }

    @Test
    void barrier_arrivalsBeforeAdvance_order() throws Exception {
        Tracked.Barrier[] barrier = new Tracked.Barrier[1];
        RaceDetector d = new RaceDetector();
        barrier[0] = new Tracked.Barrier(d, 2);
        Surface s = Surface.allocate(64, 64);
        CountDownLatch hidden = new CountDownLatch(1);
        Thread a = new Thread(() -> {
            d.write(d.current(), s, s.bounds());
            hidden.countDown();
            barrier[0].arriveAndAwaitAdvance();
        }, "A");
        Thread b = new Thread(() -> {
            try {
                hidden.await();
            } catch (InterruptedException e) {
                return;
            }
            barrier[0].arriveAndAwaitAdvance();
            d.write(d.current(), s, s.bounds());
        }, "B");
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(0, d.findings().size());
    }
}

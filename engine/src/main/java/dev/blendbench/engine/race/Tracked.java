package dev.blendbench.engine.race;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Adapters that report a synchronisation primitive's happens-before edges to a
 * {@link RaceDetector} while doing the real synchronisation: lock → unlock, thread start → first
 * action and last action → join, task submission → task start and task end → {@code Future.get},
 * count-down → await, barrier arrival → advance, queue put → take, buffer release → acquire.
 */
public final class Tracked {
    private Tracked() {}

    /** A ReentrantLock whose unlock happens-before the next lock. */
    public static final class Lock {
        private final ReentrantLock lock = new ReentrantLock();
        private final RaceDetector d;
        private final String name;

        public Lock(RaceDetector d, String name) {
            this.d = d;
            this.name = name;
        }

        public void lock() {
            lock.lock();
            d.lock(d.current(), this, name);
        }

        public void unlock() {
            d.unlock(d.current(), this, name);
            lock.unlock();
        }
    }

    /** Starts {@code t} after everything the caller did so far. */
    public static void start(RaceDetector d, Thread t) {
        d.fork(d.current(), d.actor(t));
        t.start();
    }

    /** Joins {@code t}; everything it did happens-before what the caller does next. */
    public static void join(RaceDetector d, Thread t) throws InterruptedException {
        t.join();
        d.join(d.current(), d.actor(t));
    }

    /** Submits {@code task}: submission happens-before its start, its end before {@code get}. */
    public static <T> Future<T> submit(RaceDetector d, ExecutorService executor, Callable<T> task) {
        Object submitted = new Object(), ended = new Object();
        d.release(d.current(), submitted);
        Future<T> f = executor.submit(() -> {
            RaceDetector.Actor a = d.current();
            d.acquire(a, submitted);
            try {
                return task.call();
            } finally {
                d.release(a, ended);
            }
        });
        return new Future<>() {
            public boolean cancel(boolean b) { return f.cancel(b); }
            public boolean isCancelled() { return f.isCancelled(); }
            public boolean isDone() { return f.isDone(); }

            public T get() throws InterruptedException, ExecutionException {
                T v = f.get();
                d.acquire(d.current(), ended);
                return v;
            }

            public T get(long t, TimeUnit u) throws InterruptedException, ExecutionException, TimeoutException {
                T v = f.get(t, u);
                d.acquire(d.current(), ended);
                return v;
            }
        };
    }

    /** A CountDownLatch whose count-downs happen-before the return of await. */
    public static final class Latch {
        private final CountDownLatch latch;
        private final RaceDetector d;

        public Latch(RaceDetector d, int count) {
            this.d = d;
            this.latch = new CountDownLatch(count);
        }

        public void countDown() {
            d.release(d.current(), this);
            latch.countDown();
        }

        public void await() throws InterruptedException {
            latch.await();
            d.acquire(d.current(), this);
        }
    }

    /** A Phaser used as a barrier: every arrival happens-before every return from the advance. */
    public static final class Barrier {
        private final Phaser phaser;
        private final RaceDetector d;

        public Barrier(RaceDetector d, int parties) {
            this.d = d;
            this.phaser = new Phaser(parties);
        }

        /** One token per phase, held here so the detector's weak map keeps its clock until all have passed. */
        private final java.util.concurrent.ConcurrentHashMap<Integer, Object> phases = new java.util.concurrent.ConcurrentHashMap<>();

        public void arriveAndAwaitAdvance() {
            int phase = phaser.getPhase();
            Object token = phases.computeIfAbsent(phase, p -> new Object());
            d.release(d.current(), token);
            phaser.arriveAndAwaitAdvance();
            d.acquire(d.current(), token);
            phases.remove(phase - 2);
        }
    }

    /** Borrows a pooled surface: the buffer's previous release happens-before this use. */
    public static dev.blendbench.engine.pool.BufferPool.Lease acquire(RaceDetector d, dev.blendbench.engine.pool.BufferPool pool,
                                                                      int width, int height) {
        var lease = pool.acquireSurface(width, height);
        d.acquire(d.current(), lease.array());
        return lease;
    }

    /** Gives a pooled buffer back: what the caller did to it happens-before its next borrower's use. */
    public static void release(RaceDetector d, dev.blendbench.engine.pool.BufferPool.Lease lease) {
        d.release(d.current(), lease.array());
        lease.close();
    }

    /** A queue whose put happens-before the take that gets the element (and later ones). */
    public static final class Queue<E> {
        private final BlockingQueue<E> q;
        private final RaceDetector d;

        public Queue(RaceDetector d, BlockingQueue<E> q) {
            this.d = d;
            this.q = q;
        }

        public void put(E e) throws InterruptedException {
            d.release(d.current(), this);
            q.put(e);
        }

        public E take() throws InterruptedException {
            E e = q.take();
            d.acquire(d.current(), this);
            return e;
        }
    }
}

package dev.blendbench.engine.pool;

import dev.blendbench.engine.surface.Surface;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded, thread-safe pool of {@code int[]} pixel buffers, reused across jobs.
 *
 * <p>Buffers are kept in power-of-two size classes (a 1920×1080 canvas takes a 2<sup>21</sup>
 * buffer, 1 % larger), so canvases of one size always hit. The pool retains at most
 * {@code maxRetainedBytes}; a buffer released beyond that is dropped for the GC.
 *
 * <p><b>Misuse detection.</b> A {@link Lease} belongs to one buffer and is reused with it, so a
 * steady state allocates nothing. Closing a lease twice, or calling {@link Lease#array()} or
 * {@link Lease#surface()} after close, throws {@link IllegalStateException}. In <em>checked</em>
 * mode (for tests and debugging) a released buffer is also filled with {@link #POISON} and
 * verified on its next acquire, so a write through a stale reference after release is reported.
 * (A holder that keeps a lease past its close and uses it after another acquire got the same
 * buffer is not detected, except by that poison check.)
 *
 * <p>Cost: a lock per size class held for a push or a pop; no allocation once the pool holds
 * enough buffers. Buffer contents on acquire are undefined (poison in checked mode).
 */
public final class BufferPool {
    /** The fill of released buffers in checked mode. */
    public static final int POISON = 0xDEADBEEF;

    private static final int CLASSES = 32;

    private final long maxRetainedBytes;
    private final boolean checked;
    private final SizeClass[] classes = new SizeClass[CLASSES];
    private final AtomicLong retainedBytes = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public BufferPool(long maxRetainedBytes, boolean checked) {
        if (maxRetainedBytes < 0) {
            throw new IllegalArgumentException("maxRetainedBytes must be >= 0: " + maxRetainedBytes);
        }
        this.maxRetainedBytes = maxRetainedBytes;
        this.checked = checked;
        for (int i = 0; i < CLASSES; i++) {
            classes[i] = new SizeClass();
        }
    }

    /** An unchecked pool retaining up to {@code maxRetainedBytes}. */
    public static BufferPool create(long maxRetainedBytes) {
        return new BufferPool(maxRetainedBytes, false);
    }

    private static int classOf(int length) {
        return length <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(length - 1);
    }

    /** Borrows a buffer of at least {@code length} ints. Close the lease to give it back. */
    public Lease acquire(int length) {
        if (length <= 0 || length > (1 << 30)) {
            throw new IllegalArgumentException("buffer length out of range: " + length);
        }
        int c = classOf(length);
        Lease l = classes[c].pop();
        if (l == null) {
            misses.incrementAndGet();
            l = new Lease(this, new int[1 << c]);
        } else {
            hits.incrementAndGet();
            retainedBytes.addAndGet(-4L * l.buffer.length);
            if (checked) {
                verifyPoison(l.buffer);
            }
        }
        l.open(length);
        return l;
    }

    /** Borrows a buffer viewed as a {@code width × height} surface (contents undefined). */
    public Lease acquireSurface(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > (1 << 30)) {
            throw new IllegalArgumentException("surface size out of range: " + width + "x" + height);
        }
        Lease l = acquire(width * height);
        l.shape(width, height);
        return l;
    }

    private void verifyPoison(int[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != POISON) {
                throw new IllegalStateException("pooled buffer of " + a.length + " ints was written after release"
                        + " (index " + i + " holds " + Integer.toHexString(a[i]) + ")");
            }
        }
    }

    void release(Lease l) {
        int[] a = l.buffer;
        if (checked) {
            Arrays.fill(a, POISON);
        }
        long bytes = 4L * a.length;
        if (retainedBytes.addAndGet(bytes) > maxRetainedBytes) {
            retainedBytes.addAndGet(-bytes);
            dropped.incrementAndGet();
            return;
        }
        classes[classOf(a.length)].push(l);
    }

    /** Bytes currently held by the pool (not lent out). */
    public long retainedBytes() { return retainedBytes.get(); }

    /** Acquires served from the pool. */
    public long hits() { return hits.get(); }

    /** Acquires that had to allocate. */
    public long misses() { return misses.get(); }

    /** Releases that were dropped because the pool was full. */
    public long dropped() { return dropped.get(); }

    public boolean isChecked() { return checked; }

    private static final class SizeClass {
        private final ReentrantLock lock = new ReentrantLock();
        private final ArrayDeque<Lease> free = new ArrayDeque<>();

        Lease pop() {
            lock.lock();
            try {
                return free.pollLast();
            } finally {
                lock.unlock();
            }
        }

        void push(Lease a) {
            lock.lock();
            try {
                free.addLast(a);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * A loan of one buffer. Not thread-safe itself: hand it to another thread only with a
     * happens-before edge. {@link #close()} returns the buffer; a second close throws.
     */
    public static final class Lease implements AutoCloseable {
        private final BufferPool pool;
        private final int[] buffer;
        private boolean lent;
        private int length;
        private int width;
        private int height;
        private Surface view;

        Lease(BufferPool pool, int[] buffer) {
            this.pool = pool;
            this.buffer = buffer;
        }

        void open(int len) {
            lent = true;
            length = len;
            width = 0;
            height = 0;
        }

        void shape(int w, int h) {
            width = w;
            height = h;
        }

        /** The borrowed array (possibly longer than asked for). */
        public int[] array() {
            if (!lent) {
                throw new IllegalStateException("buffer used after release");
            }
            return buffer;
        }

        /** The length that was asked for. */
        public int length() { return length; }

        /**
         * The buffer as a surface; only for leases from {@link BufferPool#acquireSurface}. The view
         * object is reused while the buffer keeps the same shape.
         */
        public Surface surface() {
            if (!lent) {
                throw new IllegalStateException("buffer used after release");
            }
            if (width == 0) {
                throw new IllegalStateException("lease was not acquired as a surface");
            }
            Surface v = view;
            if (v == null || v.width() != width || v.height() != height) {
                v = Surface.wrap(buffer, 0, width, height, width);
                view = v;
            } else {
                v.markModified(); // new contents: drop any cached coverage
            }
            return v;
        }

        public boolean isReleased() { return !lent; }

        @Override
        public void close() {
            if (!lent) {
                throw new IllegalStateException("buffer released twice");
            }
            lent = false;
            pool.release(this);
        }
    }
}

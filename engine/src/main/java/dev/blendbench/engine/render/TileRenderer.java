package dev.blendbench.engine.render;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Composites a {@link Scene} into a target surface, tile by tile, on an injected executor.
 *
 * <p><b>Guarantees.</b> The output is bit-identical for every parallelism and tile size: each
 * pixel sees the same sequence of operations whichever tile holds it. All layers of a tile are
 * composited while the tile is in cache, instead of sweeping the canvas once per layer.
 * {@link #render(Scene, Surface, Rect)} touches only the dirty rectangle.
 *
 * <p><b>Threads.</b> {@code render} may be called from any number of threads at once (each call
 * needs its own target). The calling thread renders tiles itself and is helped by up to
 * {@code parallelism − 1} tasks submitted to the executor; it returns when every tile is done, so
 * the target's pixels happen-before the return. If the executor rejects a task, the caller does
 * the work alone. A tile that throws makes {@code render} rethrow after all tiles finish.
 *
 * <p><b>Sources.</b> Layer sources are read through their cached
 * {@link dev.blendbench.engine.surface.Surface#coverage() coverage}: transparent blocks are skipped
 * without being read, opaque ones copied. A source written through its array must be marked with
 * {@code markModified()} before the next render.
 *
 * <p><b>Allocation.</b> At steady state a render allocates nothing in the renderer: per-thread
 * job state and scratch rows are reused. (An executor may allocate to queue a task; a
 * {@code ThreadPoolExecutor} over an {@code ArrayBlockingQueue} does not.)
 */
public final class TileRenderer {
    /** A tile size that keeps one target tile (256 × 64 × 4 B = 64 KiB) in L2. */
    public static final int DEFAULT_TILE_WIDTH = 256;
    public static final int DEFAULT_TILE_HEIGHT = 64;
    private static final int SCRATCH = 1024;
    private static final ThreadLocal<int[]> SCRATCH_ROWS = ThreadLocal.withInitial(() -> new int[SCRATCH]);

    private final Executor executor;
    private final int parallelism;
    private final int tileWidth;
    private final int tileHeight;
    private final ThreadLocal<Job> jobs = ThreadLocal.withInitial(() -> new Job(this));

    /**
     * @param executor    runs helper tasks; never blocked on by the renderer
     * @param parallelism threads working on one render, the caller included (≥ 1)
     */
    public TileRenderer(Executor executor, int parallelism, int tileWidth, int tileHeight) {
        this.executor = Objects.requireNonNull(executor, "executor");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
        }
        if (tileWidth < 1 || tileHeight < 1) {
            throw new IllegalArgumentException("tile size must be positive: " + tileWidth + "x" + tileHeight);
        }
        this.parallelism = parallelism;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
    }

    /** A renderer that does all work on the calling thread. */
    public static TileRenderer singleThreaded() {
        return new TileRenderer(Runnable::run, 1, DEFAULT_TILE_WIDTH, DEFAULT_TILE_HEIGHT);
    }

    public int parallelism() { return parallelism; }

    public int tileWidth() { return tileWidth; }

    public int tileHeight() { return tileHeight; }

    /** Renders the whole scene into {@code target}, which must be the scene's size. */
    public void render(Scene scene, Surface target) {
        render(scene, target, 0, 0, scene.width(), scene.height());
    }

    /** Renders only {@code dirty} (clipped to the canvas); pixels outside it are left untouched. */
    public void render(Scene scene, Surface target, Rect dirty) {
        render(scene, target, dirty.x(), dirty.y(), dirty.right(), dirty.bottom());
    }

    private void render(Scene scene, Surface target, int x0, int y0, int x1, int y1) {
        if (target.width() != scene.width() || target.height() != scene.height()) {
            throw new IllegalArgumentException("target " + target.width() + "x" + target.height()
                    + " does not match the " + scene.width() + "x" + scene.height() + " canvas");
        }
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(scene.width(), x1);
        y1 = Math.min(scene.height(), y1);
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        Job job = jobs.get();
        job.setUp(scene, target, x0, y0, x1, y1);
        try {
            if (parallelism == 1 || job.count == 1) {
                int[] scratch = SCRATCH_ROWS.get();
                for (int t = 0; t < job.count; t++) {
                    job.renderTile(t, scratch);
                }
            } else {
                job.runParallel();
            }
        } finally {
            job.tearDown();
            target.markModified();
        }
    }

    /** The per-thread state of one render, reused by every render on that thread. */
    private static final class Job {
        private final TileRenderer r;
        private final Worker[] workers;
        private final AtomicLong cursor = new AtomicLong(); // epoch << 32 | next tile
        private final AtomicInteger done = new AtomicInteger();
        private volatile Thread waiter;
        private volatile Throwable failure;
        private int epoch;

        private Scene scene;
        private Surface target;
        private int x0, y0, x1, y1, firstTx, firstTy, tilesX, count;

        Job(TileRenderer r) {
            this.r = r;
            this.workers = new Worker[r.parallelism - 1];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new Worker(this);
            }
        }

        void setUp(Scene s, Surface t, int ax0, int ay0, int ax1, int ay1) {
            scene = s;
            target = t;
            x0 = ax0;
            y0 = ay0;
            x1 = ax1;
            y1 = ay1;
            firstTx = ax0 / r.tileWidth;
            firstTy = ay0 / r.tileHeight;
            tilesX = (ax1 - 1) / r.tileWidth - firstTx + 1;
            int tilesY = (ay1 - 1) / r.tileHeight - firstTy + 1;
            count = tilesX * tilesY;
        }

        void tearDown() {
            scene = null;
            target = null;
        }

        void runParallel() {
            epoch++;
            done.set(0);
            failure = null;
            waiter = Thread.currentThread();
            cursor.set((long) epoch << 32); // publishes the fields above to helpers
            int helpers = Math.min(workers.length, count - 1);
            for (int i = 0; i < helpers; i++) {
                workers[i].epoch = epoch;
                try {
                    r.executor.execute(workers[i]);
                } catch (RejectedExecutionException e) {
                    break;
                }
            }
            work(epoch);
            boolean interrupted = false;
            while (done.get() < count) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable f = failure;
            if (f != null) {
                if (f instanceof RuntimeException re) throw re;
                if (f instanceof Error er) throw er;
                throw new IllegalStateException(f);
            }
        }

        void work(int myEpoch) {
            int[] scratch = SCRATCH_ROWS.get();
            while (true) {
                long v = cursor.get();
                int t = (int) v;
                if ((int) (v >>> 32) != myEpoch || t >= count) {
                    return;
                }
                if (!cursor.compareAndSet(v, v + 1)) {
                    continue;
                }
                try {
                    renderTile(t, scratch);
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
                if (done.incrementAndGet() == count) {
                    LockSupport.unpark(waiter);
                }
            }
        }

        void renderTile(int t, int[] scratch) {
            int tx = firstTx + t % tilesX;
            int ty = firstTy + t / tilesX;
            int ax0 = Math.max(x0, tx * r.tileWidth);
            int ax1 = Math.min(x1, (tx + 1) * r.tileWidth);
            int ay0 = Math.max(y0, ty * r.tileHeight);
            int ay1 = Math.min(y1, (ty + 1) * r.tileHeight);
            compositeRect(scene, target, ax0, ay0, ax1, ay1, scratch);
        }
    }

    /** Canvas columns per occlusion segment (aligned to multiples of it on the canvas). */
    static final int SEGMENT = 64;
    private static final ThreadLocal<int[]> STARTS = ThreadLocal.withInitial(() -> new int[64]);

    /**
     * Composites the canvas rectangle [ax0, ax1) × [ay0, ay1) of the scene into the target.
     *
     * <p>Row by row. First, per {@link #SEGMENT} columns, the topmost layer that covers the segment
     * with opaque pixels in source-over (or normal, or copy) at full opacity is found: it
     * overwrites everything below it exactly, so the background and the layers below it are
     * skipped there (occlusion culling, exact). Then each layer is blended, bottom up, over the
     * runs of segments where it is not occluded, with transparent source spans skipped.
     */
    static void compositeRect(Scene scene, Surface target, int ax0, int ay0, int ax1, int ay1, int[] scratch) {
        int[] out = target.array();
        int bg = scene.background();
        List<Layer> layers = scene.layers();
        int n = layers.size();
        int firstSeg = ax0 / SEGMENT;
        int segs = (ax1 - 1) / SEGMENT - firstSeg + 1;
        int[] start = STARTS.get();
        if (start.length < segs) {
            start = new int[segs];
            STARTS.set(start);
        }
        for (int y = ay0; y < ay1; y++) {
            int row = target.index(0, y);
            // 1. the topmost occluding layer of each segment, -1 for none
            for (int j = 0; j < segs; j++) {
                int x0 = Math.max(ax0, (firstSeg + j) * SEGMENT), x1 = Math.min(ax1, (firstSeg + j + 1) * SEGMENT);
                int k = -1;
                for (int i = n - 1; i >= 0; i--) {
                    if (occludes(layers.get(i), x0, x1, y)) {
                        k = i;
                        break;
                    }
                }
                start[j] = k;
            }
            // 2. background where nothing occludes
            for (int j = 0; j < segs; ) {
                if (start[j] >= 0) { j++; continue; }
                int e = j;
                while (e < segs && start[e] < 0) e++;
                int x0 = Math.max(ax0, (firstSeg + j) * SEGMENT), x1 = Math.min(ax1, (firstSeg + e) * SEGMENT);
                Arrays.fill(out, row + x0, row + x1, bg);
                j = e;
            }
            // 3. each layer over the runs of segments where it is at or above the occluder
            for (int i = 0; i < n; i++) {
                Layer l = layers.get(i);
                if (!l.visible()) {
                    continue;
                }
                BlendMode mode = l.mode();
                boolean clears = mode.clearsOutsideSource();
                int op = Compositor.opacityToByte(l.opacity());
                if (op == 0 && !clears) {
                    continue;
                }
                Surface src = l.source();
                int sy = y - l.y();
                boolean rowHit = sy >= 0 && sy < src.height();
                int lx0 = l.x(), lx1 = l.x() + src.width();
                for (int j = 0; j < segs; ) {
                    if (start[j] > i) { j++; continue; }
                    int e = j;
                    while (e < segs && start[e] <= i) e++;
                    int x0 = Math.max(ax0, (firstSeg + j) * SEGMENT), x1 = Math.min(ax1, (firstSeg + e) * SEGMENT);
                    j = e;
                    int bx0 = rowHit ? Math.max(x0, lx0) : x1, bx1 = rowHit ? Math.min(x1, lx1) : x1;
                    if (bx0 >= bx1) {
                        if (clears) Arrays.fill(out, row + x0, row + x1, 0);
                        continue;
                    }
                    if (clears) {
                        Arrays.fill(out, row + x0, row + bx0, 0);
                        Arrays.fill(out, row + bx1, row + x1, 0);
                    }
                    Compositor.blendRow(mode, op, src, bx0 - lx0, sy, out, row + bx0, bx1 - bx0, scratch);
                }
            }
        }
    }

    /** True if the layer replaces the backdrop exactly on [x0, x1) of canvas row y. */
    private static boolean occludes(Layer l, int x0, int x1, int y) {
        BlendMode m = l.mode();
        if (!l.visible() || l.opacity() != 1f
                || (m != BlendMode.SOURCE_OVER && m != BlendMode.NORMAL && m != BlendMode.COPY)) {
            return false;
        }
        Surface src = l.source();
        int sx0 = x0 - l.x(), sx1 = x1 - l.x(), sy = y - l.y();
        return sy >= 0 && sy < src.height() && sx0 >= 0 && sx1 <= src.width()
                && src.coverage().rowOpaque(sx0, sx1, sy);
    }

    private static final class Worker implements Runnable {
        private final Job job;
        volatile int epoch;

        Worker(Job job) {
            this.job = job;
        }

        @Override
        public void run() {
            job.work(epoch);
        }
    }
}

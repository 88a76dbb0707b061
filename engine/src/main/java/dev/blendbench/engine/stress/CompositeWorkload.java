package dev.blendbench.engine.stress;

import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.io.ImageLimits;
import dev.blendbench.engine.pool.BufferPool;
import dev.blendbench.engine.race.RaceDetector;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Composites a scene under one {@link Strategy}, optionally with a decode stage (the layers are
 * decoded from in-memory PNG bytes each job) and an encode stage (the result is encoded to an
 * in-memory PNG), each stage timed on its own. The strategies that lock the shared canvas
 * ({@link Strategy#locks()}) time the wait for their locks as a
 * stage of its own, {@value #LOCK_WAIT}, before {@code composite} (then the rendering alone): lock
 * contention shows as itself rather than as slower compositing.
 */
public final class CompositeWorkload implements Workload {
    /** The stage of the time a job waited to acquire the shared canvas's lock, or its stripes' locks. */
    public static final String LOCK_WAIT = "lock-wait";

    /** Rows per lock in {@link Strategy#STRIPED}. */
    static final int STRIPE_ROWS = 64;

    private final Scene scene;
    private final Strategy strategy;
    private final boolean decode, encode;
    private final List<String> stages, asked;
    private final boolean locking;
    private final BufferPool pool;
    private final Surface shared;
    private final ReentrantLock lock;
    private final ReentrantLock[] stripes;
    private final Rect[] bands;
    private final List<byte[]> encodedLayers;
    private final ExecutorService tileExecutor;
    private final int tileThreads;
    private final RaceDetector races;
    private final String fingerprint;

    public CompositeWorkload(Scene scene, Strategy strategy, boolean decode, boolean encode) {
        this(scene, strategy, decode, encode, null);
    }

    /**
     * With {@code races} non-null, every render reports its pixel accesses, and the strategy its
     * synchronisation: the shared lock and stripe locks as locks, the pool's hand-off of a buffer
     * (release by one job, acquire by the next) as release/acquire on that buffer.
     */
    public CompositeWorkload(Scene scene, Strategy strategy, boolean decode, boolean encode, RaceDetector races) {
        this.races = races;
        this.scene = scene;
        this.fingerprint = dev.blendbench.engine.scene.Fingerprint.of(scene);
        this.strategy = strategy;
        this.decode = decode;
        this.encode = encode;
        List<String> st = new ArrayList<>();
        if (decode) st.add("decode");
        st.add("composite");
        if (encode) st.add("encode");
        this.asked = List.copyOf(st);
        this.locking = strategy.locks();
        this.lock = new ReentrantLock(strategy == Strategy.SHARED_FAIR);
        if (locking) st.add(st.indexOf("composite"), LOCK_WAIT);
        this.stages = List.copyOf(st);
        this.pool = BufferPool.create(4L * scene.width() * scene.height() * 64);
        this.shared = strategy.sharesCanvas() ? Surface.allocate(scene.width(), scene.height()) : null;
        int nb = (scene.height() + STRIPE_ROWS - 1) / STRIPE_ROWS;
        this.stripes = new ReentrantLock[nb];
        this.bands = new Rect[nb];
        for (int b = 0; b < nb; b++) {
            stripes[b] = new ReentrantLock();
            bands[b] = new Rect(0, b * STRIPE_ROWS, scene.width(), Math.min(STRIPE_ROWS, scene.height() - b * STRIPE_ROWS));
        }
        this.encodedLayers = new ArrayList<>();
        if (decode) encode(scene, encodedLayers);
        this.tileThreads = Runtime.getRuntime().availableProcessors();
        this.tileExecutor = strategy == Strategy.TILED_PARALLEL
                ? Executors.newFixedThreadPool(Math.max(1, tileThreads - 1), r -> {
                    Thread t = new Thread(r, "blendbench-stress-tile");
                    t.setDaemon(true);
                    return t;
                })
                : null;
    }

    @Override
    public long racingAccesses() {
        return races == null ? -1 : races.racingAccesses();
    }

    @Override
    public String description() {
        Scene scene = this.scene.inlined(); // what renders: a pass-through group's layers stand in its place
        int n = scene.layers().size();
        // the blend space is part of the job: linear light costs several times sRGB's; and so is the memory its
        // layers read (the same image drawn twice from one surface costs a render less than from two)
        // groups, the layers in them, the clipping ones among them, masked layers anywhere, and faded or masked pass-through groups
        int[] groups = new int[5];
        countGroups(scene, groups, false);
        return "composite " + scene.width() + "x" + scene.height() + ", " + n + (n == 1 ? " layer" : " layers")
                + (groups[0] == 0 ? "" : ", " + groups[0] + (groups[0] == 1 ? " group (" : " groups (") + groups[1]
                        + (groups[1] == 1 ? " layer" : " layers") + (groups[0] == 1 ? " in it" : " in them")
                        + (groups[2] == 0 ? "" : groups[0] == 1 ? ", clipping" : ", " + groups[2] + " clipping")
                        + (groups[4] == 0 ? "" : groups[0] == 1 ? ", pass-through" : ", " + groups[4] + " pass-through") + ")")
                + (groups[3] == 0 ? "" : ", " + groups[3] + " masked") // a mask is applied on every render
                + (scene.blendSpace() == dev.blendbench.engine.colour.BlendSpace.LINEAR ? " in linear light" : "")
                + String.format(java.util.Locale.ROOT, " (%.1f MB of source pixels)", sourceBytes(scene) / 1e6)
                + ", scene #" + fingerprint // its content: same size and layer count, another job
                + ", strategy " + strategy.cliName() + ", stages " + String.join("+", asked); // the stages asked for: the same job
    }

    /**
     * Adds the group layers in {@code scene} (nested ones too) to {@code out[0]}, the layers in
     * groups to {@code out[1]}, the clipping groups to {@code out[2]}, the layers drawn through a
     * mask (at any depth) to {@code out[3]}, the pass-through groups (of an inlined scene: the
     * faded or masked ones) to {@code out[4]}.
     */
    private static void countGroups(Scene scene, int[] out, boolean inGroup) {
        for (Layer l : scene.layers()) {
            if (inGroup) out[1]++;
            if (l.isMasked()) out[3]++;
            if (l.isGroup()) {
                out[0]++;
                if (l.group().clipping()) out[2]++;
                if (l.isPassThrough()) out[4]++;
                countGroups(l.group(), out, true);
            }
        }
    }

    /**
     * The bytes of the distinct surfaces the layers of {@code scene} draw from: a surface two layers
     * share counts once, and a group's are its layers' (what the renderer reads).
     */
    static long sourceBytes(Scene scene) {
        return sourceBytes(scene, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static long sourceBytes(Scene scene, java.util.Set<Surface> distinct) {
        long bytes = 0;
        for (Layer l : scene.layers()) {
            if (l.isGroup()) {
                bytes += sourceBytes(l.group(), distinct);
            } else if (distinct.add(l.source())) {
                bytes += (long) l.source().width() * l.source().height() * Integer.BYTES;
            }
            if (l.isMasked()) bytes += l.mask().values().length; // read on every render too
        }
        return bytes;
    }

    /** Each layer's pixels as PNG, in order, a group's layers in place of the group's pixels. */
    private static void encode(Scene scene, List<byte[]> out) {
        for (Layer l : scene.layers()) {
            if (l.isGroup()) {
                encode(l.group(), out);
            } else {
                out.add(ImageFiles.encodePng(l.source()));
            }
        }
    }

    /** The scene's layers with their pixels decoded from {@code encoded} (as {@link #encode} made them). */
    private static List<Layer> decoded(Scene scene, java.util.Iterator<byte[]> encoded) throws java.io.IOException {
        List<Layer> ls = new ArrayList<>(scene.layers().size());
        for (Layer l : scene.layers()) {
            ls.add(l.isGroup() ? Groups.withLayers(l, decoded(l.group(), encoded))
                    : new Layer(l.name(), ImageFiles.decode(encoded.next(), l.name(), ImageLimits.DEFAULT),
                            l.x(), l.y(), l.mode(), l.opacity(), l.visible(), l.placement(), null, l.mask()));
        }
        return ls;
    }

    @Override
    public List<String> stages() {
        return stages;
    }

    @Override
    public WorkerJob newWorker(int index) {
        TileRenderer renderer = strategy == Strategy.TILED_PARALLEL
                ? new TileRenderer(tileExecutor, tileThreads, TileRenderer.DEFAULT_TILE_WIDTH, TileRenderer.DEFAULT_TILE_HEIGHT, races)
                : new TileRenderer(Runnable::run, 1, TileRenderer.DEFAULT_TILE_WIDTH, TileRenderer.DEFAULT_TILE_HEIGHT, races);
        if (races != null && shared != null) races.label(shared, "shared canvas");
        Surface own = strategy == Strategy.PER_WORKER || strategy == Strategy.TILED_PARALLEL
                ? Surface.allocate(scene.width(), scene.height()) : null;
        return stageNanos -> {
            int s = 0;
            long t0 = System.nanoTime();
            Scene sc = scene;
            if (decode) {
                sc = scene.withLayers(decoded(scene, encodedLayers.iterator()));
                long t1 = System.nanoTime();
                stageNanos[s++] = t1 - t0;
                t0 = t1;
            }
            Surface result;
            BufferPool.Lease lease = null;
            long waited = 0; // for the locks
            switch (strategy) {
                case SHARED_LOCKED, SHARED_FAIR -> {
                    waited = lockTimed(lock);
                    try {
                        if (races != null) races.lock(races.current(), lock, "shared canvas lock");
                        renderer.render(sc, shared);
                    } finally {
                        if (races != null) races.unlock(races.current(), lock, "shared canvas lock");
                        lock.unlock();
                    }
                    result = shared;
                }
                case SHARED_UNSAFE -> {
                    renderer.render(sc, shared);
                    result = shared;
                }
                case STRIPED -> {
                    for (int b = 0; b < bands.length; b++) {
                        waited += lockTimed(stripes[b]);
                        try {
                            if (races != null) races.lock(races.current(), stripes[b], "stripe " + b);
                            renderer.render(sc, shared, bands[b]);
                        } finally {
                            if (races != null) races.unlock(races.current(), stripes[b], "stripe " + b);
                            stripes[b].unlock();
                        }
                    }
                    result = shared;
                }
                case PER_WORKER, TILED_PARALLEL -> {
                    renderer.render(sc, own);
                    result = own;
                }
                case POOLED -> {
                    lease = races != null ? dev.blendbench.engine.race.Tracked.acquire(races, pool, sc.width(), sc.height())
                            : pool.acquireSurface(sc.width(), sc.height());
                    result = lease.surface();
                    renderer.render(sc, result);
                }
                default -> {
                    result = Surface.allocate(sc.width(), sc.height());
                    renderer.render(sc, result);
                }
            }
            long t1 = System.nanoTime();
            if (locking) stageNanos[s++] = waited;
            stageNanos[s++] = t1 - t0 - waited;
            try {
                if (encode) {
                    ImageFiles.encodePng(result);
                    stageNanos[s] = System.nanoTime() - t1;
                }
            } finally {
                if (lease != null) {
                    if (races != null) dev.blendbench.engine.race.Tracked.release(races, lease);
                    else lease.close();
                } else if (races != null && result != shared && result != own) {
                    races.forget(result); // this job's own canvas (alloc-per-job): nobody touches it again
                }
            }
        };
    }

    /** Takes {@code l} and returns how long that took, in nanoseconds. */
    private static long lockTimed(ReentrantLock l) {
        long w0 = System.nanoTime();
        l.lock();
        return System.nanoTime() - w0;
    }

    @Override
    public void close() {
        if (tileExecutor != null) tileExecutor.shutdownNow();
    }
}

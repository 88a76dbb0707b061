package dev.blendbench.engine.race;

import dev.blendbench.engine.stress.Ticker;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * Happens-before race detection on pixel rectangles.
 *
 * <p><b>Clocks.</b> Each actor (a thread, or a logical actor in tests) has a vector clock; each
 * synchronisation object has one too. A release (unlock, latch count-down, queue put, pool
 * release, task submission...) copies the actor's clock into the object's and advances the actor;
 * an acquire (lock, await, take, acquire, task start...) joins the object's clock into the
 * actor's. Fork and join order a parent and a child. An access by actor {@code t} is ordered after
 * an earlier access by {@code u} at clock {@code c} iff {@code c ≤ C_t[u]} (FastTrack's epoch test).
 *
 * <p><b>Shadow state.</b> Per backing array (so sub-views of one surface meet), per 512×16 tile, a
 * short list of earlier accesses with their exact rectangles (in the array's coordinates). An
 * access checks the entries of the tiles it overlaps and reports a race with every unordered,
 * intersecting one when either side writes. Then entries it makes redundant are dropped: an
 * earlier access ordered before this one and covered by it (within the tile) can no longer be
 * the only witness of a race — a write drops reads and writes, a read drops reads only. Sound and
 * complete for "does this access race with an earlier one" (checked against a per-pixel
 * brute-force vector-clock checker on random schedules).
 *
 * <p><b>Threads.</b> All methods are thread-safe: clock operations share one lock, each surface's
 * shadow has its own, findings another. Findings are de-duplicated per (surface, pair of code sites), counting the races and naming the threads of each; the listener
 * is called once per new finding, on the reporting thread, outside the lock.
 */
public final class RaceDetector {
    /**
     * Shadow tiles are wide bands, shaped like the renderer's tiles (whole rows, 16 high), so one
     * render tile's access touches a few shadow tiles rather than dozens.
     */
    static final int TILE_W = 512, TILE_H = 16;

    /** An actor whose accesses and synchronisation are tracked. */
    public static final class Actor {
        final int slot;
        final String name;
        final long id;
        final VectorClock vc = new VectorClock();
        final List<String> locks = new ArrayList<>();

        Actor(int slot, String name, long id) {
            this.slot = slot;
            this.name = name;
            this.id = id;
            vc.set(slot, 1);
        }

        public String name() { return name; }
    }

    /** An access in the shadow state; its {@link Access} (with names and stack) is built only for a finding. */
    private record Entry(int slot, int clock, Rect rect, boolean write, String thread, long threadId, List<String> locks,
                         List<StackTraceElement> site) {
        Access access() {
            return new Access(thread, threadId, write, rect, locks, site);
        }
    }

    /** Per backing array: a grid of tiles over the array seen as rows of {@code stride} pixels. */
    private static final class Shadow {
        String label;
        final int tilesX;
        final List<Entry>[] tiles;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Shadow(String label, int stride, int length) {
            this.label = label;
            this.tilesX = (stride + TILE_W - 1) / TILE_W;
            int rows = (length + stride - 1) / stride;
            this.tiles = new List[tilesX * ((rows + TILE_H - 1) / TILE_H)];
        }

        List<Entry> tile(int tx, int ty) {
            int i = ty * tilesX + tx;
            List<Entry> l = tiles[i];
            if (l == null) {
                l = new ArrayList<>(2);
                tiles[i] = l;
            }
            return l;
        }
    }

    private Shadow shadow(Surface s, String label) {
        Shadow sh = shadows.get(s.array());
        if (sh == null) {
            sh = new Shadow(label != null ? label : "surface@" + Integer.toHexString(System.identityHashCode(s.array())),
                    s.stride(), s.array().length);
            shadows.put(s.array(), sh);
        } else if (label != null) {
            sh.label = label;
        }
        return sh;
    }

    private final Ticker ticker;
    private final int stackDepth;
    private final Object lock = new Object();
    // Weak keys: threads, synchronisation objects and pixel arrays come and go during a long
    // session (alloc-per-job makes a canvas a job); their clocks and shadows go with them.
    // Arrays, threads and locks compare by identity; other sync objects by equals.
    private final Map<Thread, Actor> threads = new WeakHashMap<>();
    private final Map<Object, VectorClock> sync = new WeakHashMap<>();
    private final Map<int[], Shadow> shadows = new WeakHashMap<>();
    private final Map<String, Tally> findings = new LinkedHashMap<>();
    /** Every racing access counted in {@link #findings}; guarded by it. */
    private long racingAccesses;
    private volatile Consumer<Finding> listener = f -> { };
    private int nextSlot;

    public RaceDetector(Ticker ticker, int stackDepth) {
        this.ticker = ticker;
        this.stackDepth = stackDepth;
    }

    public RaceDetector() {
        this(Ticker.SYSTEM, 12);
    }

    /** Called once for each new finding (not for repeats). */
    public void onFinding(Consumer<Finding> l) {
        listener = l;
    }

    /** A logical actor, not tied to a thread (tests, simulations). */
    public Actor actor(String name) {
        synchronized (lock) {
            return new Actor(nextSlot++, name, -1);
        }
    }

    /** The actor of a thread (created on first use). */
    public Actor actor(Thread t) {
        synchronized (lock) {
            return threads.computeIfAbsent(t, k -> new Actor(nextSlot++, k.getName(), k.threadId()));
        }
    }

    public Actor current() {
        return actor(Thread.currentThread());
    }

    /** Names a surface in findings. */
    public void label(Surface s, String name) {
        synchronized (lock) {
            shadow(s, name);
        }
    }

    /**
     * Drops what is known of the accesses to {@code s}'s pixels: for a buffer its owner is done
     * with and that no thread will touch again (a per-job canvas after its job). Findings already
     * made stay. Without this a dropped buffer's shadow goes only when the collector clears the
     * weak key, and until then that key keeps young buffers alive across collections (a reference
     * from the old generation): under alloc-per-job, gigabytes of dead canvases and pauses near a
     * second.
     */
    public void forget(Surface s) {
        synchronized (lock) {
            shadows.remove(s.array());
        }
    }

    // ---------------------------------------------------------------- synchronisation

    /** Release semantics on {@code obj}: what the actor did so far happens-before a later acquire of it. */
    public void release(Actor a, Object obj) {
        synchronized (lock) {
            sync.computeIfAbsent(obj, k -> new VectorClock()).join(a.vc);
            a.vc.tick(a.slot);
        }
    }

    /** Acquire semantics on {@code obj}: the actor is now ordered after every earlier release of it. */
    public void acquire(Actor a, Object obj) {
        synchronized (lock) {
            VectorClock v = sync.get(obj);
            if (v != null) a.vc.join(v);
        }
    }

    /** A lock taken: acquire semantics, and the lock's name is kept for findings. */
    public void lock(Actor a, Object lockObj, String name) {
        acquire(a, lockObj);
        synchronized (lock) {
            a.locks.add(name);
        }
    }

    /** A lock given back: release semantics. */
    public void unlock(Actor a, Object lockObj, String name) {
        synchronized (lock) {
            a.locks.remove(name);
        }
        release(a, lockObj);
    }

    /** Everything the parent did so far happens-before everything the child does. */
    public void fork(Actor parent, Actor child) {
        synchronized (lock) {
            child.vc.join(parent.vc);
            parent.vc.tick(parent.slot);
        }
    }

    /** Everything the child did happens-before what the parent does next. */
    public void join(Actor parent, Actor child) {
        synchronized (lock) {
            parent.vc.join(child.vc);
            child.vc.tick(child.slot);
        }
    }

    // ---------------------------------------------------------------- accesses

    /** Records a read of {@code r} (in {@code s}'s coordinates); returns true if it races. */
    public boolean read(Actor a, Surface s, Rect r) {
        return access(a, s, r, false, site());
    }

    /** Records a write of {@code r}; returns true if it races. */
    public boolean write(Actor a, Surface s, Rect r) {
        return access(a, s, r, true, site());
    }

    /**
     * As {@link #read(Actor, Surface, Rect)} with a code site captured earlier by {@link #site()}:
     * a caller making many accesses for one request (a render's tiles) walks the stack once.
     */
    public boolean read(Actor a, Surface s, Rect r, List<StackTraceElement> site) {
        return access(a, s, r, false, site);
    }

    public boolean write(Actor a, Surface s, Rect r, List<StackTraceElement> site) {
        return access(a, s, r, true, site);
    }

    /**
     * A listener for {@link Surface#tracked}: each access through the surface's own methods is
     * recorded for the calling thread's actor.
     */
    public dev.blendbench.engine.surface.AccessListener listener() {
        return new dev.blendbench.engine.surface.AccessListener() {
            @Override
            public void read(Surface s, Rect r) {
                RaceDetector.this.read(current(), s, r);
            }

            @Override
            public void write(Surface s, Rect r) {
                RaceDetector.this.write(current(), s, r);
            }
        };
    }

    /** The caller's stack, as findings show it (the detector's and the renderer's frames left out). */
    public List<StackTraceElement> site() {
        return stack();
    }

    private boolean access(Actor a, Surface s, Rect r, boolean write, List<StackTraceElement> site) {
        Rect abs;
        if (s.offset() == 0 && r.x() >= 0 && r.y() >= 0 && r.right() <= s.width() && r.bottom() <= s.height()) {
            if (r.isEmpty()) return false;
            abs = r; // the common case: a whole-array surface, a rectangle inside it
        } else {
            Rect rect = r.intersect(s.bounds());
            if (rect.isEmpty()) return false;
            abs = rect.translate(s.offset() % s.stride(), s.offset() / s.stride());
        }
        Shadow sh;
        synchronized (lock) {
            sh = shadow(s, null);
        }
        List<Finding> fresh = null;
        boolean raced = false;
        // An actor's clock is changed only by its own thread, or by others before it starts (fork)
        // and after it ends (join): reading it here needs no lock. The shadow has its own.
        int clock = a.vc.get(a.slot);
        Entry mine = new Entry(a.slot, clock, abs, write, a.name, a.id, a.locks.isEmpty() ? List.of() : List.copyOf(a.locks), site);
        synchronized (sh) {
            java.util.Set<Entry> reported = null;
            int ax0 = abs.x(), ay0 = abs.y(), ax1 = abs.right(), ay1 = abs.bottom();
            for (int ty = ay0 / TILE_H; ty <= (ay1 - 1) / TILE_H; ty++) {
                for (int tx = ax0 / TILE_W; tx <= (ax1 - 1) / TILE_W; tx++) {
                    List<Entry> list = sh.tile(tx, ty);
                    // this access within the tile
                    int mx0 = Math.max(ax0, tx * TILE_W), my0 = Math.max(ay0, ty * TILE_H);
                    int mx1 = Math.min(ax1, (tx + 1) * TILE_W), my1 = Math.min(ay1, (ty + 1) * TILE_H);
                    for (int i = list.size() - 1; i >= 0; i--) {
                        Entry e = list.get(i);
                        Rect er = e.rect;
                        boolean ordered = e.slot == a.slot || e.clock <= a.vc.get(e.slot);
                        if (!ordered && (e.write || write) && er.x() < ax1 && ax0 < er.right() && er.y() < ay1 && ay0 < er.bottom()) {
                            raced = true;
                            if (reported == null) reported = Collections.newSetFromMap(new IdentityHashMap<>());
                            if (reported.add(e)) {
                                Finding f = record(sh.label, e, mine, er.intersect(abs));
                                if (f != null) {
                                    if (fresh == null) fresh = new ArrayList<>(1);
                                    fresh.add(f);
                                }
                            }
                        }
                        if (ordered && (write || !e.write)) {
                            // drop e if its part in this tile lies inside this access
                            int ex0 = Math.max(er.x(), tx * TILE_W), ey0 = Math.max(er.y(), ty * TILE_H);
                            int ex1 = Math.min(er.right(), (tx + 1) * TILE_W), ey1 = Math.min(er.bottom(), (ty + 1) * TILE_H);
                            if (ex0 >= mx0 && ey0 >= my0 && ex1 <= mx1 && ey1 <= my1) {
                                list.remove(i);
                            }
                        }
                    }
                    list.add(mine);
                }
            }
        }
        if (fresh == null) return raced;
        for (Finding f : fresh) {
            RaceEvent.commit(f);
            listener.accept(f);
        }
        return raced;
    }

    /** Counts the race; returns the finding if it is new. */
    private Finding record(String surface, Entry earlier, Entry later, Rect where) {
        String key = surface + "|" + siteKey(earlier.site) + "|" + siteKey(later.site) + "|" + earlier.write + later.write;
        synchronized (findings) {
            racingAccesses++;
            Tally t = findings.get(key);
            if (t != null) {
                t.count++;
                t.saw(earlier.thread);
                t.saw(later.thread);
                return null;
            }
            Finding f = new Finding(surface, earlier.access(), later.access(), where, ticker.nanoTime(), 1);
            findings.put(key, new Tally(f));
            return f;
        }
    }

    /** A finding's first pair, with the count and thread names of all its races since; guarded by {@code findings}. */
    private static final class Tally {
        final Finding first;
        final Set<String> threads = new HashSet<>();
        long count = 1;
        boolean moreThreads;

        Tally(Finding first) {
            this.first = first;
            threads.addAll(first.threads());
        }

        void saw(String thread) {
            if (threads.size() < Finding.MAX_THREADS) threads.add(thread);
            else if (!threads.contains(thread)) moreThreads = true;
        }

        Finding snapshot() {
            return new Finding(first.surface(), first.earlier(), first.later(), first.intersection(), first.firstSeenNanos(),
                    count, ThreadNames.sorted(threads), moreThreads);
        }
    }

    private static String siteKey(List<StackTraceElement> site) {
        return site.isEmpty() ? "?" : site.get(0).toString();
    }

    private List<StackTraceElement> stack() {
        if (stackDepth <= 0) return List.of();
        // the site is the code that asked for the access: skip the detector and the renderer
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("dev.blendbench.engine.race.")
                        && !f.getClassName().startsWith("dev.blendbench.engine.render.")
                        && !f.getClassName().startsWith("dev.blendbench.engine.surface."))
                .limit(stackDepth).map(StackWalker.StackFrame::toStackTraceElement).toList());
    }

    /** Racing accesses found so far: the sum of every finding's count, kept as they are counted. */
    public long racingAccesses() {
        synchronized (findings) {
            return racingAccesses;
        }
    }

    /** Every finding so far, first seen first, with repeat counts and every thread that took part. */
    public List<Finding> findings() {
        synchronized (findings) {
            return findings.values().stream().map(Tally::snapshot).toList();
        }
    }

    /**
     * An estimate of the shadow state's heap: per entry its record, rectangle and list slot
     * (~96 B), per surface its tile grid.
     */
    public long shadowBytes() {
        List<Shadow> all;
        synchronized (lock) {
            all = new ArrayList<>(shadows.values());
        }
        long bytes = 0;
        for (Shadow s : all) {
            synchronized (s) {
                bytes += 16L + 8L * s.tiles.length;
                for (List<Entry> l : s.tiles) if (l != null) bytes += 40 + 96L * l.size();
            }
        }
        return bytes;
    }

    /** Entries held in the shadow state (for memory reports). */
    public long shadowEntries() {
        List<Shadow> all;
        synchronized (lock) {
            all = new ArrayList<>(shadows.values());
        }
        long n = 0;
        for (Shadow s : all) {
            synchronized (s) {
                for (List<Entry> l : s.tiles) if (l != null) n += l.size();
            }
        }
        return n;
    }
}

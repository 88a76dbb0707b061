package dev.blendbench.engine.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    @Test
    void acquire_afterRelease_reusesBuffer() {
        BufferPool pool = BufferPool.create(64 << 20);
        BufferPool.Lease a = pool.acquire(1920 * 1080);
        int[] first = a.array();
        a.close();
        BufferPool.Lease b = pool.acquire(1920 * 1080);
        assertSame(first, b.array());
        assertEquals(1, pool.hits());
        assertEquals(1, pool.misses());
        assertTrue(b.array().length >= 1920 * 1080);
    }

    @Test
    void release_twice_throws() {
        BufferPool pool = BufferPool.create(1 << 20);
        BufferPool.Lease a = pool.acquire(100);
        a.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, a::close);
        assertTrue(e.getMessage().contains("twice"));
    }

    @Test
    void array_afterRelease_throws() {
        BufferPool pool = BufferPool.create(1 << 20);
        BufferPool.Lease a = pool.acquire(100);
        a.close();
        assertThrows(IllegalStateException.class, a::array);
        assertThrows(IllegalStateException.class, a::surface);
    }

    @Test
    void checkedPool_writeThroughStaleReference_isReportedOnNextAcquire() {
        BufferPool pool = new BufferPool(1 << 20, true);
        BufferPool.Lease a = pool.acquire(100);
        int[] stale = a.array();
        a.close();
        stale[42] = 7; // use after release
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.acquire(100));
        assertTrue(e.getMessage().contains("written after release"), e.getMessage());
    }

    @Test
    void release_beyondCapacity_dropsBuffer() {
        BufferPool pool = BufferPool.create(4 * 1024);
        BufferPool.Lease a = pool.acquire(1024);
        BufferPool.Lease b = pool.acquire(1024);
        a.close();
        b.close();
        assertEquals(4 * 1024, pool.retainedBytes());
        assertEquals(1, pool.dropped());
    }

    @Test
    void surfaceLease_reusedWithSameShape_givesTheSameViewWithFreshCoverage() {
        BufferPool pool = BufferPool.create(64 << 20);
        BufferPool.Lease a = pool.acquireSurface(100, 50);
        var first = a.surface();
        first.fill(0xFF000000);
        assertEquals(dev.blendbench.engine.surface.Coverage.OPAQUE, first.coverage().rowKind(0));
        a.close();
        BufferPool.Lease b = pool.acquireSurface(100, 50);
        var again = b.surface();
        assertSame(first, again);
        java.util.Arrays.fill(again.array(), 0);
        assertEquals(dev.blendbench.engine.surface.Coverage.TRANSPARENT, again.coverage().rowKind(0), "coverage recomputed");
        b.close();
    }

    @Test
    void surfaceLease_hasAskedSize() {
        BufferPool pool = BufferPool.create(64 << 20);
        try (BufferPool.Lease l = pool.acquireSurface(640, 480)) {
            assertEquals(640, l.surface().width());
            assertEquals(480, l.surface().height());
        }
    }

    @Test
    void concurrentAcquireRelease_neverHandsOneBufferToTwoHolders() throws Exception {
        BufferPool pool = new BufferPool(1 << 24, true);
        ConcurrentHashMap<int[], Boolean> inUse = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService ex = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            ex.submit(() -> {
                for (int i = 0; i < 5000; i++) {
                    BufferPool.Lease l = pool.acquire(256 + (i % 3) * 100);
                    if (inUse.putIfAbsent(l.array(), Boolean.TRUE) != null) conflicts.incrementAndGet();
                    inUse.remove(l.array());
                    l.close();
                }
                return null;
            });
        }
        ex.shutdown();
        assertTrue(ex.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(0, conflicts.get());
    }
}

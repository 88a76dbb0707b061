package dev.blendbench.jcstress.pool;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.blendbench.engine.pool.BufferPool;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two threads acquire from a pool that holds one buffer: one gets it, the other a new one; the
 * pool counts one hit and (with the buffer's first acquire) two misses.
 */
@JCStressTest
@Outcome(id = "1, 1, 2", expect = ACCEPTABLE, desc = "Each buffer lent once; hit and miss counts exact.")
@Outcome(expect = FORBIDDEN, desc = "One buffer lent to both threads, or a count lost an update.")
@State
public class LendsEachBufferOnce {
    private final BufferPool pool = BufferPool.create(1 << 20);
    private int[] first, second;

    public LendsEachBufferOnce() {
        pool.acquire(1000).close(); // the pool now holds one buffer
    }

    @Actor
    public void actor1() {
        first = pool.acquire(1000).array();
    }

    @Actor
    public void actor2() {
        second = pool.acquire(1000).array();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r1 = first != second ? 1 : 0;
        r.r2 = (int) pool.hits();
        r.r3 = (int) pool.misses();
    }
}

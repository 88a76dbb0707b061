package dev.blendbench.jcstress.pool;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.blendbench.engine.pool.BufferPool;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

/**
 * Two threads return a buffer each to a pool with room for exactly one: whatever the order, one
 * is kept and the other dropped, so the pool never retains more than its bound once both are done.
 */
@JCStressTest
@Outcome(id = "4096, 1", expect = ACCEPTABLE, desc = "One buffer of 4096 bytes kept, the other dropped.")
@Outcome(expect = FORBIDDEN, desc = "Both kept (over the bound), both dropped, or the accounting lost an update.")
@State
public class StaysWithinItsBound {
    private final BufferPool pool = BufferPool.create(4096);
    private final BufferPool.Lease a = pool.acquire(1024), b = pool.acquire(1024); // 1024 ints = 4096 bytes each

    @Actor
    public void actor1() {
        a.close();
    }

    @Actor
    public void actor2() {
        b.close();
    }

    @Arbiter
    public void arbiter(JJ_Result r) {
        r.r1 = pool.retainedBytes();
        r.r2 = pool.dropped();
    }
}

package dev.blendbench.jcstress.surface;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.blendbench.engine.surface.Coverage;
import dev.blendbench.engine.surface.Surface;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Two render threads ask a fresh layer for its coverage at once (the renderer's tiles do): the
 * lazily built, cached runs each sees are complete and right, whether one thread built them and
 * the other read the cache, or both built them.
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "Both threads see the full, correct runs.")
@Outcome(expect = FORBIDDEN, desc = "A thread saw runs partly built or of another surface state.")
@State
public class CoverageIsSafeToShare {
    private static final int W = 200, H = 3;
    /** The runs as a single thread builds them from the same pixels. */
    private static final String EXPECTED = describe(layer().coverage());

    private final Surface layer = layer();
    private Coverage seen1, seen2;

    /** Rows of transparent, opaque and mixed runs of 70, 64, 3 and 63 pixels. */
    static Surface layer() {
        Surface s = Surface.allocate(W, H);
        int[] a = s.array();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int c = (x + 40 * y) % W;
                a[y * W + x] = c < 70 ? 0 : c < 134 ? 0xFF336699 : c < 137 ? 0x80402010 : c < 200 ? 0xFF000000 | c : 0;
            }
        }
        return s;
    }

    static String describe(Coverage c) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < H; y++) {
            sb.append(c.rowKind(y)).append(':');
            for (int r = c.rowRunsStart(y); r < c.rowRunsEnd(y); r++) {
                sb.append(c.runKind(r)).append('@').append(c.runEnd(r)).append(' ');
            }
            sb.append('|');
        }
        return sb.toString();
    }

    @Actor
    public void tile1() {
        seen1 = layer.coverage();
    }

    @Actor
    public void tile2() {
        seen2 = layer.coverage();
    }

    @Arbiter
    public void arbiter(ZZ_Result r) {
        r.r1 = describe(seen1).equals(EXPECTED);
        r.r2 = describe(seen2).equals(EXPECTED);
    }
}

package dev.blendbench.engine.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoverageTest {

    @Test
    void runAt_findsTheRunHoldingEveryColumn_likeALinearScan() {
        SplittableRandom rnd = new SplittableRandom(11);
        Surface s = Surface.allocate(1000, 20);
        int[] p = s.array();
        for (int y = 0; y < 20; y++) {
            for (int b = 0; b < 1000; b += Coverage.BLOCK) {
                int kind = rnd.nextInt(3); // a block transparent, opaque or mixed
                for (int x = b; x < Math.min(1000, b + Coverage.BLOCK); x++) {
                    p[y * 1000 + x] = kind == 0 ? 0 : kind == 1 ? 0xFF102030 : (x % 2 == 0 ? 0x80101010 : 0xFF000000);
                }
            }
        }
        Coverage c = s.coverage();
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x <= 1000; x++) {
                int expected = c.rowRunsStart(y);
                while (expected < c.rowRunsEnd(y) && c.runEnd(expected) <= x) expected++;
                assertEquals(expected, c.runAt(y, x), "row " + y + " column " + x);
            }
        }
    }
}

package dev.blendbench.engine.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blendbench.engine.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoverageTest {

    @Test
    void runAt_findsTheRunHoldingEveryColumn_likeALinearScan() {
        SplittableRandom rnd = new SplittableRandom(11);
        Surface s = Surface.allocate(1000, 20);
        int[] p = s.array();
        for (int y = 0; y < 20; y++) {
            for (int b = 0; b < 1000; b += 64) {
                int kind = rnd.nextInt(3); // a block transparent, opaque or mixed
                for (int x = b; x < Math.min(1000, b + 64); x++) {
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

    /**
     * The oracle, pixel by pixel: the maximal spans of alpha 0 and of alpha 255 at least
     * {@link Coverage#MIN_SOLID} long (or filling the row) are the transparent and opaque runs,
     * with exact ends; everything between them is mixed, one run per gap.
     */
    static List<String> expectedRuns(Surface s, int y) {
        List<String> spans = new ArrayList<>();
        int w = s.width();
        for (int x = 0; x < w; ) {
            int kind = kind(s.getPixel(x, y));
            int e = x + 1;
            while (e < w && kind(s.getPixel(e, y)) == kind) e++;
            boolean solid = kind != Coverage.MIXED && (e - x >= Coverage.MIN_SOLID || (x == 0 && e == w));
            int k = solid ? kind : Coverage.MIXED;
            String last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && last.startsWith(k + "@")) {
                spans.set(spans.size() - 1, k + "@" + e);
            } else {
                spans.add(k + "@" + e);
            }
            x = e;
        }
        return spans;
    }

    private static int kind(int argb) {
        int a = argb >>> 24;
        return a == 0 ? Coverage.TRANSPARENT : a == 255 ? Coverage.OPAQUE : Coverage.MIXED;
    }

    static List<String> actualRuns(Coverage c, int y) {
        List<String> spans = new ArrayList<>();
        for (int r = c.rowRunsStart(y); r < c.rowRunsEnd(y); r++) spans.add(c.runKind(r) + "@" + c.runEnd(r));
        return spans;
    }

    @Test
    void runs_arePixelExact_likeAPixelByPixelScan() {
        // soft discs (long solid spans, rims), noise (solid spans of every short length), a sub-view
        Surface discs = TestImages.discs(613, 97, 9, 5);
        Surface noise = TestImages.random(300, 40, 6);
        Surface view = TestImages.discs(500, 120, 6, 7).subView(new Rect(37, 11, 401, 90));
        for (Surface s : List.of(discs, noise, view)) {
            Coverage c = s.coverage();
            for (int y = 0; y < s.height(); y++) {
                assertEquals(expectedRuns(s, y), actualRuns(c, y), s.width() + "x" + s.height() + " row " + y);
            }
        }
    }

    @Test
    void shortSolidSpans_foldIntoMixedRuns_butNarrowUniformRowsKeepTheirKind() {
        Surface s = Surface.allocate(200, 3);
        for (int x = 0; x < 200; x++) {
            // row 0: 10 transparent, 100 opaque, 5 transparent, 85 opaque (MIN_SOLID is 64)
            s.setPixel(x, 0, x < 10 || (x >= 110 && x < 115) ? 0 : 0xFF000000);
            s.setPixel(x, 1, 0); // row 1: all transparent
            s.setPixel(x, 2, x == 150 ? 0x80000000 : 0xFF000000); // row 2: one half-covered pixel
        }
        Coverage c = s.coverage();
        assertEquals(List.of("2@10", "1@110", "2@115", "1@200"), actualRuns(c, 0));
        assertEquals(List.of("0@200"), actualRuns(c, 1));
        assertEquals(List.of("1@150", "2@200"), actualRuns(c, 2), "the 49 opaque pixels after it are fewer than MIN_SOLID");
        Surface narrow = Surface.allocate(5, 1);
        assertEquals(List.of("0@5"), actualRuns(narrow.coverage(), 0), "a row narrower than MIN_SOLID");
    }
}

package dev.blendbench.engine.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageDiffTest {
    private static Surface noise(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) s.setPixel(x, y, Argb.premultiply(r.nextInt()));
        }
        return s;
    }

    private static Surface copy(Surface s) {
        Surface c = Surface.allocate(s.width(), s.height());
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) c.setPixel(x, y, s.getPixel(x, y));
        }
        return c;
    }

    @Test
    void identicalPictures_differNowhere_withAnInfinitePsnr() {
        Surface a = noise(37, 21, 1);
        ImageDiff d = ImageDiff.of(a, copy(a), 0);
        assertEquals(0, d.differing());
        assertEquals(0, d.max());
        assertEquals(-1, d.worstX());
        assertEquals(Double.POSITIVE_INFINITY, d.psnr());
        assertEquals(0.0, d.meanAbs());
        assertEquals(37 * 21, d.histogram()[0]);
        assertTrue(d.withinTolerance());
    }

    @Test
    void countsTheLargestChannelDifferenceOfEachPixel_andFindsTheFirstWorstOne() {
        Surface a = Surface.filled(10, 4, 0xFF204060), b = Surface.filled(10, 4, 0xFF204060);
        b.setPixel(2, 1, 0xFF214060); // red +1
        b.setPixel(7, 2, 0xFF204065); // blue +5
        b.setPixel(9, 3, 0xFA204060); // alpha −5 (still premultiplied: 0x20..0x60 ≤ 0xFA)
        ImageDiff d = ImageDiff.of(a, b, 1);
        assertEquals(3, d.differing());
        assertEquals(2, d.beyond());
        assertEquals(5, d.max());
        assertEquals(7, d.worstX(), "the first pixel of the largest difference, row by row");
        assertEquals(2, d.worstY());
        assertEquals(0xFF204060, d.worstA());
        assertEquals(0xFF204065, d.worstB());
        assertArrayEquals(new long[] {37, 1, 0, 0, 2, 0, 0, 0, 0}, d.histogram());
        double channels = 4.0 * 40;
        assertEquals(11 / channels, d.meanAbs(), 1e-12);
        assertEquals(10 * Math.log10(255.0 * 255 / (51 / channels)), d.psnr(), 1e-9);
        assertFalse(d.withinTolerance());
        assertTrue(ImageDiff.of(a, b, 5).withinTolerance());
    }

    @Test
    void premultipliedChannels_soAFaintPixelsColourCountsAsLittleAsItShows() {
        // straight red against straight blue at alpha 1: premultiplied, 0 or 1 level apart
        Surface a = Surface.filled(3, 3, Argb.premultiply(0x01FF0000)), b = Surface.filled(3, 3, Argb.premultiply(0x010000FF));
        assertTrue(ImageDiff.of(a, b, 0).max() <= 1);
        // a transparent pixel is 0 whatever colour it had
        assertEquals(0, ImageDiff.of(Surface.filled(3, 3, Argb.premultiply(0x00FF0000)), Surface.allocate(3, 3), 0).max());
    }

    @Test
    void everyDifference_fallsInTheBucketThatHoldsIt() {
        for (int d = 0; d <= 255; d++) {
            int[] range = ImageDiff.BUCKETS.get(ImageDiff.bucket(d));
            assertTrue(range[0] <= d && d <= range[1], d + " in " + range[0] + "-" + range[1]);
        }
        assertEquals(0, ImageDiff.BUCKETS.getFirst()[0]);
        assertEquals(255, ImageDiff.BUCKETS.getLast()[1]);
        for (int i = 1; i < ImageDiff.BUCKETS.size(); i++) {
            assertEquals(ImageDiff.BUCKETS.get(i - 1)[1] + 1, ImageDiff.BUCKETS.get(i)[0], "buckets meet without a gap");
        }
    }

    @Test
    void differentSizes_orAToleranceOutOfRange_areRefused() {
        Surface a = Surface.allocate(4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageDiff.of(a, Surface.allocate(4, 5), 0));
        assertEquals("sizes differ: 4x4 and 4x5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageDiff.heatMap(a, Surface.allocate(5, 4), 0));
        assertThrows(IllegalArgumentException.class, () -> ImageDiff.of(a, a, -1));
        assertThrows(IllegalArgumentException.class, () -> ImageDiff.of(a, a, 256));
    }

    @Test
    void theHeatMap_isGreyWhereEqual_orangeWithinTheTolerance_andRedBeyond_strongerForMore() {
        Surface a = Surface.filled(4, 1, 0xFF808080), b = Surface.filled(4, 1, 0xFF808080);
        b.setPixel(1, 0, 0xFF818080);
        b.setPixel(2, 0, 0xFF8A8080);
        b.setPixel(3, 0, 0xFFFF8080);
        Surface h = ImageDiff.heatMap(a, b, 1);
        int equal = h.getPixel(0, 0), within = h.getPixel(1, 0), some = h.getPixel(2, 0), lots = h.getPixel(3, 0);
        assertEquals(255, Argb.alpha(equal));
        assertTrue(Argb.red(equal) == Argb.green(equal) && Argb.green(equal) == Argb.blue(equal) && Argb.red(equal) >= 200, Argb.toHex(equal));
        assertTrue(Argb.red(within) == 255 && Argb.green(within) > Argb.blue(within), Argb.toHex(within));
        assertTrue(Argb.red(some) > 2 * Argb.green(some), Argb.toHex(some));
        assertTrue(Argb.green(lots) < Argb.green(some), "more red for a larger difference: " + Argb.toHex(lots) + " " + Argb.toHex(some));
        assertEquals(0, Argb.green(lots));
    }

    @Test
    void theHistogram_isACopy() {
        ImageDiff d = ImageDiff.of(Surface.allocate(2, 2), Surface.allocate(2, 2), 0);
        d.histogram()[0] = 99;
        assertEquals(4, d.histogram()[0]);
    }
}

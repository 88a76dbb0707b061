package dev.blendbench.engine.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    /** Log-normal body around 1 ms and a rare tail of 300–700 ms: a lock that passes a worker over. */
    private static Histogram bodyAndTail() {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) h.recordValue((long) (1e6 * Math.exp(0.3 * r.nextGaussian())));
        for (int i = 0; i < 40; i++) h.recordValue(300_000_000L + r.nextLong(400_000_000L));
        return h;
    }

    @Test
    void distribution_givesHdrHistogramsValueAtEachOfItsPercentiles() {
        Histogram h = bodyAndTail();
        List<PercentilePoint> d = Percentiles.distribution(h);
        for (PercentilePoint p : d) {
            assertTrue(h.valuesAreEquivalent(h.getValueAtPercentile(p.percentile()), p.nanos()),
                    "at " + p.percentile() + " %: " + p.nanos() + " against " + h.getValueAtPercentile(p.percentile()));
        }
    }

    @Test
    void distribution_risesFromTheFastestJobToTheSlowest_throughTheTail() {
        Histogram h = bodyAndTail();
        List<PercentilePoint> d = Percentiles.distribution(h);
        assertEquals(0, d.getFirst().percentile());
        assertTrue(h.valuesAreEquivalent(h.getMinValue(), d.getFirst().nanos()), "starts at the fastest job");
        assertEquals(100, d.getLast().percentile());
        assertEquals(h.getMaxValue(), d.getLast().nanos(), "ends at the slowest job");
        for (int i = 1; i < d.size(); i++) {
            assertTrue(d.get(i).percentile() >= d.get(i - 1).percentile() && d.get(i).nanos() >= d.get(i - 1).nanos(),
                    "rises at " + i + ": " + d.get(i - 1) + " then " + d.get(i));
        }
        // 40 of 50,040 jobs (0.08 %) are in the tail: points beyond 99.92 % show it, points before 99.9 % do not
        assertTrue(d.stream().anyMatch(p -> p.percentile() > 99.92 && p.percentile() < 100 && p.nanos() >= 300_000_000L), d.toString());
        assertTrue(d.stream().filter(p -> p.percentile() <= 99.9).allMatch(p -> p.nanos() < 10_000_000L), d.toString());
        // five points a halving of the distance to 100 %: about a hundred, not the histogram's thousands of buckets
        assertTrue(d.size() > 50 && d.size() < 200, d.size() + " points");
    }

    @Test
    void distribution_ofAnEmptyHistogram_isEmpty() {
        assertTrue(Percentiles.distribution(new Histogram(1_000_000L, 3)).isEmpty());
    }
}

package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.blendbench.app.report.Session.Interval;
import dev.blendbench.app.report.Session.Stats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortIntervalsTest {
    private static Interval at(double end, double throughput, double p99) {
        Stats l = new Stats(Math.round(throughput / 10), p99 / 2, p99 / 4, p99 / 2, p99 / 1.5, p99, p99, p99);
        return new Interval(end, throughput, l, l, throughput / 100, 0, 0, -1, Double.NaN);
    }

    @Test
    void aLastIntervalCutShort_isFoldedIntoTheOneBefore_itsRatesWeightedByLength() {
        // 100 ms intervals at 500 jobs/s, then 5 ms in which one job ended: 200 jobs/s there, a fall that never happened
        List<Interval> all = new ArrayList<>();
        for (int k = 1; k <= 10; k++) all.add(at(0.1 * k, 500, 8));
        all.add(at(1.005, 200, 3));
        List<Interval> f = ShortIntervals.folded(all);
        assertEquals(10, f.size());
        Interval last = f.get(9);
        assertEquals(1.005, last.endSeconds(), 1e-12, "it ends where the short one ended");
        assertEquals((500 * 0.1 + 200 * 0.005) / 0.105, last.throughput(), 1e-9);
        assertEquals((5.0 * 0.1 + 2.0 * 0.005) / 0.105, last.allocationMBps(), 1e-9);
        assertEquals(8, last.latency().p99(), 1e-12, "the worse of the two");
        assertEquals(50 + 20, last.latency().count());
        assertSame(all.get(3), f.get(3), "the others stay as they are");
    }

    @Test
    void aRampsStepsEachFoldTheirOwnLastInterval_andFullOnesStay() {
        List<Interval> all = new ArrayList<>();
        for (int k = 1; k <= 3; k++) all.add(at(0.1 * k, 100, 5));
        all.add(at(0.32, 40, 5)); // step 1 ends 20 ms in
        for (int k = 1; k <= 3; k++) all.add(at(0.32 + 0.1 * k, 300, 5)); // step 2 continues the clock
        all.add(at(0.62 + 0.06, 300, 5)); // 60 ms: over half an interval, kept
        List<Interval> f = ShortIntervals.folded(all);
        assertEquals(List.of(0.1, 0.2, 0.32, 0.42, 0.52, 0.62, 0.68), f.stream().map(i -> Math.round(i.endSeconds() * 100) / 100.0).toList());
        assertEquals((100 * 0.1 + 40 * 0.02) / 0.12, f.get(2).throughput(), 1e-9);
        assertEquals(300, f.get(6).throughput(), 1e-9);
    }

    @Test
    void nothingShort_nothingChanges() {
        List<Interval> all = List.of(at(0.1, 1, 1), at(0.2, 2, 2), at(0.3, 3, 3));
        assertEquals(all, ShortIntervals.folded(all));
        assertEquals(List.of(), ShortIntervals.folded(List.of()));
    }
}

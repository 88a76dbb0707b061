package dev.blendbench.engine.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Every interval holds the same jobs in all its figures, however the swaps fall between the jobs. */
class JobRecorderTest {
    @Test
    void eachIntervalHoldsTheSameJobs_inLatencyServiceAndEveryStage() throws InterruptedException {
        JobRecorder r = new JobRecorder(2, 3_600_000_000_000L);
        AtomicBoolean stop = new AtomicBoolean();
        int writers = 4;
        long[] recorded = new long[writers];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int me = w;
            threads.add(Thread.ofPlatform().start(() -> {
                long[] stages = new long[2];
                for (long v = 1; !stop.get(); v++) {
                    stages[0] = v;
                    stages[1] = v;
                    r.record(v, v, stages); // the same value in every figure of one job
                    recorded[me]++;
                }
            }));
        }
        long seen = 0;
        int intervals = 0;
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until || intervals < 200) {
            Histogram[] h = r.interval();
            intervals++;
            long n = h[0].getTotalCount();
            for (int k = 1; k < h.length; k++) {
                assertEquals(n, h[k].getTotalCount(), "interval " + intervals + ": figure " + k + " holds other jobs");
                assertEquals(h[0].getMaxValue(), h[k].getMaxValue(), "interval " + intervals + ": figure " + k);
            }
            seen += n;
            if (intervals % 50 == 0) Thread.onSpinWait();
        }
        stop.set(true);
        for (Thread t : threads) t.join();
        seen += r.interval()[0].getTotalCount();
        long total = 0;
        for (long c : recorded) total += c;
        assertEquals(total, seen, "every job in exactly one interval");
    }

    @Test
    void valuesOutsideTheRange_areClamped_notLostOrThrown() {
        JobRecorder r = new JobRecorder(1, 1_000_000L);
        r.record(-5, 5_000_000L, new long[] {7});
        Histogram[] h = r.interval();
        assertEquals(0, h[0].getMaxValue());
        assertEquals(1_000_000L, h[1].getMaxValue(), 1_000_000L * 1e-3);
        assertEquals(1, h[2].getTotalCount());
        assertEquals(0, r.interval()[0].getTotalCount(), "an interval is not counted twice");
    }
}

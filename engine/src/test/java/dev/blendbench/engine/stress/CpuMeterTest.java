package dev.blendbench.engine.stress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The CPU time of the workload's process and of the machine, and what an interval makes of them. */
class CpuMeterTest {
    /** A meter of two CPUs whose counters the test sets. */
    private static final class Fake {
        final AtomicLong process = new AtomicLong();
        final AtomicReference<String> stat = new AtomicReference<>();
        final CpuMeter meter = new CpuMeter(process::get, stat::get, 2);

        CpuMeter.Reading at(long wallNanos, long processNanos, String statLine) {
            process.set(processNanos);
            stat.set(statLine);
            return meter.read(wallNanos);
        }
    }

    @Test
    void anInterval_givesTheWorkloadsCores_theOtherProcessesBusyCores_andSteal() {
        Fake f = new Fake();
        // 100 ms on two CPUs: 20 ticks; the process used 150 ms of CPU time
        CpuMeter.Reading a = f.at(0, 1_000_000_000L, "cpu  1000 0 200 5000 10 0 5 40 0 0");
        CpuMeter.Reading b = f.at(100_000_000L, 1_150_000_000L, "cpu  1014 1 203 5001 10 0 5 41 0 0");
        CpuUse c = f.meter.between(a, b);
        assertEquals(1.5, c.workloadCores(), 1e-12);
        assertEquals((14 + 1 + 3) / 10.0 - 1.5, c.otherCores(), 1e-12, "busy ticks 18 of 20 on 2 CPUs: 1.8 cores, less the workload's");
        assertEquals(0.1, c.stealCores(), 1e-12);
        assertEquals(2, c.machineCores());
        assertTrue(c.machineKnown());
    }

    @Test
    void otherProcesses_neverGoBelowZero_whenTheTicksRoundUnderTheProcesssOwnTime() {
        Fake f = new Fake();
        CpuMeter.Reading a = f.at(0, 0, "cpu  0 0 0 0 0 0 0 0");
        CpuMeter.Reading b = f.at(100_000_000L, 190_000_000L, "cpu  17 0 1 2 0 0 0 0"); // 1.8 busy, 1.9 the process's
        assertEquals(0, f.meter.between(a, b).otherCores());
    }

    @Test
    void withoutProcStat_theWorkloadsCoresAreStillKnown_theMachinesAreNot() {
        CpuMeter m = new CpuMeter(new AtomicLong(0)::getAndIncrement, () -> null, 0);
        CpuMeter.Reading a = new CpuMeter.Reading(0, 0, null), b = new CpuMeter.Reading(1_000_000_000L, 500_000_000L, null);
        CpuUse c = m.between(a, b);
        assertEquals(0.5, c.workloadCores(), 1e-12);
        assertTrue(Double.isNaN(c.otherCores()) && Double.isNaN(c.stealCores()));
        assertFalse(c.machineKnown());
        assertNull(m.read(5).ticks(), "a meter without CPUs does not read the machine's counters");
    }

    @Test
    void countersThatGoBack_noTickInBetween_orNoTimeAtAll_makeTheMachinesFiguresUnknown() {
        Fake f = new Fake();
        CpuMeter.Reading a = f.at(0, 0, "cpu  100 0 0 100 0 0 0 0");
        CpuUse back = f.meter.between(a, f.at(100_000_000L, 0, "cpu  90 0 0 130 0 0 0 0"));
        assertTrue(Double.isNaN(back.otherCores()), "a counter went back (a wrapped or reset counter)");
        CpuUse still = f.meter.between(a, f.at(1_000_000L, 0, "cpu  100 0 0 100 0 0 0 0"));
        assertTrue(Double.isNaN(still.otherCores()) && Double.isNaN(still.stealCores()), "1 ms: not a tick");
        assertEquals(0, still.workloadCores());
        assertEquals(CpuUse.UNKNOWN, f.meter.between(a, a));
        CpuUse noProcess = f.meter.between(a, f.at(100_000_000L, -1, "cpu  110 0 0 110 0 0 0 0"));
        assertTrue(Double.isNaN(noProcess.workloadCores()) && Double.isNaN(noProcess.otherCores()), "no process time: no other processes' either");
        assertEquals(0, noProcess.stealCores());
    }

    @Test
    void procStatsAggregateLine_isReadField_byField_andAnythingElseIsNoReading() {
        assertArrayEquals(new long[] {3536474, 57, 743023, 7488735, 3316, 0, 1856, 1091},
                CpuMeter.ticks("cpu  3536474 57 743023 7488735 3316 0 1856 1091 0 0"));
        assertArrayEquals(new long[] {1, 2, 3, 4, 0, 0, 0, 0}, CpuMeter.ticks("cpu 1 2 3 4"), "an old kernel: no iowait, irq or steal");
        for (String hostile : new String[] {null, "", "cpu", "cpu ", "cpu0 1 2 3 4 5 6 7 8", "intr 1 2 3", "cpu  1 2 3",
                "cpu  1 2 x 4 5 6 7 8", "cpu  1 2 -3 4 5 6 7 8", "cpu  99999999999999999999 0 0 0", "cpu  1.5 2 3 4",
                "cpu\t1 2 3 4 5"}) {
            assertNull(CpuMeter.ticks(hostile), String.valueOf(hostile));
        }
    }

    @Test
    void onThisMachine_aThreadSpinning_showsInTheProcesssCores() {
        CpuMeter m = CpuMeter.system();
        CpuMeter.Reading a = m.read(System.nanoTime());
        long end = System.nanoTime() + 200_000_000L, x = 0;
        while (System.nanoTime() < end) x += Long.numberOfTrailingZeros(x + 1);
        CpuUse c = m.between(a, m.read(System.nanoTime()));
        // a third of a core or so on a machine busy with other work; more than nothing anywhere
        assertTrue(c.workloadCores() > 0.05, "spun one core for 200 ms: " + c + " " + x);
        if (m.cpus() > 0) { // Linux: the machine's side too
            assertTrue(c.machineKnown() && c.otherCores() >= 0 && c.stealCores() >= 0, c.toString());
        }
    }

    @Test
    void theMeanOfIntervals_weighsEachByItsLength_figureByFigure_overThoseThatKnowIt() {
        CpuUse a = new CpuUse(1, 0.5, 0, 2), b = new CpuUse(2, Double.NaN, 0.2, 2);
        CpuUse m = CpuUse.mean(List.of(a, b), new double[] {0.1, 0.3});
        assertEquals((1 * 0.1 + 2 * 0.3) / 0.4, m.workloadCores(), 1e-12);
        assertEquals(0.5, m.otherCores(), 1e-12, "only a knows it");
        assertEquals(0.15, m.stealCores(), 1e-12);
        assertEquals(2, m.machineCores());
        assertEquals(CpuUse.UNKNOWN, CpuUse.mean(List.of(), new double[0]));
    }

    @Test
    void aSession_reportsTheCpuItsProcessUsed_overTheWholePhase_andInEachInterval() throws InterruptedException {
        StressReport r = StressSessionTest.synthetic("const:2ms:spin", new LoadModel.Closed(1, Duration.ZERO), Duration.ofMillis(600));
        assertTrue(r.cpu().workloadCores() > 0.05, "one worker spinning: " + r.cpu());
        // the process's CPU time moves in 10 ms ticks: an interval in which a busy machine gave the worker
        // less than one reads 0, so most intervals, not each, show it
        List<Double> each = r.intervals().stream().filter(i -> i.lengthNanos() >= 50_000_000L).map(i -> i.cpu().workloadCores()).toList();
        assertTrue(each.stream().filter(v -> v > 0).count() * 2 > each.size(), "the full intervals: " + each);
    }
}

package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    /**
     * What a progress line may end with on a machine where other work took a tenth of it or more
     * (the tests' own machine, busy): a test that matches a line to its end allows it.
     */
    static final String OTHER_LOAD = "(  other load \\d+\\.\\d+ cores)?";
    /** Likewise for a ramp step's or cliff rate's line: " (other processes used 0.87 of the machine's 2 cores)". */
    static final String OTHER_PROCESSES = "( \\((other processes used|the hypervisor took) .*\\))?";

    /** The jobs an interval of {@code seconds} at {@code perSecond} holds. */
    private static long jobs(double perSecond, double seconds) {
        return Math.round(perSecond * seconds);
    }

    private static List<String> lines(StringWriter w) {
        return w.toString().lines().toList();
    }

    @Test
    void aLine_summarisesTheSecondOfIntervalsBeforeIt() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false);
        for (int i = 1; i <= 10; i++) {
            // 100 ms intervals: 50 jobs/s except one of 150; allocation only in the fourth; one GC in the seventh
            p.add(i * 0.1, 0.1, i == 5 ? 150 : 50, jobs(i == 5 ? 150 : 50, 0.1), i == 3 ? 9.0 : 2.0, i == 3 ? 12.0 : 3.0, i == 4 ? 500 : 0, i == 7 ? 1 : 0, -1);
        }
        List<String> l = lines(w);
        assertEquals(1, l.size(), w.toString());
        assertEquals("   1.0s      60.0 jobs/s  p99     9.000 ms  max    12.000 ms  alloc    50.0 MB/s  gc 1", l.get(0));
    }

    @Test
    void aWindowInWhichOtherWorkTookATenthOfTheMachine_saysHowManyCores_andAQuietOneSaysNothing() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false);
        for (int i = 1; i <= 20; i++) {
            // the first second quiet (0.1 of 2 cores), the second crowded: 0.5 other and 0.1 steal, half of it unknown
            var cpu = i <= 10 ? new dev.blendbench.engine.stress.CpuUse(1.8, 0.1, 0, 2)
                    : i % 2 == 0 ? new dev.blendbench.engine.stress.CpuUse(1.4, 0.5, 0.1, 2) : dev.blendbench.engine.stress.CpuUse.UNKNOWN;
            p.cpu(cpu, 0.1);
            p.add(i * 0.1, 0.1, 50, jobs(50, 0.1), 2.0, 3.0, 0, 0, -1);
        }
        List<String> l = lines(w);
        assertEquals(2, l.size(), w.toString());
        assertFalse(l.get(0).contains("other load"), l.get(0));
        assertTrue(l.get(1).endsWith("gc 0  other load 0.60 cores"), l.get(1));
    }

    @Test
    void aWindowWithoutJobs_showsDashesNotZeros_andTheRestIsPrintedAtTheEnd() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false);
        for (int i = 1; i <= 10; i++) p.add(i * 0.1, 0.1, 0, 0, 0, 0, 20, 0, -1);
        p.add(1.1, 0.1, 10, jobs(10, 0.1), 4.0, 4.5, 0, 0, -1);
        p.add(1.2, 0.1, 30, jobs(30, 0.1), 5.0, 6.0, 0, 0, -1);
        p.finish();
        List<String> l = lines(w);
        assertEquals(2, l.size(), w.toString());
        assertTrue(l.get(0).contains("0.0 jobs/s  p99         — ms  max         — ms  alloc    20.0 MB/s"), l.get(0));
        assertEquals("   1.2s      20.0 jobs/s  p99     5.000 ms  max     6.000 ms  alloc     0.0 MB/s  gc 0", l.get(1));
    }

    @Test
    void withTheRaceDetector_eachLineSaysHowManyRacingAccessesASecondItFound_zeroIncluded() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false);
        for (int i = 1; i <= 20; i++) {
            p.racing(i <= 10 ? 250 : 0); // 2,500 a second, then none (a strategy that locks, say)
            p.add(i * 0.1, 0.1, 50, jobs(50, 0.1), 2.0, 3.0, 0, 0, -1);
        }
        List<String> l = lines(w);
        assertEquals(2, l.size(), w.toString());
        assertTrue(l.get(0).endsWith("gc 0  races 2,500/s"), l.get(0));
        assertTrue(l.get(1).endsWith("gc 0  races 0/s"), "said as 0 while the detector watches: " + l.get(1));
        StringWriter off = new StringWriter();
        ProgressLine q = new ProgressLine(new PrintWriter(off), false);
        for (int i = 1; i <= 10; i++) {
            q.racing(-1);
            q.add(i * 0.1, 0.1, 50, jobs(50, 0.1), 2.0, 3.0, 0, 0, -1);
        }
        assertFalse(off.toString().contains("races"), "not said where the detector is off: " + off);
    }

    @Test
    void aLastSliverOfAFewMilliseconds_isNoLineOfItsOwn_butASessionShorterThanOneIs() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false);
        for (int i = 1; i <= 10; i++) p.add(i * 0.1, 0.1, 500, jobs(500, 0.1), 2.0, 3.0, 0, 0, -1);
        p.add(1.004, 0.004, 250, 1, 2.0, 2.0, 0, 0, -1); // one job in 4 ms: "250 jobs/s"
        p.finish();
        assertEquals(List.of("   1.0s     500.0 jobs/s  p99     2.000 ms  max     3.000 ms  alloc     0.0 MB/s  gc 0"), lines(w));
        StringWriter v = new StringWriter();
        ProgressLine q = new ProgressLine(new PrintWriter(v), false);
        q.add(0.03, 0.03, 100, 3, 2.0, 2.0, 0, 0, -1);
        q.finish();
        assertEquals(1, lines(v).size(), "30 ms measured in all: its only line");
    }

    @Test
    void intervalsInWhichOnlyWarmUpJobsEnded_countInTheRate_butHaveNoPercentiles() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false);
        for (int i = 1; i <= 10; i++) p.add(i * 0.1, 0.1, 1500, 0, 0, 0, 0, 0, -1); // the warm-up's backlog draining
        assertEquals("   1.0s    1500.0 jobs/s  p99         — ms  max         — ms  alloc     0.0 MB/s  gc 0", lines(w).get(0));
    }

    @Test
    void aWarmUpUntilSteady_countsItsLinesUpFromItsStart_andMeasuringFromZero() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false).warmupCountsUp(true);
        // its end not known ahead: its intervals end before the latest start of measuring, 30 s away
        for (int i = 1; i <= 20; i++) p.add(-30 + i * 0.1, 0.1, 100, jobs(100, 0.1), 1.0, 1.0, 0, 0, -1);
        for (int i = 1; i <= 10; i++) p.add(i * 0.1, 0.1, 100, jobs(100, 0.1), 1.0, 1.0, 0, 0, -1);
        p.finish();
        List<String> l = lines(w);
        assertTrue(l.get(0).startsWith("   1.0s") && l.get(0).endsWith("warm-up"), l.get(0));
        assertTrue(l.get(1).startsWith("   2.0s") && l.get(1).endsWith("warm-up"), l.get(1));
        assertTrue(l.get(2).startsWith("   1.0s") && !l.get(2).endsWith("warm-up"), l.get(2));
    }

    @Test
    void anOpenLoop_saysHowBusyItsWorkersWere_fromTheServiceTimeOfTheJobsThatEnded() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false).busyOf(2);
        // 30 jobs of 5 ms ending in each 100 ms: 0.15 s of work a 0.1 s on 2 workers, 75 % busy
        for (int i = 1; i <= 10; i++) p.add(i * 0.1, 0.1, 300, jobs(300, 0.1), 9.0, 9.0, 0, 0, -1, 5.0);
        assertEquals("   1.0s     300.0 jobs/s  p99     9.000 ms  max     9.000 ms  alloc     0.0 MB/s  gc 0  busy  75 %", lines(w).get(0));
        StringWriter closed = new StringWriter();
        ProgressLine c = new ProgressLine(new PrintWriter(closed), false);
        for (int i = 1; i <= 10; i++) c.add(i * 0.1, 0.1, 300, jobs(300, 0.1), 9.0, 9.0, 0, 0, -1, 5.0);
        assertFalse(lines(closed).get(0).contains("busy"), "a closed loop's workers are always busy: " + lines(closed).get(0));
        // the warm-up's backlog ending: no measured job, so no service time of its own, but work all the same
        StringWriter backlog = new StringWriter();
        ProgressLine b = new ProgressLine(new PrintWriter(backlog), false).busyOf(2);
        b.add(0.1, 0.1, 300, jobs(300, 0.1), 9.0, 9.0, 0, 0, -1, 5.0);
        for (int i = 2; i <= 10; i++) b.add(i * 0.1, 0.1, 300, 0, 0, 0, 0, 0, -1, Double.NaN);
        assertTrue(lines(backlog).get(0).endsWith("busy  75 %"), lines(backlog).get(0));
    }

    @Test
    void anOpenLoopFallingBehind_saysHowLongTheOldestQueuedJobHasWaited() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false).arrivalsEndAt(5);
        for (int i = 1; i <= 10; i++) p.add(i * 0.1, 0.1, 100, jobs(100, 0.1), 1.0, 1.0, 0, 0, 0); // keeping up
        for (int i = 11; i <= 20; i++) p.add(i * 0.1, 0.1, 100, jobs(100, 0.1), 1.0, 1.0, 0, 0, (i - 10) * 90.0); // behind
        for (int i = 21; i <= 30; i++) p.add(i * 0.1, 0.1, 100, jobs(100, 0.1), 1.0, 1.0, 0, 0, 1500.0 + (i - 20) * 100);
        List<String> l = lines(w);
        assertTrue(l.get(0).endsWith("gc 0"), l.get(0));
        assertTrue(l.get(1).endsWith("gc 0  oldest waiting 900.0 ms"), l.get(1));
        assertTrue(l.get(2).endsWith("gc 0  oldest waiting 2.50 s"), l.get(2));
    }

    @Test
    void linesAfterTheArrivalsStop_sayTheBacklogIsDraining_butNotTheLastJobsSliver() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false).arrivalsEndAt(1.0);
        for (int i = 1; i <= 20; i++) p.add(i * 0.1, 0.1, 100, jobs(100, 0.1), 1.0, 1.0, 0, 0, -1);
        p.add(2.005, 0.005, 200, jobs(200, 0.005), 1.0, 1.0, 0, 0, -1);
        p.finish();
        List<String> l = lines(w);
        assertEquals(2, l.size(), "the last 5 ms are no line of their own: " + w);
        assertTrue(!l.get(0).contains("draining") && l.get(1).endsWith("gc 0  draining the backlog"), w.toString());
        StringWriter closed = new StringWriter();
        ProgressLine c = new ProgressLine(new PrintWriter(closed), false); // a closed loop: never
        for (int i = 1; i <= 20; i++) c.add(i * 0.1, 0.1, 100, jobs(100, 0.1), 1.0, 1.0, 0, 0, -1);
        assertTrue(!closed.toString().contains("draining"), closed.toString());
    }

    @Test
    void aNewStep_timeStartingAgain_printsTheRestOfTheLastOneFirst() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false);
        for (int i = 1; i <= 15; i++) p.add(i * 0.1, 0.1, 100, jobs(100, 0.1), 1.0, 1.0, 0, 0, -1);
        p.finish(); // the step's results come next
        p.finish();
        for (int i = 1; i <= 10; i++) p.add(i * 0.1, 0.1, 300, jobs(300, 0.1), 2.0, 2.0, 0, 0, -1);
        List<String> l = lines(w);
        assertEquals(3, l.size(), w.toString());
        assertTrue(l.get(0).startsWith("   1.0s     100.0 jobs/s"), l.get(0));
        assertTrue(l.get(1).startsWith("   1.5s     100.0 jobs/s"), l.get(1));
        assertTrue(l.get(2).startsWith("   1.0s     300.0 jobs/s"), l.get(2));
    }
}

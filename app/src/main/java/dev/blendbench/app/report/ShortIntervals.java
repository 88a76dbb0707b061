package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.Interval;
import dev.blendbench.engine.stress.CpuUse;
import java.util.ArrayList;
import java.util.List;

/**
 * Intervals cut short. Measuring ends between two interval ticks, so a session's (and each ramp
 * step's) last interval lasts only what was left: a few milliseconds of a 100 ms interval. Its
 * rates come from a job or two, so a chart of them falls or jumps at its right edge although
 * nothing changed there. Charts fold such an interval into the one before it; the files keep it.
 */
public final class ShortIntervals {
    private ShortIntervals() {}

    /** Whether an interval of {@code length} seconds after one of {@code previousLength} is short enough to fold: under half of it. */
    public static boolean isShort(double length, double previousLength) {
        return length < previousLength / 2;
    }

    /**
     * {@code a} then {@code b} as one interval that ends where {@code b} ends: throughput and
     * allocation rate weighted by length, the latency and service figures the worst of the two
     * (their counts summed, as {@link ReportCharts} merges a long session's points), GCs and
     * pauses summed, the heap after GC the last known, the oldest wait the longer, racing accesses
     * summed, the CPU's use weighted by length.
     */
    public static Interval fold(Interval a, double aLength, Interval b, double bLength) {
        double total = aLength + bLength;
        List<Interval> both = List.of(a, b);
        double alloc = Double.isNaN(a.allocationMBps()) ? b.allocationMBps() : Double.isNaN(b.allocationMBps()) ? a.allocationMBps()
                : (a.allocationMBps() * aLength + b.allocationMBps() * bLength) / total;
        double waited = Double.isNaN(a.oldestWaitMillis()) ? b.oldestWaitMillis() : Double.isNaN(b.oldestWaitMillis()) ? a.oldestWaitMillis()
                : Math.max(a.oldestWaitMillis(), b.oldestWaitMillis());
        return new Interval(b.endSeconds(), (a.throughput() * aLength + b.throughput() * bLength) / total,
                worst(both, Interval::latency), worst(both, Interval::service), alloc, a.gcCount() + b.gcCount(),
                a.gcPauseMillis() + b.gcPauseMillis(), b.heapAfterGcBytes() >= 0 ? b.heapAfterGcBytes() : a.heapAfterGcBytes(), waited,
                racingSum(List.of(a, b)), CpuUse.mean(List.of(a.cpu(), b.cpu()), new double[] {aLength, bLength}));
    }

    /**
     * {@code all} (intervals one after another on one clock, a ramp's steps continuing it) with
     * every interval that {@link #isShort is short} folded into the one before it; {@code all}
     * itself where none is.
     */
    public static List<Interval> folded(List<Interval> all) {
        List<Interval> out = new ArrayList<>(all.size());
        boolean any = false;
        double lastEnd = 0, lastLength = 0;
        for (Interval i : all) {
            double length = i.endSeconds() - lastEnd;
            if (!out.isEmpty() && length > 0 && isShort(length, lastLength)) {
                i = fold(out.removeLast(), lastLength, i, length);
                length += lastLength;
                any = true;
            }
            out.add(i);
            lastEnd = i.endSeconds();
            lastLength = length;
        }
        return any ? out : all;
    }

    /** The racing accesses of {@code g} summed; −1 where none of them has a count. */
    static long racingSum(List<Interval> g) {
        long sum = -1;
        for (Interval i : g) if (i.racingAccesses() >= 0) sum = Math.max(sum, 0) + i.racingAccesses();
        return sum;
    }

    /** The worst of each figure over the intervals with jobs (their count summed, the mean weighted by it). */
    static Session.Stats worst(List<Interval> g, java.util.function.Function<Interval, Session.Stats> of) {
        long n = 0;
        double sum = 0, p50 = 0, p90 = 0, p95 = 0, p99 = 0, p999 = 0, max = 0;
        for (Interval i : g) {
            Session.Stats x = of.apply(i);
            if (x.count() == 0) continue;
            n += x.count();
            sum += x.mean() * x.count();
            p50 = Math.max(p50, x.p50());
            p90 = Math.max(p90, x.p90());
            p95 = Math.max(p95, x.p95());
            p99 = Math.max(p99, x.p99());
            p999 = Math.max(p999, x.p999());
            max = Math.max(max, x.max());
        }
        return new Session.Stats(n, n == 0 ? 0 : sum / n, p50, p90, p95, p99, p999, max);
    }
}

package dev.blendbench.app.report;

import dev.blendbench.engine.stress.IntervalSnapshot;
import dev.blendbench.engine.stress.StressReport;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The interval series as CSV, one row per interval, times in milliseconds. An interval in which
 * no job ended has no percentiles: those fields are empty (a stall), not zero.
 */
public final class IntervalCsv {
    private IntervalCsv() {}

    public static final String HEADER = "end_s,throughput_per_s,jobs,p50_ms,p90_ms,p95_ms,p99_ms,p999_ms,max_ms,"
            + "service_p99_ms,alloc_MBps,gc_count,gc_pause_ms,heap_after_gc_MB,max_schedule_lag_ms,oldest_wait_ms,"
            + "racing_accesses,cpu_workload_cores,cpu_other_cores,cpu_steal_cores";

    public static final String STEPS_HEADER = "workers,rate_per_s,jobs,throughput_per_s,p50_ms,p90_ms,p95_ms,p99_ms,p999_ms,max_ms,"
            + "bytes_per_job,gc_count,gc_pause_ms,generator_saturated,queued_at_end,service_p99_ms,mean_wait_ms,busy,"
            + "cpu_workload_cores,cpu_other_cores,cpu_steal_cores";

    /**
     * A ramp: one row per step. After the percentiles (from each job's intended start) and totals,
     * where the latency went: the service p99 (from each job's actual start), an open loop's mean
     * wait to start (mean latency less mean service; empty in closed loop) and the workers' busy
     * share, 0..1 ({@link StressReport#busy()}); then the CPU the workload, other processes and
     * steal used, in cores (empty where unknown).
     */
    public static byte[] stepsCsv(java.util.List<StressReport> steps) {
        StringBuilder b = new StringBuilder(STEPS_HEADER).append('\n');
        for (StressReport r : steps) {
            var l = r.latency();
            double rate = r.load() instanceof dev.blendbench.engine.stress.LoadModel.Open o ? o.rate() : 0;
            boolean noService = r.service().count() == 0;
            boolean open = r.load() instanceof dev.blendbench.engine.stress.LoadModel.Open;
            b.append(String.format(Locale.ROOT, "%d,%.1f,%d,%.1f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.0f,%d,%.1f,%b,%d,%s,%s,%s,%s%n",
                    r.load().workers(), rate, r.jobs(), r.throughput(), l.p50() / 1e6, l.p90() / 1e6, l.p95() / 1e6,
                    l.p99() / 1e6, l.p999() / 1e6, l.max() / 1e6, r.bytesPerJob(), r.gcCount(), r.gcPauseMillis(),
                    r.generatorSaturated(), r.queuedAtEnd(), ms(r.service().p99(), noService),
                    SessionCsv.ms(Math.max(0, l.mean() - r.service().mean()) / 1e6, noService || !open || l.count() == 0),
                    Double.isNaN(r.busy()) ? "" : String.format(Locale.ROOT, "%.3f", r.busy()), SessionCsv.cpu(r.cpu())));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] toCsv(StressReport r) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (IntervalSnapshot i : r.intervals()) {
            var l = i.latency(); // jobs: those done (a stopped or cut open loop's last latency holds the queued ones too)
            boolean none = l.count() == 0;
            b.append(String.format(Locale.ROOT, "%.3f,%.1f,%d,%s,%s,%s,%s,%s,%s,%s,%.1f,%d,%.1f,%.1f,%.3f,%s,%s,%s%n",
                    i.endNanos() / 1e9, i.throughput(), i.service().count(), ms(l.p50(), none), ms(l.p90(), none), ms(l.p95(), none),
                    ms(l.p99(), none), ms(l.p999(), none), ms(l.max(), none), ms(i.service().p99(), none), i.allocationMBps(), i.gcCount(),
                    i.gcPauseMillis(), i.heapAfterGcBytes() < 0 ? -1.0 : i.heapAfterGcBytes() / 1e6,
                    i.maxScheduleLagNanos() / 1e6, ms(i.oldestWaitNanos(), i.oldestWaitNanos() < 0), // empty in closed loop
                    i.racingAccesses() < 0 ? "" : Long.toString(i.racingAccesses()), // empty without the race detector
                    SessionCsv.cpu(i.cpu()))); // empty where unknown
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String ms(long nanos, boolean none) {
        return SessionCsv.ms(nanos / 1e6, none);
    }
}

package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.CliffStep;
import dev.blendbench.app.report.Session.Interval;
import dev.blendbench.app.report.Session.Step;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The interval series of session files as CSV (times in ms): one row per 100 ms interval, with
 * a {@code session} column when there are several files and a {@code step} column for ramps; a
 * cliff search gives one row per rate tried.
 */
public final class SessionCsv {
    private SessionCsv() {}

    /**
     * The CSV of {@code sessions}: all of them interval series (sessions and ramps), or all cliff
     * searches; a mix is refused, naming the cliff searches (their rows have other columns).
     */
    public static byte[] render(List<Session> sessions) throws ReportException {
        sessions = Session.distinctNames(sessions); // charts key their series by name: two of one name must both show
        StringBuilder b = new StringBuilder();
        List<String> cliffNames = sessions.stream().filter(s -> s.kind() == Session.Kind.CLIFF).map(Session::name).toList();
        if (!cliffNames.isEmpty() && cliffNames.size() < sessions.size()) {
            throw new ReportException("a CSV holds the interval series of sessions and ramps, or the rates cliff searches tried, not both: "
                    + "write " + String.join(", ", cliffNames) + " to a CSV of " + (cliffNames.size() == 1 ? "its" : "their") + " own");
        }
        boolean cliffs = !cliffNames.isEmpty();
        if (cliffs) {
            // load: the offered rate, or for a closed-loop search the workers; passed: empty there (no objective);
            // busy: the workers' busy share 0..1, empty where the file does not say; the CPU in cores, likewise
            b.append("session,load,measured_ms,passed,throughput_per_s,busy,cpu_workload_cores,cpu_other_cores,cpu_steal_cores\n");
            for (Session s : sessions) {
                boolean workers = s.loadIsWorkers();
                for (CliffStep c : s.cliff().steps()) {
                    b.append(String.format(Locale.ROOT, "%s,%.3f,%.3f,%s,%.1f,%s,%s%n", quote(s.name()), c.rate(), c.measuredMillis(),
                            workers ? "" : Boolean.toString(c.passed()), c.throughput(),
                            Double.isNaN(c.busy()) ? "" : String.format(Locale.ROOT, "%.3f", c.busy()), cpu(c.cpu())));
                }
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
        b.append("session,step,end_s,throughput_per_s,jobs,p50_ms,p90_ms,p95_ms,p99_ms,p999_ms,max_ms,service_p99_ms,"
                + "alloc_MBps,gc_count,gc_pause_ms,heap_after_gc_MB,oldest_wait_ms,racing_accesses,cpu_workload_cores,cpu_other_cores,cpu_steal_cores\n");
        for (Session s : sessions) {
            if (s.kind() == Session.Kind.RAMP) {
                double[] starts = s.stepStarts();
                for (int k = 0; k < starts.length; k++) {
                    Step st = s.steps().get(k);
                    for (Interval i : st.intervals()) row(b, s.name(), st.loadText(), starts[k], i);
                }
            } else {
                for (Interval i : s.intervals()) row(b, s.name(), "", 0, i);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder b, String session, String step, double offset, Interval i) {
        var l = i.latency();
        boolean none = l.count() == 0; // no job ended: no percentiles (empty fields, not zeros)
        // jobs: those done, the service count (a stopped or cut open loop's last latency also holds the jobs still queued)
        b.append(String.format(Locale.ROOT, "%s,%s,%.3f,%.1f,%d,%s,%s,%s,%s,%s,%s,%s,%.1f,%d,%.1f,%.1f,%s,%s,%s%n",
                quote(session), quote(step), offset + i.endSeconds(), i.throughput(), i.service().count(), ms(l.p50(), none), ms(l.p90(), none),
                ms(l.p95(), none), ms(l.p99(), none), ms(l.p999(), none), ms(l.max(), none), ms(i.service().p99(), none),
                i.allocationMBps(), i.gcCount(), i.gcPauseMillis(),
                i.heapAfterGcBytes() < 0 ? -1.0 : i.heapAfterGcBytes() / 1e6, ms(i.oldestWaitMillis(), false), // NaN: closed loop, empty
                i.racingAccesses() < 0 ? "" : Long.toString(i.racingAccesses()), // empty without the race detector
                cpu(i.cpu()))); // empty where unknown (older files, a machine without /proc/stat)
    }

    /** The three CPU columns, in cores: the workload's, other processes', steal; each empty where unknown. */
    static String cpu(dev.blendbench.engine.stress.CpuUse c) {
        return cores(c.workloadCores()) + "," + cores(c.otherCores()) + "," + cores(c.stealCores());
    }

    private static String cores(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Milliseconds with three decimals, or empty where there is no value (no job ended in the interval). */
    static String ms(double millis, boolean none) {
        return none || Double.isNaN(millis) ? "" : String.format(Locale.ROOT, "%.3f", millis);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

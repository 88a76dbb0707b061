package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.CliffStep;
import dev.blendbench.app.report.Session.Stats;
import dev.blendbench.app.report.Session.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The report's tables as rows of text, shared by the HTML and PDF forms. */
public final class ReportTables {
    private ReportTables() {}

    static List<String> percentileHeader() {
        return List.of("", "count", "mean", "p50", "p90", "p95", "p99", "p99.9", "max");
    }

    /** End to end, service, then each stage. */
    static List<List<String>> percentileRows(Session s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(cells("end to end", s.latency()));
        if (s.service().count() > 0) rows.add(cells("service (from actual start)", s.service()));
        s.stages().forEach((k, v) -> rows.add(cells("stage: " + k, v)));
        return rows;
    }

    /** Stats as table cells (used by both report formats); dashes, not zeros, where no job ended. */
    static List<String> cells(String name, Stats s) {
        if (s.count() == 0) return List.of(name, "0", "–", "–", "–", "–", "–", "–", "–");
        return List.of(name, Long.toString(s.count()), SessionReader.fmt(s.mean()), SessionReader.fmt(s.p50()),
                SessionReader.fmt(s.p90()), SessionReader.fmt(s.p95()), SessionReader.fmt(s.p99()),
                SessionReader.fmt(s.p999()), SessionReader.fmt(s.max()));
    }

    public static List<String> comparisonHeader() {
        return List.of("session", "jobs", "jobs/s", "p50", "p95", "p99", "p99.9", "service p99", "busy", "CPU cores", "bytes/job", "GCs",
                "GC pause ms", "races");
    }

    /**
     * The strategy comparison: one row per session; the service p99 (from each job's actual start)
     * and an open loop's busy workers beside the percentiles tell slower jobs from queueing; the
     * race findings come with their racing accesses a second where the detector counted them.
     */
    public static List<List<String>> comparisonRows(List<Session> sessions) {
        List<List<String>> rows = new ArrayList<>();
        for (Session s : sessions) {
            Stats l = s.latency();
            var m = s.summary();
            boolean none = m.jobs() == 0 && l.count() == 0; // nothing measured: no figures, rather than zeros
            LatencyBreakdown open = LatencyBreakdown.of(s); // null for a closed loop
            rows.add(List.of(Summaries.label(s), Long.toString(m.jobs()), SessionReader.fmt(m.throughput()),
                    none ? "–" : SessionReader.fmt(l.p50()), none ? "–" : SessionReader.fmt(l.p95()), none ? "–" : SessionReader.fmt(l.p99()),
                    none ? "–" : SessionReader.fmt(l.p999()), none || s.service().count() == 0 ? "–" : SessionReader.fmt(s.service().p99()),
                    none || open == null ? "–" : open.busyText(), CpuShare.cell(s),
                    none ? "–" : Summaries.bytes(m.bytesPerJob()), Long.toString(m.gcCount()),
                    SessionReader.fmt(m.gcPauseMillis()), s.kind() == Session.Kind.SESSION ? races(s) : "–"));
        }
        return rows;
    }

    /** A session's race findings, and its racing accesses a second where its intervals count them: "3 · 5,180/s". */
    private static String races(Session s) {
        double rate = Summaries.racingRate(s.intervals());
        return s.races().size() + (Double.isNaN(rate) ? "" : String.format(java.util.Locale.ROOT, " · %,.0f/s", rate));
    }

    static List<String> stepHeader() {
        return List.of("load", "jobs", "jobs/s", "p50", "p95", "p99", "p99.9", "max", "service p99", "busy", "bytes/job", "GCs", "saturated");
    }

    /** The steps' columns of {@code s}: with each step's warm-up where it ran until steady ({@code --warmup auto}). */
    static List<String> stepHeader(Session s) {
        if (!s.warmedUntilSteady()) return stepHeader();
        List<String> h = new ArrayList<>(stepHeader());
        h.add("warm-up");
        return h;
    }

    /**
     * A ramp's steps by load: percentiles from each job's intended start, then the service p99 (from
     * its actual start) and the workers' busy share ({@link LatencyBreakdown}), which tell queueing
     * from slower jobs.
     */
    static List<List<String>> stepRows(Session s) {
        List<List<String>> rows = new ArrayList<>();
        for (Step st : s.steps().stream().sorted(Comparator.comparingDouble(Step::load)).toList()) {
            Stats l = st.latency();
            var m = st.summary();
            List<String> row = new ArrayList<>(List.of(st.loadText(), Long.toString(m.jobs()), SessionReader.fmt(m.throughput()),
                    SessionReader.fmt(l.p50()), SessionReader.fmt(l.p95()), SessionReader.fmt(l.p99()), SessionReader.fmt(l.p999()),
                    SessionReader.fmt(l.max()), st.service().count() > 0 ? SessionReader.fmt(st.service().p99()) : "–",
                    LatencyBreakdown.of(st).busyText(), Summaries.bytes(m.bytesPerJob()), Long.toString(m.gcCount()),
                    m.generatorSaturated() ? "yes" : ""));
            if (s.warmedUntilSteady()) { // how long each step took to settle, or that it did not within its limit
                row.add(Double.isNaN(m.warmupSeconds()) ? "–" : SessionReader.fmt(m.warmupSeconds()) + " s" + (m.warmupSteady() ? "" : " (not steady)"));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The cliff table's title: rates tried (open loop), or workers tried (closed loop, a USL fit). */
    static String cliffTitle(Session s) {
        return s.loadIsWorkers() ? "Workers tried" : "Rates tried";
    }

    /**
     * The cliff table's columns: the load, the objective's percentile by name (p99 for the closed
     * loop's fit), whether it met the objective (open loop only: a closed-loop ramp has none), and
     * the completed rate; an open loop's also how busy the workers were.
     */
    public static List<String> cliffHeader(Session s) {
        String slo = s.cliff().slo();
        String pct = slo.matches("p[0-9.]+\\b.*") ? slo.substring(0, slo.indexOf(' ') < 0 ? slo.length() : slo.indexOf(' ')) : "measured";
        if (s.loadIsWorkers()) return List.of("workers", pct + " ms", "completed jobs/s");
        return List.of("offered jobs/s", pct + " ms", slo.isEmpty() ? "objective met" : "meets " + slo, "completed jobs/s", "busy");
    }

    public static List<List<String>> cliffRows(Session s) {
        boolean workers = s.loadIsWorkers();
        List<List<String>> rows = new ArrayList<>();
        for (CliffStep st : s.cliff().steps().stream().sorted(Comparator.comparingDouble(CliffStep::rate)).toList()) {
            String load = workers ? Long.toString(Math.round(st.rate())) : SessionReader.fmt(st.rate());
            rows.add(workers ? List.of(load, SessionReader.fmt(st.measuredMillis()), SessionReader.fmt(st.throughput()))
                    : List.of(load, SessionReader.fmt(st.measuredMillis()), st.passed() ? "yes" : "no", SessionReader.fmt(st.throughput()),
                    Double.isNaN(st.busy()) ? "–" : LatencyBreakdown.percent(st.busy())));
        }
        return rows;
    }

    /** The session's settings for display: labels in words, values with their units ({@link FactLabels}). */
    static java.util.Map<String, String> settings(Session s) {
        return FactLabels.readable(s.settings());
    }

    /** Machine and JVM facts for display ({@link FactLabels}), and when the file was written. */
    static java.util.Map<String, String> facts(Session s) {
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>(s.machine());
        s.jvm().forEach((k, v) -> facts.put("jvm." + k, v));
        if (!s.createdAt().isEmpty()) facts.put("written", s.createdAt());
        return FactLabels.readable(facts);
    }
}

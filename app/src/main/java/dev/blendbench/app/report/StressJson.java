package dev.blendbench.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.stress.CpuUse;
import dev.blendbench.engine.stress.IntervalSnapshot;
import dev.blendbench.engine.stress.LoadModel;
import dev.blendbench.engine.stress.Percentiles;
import dev.blendbench.engine.stress.PercentilePoint;
import dev.blendbench.engine.stress.StressReport;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session JSON (schema {@code blendbench-stress/1}, documented in docs/stress-json.md):
 * settings, machine and JVM facts, totals, per-stage percentiles and the interval series.
 * Times are in milliseconds unless a field name says otherwise.
 */
public final class StressJson {
    private StressJson() {}

    public static final String SCHEMA = "blendbench-stress/1";

    /** How session files are written (indented); {@link Observer} rewrites them with it too. */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The session file, with race findings ({@code races[]}; null when the detector was off).
     * {@code measureStartNanos}: when measuring started, on the race detector's clock, so that
     * findings say when they were first seen ({@link Long#MAX_VALUE}: unknown).
     */
    public static byte[] toJson(StressReport r, Map<String, Object> settings, List<dev.blendbench.engine.race.Finding> races,
                                long measureStartNanos) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("createdAt", Instant.now().toString());
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.put("workload", r.workload());
        s.put("load", load(r.load()));
        s.put("virtualThreads", r.virtualThreads());
        root.put("settings", s);
        root.put("machine", machine());
        root.put("jvm", jvm());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("jobs", r.jobs());
        summary.put("warmupJobs", r.warmupJobs());
        summary.put("warmupSeconds", r.warmupNanos() / 1e9);
        summary.put("warmupSteady", r.warmupSteady());
        summary.put("errors", r.errors());
        summary.put("firstError", r.firstError());
        summary.put("measuredSeconds", r.measuredNanos() / 1e9);
        summary.put("throughputPerSecond", r.throughput());
        summary.put("bytesPerJob", r.bytesPerJob());
        summary.put("gcCount", r.gcCount());
        summary.put("gcPauseMillis", r.gcPauseMillis());
        summary.put("generatorSaturated", r.generatorSaturated());
        summary.put("stopped", r.stopped());
        summary.put("queuedAtEnd", r.queuedAtEnd());
        summary.put("warmupBacklogJobs", r.warmupBacklogJobs());
        putCpu(summary, r.cpu());
        root.put("summary", summary);
        root.put("latency", latency(r));
        root.put("service", ms(r.service()));
        root.put("stages", stages(r));
        root.put("intervals", intervals(r));
        if (races != null) {
            List<Map<String, Object>> rs = new ArrayList<>();
            for (var f : races) rs.add(finding(f, measureStartNanos));
            root.put("races", rs);
        }
        return bytes(root);
    }

    /**
     * One finding as in {@code races[]}; {@code firstSeenSeconds} counts from the start of measuring
     * (negative: in the warm-up), left out when {@code measureStartNanos} is {@link Long#MAX_VALUE}.
     */
    public static Map<String, Object> finding(dev.blendbench.engine.race.Finding f, long measureStartNanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("surface", f.surface());
        m.put("intersection", rect(f.intersection()));
        m.put("firstSeenNanos", f.firstSeenNanos());
        if (measureStartNanos != Long.MAX_VALUE) m.put("firstSeenSeconds", (f.firstSeenNanos() - measureStartNanos) / 1e9);
        m.put("count", f.count());
        m.put("threads", f.threads());
        if (f.moreThreads()) m.put("moreThreads", true);
        m.put("earlier", access(f.earlier()));
        m.put("later", access(f.later()));
        return m;
    }

    static Map<String, Object> rect(dev.blendbench.engine.surface.Rect r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", r.x());
        m.put("y", r.y());
        m.put("width", r.width());
        m.put("height", r.height());
        return m;
    }

    static Map<String, Object> access(dev.blendbench.engine.race.Access a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", a.threadName());
        m.put("threadId", a.threadId());
        m.put("kind", a.write() ? "write" : "read");
        m.put("rect", rect(a.rect()));
        m.put("locksHeld", a.locks());
        m.put("stack", a.site().stream().map(StackTraceElement::toString).toList());
        return m;
    }

    /** A ramp: the common facts once, then one entry per step with that step's load, summary and percentiles. */
    public static byte[] toRampJson(List<StressReport> steps, Map<String, Object> settings, boolean stopped) {
        return toRampJson(steps, settings, stopped, null, List.of(), List.of());
    }

    /**
     * As {@link #toRampJson(List, Map, boolean)}, with the race findings of the whole ramp
     * ({@code races[]}, null for none asked). {@code stepStarts} and {@code measureStarts} (the
     * {@code System.nanoTime} each step began and began measuring, one per step) place each finding
     * in the step it was first seen in: {@code step} (its index in {@code steps[]}) and
     * {@code firstSeenSeconds} from that step's start of measuring; a finding of a step left out (cut
     * in its warm-up) has neither.
     */
    public static byte[] toRampJson(List<StressReport> steps, Map<String, Object> settings, boolean stopped,
                                    List<dev.blendbench.engine.race.Finding> races, List<Long> stepStarts, List<Long> measureStarts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("createdAt", Instant.now().toString());
        Map<String, Object> set = new LinkedHashMap<>(settings);
        if (!steps.isEmpty()) set.putIfAbsent("workload", steps.get(0).workload()); // the same for every step
        root.put("settings", set);
        root.put("machine", machine());
        root.put("jvm", jvm());
        List<Map<String, Object>> out = new ArrayList<>();
        for (StressReport r : steps) {
            out.add(step(r, true));
        }
        root.put("steps", out);
        if (stopped) root.put("stopped", true);
        if (races != null) {
            List<Map<String, Object>> rs = new ArrayList<>();
            for (var f : races) {
                int step = -1;
                for (int i = 0; i < stepStarts.size(); i++) {
                    boolean after = f.firstSeenNanos() - stepStarts.get(i) >= 0;
                    boolean before = i + 1 == stepStarts.size() || f.firstSeenNanos() - stepStarts.get(i + 1) < 0;
                    if (after && before) step = i;
                }
                if (step >= measureStarts.size()) step = -1; // the step cut in its warm-up, left out
                Map<String, Object> m = finding(f, step < 0 ? Long.MAX_VALUE : measureStarts.get(step));
                if (step >= 0) m.put("step", step);
                rs.add(m);
            }
            root.put("races", rs);
        }
        return bytes(root);
    }

    /** One ramp step as it appears in {@code steps[]}; without its intervals, the line a forked step streams. */
    public static Map<String, Object> step(StressReport r, boolean withIntervals) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("load", load(r.load()));
        m.put("jobs", r.jobs());
        m.put("warmupJobs", r.warmupJobs());
        m.put("warmupSeconds", r.warmupNanos() / 1e9);
        m.put("warmupSteady", r.warmupSteady());
        m.put("measuredSeconds", r.measuredNanos() / 1e9);
        m.put("throughputPerSecond", r.throughput());
        m.put("bytesPerJob", r.bytesPerJob());
        m.put("gcCount", r.gcCount());
        m.put("gcPauseMillis", r.gcPauseMillis());
        m.put("generatorSaturated", r.generatorSaturated());
        m.put("stopped", r.stopped());
        m.put("queuedAtEnd", r.queuedAtEnd());
        m.put("warmupBacklogJobs", r.warmupBacklogJobs());
        putCpu(m, r.cpu());
        m.put("latency", latency(r));
        m.put("service", ms(r.service()));
        m.put("stages", stages(r));
        if (withIntervals) m.put("intervals", intervals(r));
        return m;
    }

    private static Map<String, Object> stages(StressReport r) {
        Map<String, Object> stages = new LinkedHashMap<>();
        r.stages().forEach((k, v) -> stages.put(k, ms(v)));
        return stages;
    }

    private static List<Map<String, Object>> intervals(StressReport r) {
        List<Map<String, Object>> intervals = new ArrayList<>();
        for (IntervalSnapshot i : r.intervals()) intervals.add(interval(i));
        return intervals;
    }

    /** One interval as it appears in {@code intervals[]}. */
    public static Map<String, Object> interval(IntervalSnapshot i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endSeconds", i.endNanos() / 1e9);
        m.put("lengthSeconds", i.lengthNanos() / 1e9);
        m.put("throughputPerSecond", i.throughput());
        m.put("latency", ms(i.latency()));
        m.put("service", ms(i.service()));
        m.put("allocatedBytes", i.allocatedBytes());
        m.put("allocationMBps", i.allocationMBps());
        m.put("gcCount", i.gcCount());
        m.put("gcPauseMillis", i.gcPauseMillis());
        m.put("heapAfterGcBytes", i.heapAfterGcBytes());
        m.put("maxScheduleLagMillis", i.maxScheduleLagNanos() / 1e6);
        if (i.oldestWaitNanos() >= 0) m.put("oldestWaitMillis", i.oldestWaitNanos() / 1e6);
        if (i.racingAccesses() >= 0) m.put("racingAccesses", i.racingAccesses());
        putCpu(m, i.cpu());
        return m;
    }

    /**
     * {@code cpu}: the figures of {@code c} that are known (a machine without {@code /proc/stat}
     * has the workload's only); left out where none is.
     */
    public static void putCpu(Map<String, Object> into, CpuUse c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!Double.isNaN(c.workloadCores())) m.put("workloadCores", c.workloadCores());
        if (!Double.isNaN(c.otherCores())) m.put("otherCores", c.otherCores());
        if (!Double.isNaN(c.stealCores())) m.put("stealCores", c.stealCores());
        if (m.isEmpty()) return;
        if (c.machineCores() > 0) m.put("machineCores", c.machineCores());
        into.put("cpu", m);
    }

    /**
     * What is left when the workload JVM died: the intervals it had streamed, marked partial.
     * Same schema; {@code summary} holds only what the intervals give.
     */
    public static byte[] partial(List<String> arguments, int exitCode, String lastError, List<Map<String, Object>> intervals) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("createdAt", Instant.now().toString());
        root.put("partial", true);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("arguments", arguments);
        root.put("settings", settings);
        root.put("machine", machine());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("workloadExitCode", exitCode);
        summary.put("firstError", lastError);
        long jobs = 0;
        for (Map<String, Object> i : intervals) {
            Object lat = i.get("latency");
            if (lat instanceof Map<?, ?> l && l.get("count") instanceof Number n) jobs += n.longValue();
        }
        summary.put("jobs", jobs);
        summary.put("stopped", true);
        root.put("summary", summary);
        root.put("intervals", intervals);
        return bytes(root);
    }

    private static byte[] bytes(Map<String, Object> root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the session JSON", e);
        }
    }

    static Map<String, Object> load(LoadModel l) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (l) {
            case LoadModel.Closed c -> {
                m.put("model", "closed");
                m.put("workers", c.workers());
                m.put("thinkMillis", c.think().toNanos() / 1e6);
            }
            case LoadModel.Open o -> {
                m.put("model", "open");
                m.put("workers", o.workers());
                m.put("ratePerSecond", o.rate());
                m.put("arrivals", o.arrivals().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return m;
    }

    /**
     * The latency's figures and, as {@code distribution}, its whole distribution: one
     * {@code {percentile, ms}} a point, by rising percentile ({@link Percentiles#distribution}).
     */
    private static Map<String, Object> latency(StressReport r) {
        Map<String, Object> m = ms(r.latency());
        m.put("distribution", distribution(r.latencyDistribution()));
        return m;
    }

    /** A latency distribution as the files hold it: {@code [{percentile, ms}, …]}. */
    public static List<Map<String, Object>> distribution(List<PercentilePoint> d) {
        List<Map<String, Object>> points = new ArrayList<>(d.size());
        for (PercentilePoint p : d) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("percentile", p.percentile());
            point.put("ms", p.nanos() / 1e6);
            points.add(point);
        }
        return points;
    }

    static Map<String, Object> ms(Percentiles p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", p.count());
        m.put("mean", p.mean() / 1e6);
        m.put("p50", p.p50() / 1e6);
        m.put("p90", p.p90() / 1e6);
        m.put("p95", p.p95() / 1e6);
        m.put("p99", p.p99() / 1e6);
        m.put("p999", p.p999() / 1e6);
        m.put("max", p.max() / 1e6);
        return m;
    }

    public static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        String model = cpuModel();
        if (model != null) m.put("cpuModel", model);
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            m.put("memoryBytes", sun.getTotalMemorySize());
        }
        return m;
    }

    /** The processor's model name, from {@code /proc/cpuinfo} (Linux); null where it cannot be read. */
    static String cpuModel() {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/cpuinfo"), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .filter(m -> !m.isEmpty()).findFirst().orElse(null);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    public static Map<String, Object> jvm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", System.getProperty("java.version"));
        m.put("vendor", System.getProperty("java.vendor"));
        m.put("vm", System.getProperty("java.vm.name"));
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        m.put("collectors", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
        m.put("inputArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("vectorKernels", Compositor.isVectorized());
        return m;
    }
}

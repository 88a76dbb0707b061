package dev.blendbench.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.blendbench.app.report.Session.Access;
import dev.blendbench.app.report.Session.Cliff;
import dev.blendbench.app.report.Session.CliffStep;
import dev.blendbench.app.report.Session.Interval;
import dev.blendbench.app.report.Session.Kind;
import dev.blendbench.app.report.Session.Race;
import dev.blendbench.app.report.Session.Stats;
import dev.blendbench.app.report.Session.Step;
import dev.blendbench.app.report.Session.Summary;
import dev.blendbench.engine.race.Finding;
import dev.blendbench.engine.stress.CpuUse;
import dev.blendbench.engine.stress.UniversalScalability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads session files ({@code blendbench-stress/1} sessions and ramps, {@code blendbench-cliff/1}
 * searches) into {@link Session}s. Hostile input fails with a {@link ReportException} whose
 * message is one line naming the file: not there, too big, not JSON (with line and column), not
 * a Blendbench file (its schema), or a field of the wrong kind (its path).
 */
public final class SessionReader {
    private SessionReader() {}

    /** Session files are a few MB at most; refuse anything far larger before parsing. */
    public static final long MAX_BYTES = 256L << 20;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(64).build());
    }

    /**
     * Reads several files. Sessions are labelled by file name, so files of the same name from
     * different folders ({@code a/ramp.json}, {@code b/ramp.json}: runs from two machines) are named
     * with their folder; the same file twice, with a number.
     */
    public static List<Session> readAll(List<Path> files) throws ReportException {
        List<Session> out = new ArrayList<>();
        for (Path f : files) {
            Session s = read(f);
            String name = s.name();
            boolean repeated = files.stream().filter(o -> o.getFileName() != null && o.getFileName().toString().equals(name))
                    .map(o -> o.toAbsolutePath().normalize()).distinct().count() > 1;
            Path folder = f.toAbsolutePath().getParent();
            out.add(repeated && folder != null && folder.getFileName() != null ? s.withName(folder.getFileName() + "/" + name) : s);
        }
        return Session.distinctNames(out);
    }

    public static Session read(Path file) throws ReportException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long size;
        if (Files.isDirectory(file)) throw new ReportException(file + ": is a folder, not a session file");
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ReportException(file + ": no such file");
        } catch (IOException e) {
            throw new ReportException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (size > MAX_BYTES) {
            throw new ReportException(file + ": " + size + " bytes is too large for a session file (limit " + MAX_BYTES + ")");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            byte[] head = head(file);
            String kind = kindOf(head);
            if (kind != null) throw new ReportException(file + ": " + kind + ", not a session file (stress --json and cliff --json write those)");
            String start = opening(head);
            if (start != null) {
                throw new ReportException(file + ": not JSON (it begins with '" + start + "'), so not a session file (stress --json and cliff --json write those)");
            }
            var loc = e.getLocation();
            throw new ReportException(file + ": not valid JSON" + (loc == null ? "" : " (line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr() + ")") + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ReportException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(root, name, file.toString());
    }

    /** The first 512 bytes of {@code file} (fewer in a shorter one; none where it cannot be read). */
    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(512);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The first few printable characters of a text that does not begin as JSON does; null for one that does, or for binary. */
    private static String opening(byte[] head) {
        String t = new String(head, 0, Math.min(64, head.length), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        if (t.isEmpty() || t.startsWith("{") || t.startsWith("[")) return null;
        String word = t.split("\\s", 2)[0];
        word = word.length() > 12 ? word.substring(0, 12) + "…" : word;
        return word.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD) ? word : null;
    }

    /**
     * What a file is, when its first bytes say it is one of the files a user may pick in a session
     * file's place (an image, a report, a document, another file a session wrote): {@code "a PNG
     * image"}, {@code "a CSV file (stress --csv writes the intervals)"}; null when they do not say.
     */
    private static String kindOf(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        String lower = text.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (text.startsWith("\u0089PNG")) return "a PNG image";
        if (text.startsWith("\u00ff\u00d8\u00ff")) return "a JPEG image";
        if (text.startsWith("GIF8")) return "a GIF image";
        if (text.startsWith("II*\0") || text.startsWith("MM\0*")) return "a TIFF image";
        if (text.startsWith("RIFF") && text.startsWith("WEBP", 8)) return "a WebP image";
        if (text.startsWith("BM") && text.length() >= 10 && text.startsWith("\0\0\0\0", 6)) return "a BMP image"; // its reserved bytes are zero
        if (text.startsWith("8BPS")) return "a Photoshop document";
        if (text.startsWith("PK\3\4")) return text.contains("image/openraster") ? "an OpenRaster document" : "a ZIP archive";
        if (text.startsWith("%PDF")) return "a PDF (a report?)";
        if (text.startsWith("FLR\0")) return "a flight recording (open it in JDK Mission Control, or with jfr print)";
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) return "an HTML page (a report?)";
        if (text.startsWith("#[") || text.startsWith("\"StartTimestamp\"")) return "an HdrHistogram log (stress --hlog writes those)";
        if (text.stripLeading().startsWith("Value") && text.contains("Percentile")) return "an HdrHistogram percentile distribution (.hgrm)";
        String first = text.lines().findFirst().orElse("");
        if (!first.contains("{") && !first.contains("[") && first.split(",", -1).length >= 3) return "a CSV file (stress --csv writes the intervals)";
        return null;
    }

    /** Parses an already read tree; {@code where} names it in messages. */
    public static Session parse(JsonNode root, String name, String where) throws ReportException {
        if (root == null || !root.isObject()) {
            throw new ReportException(where + ": not a Blendbench session file (expected a JSON object)");
        }
        String schema = root.path("schema").asText("");
        try {
            return switch (schema) {
                case "blendbench-stress/1" -> root.has("steps") ? ramp(root, name) : session(root, name);
                case "blendbench-cliff/1" -> cliff(root, name);
                default -> throw new ReportException(where + ": not a Blendbench session file ("
                        + (schema.isEmpty() ? "no \"schema\" field" : "schema '" + shorten(schema) + "'")
                        + "; expected blendbench-stress/1 or blendbench-cliff/1)");
            };
        } catch (Bad e) {
            throw new ReportException(where + ": " + e.getMessage());
        }
    }

    /** A structural problem, with the JSON path of the field. */
    private static final class Bad extends RuntimeException {
        Bad(String path, String what) {
            super("field " + path + " " + what);
        }
    }

    /** One interval as streamed by a running session ({@code @snapshot} lines). */
    public static Interval interval(JsonNode n) throws ReportException {
        try {
            List<Interval> one = intervals(JSON.createArrayNode().add(n), "snapshot");
            return one.get(0);
        } catch (Bad e) {
            throw new ReportException(e.getMessage());
        }
    }

    /** One race finding as streamed by a running session ({@code @race} lines). */
    public static Race race(JsonNode n) throws ReportException {
        try {
            return races(JSON.createArrayNode().add(n), List.of()).get(0);
        } catch (Bad e) {
            throw new ReportException(e.getMessage());
        }
    }

    /** Parses one line of JSON. */
    public static JsonNode tree(String json) throws ReportException {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportException("not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static Session session(JsonNode r, String name) {
        boolean partial = r.path("partial").asBoolean(false);
        List<Interval> intervals = intervals(r.path("intervals"), "intervals");
        Summary summary = summary(r.path("summary"), "summary");
        return new Session(name, Kind.SESSION, r.path("createdAt").asText(""), partial, flat(r.path("settings")),
                r.path("settings").path("workload").asText(""), r.path("settings").path("strategy").asText(""),
                flat(r.path("machine")), flat(r.path("jvm")), summary,
                stats(r.path("latency"), "latency", !partial), stats(r.path("service"), "service", false),
                stages(r.path("stages"), "stages"), intervals, races(r.path("races"), List.of()), List.of(), null);
    }

    /** One ramp step ({@code steps[]} of a ramp file, or the line a forked ramp streams as a step ends). */
    public static Step step(JsonNode s) throws ReportException {
        try {
            return readStep(s, "step");
        } catch (Bad e) {
            throw new ReportException(e.getMessage());
        }
    }

    private static Step readStep(JsonNode s, String p) {
        if (!s.isObject()) throw new Bad(p, "is not an object");
        JsonNode load = s.path("load");
        boolean open = "open".equals(load.path("model").asText());
        double value = open ? num(load, "ratePerSecond", p + ".load") : num(load, "workers", p + ".load");
        String text = open ? fmt(value) + " jobs/s" : (long) value + ((long) value == 1 ? " worker" : " workers");
        long workers = open ? load.path("workers").asLong(0) : (long) value;
        return new Step(value, text, summary(s, p), stats(s.path("latency"), p + ".latency", true),
                stages(s.path("stages"), p + ".stages"), intervals(s.path("intervals"), p + ".intervals"),
                stats(s.path("service"), p + ".service", false), (int) Math.max(0, Math.min(Integer.MAX_VALUE, workers)));
    }

    private static Session ramp(JsonNode r, String name) {
        JsonNode st = r.get("steps");
        if (!st.isArray()) throw new Bad("steps", "is not an array");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < st.size(); i++) {
            steps.add(readStep(st.get(i), "steps[" + i + "]"));
        }
        List<Interval> all = new ArrayList<>();
        double offset = 0;
        for (Step s : steps) {
            double last = 0;
            for (Interval i : s.intervals()) {
                all.add(new Interval(offset + i.endSeconds(), i.throughput(), i.latency(), i.service(), i.allocationMBps(),
                        i.gcCount(), i.gcPauseMillis(), i.heapAfterGcBytes(), i.oldestWaitMillis(), i.racingAccesses(), i.cpu()));
                last = i.endSeconds();
            }
            offset += last;
        }
        Step lastStep = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        Summary sum = lastStep == null ? summary(r.path("summary"), "summary") : lastStep.summary();
        if (r.path("stopped").asBoolean(false) && !sum.stopped()) { // the ramp was stopped between or before steps
            sum = new Summary(sum.jobs(), sum.errors(), sum.firstError(), sum.measuredSeconds(), sum.throughput(), sum.bytesPerJob(),
                    sum.gcCount(), sum.gcPauseMillis(), sum.generatorSaturated(), true, sum.warmupJobs(), sum.queuedAtEnd(),
                    sum.warmupBacklogJobs(), sum.warmupSeconds(), sum.warmupSteady(), sum.cpu());
        }
        return new Session(name, Kind.RAMP, r.path("createdAt").asText(""), false, flat(r.path("settings")),
                r.path("settings").path("workload").asText(""), r.path("settings").path("strategy").asText(""),
                flat(r.path("machine")), flat(r.path("jvm")),
                sum,
                lastStep == null ? Stats.EMPTY : lastStep.latency(), Stats.EMPTY,
                lastStep == null ? Map.of() : lastStep.stages(), all, races(r.path("races"), steps), steps, null);
    }

    private static Session cliff(JsonNode r, String name) {
        List<CliffStep> steps = new ArrayList<>();
        String slo = r.path("settings").path("slo").asText("");
        JsonNode st = r.path("steps");
        if (st.isArray()) {
            for (int i = 0; i < st.size(); i++) {
                JsonNode s = st.get(i);
                String p = "steps[" + i + "]";
                double busy = s.path("busy").isNumber() ? Math.max(0, Math.min(1, s.path("busy").asDouble())) : Double.NaN;
                List<Session.Point> d = distribution(s.path("distribution"), p + ".distribution");
                long jobs = s.path("jobs").canConvertToLong() ? Math.max(0, s.path("jobs").asLong()) : 0;
                Stats latency = d.isEmpty() || jobs == 0 ? Stats.EMPTY
                        : new Stats(jobs, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, d.getLast().ms(), d);
                steps.add(new CliffStep(num(s, "rate", p), num(s, "measuredMillis", p), s.path("passed").asBoolean(false),
                        num(s, "throughputPerSecond", p), busy, latency, cpu(s.path("cpu"), p + ".cpu")));
            }
        }
        JsonNode pts = r.path("points");
        if (pts.isArray()) {
            slo = "p99 (closed loop: workers)";
            for (int i = 0; i < pts.size(); i++) {
                JsonNode s = pts.get(i);
                String p = "points[" + i + "]";
                steps.add(new CliffStep(num(s, "workers", p), num(s, "p99Millis", p), true, num(s, "throughputPerSecond", p), Double.NaN,
                        Stats.EMPTY, cpu(s.path("cpu"), p + ".cpu")));
            }
        }
        if (!st.isArray() && !pts.isArray()) throw new Bad("steps", "is missing (neither steps[] nor points[])");
        double knee = r.path("knee").isNumber() ? r.path("knee").asDouble() : Double.NaN;
        return new Session(name, Kind.CLIFF, r.path("createdAt").asText(""), false, flat(r.path("settings")),
                r.path("settings").path("workload").asText(""), r.path("settings").path("strategy").asText(""),
                flat(r.path("machine")), flat(r.path("jvm")), Summary.NONE, Stats.EMPTY, Stats.EMPTY, Map.of(), List.of(),
                List.of(), List.of(), new Cliff(slo, steps, knee, r.path("stopped").asBoolean(false), usl(r.get("usl"))));
    }

    /** A closed-loop search's USL fit, or null where the file has none; its figures must be finite and not negative. */
    private static UniversalScalability usl(JsonNode u) {
        if (u == null || u.isNull()) return null;
        if (!u.isObject()) throw new Bad("usl", "is not an object");
        double lambda = num(u, "lambda", "usl"), sigma = num(u, "sigma", "usl"), kappa = num(u, "kappa", "usl");
        double peak = optNum(u, "peakWorkers", "usl"), r2 = optNum(u, "rSquared", "usl");
        for (double v : new double[] {lambda, sigma, kappa}) {
            if (!(v >= 0) || Double.isInfinite(v)) throw new Bad("usl", "has a negative or non-finite coefficient");
        }
        return new UniversalScalability(lambda, sigma, kappa, Double.isNaN(peak) || peak <= 0 ? Double.POSITIVE_INFINITY : peak, r2);
    }

    /** A wait as read: NaN (not said) for a missing, negative or infinite one. */
    private static double wait(double millis) {
        return millis >= 0 && millis < Double.POSITIVE_INFINITY ? millis : Double.NaN;
    }

    /** A length in seconds as read: NaN (not said) for a missing, non-numeric, negative or infinite one. */
    private static double seconds(JsonNode n) {
        double v = n.isNumber() ? n.asDouble() : Double.NaN;
        return v >= 0 && v < Double.POSITIVE_INFINITY ? v : Double.NaN;
    }

    private static Summary summary(JsonNode s, String p) {
        if (s.isMissingNode()) throw new Bad(p, "is missing");
        if (!s.isObject()) throw new Bad(p, "is not an object");
        return new Summary(lng(s, "jobs", p), s.path("errors").asLong(0), s.path("firstError").asText(""),
                optNum(s, "measuredSeconds", p), optNum(s, "throughputPerSecond", p), optNum(s, "bytesPerJob", p),
                s.path("gcCount").asLong(0), optNum(s, "gcPauseMillis", p), s.path("generatorSaturated").asBoolean(false),
                s.path("stopped").asBoolean(false), s.path("warmupJobs").asLong(-1), Math.max(0, s.path("queuedAtEnd").asLong(0)),
                Math.max(0, s.path("warmupBacklogJobs").asLong(0)), seconds(s.path("warmupSeconds")), s.path("warmupSteady").asBoolean(false),
                cpu(s.path("cpu"), p + ".cpu"));
    }

    /** The most cores a {@code cpu} figure may give: far beyond any machine, short of nonsense. */
    static final int MAX_CORES = 1 << 16;

    /** {@code cpu} of an interval the workload JVM streams, read as a file's is; unknown where it is not one. */
    public static CpuUse cpuOf(JsonNode n) {
        try {
            return cpu(n, "cpu");
        } catch (Bad e) {
            return CpuUse.UNKNOWN;
        }
    }

    /** {@code cpu} ({@link StressJson#putCpu}): each figure optional, cores from 0 to {@value #MAX_CORES}; unknown where missing. */
    private static CpuUse cpu(JsonNode n, String p) {
        if (n.isMissingNode() || n.isNull()) return CpuUse.UNKNOWN;
        if (!n.isObject()) throw new Bad(p, "is not an object");
        double[] v = new double[3];
        String[] names = {"workloadCores", "otherCores", "stealCores"};
        for (int k = 0; k < 3; k++) {
            v[k] = optNum(n, names[k], p);
            if (!Double.isNaN(v[k]) && !(v[k] >= 0 && v[k] <= MAX_CORES)) {
                throw new Bad(p + "." + names[k], "is not a number of cores (0 to " + MAX_CORES + ")");
            }
        }
        int cores = 0;
        if (n.has("machineCores") && !n.get("machineCores").isNull()) {
            long c = lng(n, "machineCores", p);
            if (c < 1 || c > MAX_CORES) throw new Bad(p + ".machineCores", "is not a number of cores (1 to " + MAX_CORES + ")");
            cores = (int) c;
        }
        return new CpuUse(v[0], v[1], v[2], cores);
    }

    private static Stats stats(JsonNode s, String p, boolean required) {
        if (s.isMissingNode() || s.isNull()) {
            if (required) throw new Bad(p, "is missing");
            return Stats.EMPTY;
        }
        if (!s.isObject()) throw new Bad(p, "is not an object");
        return new Stats(lng(s, "count", p), num(s, "mean", p), num(s, "p50", p), num(s, "p90", p), num(s, "p95", p),
                num(s, "p99", p), num(s, "p999", p), num(s, "max", p), distribution(s.path("distribution"), p + ".distribution"));
    }

    /** The most points a distribution may have: HdrHistogram's iteration gives about a hundred. */
    static final int MAX_DISTRIBUTION_POINTS = 10_000;

    /**
     * A latency's whole distribution ({@code [{percentile, ms}, …]}), absent in older files: both
     * rising (never falling) from point to point, percentiles within 0..100, latencies finite and not
     * negative — anything else is not a distribution, and charting it would draw a lie.
     */
    private static List<Session.Point> distribution(JsonNode a, String p) {
        List<Session.Point> out = new ArrayList<>();
        if (a.isMissingNode() || a.isNull()) return out;
        if (!a.isArray()) throw new Bad(p, "is not an array");
        if (a.size() > MAX_DISTRIBUTION_POINTS) throw new Bad(p, "has " + a.size() + " points (at most " + MAX_DISTRIBUTION_POINTS + ")");
        for (int i = 0; i < a.size(); i++) {
            JsonNode n = a.get(i);
            String q = p + "[" + i + "]";
            if (!n.isObject()) throw new Bad(q, "is not an object");
            double pct = num(n, "percentile", q), ms = num(n, "ms", q);
            if (!(pct >= 0 && pct <= 100)) throw new Bad(q + ".percentile", "is not within 0..100");
            if (!(ms >= 0) || Double.isInfinite(ms)) throw new Bad(q + ".ms", "is not a latency (finite, not negative)");
            if (!out.isEmpty() && (pct < out.getLast().percentile() || ms < out.getLast().ms())) {
                throw new Bad(q, "falls below the point before it (a distribution only rises)");
            }
            out.add(new Session.Point(pct, ms));
        }
        return out;
    }

    private static Map<String, Stats> stages(JsonNode s, String p) {
        Map<String, Stats> m = new LinkedHashMap<>();
        if (s.isMissingNode() || s.isNull()) return m;
        if (!s.isObject()) throw new Bad(p, "is not an object");
        for (var e : s.properties()) {
            m.put(e.getKey(), stats(e.getValue(), p + "." + e.getKey(), true));
        }
        return m;
    }

    private static List<Interval> intervals(JsonNode a, String p) {
        List<Interval> out = new ArrayList<>();
        if (a.isMissingNode() || a.isNull()) return out;
        if (!a.isArray()) throw new Bad(p, "is not an array");
        for (int i = 0; i < a.size(); i++) {
            JsonNode n = a.get(i);
            String q = p + "[" + i + "]";
            if (!n.isObject()) throw new Bad(q, "is not an object");
            out.add(new Interval(num(n, "endSeconds", q), num(n, "throughputPerSecond", q), stats(n.path("latency"), q + ".latency", true),
                    stats(n.path("service"), q + ".service", false), optNum(n, "allocationMBps", q), n.path("gcCount").asLong(0),
                    optNum(n, "gcPauseMillis", q), n.path("heapAfterGcBytes").asLong(-1), wait(optNum(n, "oldestWaitMillis", q)),
                    Math.max(-1, n.path("racingAccesses").asLong(-1)), cpu(n.path("cpu"), q + ".cpu")));
        }
        return out;
    }

    /** {@code races[]}; in a ramp ({@code steps} as the file lists them) each names the step it was first seen in. */
    private static List<Race> races(JsonNode a, List<Step> steps) {
        List<Race> out = new ArrayList<>();
        if (!a.isArray()) return out;
        for (int i = 0; i < a.size(); i++) {
            JsonNode n = a.get(i);
            String p = "races[" + i + "]";
            JsonNode in = n.path("intersection");
            Access earlier = access(n.path("earlier"), p + ".earlier"), later = access(n.path("later"), p + ".later");
            List<String> threads = new ArrayList<>();
            JsonNode names = n.path("threads");
            for (int k = 0; k < Math.min(names.size(), Finding.MAX_THREADS); k++) threads.add(names.get(k).asText("?"));
            if (threads.isEmpty()) threads = Race.firstPair(earlier, later); // files before threads[]
            out.add(new Race(n.path("surface").asText("?"), rect(in), n.path("count").asLong(1), earlier, later,
                    new int[] {in.path("x").asInt(), in.path("y").asInt(), in.path("width").asInt(), in.path("height").asInt()},
                    n.path("firstSeenSeconds").isNumber() ? n.path("firstSeenSeconds").asDouble() : Double.NaN,
                    n.path("step").isInt() && n.path("step").asInt() >= 0 && n.path("step").asInt() < steps.size()
                            ? steps.get(n.path("step").asInt()).loadText() : "",
                    threads, n.path("moreThreads").asBoolean(false) || names.size() > Finding.MAX_THREADS));
        }
        return out;
    }

    private static Access access(JsonNode n, String p) {
        if (!n.isObject()) throw new Bad(p, "is missing");
        List<String> stack = new ArrayList<>();
        for (JsonNode f : n.path("stack")) stack.add(f.asText());
        return new Access(n.path("thread").asText("?"), n.path("kind").asText("?"), rect(n.path("rect")), stack);
    }

    private static String rect(JsonNode r) {
        return r.path("width").asLong() + "×" + r.path("height").asLong() + " at (" + r.path("x").asLong() + ", "
                + r.path("y").asLong() + ")";
    }

    private static Map<String, String> flat(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        flatten(n, "", m);
        return m;
    }

    private static void flatten(JsonNode n, String prefix, Map<String, String> m) {
        if (n.isObject()) {
            for (var e : n.properties()) {
                flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), m);
            }
        } else if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : n) parts.add(x.isFloatingPointNumber() ? fmt(x.asDouble()) : x.isValueNode() ? x.asText() : x.toString());
            // a command line's words stay as it was typed; a list of names or loads reads as a list
            m.put(prefix, String.join(prefix.endsWith("rguments") ? " " : ", ", parts));
        } else if (!n.isMissingNode() && !n.isNull()) {
            m.put(prefix, n.isFloatingPointNumber() ? fmt(n.asDouble()) : n.asText());
        }
    }

    private static double num(JsonNode n, String field, String p) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new Bad(p + "." + field, "is missing");
        if (!v.isNumber()) throw new Bad(p + "." + field, "is not a number");
        return v.asDouble();
    }

    private static double optNum(JsonNode n, String field, String p) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return Double.NaN;
        if (!v.isNumber()) throw new Bad(p + "." + field, "is not a number");
        return v.asDouble();
    }

    private static long lng(JsonNode n, String field, String p) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new Bad(p + "." + field, "is missing");
        if (!v.isIntegralNumber()) throw new Bad(p + "." + field, "is not a whole number");
        return v.asLong();
    }

    public static String fmt(double v) {
        if (Double.isNaN(v)) return "–";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : Math.abs(v) >= 1 ? "%.2f" : "%.3f", v);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return shorten(nl < 0 ? s : s.substring(0, nl));
    }
}

package dev.blendbench.bench;

import dev.blendbench.engine.blend.BlendMode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The project's benchmark command: runs the engine's JMH benchmarks and prints every figure the
 * performance criteria ask for as a ratio against a baseline measured in the same run.
 *
 * <pre>
 *   mvn -q -DskipTests package
 *   java --add-modules jdk.incubator.vector -cp engine/benchmarks/target/benchmarks.jar \
 *        dev.blendbench.bench.Suite [--quick] [--threads 1,2,4,8,16] [--only kernels|scene|scaling|alloc|resample]
 * </pre>
 *
 * <p>Tables: source-over against the memory floor and Java2D; every mode's cost relative to
 * source-over; the tiled renderer against separate full-canvas passes; thread scaling; bytes
 * allocated per render. Raw JMH results go to {@code benchmark-results.json}.
 */
public final class Suite {
    private Suite() {}

    private static boolean quick;
    private static final PrintStream OUT = System.out;

    public static void main(String[] args) throws RunnerException {
        String threads = String.valueOf(Math.min(16, Runtime.getRuntime().availableProcessors()) >= 2 ? "1,2" : "1");
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores > 2) {
            threads = Arrays.stream(new int[] {1, 2, 4, 8, 16}).filter(t -> t <= cores)
                    .mapToObj(String::valueOf).collect(Collectors.joining(","));
        }
        String only = "all";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--threads" -> threads = args[++i];
                case "--only" -> only = args[++i];
                default -> {
                    System.err.println("usage: Suite [--quick] [--threads 1,2,4] [--only kernels|scene|scaling|alloc|resample]");
                    System.exit(2);
                }
            }
        }
        OUT.printf(Locale.ROOT, "Blendbench benchmark suite — %d cores, %s %s%n%n", cores,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        List<RunResult> all = new ArrayList<>();
        if (only.equals("all") || only.equals("kernels")) all.addAll(kernels());
        if (only.equals("all") || only.equals("scene")) all.addAll(scene());
        if (only.equals("all") || only.equals("scaling")) all.addAll(scaling(threads));
        if (only.equals("all") || only.equals("alloc")) all.addAll(alloc());
        if (only.equals("all") || only.equals("resample")) all.addAll(resample());
    }

    private static ChainedOptionsBuilder options(String include) {
        ChainedOptionsBuilder b = new OptionsBuilder().include(include).forks(1).shouldFailOnError(true)
                .result("benchmark-results-" + include.replaceAll("[^A-Za-z]", "") + ".json")
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON);
        if (quick) {
            b.warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        }
        return b;
    }

    private static double score(Collection<RunResult> rs, String method, Map<String, String> params) {
        for (RunResult r : rs) {
            var p = r.getParams();
            if (!p.getBenchmark().endsWith("." + method)) continue;
            boolean match = true;
            for (var e : params.entrySet()) {
                if (!e.getValue().equals(p.getParam(e.getKey()))) match = false;
            }
            if (match) return r.getPrimaryResult().getScore();
        }
        return Double.NaN;
    }

    private static Collection<RunResult> kernels() throws RunnerException {
        String modes = Arrays.stream(BlendMode.values()).map(BlendMode::cssName).collect(Collectors.joining(","));
        Collection<RunResult> base = new Runner(options(BlendBenchmark.class.getSimpleName())
                .param("mode", "source-over").param("size", "1920x1080", "3840x2160").build()).run();
        OUT.println("## source-over, 1 thread, against the memory floor and Java2D (same run)");
        OUT.println("| size | source-over ms | floor ms | speed vs floor | Java2D ms | speed-up vs Java2D |");
        OUT.println("|---|---|---|---|---|---|");
        for (String size : List.of("1920x1080", "3840x2160")) {
            Map<String, String> p = Map.of("size", size, "mode", "source-over");
            double so = score(base, "blend", p), fl = score(base, "memoryFloor", p), j2d = score(base, "java2dSrcOver", p);
            OUT.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.0f %% | %.3f | %.1f× |%n", size, so, fl, 100 * fl / so, j2d, j2d / so);
        }
        OUT.println();
        Collection<RunResult> rs = new Runner(options(BlendBenchmark.class.getSimpleName() + ".blend")
                .param("mode", modes.split(",")).param("size", "1920x1080", "3840x2160").build()).run();
        OUT.println("## every mode's cost relative to source-over, 1 thread (same run)");
        OUT.println("| mode | family | 1920×1080 ms | × source-over | 3840×2160 ms | × source-over |");
        OUT.println("|---|---|---|---|---|---|");
        double so1 = score(rs, "blend", Map.of("mode", "source-over", "size", "1920x1080"));
        double so4 = score(rs, "blend", Map.of("mode", "source-over", "size", "3840x2160"));
        for (BlendMode m : BlendMode.values()) {
            double a = score(rs, "blend", Map.of("mode", m.cssName(), "size", "1920x1080"));
            double b = score(rs, "blend", Map.of("mode", m.cssName(), "size", "3840x2160"));
            OUT.printf(Locale.ROOT, "| %s | %s | %.3f | %.2f | %.3f | %.2f |%n", m.cssName(),
                    m.family().name().toLowerCase(Locale.ROOT), a, a / so1, b, b / so4);
        }
        OUT.println();
        List<RunResult> out = new ArrayList<>(base);
        out.addAll(rs);
        return out;
    }

    private static Collection<RunResult> scene() throws RunnerException {
        int cores = Math.min(16, Runtime.getRuntime().availableProcessors());
        String[] ts = cores > 1 ? new String[] {"1", String.valueOf(cores)} : new String[] {"1"};
        Collection<RunResult> rs = new Runner(options(SceneBenchmark.class.getSimpleName())
                .param("threads", ts).build()).run();
        OUT.println("## 8-layer 3840×2160 scene: tiled renderer vs 8 full-canvas source-over passes (same run, same threads)");
        OUT.println("| threads | tiled renderer ms | 8 separate passes ms | ratio |");
        OUT.println("|---|---|---|---|");
        for (String t : ts) {
            Map<String, String> p = Map.of("threads", t);
            double tiled = score(rs, "tiledRenderer", p), passes = score(rs, "separateFullPasses", p);
            OUT.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", t, tiled, passes, tiled / passes);
        }
        OUT.println();
        List<RunResult> out = new ArrayList<>(rs);
        Collection<RunResult> gs = new Runner(options(SceneBenchmark.class.getSimpleName() + ".tiledRenderer")
                .param("grouped", "false", "true").build()).run();
        out.addAll(gs);
        // the outer group a clipping one (its layers above the first clipped to it), as a Photoshop clipping mask is read
        Collection<RunResult> cs = new Runner(options(SceneBenchmark.class.getSimpleName() + ".tiledRenderer")
                .param("grouped", "true").param("clipping", "true").build()).run();
        out.addAll(cs);
        // the outer group a pass-through one: at 80 % (its layers over a copy of the backdrop, faded into it), or masked
        Collection<RunResult> ps = new Runner(options(SceneBenchmark.class.getSimpleName() + ".tiledRenderer")
                .param("grouped", "true").param("passThrough", "faded", "masked").build()).run();
        out.addAll(ps);
        double flat = score(gs, "tiledRenderer", Map.of("grouped", "false")), grouped = score(gs, "tiledRenderer", Map.of("grouped", "true"));
        double clipping = score(cs, "tiledRenderer", Map.of("clipping", "true"));
        double faded = score(ps, "tiledRenderer", Map.of("passThrough", "faded")), masked = score(ps, "tiledRenderer", Map.of("passThrough", "masked"));
        OUT.println("## the same scene with layers 3–8 in a group (layers 5–6 in a group inside it), 1 thread, same run; the group a clipping one;"
                + " a pass-through one at 80 %, or masked");
        OUT.println("| flat ms | grouped ms | grouped ÷ flat | clipping ms | clipping ÷ grouped | faded ms | masked ms"
                + " | bytes per render, grouped / clipping / faded / masked (in-process probe) |");
        OUT.println("|---|---|---|---|---|---|---|---|");
        OUT.printf(Locale.ROOT, "| %.2f | %.2f | %.2f× | %.2f | %.2f× | %.2f | %.2f | %.3f / %.3f / %.3f / %.3f |%n%n", flat, grouped, grouped / flat,
                clipping, clipping / grouped, faded, masked,
                AllocationProbe.bytesPerRender(300, 200, "3840x2160", false, "srgb", true),
                AllocationProbe.bytesPerRender(300, 200, "3840x2160", false, "srgb", true, true),
                AllocationProbe.bytesPerRender(300, 200, "3840x2160", false, "srgb", true, false, "faded"),
                AllocationProbe.bytesPerRender(300, 200, "3840x2160", false, "srgb", true, false, "masked"));
        return out;
    }

    private static Collection<RunResult> scaling(String threads) throws RunnerException {
        String[] ts = threads.split(",");
        Collection<RunResult> rs = new Runner(options(ScalingBenchmark.class.getSimpleName())
                .param("threads", ts).build()).run();
        OUT.println("## thread scaling, 3840×2160 scene of 6 layers (source-over, multiply, screen, soft-light, overlay)");
        OUT.println("| threads | ms per render | speed-up vs 1 thread |");
        OUT.println("|---|---|---|");
        double one = score(rs, "render", Map.of("threads", "1"));
        for (String t : ts) {
            double v = score(rs, "render", Map.of("threads", t));
            OUT.printf(Locale.ROOT, "| %s | %.2f | %.2f× |%n", t, v, one / v);
        }
        OUT.println();
        return rs;
    }

    private static Collection<RunResult> alloc() throws RunnerException {
        Map<String, Double> norm = new HashMap<>();
        Collection<RunResult> rs = new Runner(options(SceneBenchmark.class.getSimpleName() + ".tiledRenderer")
                .param("size", "512x512", "3840x2160").addProfiler("gc")
                .measurementTime(TimeValue.seconds(quick ? 2 : 5)).build()).run();
        OUT.println("## allocation per render at steady state (JMH -prof gc, gc.alloc.rate.norm)");
        OUT.println("| scene | bytes per render (JMH) |");
        OUT.println("|---|---|");
        for (RunResult r : rs) {
            var sec = r.getSecondaryResults().get("·gc.alloc.rate.norm");
            if (sec == null) sec = r.getSecondaryResults().get("gc.alloc.rate.norm");
            double v = sec == null ? Double.NaN : sec.getScore();
            norm.put(r.getParams().getParam("size"), v);
            OUT.printf(Locale.ROOT, "| 8 layers %s | %.3f |%n", r.getParams().getParam("size"), v);
        }
        OUT.println("(JMH's own bookkeeping, a few KB per iteration, is divided over the renders of that iteration:"
                + " the small scene runs enough renders per iteration to show the renderer's own figure.)");
        OUT.println();
        OUT.printf(Locale.ROOT, "In-process probe (ThreadMXBean, no JMH): %.3f bytes per render of the 8-layer 3840x2160 scene,"
                + " 1 thread, over 200 renders after 300 of warm-up.%n%n", AllocationProbe.bytesPerRender(300, 200));
        return rs;
    }

    private static Collection<RunResult> resample() throws RunnerException {
        List<RunResult> out = new ArrayList<>();
        Collection<RunResult> rs = new Runner(options(ResizeBenchmark.class.getSimpleName()).build()).run();
        Collection<RunResult> scalar = new Runner(options(ResizeBenchmark.class.getSimpleName() + ".blendbench")
                .jvmArgsAppend("-Dblendbench.vector=false").build()).run();
        out.addAll(rs);
        out.addAll(scalar);
        OUT.println("## resize 1920×1080 → 1280×720, 1 thread (weights and output allocated every call)");
        OUT.println("| filter | Blendbench ms | scalar fallback ms | Java2D AffineTransformOp ms (no widening) | libvips 8.14 ms (issue) | × faster than libvips | × faster than Go CatmullRom (105 ms, issue) |");
        OUT.println("|---|---|---|---|---|---|---|");
        Map<String, Double> vips = Map.of("bilinear", 16.0, "mitchell", 19.0, "lanczos3", 22.0);
        for (String f : List.of("bilinear", "mitchell", "lanczos3", "catmull-rom")) {
            double bb = score(rs, "blendbench", Map.of("filter", f)), sc = score(scalar, "blendbench", Map.of("filter", f));
            double j2d = score(rs, "java2d", Map.of("filter", f));
            Double v = vips.get(f);
            OUT.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s | %s | %s |%n", f, bb, sc, j2d,
                    v == null ? "–" : String.format(Locale.ROOT, "%.0f", v),
                    v == null ? "–" : String.format(Locale.ROOT, "%.1f×", v / bb),
                    f.equals("catmull-rom") ? String.format(Locale.ROOT, "%.1f×", 105 / bb) : "–");
        }
        OUT.println();
        Collection<RunResult> sc = new Runner(options(SceneBenchmark.class.getSimpleName() + ".tiledRenderer")
                .param("size", "1920x1080").param("transformed", "false", "true").param("blendSpace", "srgb", "linear")
                .build()).run();
        out.addAll(sc);
        OUT.println("## 8-layer 1920×1080 scene, 1 thread: transformed layers and linear-light blending (same run)");
        OUT.println("| layers | sRGB-encoded ms | linear light ms | linear ÷ sRGB |");
        OUT.println("|---|---|---|---|");
        for (String t : List.of("false", "true")) {
            double a = score(sc, "tiledRenderer", Map.of("transformed", t, "blendSpace", "srgb"));
            double b = score(sc, "tiledRenderer", Map.of("transformed", t, "blendSpace", "linear"));
            OUT.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f× |%n", t.equals("true") ? "7 scaled ×1.25 at fractional offsets (1 rotated)" : "whole-pixel placement", a, b, b / a);
        }
        OUT.println();
        OUT.printf(Locale.ROOT, "In-process probe (ThreadMXBean): %.3f bytes per render of the 8-layer 1920x1080 scene with"
                + " transformed layers, %.3f with linear-light blending, 1 thread, 60 renders after 40 of warm-up.%n%n",
                AllocationProbe.bytesPerRender(40, 60, "1920x1080", true, "srgb"),
                AllocationProbe.bytesPerRender(40, 60, "1920x1080", false, "linear"));
        Collection<RunResult> cm = new Runner(options(CmykLayoutBenchmark.class.getSimpleName()).build()).run();
        out.addAll(cm);
        double inter = score(cm, "interleaved", Map.of()), planar = score(cm, "planar", Map.of()), icc = score(cm, "iccInterleaved", Map.of());
        OUT.println("## RGB → CMYK of 1920×1080, naive formula: interleaved vs planar layout (same run)");
        OUT.println("| interleaved ms | planar ms | planar speed-up | ICC (LittleCMS) interleaved ms |");
        OUT.println("|---|---|---|---|");
        OUT.printf(Locale.ROOT, "| %.2f | %.2f | %.2f× | %.2f |%n%n", inter, planar, inter / planar, icc);
        return out;
    }
}

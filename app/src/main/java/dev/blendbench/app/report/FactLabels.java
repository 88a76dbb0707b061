package dev.blendbench.app.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings, machine and JVM facts of a session file as a reader of a report wants them:
 * {@code warmupSeconds 2} reads "warm-up 2 s", {@code load.model closed} "load closed loop",
 * {@code jvm.maxHeapBytes 6320816128} "max heap 6028.0 MB". Keys this class does not know (a
 * newer file's) still read as words, with the unit their name ends in ({@code Seconds},
 * {@code Millis}, {@code Bytes}, {@code PerSecond}) moved to the value.
 */
final class FactLabels {
    private FactLabels() {}

    private record Label(String name, String unit) {}

    /** The key under which a comparison of conditions gives other processes' and steal's cores ({@link CpuShare}). */
    static final String OTHER_LOAD = "otherLoad";

    private static final Map<String, Label> KNOWN = Map.ofEntries(
            Map.entry("warmupSeconds", new Label("warm-up", "s")),
            Map.entry("warmupUntilSteady", new Label("warm-up until steady, at most the above", "")),
            Map.entry("durationSeconds", new Label("duration", "s")),
            Map.entry("maxJobs", new Label("job limit", "")),
            Map.entry("drainLimitSeconds", new Label("drain limit", "s")),
            Map.entry("raceDetect", new Label("race detector", "")),
            Map.entry("virtualThreads", new Label("threads", "")),
            Map.entry("synthetic", new Label("synthetic job", "")),
            Map.entry("stall", new Label("injected stall", "")),
            Map.entry("load.model", new Label("load", "")),
            Map.entry("load.workers", new Label("workers", "")),
            Map.entry("load.thinkMillis", new Label("think time", "ms")),
            Map.entry("load.ratePerSecond", new Label("target rate", "jobs/s")),
            Map.entry("load.arrivals", new Label("arrivals", "")),
            Map.entry("ramp", new Label("ramp", "")),
            Map.entry("arguments", new Label("command line", "")),
            Map.entry("stepSeconds", new Label("step", "s")),
            Map.entry("jvmWarmupSeconds", new Label("JVM warm-up", "s")),
            Map.entry("slo", new Label("objective", "")),
            Map.entry("fromRate", new Label("lowest rate", "jobs/s")),
            Map.entry("toRate", new Label("highest rate", "jobs/s")),
            Map.entry("os", new Label("OS", "")),
            Map.entry("arch", new Label("architecture", "")),
            Map.entry("cpuModel", new Label("processor", "")),
            Map.entry(OTHER_LOAD, new Label("other processes and steal", "")),
            Map.entry(Observer.KEY, new Label("workbench's CPU", "cores")),
            Map.entry("jvm.version", new Label("Java", "")),
            Map.entry("jvm.vendor", new Label("Java vendor", "")),
            Map.entry("jvm.vm", new Label("JVM", "")),
            Map.entry("jvm.maxHeapBytes", new Label("max heap", "")),
            Map.entry("jvm.collectors", new Label("collectors", "")),
            Map.entry("jvm.inputArguments", new Label("JVM options", "")),
            Map.entry("jvm.vectorKernels", new Label("kernels", "")));

    /** The listed label, or one guessed from the key (only then: the guess is not free). */
    private static Label labelOf(String key) {
        Label known = KNOWN.get(key);
        return known != null ? known : guess(key);
    }

    /** {@code key}'s label ("warm-up" for {@code warmupSeconds}). */
    static String label(String key) {
        return labelOf(key).name();
    }

    /** {@code value} of {@code key} as the report shows it ("2 s" for {@code warmupSeconds 2}). */
    static String value(String key, String value) {
        return value(key, labelOf(key), value);
    }

    /** Each key's label and its value with its unit, in the given order. */
    static Map<String, String> readable(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            Label l = labelOf(key);
            out.merge(l.name(), value(key, l, value), (a, b) -> a + "; " + b);
        });
        return out;
    }

    private static String value(String key, Label l, String v) {
        return switch (key) {
            case "maxJobs" -> "0".equals(v) ? "none" : v + " measured jobs";
            case "raceDetect" -> yesNo(v, "on", "off");
            case "virtualThreads" -> yesNo(v, "virtual", "platform");
            case "jvm.vectorKernels" -> yesNo(v, "Vector API", "scalar");
            case "load.model" -> "closed".equals(v) ? "closed loop" : "open".equals(v) ? "open loop (a target rate)" : v;
            default -> {
                if (key.endsWith("Bytes")) yield Summaries.bytes(parse(v));
                if (v.equals("true") || v.equals("false")) yield yesNo(v, "yes", "no");
                yield l.unit().isEmpty() || !isNumber(v) ? v : v + " " + l.unit();
            }
        };
    }

    /** A key nobody listed: its last part in words, its unit from how its name ends. */
    private static Label guess(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        String unit = "";
        for (String[] suffix : new String[][] {{"PerSecond", "/s"}, {"Seconds", "s"}, {"Millis", "ms"}, {"Bytes", ""}}) {
            if (last.endsWith(suffix[0]) && last.length() > suffix[0].length()) {
                last = last.substring(0, last.length() - suffix[0].length());
                unit = suffix[1];
                break;
            }
        }
        String words = last.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        String prefix = key.contains(".") && !key.startsWith("jvm.") ? key.substring(0, key.lastIndexOf('.')) + " " : "";
        return new Label(prefix + words, unit);
    }

    private static String yesNo(String v, String yes, String no) {
        return "true".equals(v) ? yes : "false".equals(v) ? no : v;
    }

    private static boolean isNumber(String v) {
        return !Double.isNaN(parse(v));
    }

    private static double parse(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}

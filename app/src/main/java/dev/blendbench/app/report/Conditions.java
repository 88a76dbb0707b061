package dev.blendbench.app.report;

import java.util.List;

/**
 * Whether sessions can be compared, and what besides the workload differs between them: the
 * same job (workload descriptions alike, older files' missing parts no difference), the same job
 * under another strategy, and the conditions — load, threads, machine, JVM — that differ.
 */
public final class Conditions {
    private Conditions() {}

    /**
     * The conditions besides the workload that two sessions ran under and that differ, each as
     * "label A vs B" ("workers 2 vs 4", "cores 2 vs 16", "collectors G1 ... vs ZGC ..."): the load,
     * the threads, the race detector, the machine and the JVM. A comparison across them measures
     * them as well as the change; {@code compare} and the Strategies tab say so.
     */
    public static List<String> differences(Session a, Session b) {
        List<String> out = new java.util.ArrayList<>();
        for (String key : List.of("load.model", "load.workers", "load.ratePerSecond", "load.arrivals", "load.thinkMillis",
                "virtualThreads", "raceDetect")) {
            differ(out, key, a.settings().getOrDefault(key, absent(key)), b.settings().getOrDefault(key, absent(key)));
        }
        for (String key : List.of("cores", "arch", "cpuModel")) {
            differ(out, key, a.machine().getOrDefault(key, ""), b.machine().getOrDefault(key, ""));
        }
        if (Observer.weighed(a) != Observer.weighed(b)) { // one shared its machine with the workbench's drawing, the other did not
            differ(out, Observer.KEY, Observer.weighed(a) ? Observer.coresText(a) : "none", Observer.weighed(b) ? Observer.coresText(b) : "none");
        }
        if (CpuShare.noticeable(a) != CpuShare.noticeable(b)) { // one ran beside other work that took its share of the CPUs, the other did not
            differ(out, FactLabels.OTHER_LOAD, CpuShare.othersText(a), CpuShare.othersText(b));
        }
        for (String key : List.of("version", "vm", "maxHeapBytes", "collectors", "vectorKernels")) {
            differ(out, "jvm." + key, a.jvm().getOrDefault(key, ""), b.jvm().getOrDefault(key, ""));
        }
        return out;
    }

    private static final java.util.regex.Pattern SOURCE_MEMORY = java.util.regex.Pattern.compile(" \\([0-9.]+ MB of source pixels\\)");
    private static final java.util.regex.Pattern SCENE_PRINT = java.util.regex.Pattern.compile(", scene #[0-9a-f]{8}");

    /**
     * Whether two sessions' workload descriptions name the same job. Files written before the
     * description gave the layers' source memory ("3 layers (16.6 MB of source pixels)") or the
     * scene's fingerprint ("scene #3f9a0c12") lack them: where one of the two does, that fact is
     * no difference (one file does not have it).
     */
    public static boolean sameWorkload(String a, String b) {
        for (java.util.regex.Pattern optional : List.of(SOURCE_MEMORY, SCENE_PRINT)) {
            if (optional.matcher(a).find() != optional.matcher(b).find()) {
                a = optional.matcher(a).replaceAll("");
                b = optional.matcher(b).replaceAll("");
            }
        }
        return a.equals(b);
    }

    private static final java.util.regex.Pattern STRATEGY = java.util.regex.Pattern.compile(", strategy [a-z-]+");

    /**
     * Whether two sessions ran the same job under different strategies (a comparison of strategies,
     * as the Stress tab's or two {@code stress --strategy} runs make): their workload descriptions
     * agree once the strategy is left out of both.
     */
    public static boolean sameJobOtherStrategy(Session a, Session b) {
        return !a.strategy().equals(b.strategy())
                && sameWorkload(STRATEGY.matcher(a.workload()).replaceAll(""), STRATEGY.matcher(b.workload()).replaceAll(""));
    }

    /**
     * For a report comparing {@code sessions}: how each differs from the first besides the workload
     * ({@link #differences}), in one paragraph; "" where they ran under the same conditions.
     */
    public static String conditionsNote(List<Session> sessions) {
        if (sessions.size() < 2) return "";
        Session base = sessions.get(0);
        List<String> parts = new java.util.ArrayList<>();
        for (Session s : sessions.subList(1, sessions.size())) {
            List<String> d = differences(base, s);
            if (!d.isEmpty()) parts.add(Summaries.label(s) + ": " + String.join("; ", d));
        }
        return parts.isEmpty() ? "" : "Conditions that differ from " + Summaries.label(base) + "'s besides the workload — "
                + String.join(". ", parts) + ". The comparison measures these differences too.";
    }

    /** A setting a file leaves out when it is off. */
    private static String absent(String key) {
        return key.equals("raceDetect") || key.equals("virtualThreads") ? "false" : "";
    }

    private static void differ(List<String> out, String key, String a, String b) {
        if (a.equals(b) || a.isEmpty() || b.isEmpty()) return; // a fact one file does not have is no difference
        out.add(FactLabels.label(key) + " " + FactLabels.value(key, a) + " vs " + FactLabels.value(key, b));
    }
}

package dev.blendbench.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blendbench.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The workbench's own share of the machine while one of its stress sessions ran. The workload
 * runs in a JVM of its own, but on the same cores as the workbench drawing its live charts; CPU
 * the workbench took is CPU the workload did not have, most of all on a machine with few cores.
 * The workbench writes what it used into the session file as {@code machine.workbenchCpuCores}
 * (absent in sessions run from the command line), and the sentence, the caveats and comparisons
 * say so where it is a noticeable share of the machine.
 */
public final class Observer {
    private Observer() {}

    /** The session file's field, under {@code machine}: the workbench's CPU time over the session's wall time. */
    public static final String KEY = "workbenchCpuCores";

    /** From this share of the machine's cores on, the workbench is said to have weighed on the session: 5 %. */
    static final double NOTICEABLE_SHARE = 0.05;

    /**
     * Writes {@code cores} into the session file {@code json} (atomically: it is rewritten whole or
     * left as it was).
     *
     * @throws IOException where the file cannot be read, is no session file, or cannot be rewritten
     */
    public static void record(Path json, double cores) throws IOException {
        if (!(cores >= 0) || Double.isInfinite(cores)) throw new IllegalArgumentException("cores: " + cores);
        JsonNode root = StressJson.JSON.readTree(Files.readAllBytes(json));
        if (!(root instanceof ObjectNode o) || !o.path("schema").asText().equals(StressJson.SCHEMA)) {
            throw new IOException(json.getFileName() + " is no session file");
        }
        JsonNode machine = o.path("machine");
        ObjectNode m = machine instanceof ObjectNode mo ? mo : o.putObject("machine");
        m.put(KEY, Math.round(cores * 1000) / 1000.0);
        AtomicFiles.write(json, StressJson.JSON.writeValueAsBytes(o));
    }

    /** The cores the workbench used while {@code s} ran; NaN where the file does not say (run from the command line). */
    public static double cores(Session s) {
        String v = s.machine().get(KEY);
        if (v == null) return Double.NaN;
        try {
            double c = Double.parseDouble(v);
            return c >= 0 && !Double.isInfinite(c) ? c : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The machine's cores as the session file gives them; 0 where it does not. */
    private static int machineCores(Session s) {
        try {
            return Integer.parseInt(s.machine().getOrDefault("cores", "0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the workbench took a noticeable share ({@value #NOTICEABLE_SHARE} or more) of the machine's cores while {@code s} ran. */
    public static boolean weighed(Session s) {
        double c = cores(s);
        int n = machineCores(s);
        return !Double.isNaN(c) && (n > 0 ? c / n : c) >= NOTICEABLE_SHARE;
    }

    /** "0.35 of its 2 cores" ({@code whose}: "its") or "0.35 cores" where the file does not give the machine's. */
    private static String share(Session s, String whose) {
        int n = machineCores(s);
        String c = String.format(Locale.ROOT, "%.2f", cores(s));
        return n > 0 ? c + " of " + whose + " " + n + (n == 1 ? " core" : " cores") : c + " cores";
    }

    /** "0.35": the cores the workbench used while {@code s} ran, as a comparison gives them. */
    static String coresText(Session s) {
        return String.format(Locale.ROOT, "%.2f", cores(s));
    }

    /** The caveat's phrase, after the session's name: "shared the machine with the workbench, which used 0.35 of its 2 cores". */
    public static String caveat(Session s) {
        return "shared the machine with the workbench, which used " + share(s, "its");
    }

    /** " The workbench used 0.35 of the machine's 2 cores while it ran…", or "" where it did not weigh on {@code s}. */
    public static String sentence(Session s) {
        if (!weighed(s)) return "";
        return " The workbench itself used " + share(s, "the machine's") + " while this ran, drawing the live charts: CPU the"
                + " workload did not have (the command line's stress command measures without it).";
    }
}

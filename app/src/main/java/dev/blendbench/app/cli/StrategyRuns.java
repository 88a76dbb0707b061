package dev.blendbench.app.cli;

import dev.blendbench.app.report.ReportException;
import dev.blendbench.app.report.ReportTables;
import dev.blendbench.app.report.Session;
import dev.blendbench.app.report.SessionReader;
import dev.blendbench.app.report.Verdicts;
import dev.blendbench.engine.stress.Strategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code stress --strategy A,B,...}: the same session under each strategy in turn, each in a workload
 * JVM of its own, then the sessions side by side — the table the reports and the workbench's
 * Strategies tab show, and each strategy's p99 judged against the first's ({@link Verdicts}) — as
 * the workbench's <i>Compare strategies</i> does, headless. Each session's files are those asked
 * for, named by strategy: {@code --json s.json} writes {@code s-per-worker.json}, {@code s-pooled.json}, ….
 */
final class StrategyRuns {
    private StrategyRuns() {}

    /** The strategies {@code --strategy} names, in order; one for a single name. @throws BadInputException for an unknown or repeated one */
    static List<String> parse(String option) {
        List<String> names = Arrays.stream(option.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) throw new BadInputException("--strategy names none");
        for (String n : names) {
            try {
                Strategy.parse(n);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        if (names.stream().distinct().count() < names.size()) throw new BadInputException("--strategy names a strategy twice: " + option);
        return names;
    }

    /** {@code file} with {@code -strategy} before its extension: {@code s.json} → {@code s-pooled.json}. */
    static Path named(Path file, String strategy) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        String named = dot > 0 ? f.substring(0, dot) + "-" + strategy + f.substring(dot) : f + "-" + strategy;
        return file.resolveSibling(named);
    }

    /** {@code args} with {@code option}'s value (given as {@code --x V} or {@code --x=V}) replaced by {@code value}, or added. */
    static List<String> with(List<String> args, String option, String value) {
        List<String> out = new ArrayList<>();
        boolean done = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(option) && i + 1 < args.size()) {
                out.add(option);
                out.add(value);
                i++;
                done = true;
            } else if (a.startsWith(option + "=")) {
                out.add(option + "=" + value);
                done = true;
            } else {
                out.add(a);
            }
        }
        if (!done) {
            out.add(option);
            out.add(value);
        }
        return out;
    }

    /**
     * Runs each strategy's session, forked, with its files named by strategy (the JSON in a
     * folder of its own where none was asked for, to compare them), then prints the sessions side by
     * side and the verdicts. Returns the first run's exit code that is not 0 (a stop: 130), else 0.
     */
    static int run(List<String> strategies, List<String> args, List<String> jvmOptions, Path json, Path csv, Path hlog, Path jfr,
                   Supplier<ProgressLine> progress, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Path folder = json == null ? Files.createTempDirectory("blendbench-strategies") : null;
        List<Session> sessions = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        // the other files a session may write, each named by strategy too
        java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
        files.put("--csv", csv);
        files.put("--hlog", hlog);
        files.put("--jfr", jfr);
        for (int i = 0; i < strategies.size(); i++) {
            String s = strategies.get(i);
            out.printf(Locale.ROOT, "strategy %s (%d of %d)%n", s, i + 1, strategies.size());
            out.flush();
            Path sj = json != null ? named(json, s) : folder.resolve(s + ".json");
            List<String> a = with(with(args, "--strategy", s), "--json", sj.toString());
            for (var f : files.entrySet()) {
                if (f.getValue() == null) continue;
                a = with(a, f.getKey(), named(f.getValue(), s).toString());
                written.add(named(f.getValue(), s));
            }
            int code = ForkedStress.run(a, jvmOptions, sj, progress.get(), out, err);
            if (code != 0) return code;
            if (json != null) written.add(sj);
            try {
                sessions.add(SessionReader.read(sj).withName(s + ".json")); // labelled by strategy alone
            } catch (ReportException e) {
                err.println("stress: " + e.getMessage());
                return Cli.INTERNAL;
            }
        }
        out.println();
        out.printf(Locale.ROOT, "strategies compared (the first, %s, is the baseline):%n", strategies.get(0));
        table(out, ReportTables.comparisonHeader(), ReportTables.comparisonRows(sessions));
        Verdicts.againstFirst(sessions).forEach(out::println);
        if (!written.isEmpty()) {
            out.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        }
        return 0;
    }

    /** Columns padded to their widest cell, the first left-aligned, the rest right-aligned. */
    private static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] w = new int[header.size()];
        for (List<String> r : all) {
            for (int c = 0; c < w.length; c++) w[c] = Math.max(w[c], r.get(c).length());
        }
        for (List<String> r : all) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < w.length; c++) {
                String cell = r.get(c);
                String pad = " ".repeat(w[c] - cell.length());
                b.append(c == 0 ? cell + pad : "  " + pad + cell);
            }
            out.println(b.toString().stripTrailing());
        }
    }
}

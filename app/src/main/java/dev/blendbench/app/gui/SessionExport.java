package dev.blendbench.app.gui;

import dev.blendbench.app.report.ReportException;
import dev.blendbench.app.report.ReportFormats;
import dev.blendbench.app.report.Session;
import dev.blendbench.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Stress tab's Export writes, by the file's extension: a report ({@link ReportFormats}) of
 * the results, their session JSON files as written, or the flight recordings beside them
 * ({@link StressRun#recordingFor}). Plain file work, for a background thread.
 */
final class SessionExport {
    private SessionExport() {}

    /** Extensions Export takes: the report formats, {@code json} and {@code jfr}. */
    static final List<String> EXTENSIONS;

    static {
        List<String> all = new ArrayList<>(ReportFormats.EXTENSIONS);
        all.add("json");
        all.add("jfr");
        EXTENSIONS = List.copyOf(all);
    }

    /**
     * Writes {@code sessions} (read from {@code files}, in the same order) as {@code out} says and
     * returns the files written: one for a report; for JSON, JFR or HGRM (a session's latency
     * distribution, {@link dev.blendbench.app.report.Hgrm}), {@code out} itself for one session,
     * else {@code out}'s name with each file's appended ({@code strategies-pooled.json}). A session
     * without a flight recording (Flight recording was not ticked) is left out of a JFR export; an
     * export that would write none is refused.
     */
    static List<Path> write(List<Session> sessions, List<Path> files, Path out) throws ReportException, IOException {
        String ext = ReportFormats.extension(out);
        if (ext.equals("jfr")) {
            List<Path> recordings = files.stream().map(StressRun::recordingFor).filter(Files::isRegularFile).toList();
            if (recordings.isEmpty()) {
                throw new IOException("these sessions have no flight recording: tick Flight recording before Start");
            }
            return copies(recordings, out, "jfr");
        }
        if (ext.equals("hgrm")) { // one distribution a file
            List<byte[]> each = new ArrayList<>();
            for (Session s : sessions) each.add(dev.blendbench.app.report.Hgrm.render(s));
            return written(files, out, "hgrm", each::get);
        }
        if (!ext.equals("json")) {
            AtomicFiles.write(out, ReportFormats.render(sessions, ext));
            return List.of(out);
        }
        return copies(files, out, "json");
    }

    /** {@code files} copied to {@code out}, or, for several, to {@code out}'s name with each one's appended. */
    private static List<Path> copies(List<Path> files, Path out, String ext) throws IOException {
        List<byte[]> each = new ArrayList<>();
        for (Path f : files) each.add(Files.readAllBytes(f));
        return written(files, out, ext, each::get);
    }

    /** The {@code k}th file's {@code bytes(k)} written to {@code out}, or, for several, to {@code out}'s name with each file's appended. */
    private static List<Path> written(List<Path> files, Path out, String ext, java.util.function.IntFunction<byte[]> bytes) throws IOException {
        if (files.size() == 1) {
            AtomicFiles.write(out, bytes.apply(0));
            return List.of(out);
        }
        String suffix = "(?i)\\." + ext + "$";
        String stem = out.getFileName().toString().replaceFirst(suffix, "");
        List<Path> written = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int k = 0; k < files.size(); k++) {
            Path f = files.get(k);
            // the file's own name: the strategy for a run here (per-worker.json), else what it was called
            String name = f.getFileName().toString().replaceFirst("(?i)\\.json$", "").replaceFirst(suffix, "");
            String unique = name;
            for (int n = 2; !used.add(unique); n++) unique = name + "-" + n;
            Path to = out.resolveSibling(stem + "-" + unique + "." + ext);
            AtomicFiles.write(to, bytes.apply(k));
            written.add(to);
        }
        return written;
    }
}

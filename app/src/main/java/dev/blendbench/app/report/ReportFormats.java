package dev.blendbench.app.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The report formats, chosen by a file name's extension — one choice for {@code blendbench report -o}
 * and the workbench's Export: HTML (the default), PDF, the CSV of the intervals, or one session's
 * latency distribution as HdrHistogram's percentile distribution text ({@link Hgrm}).
 */
public final class ReportFormats {
    private ReportFormats() {}

    /** Extensions that name a report format. */
    public static final List<String> EXTENSIONS = List.of("html", "htm", "pdf", "csv", "hgrm");

    /** The lower-case extension of {@code p}'s file name, or "" when it has none (a leading dot starts no extension). */
    public static String extension(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The report of {@code sessions} in the format {@code extension} names (see {@link #EXTENSIONS}; anything else: HTML). */
    public static byte[] render(List<Session> sessions, String extension) throws ReportException {
        return switch (extension) {
            case "pdf" -> PdfReport.render(sessions);
            case "csv" -> SessionCsv.render(sessions);
            case "hgrm" -> Hgrm.render(sessions);
            default -> HtmlReport.render(sessions);
        };
    }
}

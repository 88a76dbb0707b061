package dev.blendbench.app.cli;

import dev.blendbench.app.report.ReportException;
import dev.blendbench.app.report.ReportFormats;
import dev.blendbench.app.report.Session;
import dev.blendbench.app.report.SessionReader;
import dev.blendbench.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code blendbench report}: turns session files into an HTML, PDF or CSV report, or one session into an .hgrm. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a report of one or more session files (stress sessions, ramps, cliff searches).",
                "HTML is one self-contained file (inline SVG charts, opens offline); PDF has the same content with "
                        + "vector charts; CSV is the interval series; .hgrm is one session's latency distribution as "
                        + "HdrHistogram prints it (its plotter reads it).",
                "Several sessions (e.g. one per strategy) get a comparison table and chart at the top."},
        footer = {"", "Examples:", "  blendbench report session.json -o report.html",
                "  blendbench report pooled.json per-worker.json shared-locked.json -o strategies.pdf",
                "  blendbench report session.json -o session.hgrm"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SESSION.json", arity = "1..*", description = "Session files written by stress --json or cliff --json.")
    List<Path> sessions;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
            description = "Report file; .html, .pdf, .csv or .hgrm picks the format.")
    Path output;

    @Override
    public Integer call() throws IOException {
        OutputFiles.requireFileName(output);
        String ext = ReportFormats.extension(output);
        if (!ReportFormats.EXTENSIONS.contains(ext)) {
            throw new BadInputException(output + ": unknown report format; use .html, .pdf, .csv or .hgrm");
        }
        OutputFiles.requireFolder(output);
        List<Session> loaded = new ArrayList<>();
        byte[] bytes;
        try {
            loaded.addAll(SessionReader.readAll(sessions));
            bytes = ReportFormats.render(loaded, ext);
        } catch (ReportException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        try {
            AtomicFiles.write(output, bytes);
        } catch (IOException e) {
            throw new BadInputException(output + ": cannot write (" + e.getMessage() + ")", e);
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "wrote %s: %s report of %d session%s, %,d bytes",
                output, ext.equals("htm") ? "HTML" : ext.toUpperCase(Locale.ROOT), loaded.size(), loaded.size() == 1 ? "" : "s",
                bytes.length));
        return Cli.OK;
    }
}

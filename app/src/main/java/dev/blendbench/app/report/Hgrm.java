package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.Point;
import dev.blendbench.app.report.Session.Stats;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A session's latency distribution as HdrHistogram's percentile distribution text ({@code .hgrm},
 * what {@code Histogram.outputPercentileDistribution} prints): the columns Value (ms), Percentile
 * (0..1), TotalCount and 1/(1-Percentile), then the mean, the max and the count. HdrHistogram's
 * plotter (its {@code plotFiles.html}) and the tools built around the format read it, so that runs
 * of Blendbench and of other services can be drawn together. TotalCount is the jobs at or below the
 * point's percentile of the session's count (the file keeps percentiles, not counts).
 */
public final class Hgrm {
    private Hgrm() {}

    /** The one session's distribution. @throws ReportException for several files, or one without a distribution */
    public static byte[] render(List<Session> sessions) throws ReportException {
        if (sessions.size() != 1) {
            throw new ReportException("an .hgrm holds one latency distribution: give one session file, not " + sessions.size());
        }
        return render(sessions.get(0));
    }

    /** {@code s}'s distribution. @throws ReportException for a ramp, a cliff search, or a file without a distribution */
    public static byte[] render(Session s) throws ReportException {
        if (s.kind() != Session.Kind.SESSION) {
            throw new ReportException(s.name() + " is a " + s.kind().name().toLowerCase(Locale.ROOT)
                    + ": an .hgrm holds one session's latency distribution");
        }
        Stats l = s.latency();
        if (l.distribution().isEmpty()) {
            throw new ReportException(s.name() + " holds no latency distribution (written before stress --json kept it): run the session again");
        }
        StringBuilder b = new StringBuilder(8 * 1024);
        b.append(String.format(Locale.ROOT, "%12s %14s %10s %14s\n\n", "Value", "Percentile", "TotalCount", "1/(1-Percentile)"));
        List<Point> points = l.distribution();
        for (Point p : points) {
            double fraction = p.percentile() / 100;
            long total = Math.round(fraction * l.count());
            if (fraction < 1) {
                b.append(String.format(Locale.ROOT, "%12.3f %2.12f %10d %14.2f\n", p.ms(), fraction, total, 1 / (1 - fraction)));
            } else {
                b.append(String.format(Locale.ROOT, "%12.3f %2.12f %10d\n", p.ms(), fraction, total));
            }
        }
        b.append(String.format(Locale.ROOT, "#[Mean    = %12.3f, Max            = %12.3f]\n", l.mean(), points.getLast().ms()));
        b.append(String.format(Locale.ROOT, "#[Total count    = %12d]\n", l.count()));
        b.append("#[Values in milliseconds: end-to-end latency of ").append(s.name().replaceAll("[\\r\\n\\]]", " "))
                .append(", written by Blendbench]").append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}

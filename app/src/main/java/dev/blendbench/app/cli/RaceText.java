package dev.blendbench.app.cli;

import dev.blendbench.app.report.ThreadList;
import dev.blendbench.engine.race.Access;
import dev.blendbench.engine.race.Finding;
import dev.blendbench.engine.race.RaceDetector;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Race findings as the CLI prints them: one line each as found, and a summary at the end. */
final class RaceText {
    private RaceText() {}

    /**
     * The finding on one line, ending with when it was first seen: seconds into measuring, as the
     * progress lines count them, or "in warm-up".
     */
    static String line(Finding f, long measureStartNanos) {
        return String.format(Locale.ROOT, "race on %s at %s: %s by %s vs %s by %s (%s)", f.surface(), f.intersection(),
                kind(f.earlier()), f.earlier().threadName(), kind(f.later()), f.later().threadName(),
                dev.blendbench.app.report.Session.Race.when((f.firstSeenNanos() - measureStartNanos) / 1e9));
    }

    /**
     * The findings at the end of a run: how many, how many racing accesses, the detector's shadow
     * state; then one line each, with its count, every thread of its races and its code sites.
     */
    static void summary(PrintWriter out, RaceDetector races) {
        List<Finding> fs = races.findings();
        out.printf(Locale.ROOT, "races: %d finding%s, %d racing accesses in all; detector holds %d shadow entries (about %.1f KB)%n",
                fs.size(), fs.size() == 1 ? "" : "s", races.racingAccesses(),
                races.shadowEntries(), races.shadowBytes() / 1024.0);
        int k = 0;
        for (Finding f : fs) {
            out.println(String.format(Locale.ROOT, "  %d. %s vs %s on %s at %s: %,d time%s ", ++k, f.earlier().write() ? "write" : "read",
                    f.later().write() ? "write" : "read", f.surface(), f.intersection(), f.count(), f.count() == 1 ? "" : "s")
                    + ThreadList.phrase(f.threads(), f.moreThreads()) + ", " + sites(f));
        }
    }

    /** Where the two sides' code is: "both at Foo.java:12", or "at Foo.java:12 and Bar.java:40". */
    private static String sites(Finding f) {
        String a = site(f.earlier()), b = site(f.later());
        return a.equals(b) ? "both at " + a : "at " + a + " and " + b;
    }

    private static String site(Access a) {
        if (a.site().isEmpty()) return "an unknown site";
        StackTraceElement e = a.site().get(0);
        return e.getFileName() == null ? e.getClassName() + "." + e.getMethodName() : e.getFileName() + ":" + e.getLineNumber();
    }

    private static String kind(Access a) {
        return (a.write() ? "write " : "read ") + a.rect() + (a.locks().isEmpty() ? "" : " holding " + String.join(", ", a.locks()));
    }
}

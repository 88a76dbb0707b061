package dev.blendbench.app.cli;

import dev.blendbench.engine.race.Access;
import dev.blendbench.engine.race.Finding;
import java.util.Locale;

/** One line per race finding, as the CLI prints them. */
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

    private static String kind(Access a) {
        return (a.write() ? "write " : "read ") + a.rect() + (a.locks().isEmpty() ? "" : " holding " + String.join(", ", a.locks()));
    }
}

package dev.blendbench.app.cli;

import dev.blendbench.engine.race.Access;
import dev.blendbench.engine.race.Finding;
import java.util.Locale;

/** One line per race finding, as the CLI prints them. */
final class RaceText {
    private RaceText() {}

    static String line(Finding f, long originNanos) {
        return String.format(Locale.ROOT, "race on %s at %s: %s by %s vs %s by %s (%.3f s)", f.surface(), f.intersection(),
                kind(f.earlier()), f.earlier().threadName(), kind(f.later()), f.later().threadName(),
                (f.firstSeenNanos() - originNanos) / 1e9);
    }

    private static String kind(Access a) {
        return (a.write() ? "write " : "read ") + a.rect() + (a.locks().isEmpty() ? "" : " holding " + String.join(", ", a.locks()));
    }
}

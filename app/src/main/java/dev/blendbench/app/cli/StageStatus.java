package dev.blendbench.app.cli;

import java.io.PrintWriter;

/**
 * What a one-shot command is doing now ("decoding bg.png (1 of 3)…", "compositing…",
 * "encoding out.png…"), on one line of a terminal's stderr that each stage overwrites and
 * {@link #clear} erases before the result is printed. A large image takes seconds in each stage;
 * this says which. Off a terminal (a pipe, a file, a test) it writes nothing, so scripts see only
 * the result line.
 */
final class StageStatus {
    private final PrintWriter err;
    private final boolean terminal;
    private boolean shown;

    StageStatus(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** For the command's stderr: on a terminal when this JVM has one. */
    static StageStatus forTerminal(PrintWriter err) {
        return new StageStatus(err, System.console() != null);
    }

    /** Shows {@code what} in place of the last stage. */
    void say(String what) {
        if (!terminal) return;
        err.print("\r\033[K" + what + "…");
        err.flush();
        shown = true;
    }

    /** Erases the line, if anything was shown. */
    void clear() {
        if (!shown) return;
        err.print("\r\033[K");
        err.flush();
        shown = false;
    }
}

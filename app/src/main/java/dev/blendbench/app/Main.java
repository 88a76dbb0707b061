package dev.blendbench.app;

import dev.blendbench.app.cli.Cli;

/**
 * The launcher: {@code java -jar blendbench.jar [subcommand ...]}. With no arguments it opens
 * the workbench on the demo scene. A plain class (not an {@code Application}) so that JavaFX on
 * the class path starts without module flags.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err));
    }
}

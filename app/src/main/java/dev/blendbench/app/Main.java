package dev.blendbench.app;

import dev.blendbench.app.cli.Cli;
import dev.blendbench.engine.blend.Compositor;
import java.util.Set;

/**
 * The launcher: {@code java -jar blendbench.jar [subcommand ...]}. With no arguments it opens
 * the workbench on the demo scene. A plain class (not an {@code Application}) so that JavaFX on
 * the class path starts without module flags.
 *
 * <p>One-shot subcommands ({@link #ONE_SHOT}) use the scalar kernels even when the JVM has
 * {@code jdk.incubator.vector}: Vector API code runs boxed, hundreds of times slower, until C2 has
 * compiled it, and a single 1920×1080 render or resize never gets there (measured: resize
 * 1286 ms with the vector module against 135 ms scalar; a 2-layer compose 1714 against 192 ms).
 * The workbench and the stress commands, which run long enough, keep the vector kernels.
 * {@code -Dblendbench.vector=true} forces them anyway (worth it for very large images).
 */
public final class Main {
    private Main() {}

    /**
     * Held, so that the level set on it stays: on a machine where Java has never stored
     * preferences, the JDK logs "Created user preferences directory." to stderr, a two-line note
     * ahead of the command's own output (and of a usage error's one line).
     */
    private static final java.util.logging.Logger PREFS_LOG = java.util.logging.Logger.getLogger("java.util.prefs");

    /** Subcommands that render once and exit. */
    static final Set<String> ONE_SHOT = Set.of("compose", "resize", "report", "compare");

    public static void main(String[] args) {
        PREFS_LOG.setLevel(java.util.logging.Level.WARNING);
        if (preferScalar(args, System.getProperty(Compositor.VECTOR_PROPERTY))) {
            System.setProperty(Compositor.VECTOR_PROPERTY, "false"); // before any kernel class loads
        }
        System.exit(Cli.run(args, System.out, System.err));
    }

    /** True for a one-shot subcommand when the user has not chosen the kernels explicitly. */
    static boolean preferScalar(String[] args, String vectorProperty) {
        return vectorProperty == null && args.length > 0 && ONE_SHOT.contains(args[0]);
    }
}

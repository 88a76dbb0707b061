package dev.blendbench.app.cli;

import dev.blendbench.engine.blend.Compositor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a long-lived subcommand again in a child JVM that has {@code jdk.incubator.vector}, which a
 * jar's manifest cannot ask for: the engine's vector kernels are several times faster than the
 * scalar ones once compiled, and what the workbench shows or a cliff search measures should be
 * those. The child inherits standard input and output; its standard error comes through less the
 * JVM's incubator-module notice. {@code BLENDBENCH_NO_RELAUNCH=1}
 * (set in the child) keeps a command in its own JVM.
 */
public final class VectorRelaunch {
    private VectorRelaunch() {}

    static final String NO_RELAUNCH = "BLENDBENCH_NO_RELAUNCH";

    /**
     * The child's exit code, after running {@code args} (the subcommand and its arguments) there; or
     * -1 where this JVM should go on itself: it has the vector kernels already, the relaunch is
     * switched off, or the java executable or class path are unknown.
     */
    static int runInVectorJvm(List<String> args) throws IOException, InterruptedException {
        if (Compositor.isVectorized() || System.getenv(NO_RELAUNCH) != null
                || "false".equals(System.getProperty(Compositor.VECTOR_PROPERTY))) {
            return -1;
        }
        List<String> cmd = command(args);
        if (cmd == null) return -1;
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO().redirectError(ProcessBuilder.Redirect.PIPE);
        pb.environment().put(NO_RELAUNCH, "1");
        Process p = pb.start();
        Thread errPump = new Thread(() -> forwardErrors(p), "blendbench-relaunch-stderr");
        errPump.setDaemon(true);
        errPump.start();
        // Ctrl-C or SIGTERM here: the child stops and writes what it has (a terminal's Ctrl-C has reached
        // it already; a signal sent to this process alone has not), and this JVM outlives it, so that the
        // shell gets its prompt back after the child's last lines, not before them
        Thread stop = new Thread(() -> {
            try {
                ChildJvms.terminate(p, 20);
                errPump.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "blendbench-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int code = p.waitFor();
            errPump.join(2000);
            return code;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /** The line a JVM started with {@code jdk.incubator.vector} prints first on its standard error. */
    public static boolean isIncubatorNotice(String line) {
        return line.startsWith("WARNING: Using incubator modules");
    }

    /** The child's standard error, less the JVM's notice that an incubator module is in use. */
    private static void forwardErrors(Process p) {
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(),
                java.nio.charset.Charset.defaultCharset()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!isIncubatorNotice(line)) System.err.println(line);
            }
        } catch (IOException gone) {
            // the child has ended
        }
    }

    /**
     * The {@code java} executable of this JVM's runtime ({@code java.home/bin/java}); else this
     * process's own executable, which under a native launcher (jpackage's) may not take JVM options.
     */
    public static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        if (java.toFile().canExecute()) return java.toString();
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** {@code java --add-modules jdk.incubator.vector -cp <class path> Main args...}, or null if unknown. */
    static List<String> command(List<String> args) {
        var src = VectorRelaunch.class.getProtectionDomain().getCodeSource();
        if (src == null) {
            return null;
        }
        try {
            Path jar = Path.of(src.getLocation().toURI());
            List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "--add-modules", "jdk.incubator.vector",
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path", jar.toString()),
                    "dev.blendbench.app.Main"));
            cmd.addAll(args);
            return cmd;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}

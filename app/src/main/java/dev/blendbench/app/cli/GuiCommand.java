package dev.blendbench.app.cli;

import dev.blendbench.app.gui.WorkbenchApp;
import dev.blendbench.engine.blend.Compositor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code blendbench gui}: opens the workbench on the demo scene (also what no arguments do).
 *
 * <p>The engine's fast kernels need {@code --add-modules jdk.incubator.vector}, which a jar's
 * manifest cannot ask for; so when the module is missing, the workbench starts itself again in a
 * child JVM that has it (the window is the same, rendering about ten times faster). Set
 * {@code BLENDBENCH_NO_RELAUNCH=1} to stay in this JVM with the scalar kernels.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the workbench window on the bundled demo scene.")
public final class GuiCommand implements Callable<Integer> {
    static final String NO_RELAUNCH = "BLENDBENCH_NO_RELAUNCH";

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("glass.platform") == null) {
            throw new BadInputException("no display to open a window on (set DISPLAY, or run a subcommand: see --help)");
        }
        if (!Compositor.isVectorized() && System.getenv(NO_RELAUNCH) == null) {
            List<String> cmd = relaunchCommand();
            if (cmd != null) {
                ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
                pb.environment().put(NO_RELAUNCH, "1");
                return pb.start().waitFor();
            }
        }
        WorkbenchApp.launchApp();
        return Cli.OK;
    }

    /** {@code java --add-modules jdk.incubator.vector -cp <this jar> Main gui}, or null if unknown. */
    private static List<String> relaunchCommand() {
        var java = ProcessHandle.current().info().command();
        var src = GuiCommand.class.getProtectionDomain().getCodeSource();
        if (java.isEmpty() || src == null) {
            return null;
        }
        try {
            Path jar = Path.of(src.getLocation().toURI());
            List<String> cmd = new ArrayList<>(List.of(java.get(), "--add-modules", "jdk.incubator.vector",
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path", jar.toString()),
                    "dev.blendbench.app.Main", "gui"));
            return cmd;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}

package dev.blendbench.app.cli;

import dev.blendbench.app.gui.WorkbenchApp;
import java.io.IOException;
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
    @Override
    public Integer call() throws IOException, InterruptedException {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("glass.platform") == null) {
            throw new BadInputException("no display to open a window on (set DISPLAY, or run a subcommand: see --help)");
        }
        int child = VectorRelaunch.runInVectorJvm(List.of("gui"));
        if (child >= 0) return child;
        WorkbenchApp.launchApp();
        return Cli.OK;
    }
}

package dev.blendbench.app.cli;

import dev.blendbench.app.gui.WorkbenchApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code blendbench gui}: opens the workbench on the demo scene (also what no arguments do). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the workbench window on the bundled demo scene.")
public final class GuiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("glass.platform") == null) {
            throw new BadInputException("no display to open a window on (set DISPLAY, or run a subcommand: see --help)");
        }
        WorkbenchApp.launchApp();
        return Cli.OK;
    }
}

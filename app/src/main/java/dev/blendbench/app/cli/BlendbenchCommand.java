package dev.blendbench.app.cli;

import picocli.CommandLine.Command;

/** The top-level {@code blendbench} command; subcommands do the work. */
@Command(name = "blendbench", mixinStandardHelpOptions = true, version = BlendbenchCommand.VERSION,
        description = "A compositing workbench: compose layered scenes and stress the compositor.",
        subcommands = {ComposeCommand.class, ResizeCommand.class, StressCommand.class, CliffCommand.class, ReportCommand.class, CompareCommand.class, GuiCommand.class})
public final class BlendbenchCommand implements Runnable {
    /** The name and version, as {@code --version} and the workbench's About say it. */
    public static final String VERSION = "Blendbench 0.1.0";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package dev.blendbench.app.cli;

import picocli.CommandLine.Command;

/** The top-level {@code blendbench} command; subcommands do the work. */
@Command(name = "blendbench", mixinStandardHelpOptions = true, version = "Blendbench 0.1.0",
        description = "A compositing workbench: compose layered scenes and stress the compositor.",
        subcommands = {ComposeCommand.class, ResizeCommand.class, StressCommand.class, CliffCommand.class, ReportCommand.class, CompareCommand.class, GuiCommand.class})
public final class BlendbenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package dev.blendbench.app.cli;

import picocli.CommandLine.Command;

/** The top-level {@code blendbench} command; subcommands do the work. */
@Command(name = "blendbench", mixinStandardHelpOptions = true, versionProvider = BlendbenchCommand.Version.class,
        description = "A compositing workbench: compose layered scenes and stress the compositor.",
        subcommands = {ComposeCommand.class, ResizeCommand.class, InfoCommand.class, StressCommand.class, CliffCommand.class, ReportCommand.class, CompareCommand.class, DiffCommand.class, GuiCommand.class},
        footer = {"", "With no command, or only files, it opens the workbench: blendbench, blendbench scene.ora.",
                "'blendbench COMMAND --help' lists a command's options.",
                "Exit: 0 done, 2 bad usage or bad input (one line on stderr says why), 1 internal failure;",
                "compare: 3 on a regression; diff: 3 when pictures differ beyond its tolerance."})
public final class BlendbenchCommand implements Runnable {
    /** The name and version, as {@code --version} and the workbench's About say it. */
    public static final String VERSION = "Blendbench 0.1.0";

    /** {@code --version}: the version, the runtime and which kernels this JVM has, for bug reports and evidence. */
    public static final class Version implements picocli.CommandLine.IVersionProvider {
        /** {@code Java 25.0.3 (Eclipse Adoptium), OpenJDK 64-Bit Server VM}: the runtime, as --version and About say it. */
        public static String java() {
            return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("java.vm.name");
        }

        @Override
        public String[] getVersion() {
            int bits = dev.blendbench.engine.blend.Compositor.vectorBits();
            return new String[] {VERSION,
                    java() + ", " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                    bits > 0 ? "Kernels: Vector API, " + bits + "-bit vectors"
                            : "Kernels here: scalar; the workbench, cliff and the stress workload start a JVM with the "
                            + "Vector API ones (--add-modules jdk.incubator.vector)"};
        }
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

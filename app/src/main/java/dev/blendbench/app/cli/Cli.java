package dev.blendbench.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the picocli command tree and maps outcomes to the exit-code contract:
 * 0 success, 2 bad usage or bad input (one line on stderr), 1 internal failure.
 */
public final class Cli {
    private Cli() {}

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;

    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new BlendbenchCommand());
        // help at the terminal's width, at least 100 columns, so that layer specs and examples are not cut
        // every subcommand's --version says what the top level's does
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new BlendbenchCommand.Version());
        }
        cl.setUsageHelpWidth(100);
        cl.setUsageHelpAutoWidth(true);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + usageReason(ex.getMessage())
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            String name = c.getCommandSpec().qualifiedName();
            if (ex instanceof BadInputException) {
                c.getErr().println(name + ": " + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            c.getErr().println(name + ": internal error: " + oneLine(String.valueOf(ex)));
            if (Boolean.getBoolean("blendbench.debug")) {
                ex.printStackTrace(c.getErr());
            }
            return INTERNAL;
        });
        return cl;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            args = new String[] {"gui"};
        }
        return commandLine(out, err).execute(args);
    }

    /** picocli's own message on one line, without the "Error: " some of them start with (the line names the command already). */
    static String usageReason(String message) {
        return oneLine(message).replaceFirst("^Error: ", "");
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}

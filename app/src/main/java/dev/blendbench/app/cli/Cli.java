package dev.blendbench.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
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
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + reason(ex)
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
        CommandLine cl = commandLine(out, err);
        if (args.length == 0) {
            args = new String[] {"gui"};
        } else if (!cl.getSubcommands().containsKey(args[0]) && java.util.Arrays.stream(args).allMatch(Cli::looksLikeAFile)) {
            String[] gui = new String[args.length + 1]; // what a file manager or "Open with" runs
            gui[0] = "gui";
            System.arraycopy(args, 0, gui, 1, args.length);
            args = gui;
        }
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // what HeapBudget did not foresee (decoding many large layers, say): the arrays are
            // unreachable by now, so there is room to say so on one line instead of a stack trace
            String name = cl.getSubcommands().containsKey(args[0]) ? cl.getCommandName() + " " + args[0] : cl.getCommandName();
            cl.getErr().println(name + ": " + outOfMemory(e, Runtime.getRuntime().maxMemory()));
            return INTERNAL;
        }
    }

    /** The one line for an {@link OutOfMemoryError} in a heap of at most {@code maxHeap} bytes. */
    static String outOfMemory(OutOfMemoryError e, long maxHeap) {
        String what = e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + oneLine(e.getMessage()) + ")";
        return "out of memory" + what + "; this JVM's heap is at most " + HeapBudget.size(maxHeap)
                + ": give java a larger heap (e.g. java -Xmx" + HeapBudget.suggestedGigabytes(2 * maxHeap)
                + "g -jar blendbench.jar ...) or use smaller images";
    }

    /** An existing file, or a name a document or image would have: "open it", not a misspelt subcommand. */
    private static boolean looksLikeAFile(String arg) {
        if (arg.startsWith("-")) return false;
        return arg.contains("/") || arg.contains(java.io.File.separator)
                || arg.toLowerCase(java.util.Locale.ROOT).matches(".+\\.(ora|psd|psb|png|jpe?g|tiff?|webp|bmp|gif)")
                || java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg));
    }

    /**
     * Why the arguments were refused, on one line. An argument nothing takes is named first (even
     * when a required option is missing too: a misspelt option is usually why), as an unknown
     * subcommand, option or argument, with the nearest names there are.
     */
    static String reason(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        List<String> unmatched = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched() : c.getUnmatchedArguments();
        if (unmatched.isEmpty()) return usageReason(ex.getMessage());
        String first = unmatched.get(0);
        boolean takesPositionals = !c.getCommandSpec().positionalParameters().isEmpty();
        if (!c.getSubcommands().isEmpty() && !takesPositionals && !first.startsWith("-")) {
            String near = didYouMean(first, c.getSubcommands().keySet());
            return "unknown subcommand '" + first + "'" + near + (near.isEmpty() ? "; subcommands: " : " Subcommands: ")
                    + String.join(", ", c.getSubcommands().keySet());
        }
        if (first.startsWith("-")) {
            String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            List<String> options = c.getCommandSpec().options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).toList();
            return "unknown option '" + name + "'" + didYouMean(name, options);
        }
        return "unexpected argument '" + first + "'";
    }

    /**
     * "; did you mean 'x'?" for the names within a small edit distance of {@code typed}, or that it
     * lengthens or cuts short by whole words ({@code --virtual-threads} for {@code --virtual},
     * {@code --dur} for {@code --duration}); or "".
     */
    static String didYouMean(String typed, java.util.Collection<String> names) {
        int limit = Math.max(1, typed.replaceFirst("^-+", "").length() / 3);
        List<String> near = names.stream()
                .filter(n -> editDistance(typed, n) <= limit || addsOrCutsWords(typed, n))
                .sorted(java.util.Comparator.comparingInt(n -> editDistance(typed, n)))
                .limit(2).map(n -> "'" + n + "'").toList();
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    /** Whether one name is the other with words added at its end (at least 3 letters of a name in common). */
    private static boolean addsOrCutsWords(String typed, String name) {
        if (typed.replaceFirst("^-+", "").length() < 3 || name.replaceFirst("^-+", "").length() < 3) return false;
        return typed.startsWith(name + "-") || name.startsWith(typed);
    }

    /** Why {@code typed} is no filter: with the nearest names when there are some, else all of them. */
    static String unknownFilter(String typed, IllegalArgumentException e) {
        String near = didYouMean(typed.toLowerCase(java.util.Locale.ROOT),
                java.util.Arrays.stream(dev.blendbench.engine.resample.Filter.values()).map(dev.blendbench.engine.resample.Filter::cliName).toList());
        return near.isEmpty() ? e.getMessage() : "unknown filter '" + typed + "'" + near;
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** picocli's own message on one line, without the "Error: " some of them start with (the line names the command already). */
    static String usageReason(String message) {
        return oneLine(message).replaceFirst("^Error: ", "");
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}

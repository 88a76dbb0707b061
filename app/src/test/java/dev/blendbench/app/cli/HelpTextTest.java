package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's help renders cleanly: picocli formats each text with {@code String.format}. */
class HelpTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "compose", "resize", "info", "stress", "cliff", "report", "compare", "diff", "gui"})
    void help_ofEveryCommand_rendersWithoutPicocliWarnings(String command) {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream tracer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(tracer, true, StandardCharsets.UTF_8));
        ComposeCommandTest.Result r;
        try {
            r = command.isEmpty() ? ComposeCommandTest.run("--help") : ComposeCommandTest.run(command, "--help");
        } finally {
            System.setErr(systemErr);
        }
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: blendbench"), r.out());
        String warnings = tracer.toString(StandardCharsets.UTF_8) + r.err();
        assertFalse(warnings.contains("picocli WARN"), warnings);
        assertFalse(r.out().contains("%n"), r.out());
    }


    @ParameterizedTest
    @ValueSource(strings = {"", "compose", "resize", "info", "stress", "cliff", "report", "compare", "diff", "gui"})
    void footerLines_fitTheHelpWidth_soPicocliNeverBreaksAnExampleMidWord(String command) {
        picocli.CommandLine cl = Cli.commandLine(System.out, System.err);
        picocli.CommandLine c = command.isEmpty() ? cl : cl.getSubcommands().get(command);
        String[] footer = c.getCommandSpec().usageMessage().footer();
        assertTrue(footer.length > 0, command);
        for (String line : footer) {
            String shown = String.format(line.replace("%n", ""));
            assertTrue(shown.length() <= 100, command + ": " + shown.length() + " columns: " + shown);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "compose", "stress", "cliff"})
    void version_namesTheReleaseRuntimeAndKernels(String command) {
        ComposeCommandTest.Result r = command.isEmpty() ? ComposeCommandTest.run("--version") : ComposeCommandTest.run(command, "--version");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(BlendbenchCommand.VERSION, lines.get(0));
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version")), r.out());
        assertTrue(lines.get(2).startsWith("Kernels"), r.out());
    }
}

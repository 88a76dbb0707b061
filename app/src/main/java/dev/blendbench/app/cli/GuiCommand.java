package dev.blendbench.app.cli;

import dev.blendbench.app.gui.WorkbenchApp;
import dev.blendbench.app.gui.WorkbenchView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code blendbench gui [FILE...]}: opens the workbench on a document or image, or on the demo scene
 * (also what no arguments do), or compares several session files; {@code blendbench FILE...} for
 * existing files is {@code gui FILE...}.
 *
 * <p>The engine's fast kernels need {@code --add-modules jdk.incubator.vector}, which a jar's
 * manifest cannot ask for; so when the module is missing, the workbench starts itself again in a
 * child JVM that has it (the window is the same, rendering about ten times faster). Set
 * {@code BLENDBENCH_NO_RELAUNCH=1} to stay in this JVM with the scalar kernels.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the workbench window on FILE (an .ora or .psd document, or an image), or on the bundled demo scene.",
                "A session file (.json, from stress --json or cliff --json) opens in the Stress tab, beside the demo scene;"
                        + " several session files open side by side, the first as the baseline.",
                "A file that cannot be read leaves the demo scene open and says why in the status bar."},
        footer = {"", "Examples:",
                "  blendbench gui assets/demo/scene.ora",
                "  blendbench gui per-worker.json shared-locked.json"})
public final class GuiCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Document, image or session file to open (default: the demo scene); or several session files.")
    List<Path> files = List.of();

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<Path> open = new java.util.ArrayList<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) throw new BadInputException(file + ": is a folder, not a document or image");
            if (!Files.exists(file)) throw new BadInputException(file + ": no such file");
            if (!Files.isReadable(file)) throw new BadInputException(file + ": cannot be read (permissions)");
            open.add(file.toAbsolutePath());
        }
        if (open.size() > 1) {
            for (Path file : files) {
                if (!WorkbenchView.isSessionFile(file)) {
                    throw new BadInputException(file + ": only session files (.json) open several at a time, to compare;"
                            + " open a document or image alone (File ▸ Add Image Layers… adds images to it)");
                }
            }
        }
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("glass.platform") == null) {
            throw new BadInputException("no display to open a window on (set DISPLAY, or run a subcommand: see --help)");
        }
        List<String> relaunch = new java.util.ArrayList<>(List.of("gui"));
        open.forEach(f -> relaunch.add(f.toString()));
        int child = VectorRelaunch.runInVectorJvm(relaunch);
        if (child >= 0) return child;
        try {
            WorkbenchApp.launchApp(open);
        } catch (UnsupportedOperationException e) {
            // JavaFX's GTK toolkit: "Unable to open DISPLAY" (no X server at that address, or no access to it)
            if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                throw new BadInputException("cannot open display '" + System.getenv("DISPLAY")
                        + "' (no X server answers there, or it refuses this user): check DISPLAY, or run a subcommand (see --help)", e);
            }
            throw e;
        }
        return Cli.OK;
    }
}

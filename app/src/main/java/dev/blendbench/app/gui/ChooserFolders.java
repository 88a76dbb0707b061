package dev.blendbench.app.gui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.stage.FileChooser;

/**
 * The folder every file chooser of the workbench opens in: the open document's folder where
 * that is the natural place (open, save, export), else the folder a file was last chosen in
 * (kept in the user's preferences between runs), else the working directory. Without one, GTK's
 * chooser opens on "Recent", which is empty on a fresh machine.
 */
final class ChooserFolders {
    private static final Preferences PREFS = Preferences.userRoot().node("dev/blendbench/workbench");
    private static final String KEY = "lastFolder";

    private ChooserFolders() {}

    /** Points {@code fc} at {@link #initial}'s folder for {@code document} (null: none). */
    static void apply(FileChooser fc, Path document) {
        Path dir = initial(document, PREFS.get(KEY, null), Path.of("").toAbsolutePath());
        if (dir != null) fc.setInitialDirectory(dir.toFile());
    }

    /** Keeps the folder of what was chosen (a file, or several: the first), for the next chooser. */
    static void remember(File chosen) {
        if (chosen == null) return;
        Path dir = chosen.toPath().toAbsolutePath().getParent();
        if (dir != null && dir.toString().length() <= Preferences.MAX_VALUE_LENGTH) PREFS.put(KEY, dir.toString());
    }

    /**
     * The first folder that exists of: {@code document}'s, {@code remembered}, {@code workingDir};
     * null if none does (the chooser's own default then).
     */
    static Path initial(Path document, String remembered, Path workingDir) {
        if (document != null && document.toAbsolutePath().getParent() != null && Files.isDirectory(document.toAbsolutePath().getParent())) {
            return document.toAbsolutePath().getParent();
        }
        if (remembered != null && !remembered.isBlank()) {
            try {
                Path r = Path.of(remembered);
                if (r.isAbsolute() && Files.isDirectory(r)) return r;
            } catch (java.nio.file.InvalidPathException garbage) {
                // a hand-edited preference: ignored
            }
        }
        return workingDir != null && Files.isDirectory(workingDir) ? workingDir : null;
    }
}

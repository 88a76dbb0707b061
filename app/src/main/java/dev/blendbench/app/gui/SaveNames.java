package dev.blendbench.app.gui;

import java.nio.file.Path;
import javafx.stage.FileChooser;

/** File names from save dialogs: a name typed without an extension gets the chosen type's. */
final class SaveNames {
    private SaveNames() {}

    /** {@code p}, or {@code p} with the extension of {@code chosen} (a filter such as "*.png") when it has none. */
    static Path withExtension(Path p, FileChooser.ExtensionFilter chosen) {
        if (!dev.blendbench.app.report.ReportFormats.extension(p).isEmpty() || chosen == null || chosen.getExtensions().isEmpty()) return p;
        String pattern = chosen.getExtensions().get(0); // "*.png"
        return pattern.startsWith("*.") ? p.resolveSibling(p.getFileName() + pattern.substring(1)) : p;
    }

    /** A document name without its extension ("photo.png" → "photo"), for the name a save dialog suggests. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.length() - dot <= 5 ? name.substring(0, dot) : name;
    }
}

package dev.blendbench.app.cli;

import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checks and writes every command that produces a file shares, as one-line bad-input errors. */
final class OutputFiles {
    private OutputFiles() {}

    /**
     * Fails unless the output can be written: its folder exists and is writable, and the output is
     * not itself a folder (checked before any work is done, so a long job cannot fail at its end).
     */
    static void requireFolder(Path output) {
        requireFileName(output);
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException(output + ": folder " + dir + " does not exist");
        }
        if (Files.isDirectory(output)) {
            throw new BadInputException(output + ": is a folder; give a file name");
        }
        if (!Files.isWritable(dir)) {
            throw new BadInputException(output + ": folder " + dir + " is not writable");
        }
    }

    /**
     * Fails where the output names no file: empty, or an existing folder (said as such before any
     * complaint about its extension, which a folder does not have).
     */
    static void requireFileName(Path output) {
        if (output.toString().isBlank()) throw new BadInputException("the output file name is empty");
        if (Files.isDirectory(output)) throw new BadInputException(output + ": is a folder; give a file name");
    }

    /** Fails unless the output is an image format we write (and its folder exists); {@code alsoAllowed}: other extensions named in the message. */
    static void requireImage(Path output, String alsoAllowed) {
        requireFileName(output);
        try {
            ImageFiles.Format.forPath(output);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(output + ": unknown output format; use .png, .jpg, .jpeg, .tif, .tiff" + alsoAllowed);
        }
        requireFolder(output);
    }

    /** True when {@code x} and {@code y} are one file (or, where either does not exist yet, one path). */
    static boolean sameFile(Path x, Path y) {
        try {
            return Files.exists(x) && Files.exists(y) ? Files.isSameFile(x, y)
                    : x.toAbsolutePath().normalize().equals(y.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }

    /** "wrote a.json, a.csv, a.jfr" for the files given (nulls left out), or null for none. */
    static String wrote(Path... files) {
        java.util.List<String> names = java.util.Arrays.stream(files).filter(java.util.Objects::nonNull).map(Path::toString).toList();
        return names.isEmpty() ? null : "wrote " + String.join(", ", names);
    }

    /**
     * Writes an image atomically; a failure is the user's (full disk, permissions): exit 2 with the
     * reason. Where the format drops transparency the image has (JPEG), says so on {@code err} as a
     * {@code warning:} line ending in {@code hint} (how to choose what it is flattened onto).
     */
    static void writeImage(Surface s, Path output, float jpegQuality, PrintWriter err, StageStatus status, String hint) {
        try {
            ImageFiles.write(s, output, jpegQuality);
        } catch (IOException e) {
            throw new BadInputException(output + ": cannot write (" + e.getMessage() + ")", e);
        }
        if (ImageFiles.losesAlpha(s, output)) {
            status.clear(); // the warning starts at the margin
            err.println("warning: " + output + ": JPEG has no transparency; the transparent and translucent areas were"
                    + " written over black (" + hint + ")");
        }
    }
}

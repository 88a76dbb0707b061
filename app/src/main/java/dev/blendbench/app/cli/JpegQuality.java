package dev.blendbench.app.cli;

import dev.blendbench.engine.io.ImageFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --quality Q}: the JPEG quality of an image command's output (compose, resize). */
public final class JpegQuality {
    @Option(names = "--quality", paramLabel = "Q",
            description = "JPEG quality 1-100 (default: 92); PNG and TIFF are lossless and ignore it.")
    Integer quality;

    /**
     * The quality to write {@code output} with (0 … 1). Outside 1 … 100 is refused; given for a
     * lossless output, it is said once on {@code err} and has no effect.
     */
    float forOutput(Path output, PrintWriter err) {
        if (quality == null) return ImageFiles.DEFAULT_JPEG_QUALITY;
        if (quality < 1 || quality > 100) throw new BadInputException("--quality must be 1 to 100, got " + quality);
        if (!isJpeg(output)) {
            err.println("note: --quality applies to JPEG output; " + output + " is written losslessly");
        }
        return quality / 100f;
    }

    private static boolean isJpeg(Path output) {
        try {
            return ImageFiles.Format.forPath(output) == ImageFiles.Format.JPEG;
        } catch (IllegalArgumentException e) {
            return false; // .ora, or a name refused elsewhere
        }
    }
}

package dev.blendbench.engine.document;

import java.nio.file.Path;
import java.util.Locale;

/** Opens any layered file we read, chosen by extension: {@code .ora}, {@code .psd}, {@code .psb}. */
public final class Documents {
    private Documents() {}

    /** True if the file name says it is a layered document we can read. */
    public static boolean isDocument(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ora") || n.endsWith(".psd") || n.endsWith(".psb");
    }

    public static LoadedScene read(Path p, DocumentLimits limits) throws DocumentException {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ora") ? OpenRaster.read(p, limits) : PsdImport.read(p, limits);
    }

    /**
     * The composite a document holds beside its layers, as the program that saved it flattened
     * them: an OpenRaster file's {@code mergedimage.png}, a Photoshop file's merged image. What
     * another program's render of the layers looks like, to hold ours against.
     *
     * @throws DocumentException when the file holds none, or it cannot be read within the limits
     */
    public static dev.blendbench.engine.surface.Surface readComposite(Path p, DocumentLimits limits) throws DocumentException {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ora") ? OpenRaster.readComposite(p, limits) : PsdImport.readComposite(p, limits);
    }
}

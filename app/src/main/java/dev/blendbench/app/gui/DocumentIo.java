package dev.blendbench.app.gui;

import dev.blendbench.engine.document.DocumentException;
import dev.blendbench.engine.document.DocumentLimits;
import dev.blendbench.engine.document.Documents;
import dev.blendbench.engine.document.LoadedScene;
import dev.blendbench.engine.document.OpenRaster;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.DeepImage;
import dev.blendbench.engine.io.ImageLimits;
import dev.blendbench.engine.io.ImageReadException;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workbench's file operations, for background threads: open a document or an image, read
 * images as new layers, save as OpenRaster, export the composite. Failures are
 * {@link IOException}s whose message is one readable line.
 */
final class DocumentIo {
    private DocumentIo() {}

    /** What opening a file gave: the document and anything it could not keep. */
    record Opened(Doc doc, List<String> warnings) {}

    static Opened open(Path p) throws IOException {
        if (Documents.isDocument(p)) {
            try {
                LoadedScene s = Documents.read(p, DocumentLimits.DEFAULT);
                return new Opened(Doc.of(s.scene()), s.warnings());
            } catch (DocumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        LayerItem l = image(p);
        return new Opened(new Doc(l.source().width(), l.source().height(), 0, dev.blendbench.engine.colour.BlendSpace.SRGB,
                List.of(l)), List.of());
    }

    static LayerItem image(Path p) throws IOException {
        try {
            Surface s = ImageFiles.read(p, ImageLimits.DEFAULT);
            return LayerItem.of(p.getFileName().toString(), s, 0, 0);
        } catch (ImageReadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Images as layers; a layered file brings all its layers. */
    static List<LayerItem> layers(List<Path> paths) throws IOException {
        List<LayerItem> out = new ArrayList<>();
        for (Path p : paths) {
            if (Documents.isDocument(p)) out.addAll(open(p).doc().layers());
            else out.add(image(p));
        }
        return out;
    }

    static void save(Doc d, Path p) throws IOException {
        OpenRaster.write(d.scene(), p);
    }

    /**
     * Renders and writes the composite; the format comes from the extension (.png, .jpg, .tif).
     * Returns true where the file lost transparency the composite has (JPEG: written over black).
     */
    static boolean export(Doc d, Path p) throws IOException {
        return export(d, p, false);
    }

    /**
     * The same, at 16 bits a channel where {@code deep} (a linear-light document, to PNG or TIFF:
     * the float composite encoded once, see {@link DeepImage}); never loses transparency then.
     */
    static boolean export(Doc d, Path p, boolean deep) throws IOException {
        ImageFiles.Format format;
        try {
            format = ImageFiles.Format.forPath(p);
        } catch (IllegalArgumentException e) {
            throw new IOException(p.getFileName() + ": unknown format; use .png, .jpg or .tif");
        }
        if (deep) {
            if (format == ImageFiles.Format.JPEG) throw new IOException(p.getFileName() + ": JPEG holds 8 bits a channel; export PNG or TIFF");
            if (d.blendSpace() != dev.blendbench.engine.colour.BlendSpace.LINEAR) {
                throw new IOException("16 bits a channel needs the linear blend space: srgb composites in 8 bits");
            }
            DeepImage img = DeepImage.render(d.scene(), Runnable::run, 1);
            ImageFiles.writeDeep(img.width(), img.height(), img.rgba(), p);
            return false;
        }
        Surface out = Surface.allocate(d.width(), d.height());
        TileRenderer.singleThreaded().render(d.scene(), out);
        ImageFiles.write(out, p);
        return ImageFiles.losesAlpha(out, p);
    }

    /** Writes the layers as a Photoshop document; returns what Photoshop will show differently. */
    static List<String> exportPsd(Doc d, Path p) throws IOException {
        return dev.blendbench.engine.document.PsdExport.write(d.scene(), p);
    }

    static boolean isOra(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ora");
    }
}

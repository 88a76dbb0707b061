package dev.blendbench.app.cli;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.document.DocumentException;
import dev.blendbench.engine.document.DocumentLimits;
import dev.blendbench.engine.document.Documents;
import dev.blendbench.engine.document.LoadedScene;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.io.ImageLimits;
import dev.blendbench.engine.io.ImageReadException;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code LAYER} arguments (image files with options, or layered documents) into a scene,
 * the same way for every subcommand. Failures are {@link BadInputException}s; document warnings
 * go to {@code err} as {@code warning:} lines.
 */
final class SceneLoader {
    private SceneLoader() {}

    /**
     * @param size       canvas size {w, h}, or null: the first layered file's, else the first layer's
     * @param background premultiplied background, or null: the first layered file's, else transparent
     * @return the scene, in the first layered file's blend space (sRGB without one); compose's
     *         {@code --blend-space} overrides it
     */
    static Scene load(List<LayerSpec> specs, int[] size, Integer background, long maxPixels, PrintWriter err) {
        return load(specs, size, background, maxPixels, err, null);
    }

    /**
     * A layered file given a mode, an opacity or a transform: its layers as one group layer (see
     * {@link Layer}), composited on their own over the file's background (a solid bottom layer of
     * the group, "background colour", where the file has one) and blended with the
     * spec's mode and opacity; scaled, rotated or fractionally placed, the group is drawn as its
     * pixels, resampled.
     */
    private static Layer asGroup(LayerSpec s, Scene doc) {
        String name = s.path().getFileName().toString();
        if (doc.background() != 0) { // the file's background as its group's bottom layer, which every document format holds
            List<Layer> with = new ArrayList<>(doc.layers());
            with.addFirst(Layer.of("background colour", Surface.filled(doc.width(), doc.height(), doc.background())));
            doc = new Scene(doc.width(), doc.height(), 0, with, doc.blendSpace());
        }
        Layer g = dev.blendbench.engine.render.Groups.of(name, doc, 0, 0, s.mode(), s.opacity(), true);
        return s.isTransformed() ? s.toLayer(name, g.source())
                : new Layer(name, g.source(), (int) s.x(), (int) s.y(), s.mode(), s.opacity(), true, null, doc);
    }

    /** As {@link #load(List, int[], Integer, long, PrintWriter)}, saying on {@code status} which file it decodes. */
    static Scene load(List<LayerSpec> specs, int[] size, Integer background, long maxPixels, PrintWriter err, StageStatus status) {
        List<Layer> ls = new ArrayList<>();
        List<Boolean> clipped = new ArrayList<>(); // for each of ls: its spec said clip=true
        java.util.Map<Path, Surface> decoded = new java.util.HashMap<>();
        ImageLimits limits = new ImageLimits(maxPixels);
        int docW = -1, docH = -1;
        int docBackground = 0;
        dev.blendbench.engine.colour.BlendSpace docSpace = null;
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec s = specs.get(i);
            if (status != null) {
                status.say("decoding " + s.path().getFileName() + (specs.size() == 1 ? "" : " (" + (i + 1) + " of " + specs.size() + ")"));
            }
            if (Documents.isDocument(s.path())) {
                LoadedScene doc;
                try {
                    doc = Documents.read(s.path(), DocumentLimits.DEFAULT.withMaxPixels(maxPixels));
                } catch (DocumentException e) {
                    throw new BadInputException(e.getMessage(), e);
                }
                for (String warning : doc.warnings()) {
                    err.println("warning: " + s.path() + ": " + warning);
                }
                if (s.mode() != BlendMode.SOURCE_OVER || s.opacity() != 1f || s.isTransformed() || s.clip()) {
                    ls.add(asGroup(s, doc.scene())); // blended (or clipped) as one layer: an isolated group of its layers
                    clipped.add(s.clip());
                } else {
                    for (Layer l : doc.scene().layers()) {
                        ls.add(l.withPosition(l.x() + (int) s.x(), l.y() + (int) s.y()));
                        clipped.add(false);
                    }
                }
                if (i == 0) {
                    docW = doc.scene().width();
                    docH = doc.scene().height();
                    docBackground = doc.scene().background();
                    docSpace = doc.scene().blendSpace(); // a linear-light document renders in linear light
                }
                continue;
            }
            Path key = s.path().toAbsolutePath().normalize();
            Surface src = decoded.get(key); // an image given twice is decoded once, and its layers share its pixels
            if (src == null) {
                try {
                    src = ImageFiles.read(s.path(), limits);
                } catch (ImageReadException e) {
                    throw new BadInputException(e.getMessage(), e);
                }
                decoded.put(key, src);
            }
            ls.add(s.toLayer(s.path().getFileName().toString(), src));
            clipped.add(s.clip());
        }
        if (clipped.getFirst()) {
            throw new BadInputException("layer '" + specs.getFirst().path() + "': clip=true, but there is no layer below it to clip it to");
        }
        if (ls.isEmpty()) {
            throw new BadInputException("the layered file has no layers");
        }
        int w = size != null ? size[0] : docW > 0 ? docW : ls.get(0).source().width();
        int h = size != null ? size[1] : docH > 0 ? docH : ls.get(0).source().height();
        if ((long) w * h > maxPixels) {
            throw new BadInputException("canvas " + w + "x" + h + " is over --max-pixels " + maxPixels);
        }
        if ((long) w * h > Surface.MAX_PIXELS) {
            throw new BadInputException("canvas " + w + "x" + h + " has more pixels than one image can hold ("
                    + Surface.MAX_PIXELS + ")");
        }
        dev.blendbench.engine.colour.BlendSpace space = docSpace == null ? dev.blendbench.engine.colour.BlendSpace.SRGB : docSpace;
        return new Scene(w, h, background != null ? background : docBackground, clipGroups(ls, clipped, w, h, space), space);
    }

    /**
     * The layers with each run of clipped ones made a clipping group with the layer below it (its
     * base; see {@link dev.blendbench.engine.render.Groups#clipping}), over the base's part of the
     * {@code w × h} canvas.
     */
    private static List<Layer> clipGroups(List<Layer> ls, List<Boolean> clipped, int w, int h, dev.blendbench.engine.colour.BlendSpace space) {
        List<Layer> out = new ArrayList<>(ls.size());
        for (int i = 0; i < ls.size(); ) {
            int j = i + 1;
            while (j < ls.size() && clipped.get(j)) j++;
            Layer base = ls.get(i);
            dev.blendbench.engine.surface.Rect area = base.bounds().intersect(new dev.blendbench.engine.surface.Rect(0, 0, w, h));
            // nothing clipped to it, or nothing of it on the canvas (then nothing clipped to it shows either): the base as it is
            out.add(j == i + 1 || area.isEmpty() ? base : dev.blendbench.engine.render.Groups.clipping(base, ls.subList(i + 1, j), area, space));
            i = j;
        }
        return out;
    }
}

package dev.blendbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blendbench.engine.document.DocumentException;
import dev.blendbench.engine.document.DocumentLimits;
import dev.blendbench.engine.document.Documents;
import dev.blendbench.engine.document.LoadedScene;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.io.ImageLimits;
import dev.blendbench.engine.io.ImageReadException;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code blendbench info FILE...}: what a document or image becomes when Blendbench reads it — the
 * canvas, the blend space, and each layer as the engine will composite it (a Photoshop group drawn
 * on its own is one layer, a clipping group a group marked clipping, a pass-through group one whose
 * mode is {@code pass-through}, a layer with a pixel mask marked masked, a shape layer its drawn pixels), with what
 * the file holds that the scene cannot keep as {@code warning:} lines: what {@code compose} and
 * {@code stress} will use.
 */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show what a document (.ora, .psd, .psb) or image becomes when Blendbench reads it: the canvas, "
                + "the blend space and each layer as the engine composites it (bottom first), with what the file holds "
                + "that a scene cannot keep as warning: lines on stderr."},
        footer = {"", "Examples:",
                "  blendbench info design.psd",
                "  blendbench info --json assets/demo/scene.ora photo.jpg"})
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents or images to describe.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON array (a description per file) instead of tables.")
    boolean json;

    @Option(names = "--max-pixels", paramLabel = "N", description = "Refuse larger images and layers (default: 100000000).")
    long maxPixels = 100_000_000L;

    /** What one file becomes when read (also its JSON). */
    record Described(String file, String kind, int width, int height, String blendSpace, String background,
                     List<LayerRow> layers, List<String> warnings) {}

    /**
     * One layer as the engine composites it, at its canvas position; a group's own layers (also at
     * canvas positions) in {@code layers}, null for a layer that is not a group.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record LayerRow(String name, String mode, double opacity, boolean visible, int x, int y, int width, int height,
                    List<LayerRow> layers, Boolean clipping, Boolean passThrough, String mask, Placed transform) {

        static LayerRow of(Layer l, int dx, int dy) {
            List<LayerRow> in = l.isGroup()
                    ? l.group().layers().stream().map(c -> of(c, dx + l.x(), dy + l.y())).toList() : null;
            // a transformed layer: where its resampled pixels can fall on the canvas, and how it is resampled
            dev.blendbench.engine.surface.Rect b = l.bounds();
            // a pass-through group has no mode of its own: its layers blend with what is below it, as Photoshop names it
            return new LayerRow(l.name(), l.isPassThrough() ? "pass-through" : l.mode().cssName(), Math.round(l.opacity() * 1000) / 1000.0,
                    l.visible(), dx + b.x(), dy + b.y(), b.width(), b.height(), in,
                    l.isGroup() && l.group().clipping() ? Boolean.TRUE : null, // a clipping group: its layers above the first clipped to it
                    l.isPassThrough() ? Boolean.TRUE : null,
                    l.mask() == null ? null : l.mask().enabled() ? "on" : "off", // a pixel mask, applied on each render while on
                    l.isTransformed() ? Placed.of(l, dx, dy) : null);
        }
    }

    /**
     * How a transformed layer is resampled on every render: its source's top-left corner placed at
     * {@code x, y} on the canvas, scaled and turned ({@code compose}'s {@code :x= :y= :scale= :rotate=}),
     * or, for a map those cannot describe, the map itself ({@code matrix}: m00 m01 m02 m10 m11 m12,
     * from the layer's whole-pixel offset); and the filter.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Placed(Double x, Double y, Double scale, Double rotation, double[] matrix, String filter) {
        static Placed of(Layer l, int dx, int dy) {
            var t = l.placement().transform();
            double[] p = t.asPlaced(l.source().width(), l.source().height());
            String f = l.placement().filter().cliName();
            if (p == null) return new Placed(null, null, null, null, new double[] {t.m00(), t.m01(), t.m02(), t.m10(), t.m11(), t.m12()}, f);
            return new Placed(round(dx + l.x() + p[0]), round(dy + l.y() + p[1]), round(p[2]), round(p[3]), null, f);
        }

        private static double round(double v) {
            double r = Math.round(v * 1e6) / 1e6;
            return r == 0 ? 0 : r;
        }

        /** "scale 0.5, turned 30°, from 100.5,40, lanczos3" (the parts that are not plain), or the matrix. */
        String text() {
            if (matrix != null) {
                return "affine " + java.util.Arrays.stream(matrix).mapToObj(InfoCommand::number).collect(java.util.stream.Collectors.joining(" "))
                        + ", " + filter;
            }
            List<String> parts = new ArrayList<>();
            if (scale != 1) parts.add("scale " + number(scale));
            if (rotation != 0) parts.add("turned " + number(rotation) + "°");
            parts.add("from " + number(x) + "," + number(y));
            parts.add(filter);
            return String.join(", ", parts);
        }
    }

    /** 0.5, 30, 100.25: a figure without trailing zeros. */
    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public Integer call() throws Exception {
        if (maxPixels <= 0) throw new BadInputException("--max-pixels must be positive, got " + maxPixels);
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        List<Described> described = new ArrayList<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) throw new BadInputException(file + ": is a folder, not a document or image");
            if (dev.blendbench.app.gui.WorkbenchView.isSessionFile(file)) {
                throw new BadInputException(file + ": a session file, not a document or image; blendbench report -o report.html "
                        + file.getFileName() + " describes it");
            }
            Described d = describe(file);
            for (String w : d.warnings()) err.println("warning: " + file + ": " + w);
            if (json) described.add(d);
            else print(out, d);
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(described));
        }
        out.flush();
        return Cli.OK;
    }

    private Described describe(Path file) {
        Scene scene;
        String kind;
        List<String> warnings = List.of();
        if (Documents.isDocument(file)) {
            LoadedScene doc;
            try {
                doc = Documents.read(file, DocumentLimits.DEFAULT.withMaxPixels(maxPixels));
            } catch (DocumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            kind = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ora") ? "OpenRaster document" : "Photoshop document";
            scene = doc.scene();
            warnings = doc.warnings();
        } else {
            Surface s;
            try {
                s = ImageFiles.read(file, new ImageLimits(maxPixels));
            } catch (ImageReadException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            kind = "image";
            scene = new Scene(s.width(), s.height(), 0, List.of(Layer.of(String.valueOf(file.getFileName()), s)));
        }
        List<LayerRow> layers = scene.layers().stream().map(l -> LayerRow.of(l, 0, 0)).toList();
        return new Described(file.toString(), kind, scene.width(), scene.height(), scene.blendSpace().toString(),
                scene.background() == 0 ? "transparent" : Argb.toHex(scene.background()), layers, warnings);
    }

    private static void print(PrintWriter out, Described d) {
        List<LayerRow> layers = d.layers();
        out.printf(Locale.ROOT, "%s: %s, %dx%d, blends in %s, background %s, %d layer%s (bottom first)%n", d.file(), d.kind(),
                d.width(), d.height(), d.blendSpace(), d.background(), layers.size(), layers.size() == 1 ? "" : "s");
        int nameWidth = Math.min(40, Math.max(4, nameWidth(layers, 0)));
        String row = "  %-5s  %-" + nameWidth + "s  %-" + Math.max(19, modeWidth(layers)) + "s  %7s  %-5s  %-13s  %s%n";
        out.printf(Locale.ROOT, row, "#", "name", "mode", "opacity", "shown", "position", "size");
        printRows(out, row, nameWidth, layers, "", "");
    }

    /** The widest name, a group's layers indented two spaces a level. */
    private static int nameWidth(List<LayerRow> layers, int indent) {
        int w = 0;
        for (LayerRow l : layers) {
            w = Math.max(w, indent + l.name().length());
            if (l.layers() != null) w = Math.max(w, nameWidth(l.layers(), indent + 2));
        }
        return w;
    }

    /** The widest mode column's text, a group's layers' included. */
    private static int modeWidth(List<LayerRow> layers) {
        int w = 0;
        for (LayerRow l : layers) {
            w = Math.max(w, modeText(l).length());
            if (l.layers() != null) w = Math.max(w, modeWidth(l.layers()));
        }
        return w;
    }

    /** What the mode column says of a layer: its mode, and whether it is masked, a group, a clipping one. */
    private static String modeText(LayerRow l) {
        String mask = l.mask() == null ? "" : l.mask().equals("on") ? "masked" : "mask off";
        return l.layers() == null ? l.mode() + (mask.isEmpty() ? "" : " (" + mask + ")")
                : l.mode() + " (" + (l.clipping() != null ? "clipping" : "group") + (mask.isEmpty() ? "" : ", " + mask) + ")";
    }

    /** Rows numbered 1, 2, …; a group's own layers right after it, as 2.1, 2.2, … and indented. */
    private static void printRows(PrintWriter out, String row, int nameWidth, List<LayerRow> layers, String number, String indent) {
        for (int i = 0; i < layers.size(); i++) {
            LayerRow l = layers.get(i);
            String n = number + (i + 1), name = indent + l.name();
            if (name.length() > nameWidth) name = name.substring(0, nameWidth - 1) + "…";
            out.printf(Locale.ROOT, row, n, name, modeText(l), String.format(Locale.ROOT, "%.0f %%", l.opacity() * 100),
                    l.visible() ? "yes" : "no", l.x() + "," + l.y(),
                    l.width() + "x" + l.height() + (l.transform() == null ? "" : "  (" + l.transform().text() + ")"));
            if (l.layers() != null) printRows(out, row, nameWidth, l.layers(), n + ".", indent + "  ");
        }
    }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code blendbench info FILE...}: what a document or image becomes when Blendbench reads it — the
 * canvas, the blend space, and each layer as the engine will composite it (a Photoshop group drawn
 * on its own is one layer, a clipping group one layer, a shape layer its drawn pixels), with what
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

    @Override
    public Integer call() throws Exception {
        if (maxPixels <= 0) throw new BadInputException("--max-pixels must be positive, got " + maxPixels);
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        List<Map<String, Object>> described = new ArrayList<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) throw new BadInputException(file + ": is a folder, not a document or image");
            if (dev.blendbench.app.gui.WorkbenchView.isSessionFile(file)) {
                throw new BadInputException(file + ": a session file, not a document or image; blendbench report -o report.html "
                        + file.getFileName() + " describes it");
            }
            Map<String, Object> d = describe(file);
            @SuppressWarnings("unchecked")
            List<String> warnings = (List<String>) d.get("warnings");
            for (String w : warnings) err.println("warning: " + file + ": " + w);
            if (json) described.add(d);
            else print(out, d);
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(described));
        }
        out.flush();
        return Cli.OK;
    }

    private Map<String, Object> describe(Path file) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", file.toString());
        Scene scene;
        List<String> warnings = List.of();
        if (Documents.isDocument(file)) {
            LoadedScene doc;
            try {
                doc = Documents.read(file, DocumentLimits.DEFAULT.withMaxPixels(maxPixels));
            } catch (DocumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            d.put("kind", n.endsWith(".ora") ? "OpenRaster document" : "Photoshop document");
            scene = doc.scene();
            warnings = doc.warnings();
        } else {
            Surface s;
            try {
                s = ImageFiles.read(file, new ImageLimits(maxPixels));
            } catch (ImageReadException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            d.put("kind", "image");
            scene = new Scene(s.width(), s.height(), 0, List.of(Layer.of(String.valueOf(file.getFileName()), s)));
        }
        d.put("width", scene.width());
        d.put("height", scene.height());
        d.put("blendSpace", scene.blendSpace().toString().toLowerCase(Locale.ROOT));
        d.put("background", scene.background() == 0 ? "transparent" : Argb.toHex(scene.background()));
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Layer l : scene.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", l.name());
            m.put("mode", l.mode().cssName());
            m.put("opacity", Math.round(l.opacity() * 1000) / 1000.0);
            m.put("visible", l.visible());
            m.put("x", l.x());
            m.put("y", l.y());
            m.put("width", l.source().width());
            m.put("height", l.source().height());
            layers.add(m);
        }
        d.put("layers", layers);
        d.put("warnings", warnings);
        return d;
    }

    private static void print(PrintWriter out, Map<String, Object> d) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> layers = (List<Map<String, Object>>) d.get("layers");
        out.printf(Locale.ROOT, "%s: %s, %dx%d, blends in %s, background %s, %d layer%s (bottom first)%n", d.get("file"),
                d.get("kind"), (int) d.get("width"), (int) d.get("height"), d.get("blendSpace"), d.get("background"),
                layers.size(), layers.size() == 1 ? "" : "s");
        int nameWidth = Math.max(4, layers.stream().mapToInt(l -> ((String) l.get("name")).length()).max().orElse(4));
        nameWidth = Math.min(nameWidth, 40);
        String row = "  %3s  %-" + nameWidth + "s  %-14s  %7s  %-5s  %-13s  %s%n";
        out.printf(Locale.ROOT, row, "#", "name", "mode", "opacity", "shown", "position", "size");
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Object> l = layers.get(i);
            String name = (String) l.get("name");
            if (name.length() > nameWidth) name = name.substring(0, nameWidth - 1) + "…";
            out.printf(Locale.ROOT, row, i + 1, name, l.get("mode"),
                    String.format(Locale.ROOT, "%.0f %%", (double) l.get("opacity") * 100), (boolean) l.get("visible") ? "yes" : "no",
                    l.get("x") + "," + l.get("y"), l.get("width") + "x" + l.get("height"));
        }
    }
}

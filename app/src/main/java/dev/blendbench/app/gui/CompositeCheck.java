package dev.blendbench.app.gui;

import dev.blendbench.engine.diff.ImageDiff;
import dev.blendbench.engine.document.DocumentException;
import dev.blendbench.engine.document.DocumentLimits;
import dev.blendbench.engine.document.Documents;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.surface.Surface;
import java.io.File;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * View ▸ Compare with the File's Composite: the document as it is now, rendered by Blendbench,
 * against the composite its file holds beside the layers ({@link Documents#readComposite}: how the
 * program that saved it flattened them), as {@code blendbench diff FILE} compares them, shown as
 * the figures and the heat map, which can be saved. {@link #compute} (the render, the comparison and
 * the maps) runs off the FX thread, {@link #show} on it.
 */
final class CompositeCheck {
    private CompositeCheck() {}

    /** The levels a difference may reach and still count as equal: the rounding two correct renders differ by. */
    static final int TOLERANCE = 1;

    /** The heat map's box in the window. */
    static final int SHOWN_WIDTH = 720, SHOWN_HEIGHT = 400;

    /** What a check found: the comparison, its heat map, and the map {@link #reduced} to fit the window. */
    record Result(Path file, ImageDiff diff, Surface heat, Surface shown) {}

    /**
     * Renders {@code doc} and compares it with the composite {@code file} holds (off the FX thread).
     *
     * @throws DocumentException when the file holds none, or it cannot be read
     * @throws IOException       when the composite's size is not the document's (its canvas was resized since)
     */
    static Result compute(Doc doc, Path file) throws IOException {
        Surface saved = Documents.readComposite(file, DocumentLimits.DEFAULT);
        if (saved.width() != doc.width() || saved.height() != doc.height()) {
            throw new IOException(String.format(java.util.Locale.ROOT, "its composite is %dx%d and the document is %dx%d now",
                    saved.width(), saved.height(), doc.width(), doc.height()));
        }
        Surface ours = Surface.allocate(doc.width(), doc.height());
        TileRenderer.singleThreaded().render(doc.scene(), ours);
        Surface heat = ImageDiff.heatMap(ours, saved, TOLERANCE);
        int k = Math.max(1, (int) Math.ceil(Math.max(heat.width() / (double) SHOWN_WIDTH, heat.height() / (double) SHOWN_HEIGHT)));
        return new Result(file, ImageDiff.of(ours, saved, TOLERANCE), heat, reduced(heat, k));
    }

    /** The figures, as the dialog shows them: which side is which, then {@link ImageDiff#summary()}. */
    static List<String> lines(Result r, boolean edited, List<String> leftOut) {
        List<String> out = new ArrayList<>();
        out.add("A: this document" + (edited ? " as it is now (edited since it was opened or saved)" : "") + ", rendered by Blendbench");
        out.add("B: the composite " + r.file().getFileName() + " holds (as the program that saved it flattened the layers)");
        out.addAll(r.diff().summary());
        if (!leftOut.isEmpty()) {
            out.add("");
            out.add("What the file holds that Blendbench left out when it opened it (part of any difference):");
            for (String w : leftOut) out.add("  " + w);
        }
        return out;
    }

    /**
     * Shows the figures and the heat map (grey where they agree, orange within {@value #TOLERANCE}
     * level, red beyond it), with a button that saves the heat map, and what the file holds that
     * Blendbench left out ({@code leftOut}: its warnings); {@code said} gets a line for the status bar
     * when the map is saved or cannot be.
     */
    static Alert show(Window owner, Result r, boolean edited, List<String> leftOut, Consumer<String> said) {
        Alert a = new Alert(r.diff().withinTolerance() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING, "", ButtonType.CLOSE);
        a.setTitle("Compared with " + r.file().getFileName() + "'s composite");
        a.setHeaderText(r.diff().max() == 0 ? "Blendbench renders it exactly as saved."
                : r.diff().withinTolerance() ? "Blendbench renders it as saved, within rounding (" + TOLERANCE + " level)."
                : "Blendbench renders it differently from the composite saved with it.");
        Label figures = new Label(String.join("\n", lines(r, edited, leftOut)));
        figures.setWrapText(true);
        figures.setMaxWidth(720);
        figures.setId("composite-check-figures");
        figures.setStyle("-fx-font-family: monospace;");
        Surface h = r.shown();
        WritableImage img = new WritableImage(h.width(), h.height());
        img.getPixelWriter().setPixels(0, 0, h.width(), h.height(), PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(h.toArray()), h.width());
        ImageView view = new ImageView(img);
        view.setPreserveRatio(true);
        view.setSmooth(false); // a one-pixel difference stays a visible pixel, not a blur
        // within 720x400, a small picture enlarged too (without smoothing: its pixels as squares)
        view.setFitWidth(SHOWN_WIDTH);
        view.setFitHeight(SHOWN_HEIGHT);
        Label legend = new Label("Heat map: grey where they agree, orange within " + TOLERANCE + " level, red beyond it (stronger for more).");
        Button save = new Button("Save Heat Map…");
        save.setId("composite-check-save");
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save heat map");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
            fc.setInitialFileName(SaveNames.stem(r.file().getFileName().toString()) + "-difference.png");
            ChooserFolders.apply(fc, r.file());
            File f = fc.showSaveDialog(a.getDialogPane().getScene().getWindow());
            ChooserFolders.remember(f);
            if (f != null) said.accept(saveHeatMap(r, f.toPath()));
        });
        VBox box = new VBox(8, figures, view, legend, save);
        box.setPadding(new Insets(4, 12, 0, 12));
        a.getDialogPane().setContent(box);
        if (owner != null) a.initOwner(owner);
        a.setResizable(true);
        a.show();
        return a;
    }

    /**
     * {@code heat} made {@code k} times smaller without losing a difference: each pixel is the most
     * marked of its k×k block, the one with the least green ({@link ImageDiff#heatMap}'s grey has 200
     * and more, its orange 190, its reds 90 and less, down to 0 for the largest differences), where
     * plain down-scaling would drop a lone differing pixel more often than not.
     */
    static Surface reduced(Surface heat, int k) {
        if (k == 1) return heat;
        int w = (heat.width() + k - 1) / k, h = (heat.height() + k - 1) / k;
        Surface out = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int best = heat.getPixel(x * k, y * k);
                for (int yy = y * k; yy < Math.min(heat.height(), y * k + k); yy++) {
                    for (int xx = x * k; xx < Math.min(heat.width(), x * k + k); xx++) {
                        int p = heat.getPixel(xx, yy);
                        if (((p >>> 8) & 0xFF) < ((best >>> 8) & 0xFF)) best = p;
                    }
                }
                out.setPixel(x, y, best);
            }
        }
        return out;
    }

    /** Writes the heat map (atomically); the status bar's line says how it went. */
    static String saveHeatMap(Result r, Path to) {
        Path p = to.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? to
                : to.resolveSibling(to.getFileName() + ".png");
        try {
            ImageFiles.write(r.heat(), p);
            return "Saved the heat map as " + p;
        } catch (IOException e) {
            return "Saving the heat map failed: " + e.getMessage();
        }
    }
}

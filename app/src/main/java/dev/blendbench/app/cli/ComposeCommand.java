package dev.blendbench.app.cli;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.document.DocumentException;
import dev.blendbench.engine.document.OpenRaster;
import dev.blendbench.engine.document.PsdExport;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.DeepImage;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code blendbench compose}: composites image files into one with the engine's tiled renderer. */
@Command(name = "compose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Composite image layers, bottom first, into one image.",
                "LAYER is PATH[:mode=NAME][:opacity=F][:x=N][:y=N][:scale=S][:rotate=DEG][:filter=NAME][:clip=true]; modes are "
                        + "the W3C and Photoshop names in lower case with hyphens (source-over, multiply, color-dodge, ...).",
                "opacity is 0..1 or a percentage (70%%); x and y may be fractional; scale is about the top-left corner, rotate (degrees, clockwise) about the "
                        + "scaled layer's centre; filter is nearest, bilinear (default), catmull-rom, mitchell, lanczos2, "
                        + "lanczos3 or box; clip=true clips the layer to the one below (it shows only where that one has pixels).",
                "A layered file (.ora OpenRaster, .psd/.psb Photoshop) as LAYER brings all its layers "
                        + "(:x and :y shift them); with a mode, opacity, scale or rotation they are blended as one group; "
                        + "as the first LAYER it also sets the canvas size.",
                "OUT ending in .ora saves the layers as an OpenRaster document, .psd (or .psb) as a Photoshop one; "
                        + ".png, .jpg or .tif saves the composite."},
        footer = {"", "Examples:", "  blendbench compose assets/demo/background.png \\",
                "      assets/demo/overlay.png:mode=multiply:opacity=0.7 -o out.png",
                "  blendbench compose bg.png logo.png:x=40.5:y=12:scale=0.25:rotate=-8:filter=lanczos3 -o out.png",
                "  blendbench compose bg.png shape.png texture.png:mode=multiply:clip=true -o out.png",
                "  blendbench compose --blend-space linear a.png b.png:opacity=0.5 -o out.png",
                "  blendbench compose --blend-space linear --depth 16 a.png b.png:mode=soft-light -o deep.tif",
                "  blendbench compose scene.ora -o flat.png",
                "  blendbench compose a.png b.png:mode=screen -o scene.ora",
                "  blendbench compose scene.ora -o scene.psd"})
public final class ComposeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--size", paramLabel = "WxH", description = "Canvas size (default: the first layer's size).")
    String size;

    @Option(names = "--background", paramLabel = "#RRGGBBAA", defaultValue = "#00000000",
            description = "Canvas background, straight alpha (default: ${DEFAULT-VALUE}, transparent).")
    String background;

    @Option(names = "--blend-space", paramLabel = "SPACE",
            description = "srgb (default, blend the encoded values as browsers do) or linear (blend in linear light, "
                    + "float precision); a layered file's own setting is used when this is absent.")
    String blendSpace;

    @Option(names = "--threads", paramLabel = "N", description = "Render threads (default: all cores).")
    Integer threads;

    @Option(names = "--depth", paramLabel = "8|16",
            description = "Bits a channel of a PNG or TIFF (default: 8); 16 needs --blend-space linear (float compositing).")
    int depth = 8;

    @picocli.CommandLine.Mixin
    JpegQuality quality;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "100000000",
            description = "Refuse input images larger than this many pixels (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    private final HeapBudget heap = HeapBudget.ofThisJvm();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
            description = "Output file; .png, .jpg/.jpeg, .tif/.tiff, .ora or .psd/.psb picks the format.")
    Path output;

    @Parameters(paramLabel = "LAYER", arity = "1..*", description = "Layers, bottom first.")
    List<String> layers;

    @Override
    public Integer call() throws IOException {
        // Validate everything cheap before decoding anything.
        String document = documentFormat(output); // null: an image
        boolean saveLayers = document != null;
        if (saveLayers) OutputFiles.requireFolder(output);
        else OutputFiles.requireImage(output, ", .ora, .psd or .psb");
        float jpegQuality = quality.forOutput(output, spec.commandLine().getErr());
        if (depth != 8 && depth != 16) throw new BadInputException("--depth must be 8 or 16, got " + depth);
        if (depth == 16 && saveLayers) {
            spec.commandLine().getErr().println("note: --depth applies to PNG and TIFF output; " + output + " keeps the layers as they are");
            depth = 8;
        }
        if (depth == 16 && !saveLayers && ImageFiles.Format.forPath(output) == ImageFiles.Format.JPEG) {
            throw new BadInputException("--depth 16: JPEG holds 8 bits a channel; write .png or .tif");
        }
        int bg;
        try {
            bg = Argb.parseHex(background);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--background: " + e.getMessage());
        }
        int nThreads = threadCount(threads);
        if (maxPixels <= 0) {
            throw new BadInputException("--max-pixels must be positive, got " + maxPixels);
        }
        int[] wh = size == null ? null : parseSize(size);
        BlendSpace space = null;
        if (blendSpace != null) {
            try {
                space = BlendSpace.parse(blendSpace);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--blend-space: " + e.getMessage());
            }
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (String l : layers) {
            specs.add(LayerSpec.parse(l));
        }

        long t0 = System.nanoTime();
        Integer bgOverride = spec.commandLine().getParseResult().hasMatchedOption("--background") ? bg : null;
        StageStatus status = StageStatus.forTerminal(spec.commandLine().getErr());
        Scene scene;
        try {
            scene = SceneLoader.load(specs, wh, bgOverride, maxPixels, spec.commandLine().getErr(), status);
        } finally {
            status.clear(); // a refusal's line starts at the margin
        }
        if (space != null) scene = scene.withBlendSpace(space);
        if (depth == 16 && scene.blendSpace() != BlendSpace.LINEAR) {
            throw new BadInputException("--depth 16 needs --blend-space linear: the srgb blend space composites in 8 bits,"
                    + " so 16 would only pad them");
        }
        int w = scene.width(), h = scene.height();
        List<Layer> ls = scene.inlined().layers(); // what is drawn: a pass-through group's layers counted in its place
        long t1 = System.nanoTime();
        if (saveLayers) {
            status.say("writing " + output.getFileName());
            List<String> notes = List.of();
            try {
                if (document.equals("OpenRaster")) OpenRaster.write(scene, output);
                else notes = PsdExport.write(scene, output);
            } catch (DocumentException e) {
                throw new BadInputException(e.getMessage(), e);
            } catch (IOException e) {
                throw new BadInputException(output + ": cannot write (" + e.getMessage() + ")", e);
            } finally {
                status.clear();
            }
            for (String note : notes) spec.commandLine().getErr().println("warning: " + output + ": " + note);
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "wrote %s: %s, %dx%d, %d layer%s in %.0f ms",
                    output, document, w, h, ls.size(), ls.size() == 1 ? "" : "s", (System.nanoTime() - t1) / 1e6));
            return Cli.OK;
        }

        if (depth == 16) return writeDeep(scene, nThreads, status, t0, t1);

        // the canvas, and the straight-alpha copy the encoder writes
        heap.require("the " + w + "x" + h + " canvas", HeapBudget.pixelBytes(w, h, 2));
        Surface out = Surface.allocate(w, h);
        status.say(String.format(Locale.ROOT, "compositing %dx%d, %d layer%s on %d thread%s", w, h, ls.size(), ls.size() == 1 ? "" : "s",
                nThreads, nThreads == 1 ? "" : "s"));
        ExecutorService pool = helpers(nThreads);
        try {
            TileRenderer r = pool == null ? TileRenderer.singleThreaded()
                    : new TileRenderer(pool, nThreads, TileRenderer.DEFAULT_TILE_WIDTH, TileRenderer.DEFAULT_TILE_HEIGHT);
            r.render(scene, out);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        long t2 = System.nanoTime();
        status.say("encoding " + output.getFileName());
        try {
            OutputFiles.writeImage(out, output, jpegQuality, spec.commandLine().getErr(), status,
                    "give --background, e.g. '#FFFFFFFF' for white, or write .png or .tif to keep them");
        } finally {
            status.clear();
        }
        long t3 = System.nanoTime();
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "wrote %s: %dx%d, %d layer%s, %d thread%s; decode %.0f ms, composite %.1f ms, encode %.0f ms",
                output, w, h, ls.size(), ls.size() == 1 ? "" : "s", nThreads, nThreads == 1 ? "" : "s",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6));
        return Cli.OK;
    }

    /** {@code --depth 16}: the linear-light scene rendered at 16 bits a channel and written so. */
    private int writeDeep(Scene scene, int nThreads, StageStatus status, long t0, long t1) {
        int w = scene.width(), h = scene.height();
        // 16-bit samples (8 bytes a pixel), and the encoder's copy of them
        heap.require("the " + w + "x" + h + " 16-bit canvas", 4 * HeapBudget.pixelBytes(w, h, 1));
        status.say(String.format(Locale.ROOT, "compositing %dx%d at 16 bits a channel on %d thread%s", w, h,
                nThreads, nThreads == 1 ? "" : "s"));
        ExecutorService pool = helpers(nThreads);
        DeepImage image;
        try {
            image = DeepImage.render(scene, pool == null ? Runnable::run : pool, nThreads);
        } finally {
            if (pool != null) pool.shutdownNow();
            status.clear();
        }
        long t2 = System.nanoTime();
        status.say("encoding " + output.getFileName());
        try {
            ImageFiles.writeDeep(w, h, image.rgba(), output);
        } catch (IOException e) {
            throw new BadInputException(output + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            status.clear();
        }
        long t3 = System.nanoTime();
        int n = scene.inlined().layers().size();
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "wrote %s: %dx%d at 16 bits a channel, %d layer%s, %d thread%s; decode %.0f ms, composite %.1f ms, encode %.0f ms",
                output, w, h, n, n == 1 ? "" : "s", nThreads, nThreads == 1 ? "" : "s",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6));
        return Cli.OK;
    }

    /** "OpenRaster" or "Photoshop" where {@code p} names a layered document to save, else null. */
    private static String documentFormat(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ora") ? "OpenRaster" : n.endsWith(".psd") || n.endsWith(".psb") ? "Photoshop" : null;
    }

    static int[] parseSize(String s) {
        return parseSize(s, "--size");
    }

    /** {@code WxH} as given to {@code option}; refused, naming the option, unless both sides are 1 … 65535. */
    static int[] parseSize(String s, String option) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].trim()), h = Integer.parseInt(p[1].trim());
                if (w > 0 && h > 0 && w <= Scene.MAX_SIDE && h <= Scene.MAX_SIDE) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new BadInputException(option + " must be WxH with sides 1.." + Scene.MAX_SIDE + ", got '" + s + "'");
    }

    /** {@code --threads}: all cores when not given; 1 … 1024. */
    static int threadCount(Integer threads) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
            throw new BadInputException("--threads must be between 1 and 1024, got " + n);
        }
        return n;
    }

    /** The helpers of a command's work: daemon threads, so that a stuck one never holds the exit. */
    static ExecutorService helpers(int nThreads) {
        return nThreads > 1 ? Executors.newFixedThreadPool(nThreads - 1, daemon()) : null;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "blendbench-render");
            t.setDaemon(true);
            return t;
        };
    }
}

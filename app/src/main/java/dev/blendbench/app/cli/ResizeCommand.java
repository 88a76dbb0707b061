package dev.blendbench.app.cli;

import dev.blendbench.engine.document.Documents;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Resampler;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code blendbench resize}: resamples one image with a chosen filter. */
@Command(name = "resize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Resize an image with a resampling filter.",
                "Give --width, --height (both: exactly that size; one: the other keeps the aspect ratio), --size WxH,",
                "--fit WxH (within that box, keeping the aspect ratio) or --scale.",
                "Filters work on premultiplied pixels (no halos at transparent edges) and widen when shrinking "
                        + "(no aliasing)."},
        footer = {"", "Examples:", "  blendbench resize photo.jpg --width 1280 -o small.png",
                "  blendbench resize logo.png --scale 0.25 --filter mitchell --linear -o logo-small.png",
                "  blendbench resize photo.jpg --fit 320x320 --quality 85 -o thumb.jpg",
                "  blendbench resize scene.ora --width 1280 -o preview.png"})
public final class ResizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN",
            description = "Image to resize (PNG, JPEG, TIFF, WebP, ...), or a layered .ora / .psd, flattened as compose does.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
            description = "Output file; .png, .jpg/.jpeg or .tif/.tiff picks the format.")
    Path output;

    @Option(names = "--width", paramLabel = "W", description = "Output width in pixels.")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "Output height in pixels.")
    Integer height;

    @Option(names = "--size", paramLabel = "WxH", description = "Output size, as --width W --height H.")
    String size;

    @Option(names = "--fit", paramLabel = "WxH",
            description = "The largest size within WxH that keeps the aspect ratio (a thumbnail's box).")
    String fit;

    @Option(names = "--scale", paramLabel = "S", description = "Scale factor for both sides (e.g. 0.5).")
    Double scale;

    @Option(names = "--filter", paramLabel = "NAME", defaultValue = "lanczos3",
            description = "nearest, bilinear, catmull-rom, mitchell, lanczos2, lanczos3 or box (default: ${DEFAULT-VALUE}).")
    String filter;

    @Option(names = "--linear", description = "Filter in linear light (float precision) instead of on the encoded values.")
    boolean linear;

    @Option(names = "--threads", paramLabel = "N", description = "Resize threads (default: all cores).")
    Integer threads;

    @picocli.CommandLine.Mixin
    JpegQuality quality;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "100000000",
            description = "Refuse input or output images larger than this many pixels (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    private final HeapBudget heap = HeapBudget.ofThisJvm();
    /** --fit's box, parsed; null without it. */
    private int[] box;

    @Override
    public Integer call() {
        Filter f;
        try {
            f = Filter.parse(filter);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--filter: " + Cli.unknownFilter(filter, e));
        }
        if (fit != null) {
            if (size != null || width != null || height != null || scale != null) {
                throw new BadInputException("give --fit alone, or --size, --width/--height or --scale");
            }
            box = ComposeCommand.parseSize(fit, "--fit");
        }
        if (size != null) {
            if (width != null || height != null || scale != null) {
                throw new BadInputException("give --size alone, or --width/--height, or --scale");
            }
            int[] wh = ComposeCommand.parseSize(size);
            width = wh[0];
            height = wh[1];
        }
        if (scale != null && (width != null || height != null)) {
            throw new BadInputException("give --scale or --width/--height, not both");
        }
        if (scale == null && width == null && height == null && box == null) {
            throw new BadInputException("give the new size: --width W, --height H, --size WxH, --fit WxH or --scale S");
        }
        if (scale != null && !(scale > 0 && Double.isFinite(scale))) {
            throw new BadInputException("--scale must be a positive number, got " + scale);
        }
        if (width != null && width <= 0) throw new BadInputException("--width must be positive, got " + width);
        if (height != null && height <= 0) throw new BadInputException("--height must be positive, got " + height);
        if (maxPixels <= 0) throw new BadInputException("--max-pixels must be positive, got " + maxPixels);
        int nThreads = ComposeCommand.threadCount(threads);
        OutputFiles.requireImage(output, "");
        float jpegQuality = quality.forOutput(output, spec.commandLine().getErr());
        long t0 = System.nanoTime();
        StageStatus status = StageStatus.forTerminal(spec.commandLine().getErr());
        ExecutorService pool = ComposeCommand.helpers(nThreads);
        try {
            return resize(Pictures.readOrFlatten(input, maxPixels, heap, status, pool, nThreads, spec.commandLine().getErr()), f, nThreads, pool, jpegQuality, status, t0);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    private int resize(Surface src, Filter f, int nThreads, ExecutorService pool, float jpegQuality, StageStatus status, long t0) {
        int sw = src.width(), sh = src.height();
        long w, h;
        if (box != null) {
            // the side that limits decides; the other follows the aspect ratio, never over its box side
            double k = Math.min((double) box[0] / sw, (double) box[1] / sh);
            w = Math.clamp(Math.round(sw * k), 1, box[0]);
            h = Math.clamp(Math.round(sh * k), 1, box[1]);
        } else if (scale != null) {
            w = Math.max(1, Math.round(sw * scale));
            h = Math.max(1, Math.round(sh * scale));
        } else if (width != null && height != null) {
            w = width;
            h = height;
        } else if (width != null) {
            w = width;
            h = Math.max(1, Math.round((double) sh * width / sw));
        } else {
            h = height;
            w = Math.max(1, Math.round((double) sw * height / sh));
        }
        if (w > 65_535 || h > 65_535 || w * h > maxPixels) {
            throw new BadInputException("output " + w + "x" + h + " is too large (at most 65535 a side and --max-pixels "
                    + maxPixels + " in all)");
        }
        // the output, and the straight-alpha copy the encoder writes
        heap.require("the " + w + "x" + h + " output", HeapBudget.pixelBytes(w, h, 2));
        long t1 = System.nanoTime();
        status.say(String.format(Locale.ROOT, "resizing %dx%d to %dx%d (%s) on %d thread%s", sw, sh, w, h, f.cliName(),
                nThreads, nThreads == 1 ? "" : "s"));
        Surface out = Resampler.resize(src, (int) w, (int) h, f, linear, pool == null ? Runnable::run : pool, nThreads);
        long t2 = System.nanoTime();
        status.say("encoding " + output.getFileName());
        try {
            OutputFiles.writeImage(out, output, jpegQuality, spec.commandLine().getErr(), status, "write .png or .tif to keep them");
        } finally {
            status.clear();
        }
        long t3 = System.nanoTime();
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "wrote %s: %dx%d → %dx%d, %s%s, %d thread%s; %s %.0f ms, resize %.1f ms, encode %.0f ms",
                output, sw, sh, w, h, f.cliName(), linear ? " in linear light" : "", nThreads, nThreads == 1 ? "" : "s",
                Documents.isDocument(input) ? "read and flatten" : "decode",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6));
        return Cli.OK;
    }
}

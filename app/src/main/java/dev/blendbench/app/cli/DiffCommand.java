package dev.blendbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blendbench.engine.diff.ImageDiff;
import dev.blendbench.engine.document.DocumentException;
import dev.blendbench.engine.document.DocumentLimits;
import dev.blendbench.engine.document.Documents;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code blendbench diff}: how two pictures differ, pixel by pixel ({@link ImageDiff}); with one
 * document, how Blendbench's render of it differs from the composite the file holds, which is how
 * the program that saved it flattened the layers. Exit 0 when no pixel differs by more than the
 * tolerance, {@link #DIFFERENT} when some do.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two pictures pixel by pixel, or Blendbench's render of a document with the composite the file holds.",
                "A and B are images (PNG, JPEG, TIFF, WebP, ...) or layered .ora / .psd files, flattened as compose does.",
                "With only A, a document: Blendbench's render of its layers (A) against the composite the program that saved it",
                "wrote beside them (B: an OpenRaster file's mergedimage.png, a Photoshop file's merged image, which Photoshop",
                "writes when \"Maximize compatibility\" is on): does Blendbench composite it as that program did?",
                "Pixels are compared on premultiplied channels (alpha and colour, 0-255), so the colour of a transparent",
                "pixel, which nothing shows, does not count; a pixel's difference is its largest channel difference."},
        footer = {"", "Exit: 0 when no pixel differs by more than --tolerance, 3 when some do, 2 on bad input.",
                "", "Examples:", "  blendbench diff poster.psd --tolerance 1 -o where.png",
                "  blendbench diff expected.png actual.png --json diff.json"})
public final class DiffCommand implements Callable<Integer> {
    /** Exit status when pixels differ by more than the tolerance. */
    public static final int DIFFERENT = 3;
    static final String SCHEMA = "blendbench-diff/1";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first picture; alone, a document to check against its own composite.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", arity = "0..1", description = "The second picture.")
    Path b;

    @Option(names = "--tolerance", paramLabel = "N", defaultValue = "0",
            description = "Largest difference, in levels of 0-255, that still counts as equal (default: ${DEFAULT-VALUE}; "
                    + "1 forgives rounding).")
    int tolerance;

    @Option(names = {"-o", "--output"}, paramLabel = "HEAT.png",
            description = "Also write where they differ: A faded to grey where equal, orange where they differ within the "
                    + "tolerance, red beyond it (stronger for larger differences).")
    Path output;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that flatten a document (default: all cores).")
    Integer threads;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "100000000",
            description = "Refuse pictures larger than this many pixels (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    private final HeapBudget heap = HeapBudget.ofThisJvm();

    @Override
    public Integer call() {
        if (tolerance < 0 || tolerance > 255) throw new BadInputException("--tolerance must be 0 to 255, got " + tolerance);
        if (maxPixels <= 0) throw new BadInputException("--max-pixels must be positive, got " + maxPixels);
        for (Path in : b == null ? List.of(a) : List.of(a, b)) {
            if (dev.blendbench.app.gui.WorkbenchView.isSessionFile(in)) {
                throw new BadInputException(in + ": a session file, not a picture; blendbench compare A.json B.json judges sessions");
            }
        }
        if (b == null && !Documents.isDocument(a)) {
            throw new BadInputException(a + ": give two pictures to compare, or one .ora / .psd document to check against "
                    + "the composite it holds");
        }
        if (output != null) OutputFiles.requireImage(output, "");
        if (json != null) OutputFiles.requireFolder(json);
        for (Path out : outputs()) {
            for (Path in : b == null ? List.of(a) : List.of(a, b)) {
                if (OutputFiles.sameFile(out, in)) throw new BadInputException(out + ": is an input; write to another file");
            }
        }
        int nThreads = ComposeCommand.threadCount(threads);
        PrintWriter err = spec.commandLine().getErr();
        StageStatus status = StageStatus.forTerminal(err);
        ExecutorService pool = ComposeCommand.helpers(nThreads);
        Surface sa, sb;
        String nameA, nameB;
        try {
            if (b != null) {
                sa = Pictures.readOrFlatten(a, maxPixels, heap, status, pool, nThreads, err);
                sb = Pictures.readOrFlatten(b, maxPixels, heap, status, pool, nThreads, err);
                nameA = describe(a);
                nameB = describe(b);
            } else {
                // the composite first: a file without one is refused before the render
                status.say("decoding " + a.getFileName() + "'s composite");
                try {
                    sb = Documents.readComposite(a, DocumentLimits.DEFAULT.withMaxPixels(maxPixels));
                } catch (DocumentException e) {
                    throw new BadInputException(e.getMessage(), e);
                } finally {
                    status.clear();
                }
                sa = Pictures.readOrFlatten(a, maxPixels, heap, status, pool, nThreads, err);
                nameA = a + ", rendered by Blendbench";
                nameB = a + "'s own composite (as the program that saved it flattened it)";
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        if (sa.width() != sb.width() || sa.height() != sb.height()) {
            throw new BadInputException(String.format(Locale.ROOT, "sizes differ: A is %dx%d, B is %dx%d",
                    sa.width(), sa.height(), sb.width(), sb.height()));
        }
        status.say("comparing");
        ImageDiff d;
        try {
            d = ImageDiff.of(sa, sb, tolerance);
        } finally {
            status.clear();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String line : summary(d, nameA, nameB)) out.println(line);
        if (output != null) {
            heap.require("the " + sa.width() + "x" + sa.height() + " heat map", HeapBudget.pixelBytes(sa.width(), sa.height(), 2));
            status.say("encoding " + output.getFileName());
            try {
                OutputFiles.writeImage(ImageDiff.heatMap(sa, sb, tolerance), output, 0.92f, err, status, "");
            } finally {
                status.clear();
            }
        }
        if (json != null) {
            try {
                dev.blendbench.engine.io.AtomicFiles.write(json, json(d, nameA, nameB));
            } catch (java.io.IOException e) {
                throw new BadInputException(json + ": cannot write (" + e.getMessage() + ")", e);
            }
        }
        String wrote = OutputFiles.wrote(output, json);
        if (wrote != null) out.println(wrote);
        return d.withinTolerance() ? Cli.OK : DIFFERENT;
    }

    private List<Path> outputs() {
        List<Path> out = new ArrayList<>();
        if (output != null) out.add(output);
        if (json != null) out.add(json);
        if (output != null && json != null && OutputFiles.sameFile(output, json)) {
            throw new BadInputException(json + ": is also -o's file; give two names");
        }
        return out;
    }

    private static String describe(Path p) {
        return Documents.isDocument(p) ? p + ", rendered by Blendbench" : p.toString();
    }

    /** What diff prints: the two sides, then {@link ImageDiff#summary()}. */
    static List<String> summary(ImageDiff d, String nameA, String nameB) {
        List<String> lines = new ArrayList<>();
        lines.add("A: " + nameA);
        lines.add("B: " + nameB);
        lines.addAll(d.summary());
        return lines;
    }

    static byte[] json(ImageDiff d, String nameA, String nameB) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("a", nameA);
        root.put("b", nameB);
        root.put("width", d.width());
        root.put("height", d.height());
        root.put("pixels", d.pixels());
        root.put("tolerance", d.tolerance());
        root.put("differing", d.differing());
        root.put("beyondTolerance", d.beyond());
        root.put("maxDifference", d.max());
        if (d.max() > 0) {
            ObjectNode w = root.putObject("worst");
            w.put("x", d.worstX());
            w.put("y", d.worstY());
            w.put("a", Argb.toHex(d.worstA()));
            w.put("b", Argb.toHex(d.worstB()));
        }
        root.put("meanAbsDifference", d.meanAbs());
        if (Double.isFinite(d.psnr())) root.put("psnrDb", d.psnr());
        else root.putNull("psnrDb");
        ArrayNode hist = root.putArray("histogram");
        long[] counts = d.histogram();
        for (int i = 0; i < counts.length; i++) {
            ObjectNode bucket = hist.addObject();
            bucket.put("from", ImageDiff.BUCKETS.get(i)[0]);
            bucket.put("to", ImageDiff.BUCKETS.get(i)[1]);
            bucket.put("pixels", counts[i]);
        }
        root.put("verdict", d.max() == 0 ? "identical" : d.withinTolerance() ? "within-tolerance" : "different");
        try {
            return m.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.blendbench.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Photoshop import: vector masks and shape layers drawn from their paths, with a pixel mask or not, and hostile paths. */
class PsdVectorMaskImportTest extends PsdImportTestBase {
    /** The area of the convex polygon (x, y pairs) inside the unit square at (px, py): Sutherland–Hodgman, then the shoelace. */
    private static double areaInPixel(double[] poly, int px, int py) {
        List<double[]> pts = new java.util.ArrayList<>();
        for (int i = 0; i < poly.length; i += 2) pts.add(new double[] {poly[i], poly[i + 1]});
        double[][] edges = {{1, 0, px}, {-1, 0, -(px + 1)}, {0, 1, py}, {0, -1, -(py + 1)}}; // a·x + b·y >= c
        for (double[] e : edges) {
            List<double[]> out = new java.util.ArrayList<>();
            for (int i = 0; i < pts.size(); i++) {
                double[] p = pts.get(i), q = pts.get((i + 1) % pts.size());
                double fp = e[0] * p[0] + e[1] * p[1] - e[2], fq = e[0] * q[0] + e[1] * q[1] - e[2];
                if (fp >= 0) out.add(p);
                if ((fp >= 0) != (fq >= 0)) {
                    double t = fp / (fp - fq);
                    out.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
                }
            }
            pts = out;
            if (pts.isEmpty()) return 0;
        }
        double a = 0;
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i), q = pts.get((i + 1) % pts.size());
            a += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(a) / 2;
    }

    @Test
    void agPsdShapeAndVectorMasks_drawTheirPaths_withEachPixelCoveredAsTheShapesAreaInIt() throws IOException {
        LoadedScene s = PsdImport.read(resource("shapes_agpsd.psd"));
        assertEquals(List.of(), s.warnings());
        List<Layer> ls = s.scene().layers();
        assertEquals(List.of("background", "shape", "diamond", "triangle"), ls.stream().map(Layer::name).toList());
        // the shape layer: a colour fill within a rectangle with a smaller one subtracted, its pixels no larger than the path
        Layer fill = ls.get(1);
        // (its path's bounds, 10..40 × 8..30, to a pixel: the file's fixed-point 8/48 lies just below 8)
        int right = fill.x() + fill.source().width(), bottom = fill.y() + fill.source().height();
        assertTrue(fill.x() >= 9 && fill.x() <= 10 && fill.y() >= 7 && fill.y() <= 8 && right >= 40 && right <= 41
                && bottom >= 30 && bottom <= 31, fill.x() + "," + fill.y() + " to " + right + "," + bottom);
        Surface out = Surface.allocate(64, 48);
        TileRenderer.singleThreaded().render(s.scene(), out);
        assertEquals(0xFFC8285A, out.getPixel(12, 10));
        assertEquals(0xFFC8285A, out.getPixel(39, 9));
        assertEquals(0xFFC8285A, out.getPixel(10, 29));
        assertEquals(0xFF336699, out.getPixel(25, 19)); // the hole
        assertEquals(0xFF336699, out.getPixel(9, 10));
        assertEquals(0xFF336699, out.getPixel(40, 10));
        // the diamond's and the triangle's vector masks: each pixel's alpha is the shape's area in it, to Java2D's antialiasing
        int worst = 0;
        for (var shape : java.util.Map.of(2, new double[] {48, 21.5, 58.5, 32, 48, 42.5, 37.5, 32},
                3, new double[] {3.3, 31.2, 20.7, 35.9, 8.1, 45.6}).entrySet()) {
            Layer d = ls.get(shape.getKey());
            for (int y = 0; y < d.source().height(); y++) {
                for (int x = 0; x < d.source().width(); x++) {
                    int expected = (int) Math.round(255 * areaInPixel(shape.getValue(), d.x() + x, d.y() + y));
                    worst = Math.max(worst, Math.abs(expected - (d.source().getPixel(x, y) >>> 24)));
                }
            }
        }
        assertTrue(worst <= 3, "largest difference from the exact coverage: " + worst + " levels (2 measured)");
    }

    private Surface vectorMasked(String file, byte[] vmsk, List<String> warnings) throws IOException {
        LoadedScene s = psd(file, DocumentLimits.DEFAULT,
                new PsdWriterForTests.L("v", 0, 0, 10, 10, 0xFF0000, "norm", false, null).with("vmsk", vmsk));
        warnings.addAll(s.warnings());
        return s.scene().layers().getFirst().source();
    }

    @Test
    void vectorMaskOperationsFlagsAndInitialFill_combineAsPhotoshopsPathOperations() throws IOException {
        double[] left = {0, 0, 6, 0, 6, 10, 0, 10}, right = {4, 0, 10, 0, 10, 10, 4, 10};
        List<String> w = new java.util.ArrayList<>();
        // columns 0-3 only in left, 4-5 in both, 6-9 only in right
        Surface union = vectorMasked("union.psd", PsdWriterForTests.vectorMask(0, false, 10, 10, new int[] {1, 1}, left, right), w);
        Surface merged = vectorMasked("merged.psd", PsdWriterForTests.vectorMask(0, false, 10, 10, new int[] {1, -1}, left, right), w);
        Surface xor = vectorMasked("xor.psd", PsdWriterForTests.vectorMask(0, false, 10, 10, new int[] {1, 0}, left, right), w);
        Surface minus = vectorMasked("minus.psd", PsdWriterForTests.vectorMask(0, false, 10, 10, new int[] {1, 2}, left, right), w);
        Surface and = vectorMasked("and.psd", PsdWriterForTests.vectorMask(0, false, 10, 10, new int[] {1, 3}, left, right), w);
        Surface firstMinus = vectorMasked("firstminus.psd", PsdWriterForTests.vectorMask(0, false, 10, 10, new int[] {2}, left), w);
        Surface inverted = vectorMasked("inverted.psd", PsdWriterForTests.vectorMask(1, false, 10, 10, new int[] {1}, left), w);
        Surface disabled = vectorMasked("disabled.psd", PsdWriterForTests.vectorMask(4, false, 10, 10, new int[] {1}, left), w);
        Surface allEmpty = vectorMasked("all.psd", PsdWriterForTests.vectorMask(0, true, 10, 10, new int[0]), w);
        Surface noneEmpty = vectorMasked("none.psd", PsdWriterForTests.vectorMask(0, false, 10, 10, new int[0]), w);
        assertEquals(List.of(), w);
        int red = 0xFFFF0000;
        for (int x = 0; x < 10; x++) {
            boolean inL = x < 6, inR = x >= 4;
            assertEquals(inL || inR ? red : 0, union.getPixel(x, 5), "union " + x);
            assertEquals(inL || inR ? red : 0, merged.getPixel(x, 5), "merged " + x);
            assertEquals(inL != inR ? red : 0, xor.getPixel(x, 5), "exclude " + x);
            assertEquals(inL && !inR ? red : 0, minus.getPixel(x, 5), "subtract " + x);
            assertEquals(inL && inR ? red : 0, and.getPixel(x, 5), "intersect " + x);
            assertEquals(!inL ? red : 0, firstMinus.getPixel(x, 5), "subtract first " + x);
            assertEquals(!inL ? red : 0, inverted.getPixel(x, 5), "inverted " + x);
            assertEquals(red, disabled.getPixel(x, 5), "disabled " + x);
            assertEquals(red, allEmpty.getPixel(x, 5), "initial fill " + x);
            assertEquals(0, noneEmpty.getPixel(x, 5), "empty " + x);
        }
    }

    @Test
    void anIntersectionAfterTwoShapes_keepsOnlyWhatItCovers_andAMaskTooComplexToDraw_isNamed() throws IOException {
        double[] left = {0, 0, 3, 0, 3, 10, 0, 10}, right = {7, 0, 10, 0, 10, 10, 7, 10}, middle = {2, 2, 8, 2, 8, 8, 2, 8};
        List<String> w = new java.util.ArrayList<>();
        Surface px = vectorMasked("inter.psd", PsdWriterForTests.vectorMask(0, false, 10, 10, new int[] {1, 1, 3}, left, right, middle), w);
        assertEquals(List.of(), w);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                boolean in = (x < 3 || x >= 7) && x >= 2 && x < 8 && y >= 2 && y < 8;
                assertEquals(in ? 0xFFFF0000 : 0, px.getPixel(x, y), "at (" + x + ", " + y + ")");
            }
        }
        // 2,000 subpaths each covering a 200x200 layer: some 80 million pixels to combine, from a 260 KB block
        double[][] many = new double[2000][];
        int[] ops = new int[many.length];
        java.util.Arrays.fill(many, new double[] {0, 0, 200, 0, 200, 200, 0, 200});
        java.util.Arrays.fill(ops, 1);
        LoadedScene s = PsdImport.read(java.nio.file.Files.write(dir.resolve("complex.psd"), PsdWriterForTests.write(200, 200, List.of(
                new PsdWriterForTests.L("v", 0, 0, 200, 200, 0xFF0000, "norm", false, null)
                        .with("vmsk", PsdWriterForTests.vectorMask(0, false, 200, 200, ops, many))))));
        assertEquals(List.of("layer 'v': a vector mask of 2000 subpaths is too complex to draw; drawn without it"), s.warnings());
        assertEquals(0xFFFF0000, s.scene().layers().getFirst().source().getPixel(199, 199));
    }

    @Test
    void aPixelMaskAndAVectorMask_bothApply_unlessThePixelMaskIsTheVectorMasksRendering() throws IOException {
        int[] ramp = new int[10 * 10];
        for (int i = 0; i < ramp.length; i++) ramp[i] = i % 10 * 25;
        byte[] leftHalf = PsdWriterForTests.vectorMask(0, false, 10, 10, new int[] {1}, new double[] {0, 0, 5, 0, 5, 10, 0, 10});
        List<String> w = new java.util.ArrayList<>();
        Surface both = psd("both.psd", DocumentLimits.DEFAULT, new PsdWriterForTests.L("v", 0, 0, 10, 10, 0xFF0000, "norm", false, null,
                PsdWriterForTests.M.of(0, 0, 10, 10, 0, 1, ramp)).with("vmsk", leftHalf)).scene().layers().getFirst().source();
        Surface rendered = psd("rendered.psd", DocumentLimits.DEFAULT, new PsdWriterForTests.L("v", 0, 0, 10, 10, 0xFF0000, "norm", false, null,
                new PsdWriterForTests.M(0, 0, 10, 10, 0, 8, 255, 0, 1, ramp)).with("vmsk", leftHalf)).scene().layers().getFirst().source();
        for (int x = 0; x < 10; x++) {
            assertEquals(x < 5 ? redScaledBy(x * 25) : 0, both.getPixel(x, 3), "both at " + x);
            assertEquals(x < 5 ? 0xFFFF0000 : 0, rendered.getPixel(x, 3), "vector alone at " + x);
        }
    }

    @Test
    void colourFillLayers_coverTheCanvasInTheirColour_greyToo_andOtherModelsAreNamed() throws IOException {
        var back = new PsdWriterForTests.L("back", 0, 0, 10, 10, 0x000000, "norm", false, null);
        byte[] rgb = PsdWriterForTests.solidColour("RGBC", new String[] {"Rd  ", "Grn ", "Bl  "}, new double[] {10.4, 200.6, 300});
        byte[] grey = PsdWriterForTests.solidColour("Grsc", new String[] {"Gry "}, new double[] {25});
        byte[] lab = PsdWriterForTests.solidColour("LbCl", new String[] {"Lmnc", "A   ", "B   "}, new double[] {50, 0, 0});
        // the fill layers' own records hold no pixels (an empty rectangle), as shape layers often do
        LoadedScene s = psd("fills.psd", DocumentLimits.DEFAULT, back,
                new PsdWriterForTests.L("rgb", 0, 0, 0, 0, 0, "norm", false, null).with("SoCo", rgb),
                new PsdWriterForTests.L("grey", 0, 0, 0, 0, 0, "norm", false, null).with("SoCo", grey).withOpacity(0),
                new PsdWriterForTests.L("lab", 0, 0, 0, 0, 0, "norm", false, null).with("SoCo", lab),
                new PsdWriterForTests.L("bad", 0, 0, 0, 0, 0, "norm", false, null).with("SoCo", java.util.Arrays.copyOf(rgb, 40)));
        assertEquals(List.of("back", "rgb", "grey"), s.scene().layers().stream().map(Layer::name).toList());
        assertEquals(0xFF0AC9FF, s.scene().layers().get(1).source().getPixel(9, 9));
        assertEquals(0xFFBFBFBF, s.scene().layers().get(2).source().getPixel(0, 0)); // 25 % grey ink
        assertEquals(List.of("colour fill layer 'lab': its colour is in LbCl, which is not supported; left out",
                "colour fill layer 'bad': its colour cannot be read (a descriptor runs past its block); left out"), s.warnings());
    }

    @Test
    void hostileVectorMasks_areNamedInAWarning_andTheLayerIsDrawnWithoutThem() throws IOException {
        double[] square = {2, 2, 8, 2, 8, 8, 2, 8};
        byte[] good = PsdWriterForTests.vectorMask(0, false, 10, 10, new int[] {1}, square);
        java.util.Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("truncated", java.util.Arrays.copyOf(good, good.length - 30));
        byte[] b = good.clone();
        b[8 + 52 + 2] = (byte) 0x7F; // the subpath claims 32,000-odd knots
        bad.put("knots past the block", b);
        b = good.clone();
        b[8 + 52 + 26 + 1] = 9; // a knot record of type 9
        bad.put("unknown knot", b);
        b = good.clone();
        b[3] = 2; // version 2
        bad.put("version", b);
        for (var e : bad.entrySet()) {
            List<String> w = new java.util.ArrayList<>();
            Surface px = vectorMasked(e.getKey().replace(' ', '_') + ".psd", e.getValue(), w);
            assertEquals(1, w.size(), e.getKey() + ": " + w);
            assertTrue(w.getFirst().startsWith("layer 'v': its vector mask cannot be read ("), e.getKey() + ": " + w);
            if (!e.getKey().equals("truncated")) assertEquals(0xFFFF0000, px.getPixel(0, 0), e.getKey());
        }
    }
}

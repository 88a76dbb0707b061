package dev.blendbench.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsdImportTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/documents/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void imageMagickPsd_layersWithNamesOffsetsAndModes() throws IOException {
        LoadedScene s = PsdImport.read(resource("layered.psd"));
        List<Layer> ls = s.scene().layers();
        assertEquals(List.of("background", "redcircle", "greenbar"), ls.stream().map(Layer::name).toList());
        assertEquals(30, ls.get(1).x());
        assertEquals(20, ls.get(1).y());
        assertEquals(50, ls.get(2).x());
        assertEquals(45, ls.get(2).y());
        assertEquals(BlendMode.MULTIPLY, ls.get(2).mode());
        assertEquals(120, s.scene().width());
    }

    @Test
    void imageMagickPsd_rendersLikeImageMagicksFlattening() throws IOException {
        LoadedScene s = PsdImport.read(resource("layered.psd"));
        Surface out = Surface.allocate(s.scene().width(), s.scene().height());
        TileRenderer.singleThreaded().render(s.scene(), out);
        Surface im = ImageFiles.read(resource("layered_flat_imagemagick.png"));
        int diff = Tolerance.maxDifference(out, im);
        assertTrue(diff <= Tolerance.IMAGEMAGICK, "max channel difference from ImageMagick's flattening: " + diff);
    }

    @Test
    void gimpPsdWithPixelMasks_rendersLikeGimpsFlattening() throws IOException {
        LoadedScene s = PsdImport.read(resource("masks_gimp.psd"));
        assertEquals(List.of(), s.warnings());
        Surface out = Surface.allocate(s.scene().width(), s.scene().height());
        TileRenderer.singleThreaded().render(s.scene(), out);
        Surface gimp = ImageFiles.read(resource("masks_gimp_flat.png"));
        int diff = Tolerance.maxDifference(out, gimp);
        assertTrue(diff <= Tolerance.GIMP, "max channel difference from GIMP's flattening: " + diff);
        // the black rectangle painted into the first mask shows the background through the red layer
        assertEquals(0xFF336699, out.getPixel(18, 14));
        assertEquals(0xFFE03020, out.getPixel(12, 30));
    }

    @Test
    void gimpPsdWithGroups_rendersLikeGimpsFlattening() throws IOException {
        LoadedScene s = PsdImport.read(resource("groups_gimp.psd"));
        assertEquals(List.of(), s.warnings());
        List<Layer> ls = s.scene().layers();
        // a multiply group at 70 % with a mask: one layer; a pass-through group, and a hidden one: pass-through groups of their layer
        assertEquals(List.of("background", "multiplied", "passing", "hidden"), ls.stream().map(Layer::name).toList());
        assertEquals(List.of(false, false, true, true), ls.stream().map(Layer::isPassThrough).toList());
        assertEquals(List.of("c", "d"), s.scene().inlined().layers().subList(2, 4).stream().map(Layer::name).toList());
        assertEquals(List.of(true, false), s.scene().inlined().layers().subList(2, 4).stream().map(Layer::visible).toList());
        assertEquals(BlendMode.MULTIPLY, ls.get(1).mode());
        assertEquals(179 / 255f, ls.get(1).opacity());
        // the group's pixels: its layers' bounds (5..35 × 5..35 and 20..50 × 15..35), not the canvas
        assertEquals(List.of(5, 5, 45, 30), List.of(ls.get(1).x(), ls.get(1).y(), ls.get(1).source().width(), ls.get(1).source().height()));
        assertEquals(List.of(true, true, true, false), ls.stream().map(Layer::visible).toList());
        // composited from its layers on each render, its pixel mask live (applied to them each render); positions on its own canvas
        Layer group = ls.get(1);
        assertEquals(List.of("a", "b"), group.group().layers().stream().map(Layer::name).toList());
        assertTrue(group.isMasked(), "the group's mask, live");
        assertEquals(List.of(0, 0, 15, 10), List.of(group.group().layers().get(0).x(), group.group().layers().get(0).y(),
                group.group().layers().get(1).x(), group.group().layers().get(1).y()));
        Surface out = Surface.allocate(s.scene().width(), s.scene().height());
        TileRenderer.singleThreaded().render(s.scene(), out);
        Surface gimp = ImageFiles.read(resource("groups_gimp_flat.png"));
        int diff = Tolerance.maxDifference(out, gimp);
        assertTrue(diff <= Tolerance.GIMP, "max channel difference from GIMP's flattening: " + diff);
    }

    private LoadedScene psd(String file, DocumentLimits limits, PsdWriterForTests.L... layers) throws IOException {
        Path p = dir.resolve(file);
        Files.write(p, PsdWriterForTests.write(10, 10, List.of(layers)));
        return PsdImport.read(p, limits);
    }

    private static int renderedAt(LoadedScene s, int x, int y) {
        Surface out = Surface.allocate(s.scene().width(), s.scene().height());
        TileRenderer.singleThreaded().render(s.scene(), out);
        return out.getPixel(x, y);
    }

    @Test
    void aGroupThatIsNotPassThrough_isCompositedOnItsOwn_soItsLayersModesActWithinIt() throws IOException {
        var base = new PsdWriterForTests.L("base", 0, 0, 10, 10, 0x808080, "norm", false, null);
        var red = new PsdWriterForTests.L("red", 2, 2, 4, 4, 0xFF0000, "mul ", false, null);
        LoadedScene pass = psd("pass.psd", DocumentLimits.DEFAULT, base, PsdWriterForTests.L.groupEnd(), red,
                PsdWriterForTests.L.group("pass", "pass", 255, false, null));
        LoadedScene own = psd("own.psd", DocumentLimits.DEFAULT, base, PsdWriterForTests.L.groupEnd(), red,
                PsdWriterForTests.L.group("own", "norm", 255, false, null));
        assertEquals(List.of("base", "pass"), pass.scene().layers().stream().map(Layer::name).toList());
        assertTrue(pass.scene().layers().get(1).isPassThrough());
        assertEquals(List.of("red"), pass.scene().layers().get(1).group().layers().stream().map(Layer::name).toList());
        assertEquals(List.of("base", "own"), own.scene().layers().stream().map(Layer::name).toList());
        assertEquals(0xFF800000, renderedAt(pass, 3, 3)); // multiplied with the grey below
        assertEquals(0xFFFF0000, renderedAt(own, 3, 3)); // multiplied with the group's transparent backdrop: red
        assertEquals(0xFF808080, renderedAt(own, 8, 8));
        assertEquals(List.of(), pass.warnings());
        assertEquals(List.of(), own.warnings());
    }

    @Test
    void hiddenGroups_hideTheirLayers_andAPassThroughGroupsOpacity_fadesWhatItsLayersDo() throws IOException {
        var base = new PsdWriterForTests.L("base", 0, 0, 10, 10, 0x000000, "norm", false, null);
        var white = new PsdWriterForTests.L("white", 2, 2, 4, 4, 0xFFFFFF, "norm", false, null);
        LoadedScene hidden = psd("hidden.psd", DocumentLimits.DEFAULT, base, PsdWriterForTests.L.groupEnd(), white,
                PsdWriterForTests.L.group("hid", "pass", 255, true, null));
        assertEquals(List.of(true, false), hidden.scene().layers().stream().map(Layer::visible).toList());
        assertEquals(0xFF000000, renderedAt(hidden, 3, 3));
        LoadedScene faded = psd("faded.psd", DocumentLimits.DEFAULT, base, PsdWriterForTests.L.groupEnd(), white,
                PsdWriterForTests.L.group("faded", "pass", 102, false, null));
        assertEquals(List.of("base", "faded"), faded.scene().layers().stream().map(Layer::name).toList());
        assertTrue(faded.scene().layers().get(1).isPassThrough());
        assertEquals(0.4f, faded.scene().layers().get(1).opacity(), 1e-6f);
        assertEquals(0xFF666666, renderedAt(faded, 3, 3)); // 40 % of white over black
        assertEquals(List.of(), faded.warnings());
        // a screen layer in it still screens the grey below the group; the group fades what it did
        var grey = new PsdWriterForTests.L("grey", 0, 0, 10, 10, 0x808080, "norm", false, null);
        LoadedScene modal = psd("modal.psd", DocumentLimits.DEFAULT, grey, PsdWriterForTests.L.groupEnd(),
                new PsdWriterForTests.L("scr", 2, 2, 4, 4, 0x404040, "scrn", false, null),
                PsdWriterForTests.L.group("modal", "pass", 102, false, null));
        assertEquals(List.of(), modal.warnings());
        assertTrue(modal.scene().layers().get(1).isPassThrough());
        // screen(0x80, 0x40) = 0xA0; 40 % of the way from 0x80: 0x8D (isolated it would be 0x40 at 40 % over 0x80: 0x66)
        assertEquals(0xFF8D8D8D, renderedAt(modal, 3, 3));
    }

    @Test
    void nestedGroups_unbalancedMarkers_andNestingPastTheLimit() throws IOException {
        var base = new PsdWriterForTests.L("base", 0, 0, 10, 10, 0x000000, "norm", false, null);
        var a = new PsdWriterForTests.L("a", 1, 1, 2, 2, 0xFF0000, "norm", false, null);
        var b = new PsdWriterForTests.L("b", 5, 5, 2, 2, 0x00FF00, "diff", false, null);
        var end = PsdWriterForTests.L.groupEnd();
        // outer (multiply at 50 %) holds a and inner (pass-through), which holds b
        LoadedScene nested = psd("nested.psd", DocumentLimits.DEFAULT, base, end, a, end, b,
                PsdWriterForTests.L.group("inner", "pass", 255, false, null), PsdWriterForTests.L.group("outer", "scrn", 255, false, null));
        assertEquals(List.of("base", "outer"), nested.scene().layers().stream().map(Layer::name).toList());
        assertEquals(0xFF00FF00, renderedAt(nested, 5, 5)); // b's difference over the group's transparency, screened on black
        // a divider whose group record is missing: its layers as they are; a group record without a divider: refused
        LoadedScene open = psd("open.psd", DocumentLimits.DEFAULT, base, end, a);
        assertEquals(List.of("base", "a"), open.scene().layers().stream().map(Layer::name).toList());
        DocumentException stray = assertThrows(DocumentException.class, () -> psd("stray.psd", DocumentLimits.DEFAULT, base, a,
                PsdWriterForTests.L.group("stray", "mul ", 128, false, null)));
        assertTrue(stray.getMessage().endsWith("stray.psd: its layer groups do not nest (group 'stray' ends where none began)"),
                stray.getMessage());
        DocumentLimits shallow = new DocumentLimits(100_000_000L, 512L << 20, 2L << 30, 10_000, 1_000, 1, 1_000_000_000L);
        DocumentException e = assertThrows(DocumentException.class, () -> psd("deep.psd", shallow, base, end, end, a));
        assertTrue(e.getMessage().endsWith("deep.psd: groups nested deeper than 1"), e.getMessage());
    }

    @Test
    void aGroupsMask_hidesTheGroupWhereItIsBlack() throws IOException {
        var base = new PsdWriterForTests.L("base", 0, 0, 10, 10, 0x000000, "norm", false, null);
        var white = new PsdWriterForTests.L("white", 0, 0, 10, 10, 0xFFFFFF, "norm", false, null);
        int[] half = new int[10 * 10];
        for (int i = 0; i < half.length; i++) half[i] = i % 10 < 5 ? 255 : 0;
        LoadedScene s = psd("gmask.psd", DocumentLimits.DEFAULT, base, PsdWriterForTests.L.groupEnd(), white,
                PsdWriterForTests.L.group("masked", "pass", 255, false, PsdWriterForTests.M.of(0, 0, 10, 10, 0, 1, half)));
        assertEquals(0xFFFFFFFF, renderedAt(s, 2, 5));
        assertEquals(0xFF000000, renderedAt(s, 7, 5));
        assertEquals(List.of(), s.warnings());
        Layer g = s.scene().layers().get(1);
        assertTrue(g.isPassThrough() && g.isMasked(), "a pass-through group keeps its pixel mask live");
        // a screen layer in a masked pass-through group screens the grey below the group where the mask shows it
        var grey = new PsdWriterForTests.L("grey", 0, 0, 10, 10, 0x808080, "norm", false, null);
        var scr = new PsdWriterForTests.L("scr", 0, 0, 10, 10, 0x404040, "scrn", false, null);
        LoadedScene modal = psd("gmask-screen.psd", DocumentLimits.DEFAULT, grey, PsdWriterForTests.L.groupEnd(), scr,
                PsdWriterForTests.L.group("masked", "pass", 255, false, PsdWriterForTests.M.of(0, 0, 10, 10, 0, 1, half)));
        assertEquals(List.of(), modal.warnings());
        assertEquals(0xFFA0A0A0, renderedAt(modal, 2, 5)); // screen(0x80, 0x40)
        assertEquals(0xFF808080, renderedAt(modal, 7, 5)); // hidden by the mask: the grey
    }

    @Test
    void aPassThroughGroupThatLayersAreClippedTo_isItsLayers_theTopmostTheBase() throws IOException {
        var back = new PsdWriterForTests.L("back", 0, 0, 10, 10, 0x808080, "norm", false, null);
        var blue = new PsdWriterForTests.L("blue", 2, 2, 4, 4, 0x0000FF, "norm", false, null);
        var photo = new PsdWriterForTests.L("photo", 0, 0, 10, 10, 0xFF0000, "norm", false, null).clip();
        LoadedScene s = psd("pass-clip.psd", DocumentLimits.DEFAULT, back, PsdWriterForTests.L.groupEnd(), blue,
                PsdWriterForTests.L.group("folder", "pass", 255, false, null), photo);
        assertEquals(List.of("back", "blue"), s.scene().layers().stream().map(Layer::name).toList());
        assertTrue(s.scene().layers().get(1).group().clipping(), "the group's layer, the base of a clipping group");
        assertEquals(0xFFFF0000, renderedAt(s, 3, 3));
        assertEquals(0xFF808080, renderedAt(s, 8, 8));
        // not clipped to: a pass-through group
        LoadedScene kept = psd("pass-kept.psd", DocumentLimits.DEFAULT, back, PsdWriterForTests.L.groupEnd(), blue,
                PsdWriterForTests.L.group("folder", "pass", 255, false, null));
        assertTrue(kept.scene().layers().get(1).isPassThrough());
        assertEquals(0xFF0000FF, renderedAt(kept, 3, 3));
        // faded, clipped to: it cannot be its layers (its fade needs the group), so it is composited on its own, the base of the
        // clipping group, and the warning names the blend mode that now acts within it
        var scr = new PsdWriterForTests.L("scr", 2, 2, 4, 4, 0x404040, "scrn", false, null);
        LoadedScene faded = psd("pass-faded-clip.psd", DocumentLimits.DEFAULT, back, PsdWriterForTests.L.groupEnd(), scr,
                PsdWriterForTests.L.group("folder", "pass", 128, false, null), photo);
        assertEquals(List.of("back", "folder"), faded.scene().layers().stream().map(Layer::name).toList());
        Layer clip = faded.scene().layers().get(1);
        assertTrue(clip.group().clipping());
        Layer folder = clip.group().layers().getFirst();
        assertTrue(folder.isGroup() && !folder.isPassThrough(), "an isolated group, the base");
        assertEquals(128 / 255f, clip.opacity(), 1e-6f, "the clipping group takes its base's opacity");
        assertEquals(List.of("group 'folder': a faded or masked pass-through group that is clipped, or clipped to, is drawn as a group"
                + " of its own; the blend modes of its layers act within it"), faded.warnings());
    }

    @Test
    void clippedLayers_showOnlyWhereTheirBaseHasPixels_andTheGroupTakesTheBasesModeAndOpacity() throws IOException {
        var back = new PsdWriterForTests.L("back", 0, 0, 10, 10, 0x808080, "norm", false, null);
        var base = new PsdWriterForTests.L("base", 2, 2, 4, 4, 0x0000FF, "norm", false, null);
        var photo = new PsdWriterForTests.L("photo", 0, 0, 10, 10, 0xFF0000, "norm", false, null).clip();
        LoadedScene s = psd("clip.psd", DocumentLimits.DEFAULT, back, base, photo);
        assertEquals(List.of("back", "base"), s.scene().layers().stream().map(Layer::name).toList());
        assertEquals(List.of(), s.warnings());
        assertEquals(0xFFFF0000, renderedAt(s, 3, 3)); // inside the base: the clipped layer
        assertEquals(0xFF808080, renderedAt(s, 8, 8)); // outside it: the clipped layer does not show
        Layer clip = s.scene().layers().get(1); // a live clipping group: each layer still its own
        assertTrue(clip.isGroup() && clip.group().clipping());
        assertEquals(List.of("base", "photo"), clip.group().layers().stream().map(Layer::name).toList());
        assertEquals(List.of(2, 2, 4, 4), List.of(clip.x(), clip.y(), clip.source().width(), clip.source().height()));
        // a multiply clipped layer blends with the base alone; the base at 50 % in screen takes the group with it
        var screenBase = new PsdWriterForTests.L("base", 2, 2, 4, 4, 0x00FFFF, "scrn", false, null).withOpacity(128);
        var yellow = new PsdWriterForTests.L("yellow", 0, 0, 10, 10, 0xFFFF00, "mul ", false, null).clip();
        LoadedScene m = psd("clipmul.psd", DocumentLimits.DEFAULT, back, screenBase, yellow);
        // cyan × yellow = green; green screened on grey at 128/255: grey + (screen(grey, green) − grey)·0.502
        int g = 0x80 + Math.round((255 - 0x80) * 128 / 255f);
        assertEquals(0xFF000000 | 0x80 << 16 | g << 8 | 0x80, renderedAt(m, 3, 3));
        assertEquals(0xFF808080, renderedAt(m, 8, 8));
    }

    @Test
    void aClippedLayerOverASoftBase_keepsTheBasesAlpha_asSourceAtop() throws IOException {
        int[] ramp = new int[4 * 4];
        for (int i = 0; i < ramp.length; i++) ramp[i] = i * 17;
        var base = new PsdWriterForTests.L("base", 2, 2, 4, 4, 0x0000FF, "norm", false, null,
                PsdWriterForTests.M.of(2, 2, 4, 4, 0, 0, ramp)); // its alpha ramps through its mask
        var red = new PsdWriterForTests.L("red", 0, 0, 10, 10, 0xFF0000, "norm", false, null).withOpacity(153).clip();
        LoadedScene s = psd("soft.psd", DocumentLimits.DEFAULT, base, red);
        Layer group = s.scene().layers().getFirst();
        // the group covers its base only: nothing of it shows elsewhere
        assertEquals(List.of(2, 2, 4, 4), List.of(group.x(), group.y(), group.source().width(), group.source().height()));
        for (int i = 0; i < ramp.length; i++) {
            int px = group.source().getPixel(i % 4, i / 4);
            double ab = ramp[i] / 255.0, as = 0.6; // atop: alpha αb; colour αb·(αs·red) + (1 − αs)·blue·αb
            assertEquals(ramp[i], px >>> 24, "alpha at " + i);
            assertEquals(Math.round(255 * ab * as), px >>> 16 & 0xFF, 1, "red at " + i);
            assertEquals(Math.round(255 * ab * (1 - as)), px & 0xFF, 1, "blue at " + i);
        }
    }

    @Test
    void aClippedLayerWithNothingBelowIt_isDrawnUnclipped_withAWarning() throws IOException {
        var red = new PsdWriterForTests.L("red", 0, 0, 10, 10, 0xFF0000, "norm", false, null).clip();
        LoadedScene s = psd("alone.psd", DocumentLimits.DEFAULT, red);
        assertEquals(List.of("layer 'red' is clipped to no layer below it; drawn unclipped"), s.warnings());
        assertEquals(0xFFFF0000, renderedAt(s, 3, 3));
    }

    @Test
    void aLayersFillOpacity_scalesItsPixels_andIsNamedWhereItsModeBlendsFillApart() throws IOException {
        var back = new PsdWriterForTests.L("back", 0, 0, 10, 10, 0x808080, "norm", false, null);
        // fill 0 % (the writer's iOpa block holds 0): a layer kept only for its effects draws no pixels
        var ghost = new PsdWriterForTests.L("ghost", 2, 2, 4, 4, 0xFF0000, "norm", false, "iOpa").withOpacity(204);
        var diff = new PsdWriterForTests.L("diff", 2, 2, 4, 4, 0x00FF00, "diff", false, "iOpa");
        LoadedScene s = psd("fill.psd", DocumentLimits.DEFAULT, back, ghost, diff);
        assertEquals(List.of(0f, 0f), s.scene().layers().subList(1, 3).stream().map(Layer::opacity).toList());
        assertEquals(0xFF808080, renderedAt(s, 3, 3));
        assertEquals(List.of("layer 'diff': its fill opacity (0 %) in difference is drawn as layer opacity;"
                + " Photoshop blends that mode's fill differently"), s.warnings());
    }

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
    void blendIfRangesOtherThanTheDefault_areNamedInAWarning() throws IOException {
        int[] defaults = new int[10];
        java.util.Arrays.fill(defaults, 0x0000FFFF); // gray and R, G, B: source and destination each, black 0 to white 255
        int[] whiteOut = defaults.clone();
        whiteOut[0] = 0x0000C8FF; // "This Layer": its white point at 200, so its near-white pixels drop out
        LoadedScene s = psd("blendif.psd", DocumentLimits.DEFAULT,
                new PsdWriterForTests.L("plain", 0, 0, 10, 10, 0x336699, "norm", false, null).withRanges(defaults),
                new PsdWriterForTests.L("keyed", 2, 2, 4, 4, 0xFFFFFF, "norm", false, null).withRanges(whiteOut));
        assertEquals(List.of("layer 'keyed': its Blend If ranges are not supported; drawn as if it had none"), s.warnings());
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

    /** A 10x8 opaque red layer at (4, 3) with a mask of its own rectangle (7x5 at (6, 5)), values ramping. */
    private static int[] ramp(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = (i * 37 + 11) % 256;
        return v;
    }

    private Surface maskedLayer(String file, int depth, PsdWriterForTests.M mask, List<String> warnings) throws IOException {
        return maskedLayer(file, depth, false, mask, warnings);
    }

    private Surface maskedLayer(String file, int depth, boolean psb, PsdWriterForTests.M mask, List<String> warnings) throws IOException {
        Path p = dir.resolve(file);
        Files.write(p, PsdWriterForTests.write(20, 16, depth, psb, List.of(
                new PsdWriterForTests.L("base", 0, 0, 1, 1, 0x000000, "norm", false, null),
                new PsdWriterForTests.L("masked", 4, 3, 10, 8, 0xFF0000, "norm", false, null, mask))));
        LoadedScene s = PsdImport.read(p);
        warnings.addAll(s.warnings());
        Layer l = s.scene().layers().get(1);
        assertEquals(4, l.x());
        assertEquals(3, l.y());
        assertTrue(l.mask() != null, "the pixel mask is kept live, not applied to the pixels");
        assertEquals(0xFFFF0000, l.source().getPixel(0, 0), "the layer's own pixels are as painted");
        // the layer as drawn: its pixels through its mask, as the renderer draws them
        Surface drawn = Surface.allocate(20, 16);
        TileRenderer.singleThreaded().render(new Scene(20, 16, 0, List.of(l)), drawn);
        Surface px = Surface.allocate(10, 8);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 10; x++) px.setPixel(x, y, drawn.getPixel(x + 4, y + 3));
        return px;
    }

    /** What the layer's pixel at canvas (x, y) must be: opaque red scaled by the mask value v. */
    private static int redScaledBy(int v) {
        int a = (255 * v + 127) / 255;
        return a << 24 | a << 16;
    }

    @Test
    void pixelMasks_inEveryCompressionAndDepth_scaleTheLayerWhereTheyLie_andUseTheirDefaultOutside() throws IOException {
        int[] values = ramp(7 * 5);
        for (int depth : new int[] {8, 16, 32}) {
            for (int compression = 0; compression <= 3; compression++) {
                for (int outside : new int[] {0, 255}) {
                    boolean psb = outside == 255; // half the cases as a large-document file
                    List<String> warnings = new java.util.ArrayList<>();
                    Surface px = maskedLayer("m" + depth + compression + outside + (psb ? ".psb" : ".psd"), depth, psb,
                            PsdWriterForTests.M.of(6, 5, 7, 5, outside, compression, values), warnings);
                    assertEquals(List.of(), warnings);
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 10; x++) {
                            int cx = x + 4, cy = y + 3;
                            boolean in = cx >= 6 && cx < 13 && cy >= 5 && cy < 10;
                            int v = in ? values[(cy - 5) * 7 + (cx - 6)] : outside;
                            assertEquals(Integer.toHexString(redScaledBy(v)), Integer.toHexString(px.getPixel(x, y)),
                                    "depth " + depth + ", compression " + compression + ", default " + outside + ", psb " + psb
                                            + ", at (" + cx + ", " + cy + ")");
                        }
                    }
                }
            }
        }
    }

    @Test
    void a32BitDocument_holdsLinearLightFloats_readEncodedToSrgb() throws IOException {
        // TwelveMonkeys hands a 32-bit document's floats over as integer samples: 1.0f read as 0x3F800000 / 2^32 gave 63
        Path p = dir.resolve("hdr.psd");
        Files.write(p, PsdWriterForTests.write(6, 4, 32, List.of(
                new PsdWriterForTests.L("lit", 1, 1, 4, 2, 0x80FF00, "norm", false, null))));
        LoadedScene s = PsdImport.read(p);
        Layer l = s.scene().layers().getFirst();
        int r = (int) Math.round(dev.blendbench.engine.colour.Srgb.toEncoded(128 / 255.0) * 255);
        assertEquals(188, r);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(Integer.toHexString(0xFF000000 | r << 16 | 0xFF00), Integer.toHexString(l.source().getPixel(x, y)));
            }
        }
    }

    @Test
    void aMasksDensity_letsThatShareOfTheLayerThrough_andDisabledOrInvertedMasksActAsPhotoshopDraws() throws IOException {
        int[] values = ramp(10 * 8);
        List<String> warnings = new java.util.ArrayList<>();
        // density 128: where the mask hides fully (0), 50 % of the layer remains
        Surface half = maskedLayer("density.psd", 8, new PsdWriterForTests.M(4, 3, 10, 8, 0, 0, 128, 0, 1, values), warnings);
        Surface disabled = maskedLayer("disabled.psd", 8, new PsdWriterForTests.M(4, 3, 10, 8, 0, 2, 255, 0, 1, values), warnings);
        Layer off = PsdImport.read(dir.resolve("disabled.psd")).scene().layers().get(1);
        assertTrue(off.mask() != null && !off.mask().enabled() && !off.isMasked(), "a disabled mask is kept, off, to be turned on");
        assertEquals(values[13], off.mask().value(3, 1), "its values, from the layer's corner");
        Surface inverted = maskedLayer("inverted.psd", 8, new PsdWriterForTests.M(4, 3, 10, 8, 0, 4, 255, 0, 1, values), warnings);
        assertEquals(List.of(), warnings);
        for (int i = 0; i < values.length; i++) {
            int x = i % 10, y = i / 10, v = values[i];
            assertEquals(redScaledBy(255 - (128 * (255 - v) + 127) / 255), half.getPixel(x, y), "density at " + i);
            assertEquals(0xFFFF0000, disabled.getPixel(x, y), "disabled at " + i);
            assertEquals(redScaledBy(255 - v), inverted.getPixel(x, y), "inverted at " + i);
        }
    }

    @Test
    void aFeatheredMask_isAppliedUnblurred_withAWarning() throws IOException {
        int[] values = ramp(10 * 8);
        List<String> warnings = new java.util.ArrayList<>();
        Surface px = maskedLayer("feather.psd", 8, new PsdWriterForTests.M(4, 3, 10, 8, 0, 0, 255, 2.5, 2, values), warnings);
        assertEquals(List.of("layer 'masked': its mask's feather (2.5 px) is not applied; the mask is used unblurred"), warnings);
        assertEquals(redScaledBy(values[13]), px.getPixel(3, 1));
    }

    @Test
    void aMaskWhoseDataLies_failsWithOneLineNamingTheFileAndLayer_neverAnOutOfMemoryError() throws IOException {
        int[] values = ramp(7 * 5);
        byte[] good = PsdWriterForTests.write(20, 16, List.of(
                new PsdWriterForTests.L("masked", 4, 3, 10, 8, 0xFF0000, "norm", false, null,
                        PsdWriterForTests.M.of(6, 5, 7, 5, 0, 1, values))));
        byte[] channel = PsdWriterForTests.maskChannel(PsdWriterForTests.M.of(6, 5, 7, 5, 0, 1, values), 1);
        int at = indexOf(good, channel);
        assertTrue(at > 0);
        java.util.Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        byte[] b = good.clone();
        b[at + 1] = 9; // compression 9
        bad.put("unknown compression", b);
        b = good.clone();
        b[at + 2] = (byte) 0xFF; // the first row's count: 65,000-odd bytes
        bad.put("row counts past the channel", b);
        b = good.clone();
        b[at + 2 + 2 * 5] = (byte) 0x7F; // the first row's PackBits: a literal run of 128 bytes in a 7-byte row
        bad.put("PackBits overrun", b);
        b = good.clone();
        java.nio.ByteBuffer.wrap(b).putInt(indexOf(good, new byte[] {0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 10, 0, 0, 0, 13}) + 8, 60_000);
        bad.put("a mask rectangle taller than its data", b);
        byte[] zipped = PsdWriterForTests.write(20, 16, List.of(
                new PsdWriterForTests.L("masked", 4, 3, 10, 8, 0xFF0000, "norm", false, null,
                        PsdWriterForTests.M.of(6, 5, 7, 5, 0, 2, values))));
        byte[] zipChannel = PsdWriterForTests.maskChannel(PsdWriterForTests.M.of(6, 5, 7, 5, 0, 2, values), 1);
        b = zipped.clone();
        b[indexOf(zipped, zipChannel) + 4] ^= 0x55; // corrupt deflate data
        bad.put("corrupt ZIP", b);
        for (var e : bad.entrySet()) {
            Path p = dir.resolve(e.getKey().replace(' ', '_') + ".psd");
            Files.write(p, e.getValue());
            DocumentException x = assertThrows(DocumentException.class, () -> PsdImport.read(p), e.getKey());
            assertTrue(x.getMessage().startsWith(p + ": layer 'masked': its mask cannot be read (")
                    && !x.getMessage().contains("\n"), e.getKey() + ": " + x.getMessage());
        }
    }

    @Test
    void masksDeclaringMorePixelsInAllThanTheLayersMay_areRefused_beforeTheOneThatPassesTheCapIsDecoded() throws IOException {
        int[] values = ramp(20 * 10); // each mask 20x10, twice its 10x10 layer: 400 mask pixels for 200 layer pixels
        Path p = dir.resolve("masks.psd");
        Files.write(p, PsdWriterForTests.write(10, 10, List.of(
                new PsdWriterForTests.L("a", 0, 0, 10, 10, 0xFF0000, "norm", false, null, PsdWriterForTests.M.of(0, 0, 20, 10, 0, 0, values)),
                new PsdWriterForTests.L("b", 0, 0, 10, 10, 0x00FF00, "norm", false, null, PsdWriterForTests.M.of(0, 0, 20, 10, 0, 0, values)))));
        assertEquals(2, PsdImport.read(p, DocumentLimits.DEFAULT.withMaxTotalPixels(400)).scene().layers().size());
        DocumentException e = assertThrows(DocumentException.class, () -> PsdImport.read(p, DocumentLimits.DEFAULT.withMaxTotalPixels(399)));
        assertTrue(e.getMessage().endsWith("masks.psd: its layer masks declare more than 399 pixels in all (with layer 'b')"), e.getMessage());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    @Test
    void unreadableVectorMasksAdjustmentLayersAndEffects_areNamedInWarnings() throws IOException {
        Path p = dir.resolve("features.psd");
        Files.write(p, PsdWriterForTests.write(40, 30, List.of(
                new PsdWriterForTests.L("base", 0, 0, 40, 30, 0x336699, "norm", false, null),
                new PsdWriterForTests.L("masked", 5, 5, 10, 10, 0xFF0000, "scrn", true, "vmsk"),
                new PsdWriterForTests.L("shadowed", 8, 2, 6, 6, 0x00FF00, "norm", false, "lfx2"),
                new PsdWriterForTests.L("Levels 1", 0, 0, 40, 30, 0x000000, "norm", false, "levl"),
                new PsdWriterForTests.L("odd", 1, 1, 3, 3, 0x0000FF, "diss", false, null))));
        LoadedScene s = PsdImport.read(p);
        assertEquals(List.of("base", "masked", "shadowed", "odd"), s.scene().layers().stream().map(Layer::name).toList());
        assertEquals(BlendMode.SCREEN, s.scene().layers().get(1).mode());
        String all = String.join("\n", s.warnings());
        assertTrue(all.contains("'masked': its vector mask cannot be read (a vector mask block of 4 bytes); drawn without it"), all);
        assertTrue(all.contains("'shadowed': layer effects"), all);
        assertTrue(all.contains("adjustment layer 'Levels 1' (levels)"), all);
        assertTrue(all.contains("'odd': blend mode 'diss'"), all);
        assertEquals(4, s.warnings().size(), all);
    }

    @Test
    void blendKeysWrittenBackwards_readAsTheKeyTheyReverse_withoutAWarning() throws IOException {
        // ImageMagick writes 'mron' for 'norm' in some layers (a little-endian layer block's byte order)
        Path p = dir.resolve("reversed.psd");
        Files.write(p, PsdWriterForTests.write(20, 20, List.of(
                new PsdWriterForTests.L("base", 0, 0, 20, 20, 0x336699, "mron", false, null),
                new PsdWriterForTests.L("top", 2, 2, 5, 5, 0xFF0000, " lum", false, null),
                new PsdWriterForTests.L("burn", 4, 4, 5, 5, 0x00FF00, "vidi", false, null))));
        LoadedScene s = PsdImport.read(p);
        assertEquals(List.of(BlendMode.NORMAL, BlendMode.MULTIPLY, BlendMode.COLOR_BURN),
                s.scene().layers().stream().map(Layer::mode).toList());
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void truncatedOrLyingPsd_failsWithOneLine() throws IOException {
        byte[] good = PsdWriterForTests.write(20, 10, List.of(new PsdWriterForTests.L("a", 0, 0, 20, 10, 0xFF0000, "norm", false, null)));
        for (int cut : new int[] {10, 30, 60, good.length / 2}) {
            Path p = dir.resolve("cut" + cut + ".psd");
            Files.write(p, java.util.Arrays.copyOf(good, cut));
            DocumentException e = assertThrows(DocumentException.class, () -> PsdImport.read(p));
            assertTrue(e.getMessage().startsWith(p.toString()) && !e.getMessage().contains("\n"), e.getMessage());
        }
        byte[] lying = good.clone();
        lying[26] = 0x7F; // colour-mode section claims ~2 GB
        Path p = dir.resolve("lying.psd");
        Files.write(p, lying);
        assertThrows(DocumentException.class, () -> PsdImport.read(p));
    }

    @Test
    void notAPsd_failsWithOneLine() throws IOException {
        Path p = dir.resolve("x.psd");
        Files.writeString(p, "8BPS but not really");
        DocumentException e = assertThrows(DocumentException.class, () -> PsdImport.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertThrows(DocumentException.class, () -> PsdImport.read(dir.resolve("missing.psd")));
    }
}

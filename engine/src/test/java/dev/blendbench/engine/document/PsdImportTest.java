package dev.blendbench.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
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
        // a multiply group at 70 % with a mask: one layer; a pass-through group: its layer; a hidden one: its layer, hidden
        assertEquals(List.of("background", "multiplied", "c", "d"), ls.stream().map(Layer::name).toList());
        assertEquals(BlendMode.MULTIPLY, ls.get(1).mode());
        assertEquals(179 / 255f, ls.get(1).opacity());
        assertEquals(List.of(true, true, true, false), ls.stream().map(Layer::visible).toList());
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
        assertEquals(List.of("base", "red"), pass.scene().layers().stream().map(Layer::name).toList());
        assertEquals(List.of("base", "own"), own.scene().layers().stream().map(Layer::name).toList());
        assertEquals(0xFF800000, renderedAt(pass, 3, 3)); // multiplied with the grey below
        assertEquals(0xFFFF0000, renderedAt(own, 3, 3)); // multiplied with the group's transparent backdrop: red
        assertEquals(0xFF808080, renderedAt(own, 8, 8));
        assertEquals(List.of(), pass.warnings());
        assertEquals(List.of(), own.warnings());
    }

    @Test
    void hiddenGroups_hideTheirLayers_andAPassThroughGroupsOpacity_isOneGroupAtThatOpacity() throws IOException {
        var base = new PsdWriterForTests.L("base", 0, 0, 10, 10, 0x000000, "norm", false, null);
        var white = new PsdWriterForTests.L("white", 2, 2, 4, 4, 0xFFFFFF, "norm", false, null);
        LoadedScene hidden = psd("hidden.psd", DocumentLimits.DEFAULT, base, PsdWriterForTests.L.groupEnd(), white,
                PsdWriterForTests.L.group("hid", "pass", 255, true, null));
        assertEquals(List.of(true, false), hidden.scene().layers().stream().map(Layer::visible).toList());
        assertEquals(0xFF000000, renderedAt(hidden, 3, 3));
        LoadedScene faded = psd("faded.psd", DocumentLimits.DEFAULT, base, PsdWriterForTests.L.groupEnd(), white,
                PsdWriterForTests.L.group("faded", "pass", 102, false, null));
        assertEquals(List.of("base", "faded"), faded.scene().layers().stream().map(Layer::name).toList());
        assertEquals(0xFF666666, renderedAt(faded, 3, 3)); // 40 % of white over black
        assertEquals(List.of(), faded.warnings()); // normal layers: the same as pass-through
        LoadedScene modal = psd("modal.psd", DocumentLimits.DEFAULT, base, PsdWriterForTests.L.groupEnd(),
                new PsdWriterForTests.L("scr", 2, 2, 4, 4, 0x404040, "scrn", false, null),
                PsdWriterForTests.L.group("modal", "pass", 102, false, null));
        assertEquals(List.of("group 'modal': pass-through with an opacity below 100 % is drawn as a group of its own;"
                + " the blend modes of its layers act within it"), modal.warnings());
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
        for (int i = 0; i < ramp.length; i++) {
            int px = group.source().getPixel(2 + i % 4, 2 + i / 4);
            double ab = ramp[i] / 255.0, as = 0.6; // atop: alpha αb; colour αb·(αs·red) + (1 − αs)·blue·αb
            assertEquals(ramp[i], px >>> 24, "alpha at " + i);
            assertEquals(Math.round(255 * ab * as), px >>> 16 & 0xFF, 1, "red at " + i);
            assertEquals(Math.round(255 * ab * (1 - as)), px & 0xFF, 1, "blue at " + i);
        }
        assertEquals(0, group.source().getPixel(8, 8));
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
        return l.source();
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
    void vectorMasksAdjustmentLayersAndEffects_areNamedInWarnings() throws IOException {
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
        assertTrue(all.contains("'masked': vector masks are not supported"), all);
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

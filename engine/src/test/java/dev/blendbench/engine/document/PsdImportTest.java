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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Photoshop import: layers, groups, clipping, fill opacity and what the import names in warnings; masks in the two classes beside it. */
class PsdImportTest extends PsdImportTestBase {
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

package dev.blendbench.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Placement;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsdExportTest {
    @TempDir
    Path dir;

    /** Random straight colours with alphas from fully transparent to opaque, premultiplied. */
    private static Surface noise(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        int[] alphas = {0, 1, 64, 128, 200, 255, 255, 255};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = alphas[r.nextInt(alphas.length)];
                s.setPixel(x, y, Argb.premultiply(a << 24 | r.nextInt(1 << 24)));
            }
        }
        return s;
    }

    private static Surface render(Scene s) {
        Surface out = Surface.allocate(s.width(), s.height());
        TileRenderer.singleThreaded().render(s, out);
        return out;
    }

    @Test
    void aSceneSavedAsPsd_readsBackWithItsLayersModesOpacityVisibilityAndPixels() throws IOException {
        Surface a = noise(40, 30, 1), b = noise(17, 9, 2), c = noise(25, 25, 3);
        Scene scene = new Scene(48, 36, 0, List.of(
                new Layer("base", a, 0, 0, BlendMode.SOURCE_OVER, 1f, true),
                new Layer("Überlagerung — ▲", b, -5, 20, BlendMode.COLOR_DODGE, 0.6f, true),
                new Layer("hidden soft light", c, 30, -3, BlendMode.SOFT_LIGHT, 0.25f, false),
                new Layer("hue", c, 12, 8, BlendMode.HUE, 1f, true)));
        Path p = dir.resolve("scene.psd");
        assertEquals(List.of(), PsdExport.write(scene, p));
        LoadedScene back = PsdImport.read(p);
        assertEquals(List.of(), back.warnings());
        List<Layer> ls = back.scene().layers();
        assertEquals(List.of("base", "Überlagerung — ▲", "hidden soft light", "hue"), ls.stream().map(Layer::name).toList());
        assertEquals(List.of(BlendMode.NORMAL, BlendMode.COLOR_DODGE, BlendMode.SOFT_LIGHT, BlendMode.HUE),
                ls.stream().map(Layer::mode).toList());
        assertEquals(List.of(255, 153, 64, 255), ls.stream().map(l -> Math.round(l.opacity() * 255)).toList());
        assertEquals(List.of(true, true, false, true), ls.stream().map(Layer::visible).toList());
        assertEquals(List.of(-5, 20), List.of(ls.get(1).x(), ls.get(1).y()));
        assertEquals(List.of(30, -3), List.of(ls.get(2).x(), ls.get(2).y()));
        for (int i = 0; i < 4; i++) {
            Surface want = scene.layers().get(i).source(), got = ls.get(i).source();
            assertEquals(want.width(), got.width());
            assertEquals(want.height(), got.height());
            // straight 8 bits in the file: a premultiplied pixel comes back as premultiply(unpremultiply(p))
            for (int y = 0; y < want.height(); y++) {
                for (int x = 0; x < want.width(); x++) {
                    assertEquals(Argb.premultiply(Argb.unpremultiply(want.getPixel(x, y))), got.getPixel(x, y), "layer " + i);
                }
            }
        }
        assertTrue(Tolerance.maxDifference(render(scene), render(back.scene())) <= 1);
    }

    @Test
    void theMergedImage_isBlendbenchsComposite_forViewersThatShowOnlyIt() throws IOException {
        Scene scene = new Scene(20, 10, Argb.parseHex("#204060"), List.of(
                new Layer("top", noise(20, 10, 4), 0, 0, BlendMode.MULTIPLY, 0.8f, true)));
        Path p = dir.resolve("merged.psd");
        PsdExport.write(scene, p);
        Surface merged = dev.blendbench.engine.io.ImageFiles.read(p); // ImageIO's PSD reader: the merged image
        assertEquals(0, Tolerance.maxDifference(render(scene), merged));
        // the background colour becomes a bottom layer
        List<Layer> ls = PsdImport.read(p).scene().layers();
        assertEquals(List.of("Background colour", "top"), ls.stream().map(Layer::name).toList());
        assertEquals(Argb.parseHex("#204060"), ls.getFirst().source().getPixel(7, 7));
    }

    @Test
    void aTransparentMergedImage_isMattedWithWhite_asPhotoshopWritesIt_soReadersGetOurComposite() throws IOException {
        Surface layer = noise(40, 30, 9);
        Scene scene = new Scene(40, 30, 0, List.of(new Layer("top", layer, 0, 0, BlendMode.NORMAL, 0.8f, true)));
        Path p = dir.resolve("transparent.psd");
        PsdExport.write(scene, p);
        // TwelveMonkeys (as ImageMagick, ag-psd and psd-tools) divides the white back out of a merged image
        Surface merged = dev.blendbench.engine.io.ImageFiles.read(p), want = render(scene);
        int worst = 0, translucent = 0;
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                int a = want.getPixel(x, y), b = merged.getPixel(x, y);
                if ((a >>> 24) > 0 && (a >>> 24) < 255) translucent++;
                for (int sh = 0; sh < 32; sh += 8) worst = Math.max(worst, Math.abs(((a >>> sh) & 0xFF) - ((b >>> sh) & 0xFF)));
            }
        }
        assertTrue(translucent > 300, "translucent pixels " + translucent);
        // premultiplied: the reader's division by α rounds, so 1 level (written unmatted, they came back up to 164 off)
        assertTrue(worst <= 1, "largest premultiplied difference " + worst);
    }

    @Test
    void aTransformedLayer_isStoredAsItsResampledPixels_andRendersTheSame() throws IOException {
        Surface src = noise(16, 12, 5);
        Placement turned = Placement.of(Transform.place(16, 12, 0.3, 0.6, 1.5, 30), Filter.BILINEAR, src.width(), src.height());
        Scene scene = new Scene(40, 40, 0, List.of(new Layer("turned", src, 10, 8, BlendMode.SOURCE_OVER, 1f, true, turned)));
        Path p = dir.resolve("turned.psd");
        PsdExport.write(scene, p);
        assertTrue(Tolerance.maxDifference(render(scene), render(PsdImport.read(p).scene())) <= 1);
    }

    @Test
    void aPorterDuffOperator_isRefusedBeforeAnythingIsWritten_andLinearLightIsNoted() throws IOException {
        Path p = dir.resolve("xor.psd");
        Scene xor = new Scene(8, 8, 0, List.of(new Layer("cut", noise(8, 8, 6), 0, 0, BlendMode.XOR, 1f, true)));
        DocumentException e = assertThrows(DocumentException.class, () -> PsdExport.write(xor, p));
        assertEquals(p + ": layer 'cut' uses xor, which Photoshop has no blend mode for; save as .ora to keep it", e.getMessage());
        assertFalse(Files.exists(p));
        Scene linear = new Scene(8, 8, 0, List.of(Layer.of("a", noise(8, 8, 7))), BlendSpace.LINEAR);
        List<String> notes = PsdExport.write(linear, dir.resolve("linear.psd"));
        assertEquals(1, notes.size());
        assertTrue(notes.getFirst().startsWith("the scene blends in linear light;"), notes.getFirst());
        assertThrows(DocumentException.class, () -> PsdExport.write(linear, dir.resolve("no/such/folder.psd")));
    }

    @Test
    void aCanvasWiderThanPhotoshopsPsdLimit_isWrittenAsALargeDocument() throws IOException {
        Surface strip = noise(30_001, 2, 8);
        Scene wide = new Scene(30_001, 2, 0, List.of(Layer.of("strip", strip)));
        Path p = dir.resolve("wide.psb");
        PsdExport.write(wide, p);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(p), 6);
        assertEquals(2, head[5]); // version 2: PSB
        LoadedScene back = PsdImport.read(p);
        assertEquals(30_001, back.scene().width());
        assertEquals(Argb.premultiply(Argb.unpremultiply(strip.getPixel(29_999, 1))), back.scene().layers().getFirst().source().getPixel(29_999, 1));
        // a file named .psb gets the large-document layout whatever its size
        Path small = dir.resolve("small.psb");
        PsdExport.write(new Scene(8, 8, 0, List.of(Layer.of("a", noise(8, 8, 9)))), small);
        assertEquals(2, Files.readAllBytes(small)[5]);
        assertEquals(List.of("a"), PsdImport.read(small).scene().layers().stream().map(Layer::name).toList());
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (java.io.InputStream in = getClass().getResourceAsStream("/documents/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static List<String> names(List<Layer> ls) {
        return ls.stream().map(Layer::name).toList();
    }

    @Test
    void photoshopGroups_areSavedAsGroups_theirMaskAsTheGroupsMask_andReadBackAlike() throws IOException {
        LoadedScene gimp = PsdImport.read(resource("groups_gimp.psd")); // a masked multiply group at 70 %
        Path p = dir.resolve("again.psd");
        assertEquals(List.of(), PsdExport.write(gimp.scene(), p));
        LoadedScene back = PsdImport.read(p);
        assertEquals(List.of(), back.warnings());
        Layer group = back.scene().layers().get(1);
        assertTrue(group.isGroup());
        assertEquals(List.of("a", "b"), names(group.group().layers()));
        assertTrue(group.isMasked(), "its mask written as the group's and read back live");
        assertEquals(List.of(BlendMode.MULTIPLY, 179), List.of(group.mode(), Math.round(group.opacity() * 255)));
        assertEquals(List.of(5, 5, 45, 30), List.of(group.x(), group.y(), group.source().width(), group.source().height()));
        int diff = Tolerance.maxDifference(render(gimp.scene()), render(back.scene()));
        assertTrue(diff <= 1, "max channel difference after the round trip: " + diff);
    }

    /**
     * GIMP reads the exported group as a group with its mask: its flattening of the exported file
     * (made once, the file's bytes checked here to be what the export still writes) is within
     * GIMP's rounding of our composite.
     */
    @Test
    void gimpFlattensAnExportedMaskedGroup_asWeCompositeIt() throws IOException {
        LoadedScene gimp = PsdImport.read(resource("groups_gimp.psd"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        // the file was made before pass-through groups were read as groups: their layers in their place, as then
        PsdExport.write(gimp.scene().withLayers(gimp.scene().inlined().layers()), bytes, false);
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(resource("groups_reexported.psd")), bytes.toByteArray(),
                "the export writes what GIMP flattened");
        Surface flat = dev.blendbench.engine.io.ImageFiles.read(resource("groups_reexported_gimp_flat.png"));
        int diff = Tolerance.maxDifference(render(gimp.scene()), flat);
        assertTrue(diff <= Tolerance.GIMP, "max channel difference from GIMP's flattening of the export: " + diff);
    }

    @Test
    void passThroughGroups_areSavedAsPassThroughGroups_andReadBackAlike() throws IOException {
        Scene deep = new Scene(30, 20, 0, List.of(new Layer("deep", noise(30, 20, 21), 0, 0, BlendMode.SCREEN, 0.6f, true)));
        Scene pass = new Scene(50, 40, 0, List.of(
                new Layer("multiply", noise(40, 30, 22), 5, 5, BlendMode.MULTIPLY, 1f, true),
                dev.blendbench.engine.render.Groups.passThrough("nested", deep, 10, 8, true)));
        Scene scene = new Scene(64, 48, 0, List.of(Layer.of("base", noise(64, 48, 23)),
                dev.blendbench.engine.render.Groups.passThrough("folder", pass, 6, 4, true),
                dev.blendbench.engine.render.Groups.passThrough("hidden", new Scene(8, 8, 0, List.of(Layer.of("x", noise(8, 8, 24)))), 2, 2, false),
                dev.blendbench.engine.render.Groups.passThrough("faded", new Scene(30, 20, 0, List.of(
                        new Layer("dodge", noise(30, 20, 28), 0, 0, BlendMode.COLOR_DODGE, 1f, true))), 20, 20, true).withOpacity(0.4f),
                dev.blendbench.engine.render.Groups.passThrough("masked", new Scene(40, 30, 0, List.of(
                        new Layer("burn", noise(40, 30, 29), 0, 0, BlendMode.COLOR_BURN, 1f, true))), 4, 6, true).withMask(ramp())));
        Path p = dir.resolve("pass.psd");
        assertEquals(List.of(), PsdExport.write(scene, p));
        LoadedScene back = PsdImport.read(p);
        assertEquals(List.of(), back.warnings());
        List<Layer> ls = back.scene().layers();
        assertEquals(List.of("base", "folder", "hidden", "faded", "masked"), names(ls));
        assertEquals(List.of(false, true, true, true, true), ls.stream().map(Layer::isPassThrough).toList());
        assertEquals(List.of(true, true, false, true, true), ls.stream().map(Layer::visible).toList());
        assertTrue(ls.get(4).isMasked(), "a pass-through group's pixel mask is written as its folder's layer mask, and read back live");
        assertEquals(Math.round(0.4f * 255) / 255f, ls.get(3).opacity(), 1e-6f, "the opacity byte Photoshop stores");
        assertEquals(List.of("multiply", "nested"), names(ls.get(1).group().layers()));
        assertTrue(ls.get(1).group().layers().get(1).isPassThrough());
        org.junit.jupiter.api.Assertions.assertArrayEquals(render(scene).toArray(), render(back.scene()).toArray(), "the same picture after the round trip");
    }

    @Test
    void aMaskedClippingGroup_isSavedAsItsPixels_withANote_forPhotoshopsClippingGroupsHaveNoMaskOfTheirOwn() throws IOException {
        Scene inside = new Scene(40, 30, 0, List.of(Layer.of("base", noise(40, 30, 30)),
                new Layer("top", noise(40, 30, 31), 0, 0, BlendMode.MULTIPLY, 1f, true)), BlendSpace.SRGB, true);
        Scene s = new Scene(64, 48, 0, List.of(Layer.of("bg", noise(64, 48, 32)),
                dev.blendbench.engine.render.Groups.of("clip", inside, 4, 6, BlendMode.SOURCE_OVER, 1f, true).withMask(ramp())));
        Path p = dir.resolve("masked-clip.psd");
        List<String> notes = PsdExport.write(s, p);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.getFirst().contains("it has a mask of its own"), notes.toString());
        org.junit.jupiter.api.Assertions.assertArrayEquals(render(s).toArray(), render(PsdImport.read(p).scene()).toArray());
    }

    /** A 30 × 20 ramp, dark to light, at (5, 3) from its layer; hidden outside. */
    private static dev.blendbench.engine.scene.LayerMask ramp() {
        byte[] v = new byte[30 * 20];
        for (int i = 0; i < v.length; i++) v[i] = (byte) ((i % 30) * 255 / 29);
        return new dev.blendbench.engine.scene.LayerMask(v, 5, 3, 30, 20, 0, true);
    }

    @Test
    void aPorterDuffOperatorInAPassThroughGroup_isRefusedAsAtTheTop_andInAnIsolatedGroupMakesItPixels() throws IOException {
        Scene pd = new Scene(20, 20, 0, List.of(new Layer("xor", noise(20, 20, 25), 0, 0, BlendMode.XOR, 1f, true)));
        Scene top = new Scene(20, 20, 0, List.of(Layer.of("base", noise(20, 20, 26)),
                dev.blendbench.engine.render.Groups.passThrough("folder", pd, 0, 0, true)));
        DocumentException e = assertThrows(DocumentException.class, () -> PsdExport.write(top, dir.resolve("pd.psd")));
        assertTrue(e.getMessage().contains("'xor' uses xor"), e.getMessage());
        Scene faded = top.withLayer(1, top.layers().get(1).withOpacity(0.5f));
        e = assertThrows(DocumentException.class, () -> PsdExport.write(faded, dir.resolve("pd.psd")));
        assertTrue(e.getMessage().contains("'xor' uses xor"), "in a faded pass-through group too: " + e.getMessage());
        Scene inIsolated = new Scene(20, 20, 0, List.of(Layer.of("base", noise(20, 20, 26)),
                dev.blendbench.engine.render.Groups.of("group", new Scene(20, 20, 0, List.of(Layer.of("a", noise(20, 20, 27)),
                        dev.blendbench.engine.render.Groups.passThrough("folder", pd, 0, 0, true))), 0, 0, BlendMode.SOURCE_OVER, 1f, true)));
        Path p = dir.resolve("pd-in-group.psd");
        List<String> notes = PsdExport.write(inIsolated, p);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.getFirst().startsWith("group 'group' is saved as its composited pixels"), notes.toString());
        org.junit.jupiter.api.Assertions.assertArrayEquals(render(inIsolated).toArray(), render(PsdImport.read(p).scene()).toArray());
    }

    @Test
    void pixelMasks_areSavedAsLayerMasks_disabledOnesToo_andReadBackLive() throws IOException {
        byte[] ramp = new byte[20 * 12];
        for (int i = 0; i < ramp.length; i++) ramp[i] = (byte) (i * 7);
        Layer shown = new Layer("shown", noise(30, 20, 31), 5, 4, BlendMode.MULTIPLY, 1f, true)
                .withMask(new dev.blendbench.engine.scene.LayerMask(ramp, 3, 2, 20, 12, 255, true));
        Layer off = new Layer("off", noise(16, 16, 32), 30, 20, BlendMode.SOURCE_OVER, 0.8f, true)
                .withMask(new dev.blendbench.engine.scene.LayerMask(ramp, -2, -1, 20, 12, 0, false));
        Layer empty = new Layer("empty", noise(10, 10, 33), 40, 5, BlendMode.SCREEN, 1f, true)
                .withMask(new dev.blendbench.engine.scene.LayerMask(new byte[0], 0, 0, 0, 0, 77, true));
        Scene scene = new Scene(64, 48, 0, List.of(Layer.of("base", noise(64, 48, 34)), shown, off, empty));
        Path p = dir.resolve("masks.psd");
        assertEquals(List.of(), PsdExport.write(scene, p));
        LoadedScene back = PsdImport.read(p);
        assertEquals(List.of(), back.warnings());
        List<Layer> ls = back.scene().layers();
        assertEquals(List.of(true, false, true), ls.subList(1, 4).stream().map(l -> l.mask().enabled()).toList());
        var m = ls.get(1).mask();
        assertEquals(List.of(3, 2, 20, 12, 255), List.of(m.x(), m.y(), m.width(), m.height(), m.outside()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(ramp, m.values());
        assertEquals(77, ls.get(3).mask().value(5, 5), "an empty mask: its outside value everywhere");
        org.junit.jupiter.api.Assertions.assertArrayEquals(render(scene).toArray(), render(back.scene()).toArray());
        // turning the disabled one on there draws it as here
        Scene on = scene.withLayer(2, off.withMask(off.mask().withEnabled(true)));
        Scene onBack = back.scene().withLayer(2, ls.get(2).withMask(ls.get(2).mask().withEnabled(true)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(render(on).toArray(), render(onBack).toArray());
    }

    @Test
    void nestedAndHiddenGroups_keepTheirPlaceModeOpacityAndVisibility() throws IOException {
        Surface a = noise(30, 20, 4), b = noise(12, 10, 5);
        Scene inner = new Scene(20, 15, 0, List.of(new Layer("b", b, 4, 3, BlendMode.SCREEN, 1f, true)));
        Scene outer = new Scene(30, 20, 0, List.of(Layer.of("a", a),
                dev.blendbench.engine.render.Groups.of("inner", inner, 6, 2, BlendMode.DIFFERENCE, 0.5f, false)));
        Scene scene = new Scene(48, 36, 0, List.of(Layer.of("base", noise(48, 36, 6)),
                dev.blendbench.engine.render.Groups.of("outer", outer, 9, 7, BlendMode.OVERLAY, 1f, true)));
        Path p = dir.resolve("nested.psd");
        assertEquals(List.of(), PsdExport.write(scene, p));
        List<Layer> ls = PsdImport.read(p).scene().layers();
        assertEquals(List.of("base", "outer"), names(ls));
        Layer o = ls.get(1);
        assertEquals(List.of(BlendMode.OVERLAY, 9, 7, true), List.of(o.mode(), o.x(), o.y(), o.visible()));
        Layer i = o.group().layers().get(1);
        assertTrue(i.isGroup(), "the inner group, hidden, is a group");
        assertEquals(List.of("inner", BlendMode.DIFFERENCE, 128, false), List.of(i.name(), i.mode(), Math.round(i.opacity() * 255), i.visible()));
        Layer bb = i.group().layers().getFirst();
        assertEquals(List.of(9 + 6 + 4, 7 + 2 + 3), List.of(o.x() + i.x() + bb.x(), o.y() + i.y() + bb.y()), "b where it was on the canvas");
    }

    @Test
    void aGroupPhotoshopCannotHold_isSavedAsItsPixels_andSaysSo() throws IOException {
        Scene inside = new Scene(20, 20, 0, List.of(Layer.of("a", noise(20, 20, 7)),
                new Layer("cut", noise(10, 10, 8), 5, 5, BlendMode.XOR, 1f, true)));
        Scene scene = new Scene(30, 30, 0, List.of(Layer.of("base", noise(30, 30, 9)),
                dev.blendbench.engine.render.Groups.of("xor inside", inside, 3, 4, BlendMode.MULTIPLY, 1f, true)));
        Path p = dir.resolve("xor.psd");
        List<String> notes = PsdExport.write(scene, p);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.getFirst().contains("'xor inside'") && notes.getFirst().contains("xor"), notes.getFirst());
        Layer back = PsdImport.read(p).scene().layers().get(1);
        assertFalse(back.isGroup());
        assertEquals(List.of("xor inside", BlendMode.MULTIPLY, 3, 4), List.of(back.name(), back.mode(), back.x(), back.y()));
    }

    @Test
    void aClippingGroup_isSavedAsItsBaseAndLayersClippedToIt_andReadsBackAsTheSameClippingGroup() throws IOException {
        Scene inside = new Scene(20, 16, 0, List.of(Layer.of("base", noise(20, 16, 10)),
                new Layer("tint", noise(30, 30, 11), -5, -4, BlendMode.MULTIPLY, 0.6f, true),
                new Layer("shine", noise(8, 8, 12), 3, 3, BlendMode.SCREEN, 1f, true)), BlendSpace.SRGB, true);
        Scene scene = new Scene(40, 30, 0, List.of(Layer.of("back", noise(40, 30, 13)),
                dev.blendbench.engine.render.Groups.of("base", inside, 6, 5, BlendMode.OVERLAY, 0.8f, true)));
        Path p = dir.resolve("clip.psd");
        assertEquals(List.of(), PsdExport.write(scene, p));
        LoadedScene back = PsdImport.read(p);
        assertEquals(List.of(), back.warnings());
        Layer g = back.scene().layers().get(1);
        assertTrue(g.isGroup() && g.group().clipping(), "a clipping group again");
        assertEquals(List.of("base", "tint", "shine"), names(g.group().layers()));
        assertEquals(List.of(BlendMode.OVERLAY, 204, 6, 5), List.of(g.mode(), Math.round(g.opacity() * 255), g.x(), g.y()));
        int diff = Tolerance.maxDifference(render(scene), render(back.scene()));
        assertTrue(diff <= 1, "max channel difference after the round trip: " + diff);

        Scene odd = scene.withLayer(1, dev.blendbench.engine.render.Groups.of("base", inside.withLayer(0,
                inside.layers().getFirst().withOpacity(0.5f)), 6, 5, BlendMode.OVERLAY, 0.8f, true));
        List<String> notes = PsdExport.write(odd, dir.resolve("odd.psd"));
        assertEquals(List.of("clipping group 'base' is saved as its composited pixels, one layer: its base 'base' is not a visible layer"
                + " in normal at 100 % (the group's mode and opacity are the base's in Photoshop)"), notes);
    }
}

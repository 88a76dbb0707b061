package dev.blendbench.engine.document;

import static dev.blendbench.engine.SceneAssertions.assertSameScene;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.io.ImageLimits;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenRasterTest {
    @TempDir
    Path dir;

    static Scene scene() {
        return new Scene(200, 120, 0x40102030, List.of(
                new Layer("base", TestImages.random(200, 120, 1), 0, 0, BlendMode.NORMAL, 1f, true),
                new Layer("over <&\"'>", TestImages.blocky(90, 70, 2), -10, 30, BlendMode.SOURCE_OVER, 0.3f, true),
                new Layer("burn", TestImages.random(50, 40, 3), 120, -5, BlendMode.LINEAR_BURN, 0.75f, true),
                new Layer("mix", TestImages.random(60, 60, 4), 70, 50, BlendMode.HARD_MIX, 1f, false),
                new Layer("lum", TestImages.random(30, 30, 5), 5, 5, BlendMode.LUMINOSITY, 0.123456f, true),
                new Layer("in", TestImages.random(100, 100, 6), 50, 10, BlendMode.DESTINATION_IN, 1f, true)));
    }

    static Surface render(Scene s) {
        Surface out = Surface.allocate(s.width(), s.height());
        TileRenderer.singleThreaded().render(s, out);
        return out;
    }

    @Test
    void saveThenLoad_givesEqualSceneAndBitIdenticalRender() throws IOException {
        Scene s = scene();
        Path f = dir.resolve("scene.ora");
        OpenRaster.write(s, f);
        LoadedScene back = OpenRaster.read(f);
        assertEquals(List.of(), back.warnings());
        assertSameScene(s, back.scene());
        assertArrayEquals(render(s).toArray(), render(back.scene()).toArray());
    }

    @Test
    void archive_hasMimetypeFirstAndStored_mergedImageAndThumbnail() throws IOException {
        Scene s = scene();
        Path f = dir.resolve("scene.ora");
        OpenRaster.write(s, f);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(f))) {
            ZipEntry first = zip.getNextEntry();
            assertEquals("mimetype", first.getName());
            assertEquals(ZipEntry.STORED, first.getMethod());
            assertEquals(OpenRaster.MIMETYPE, new String(zip.readAllBytes(), StandardCharsets.US_ASCII));
        }
        Map<String, byte[]> entries = OpenRaster.readEntries(Files.newInputStream(f), "x", DocumentLimits.DEFAULT);
        Surface merged = ImageFiles.decode(entries.get("mergedimage.png"), "merged", ImageLimits.DEFAULT);
        assertArrayEquals(render(s).toArray(), merged.toArray());
        Surface thumb = ImageFiles.decode(entries.get("Thumbnails/thumbnail.png"), "thumb", ImageLimits.DEFAULT);
        assertTrue(thumb.width() <= 256 && thumb.height() <= 256);
        assertEquals(200, thumb.width());
        String xml = new String(entries.get("stack.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("composite-op=\"krita:linear_burn\""), xml);
        assertTrue(xml.contains("composite-op=\"svg:dst-in\""), xml);
    }

    @Test
    void layersSharingOneSurface_areSavedAsOneFile_andReadBackSharingOneSurface() throws IOException {
        Surface overlay = TestImages.blocky(90, 70, 2);
        Surface twin = overlay.copy(); // the same pixels in another surface: a layer of its own
        Scene s = new Scene(200, 120, 0, List.of(
                new Layer("base", TestImages.random(200, 120, 1), 0, 0, BlendMode.NORMAL, 1f, true),
                new Layer("overlay", overlay, 10, 10, BlendMode.SOURCE_OVER, 1f, true),
                new Layer("shadow", overlay, 50, 40, BlendMode.MULTIPLY, 0.6f, true),
                new Layer("twin", twin, 0, 60, BlendMode.SCREEN, 0.5f, true)));
        Path f = dir.resolve("shared.ora");
        OpenRaster.write(s, f);
        Map<String, byte[]> entries = OpenRaster.readEntries(Files.newInputStream(f), "x", DocumentLimits.DEFAULT);
        assertEquals(List.of("data/layer0.png", "data/layer1.png", "data/layer3.png"),
                entries.keySet().stream().filter(n -> n.startsWith("data/")).sorted().toList(), "the shared pixels once");
        String xml = new String(entries.get("stack.xml"), StandardCharsets.UTF_8);
        assertEquals(2, xml.split("src=\"data/layer1.png\"", -1).length - 1, xml);
        Scene back = OpenRaster.read(f).scene();
        assertSameScene(s, back);
        assertArrayEquals(render(s).toArray(), render(back).toArray());
        assertSame(back.layers().get(1).source(), back.layers().get(2).source(), "one surface, as before the save");
        assertNotSame(back.layers().get(1).source(), back.layers().get(3).source(), "equal pixels are not the same surface");
    }

    @Test
    void aFileNamedByTwoLayers_isDecodedOnce_forBoth() throws IOException {
        String xml = "<image w='4' h='4'><stack><layer name='top' src='data/a.png' x='1'/><layer name='bottom' src='data/a.png'/>"
                + "</stack></image>";
        Path f = dir.resolve("twice.ora");
        Files.write(f, ora(xml, Map.of("data/a.png", solid(4, 4, 0xFF336699))));
        Scene back = OpenRaster.read(f).scene();
        assertEquals(List.of("bottom", "top"), back.layers().stream().map(Layer::name).toList());
        assertSame(back.layers().get(0).source(), back.layers().get(1).source());
        assertEquals(1, back.layers().get(1).x());
    }

    /** Builds an .ora from a stack.xml and named PNG layers. */
    static byte[] ora(String stackXml, Map<String, Surface> layers) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            putStored(zip, "mimetype", OpenRaster.MIMETYPE.getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("stack.xml"));
            zip.write(stackXml.getBytes(StandardCharsets.UTF_8));
            for (var e : layers.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(ImageFiles.encodePng(e.getValue()));
            }
        }
        return bytes.toByteArray();
    }

    static void putStored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry m = new ZipEntry(name);
        m.setMethod(ZipEntry.STORED);
        m.setSize(data.length);
        m.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        m.setCrc(crc.getValue());
        zip.putNextEntry(m);
        zip.write(data);
    }

    static Surface solid(int w, int h, int argb) {
        Surface s = Surface.allocate(w, h);
        s.fill(argb);
        return s;
    }

    @Test
    void nestedStacks_isolatedGroupRenderedAlone_passThroughGroupRendersItsLayersInItsPlace() throws IOException {
        Surface a = solid(40, 40, 0xFF204080), b = solid(20, 20, 0xFFFF0000), c = solid(20, 20, 0x80008000);
        String xml = """
                <image w="40" h="40" version="0.0.6"><stack>
                  <stack name="iso" opacity="0.5" x="10" y="5">
                    <layer name="c" src="data/c.png" x="2" y="3" composite-op="svg:multiply"/>
                  </stack>
                  <stack name="pass" x="1" y="1">
                    <layer name="b" src="data/b.png" x="4" y="4"/>
                  </stack>
                  <layer name="a" src="data/a.png"/>
                </stack></image>""";
        LoadedScene s = OpenRaster.read(ora(xml, Map.of("data/a.png", a, "data/b.png", b, "data/c.png", c)), "n.ora", DocumentLimits.DEFAULT);
        List<Layer> ls = s.scene().layers();
        assertEquals(3, ls.size());
        assertEquals("a", ls.get(0).name());
        assertEquals("pass", ls.get(1).name());
        assertTrue(ls.get(1).isPassThrough(), "a stack that is not isolated: a pass-through group");
        Layer b1 = Scene.inlinedLayers(ls.get(1)).getFirst();
        assertEquals(List.of("b", 5, 5), List.of(b1.name(), b1.x(), b1.y()), "pass-through child offset by its stack");
        assertEquals("iso", ls.get(2).name());
        assertEquals(0.5f, ls.get(2).opacity());
        // expected: a, then b at (5,5), then the group (c multiplied onto transparent, at (12,8)) at 50 %
        Surface group = Surface.allocate(40, 40);
        TileRenderer.singleThreaded().render(new Scene(40, 40, 0,
                List.of(new Layer("c", c, 12, 8, BlendMode.MULTIPLY, 1f, true))), group);
        Scene expected = new Scene(40, 40, 0, List.of(Layer.of("a", a), new Layer("b", b, 5, 5, BlendMode.SOURCE_OVER, 1f, true),
                new Layer("iso", group, 0, 0, BlendMode.SOURCE_OVER, 0.5f, true)));
        assertArrayEquals(render(expected).toArray(), render(s.scene()).toArray());
        // the group's pixels cover what its layer colours, not the canvas
        assertEquals(List.of(12, 8, 20, 20), List.of(ls.get(2).x(), ls.get(2).y(), ls.get(2).source().width(), ls.get(2).source().height()));
        // a group layer: its layer is composited on each render, placed on the group's own canvas
        assertTrue(ls.get(2).isGroup());
        Layer inside = ls.get(2).group().layers().getFirst();
        assertEquals(List.of("c", 0, 0), List.of(inside.name(), inside.x(), inside.y()));
        assertEquals(BlendMode.MULTIPLY, inside.mode());
    }

    @Test
    void groups_areSavedAsIsolatedStacks_andReadBackAsTheSameGroups_clippingOnesToo() throws IOException {
        Surface shared = TestImages.blocky(60, 50, 3);
        Scene inner = new Scene(70, 60, 0, List.of(
                new Layer("shared inside", shared, 5, 5, BlendMode.SCREEN, 1f, true),
                new Layer("mask", TestImages.discs(70, 60, 2, 4), 0, 0, BlendMode.DESTINATION_IN, 1f, true)));
        Scene outer = new Scene(100, 80, 0, List.of(
                new Layer("bottom", TestImages.discs(100, 80, 3, 5), 0, 0, BlendMode.SOURCE_OVER, 1f, true),
                Groups.of("inner", inner, 20, 10, BlendMode.MULTIPLY, 0.75f, true)), BlendSpace.SRGB, true); // inner clipped to bottom
        Scene s = new Scene(160, 120, 0, List.of(
                new Layer("base", TestImages.random(160, 120, 6), 0, 0, BlendMode.NORMAL, 1f, true),
                new Layer("shared outside", shared, 90, 60, BlendMode.SOURCE_OVER, 1f, true),
                Groups.of("outer", outer, 30, 20, BlendMode.OVERLAY, 0.9f, true),
                Groups.of("hidden", new Scene(10, 10, 0, List.of(Layer.of("x", TestImages.random(10, 10, 7)))), 0, 0,
                        BlendMode.SOURCE_OVER, 1f, false)));
        Path f = dir.resolve("groups.ora");
        OpenRaster.write(s, f);
        LoadedScene back = OpenRaster.read(f);
        assertEquals(List.of(), back.warnings());
        assertSameScene(s, back.scene());
        assertArrayEquals(render(s).toArray(), render(back.scene()).toArray());
        Layer sharedIn = back.scene().layers().get(2).group().layers().get(1).group().layers().getFirst();
        assertSame(back.scene().layers().get(1).source(), sharedIn.source(), "one file, one surface, inside the group too");
    }

    @Test
    void passThroughGroups_areSavedAsStacksThatAreNotIsolated_andReadBackAsTheSameGroups() throws IOException {
        Scene deep = new Scene(40, 30, 0, List.of(new Layer("deep", TestImages.discs(40, 30, 2, 8), 0, 0, BlendMode.SCREEN, 1f, true)));
        Scene pass = new Scene(90, 70, 0, List.of(
                new Layer("multiply", TestImages.blocky(60, 50, 9), 10, 5, BlendMode.MULTIPLY, 0.8f, true),
                Groups.passThrough("nested", deep, 30, 20, true),
                new Layer("hidden one", TestImages.random(20, 20, 10), 0, 0, BlendMode.SOURCE_OVER, 1f, false)));
        Scene s = new Scene(160, 120, 0, List.of(
                new Layer("base", TestImages.random(160, 120, 11), 0, 0, BlendMode.NORMAL, 1f, true),
                Groups.passThrough("folder", pass, 25, 15, true),
                Groups.passThrough("hidden folder", new Scene(10, 10, 0, List.of(Layer.of("x", TestImages.random(10, 10, 12)))), 3, 4, false)));
        Path f = dir.resolve("pass.ora");
        OpenRaster.write(s, f);
        String xml = new String(OpenRaster.readEntries(Files.newInputStream(f), "x", DocumentLimits.DEFAULT).get("stack.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("isolation=\"auto\""), xml);
        LoadedScene back = OpenRaster.read(f);
        assertEquals(List.of(), back.warnings());
        List<Layer> ls = back.scene().layers();
        assertEquals(List.of("base", "folder", "hidden folder"), ls.stream().map(Layer::name).toList());
        assertEquals(List.of(false, true, true), ls.stream().map(Layer::isPassThrough).toList());
        assertEquals(List.of(true, true, false), ls.stream().map(Layer::visible).toList());
        assertEquals(List.of("multiply", "nested", "hidden one"), ls.get(1).group().layers().stream().map(Layer::name).toList());
        assertTrue(ls.get(1).group().layers().get(1).isPassThrough());
        // a group's canvas is read as its visible layers' extent; what renders is the same layers in the same places
        assertSameScene(s.inlined(), back.scene().inlined());
        assertArrayEquals(render(s).toArray(), render(back.scene()).toArray());
    }

    @Test
    void aFadedPassThroughGroup_isSavedMarked_andReadBackFaded_whileAnUnmarkedStackBelowFullOpacityIsIsolated() throws IOException {
        Scene inside = new Scene(60, 40, 0, List.of(new Layer("screen", TestImages.discs(60, 40, 3, 13), 0, 0, BlendMode.SCREEN, 1f, true)));
        Scene s = new Scene(100, 80, 0, List.of(
                new Layer("base", TestImages.random(100, 80, 14), 0, 0, BlendMode.NORMAL, 1f, true),
                Groups.passThrough("faded", inside, 12, 9, true).withOpacity(0.35f)));
        Path f = dir.resolve("faded.ora");
        OpenRaster.write(s, f);
        String xml = new String(OpenRaster.readEntries(Files.newInputStream(f), "x", DocumentLimits.DEFAULT).get("stack.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("blendbench:pass-through=\"true\""), xml);
        LoadedScene back = OpenRaster.read(f);
        assertEquals(List.of(), back.warnings());
        Layer g = back.scene().layers().get(1);
        assertTrue(g.isPassThrough());
        assertEquals(0.35f, g.opacity(), 1e-6f);
        assertArrayEquals(render(s).toArray(), render(back.scene()).toArray());
        // the same file without our mark, as another program may write it: the spec isolates the stack
        Path plain = dir.resolve("plain.ora");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>(OpenRaster.readEntries(Files.newInputStream(f), "x", DocumentLimits.DEFAULT));
        entries.put("stack.xml", xml.replace("blendbench:pass-through=\"true\"", "").getBytes(StandardCharsets.UTF_8));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(plain))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Layer iso = OpenRaster.read(plain).scene().layers().get(1);
        assertTrue(iso.isGroup() && !iso.isPassThrough());
        assertEquals(0.35f, iso.opacity(), 1e-6f);
    }

    @Test
    void aMaskedPassThroughGroup_isSavedForOtherReadersAsAnIsolatedStackCutByItsMask_andReadBackLive() throws Exception {
        // a transformed layer in it: kept transformed on saving, the group (and its mask) kept
        Scene inside = new Scene(60, 40, 0, List.of(new Layer("multiply", TestImages.discs(60, 40, 3, 15), 0, 0, BlendMode.MULTIPLY, 1f, true),
                new Layer("plain", TestImages.discs(30, 20, 2, 16), 20, 10, BlendMode.NORMAL, 1f, true)
                        .withTransform(dev.blendbench.engine.resample.Transform.place(30, 20, 0.5, 0.25, 1.2, 10), dev.blendbench.engine.resample.Filter.BILINEAR)));
        byte[] v = new byte[40 * 30];
        for (int i = 0; i < v.length; i++) v[i] = (byte) ((i % 40) * 255 / 39);
        dev.blendbench.engine.scene.LayerMask mask = new dev.blendbench.engine.scene.LayerMask(v, 8, 4, 40, 30, 0, true);
        Scene s = new Scene(100, 80, 0, List.of(
                new Layer("base", TestImages.random(100, 80, 17), 0, 0, BlendMode.NORMAL, 1f, true),
                Groups.passThrough("masked", inside, 12, 9, true).withOpacity(0.7f).withMask(mask),
                Groups.passThrough("off", inside, 30, 30, true).withMask(mask.withEnabled(false))));
        Path f = dir.resolve("masked-group.ora");
        OpenRaster.write(s, f);
        String xml = new String(OpenRaster.readEntries(Files.newInputStream(f), "x", DocumentLimits.DEFAULT).get("stack.xml"), StandardCharsets.UTF_8);
        LoadedScene back = OpenRaster.read(f);
        assertEquals(List.of(), back.warnings());
        List<Layer> ls = back.scene().layers();
        assertEquals(List.of("base", "masked", "off"), ls.stream().map(Layer::name).toList());
        assertTrue(ls.get(1).isPassThrough() && ls.get(1).isMasked());
        assertEquals(List.of("multiply", "plain"), ls.get(1).group().layers().stream().map(Layer::name).toList(), "the mask's cut left out");
        assertTrue(ls.get(2).isPassThrough() && ls.get(2).mask() != null && !ls.get(2).mask().enabled(), "a mask that is off, kept off");
        assertArrayEquals(render(s).toArray(), render(back.scene()).toArray());
        // for other readers: the masked stack isolated, its top layer the mask in dst-in; the one whose mask is off not cut
        org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.NodeList stacks = d.getElementsByTagName("stack");
        org.w3c.dom.Element masked = null, off = null;
        for (int i = 0; i < stacks.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) stacks.item(i);
            if (e.getAttribute("name").equals("masked")) masked = e;
            if (e.getAttribute("name").equals("off")) off = e;
        }
        assertEquals("isolate", masked.getAttribute("isolation"));
        org.w3c.dom.Element top = (org.w3c.dom.Element) masked.getElementsByTagName("layer").item(0);
        assertEquals("svg:dst-in", top.getAttribute("composite-op"), xml);
        assertEquals("auto", off.getAttribute("isolation"));
        assertEquals(2, off.getElementsByTagName("layer").getLength());
    }

    @Test
    void anIsolatedGroupsMask_andAClippingOnes_areSavedAsTheirStacksLastLayerForOtherReaders_andReadBackLive() throws IOException {
        Scene inside = new Scene(60, 40, 0, List.of(new Layer("base", TestImages.discs(60, 40, 3, 18), 0, 0, BlendMode.NORMAL, 1f, true),
                new Layer("screen", TestImages.discs(50, 30, 2, 19), 5, 5, BlendMode.SCREEN, 1f, true)));
        byte[] v = new byte[40 * 30];
        for (int i = 0; i < v.length; i++) v[i] = (byte) ((i / 40) * 255 / 29);
        dev.blendbench.engine.scene.LayerMask mask = new dev.blendbench.engine.scene.LayerMask(v, 8, 4, 40, 30, 255, true);
        Scene s = new Scene(100, 80, 0, List.of(
                new Layer("bg", TestImages.random(100, 80, 20), 0, 0, BlendMode.NORMAL, 1f, true),
                Groups.of("iso", inside, 12, 9, BlendMode.MULTIPLY, 0.8f, true).withMask(mask),
                Groups.of("clip", inside.withClipping(true), 30, 30, BlendMode.SOURCE_OVER, 1f, true).withMask(mask.withEnabled(false))));
        Path f = dir.resolve("masked-iso.ora");
        OpenRaster.write(s, f);
        LoadedScene back = OpenRaster.read(f);
        assertEquals(List.of(), back.warnings());
        List<Layer> ls = back.scene().layers();
        assertTrue(ls.get(1).isGroup() && !ls.get(1).isPassThrough() && ls.get(1).isMasked());
        assertEquals(List.of("base", "screen"), ls.get(1).group().layers().stream().map(Layer::name).toList(), "the mask's cut left out");
        assertTrue(ls.get(2).group().clipping() && ls.get(2).mask() != null && !ls.get(2).mask().enabled(), "clipping, its mask kept off");
        assertArrayEquals(render(s).toArray(), render(back.scene()).toArray());
    }

    @Test
    void aMaskedLayer_isSavedAsItsPixelsThroughTheMask_forOtherReaders_andReadBackLive() throws IOException {
        byte[] v = new byte[30 * 20];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (i * 13);
        Layer masked = new Layer("masked", TestImages.random(40, 30, 41), 10, 8, BlendMode.SCREEN, 1f, true)
                .withMask(new dev.blendbench.engine.scene.LayerMask(v, 5, 4, 30, 20, 0, true));
        Layer off = new Layer("off", TestImages.random(20, 20, 42), 50, 40, BlendMode.SOURCE_OVER, 1f, true)
                .withMask(new dev.blendbench.engine.scene.LayerMask(v, 0, 0, 30, 20, 0, false));
        Scene s = new Scene(80, 70, 0, List.of(Layer.of("base", TestImages.random(80, 70, 43)), masked, off));
        Path f = dir.resolve("masked.ora");
        OpenRaster.write(s, f);
        LoadedScene back = OpenRaster.read(f);
        assertEquals(List.of(), back.warnings());
        assertSameScene(s, back.scene());
        for (int i = 1; i <= 2; i++) {
            var a = s.layers().get(i).mask();
            var b = back.scene().layers().get(i).mask();
            assertEquals(List.of(a.x(), a.y(), a.width(), a.height(), a.outside(), a.enabled()),
                    List.of(b.x(), b.y(), b.width(), b.height(), b.outside(), b.enabled()));
            assertArrayEquals(a.values(), b.values());
        }
        assertArrayEquals(render(s).toArray(), render(back.scene()).toArray());
        // a reader that knows nothing of our attributes draws src: the masked layer's pixels through its mask
        Map<String, byte[]> entries = OpenRaster.readEntries(Files.newInputStream(f), "x", DocumentLimits.DEFAULT);
        String xml = new String(entries.get("stack.xml"), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"masked\"[^>]*").matcher(xml);
        assertTrue(m.find(), xml);
        java.util.regex.Matcher src = java.util.regex.Pattern.compile(" src=\"([^\"]+)\"").matcher(m.group());
        assertTrue(src.find(), m.group());
        Surface drawn = ImageFiles.decode(entries.get(src.group(1)), "src", ImageLimits.DEFAULT);
        Scene plain = new Scene(80, 70, 0, List.of(s.layers().get(0), new Layer("masked", drawn, 10, 8, BlendMode.SCREEN, 1f, true),
                s.layers().get(2).withMask(null)));
        assertArrayEquals(render(s).toArray(), render(plain).toArray());
    }

    @Test
    void aTransformedMaskedLayer_keepsItsTransformAndMaskLive_andOtherReadersGetItsResampledPixelsThroughTheMask() throws Exception {
        byte[] v = new byte[30 * 20];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (i * 11);
        Surface own = TestImages.random(40, 30, 44);
        Layer t = new Layer("turned", own, 12, 9, BlendMode.MULTIPLY, 1f, true)
                .withTransform(dev.blendbench.engine.resample.Transform.place(40, 30, 0.3, 0.6, 1.2, 14), dev.blendbench.engine.resample.Filter.LANCZOS3)
                .withMask(new dev.blendbench.engine.scene.LayerMask(v, 2, 3, 30, 20, 40, true));
        // a scaled layer in a group, its own pixels shared with the base layer's (one file)
        Scene inside = new Scene(50, 40, 0, List.of(new Layer("small", own, 3, 2, BlendMode.SCREEN, 0.8f, true)
                .withTransform(dev.blendbench.engine.resample.Transform.place(40, 30, 0.5, 0, 0.75, 0), dev.blendbench.engine.resample.Filter.MITCHELL)));
        Scene s = new Scene(80, 70, 0, List.of(Layer.of("base", own), t, Groups.of("g", inside, 20, 25, BlendMode.NORMAL, 1f, true)));
        Path f = dir.resolve("turned.ora");
        OpenRaster.write(s, f);
        LoadedScene back = OpenRaster.read(f);
        assertEquals(List.of(), back.warnings());
        Layer b = back.scene().layers().get(1);
        assertTrue(b.isTransformed() && b.mask() != null, "transform and mask kept live");
        assertEquals(t.placement().transform(), b.placement().transform(), "the same map, to the last bit");
        assertEquals(t.placement().filter(), b.placement().filter());
        assertEquals(List.of(12, 9), List.of(b.x(), b.y()));
        assertArrayEquals(own.toArray(), b.source().toArray(), "its own pixels, not resampled ones");
        assertSame(back.scene().layers().get(0).source(), b.source(), "pixels shared in memory are saved once and shared again");
        assertArrayEquals(t.mask().values(), b.mask().values());
        Layer small = back.scene().layers().get(2).group().layers().getFirst();
        assertEquals(inside.layers().getFirst().placement().transform(), small.placement().transform());
        Layer g = back.scene().layers().get(2); // the group's canvas follows its layers: where it lies on the document's is kept
        assertEquals(List.of(20 + 3, 25 + 2), List.of(g.x() + small.x(), g.y() + small.y()));
        assertArrayEquals(render(s).toArray(), render(back.scene()).toArray());
        // other readers draw src: the pixels each puts on its canvas, through the mask; the same picture
        Path foreign = dir.resolve("foreign.ora");
        withoutOurAttributes(f, foreign);
        Scene theirs = OpenRaster.read(foreign).scene();
        assertTrue(!theirs.layers().get(1).isTransformed() && theirs.layers().get(1).mask() == null);
        assertArrayEquals(render(s).toArray(), render(theirs).toArray());
    }

    /** The archive {@code in} as a reader that knows nothing of our namespace sees it: stack.xml without blendbench: attributes. */
    static void withoutOurAttributes(Path in, Path out) throws Exception {
        Map<String, byte[]> entries = OpenRaster.readEntries(Files.newInputStream(in), "x", DocumentLimits.DEFAULT);
        javax.xml.parsers.DocumentBuilderFactory dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        org.w3c.dom.Document d = dbf.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(entries.get("stack.xml")));
        org.w3c.dom.NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
            for (int k = e.getAttributes().getLength() - 1; k >= 0; k--) {
                org.w3c.dom.Node a = e.getAttributes().item(k);
                if (OpenRaster.NS.equals(a.getNamespaceURI())) e.removeAttributeNode((org.w3c.dom.Attr) a);
            }
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer()
                .transform(new javax.xml.transform.dom.DOMSource(d), new javax.xml.transform.stream.StreamResult(xml));
        entries.put("stack.xml", xml.toByteArray());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
            }
        }
    }

    @Test
    void badTransformAttributes_areRefusedWithOneLine() throws IOException {
        Surface a = solid(4, 4, 0xFF204080);
        String[][] cases = {
                {"blendbench:transform=\"1 0 0.5 0 1 0\"", "has a transform but no blendbench:pixels"},
                {"blendbench:pixels=\"data/a.png\" blendbench:transform=\"1 0 0.5 0 1\" blendbench:filter=\"bilinear\"", "six numbers expected"},
                {"blendbench:pixels=\"data/a.png\" blendbench:transform=\"1 0 NaN 0 1 0\" blendbench:filter=\"bilinear\"", "bad transform"},
                {"blendbench:pixels=\"data/a.png\" blendbench:transform=\"1 0 x 0 1 0\" blendbench:filter=\"bilinear\"", "bad transform"},
                {"blendbench:pixels=\"data/a.png\" blendbench:transform=\"0 0 0.5 0 0 0\" blendbench:filter=\"bilinear\"", "singular"},
                {"blendbench:pixels=\"data/a.png\" blendbench:transform=\"1e9 0 0.5 0 1e9 0\" blendbench:filter=\"bilinear\"", "bad transform"},
                {"blendbench:pixels=\"data/a.png\" blendbench:transform=\"1 0 0.5 0 1 0\" blendbench:filter=\"sinc\"", "unknown filter"},
                {"blendbench:pixels=\"data/none.png\" blendbench:transform=\"1 0 0.5 0 1 0\" blendbench:filter=\"bilinear\"", "missing from the archive"},
                {"blendbench:pixels=\"data/a.png\" blendbench:transform=\"1 0 0.5 0 1 0\" blendbench:filter=\"bilinear\" blendbench:layer-x=\"1e99\"", "bad blendbench:layer-x"}};
        for (String[] c : cases) {
            String xml = ("<image w=\"4\" h=\"4\" version=\"0.0.6\" xmlns:blendbench=\"%s\"><stack>"
                    + "<layer name=\"a\" src=\"data/a.png\" " + c[0] + "/></stack></image>").formatted(OpenRaster.NS);
            DocumentException e = assertThrows(DocumentException.class,
                    () -> OpenRaster.read(ora(xml, Map.of("data/a.png", a)), "t.ora", DocumentLimits.DEFAULT), c[0]);
            assertTrue(e.getMessage().startsWith("t.ora: ") && e.getMessage().contains(c[1]) && !e.getMessage().contains("\n"),
                    c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void badMaskAttributes_areRefusedWithOneLine() throws IOException {
        Surface a = solid(4, 4, 0xFF204080);
        String[][] cases = {
                {"blendbench:mask-outside=\"300\"", "bad mask-outside"},
                {"blendbench:mask-outside=\"x\"", "bad blendbench:mask-outside"},
                {"blendbench:mask-outside=\"0\" blendbench:mask=\"data/none.png\"", "missing from the archive"},
                {"blendbench:mask-outside=\"0\" blendbench:mask=\"../evil.png\"", "evil"},
                {"blendbench:mask-outside=\"0\" blendbench:mask-x=\"1e99\"", "bad blendbench:mask-x"}};
        for (String[] c : cases) {
            String xml = ("<image w=\"4\" h=\"4\" version=\"0.0.6\" xmlns:blendbench=\"%s\"><stack>"
                    + "<layer name=\"a\" src=\"data/a.png\" " + c[0] + "/></stack></image>").formatted(OpenRaster.NS);
            DocumentException e = org.junit.jupiter.api.Assertions.assertThrows(DocumentException.class,
                    () -> OpenRaster.read(ora(xml, Map.of("data/a.png", a)), "m.ora", DocumentLimits.DEFAULT), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && !e.getMessage().contains("\n"), c[0] + ": " + e.getMessage());
        }
    }

    @Test
    void anIsolatedStackOfALinearLightDocument_isCompositedInLinearLight() throws IOException {
        // half-covering green over red: 50 % of each in linear light, 188 encoded (128 were it blended in sRGB)
        Surface red = solid(4, 4, 0xFFFF0000), green = solid(4, 4, 0x80008000);
        String xml = """
                <image w="4" h="4" version="0.0.6" xmlns:blendbench="%s" blendbench:blend-space="linear"><stack>
                  <stack name="iso" isolation="isolate">
                    <layer name="green" src="data/g.png"/>
                    <layer name="red" src="data/r.png"/>
                  </stack>
                </stack></image>""".formatted(OpenRaster.NS);
        LoadedScene s = OpenRaster.read(ora(xml, Map.of("data/r.png", red, "data/g.png", green)), "lin.ora", DocumentLimits.DEFAULT);
        assertEquals(List.of("iso"), s.scene().layers().stream().map(Layer::name).toList());
        int px = render(s.scene()).getPixel(1, 1);
        assertEquals(0xFF, px >>> 24);
        assertEquals(188, px >>> 16 & 0xFF, 1, Integer.toHexString(px));
        assertEquals(188, px >>> 8 & 0xFF, 1, Integer.toHexString(px));
    }

    @Test
    void unsupportedCompositeOp_fallsBackToNormalWithWarning() throws IOException {
        String xml = "<image w='4' h='4'><stack><layer name='d' src='data/d.png' composite-op='krita:dissolve'/></stack></image>";
        LoadedScene s = OpenRaster.read(ora(xml, Map.of("data/d.png", solid(4, 4, 0xFF000000))), "d.ora", DocumentLimits.DEFAULT);
        assertEquals(BlendMode.SOURCE_OVER, s.scene().layers().get(0).mode());
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0).contains("krita:dissolve"), s.warnings().get(0));
    }

    @Test
    void textAndFilterElements_areNamedInAWarning() throws IOException {
        String xml = "<image w='4' h='4'><stack><text name='caption'/><layer name='d' src='data/d.png'/></stack></image>";
        LoadedScene s = OpenRaster.read(ora(xml, Map.of("data/d.png", solid(4, 4, 0xFF000000))), "t.ora", DocumentLimits.DEFAULT);
        assertEquals(1, s.scene().layers().size());
        assertTrue(s.warnings().get(0).contains("caption"));
    }

    private static String messageOf(byte[] data, DocumentLimits limits) {
        DocumentException e = assertThrows(DocumentException.class, () -> OpenRaster.read(data, "evil.ora", limits));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("evil.ora: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void entryEscapingTheArchive_isRefused() throws IOException {
        String xml = "<image w='4' h='4'><stack><layer name='d' src='data/d.png'/></stack></image>";
        assertTrue(messageOf(ora(xml, Map.of("data/d.png", solid(4, 4, 0), "../../evil.png", solid(1, 1, 0))),
                DocumentLimits.DEFAULT).contains("unsafe entry name"));
        String xml2 = "<image w='4' h='4'><stack><layer name='d' src='../d.png'/></stack></image>";
        assertTrue(messageOf(ora(xml2, Map.of("data/d.png", solid(4, 4, 0))), DocumentLimits.DEFAULT).contains("unsafe"));
        String xml3 = "<image w='4' h='4'><stack><layer name='d' src='/etc/passwd'/></stack></image>";
        assertTrue(messageOf(ora(xml3, Map.of("data/d.png", solid(4, 4, 0))), DocumentLimits.DEFAULT).contains("unsafe"));
    }

    @Test
    void zipBomb_actualInflatedSizeOverCap_isRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            putStored(zip, "mimetype", OpenRaster.MIMETYPE.getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("data/bomb.png"));
            zip.write(new byte[10 << 20]); // 10 MiB of zeros compress to ~10 KiB
        }
        assertTrue(bytes.size() < 100_000);
        DocumentLimits small = new DocumentLimits(100_000_000L, 1 << 20, 4 << 20, 100, 100, 8, 1_000_000_000L);
        assertTrue(messageOf(bytes.toByteArray(), small).contains("zip bomb"));
    }

    @Test
    void zipBomb_declaredSizeOverCap_isRefusedBeforeInflating() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            putStored(zip, "mimetype", OpenRaster.MIMETYPE.getBytes(StandardCharsets.US_ASCII));
            putStored(zip, "data/big.png", new byte[5000]);
        }
        DocumentLimits small = new DocumentLimits(100_000_000L, 4000, 1 << 20, 100, 100, 8, 1_000_000_000L);
        assertTrue(messageOf(bytes.toByteArray(), small).contains("declares 5000 bytes"));
    }

    @Test
    void dtdAndExternalEntities_areRefused() throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE image [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <image w="4" h="4"><stack><layer name="&xxe;" src="data/d.png"/></stack></image>""";
        assertTrue(messageOf(ora(xml, Map.of("data/d.png", solid(4, 4, 0))), DocumentLimits.DEFAULT).contains("DTD"));
    }

    @Test
    void missingLayerFile_isRefused() throws IOException {
        String xml = "<image w='4' h='4'><stack><layer name='d' src='data/nope.png'/></stack></image>";
        assertTrue(messageOf(ora(xml, Map.of("data/d.png", solid(4, 4, 0))), DocumentLimits.DEFAULT).contains("missing"));
    }

    @Test
    void duplicatedLayerFile_isRefused() throws IOException {
        String xml = "<image w='4' h='4'><stack><layer name='d' src='data/a.png'/></stack></image>";
        byte[] zip = ora(xml, new java.util.LinkedHashMap<>(Map.of("data/a.png", solid(4, 4, 0xFF000000))));
        // add a second entry whose name we then rename to the first one's, in both headers
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            putStored(out, "mimetype", OpenRaster.MIMETYPE.getBytes(StandardCharsets.US_ASCII));
            out.putNextEntry(new ZipEntry("stack.xml"));
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("data/a.png"));
            out.write(ImageFiles.encodePng(solid(4, 4, 0xFF000000)));
            out.putNextEntry(new ZipEntry("data/b.png"));
            out.write(ImageFiles.encodePng(solid(4, 4, 0xFFFFFFFF)));
        }
        byte[] data = bytes.toByteArray();
        String latin = new String(data, StandardCharsets.ISO_8859_1).replace("data/b.png", "data/a.png");
        assertTrue(zip.length > 0);
        assertTrue(messageOf(latin.getBytes(StandardCharsets.ISO_8859_1), DocumentLimits.DEFAULT).contains("twice"));
    }

    @Test
    void absurdDimensions_areRefused() throws IOException {
        String xml = "<image w='100000000' h='100000000'><stack/></image>";
        String m = messageOf(ora(xml, Map.of()), DocumentLimits.DEFAULT);
        assertTrue(m.contains("100000000"), m);
        String neg = "<image w='-5' h='10'><stack/></image>";
        assertTrue(messageOf(ora(neg, Map.of()), DocumentLimits.DEFAULT).contains("canvas size"));
        String nan = "<image w='4' h='4'><stack><layer name='d' src='data/d.png' opacity='NaN'/></stack></image>";
        assertTrue(messageOf(ora(nan, Map.of("data/d.png", solid(4, 4, 0))), DocumentLimits.DEFAULT).contains("opacity"));
    }

    @Test
    void truncatedArchive_isRefused() throws IOException {
        Path f = dir.resolve("s.ora");
        OpenRaster.write(scene(), f);
        byte[] all = Files.readAllBytes(f);
        String m = messageOf(Arrays.copyOf(all, all.length / 2), DocumentLimits.DEFAULT);
        assertTrue(m.contains("truncated") || m.contains("missing"), m);
    }

    @Test
    void notAZip_isRefused() {
        assertTrue(messageOf("hello, not a zip".getBytes(StandardCharsets.US_ASCII), DocumentLimits.DEFAULT)
                .contains("not a zip"));
    }

    @Test
    void failedSave_leavesNoFileBehind() throws IOException {
        Path target = dir.resolve("taken.ora");
        Files.createDirectories(target.resolve("inside")); // a non-empty folder where the file should go
        assertThrows(IOException.class, () -> OpenRaster.write(scene(), target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file left");
        }
        assertThrows(DocumentException.class, () -> OpenRaster.write(scene(), dir.resolve("no/such/dir/x.ora")));
    }

    @Test
    void kritaFile_rendersLikeKritasFlattening() throws IOException {
        byte[] ora;
        try (InputStream in = getClass().getResourceAsStream("/documents/krita.ora")) {
            ora = in.readAllBytes();
        }
        LoadedScene s = OpenRaster.read(ora, "krita.ora", DocumentLimits.DEFAULT);
        assertEquals(List.of(), s.warnings());
        assertEquals(List.of("background", "redcircle", "greenbar"), s.scene().layers().stream().map(Layer::name).toList());
        assertEquals(BlendMode.MULTIPLY, s.scene().layers().get(2).mode());
        Surface krita;
        try (InputStream in = getClass().getResourceAsStream("/documents/krita_flat.png")) {
            krita = ImageFiles.decode(in.readAllBytes(), "krita_flat.png", ImageLimits.DEFAULT);
        }
        int diff = Tolerance.maxDifference(render(s.scene()), krita);
        assertTrue(diff <= Tolerance.KRITA, "max channel difference from Krita's own flattening: " + diff);
    }
}

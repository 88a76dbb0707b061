package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path image(String name, int w, int h, int argbPre) throws IOException {
        Surface s = Surface.allocate(w, h);
        s.fill(argbPre);
        Path p = dir.resolve(name);
        ImageFiles.write(s, p);
        return p;
    }

    @Test
    void compose_twoLayers_writesWhatTheEngineRenders() throws IOException {
        Path bg = image("bg.png", 64, 48, 0xFF204080);
        Path top = image("top.png", 20, 10, 0x80800000);
        Path out = dir.resolve("out.png");
        Result r = run("compose", bg.toString(), top + ":mode=screen:opacity=0.5:x=10:y=-3", "-o", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("64x48"), r.out());
        Scene expected = new Scene(64, 48, 0, List.of(Layer.of("bg", ImageFiles.read(bg)),
                new Layer("top", ImageFiles.read(top), 10, -3, BlendMode.SCREEN, 0.5f, true)));
        Surface want = Surface.allocate(64, 48);
        TileRenderer.singleThreaded().render(expected, want);
        assertArrayEquals(want.toArray(), ImageFiles.read(out).toArray());
    }

    @Test
    void clipTrue_clipsALayerToTheOneBelow_asTheEnginesClippingGroup_andSavesAsOne() throws IOException {
        Path bg = image("bg.png", 64, 48, 0xFF204080), shape = image("shape.png", 20, 10, 0xFF00FF00), tint = image("tint.png", 40, 30, 0xC0800000);
        Path out = dir.resolve("out.png"), ora = dir.resolve("out.ora");
        String[] layers = {bg.toString(), shape + ":x=10:y=5:mode=screen", tint + ":mode=multiply:clip=true", tint + ":x=4:clip=true"};
        Result r = run(concat(new String[] {"compose"}, layers, new String[] {"-o", out.toString()}));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 layers"), "the background and the clipping group: " + r.out());
        Surface s = ImageFiles.read(shape), t = ImageFiles.read(tint);
        Layer group = dev.blendbench.engine.render.Groups.clipping(new Layer("shape", s, 10, 5, BlendMode.SCREEN, 1f, true),
                List.of(new Layer("tint", t, 0, 0, BlendMode.MULTIPLY, 1f, true), new Layer("tint", t, 4, 0, BlendMode.SOURCE_OVER, 1f, true)),
                new dev.blendbench.engine.surface.Rect(10, 5, 20, 10), dev.blendbench.engine.colour.BlendSpace.SRGB);
        Surface want = Surface.allocate(64, 48);
        TileRenderer.singleThreaded().render(new Scene(64, 48, 0, List.of(Layer.of("bg", ImageFiles.read(bg)), group)), want);
        assertArrayEquals(want.toArray(), ImageFiles.read(out).toArray());
        assertEquals(0xFF204080, ImageFiles.read(out).getPixel(40, 30), "the tint shows nowhere outside the shape");

        assertEquals(0, run(concat(new String[] {"compose"}, layers, new String[] {"-o", ora.toString()})).code());
        Layer back = dev.blendbench.engine.document.OpenRaster.read(ora).scene().layers().get(1);
        assertTrue(back.isGroup() && back.group().clipping(), "saved as a clipping group");
        Result alone = run("compose", tint + ":clip=true", "-o", out.toString());
        assertEquals(2, alone.code());
        assertEquals("blendbench compose: layer '" + tint + "': clip=true, but there is no layer below it to clip it to", alone.err().strip());
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void aLinearLightDocument_rendersInLinearLight_unlessOverridden() throws IOException {
        // compose x.ora dropped the document's blend space and rendered in sRGB (so did stress on it)
        Path bg = image("bg.png", 32, 16, 0xFF000000), top = image("top.png", 32, 16, 0xFFFFFFFF);
        Path ora = dir.resolve("lin.ora"), direct = dir.resolve("direct.png"), fromOra = dir.resolve("from-ora.png"), srgb = dir.resolve("srgb.png");
        String half = top + ":opacity=0.5";
        assertEquals(0, run("compose", "--blend-space", "linear", bg.toString(), half, "-o", ora.toString()).code());
        assertEquals(0, run("compose", "--blend-space", "linear", bg.toString(), half, "-o", direct.toString()).code());
        assertEquals(0, run("compose", ora.toString(), "-o", fromOra.toString()).code());
        assertArrayEquals(ImageFiles.read(direct).toArray(), ImageFiles.read(fromOra).toArray());
        assertEquals(188, ImageFiles.read(fromOra).getPixel(0, 0) & 0xFF, "50 % white over black in linear light");
        assertEquals(0, run("compose", "--blend-space", "srgb", ora.toString(), "-o", srgb.toString()).code());
        assertEquals(128, ImageFiles.read(srgb).getPixel(0, 0) & 0xFF, "--blend-space overrides the document's");
    }

    @Test
    void aTranslucentCompositeWrittenAsJpeg_isFlattenedOverBlack_andSaysSo() throws IOException {
        Path top = image("top.png", 8, 6, 0x80400000);
        Path jpg = dir.resolve("out.jpg");
        Result r = run("compose", top.toString(), "-o", jpg.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("warning: " + jpg + ": JPEG has no transparency") && r.err().contains("--background"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(0xFF, ImageFiles.read(jpg).getPixel(4, 3) >>> 24);

        Result white = run("compose", "--background", "#FFFFFFFF", top.toString(), "-o", jpg.toString());
        assertEquals(0, white.code(), white.err());
        assertEquals("", white.err(), "an opaque canvas loses nothing");
        Result png = run("compose", top.toString(), "-o", dir.resolve("out.png").toString());
        assertEquals("", png.err(), "PNG keeps alpha");
    }

    @Test
    void compose_sizeAndBackground_areApplied() throws IOException {
        Path top = image("top.png", 4, 4, 0);
        Path out = dir.resolve("out.tiff");
        Result r = run("compose", "--size", "8x6", "--background", "#FF000080", top.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        Surface s = ImageFiles.read(out);
        assertEquals(8, s.width());
        assertEquals(6, s.height());
        assertEquals(0x80800000, s.getPixel(7, 5));
    }

    @Test
    void badInputs_exitTwoWithOneLine() throws IOException {
        Path ok = image("ok.png", 4, 4, 0xFF000000);
        Files.writeString(dir.resolve("text.png"), "not an image");
        String[][] cases = {
                {"compose", ok + ":mode=glow", "-o", dir.resolve("o.png").toString()},
                {"compose", ok + ":opacity=1.5", "-o", dir.resolve("o.png").toString()},
                {"compose", ok + ":x=abc", "-o", dir.resolve("o.png").toString()},
                {"compose", ok + ":blur=3", "-o", dir.resolve("o.png").toString()},
                {"compose", dir.resolve("missing.png").toString(), "-o", dir.resolve("o.png").toString()},
                {"compose", dir.resolve("text.png").toString(), "-o", dir.resolve("o.png").toString()},
                {"compose", ok.toString(), "-o", dir.resolve("o.bmpx").toString()},
                {"compose", ok.toString(), "-o", dir.resolve("no/such/dir/o.png").toString()},
                {"compose", "--size", "0x10", ok.toString(), "-o", dir.resolve("o.png").toString()},
                {"compose", "--background", "blue", ok.toString(), "-o", dir.resolve("o.png").toString()},
                {"compose", "--threads", "0", ok.toString(), "-o", dir.resolve("o.png").toString()},
                {"compose", "--max-pixels", "3", ok.toString(), "-o", dir.resolve("o.png").toString()},
                {"compose", ok.toString()},
                {"compose", "-o", dir.resolve("o.png").toString()},
                {"no-such-command"},
        };
        for (String[] c : cases) {
            Result r = run(c);
            assertEquals(2, r.code(), String.join(" ", c) + " -> " + r.err());
            String err = r.err().strip();
            assertFalse(err.isEmpty(), String.join(" ", c));
            assertFalse(err.contains("\n"), "one line: " + err);
            assertFalse(err.contains("Exception"), "no stack trace or class names: " + err);
        }
        assertFalse(Files.exists(dir.resolve("o.png")), "nothing written on failure");
    }

    @Test
    void compose_toOra_thenFromOra_rendersTheSamePixels() throws IOException {
        Path bg = image("bg.png", 64, 48, 0xFF204080);
        Path top = image("top.png", 20, 10, 0x80800000);
        Path ora = dir.resolve("scene.ora");
        Result r1 = run("compose", "--background", "#10203040", bg.toString(), top + ":mode=hard-mix:opacity=0.5:x=10:y=-3", "-o", ora.toString());
        assertEquals(0, r1.code(), r1.err());
        Path viaOra = dir.resolve("via-ora.png"), direct = dir.resolve("direct.png");
        Result r2 = run("compose", ora.toString(), "-o", viaOra.toString());
        assertEquals(0, r2.code(), r2.err());
        Result r3 = run("compose", "--background", "#10203040", bg.toString(), top + ":mode=hard-mix:opacity=0.5:x=10:y=-3", "-o", direct.toString());
        assertEquals(0, r3.code(), r3.err());
        assertArrayEquals(ImageFiles.read(direct).toArray(), ImageFiles.read(viaOra).toArray());
    }

    @Test
    void compose_toPsd_thenFromPsd_rendersTheSamePixels_andAModePhotoshopLacksIsRefused() throws IOException {
        Path bg = image("bg.png", 64, 48, 0xFF204080);
        Path top = image("top.png", 20, 10, 0x80800000);
        Path psd = dir.resolve("scene.psd");
        Result r1 = run("compose", bg.toString(), top + ":mode=hard-mix:opacity=0.5:x=10:y=-3", "-o", psd.toString());
        assertEquals(0, r1.code(), r1.err());
        assertTrue(r1.out().startsWith("wrote " + psd + ": Photoshop, 64x48, 2 layers in "), r1.out());
        assertEquals("", r1.err());
        Path viaPsd = dir.resolve("via-psd.png"), direct = dir.resolve("direct.png");
        assertEquals(0, run("compose", psd.toString(), "-o", viaPsd.toString()).code());
        assertEquals(0, run("compose", bg.toString(), top + ":mode=hard-mix:opacity=0.5:x=10:y=-3", "-o", direct.toString()).code());
        assertArrayEquals(ImageFiles.read(direct).toArray(), ImageFiles.read(viaPsd).toArray());

        Path xor = dir.resolve("xor.psd");
        Result refused = run("compose", bg.toString(), top + ":mode=xor", "-o", xor.toString());
        assertEquals(2, refused.code());
        assertEquals("blendbench compose: " + xor + ": layer 'top.png' uses xor, which Photoshop has no blend mode for;"
                + " save as .ora to keep it\n", refused.err());
        assertFalse(java.nio.file.Files.exists(xor));
        Result linear = run("compose", "--blend-space", "linear", bg.toString(), top.toString(), "-o", dir.resolve("lin.psd").toString());
        assertEquals(0, linear.code());
        assertTrue(linear.err().startsWith("warning: " + dir.resolve("lin.psd") + ": the scene blends in linear light;"), linear.err());
    }

    /** {@code k.ora} in {@code dir}: one 8x8 green layer 'glow' with Krita's dissolve, which we lack. */
    static Path oraWithUnsupportedOp(Path dir) throws IOException {
        Path ora = dir.resolve("k.ora");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(ora))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("mimetype"));
            zip.write("image/openraster".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new java.util.zip.ZipEntry("stack.xml"));
            zip.write("<image w='8' h='8'><stack><layer name='glow' src='data/a.png' composite-op='krita:dissolve'/></stack></image>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("data/a.png"));
            Surface s = Surface.allocate(8, 8);
            s.fill(0xFF00FF00);
            zip.write(ImageFiles.encodePng(s));
        }
        return ora;
    }

    @Test
    void compose_oraWithUnsupportedOp_warnsOnStderrAndSucceeds() throws IOException {
        Path ora = oraWithUnsupportedOp(dir);
        Result r = run("compose", ora.toString(), "-o", dir.resolve("out.png").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("warning: ") && r.err().contains("krita:dissolve"), r.err());
    }

    @Test
    void compose_hostileOra_exitsTwoWithOneLine() throws IOException {
        Path ora = dir.resolve("evil.ora");
        Files.write(ora, new byte[] {'P', 'K', 3, 4, 0, 0});
        Result r = run("compose", ora.toString(), "-o", dir.resolve("out.png").toString());
        assertEquals(2, r.code());
        assertFalse(r.err().strip().contains("\n"));
        assertTrue(r.err().contains("evil.ora"), r.err());
    }

    @Test
    void layerSpec_pathWithColon_keepsPath() {
        LayerSpec s = LayerSpec.parse("C:/img/a:b.png:mode=multiply:y=-4");
        assertEquals(Path.of("C:/img/a:b.png"), s.path());
        assertEquals(BlendMode.MULTIPLY, s.mode());
        assertEquals(-4, s.y());
    }

    @Test
    void layerSpec_opacity_asAFractionOrAPercentage() {
        assertEquals(0.7f, LayerSpec.parse("a.png:opacity=70%").opacity(), 1e-6);
        assertEquals(0.7f, LayerSpec.parse("a.png:opacity=0.7").opacity(), 1e-6);
        assertEquals(0f, LayerSpec.parse("a.png:opacity=0%").opacity());
        assertEquals(1f, LayerSpec.parse("a.png:opacity=100%").opacity());
        for (String bad : List.of("a.png:opacity=150%", "a.png:opacity=%", "a.png:opacity=-1%", "a.png:opacity=70%%")) {
            BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class, () -> LayerSpec.parse(bad));
            assertTrue(e.getMessage().contains("opacity"), e.getMessage());
        }
    }

    @Test
    void help_exitsZero() {
        Result r = run("compose", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("LAYER"));
    }

    @Test
    void aLayeredFileGivenAModeOrATransform_blendsAsOneGroup_asAnImageOfItsCompositeWould() throws IOException {
        Path bg = image("bg.png", 64, 48, 0xFF204080);
        Surface half = Surface.allocate(30, 20);
        half.fill(0x80806000);
        Path doc = dir.resolve("doc.ora"); // opaque once composited, so its PNG keeps every bit
        dev.blendbench.engine.document.OpenRaster.write(new Scene(40, 30, 0xFFF0E0D0, List.of(
                new Layer("half", half, 5, 4, BlendMode.MULTIPLY, 0.8f, true), new Layer("again", half, 12, 9, BlendMode.DIFFERENCE, 1f, true))), doc);
        Path flat = dir.resolve("flat.png");
        assertEquals(0, run("compose", doc.toString(), "-o", flat.toString()).code());
        for (String opts : List.of(":mode=multiply:opacity=0.5:x=7:y=-2", ":mode=overlay", ":scale=0.75:rotate=10:x=3.5")) {
            Path grouped = dir.resolve("grouped.png"), imaged = dir.resolve("imaged.png");
            Result r = run("compose", bg.toString(), doc + opts, "-o", grouped.toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(0, run("compose", bg.toString(), flat + opts, "-o", imaged.toString()).code());
            assertArrayEquals(ImageFiles.read(imaged).toArray(), ImageFiles.read(grouped).toArray(), opts);
        }
        Path ora = dir.resolve("out.ora");
        assertEquals(0, run("compose", bg.toString(), doc + ":mode=screen", "-o", ora.toString()).code());
        Result info = run("info", ora.toString());
        assertTrue(info.out().contains("screen (group)") && info.out().contains("2.1      background colour")
                && info.out().contains("2.3      again"), "saved as a group, the file's background its bottom layer: " + info.out());
    }
}

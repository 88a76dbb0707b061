package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.app.cli.ComposeCommandTest.Result;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Resampler;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResizeCommandTest {
    @TempDir
    Path dir;

    private Path gradient(String name, int w, int h) throws IOException {
        Surface s = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) s.setPixel(x, y, 0xFF000000 | (x * 255 / w) << 16 | (y * 255 / h) << 8 | 77);
        }
        Path p = dir.resolve(name);
        ImageFiles.write(s, p);
        return p;
    }

    @Test
    void resize_width_keepsAspectRatio_andWritesTheEnginesPixels() throws IOException {
        Path in = gradient("in.png", 120, 80);
        Path out = dir.resolve("out.png");
        Result r = ComposeCommandTest.run("resize", in.toString(), "--width", "45", "--filter", "mitchell", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("120x80 → 45x30") && r.out().contains("mitchell"), r.out());
        Surface want = Resampler.resize(ImageFiles.read(in), 45, 30, Filter.MITCHELL);
        assertArrayEquals(want.toArray(), ImageFiles.read(out).toArray());
    }

    /** The first entry of a JPEG's first quantisation table: 16 × 50 / Q for the IJG tables at quality Q < 50. */
    static int firstQuantiser(Path jpeg) throws IOException {
        byte[] d = Files.readAllBytes(jpeg);
        for (int i = 2; i + 5 < d.length; i++) {
            if ((d[i] & 0xFF) == 0xFF && (d[i + 1] & 0xFF) == 0xDB) return d[i + 5] & 0xFF;
        }
        throw new AssertionError("no DQT in " + jpeg);
    }

    @Test
    void quality_setsTheJpegQuantisation_andIsNotedForLosslessOutput() throws IOException {
        Path in = gradient("in.png", 120, 80);
        Path low = dir.resolve("low.jpg"), plain = dir.resolve("plain.jpg"), png = dir.resolve("q.png");
        assertEquals(0, ComposeCommandTest.run("resize", in.toString(), "--width", "60", "--quality", "25", "-o", low.toString()).code());
        assertEquals(0, ComposeCommandTest.run("resize", in.toString(), "--width", "60", "-o", plain.toString()).code());
        assertEquals(32, firstQuantiser(low)); // 16 × 50 / 25
        assertEquals(3, firstQuantiser(plain)); // quality 92: 16 × (200 − 184) / 100, rounded
        Result r = ComposeCommandTest.run("compose", in.toString(), "--quality", "25", "-o", dir.resolve("c.jpg").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(32, firstQuantiser(dir.resolve("c.jpg")));
        r = ComposeCommandTest.run("resize", in.toString(), "--width", "60", "--quality", "25", "-o", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("--quality applies to JPEG output"), r.err());
    }

    @Test
    void layeredDocument_isFlattenedAsComposeDoes_thenResized() throws IOException {
        Path bg = gradient("bg.png", 120, 80), top = gradient("top.png", 40, 30);
        Path ora = dir.resolve("doc.ora"), flat = dir.resolve("flat.png");
        assertEquals(0, ComposeCommandTest.run("compose", bg.toString(), top + ":mode=multiply:x=10:y=5:rotate=20", "-o", ora.toString()).code());
        assertEquals(0, ComposeCommandTest.run("compose", ora.toString(), "-o", flat.toString()).code());
        Path fromDoc = dir.resolve("from-doc.png"), fromFlat = dir.resolve("from-flat.png");
        Result r = ComposeCommandTest.run("resize", ora.toString(), "--width", "50", "-o", fromDoc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("120x80 → 50x33") && r.out().contains("read and flatten"), r.out());
        assertEquals(0, ComposeCommandTest.run("resize", flat.toString(), "--width", "50", "-o", fromFlat.toString()).code());
        assertArrayEquals(ImageFiles.read(fromFlat).toArray(), ImageFiles.read(fromDoc).toArray());
        Path broken = Files.writeString(dir.resolve("broken.ora"), "not a zip");
        r = ComposeCommandTest.run("resize", broken.toString(), "--width", "50", "-o", dir.resolve("x.png").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("broken.ora"), r.err());
    }

    @Test
    void compose_depth16_writesSixteenBitSamples_ofALinearScene_andRefusesWhatCannotHoldThem() throws Exception {
        Path bg = gradient("bg.png", 120, 80), top = gradient("top.png", 40, 30);
        Path deep = dir.resolve("deep.png");
        Result r = ComposeCommandTest.run("compose", "--blend-space", "linear", "--depth", "16", bg.toString(),
                top + ":mode=screen:opacity=0.4", "-o", deep.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("at 16 bits a channel"), r.out());
        java.awt.image.Raster raster = javax.imageio.ImageIO.read(deep.toFile()).getRaster();
        assertEquals(16, raster.getSampleModel().getSampleSize(0));
        String out = dir.resolve("x.png").toString();
        String[][] refused = {
                {"compose", "--depth", "16", bg.toString(), "-o", out},                                       // sRGB: 8-bit compositing
                {"compose", "--blend-space", "linear", "--depth", "16", bg.toString(), "-o", dir.resolve("x.jpg").toString()},
                {"compose", "--depth", "10", bg.toString(), "-o", out},
        };
        for (String[] args : refused) {
            r = ComposeCommandTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void resize_onSeveralThreads_writesTheSamePixels_andSaysHowMany() throws IOException {
        Path in = gradient("in.png", 120, 380);
        Path one = dir.resolve("one.png"), three = dir.resolve("three.png");
        Result r = ComposeCommandTest.run("resize", in.toString(), "--width", "50", "--linear", "--threads", "1", "-o", one.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("in linear light, 1 thread;"), r.out());
        r = ComposeCommandTest.run("resize", in.toString(), "--width", "50", "--linear", "--threads", "3", "-o", three.toString());
        assertTrue(r.out().contains("3 threads;"), r.out());
        assertArrayEquals(ImageFiles.read(one).toArray(), ImageFiles.read(three).toArray());
    }

    @Test
    void resize_heightOrScaleOrBoth_giveTheAskedSize() throws IOException {
        Path in = gradient("in.png", 120, 80);
        Path out = dir.resolve("o.png");
        assertEquals(0, ComposeCommandTest.run("resize", in.toString(), "--height", "20", "-o", out.toString()).code());
        assertEquals(30, ImageFiles.read(out).width());
        assertEquals(0, ComposeCommandTest.run("resize", in.toString(), "--scale", "1.5", "--linear", "-o", out.toString()).code());
        assertEquals(180, ImageFiles.read(out).width());
        assertEquals(0, ComposeCommandTest.run("resize", in.toString(), "--width", "7", "--height", "90", "-o", out.toString()).code());
        assertEquals(90, ImageFiles.read(out).height());
        assertEquals(0, ComposeCommandTest.run("resize", in.toString(), "--fit", "60x60", "-o", out.toString()).code());
        assertEquals(60, ImageFiles.read(out).width(), "120x80 in a 60x60 box: the width limits");
        assertEquals(40, ImageFiles.read(out).height());
        assertEquals(0, ComposeCommandTest.run("resize", in.toString(), "--fit", "1000x20", "-o", out.toString()).code());
        assertEquals(30, ImageFiles.read(out).width(), "in a 1000x20 box: the height limits");
        assertEquals(20, ImageFiles.read(out).height());
        assertEquals(0, ComposeCommandTest.run("resize", in.toString(), "--size", "33x21", "-o", out.toString()).code());
        Surface sized = ImageFiles.read(out);
        assertEquals(33, sized.width());
        assertEquals(21, sized.height());
    }

    @Test
    void resizingToJpeg_warnsOnlyWhereTheImageHasTransparency() throws IOException {
        Path opaque = gradient("in.png", 40, 20);
        Path out = dir.resolve("o.jpeg");
        Result r = ComposeCommandTest.run("resize", opaque.toString(), "--scale", "0.5", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        Surface s = Surface.allocate(40, 20);
        s.fill(0x40102030);
        Path translucent = dir.resolve("t.png");
        ImageFiles.write(s, translucent);
        r = ComposeCommandTest.run("resize", translucent.toString(), "--scale", "0.5", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("warning: " + out + ": JPEG has no transparency") && r.err().contains(".png"), r.err());
    }

    @Test
    void resize_badArguments_exit2WithOneLine() throws IOException {
        Path in = gradient("in.png", 20, 20);
        String out = dir.resolve("o.png").toString();
        String[][] bad = {
                {"resize", in.toString(), "-o", out},
                {"resize", in.toString(), "--width", "0", "-o", out},
                {"resize", in.toString(), "--height", "-3", "-o", out},
                {"resize", in.toString(), "--scale", "NaN", "-o", out},
                {"resize", in.toString(), "--scale", "0.5", "--width", "4", "-o", out},
                {"resize", in.toString(), "--scale", "2", "--filter", "sinc", "-o", out},
                {"resize", in.toString(), "--width", "70000", "-o", out},
                {"resize", dir.resolve("missing.png").toString(), "--width", "4", "-o", out},
                {"resize", in.toString(), "--width", "4", "-o", dir.resolve("o.bmpx").toString()},
                {"resize", in.toString(), "--width", "four", "-o", out},
                {"resize", in.toString(), "--size", "40", "-o", out},
                {"resize", in.toString(), "--size", "0x5", "-o", out},
                {"resize", in.toString(), "--size", "4x4", "--width", "4", "-o", out},
                {"resize", in.toString(), "--size", "4x4", "--scale", "2", "-o", out},
                {"resize", in.toString(), "--width", "4", "--threads", "0", "-o", out},
                {"resize", in.toString(), "--width", "4", "--quality", "0", "-o", out},
                {"resize", in.toString(), "--fit", "0x10", "-o", out},
                {"resize", in.toString(), "--fit", "10", "-o", out},
                {"resize", in.toString(), "--fit", "10x10", "--width", "4", "-o", out},
                {"resize", in.toString(), "--width", "4", "--quality", "101", "-o", out},
                {"resize", in.toString(), "--width", "4", "--threads", "2000", "-o", out},
        };
        for (String[] args : bad) {
            Result r = ComposeCommandTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + ": " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("o.png")));
        assertTrue(ComposeCommandTest.run("resize", in.toString(), "--scale", "2", "--filter", "sinc", "-o", out)
                .err().contains("'sinc'"));
    }

    @Test
    void compose_scaleRotateFilterAndFractionalOffsets_renderLikeTheEngine() throws IOException {
        Path bg = gradient("bg.png", 64, 48);
        Path top = gradient("top.png", 30, 20);
        Path out = dir.resolve("out.png");
        Result r = ComposeCommandTest.run("compose", "--blend-space", "linear", bg.toString(),
                top + ":x=10.5:y=4.25:scale=0.8:rotate=30:filter=lanczos3:mode=multiply", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        Surface t = ImageFiles.read(top);
        Scene expected = new Scene(64, 48, 0, List.of(Layer.of("bg", ImageFiles.read(bg)),
                new Layer("top", t, 0, 0, BlendMode.MULTIPLY, 1f, true)
                        .withTransform(Transform.place(30, 20, 10.5, 4.25, 0.8, 30), Filter.LANCZOS3)), BlendSpace.LINEAR);
        Surface want = Surface.allocate(64, 48);
        TileRenderer.singleThreaded().render(expected, want);
        assertArrayEquals(want.toArray(), ImageFiles.read(out).toArray());
    }

    @Test
    void compose_badTransformValues_exit2NamingThem() throws IOException {
        Path bg = gradient("bg.png", 16, 16);
        String out = dir.resolve("o.png").toString();
        String[][] bad = {{"scale=0", "scale"}, {"scale=-1", "scale"}, {"rotate=NaN", "rotate"}, {"x=Infinity", "x"},
                {"filter=cubic", "cubic"}, {"scale=1e9", "scale"}};
        for (String[] b : bad) {
            Result r = ComposeCommandTest.run("compose", bg + ":" + b[0], "-o", out);
            assertEquals(2, r.code(), b[0] + ": " + r.err());
            assertTrue(r.err().contains(b[1]), b[0] + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        Result r = ComposeCommandTest.run("compose", "--blend-space", "cmyk", bg.toString(), "-o", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'cmyk'"), r.err());
    }
}

package dev.blendbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.surface.Surface;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    private Path write(BufferedImage img, String format, String name) throws IOException {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "writer for " + format);
        return p;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageFilesTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void losesAlpha_onlyForJpeg_andOnlyWhereAPixelOfTheViewIsNotOpaque() {
        Surface s = Surface.allocate(10, 4);
        s.fill(0xFF112233);
        s.setPixel(9, 3, 0x00000000);
        assertTrue(ImageFiles.losesAlpha(s, Path.of("a.jpg")));
        assertTrue(ImageFiles.losesAlpha(s, Path.of("a.JPEG")));
        assertFalse(ImageFiles.losesAlpha(s, Path.of("a.png")));
        assertFalse(ImageFiles.losesAlpha(s, Path.of("a.tif")));
        assertFalse(ImageFiles.losesAlpha(s.subView(0, 0, 9, 4), Path.of("a.jpg")), "the pixel outside the view is not written");
        assertTrue(ImageFiles.losesAlpha(s.subView(5, 1, 5, 3), Path.of("a.jpg")));
    }

    @Test
    void png_roundTrip_keepsPremultipliedPixelsExactly() throws IOException {
        Surface s = TestImages.random(97, 31, 1);
        Path p = dir.resolve("out.png");
        ImageFiles.write(s, p);
        assertArrayEquals(s.toArray(), ImageFiles.read(p).toArray());
    }

    @Test
    void readingAndWriting_useNoImageIoCacheFile() throws IOException {
        // ImageIO's default puts a stream through a temporary file per image: slower, and disk I/O in
        // the stress harness's decode and encode stages. Point its cache at a folder that is gone:
        // anything that still used it would fail.
        Surface s = TestImages.random(64, 48, 3);
        Path p = dir.resolve("in.png");
        ImageFiles.write(s, p);
        Path cache = Files.createDirectory(dir.resolve("cache"));
        boolean used = ImageIO.getUseCache();
        java.io.File old = ImageIO.getCacheDirectory();
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(cache.toFile());
        Files.delete(cache);
        try {
            assertArrayEquals(s.toArray(), ImageFiles.read(p).toArray());
            byte[] png = ImageFiles.encodePng(s);
            assertArrayEquals(s.toArray(), ImageFiles.decode(png, "mem", ImageLimits.DEFAULT).toArray());
            ImageFiles.write(s, dir.resolve("out.tiff"));
        } finally {
            ImageIO.setCacheDirectory(old);
            ImageIO.setUseCache(used);
        }
    }

    @Test
    void tiff_roundTrip_keepsPixels() throws IOException {
        Surface s = TestImages.random(40, 30, 2);
        Path p = dir.resolve("out.tiff");
        ImageFiles.write(s, p);
        assertArrayEquals(s.toArray(), ImageFiles.read(p).toArray());
    }

    @Test
    void tiff_isWrittenLzwCompressed() throws IOException {
        Surface s = Surface.allocate(200, 200);
        s.fill(0xFF3080C0);
        Path p = dir.resolve("flat.tif");
        ImageFiles.write(s, p);
        byte[] d = java.nio.file.Files.readAllBytes(p);
        assertTrue(d.length < 20_000, d.length + " bytes for a flat 200x200 image (160,000 uncompressed)");
        // the Compression field (259) of the first IFD holds 5: LZW
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d).order(d[0] == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4), n = b.getShort(ifd) & 0xFFFF, compression = -1;
        for (int i = 0; i < n; i++) {
            int e = ifd + 2 + 12 * i;
            if ((b.getShort(e) & 0xFFFF) == 259) compression = b.getShort(e + 8) & 0xFFFF;
        }
        assertEquals(5, compression);
        assertArrayEquals(s.toArray(), ImageFiles.read(p).toArray());
    }

    @Test
    void jpeg_roundTrip_isCloseAndOpaque() throws IOException {
        Surface s = Surface.allocate(64, 64);
        s.fill(0xFF3080C0);
        Path p = dir.resolve("out.jpg");
        ImageFiles.write(s, p);
        int px = ImageFiles.read(p).getPixel(32, 32);
        assertEquals(0xFF, px >>> 24);
        assertTrue(Math.abs(((px >> 16) & 0xFF) - 0x30) <= 3 && Math.abs((px & 0xFF) - 0xC0) <= 3, Integer.toHexString(px));
    }

    @Test
    void grey16_scalesSamplesWithoutGammaShift() throws IOException {
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = img.getRaster();
        r.setSample(0, 0, 0, 0);
        r.setSample(1, 0, 0, 0x8080);
        r.setSample(2, 0, 0, 0x6464);
        r.setSample(3, 0, 0, 0xFFFF);
        Surface s = ImageFiles.read(write(img, "png", "g16.png"));
        assertEquals(0xFF000000, s.getPixel(0, 0));
        assertEquals(0xFF808080, s.getPixel(1, 0));
        assertEquals(0xFF646464, s.getPixel(2, 0));
        assertEquals(0xFFFFFFFF, s.getPixel(3, 0));
    }

    @Test
    void grey8_keepsValues() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 100);
        img.getRaster().setSample(1, 0, 0, 200);
        Surface s = ImageFiles.read(write(img, "png", "g8.png"));
        assertEquals(0xFF646464, s.getPixel(0, 0));
        assertEquals(0xFFC8C8C8, s.getPixel(1, 0));
    }

    @Test
    void rgba16_scalesAndPremultiplies() throws IOException {
        BufferedImage img = new BufferedImage(
                new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB),
                        true, false, java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_USHORT),
                java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_USHORT, 1, 1, 4, null), false, null);
        img.getRaster().setPixel(0, 0, new int[] {0xFFFF, 0x8080, 0, 0x8080});
        Surface s = ImageFiles.read(write(img, "png", "rgba16.png"));
        assertEquals(0x80804000, s.getPixel(0, 0));
    }

    @Test
    void palette_withTransparentIndex_isReadPremultiplied() throws IOException {
        byte[] r = {(byte) 255, 0}, g = {0, 0}, b = {0, (byte) 255};
        IndexColorModel icm = new IndexColorModel(8, 2, r, g, b, 1);
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, icm);
        img.getRaster().setSample(0, 0, 0, 0);
        img.getRaster().setSample(1, 0, 0, 1);
        for (String fmt : new String[] {"png", "gif"}) {
            Surface s = ImageFiles.read(write(img, fmt, "pal." + fmt));
            assertEquals(0xFFFF0000, s.getPixel(0, 0), fmt);
            assertEquals(0, s.getPixel(1, 0), fmt);
        }
    }

    @Test
    void bmp_isRead() throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(10, 20, 30));
        g.fillRect(0, 0, 3, 2);
        g.dispose();
        assertEquals(0xFF0A141E, ImageFiles.read(write(img, "bmp", "x.bmp")).getPixel(2, 1));
    }

    @Test
    void cmykJpeg_hasCorrectColours() throws IOException {
        // made by ImageMagick: a red / green / blue / white strip converted to CMYK (see images/README.md)
        Surface s = ImageFiles.decode(resource("cmyk.jpg"), "cmyk.jpg", ImageLimits.DEFAULT);
        int red = s.getPixel(8, 8), green = s.getPixel(24, 8), blue = s.getPixel(40, 8), white = s.getPixel(56, 8);
        assertDominant(red, 16, "red");
        assertDominant(green, 8, "green");
        assertDominant(blue, 0, "blue");
        assertTrue((white & 0xFF) > 220 && ((white >> 8) & 0xFF) > 220 && ((white >> 16) & 0xFF) > 220,
                "white " + Integer.toHexString(white));
    }

    private static void assertDominant(int px, int shift, String what) {
        int main = (px >> shift) & 0xFF;
        for (int sh : new int[] {0, 8, 16}) {
            if (sh != shift) {
                assertTrue(main > ((px >> sh) & 0xFF) + 100, what + " is " + Integer.toHexString(px));
            }
        }
    }

    @Test
    void webp_lossless_isRead() throws IOException {
        Surface s = ImageFiles.decode(resource("strip.webp"), "strip.webp", ImageLimits.DEFAULT);
        assertEquals(64, s.width());
        assertEquals(0xFFFF0000, s.getPixel(8, 8));
        assertEquals(0xFF0000FF, s.getPixel(40, 8));
    }

    @Test
    void truncatedPng_failsWithOneLineNamingTheFile() throws IOException {
        Path full = dir.resolve("full.png");
        ImageFiles.write(TestImages.random(200, 200, 3), full);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void corruptData_afterValidSignature_failsCleanly() throws IOException {
        byte[] junk = new byte[4000];
        new java.util.Random(4).nextBytes(junk);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, junk, 0, 8);
        assertThrows(ImageReadException.class, () -> ImageFiles.decode(junk, "junk.png", ImageLimits.DEFAULT));
        byte[] jpegJunk = junk.clone();
        jpegJunk[0] = (byte) 0xFF;
        jpegJunk[1] = (byte) 0xD8;
        jpegJunk[2] = (byte) 0xFF;
        assertThrows(ImageReadException.class, () -> ImageFiles.decode(jpegJunk, "junk.jpg", ImageLimits.DEFAULT));
    }

    @Test
    void unknownFormat_saysSo() throws IOException {
        Path p = dir.resolve("notes.png");
        Files.writeString(p, "this is not an image");
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(p));
        assertTrue(e.getMessage().contains("not an image in a known format"), e.getMessage());
    }

    @Test
    void knownFormatsWeDoNotDecode_areNamed_notCalledUnknown() throws IOException {
        String[][] cases = {
                {"photo.heic", "\0\0\0\u0018ftypheic\0\0\0\0mif1heic", "HEIF/HEIC"},
                {"photo.avif", "\0\0\0\u001cftypavif\0\0\0\0avifmif1", "AVIF"},
                {"art.jxl", "\u00ff\n\u00fa\u007f\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000", "JPEG XL"},
                {"doc.pdf", "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj", "PDF"},
                {"logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "SVG"},
                {"movie.mp4", "\0\0\0\u0018ftypisom\0\0\0\0isomiso2", null},
        };
        for (String[] c : cases) {
            byte[] bytes = c[1].translateEscapes().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.decode(bytes, c[0], ImageLimits.DEFAULT));
            String want = c[2] == null ? "not an image in a known format" : c[2] + " images are not supported";
            assertTrue(e.getMessage().startsWith(c[0] + ": ") && e.getMessage().contains(want), e.getMessage());
        }
    }

    /** A GIF of {@code frame} (opaque colours) whose logical screen is {@code sw × sh} with the frame at (left, top). */
    static byte[] gifOnScreen(Surface frame, int sw, int sh, int left, int top) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(ImageFiles.toStraightImage(frame), "gif", out);
        byte[] g = out.toByteArray();
        g[6] = (byte) sw; g[7] = (byte) (sw >> 8); g[8] = (byte) sh; g[9] = (byte) (sh >> 8);
        int i = 13 + ((g[10] & 0x80) != 0 ? 3 << ((g[10] & 7) + 1) : 0);
        while (g[i] == 0x21) { // extensions: label, then sub-blocks to a zero
            i += 2;
            while (g[i] != 0) i += (g[i] & 0xFF) + 1;
            i++;
        }
        assertEquals(0x2C, g[i], "image descriptor");
        g[i + 1] = (byte) left; g[i + 2] = (byte) (left >> 8); g[i + 3] = (byte) top; g[i + 4] = (byte) (top >> 8);
        return g;
    }

    @Test
    void gifFirstFrame_smallerThanItsScreen_isPlacedOnTheWholeScreen_transparentAround() throws IOException {
        Surface frame = Surface.allocate(3, 2);
        frame.fill(0xFFFF0000);
        frame.setPixel(2, 1, 0xFF0000FF);
        Surface s = ImageFiles.decode(gifOnScreen(frame, 8, 6, 4, 3), "anim.gif", ImageLimits.DEFAULT);
        assertEquals(8, s.width());
        assertEquals(6, s.height());
        assertEquals(0, s.getPixel(3, 3));
        assertEquals(0xFFFF0000, s.getPixel(4, 3));
        assertEquals(0xFF0000FF, s.getPixel(6, 4));
        assertEquals(0, s.getPixel(7, 5));
        // a screen of 0 x 0 (common) holds the frame at its offset; a screen over the pixel limit is refused from the header
        assertEquals(7, ImageFiles.decode(gifOnScreen(frame, 0, 0, 4, 3), "zero.gif", ImageLimits.DEFAULT).width());
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageFiles.decode(gifOnScreen(frame, 60000, 60000, 0, 0), "huge.gif", new ImageLimits(1_000_000)));
        assertTrue(e.getMessage().contains("huge.gif: GIF screen is 60000x60000"), e.getMessage());
    }

    /**
     * An uncompressed one-row TIFF (no profile): {@code samples} bands a pixel of {@code bits} each,
     * {@code photometric} (2 RGB, 5 separated), {@code format} (1 unsigned, 3 IEEE float), the
     * sample bytes little-endian.
     */
    static byte[] oneRowTiff(int width, int samples, int bits, int photometric, int format, byte[] data) {
        int entries = 10, ifd = 8 + data.length, bpsAt = ifd + 2 + 12 * entries + 4;
        ByteBuffer b = ByteBuffer.allocate(bpsAt + 4 * samples).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd).put(data);
        b.putShort((short) entries);
        int[][] fields = {{256, 3, 1, width}, {257, 3, 1, 1}, {258, 3, samples, bpsAt}, {259, 3, 1, 1}, {262, 3, 1, photometric},
                {273, 4, 1, 8}, {277, 3, 1, samples}, {278, 3, 1, 1}, {279, 4, 1, data.length}, {339, 3, samples, bpsAt + 2 * samples}};
        for (int[] f : fields) {
            b.putShort((short) f[0]).putShort((short) f[1]).putInt(f[2]);
            if (f[1] == 3 && f[2] == 1) b.putShort((short) f[3]).putShort((short) 0);
            else if (f[1] == 3 && f[2] == 2) b.putShort((short) f[3]).putShort((short) f[3]);
            else b.putInt(f[3]);
        }
        b.putInt(0);
        for (int i = 0; i < samples; i++) b.putShort((short) bits);
        for (int i = 0; i < samples; i++) b.putShort((short) format);
        return b.array();
    }

    static byte[] cmykTiff(int[][] cmyk, int bits) {
        ByteBuffer d = ByteBuffer.allocate(4 * cmyk.length * bits / 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int[] p : cmyk) {
            for (int v : p) {
                if (bits == 8) d.put((byte) v);
                else d.putShort((short) (v * 257));
            }
        }
        return oneRowTiff(cmyk.length, 4, bits, 5, 1, d.array());
    }

    @Test
    void floatingPointTiff_readsItsZeroToOneSamples_clampingTheRest() throws IOException {
        float[][] rgb = {{1f, 0.5f, 0f}, {Float.NaN, -1f, 2f}, {0.25f, 0.75f, 1e-9f}};
        ByteBuffer d = ByteBuffer.allocate(4 * 3 * rgb.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float[] p : rgb) for (float v : p) d.putFloat(v);
        Surface s = ImageFiles.decode(oneRowTiff(rgb.length, 3, 32, 2, 3, d.array()), "hdr.tif", ImageLimits.DEFAULT);
        assertEquals(0xFFFF8000, s.getPixel(0, 0));
        assertEquals(0xFF0000FF, s.getPixel(1, 0));
        assertEquals(0xFF40BF00, s.getPixel(2, 0));
    }

    @Test
    void cmykTiffWithoutAProfile_8And16Bit_readsAsTheNaiveSeparationSays() throws IOException {
        int[][] cmyk = {{255, 0, 0, 0}, {0, 0, 0, 128}, {0, 255, 255, 0}};
        for (int bits : new int[] {8, 16}) {
            Surface s = ImageFiles.decode(cmykTiff(cmyk, bits), "cmyk" + bits + ".tif", ImageLimits.DEFAULT);
            assertEquals(0xFF00FFFF, s.getPixel(0, 0), bits + "-bit cyan");
            int grey = s.getPixel(1, 0) & 0xFF;
            assertTrue(Math.abs(grey - 127) <= 1, bits + "-bit 50 % black: " + grey);
            assertEquals(0xFFFF0000, s.getPixel(2, 0), bits + "-bit red");
        }
    }

    @Test
    void missingFile_saysSo() {
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(dir.resolve("nope.png")));
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
    }

    /** A valid PNG header declaring 100 000 × 100 000 pixels, with no pixel data at all. */
    static byte[] hugePngHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(100_000).putInt(100_000)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        out.write(ByteBuffer.allocate(4).putInt(13).array());
        out.write(ihdr.array());
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    @Test
    void declaredSizeOverCap_isRefusedFromHeaderBeforeDecoding() throws IOException {
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageFiles.decode(hugePngHeader(), "bomb.png", ImageLimits.DEFAULT));
        assertTrue(e.getMessage().contains("100000x100000") && e.getMessage().contains("over the limit"), e.getMessage());
        Surface small = TestImages.random(50, 50, 5);
        byte[] png = ImageFiles.encodePng(small);
        ImageReadException small50 = assertThrows(ImageReadException.class, () -> ImageFiles.decode(png, "small.png", new ImageLimits(2499)));
        assertEquals("small.png: image is 50x50 (2,500 pixels), over the limit of 2,499 pixels", small50.getMessage());
        assertEquals(50, ImageFiles.decode(png, "small.png", new ImageLimits(2500)).width());
    }

    @Test
    void pixelCounts_readAsMegapixels_orAsPixelsWhereThoseWouldShowAsZero() {
        assertEquals("100.0 megapixels", ImageLimits.describe(100_000_000L));
        assertEquals("2.1 megapixels", ImageLimits.describe(1920 * 1080));
        assertEquals("0.1 megapixels", ImageLimits.describe(100_000));
        assertEquals("99,999 pixels", ImageLimits.describe(99_999));
        assertEquals("1 pixel", ImageLimits.describe(1));
    }

    @Test
    void write_unknownExtension_isRejectedAndLeavesNothing() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> ImageFiles.write(Surface.allocate(2, 2), dir.resolve("x.gifx")));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void write_replacesExistingFileAtomically_noTempLeftBehind() throws IOException {
        Path p = dir.resolve("a.png");
        ImageFiles.write(TestImages.random(10, 10, 6), p);
        Surface second = TestImages.random(10, 10, 7);
        ImageFiles.write(second, p);
        assertArrayEquals(second.toArray(), ImageFiles.read(p).toArray());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}

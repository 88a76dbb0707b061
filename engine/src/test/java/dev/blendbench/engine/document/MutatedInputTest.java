package dev.blendbench.engine.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.io.ImageLimits;
import dev.blendbench.engine.io.ImageReadException;
import dev.blendbench.engine.surface.Surface;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of valid files — truncations, flipped bytes, length fields set to extremes,
 * spliced chunks, and for OpenRaster hostile attribute values in {@code stack.xml} — fed to every
 * reader. Each one either reads the file or refuses it with its own exception, whose message is
 * one line naming the file: never another exception, never an error escaping. A failure names the
 * seed that made the file, to replay it.
 */
class MutatedInputTest {
    private static final int CASES = 300;
    /** Small caps, so that a mutated size field that passes them still fits the test JVM's heap. */
    private static final ImageLimits IMAGE_LIMITS = new ImageLimits(4_000_000);
    private static final DocumentLimits DOCUMENT_LIMITS = DocumentLimits.DEFAULT.withMaxPixels(4_000_000);

    @TempDir
    Path dir;

    private interface Reader {
        void read(Path p) throws Exception;
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** A mutation of {@code good}: what a damaged download, a bad disk or a hostile writer gives. */
    static byte[] mutate(byte[] good, SplittableRandom r) {
        byte[] b = good.clone();
        switch (r.nextInt(4)) {
            case 0 -> b = java.util.Arrays.copyOf(good, r.nextInt(good.length));
            case 1 -> {
                for (int i = 1 + r.nextInt(8); i > 0; i--) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            case 2 -> { // a 32-bit field (a length, a size, an offset) at an extreme
                int at = r.nextInt(Math.max(1, b.length - 4));
                int v = new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x10000, 1}[r.nextInt(6)];
                for (int k = 0; k < 4 && at + k < b.length; k++) b[at + k] = (byte) (v >>> (24 - 8 * k));
            }
            default -> { // a chunk of the file repeated somewhere else in it
                int from = r.nextInt(good.length), len = 1 + r.nextInt(Math.min(64, good.length - from));
                int at = r.nextInt(good.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(good, 0, at);
                out.write(good, from, len);
                out.write(good, at, good.length - at);
                b = out.toByteArray();
            }
        }
        return b;
    }

    /** Reads each mutation of {@code good}; fails on anything but a read or a one-line refusal of {@code allowed} type. */
    private int fuzz(String what, byte[] good, String extension, Class<? extends Exception> allowed, Reader reader,
            java.util.function.BiFunction<byte[], SplittableRandom, byte[]> mutator) throws IOException {
        int refused = 0;
        for (int seed = 0; seed < CASES; seed++) {
            Path p = dir.resolve(what + "-" + seed + extension);
            Files.write(p, mutator.apply(good, new SplittableRandom(seed)));
            try {
                reader.read(p);
            } catch (Exception e) {
                if (!allowed.isInstance(e)) {
                    fail(what + " seed " + seed + ": " + e.getClass().getName() + " instead of " + allowed.getSimpleName() + ": " + e, e);
                }
                String m = e.getMessage();
                assertTrue(m != null && m.startsWith(p.toString()) && !m.contains("\n"), what + " seed " + seed + ": message '" + m + "'");
                refused++;
            } catch (Throwable t) {
                fail(what + " seed " + seed + ": " + t, t);
            } finally {
                Files.delete(p);
            }
        }
        return refused;
    }

    private static Surface sample() {
        Surface s = Surface.allocate(37, 23);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                int a = (x * 7 + y * 11) & 0xFF;
                s.setPixel(x, y, a << 24 | (a * x / 37) << 16 | (a * y / 23) << 8 | a / 2);
            }
        }
        return s;
    }

    @Test
    void mutatedImages_everyFormat_readOrRefusedWithOneLine() throws IOException {
        Surface s = sample();
        Map<String, byte[]> goods = new LinkedHashMap<>();
        for (ImageFiles.Format f : ImageFiles.Format.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageFiles.encode(s, f, out);
            goods.put("." + f.name().toLowerCase(java.util.Locale.ROOT), out.toByteArray());
        }
        goods.put(".cmyk.jpg", resource("/images/cmyk.jpg"));
        // the metadata read for orientation, colour profiles and a GIF's screen
        goods.put(".exif.jpg", dev.blendbench.engine.io.OrientationTest.jpegWithExif(s,
                dev.blendbench.engine.io.OrientationTest.exif(java.nio.ByteOrder.LITTLE_ENDIAN, 6)));
        goods.put(".iccp.png", dev.blendbench.engine.io.EmbeddedProfileTest.withChunk(goods.get(".png"), "iCCP",
                dev.blendbench.engine.io.EmbeddedProfileTest.iccp("linear",
                        java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData())));
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(ImageFiles.toStraightImage(s), "gif", gif);
        goods.put(".gif", gif.toByteArray());
        goods.put(".webp", resource("/images/strip.webp"));
        for (var e : goods.entrySet()) {
            int refused = fuzz("image", e.getValue(), e.getKey(), ImageReadException.class, p -> ImageFiles.read(p, IMAGE_LIMITS),
                    MutatedInputTest::mutate);
            assertTrue(refused > 0, e.getKey() + ": some mutations are refused (else the mutations do nothing)");
        }
    }

    @Test
    void aDecoderLoopingOnCorruptData_isStoppedWithOneLine() throws IOException {
        // this 73-byte mutation of a WebP made TwelveMonkeys' lossless decoder read zeros past the
        // end for about 40 s and then return an image; the read budget stops it
        Path p = dir.resolve("looping.webp");
        Files.write(p, mutate(resource("/images/strip.webp"), new SplittableRandom(21)));
        ImageReadException e = org.junit.jupiter.api.Assertions.assertThrows(ImageReadException.class, () -> ImageFiles.read(p, IMAGE_LIMITS));
        assertTrue(e.getMessage().startsWith(p + ": corrupt or truncated WEBP data") && e.getMessage().contains("the data is corrupt"), e.getMessage());
    }

    @Test
    void mutatedPsd_readOrRefusedWithOneLine() throws IOException {
        int[] ramp = new int[12 * 9];
        for (int i = 0; i < ramp.length; i++) ramp[i] = i * 7 % 256;
        for (byte[] good : List.of(resource("/documents/layered.psd"), resource("/documents/masks_gimp.psd"),
                resource("/documents/groups_gimp.psd"), resource("/documents/groups_reexported.psd"), resource("/documents/shapes_agpsd.psd"),
                PsdWriterForTests.write(20, 10, List.of(new PsdWriterForTests.L("a", 0, 0, 20, 10, 0xFF0000, "norm", true, "lfx2"))),
                PsdWriterForTests.write(20, 10, 16, List.of(new PsdWriterForTests.L("b", 2, 1, 16, 8, 0xFF0000, "norm", false, null,
                        PsdWriterForTests.M.of(3, 0, 12, 9, 255, 3, ramp)))))) {
            assertTrue(fuzz("psd", good, ".psd", DocumentException.class, p -> Documents.read(p, DOCUMENT_LIMITS),
                    MutatedInputTest::mutate) > 0);
            // the layer records alone, where our own parsing reads masks, groups, paths and descriptors
            fuzz("psd-records", good, ".psd", DocumentException.class, p -> Documents.read(p, DOCUMENT_LIMITS),
                    MutatedInputTest::mutateLayerRecords);
        }
    }

    /**
     * A mutation of a PSD within its layer records (between the layer-and-mask section's start and
     * its channels' data, approximately: the first 4 KB of the section): a byte, or a 32-bit field
     * at an extreme, as {@link #mutate} does over the whole file.
     */
    static byte[] mutateLayerRecords(byte[] good, SplittableRandom r) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(good);
        int at = 26;
        at += 4 + b.getInt(at); // colour mode data
        at += 4 + b.getInt(at); // image resources
        int from = at + 8, to = Math.min(good.length - 4, from + 4096);
        byte[] out = good.clone();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            int p = from + r.nextInt(Math.max(1, to - from));
            if (r.nextBoolean()) {
                out[p] = (byte) r.nextInt(256);
            } else {
                int v = new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x10000, 1, 255, 3}[r.nextInt(8)];
                for (int k = 0; k < 4 && p + k < out.length; k++) out[p + k] = (byte) (v >>> (24 - 8 * k));
            }
        }
        return out;
    }

    @Test
    void mutatedSavedComposites_readOrRefusedWithOneLine() throws IOException {
        Path ora = dir.resolve("c.ora"), psd = dir.resolve("c.psd");
        OpenRaster.write(OpenRasterTest.scene(), ora);
        PsdExport.write(new dev.blendbench.engine.scene.Scene(37, 23, 0, List.of(dev.blendbench.engine.scene.Layer.of("s", sample()))), psd);
        byte[] versioned = SavedCompositeTest.withVersionInfo(Files.readAllBytes(psd), true, 17);
        for (byte[] good : List.of(resource("/documents/layered.psd"), versioned)) {
            assertTrue(fuzz("composite", good, ".psd", DocumentException.class, p -> Documents.readComposite(p, DOCUMENT_LIMITS),
                    MutatedInputTest::mutate) > 0);
        }
        // the image resources, where our own parsing looks for the version info (bytes 30 to 64 of that file)
        fuzz("composite-resources", versioned, ".psd", DocumentException.class, p -> Documents.readComposite(p, DOCUMENT_LIMITS),
                (good, r) -> {
                    byte[] out = good.clone();
                    for (int i = 1 + r.nextInt(3); i > 0; i--) out[30 + r.nextInt(34)] = (byte) r.nextInt(256);
                    return out;
                });
        for (byte[] good : List.of(resource("/documents/krita.ora"), Files.readAllBytes(ora))) {
            assertTrue(fuzz("composite", good, ".ora", DocumentException.class, p -> Documents.readComposite(p, DOCUMENT_LIMITS),
                    MutatedInputTest::mutate) > 0);
        }
    }

    @Test
    void mutatedOpenRasterArchive_readOrRefusedWithOneLine() throws IOException {
        Path written = dir.resolve("good.ora");
        OpenRaster.write(OpenRasterTest.scene(), written);
        for (byte[] good : List.of(resource("/documents/krita.ora"), Files.readAllBytes(written), turned())) {
            assertTrue(fuzz("ora", good, ".ora", DocumentException.class, p -> Documents.read(p, DOCUMENT_LIMITS),
                    MutatedInputTest::mutate) > 0);
        }
    }

    /** An archive of ours with a turned, masked layer: its transform, filter, offset and own pixels in our attributes. */
    private static byte[] turned() throws IOException {
        byte[] v = new byte[20 * 10];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (i * 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenRaster.write(new dev.blendbench.engine.scene.Scene(60, 40, 0, List.of(dev.blendbench.engine.scene.Layer.of("s", sample()),
                dev.blendbench.engine.scene.Layer.of("t", sample()).withTransform(
                        dev.blendbench.engine.resample.Transform.place(37, 23, 4.5, 3.25, 0.8, 25), dev.blendbench.engine.resample.Filter.LANCZOS3)
                        .withMask(new dev.blendbench.engine.scene.LayerMask(v, 3, 2, 20, 10, 255, true)))), out);
        return out.toByteArray();
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)=\"[^\"]*\"");
    private static final List<String> HOSTILE_VALUES = List.of("", "-1", "0", "NaN", "Infinity", "-Infinity", "1e308", "-2147483648",
            "2147483647", "99999999999", "0.5.5", "abc", "../../etc/passwd", "/abs.png", "data/missing.png", "svg:nonsense",
            "\u0000", "1e-320", "  7  ", "hidden", "visible");

    /** The archive with one attribute of {@code stack.xml} given a hostile value (the rest of the archive kept). */
    static byte[] mutateStack(byte[] ora, SplittableRandom r) {
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zin = new ZipInputStream(new java.io.ByteArrayInputStream(ora))) {
                for (ZipEntry e; (e = zin.getNextEntry()) != null; ) entries.put(e.getName(), zin.readAllBytes());
            }
            String xml = new String(entries.get("stack.xml"), StandardCharsets.UTF_8);
            Matcher m = ATTRIBUTE.matcher(xml);
            List<int[]> spans = new java.util.ArrayList<>();
            while (m.find()) spans.add(new int[] {m.start(), m.end(), m.end(1)});
            for (int i = 1 + r.nextInt(2); i > 0; i--) {
                int[] span = spans.get(r.nextInt(spans.size()));
                String value = HOSTILE_VALUES.get(r.nextInt(HOSTILE_VALUES.size()));
                String attr = xml.substring(span[0], span[2]) + "=\"" + value + "\"";
                xml = xml.substring(0, span[0]) + attr + xml.substring(span[1]);
                spans.clear();
                m = ATTRIBUTE.matcher(xml);
                while (m.find()) spans.add(new int[] {m.start(), m.end(), m.end(1)});
            }
            entries.put("stack.xml", xml.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var e : entries.entrySet()) {
                    if (e.getKey().equals("mimetype")) {
                        OpenRasterTest.putStored(zip, e.getKey(), e.getValue());
                    } else {
                        zip.putNextEntry(new ZipEntry(e.getKey()));
                        zip.write(e.getValue());
                    }
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void openRasterWithHostileStackAttributes_readOrRefusedWithOneLine() throws IOException {
        Path written = dir.resolve("good.ora");
        OpenRaster.write(OpenRasterTest.scene(), written);
        int refused = 0;
        for (byte[] good : List.of(resource("/documents/krita.ora"), Files.readAllBytes(written), turned())) {
            refused += fuzz("ora-xml", good, ".ora", DocumentException.class, p -> Documents.read(p, DOCUMENT_LIMITS),
                    MutatedInputTest::mutateStack);
        }
        assertTrue(refused > 0);
        assertFalse(refused == 3 * CASES, "some hostile values are read (a hidden layer, a blank attribute)");
    }
}

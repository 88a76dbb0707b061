package dev.blendbench.engine.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.diff.ImageDiff;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Documents#readComposite}: the composite a document holds beside its layers, as the program
 * that saved it flattened them, for {@code diff} to hold Blendbench's render against.
 */
class SavedCompositeTest {
    @TempDir
    Path dir;

    private static Scene translucent() {
        Surface s = Surface.allocate(30, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) s.setPixel(x, y, Argb.premultiply((x * 8) << 24 | (y * 12) << 16 | 0x3070));
        }
        return new Scene(30, 20, 0, List.of(new Layer("ramp", s, 0, 0, BlendMode.NORMAL, 0.9f, true),
                new Layer("over", Surface.filled(10, 10, 0x80402000), 5, 5, BlendMode.MULTIPLY, 1f, true)));
    }

    private static Surface render(Scene s) {
        Surface out = Surface.allocate(s.width(), s.height());
        TileRenderer.singleThreaded().render(s, out);
        return out;
    }

    @Test
    void anOpenRasterFilesMergedImage_isReadAsSaved() throws IOException {
        Path p = dir.resolve("a.ora");
        OpenRaster.write(translucent(), p);
        assertArrayEquals(render(translucent()).toArray(), Documents.readComposite(p, DocumentLimits.DEFAULT).toArray());
    }

    @Test
    void aPhotoshopFilesMergedImage_comesBackWithoutItsWhiteMatte() throws IOException {
        Path p = dir.resolve("a.psd");
        PsdExport.write(translucent(), p);
        // premultiplied, within the rounding of taking the white out again
        assertTrue(ImageDiff.of(render(translucent()), Documents.readComposite(p, DocumentLimits.DEFAULT), 1).withinTolerance());
    }

    /**
     * {@code psd} with an image resources section holding one version-info resource (1057), as
     * Photoshop writes it: its version, whether the merged image is real, the writer's and reader's
     * names (empty here) and the file version; {@code declaredSize} is what the resource says its
     * data takes (17).
     */
    static byte[] withVersionInfo(byte[] psd, boolean realMergedData, int declaredSize) {
        ByteBuffer res = ByteBuffer.allocate(30);
        res.put("8BIM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 1057).put(new byte[2]) // empty name, padded
                .putInt(declaredSize).putInt(1).put((byte) (realMergedData ? 1 : 0)).putInt(0).putInt(0).putInt(1)
                .put((byte) 0); // padded to even
        // header (26 bytes), colour mode data's length (0), then the image resources' length, 0 in ours
        assertEquals(0, ByteBuffer.wrap(psd, 30, 4).getInt());
        ByteBuffer out = ByteBuffer.allocate(psd.length + 30);
        out.put(psd, 0, 30).putInt(30).put(res.array()).put(psd, 34, psd.length - 34);
        return out.array();
    }

    @Test
    void aPhotoshopFileSavedWithoutMaximizeCompatibility_saysItHoldsNoComposite() throws IOException {
        Path plain = dir.resolve("plain.psd");
        PsdExport.write(translucent(), plain);
        byte[] bytes = Files.readAllBytes(plain);
        Path real = Files.write(dir.resolve("real.psd"), withVersionInfo(bytes, true, 17));
        assertTrue(ImageDiff.of(render(translucent()), Documents.readComposite(real, DocumentLimits.DEFAULT), 1).withinTolerance());
        assertEquals(2, PsdImport.read(real).scene().layers().size(), "the resource does not disturb the layers");
        Path placeholder = Files.write(dir.resolve("placeholder.psd"), withVersionInfo(bytes, false, 17));
        DocumentException e = assertThrows(DocumentException.class, () -> Documents.readComposite(placeholder, DocumentLimits.DEFAULT));
        assertEquals(placeholder + ": holds no composite (saved without Photoshop's \"Maximize compatibility\")", e.getMessage());
    }

    @Test
    void hostileResources_failWithAOneLineReason_orAreSteppedOver() throws IOException {
        Path plain = dir.resolve("plain.psd");
        PsdExport.write(translucent(), plain);
        byte[] bytes = Files.readAllBytes(plain);
        // a resource that claims more bytes than its section has: not believed (nor by the image reader)
        Path overlong = Files.write(dir.resolve("overlong.psd"), withVersionInfo(bytes, false, 1 << 30));
        DocumentException over = assertThrows(DocumentException.class, () -> Documents.readComposite(overlong, DocumentLimits.DEFAULT));
        assertTrue(over.getMessage().startsWith(overlong + ": ") && !over.getMessage().contains("\n"), over.getMessage());
        // a section that runs past the end of the file
        byte[] cut = Arrays.copyOf(bytes, 40);
        ByteBuffer.wrap(cut, 30, 4).putInt(1 << 20);
        Path truncated = Files.write(dir.resolve("truncated.psd"), cut);
        DocumentException e = assertThrows(DocumentException.class, () -> Documents.readComposite(truncated, DocumentLimits.DEFAULT));
        assertTrue(e.getMessage().startsWith(truncated + ": not a readable Photoshop file ("), e.getMessage());
        Path notPsd = Files.writeString(dir.resolve("text.psd"), "hello, not a PSD");
        e = assertThrows(DocumentException.class, () -> Documents.readComposite(notPsd, DocumentLimits.DEFAULT));
        assertEquals(notPsd + ": not a readable Photoshop file (not a PSD file)", e.getMessage());
        assertThrows(DocumentException.class, () -> Documents.readComposite(dir.resolve("missing.psd"), DocumentLimits.DEFAULT));
    }

    @Test
    void anOpenRasterFileWithoutAMergedImage_saysSo_andOneOverThePixelLimitIsRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("mimetype"));
            z.write(OpenRaster.MIMETYPE.getBytes(StandardCharsets.US_ASCII));
            z.putNextEntry(new ZipEntry("stack.xml"));
            z.write("<image w='4' h='4'><stack/></image>".getBytes(StandardCharsets.UTF_8));
        }
        Path p = Files.write(dir.resolve("old.ora"), zip.toByteArray());
        DocumentException e = assertThrows(DocumentException.class, () -> Documents.readComposite(p, DocumentLimits.DEFAULT));
        assertEquals(p + ": holds no composite (no mergedimage.png)", e.getMessage());

        Path big = dir.resolve("big.ora");
        OpenRaster.write(translucent(), big);
        e = assertThrows(DocumentException.class, () -> Documents.readComposite(big, DocumentLimits.DEFAULT.withMaxPixels(100)));
        assertTrue(e.getMessage().startsWith(big + ": mergedimage.png"), e.getMessage());
        Path text = Files.writeString(dir.resolve("text.ora"), "not a zip");
        assertThrows(DocumentException.class, () -> Documents.readComposite(text, DocumentLimits.DEFAULT));
    }
}

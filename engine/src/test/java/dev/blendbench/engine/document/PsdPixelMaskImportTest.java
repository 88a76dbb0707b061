package dev.blendbench.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Photoshop import: pixel masks in every compression and depth, their density, feather, defaults, and masks whose data lies. */
class PsdPixelMaskImportTest extends PsdImportTestBase {
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
}

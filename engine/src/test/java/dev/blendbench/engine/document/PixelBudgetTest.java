package dev.blendbench.engine.document;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.surface.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixels a document's layers may take in all, known from their headers before any is decoded. */
class PixelBudgetTest {
    @TempDir
    Path dir;

    private static final long GIB = 1L << 30;

    @Test
    void layersWithinTheCap_areTaken_andTheOneThatPassesItIsNamed() throws Exception {
        PixelBudget b = new PixelBudget("doc.ora", DocumentLimits.DEFAULT.withMaxTotalPixels(1_000), () -> 64 * GIB);
        b.take("a", 20, 25);
        b.take("b", 20, 25);
        DocumentException e = assertThrows(DocumentException.class, () -> b.take("c <top>", 1, 1));
        assertEquals("doc.ora: its layers declare more than 1,000 pixels in all (1,001 pixels with layer 'c <top>', 1x1)", e.getMessage());
    }

    @Test
    void layersTheHeapCannotHold_areRefusedWithWhatTheyNeed() throws Exception {
        // 3/4 of a 1 GiB heap: 192 Mi pixels of 4 bytes
        PixelBudget b = new PixelBudget("big.psd", DocumentLimits.DEFAULT, () -> GIB);
        b.take("one", 10_000, 10_000); // 400 MB
        b.take("two", 10_000, 10_000 / 100 * 98); // 392 MB: 0.73 GiB in all
        DocumentException e = assertThrows(DocumentException.class, () -> b.take("three", 1_000, 10_000));
        assertEquals("big.psd: its layers need 0.8 GiB decoded (208.0 megapixels with layer 'three', 1000x10000), more than this JVM's"
                + " heap of 1.0 GiB can hold; give java a larger heap (-Xmx)", e.getMessage());
        assertDoesNotThrow(() -> new PixelBudget("big.psd", DocumentLimits.DEFAULT, () -> 4 * GIB).take("both", 20_000, 10_000));
    }

    private static byte[] png(int w, int h) {
        Surface s = Surface.allocate(w, h);
        s.fill(0xFF204060);
        return ImageFiles.encodePng(s);
    }

    /** An .ora of {@code layers} (name → src, top first) over the given files. */
    private Path ora(String name, Map<String, String> layers, Map<String, byte[]> files) throws Exception {
        StringBuilder xml = new StringBuilder("<image w='100' h='100'><stack>");
        layers.forEach((n, src) -> xml.append("<layer name='").append(n).append("' src='").append(src).append("'/>"));
        xml.append("</stack></image>");
        Map<String, Surface> none = Map.of();
        byte[] zip = OpenRasterTest.ora(xml.toString(), none);
        Path p = dir.resolve(name);
        // add the files as raw bytes (a truncated one included) after the stack
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
            try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    byte[] data = in.readAllBytes();
                    if (e.getName().equals("mimetype")) OpenRasterTest.putStored(out, "mimetype", data);
                    else {
                        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                        out.write(data);
                    }
                }
            }
            for (var f : files.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
                out.write(f.getValue());
            }
        }
        return p;
    }

    @Test
    void aDocumentWhoseLayersPassTheCap_isRefusedBeforeAnyLayerIsDecoded() throws Exception {
        byte[] whole = png(100, 100);
        byte[] truncated = Arrays.copyOf(whole, 60); // its header whole, its pixels cut off: decoding it would fail
        Map<String, String> layers = new LinkedHashMap<>();
        layers.put("top", "data/a.png");
        layers.put("bottom", "data/cut.png"); // read first
        Path p = ora("cut.ora", layers, Map.of("data/a.png", whole, "data/cut.png", truncated));
        DocumentException e = assertThrows(DocumentException.class,
                () -> OpenRaster.read(p, DocumentLimits.DEFAULT.withMaxTotalPixels(15_000)));
        assertTrue(e.getMessage().contains("its layers declare more than 15,000 pixels in all (20,000 pixels with layer"), e.getMessage());
        e = assertThrows(DocumentException.class, () -> OpenRaster.read(p, DocumentLimits.DEFAULT));
        assertTrue(e.getMessage().contains("corrupt or truncated"), "within the cap, the cut layer is what is wrong: " + e.getMessage());
    }

    @Test
    void aFileSharedByTwoLayers_countsOnce() throws Exception {
        Map<String, String> shared = new LinkedHashMap<>(), distinct = new LinkedHashMap<>();
        shared.put("top", "data/a.png");
        shared.put("bottom", "data/a.png");
        distinct.put("top", "data/a.png");
        distinct.put("bottom", "data/b.png");
        Map<String, byte[]> files = Map.of("data/a.png", png(100, 100), "data/b.png", png(100, 100));
        DocumentLimits cap = DocumentLimits.DEFAULT.withMaxTotalPixels(15_000);
        List<Layer> layers = OpenRaster.read(ora("shared.ora", shared, files), cap).scene().layers();
        assertEquals(2, layers.size());
        assertThrows(DocumentException.class, () -> OpenRaster.read(ora("distinct.ora", distinct, files), cap));
    }

    @Test
    void aPsdWhoseLayersPassTheCap_isRefused_naming_theLayer() throws Exception {
        Path p = dir.resolve("big.psd");
        Files.write(p, PsdWriterForTests.write(40, 30, List.of(
                new PsdWriterForTests.L("base", 0, 0, 40, 30, 0x336699, "norm", false, null),
                new PsdWriterForTests.L("over", 0, 0, 40, 30, 0xFF0000, "scrn", false, null))));
        assertEquals(2, PsdImport.read(p, DocumentLimits.DEFAULT.withMaxTotalPixels(2_400)).scene().layers().size());
        DocumentException e = assertThrows(DocumentException.class, () -> PsdImport.read(p, DocumentLimits.DEFAULT.withMaxTotalPixels(2_399)));
        assertTrue(e.getMessage().contains("its layers declare more than 2,399 pixels in all (2,400 pixels with layer"), e.getMessage());
    }

    @Test
    void raisingTheLayerCap_raisesTheTotalWithIt() {
        assertEquals(1_000_000_000L, DocumentLimits.DEFAULT.withMaxPixels(5).maxTotalPixels());
        assertEquals(3_000_000_000L, DocumentLimits.DEFAULT.withMaxPixels(3_000_000_000L).maxTotalPixels());
        assertThrows(IllegalArgumentException.class, () -> DocumentLimits.DEFAULT.withMaxTotalPixels(0));
    }
}

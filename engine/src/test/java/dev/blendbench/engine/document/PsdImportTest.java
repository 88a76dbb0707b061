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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsdImportTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/documents/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

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
    void masksAdjustmentLayersAndEffects_areNamedInWarnings() throws IOException {
        Path p = dir.resolve("features.psd");
        Files.write(p, PsdWriterForTests.write(40, 30, List.of(
                new PsdWriterForTests.L("base", 0, 0, 40, 30, 0x336699, "norm", false, null),
                new PsdWriterForTests.L("masked", 5, 5, 10, 10, 0xFF0000, "scrn", true, null),
                new PsdWriterForTests.L("shadowed", 8, 2, 6, 6, 0x00FF00, "norm", false, "lfx2"),
                new PsdWriterForTests.L("Levels 1", 0, 0, 40, 30, 0x000000, "norm", false, "levl"),
                new PsdWriterForTests.L("odd", 1, 1, 3, 3, 0x0000FF, "diss", false, null))));
        LoadedScene s = PsdImport.read(p);
        assertEquals(List.of("base", "masked", "shadowed", "odd"), s.scene().layers().stream().map(Layer::name).toList());
        assertEquals(BlendMode.SCREEN, s.scene().layers().get(1).mode());
        String all = String.join("\n", s.warnings());
        assertTrue(all.contains("'masked': layer mask"), all);
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

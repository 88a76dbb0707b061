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
    void notAPsd_failsWithOneLine() throws IOException {
        Path p = dir.resolve("x.psd");
        Files.writeString(p, "8BPS but not really");
        DocumentException e = assertThrows(DocumentException.class, () -> PsdImport.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertThrows(DocumentException.class, () -> PsdImport.read(dir.resolve("missing.psd")));
    }
}

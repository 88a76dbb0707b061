package dev.blendbench.engine.document;

import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** What the Photoshop import tests share: a folder, the fixtures copied into it, small documents written to it. */
abstract class PsdImportTestBase {
    @TempDir
    Path dir;

    /** The fixture {@code /documents/name}, copied into the folder. */
    Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/documents/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** A 10x10 document of {@code layers}, written and read back. */
    LoadedScene psd(String file, DocumentLimits limits, PsdWriterForTests.L... layers) throws IOException {
        Path p = dir.resolve(file);
        Files.write(p, PsdWriterForTests.write(10, 10, List.of(layers)));
        return PsdImport.read(p, limits);
    }

    /** The pixel at (x, y) of the scene rendered. */
    static int renderedAt(LoadedScene s, int x, int y) {
        Surface out = Surface.allocate(s.scene().width(), s.scene().height());
        TileRenderer.singleThreaded().render(s.scene(), out);
        return out.getPixel(x, y);
    }

    /** What an opaque red layer's pixel must be where its mask's value is {@code v}: red scaled by it. */
    static int redScaledBy(int v) {
        int a = (255 * v + 127) / 255;
        return a << 24 | a << 16;
    }
}

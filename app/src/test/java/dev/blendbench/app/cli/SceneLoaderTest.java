package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneLoaderTest {
    @TempDir
    Path dir;

    private Path png(String name, int argb) throws Exception {
        Surface s = Surface.allocate(8, 6);
        s.fill(argb);
        Path p = dir.resolve(name);
        Files.write(p, ImageFiles.encodePng(s));
        return p;
    }

    private static Scene load(String... layers) {
        return SceneLoader.load(List.of(layers).stream().map(LayerSpec::parse).toList(), null, null, 1_000_000, new PrintWriter(new StringWriter()));
    }

    @Test
    void anImageGivenTwice_isDecodedOnce_andItsLayersShareItsPixels() throws Exception {
        Path over = png("over.png", 0x80402010), base = png("base.png", 0xFF000000);
        // the same file named two ways: as given, and through its folder's "."
        Scene s = load(base.toString(), over.toString(), dir.resolve(".").resolve("over.png") + ":mode=multiply:opacity=0.6:x=2:y=1");
        assertSame(s.layers().get(1).source(), s.layers().get(2).source());
        assertEquals(BlendMode.MULTIPLY, s.layers().get(2).mode());
        assertEquals(2, s.layers().get(2).x());
        assertNotSame(s.layers().get(0).source(), s.layers().get(1).source());
    }
}

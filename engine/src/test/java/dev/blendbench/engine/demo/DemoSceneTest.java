package dev.blendbench.engine.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.SceneAssertions;
import dev.blendbench.engine.document.DocumentException;
import dev.blendbench.engine.document.LoadedScene;
import dev.blendbench.engine.document.OpenRaster;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSceneTest {
    static final Path ASSETS = Path.of("..", "assets", "demo");

    /** Regenerates the assets: {@code mvn -pl engine test -Dtest=DemoSceneTest -Dblendbench.writeAssets=true}. */
    @Test
    void assets_equalGeneratedSurfaces() throws IOException {
        Surface bg = DemoScene.background();
        Surface ov = DemoScene.overlay();
        if (Boolean.getBoolean("blendbench.writeAssets")) {
            Files.createDirectories(ASSETS);
            ImageFiles.write(bg, ASSETS.resolve("background.png"));
            ImageFiles.write(ov, ASSETS.resolve("overlay.png"));
        }
        assertArrayEquals(bg.toArray(), ImageFiles.read(ASSETS.resolve("background.png")).toArray());
        assertArrayEquals(ov.toArray(), ImageFiles.read(ASSETS.resolve("overlay.png")).toArray());
    }

    /** The workbench's demo scene as an OpenRaster document, for other tools and the CLI. */
    @Test
    void sceneOra_isTheDemoScene() throws IOException, DocumentException {
        Scene want = DemoScene.scene();
        if (Boolean.getBoolean("blendbench.writeAssets")) {
            OpenRaster.write(want, ASSETS.resolve("scene.ora"));
        }
        LoadedScene read = OpenRaster.read(ASSETS.resolve("scene.ora"));
        assertEquals(List.of(), read.warnings());
        SceneAssertions.assertSameScene(want, read.scene());
        // the overlay drawn twice is one surface, as in memory: a stress session of the file does the same memory traffic
        org.junit.jupiter.api.Assertions.assertSame(read.scene().layers().get(1).source(), read.scene().layers().get(2).source());
    }

    @Test
    void overlay_hasTransparentOpaqueAndPartialAreas() {
        int[] p = DemoScene.overlay().array();
        int transparent = 0, opaque = 0, partial = 0;
        for (int v : p) {
            int a = v >>> 24;
            if (a == 0) transparent++;
            else if (a == 255) opaque++;
            else partial++;
        }
        assertTrue(transparent > p.length / 4 && opaque > 10_000 && partial > 10_000,
                transparent + " / " + opaque + " / " + partial);
        assertTrue(DemoScene.background().isValidPremultiplied());
    }
}

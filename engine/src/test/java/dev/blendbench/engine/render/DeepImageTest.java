package dev.blendbench.engine.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.colour.Srgb;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A linear-light scene at 16 bits a channel: distinct where 8 bits merge, the same for any thread count, and written so. */
class DeepImageTest {
    static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @TempDir
    Path dir;

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    /** A dark gradient 2048 wide (sRGB 0 … 40 over black) under 12 translucent layers: a deep stack's shadows. */
    static Scene darkStack() {
        int w = 2048, h = 70;
        List<Layer> layers = new ArrayList<>();
        Surface ramp = Surface.allocate(w, h);
        for (int x = 0; x < w; x++) {
            int v = x * 40 / (w - 1);
            for (int y = 0; y < h; y++) ramp.setPixel(x, y, 0xFF000000 | v << 16 | v << 8 | v);
        }
        layers.add(Layer.of("ramp", ramp));
        for (int i = 0; i < 12; i++) {
            Surface veil = Surface.allocate(w, h);
            veil.fill(0xFF000000 | (i * 20) << 16 | 0x3060);
            layers.add(new Layer("veil " + i, veil, 0, 0, i % 2 == 0 ? BlendMode.MULTIPLY : BlendMode.SCREEN, 0.07f, true));
        }
        return new Scene(w, h, 0xFF000000, layers, BlendSpace.LINEAR);
    }

    @Test
    void samples_areTheFloatCompositeEncodedOnce_withTheExactCurve() {
        Scene s = darkStack();
        DeepImage img = DeepImage.render(s, POOL, 3);
        float[] lin = new float[4 * s.width() * s.height()];
        TileRenderer.compositeLinear(s, new Rect(0, 0, s.width(), s.height()), lin);
        for (int y = 0; y < s.height(); y += 23) {
            for (int x = 0; x < s.width(); x++) {
                int i = 4 * (y * s.width() + x);
                double a = Math.clamp(lin[i], 0, 1);
                assertEquals(Math.round(a * 65535), img.sample(x, y, 3));
                for (int c = 0; c < 3; c++) {
                    long want = Math.round(Srgb.toEncoded(Math.clamp(lin[i + 1 + c] / a, 0, 1)) * 65535);
                    assertEquals(want, img.sample(x, y, c), "(" + x + ", " + y + ") channel " + c);
                }
            }
        }
    }

    @Test
    void aDarkGradient_keepsEveryInputLevelDistinct_where8BitsMergeThem() {
        Scene s = darkStack();
        DeepImage deep = DeepImage.render(s, Runnable::run, 1);
        Surface eight = Surface.allocate(s.width(), s.height());
        TileRenderer.singleThreaded().render(s, eight);
        Set<Integer> deepLevels = new HashSet<>(), eightLevels = new HashSet<>();
        for (int x = 0; x < s.width(); x++) {
            deepLevels.add(deep.sample(x, 10, 1));
            eightLevels.add((eight.getPixel(x, 10) >>> 8) & 0xFF);
        }
        System.out.printf("dark 12-layer stack, 2048 px: %d levels at 16 bits, %d at 8%n", deepLevels.size(), eightLevels.size());
        // the ramp has 41 levels (sRGB 0 … 40); the veils squeeze them into half as many 8-bit steps: bands
        assertEquals(41, deepLevels.size(), "every input level distinct at 16 bits");
        assertTrue(eightLevels.size() <= 20, eightLevels.size() + " 8-bit levels");
    }

    @Test
    void samples_areTheSameForEveryParallelism() {
        Scene s = darkStack();
        short[] one = DeepImage.render(s, Runnable::run, 1).rgba();
        for (int p : new int[] {2, 3, 7}) assertArrayEquals(one, DeepImage.render(s, POOL, p).rgba(), p + " tasks");
    }

    @Test
    void anSrgbScene_isRefused_forItsCompositeIs8Bit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeepImage.render(darkStack().withBlendSpace(BlendSpace.SRGB), Runnable::run, 1));
        assertTrue(e.getMessage().contains("linear"), e.getMessage());
    }

    @Test
    void pngAndTiff_holdTheSixteenBitSamples() throws Exception {
        Scene s = darkStack();
        DeepImage img = DeepImage.render(s, POOL, 2);
        for (String name : new String[] {"deep.png", "deep.tif"}) {
            Path p = dir.resolve(name);
            ImageFiles.writeDeep(img.width(), img.height(), img.rgba(), p);
            Raster r = ImageIO.read(p.toFile()).getRaster();
            assertEquals(16, r.getSampleModel().getSampleSize(0), name);
            int[] px = new int[4];
            for (int x = 0; x < img.width(); x += 97) {
                r.getPixel(x, 33, px);
                for (int c = 0; c < 4; c++) assertEquals(img.sample(x, 33, c), px[c], name + " (" + x + ", 33) channel " + c);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ImageFiles.writeDeep(img.width(), img.height(), img.rgba(), dir.resolve("deep.jpg")));
    }
}

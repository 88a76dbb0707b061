package dev.blendbench.engine.blend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A linear-light scene renders every mode as the spec says: a translucent backdrop layer and, over
 * part of the canvas, a layer in the mode under test at 60 % opacity, against the float64
 * reference of the whole chain: each 8-bit pixel decoded with the exact sRGB curve, blended by
 * {@link ReferenceBlend}, encoded with the exact curve and quantised as the renderer documents
 * (alpha to 8 bits, colour re-premultiplied by it). Outside the layer its source is transparent,
 * which the modes that clear outside their source must act on across the canvas.
 */
class LinearLightModesTest {
    static final int W = 96, H = 64, LX = 20, LY = 12;

    static Surface noise(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int kind = rnd.nextInt(6);
                int a = kind == 0 ? 0 : kind == 1 ? 255 : rnd.nextInt(256);
                int r = rnd.nextInt(a + 1), g = rnd.nextInt(10) == 0 ? a : rnd.nextInt(a + 1), b = rnd.nextInt(a + 1);
                s.setPixel(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void everyMode_inLinearLight_rendersTheReferenceWithinOneLevel(BlendMode mode) {
        Surface backdrop = noise(W, H, 5), top = noise(W - 2 * LX, H - 2 * LY, 11 + mode.ordinal());
        int background = 0x80402010;
        Scene scene = new Scene(W, H, background, List.of(
                new Layer("backdrop", backdrop, 0, 0, BlendMode.SOURCE_OVER, 1f, true),
                new Layer("top", top, LX, LY, mode, 0.6f, true)), BlendSpace.LINEAR);
        Surface out = Surface.allocate(W, H);
        TileRenderer.singleThreaded().render(scene, out);
        int worst = 0;
        String where = "";
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[] acc = ReferenceBlend.composite(BlendMode.SOURCE_OVER, LinearLight.decode(backdrop.getPixel(x, y)), LinearLight.decode(background), 1);
                boolean inside = x >= LX && x < W - LX && y >= LY && y < H - LY;
                double[] src = inside ? LinearLight.decode(top.getPixel(x - LX, y - LY)) : new double[4];
                int want = LinearLight.encode(ReferenceBlend.composite(mode, src, acc, 0.6f)), got = out.getPixel(x, y);
                for (int s = 0; s < 32; s += 8) {
                    int d = Math.abs(((want >>> s) & 0xFF) - ((got >>> s) & 0xFF));
                    if (d > worst) {
                        worst = d;
                        where = "(" + x + ", " + y + "): want " + Integer.toHexString(want) + ", got " + Integer.toHexString(got);
                    }
                }
            }
        }
        assertTrue(worst <= 1, mode + ": off by " + worst + " at " + where);
    }
}

package dev.blendbench.engine.render;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.colour.Srgb;
import dev.blendbench.engine.resample.Bands;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import java.util.concurrent.Executor;

/**
 * A linear-light scene rendered at 16 bits a channel: what {@link TileRenderer} composites in
 * float, encoded to sRGB with the exact curve and quantised once, to 16 bits instead of 8, so that
 * a deep stack's smooth gradients reach the file without 8-bit banding. Straight (not
 * premultiplied) {@code R, G, B, A}, row-major, four shorts a pixel: what 16-bit PNG and TIFF store.
 * Immutable once made.
 */
public final class DeepImage {
    /** Rows composited at once: a band's float buffer stays a few MB whatever the width. */
    static final int BAND = 64;

    private final int width, height;
    private final short[] rgba;

    private DeepImage(int width, int height, short[] rgba) {
        this.width = width;
        this.height = height;
        this.rgba = rgba;
    }

    public int width() { return width; }

    public int height() { return height; }

    /** The samples (a copy): {@code R, G, B, A} unsigned 16-bit a pixel, straight alpha. */
    public short[] rgba() { return rgba.clone(); }

    /** The sample of channel {@code c} (0 R, 1 G, 2 B, 3 A) at (x, y), 0 … 65535. */
    public int sample(int x, int y, int c) { return rgba[4 * (y * width + x) + c] & 0xFFFF; }

    /**
     * Renders {@code scene}, which must blend in linear light, its bands of rows shared among up
     * to {@code parallelism} tasks (the caller runs one, {@code executor} the others). The samples
     * are the same for any parallelism.
     *
     * @throws IllegalArgumentException for a scene that blends in sRGB (its composite is 8-bit
     *                                  through and through: 16 bits would only pad it), or a
     *                                  parallelism below 1
     */
    public static DeepImage render(Scene given, Executor executor, int parallelism) {
        Scene scene = given.inlined();
        if (scene.blendSpace() != BlendSpace.LINEAR) {
            throw new IllegalArgumentException("a 16-bit render needs a linear-light scene: the srgb blend space composites in 8 bits");
        }
        int w = scene.width(), h = scene.height();
        short[] out = new short[4 * w * h];
        Bands.run(h, BAND, executor, parallelism, () -> new float[4 * w * Math.min(BAND, h)], (y0, y1, lin) -> {
            TileRenderer.compositeLinear(scene, new Rect(0, y0, w, y1 - y0), lin);
            encode(lin, 4 * w * (y1 - y0), out, 4 * w * y0);
        });
        return new DeepImage(w, h, out);
    }

    /** Premultiplied linear {@code a, r, g, b} floats to straight sRGB-encoded 16-bit {@code R, G, B, A}. */
    static void encode(float[] lin, int n, short[] out, int outOff) {
        for (int i = 0; i < n; i += 4) {
            double a = Math.clamp(lin[i], 0f, 1f);
            int o = outOff + i;
            out[o + 3] = (short) Math.round(a * 65535);
            for (int c = 0; c < 3; c++) {
                double straight = a == 0 ? 0 : Math.clamp(lin[i + 1 + c] / a, 0, 1);
                out[o + c] = (short) Math.round(Srgb.toEncoded(straight) * 65535);
            }
        }
    }
}

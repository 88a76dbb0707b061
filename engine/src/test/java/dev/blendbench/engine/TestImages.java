package dev.blendbench.engine;

import dev.blendbench.engine.surface.Surface;
import java.util.SplittableRandom;

/** Deterministic test surfaces. */
public final class TestImages {
    private TestImages() {}

    /** Random valid premultiplied pixels; about a third transparent, a third opaque. */
    public static Surface random(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        int[] a = s.array();
        for (int i = 0; i < a.length; i++) {
            int kind = rnd.nextInt(3);
            int alpha = kind == 0 ? 0 : kind == 1 ? 255 : rnd.nextInt(256);
            a[i] = randomPixel(rnd, alpha);
        }
        return s;
    }

    /** Blocks of 40×40 pixels, each block transparent, opaque or mixed, so spans get skipped. */
    public static Surface blocky(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        int bw = (w + 39) / 40;
        int[] kinds = new int[bw * ((h + 39) / 40)];
        for (int i = 0; i < kinds.length; i++) kinds[i] = rnd.nextInt(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int kind = kinds[(y / 40) * bw + x / 40];
                int alpha = kind == 0 ? 0 : kind == 1 ? 255 : rnd.nextInt(256);
                s.setPixel(x, y, randomPixel(rnd, alpha));
            }
        }
        return s;
    }

    public static int randomPixel(SplittableRandom rnd, int alpha) {
        if (alpha == 0) return 0;
        int r = rnd.nextInt(alpha + 1), g = rnd.nextInt(alpha + 1), b = rnd.nextInt(alpha + 1);
        return (alpha << 24) | (r << 16) | (g << 8) | b;
    }
}

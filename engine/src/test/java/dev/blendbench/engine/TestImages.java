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

    /**
     * Soft-edged discs as real layers have them: opaque interiors, rims a few pixels wide with every
     * alpha between, transparent around them; the rims' alpha also varies with noise, so runs of
     * every kind and length start and end at arbitrary columns.
     */
    public static Surface discs(int w, int h, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        double[][] c = new double[count][];
        for (int i = 0; i < count; i++) {
            c[i] = new double[] {rnd.nextDouble() * w, rnd.nextDouble() * h, 5 + rnd.nextDouble() * w / 3};
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double best = 0;
                for (double[] d : c) {
                    best = Math.max(best, (d[2] - Math.hypot(x - d[0], y - d[1])) / 6); // a 6-pixel rim
                }
                int alpha = best >= 1 ? 255 : best <= 0 ? 0 : (int) Math.max(1, Math.min(254, best * 255 + rnd.nextInt(9) - 4));
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

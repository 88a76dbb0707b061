package dev.blendbench.bench;

import dev.blendbench.engine.surface.Surface;
import java.util.SplittableRandom;

/** Deterministic benchmark inputs. */
final class Data {
    private Data() {}

    /** Random premultiplied pixels with random alpha: no span can be skipped or copied. */
    static Surface noise(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        int[] a = s.array();
        for (int i = 0; i < a.length; i++) {
            int alpha = rnd.nextInt(256);
            int r = rnd.nextInt(alpha + 1), g = rnd.nextInt(alpha + 1), b = rnd.nextInt(alpha + 1);
            a[i] = (alpha << 24) | (r << 16) | (g << 8) | b;
        }
        return s;
    }

    /**
     * A layer like real ones: soft-edged shapes with semi-transparent rims, opaque interiors and
     * transparent surroundings (about {@code coverage} of the area non-transparent).
     */
    static Surface shapes(int w, int h, long seed, double coverage) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        int n = 6;
        double r = Math.sqrt(coverage * w * h / (n * Math.PI));
        double[][] c = new double[n][];
        int[] colour = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = new double[] {rnd.nextDouble() * w, rnd.nextDouble() * h};
            colour[i] = rnd.nextInt(1 << 24);
        }
        int[] a = s.array();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int best = 0;
                for (int i = 0; i < n; i++) {
                    double d = Math.hypot(x - c[i][0], y - c[i][1]);
                    int alpha = (int) Math.max(0, Math.min(255, (r - d) * 255 / 24)); // 24 px soft rim
                    if (alpha > (best >>> 24)) {
                        int rgb = colour[i];
                        best = (alpha << 24) | (mul((rgb >> 16) & 0xFF, alpha) << 16)
                                | (mul((rgb >> 8) & 0xFF, alpha) << 8) | mul(rgb & 0xFF, alpha);
                    }
                }
                a[y * w + x] = best;
            }
        }
        return s;
    }

    /** Opaque and transparent vertical stripes {@code width} pixels wide, shifted right by {@code shift}. */
    static Surface stripes(int w, int h, int width, int shift) {
        Surface s = Surface.allocate(w, h);
        int[] a = s.array();
        int colour = 0xFF000000 | (shift * 0x010305 & 0xFFFFFF);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y * w + x] = ((x + shift) / width) % 2 == 0 ? colour : 0;
            }
        }
        return s;
    }

    private static int mul(int c, int a) {
        return (c * a + 127) / 255;
    }

    /** An opaque image (noise with every pixel's alpha at 255), as a photograph would be. */
    static Surface photo(int w, int h, long seed) {
        Surface s = noise(w, h, seed);
        int[] p = s.array();
        for (int i = 0; i < p.length; i++) p[i] |= 0xFF000000;
        return s;
    }
}

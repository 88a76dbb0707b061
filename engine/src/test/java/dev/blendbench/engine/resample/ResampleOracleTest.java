package dev.blendbench.engine.resample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.surface.Surface;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resampler's arithmetic (fixed-point weights, the Vector API passes, bands, kernel tables)
 * against a slow float64 reference written from the documented sampling model: output pixel
 * {@code d}'s centre maps to source coordinate {@code u}; source pixel {@code j}'s centre is
 * {@code j + ½}; the kernel, widened by {@code 1 / scale} when shrinking, weighs each source pixel
 * by its distance; weights are normalised over the pixels that exist ({@link Resampler#resize}) or
 * over the whole kernel, the missing pixels transparent (a {@link Placement}); the sum is computed
 * once in double and rounded, then clamped to a valid premultiplied pixel.
 */
class ResampleOracleTest {
    /** Premultiplied noise on smooth gradients, with fully transparent and fully opaque areas. */
    static Surface testImage(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Surface s = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = x < w / 5 ? 0 : x > 4 * w / 5 ? 255 : rnd.nextInt(256);
                int r = Math.clamp((long) Math.round(a * (0.5 + 0.5 * Math.sin(x * 0.7 + y * 0.3))) + rnd.nextInt(-20, 21), 0, a);
                int g = rnd.nextInt(a + 1);
                int b = (x + y) % 2 == 0 ? a : 0; // a one-pixel checkerboard: the worst case for ringing
                s.setPixel(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        return s;
    }

    /** One axis of the reference: the weights of source pixels {@code first ...} for coordinate {@code u}. */
    record Taps(int first, double[] w) {
        static Taps of(Filter f, double u, double scale, int srcLen, boolean existingOnly) {
            double widen = f.widening(Math.abs(scale));
            if (f == Filter.NEAREST) {
                int j = (int) Math.floor(u);
                boolean in = j >= 0 && j < srcLen;
                return new Taps(existingOnly ? Math.clamp(j, 0, srcLen - 1) : j, new double[] {in || existingOnly ? 1 : 0});
            }
            double radius = f.radius() * widen;
            int first = (int) Math.ceil(u - radius - 0.5), last = (int) Math.floor(u + radius - 0.5);
            double[] w = new double[last - first + 1];
            double total = 0, inside = 0;
            for (int j = first; j <= last; j++) {
                w[j - first] = f.weight((j + 0.5 - u) / widen);
                total += w[j - first];
                if (j >= 0 && j < srcLen) inside += w[j - first];
            }
            double norm = existingOnly ? inside : total;
            for (int k = 0; k < w.length; k++) w[k] = norm == 0 ? 0 : w[k] / norm;
            return new Taps(first, w);
        }
    }

    /** The reference pixel from the two axes' taps, pixels outside the source transparent. */
    static int reference(Surface src, Taps tx, Taps ty) {
        double[] sum = filtered(src, tx, ty, p -> new double[] {p >>> 24, (p >>> 16) & 0xFF, (p >>> 8) & 0xFF, p & 0xFF});
        int a = (int) Math.clamp(Math.round(sum[0]), 0, 255);
        int pixel = a << 24;
        for (int c = 1; c < 4; c++) pixel |= (int) Math.clamp(Math.round(sum[c]), 0, a) << (24 - 8 * c);
        return pixel;
    }

    /** Σ wx·wy·{@code decode}(pixel) over the taps, in double; pixels outside the source count as nothing. */
    static double[] filtered(Surface src, Taps tx, Taps ty, java.util.function.IntFunction<double[]> decode) {
        double[] sum = new double[4];
        for (int i = 0; i < ty.w().length; i++) {
            int y = ty.first() + i;
            if (y < 0 || y >= src.height()) continue;
            for (int k = 0; k < tx.w().length; k++) {
                int x = tx.first() + k;
                if (x < 0 || x >= src.width()) continue;
                double[] v = decode.apply(src.getPixel(x, y));
                double q = tx.w()[k] * ty.w()[i];
                for (int c = 0; c < 4; c++) sum[c] += q * v[c];
            }
        }
        return sum;
    }

    /** Fails, naming the worst pixel, if any of {@code out}'s channels is more than {@code allowed} from {@code want(x, y)}. */
    static void assertWithin(int allowed, Surface out, java.util.function.IntBinaryOperator want, String what) {
        int worst = 0;
        String where = "";
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                int w = want.applyAsInt(x, y), got = out.getPixel(x, y);
                if (diff(w, got) > worst) {
                    worst = diff(w, got);
                    where = "(" + x + ", " + y + "): want " + Integer.toHexString(w) + ", got " + Integer.toHexString(got);
                }
            }
        }
        assertTrue(worst <= allowed, what + ": off by " + worst + " at " + where);
    }

    /** The largest difference of any channel between two pixels. */
    static int diff(int p, int q) {
        int m = 0;
        for (int s = 0; s < 32; s += 8) m = Math.max(m, Math.abs(((p >>> s) & 0xFF) - ((q >>> s) & 0xFF)));
        return m;
    }

    static Arguments[] resizes() {
        return new Arguments[] {
            Arguments.of(Filter.BILINEAR, 97, 61, 203, 37),
            Arguments.of(Filter.CATMULL_ROM, 97, 61, 40, 150),
            Arguments.of(Filter.MITCHELL, 97, 61, 33, 20),
            Arguments.of(Filter.LANCZOS2, 97, 61, 128, 128),
            Arguments.of(Filter.LANCZOS3, 97, 61, 61, 97),
            Arguments.of(Filter.LANCZOS3, 400, 90, 9, 7),   // shrunk 44× and 13×: wide kernels, many taps
            Arguments.of(Filter.LANCZOS3, 6000, 4, 5, 3),   // shrunk 1,200×: thousands of taps a pixel
            Arguments.of(Filter.MITCHELL, 5, 7000, 3, 4),   // and down a column
            Arguments.of(Filter.BOX, 5000, 3, 7, 2),
            Arguments.of(Filter.BOX, 97, 61, 31, 19),
            Arguments.of(Filter.BOX, 97, 61, 300, 200),
            Arguments.of(Filter.NEAREST, 97, 61, 150, 30),
            Arguments.of(Filter.MITCHELL, 3, 2, 50, 41),     // fewer source pixels than taps
        };
    }

    @ParameterizedTest(name = "{0}: {1}x{2} → {3}x{4}")
    @MethodSource("resizes")
    void resize_matchesTheFloat64Reference_withinOneStep(Filter f, int sw, int sh, int w, int h) {
        Surface src = testImage(sw, sh, 31L * sw + sh);
        Surface out = Resampler.resize(src, w, h, f);
        double sx = (double) w / sw, sy = (double) h / sh;
        assertWithin(1, out, (x, y) -> reference(src, Taps.of(f, (x + 0.5) / sx, sx, sw, true), Taps.of(f, (y + 0.5) / sy, sy, sh, true)),
                f.toString());
        assertTrue(out.isValidPremultiplied(), f.toString());
    }

    /** {@link Resampler#resizeLinear}: decoded with the exact curve, filtered in double, encoded as the renderer does. */
    @ParameterizedTest(name = "linear {0}: {1}x{2} → {3}x{4}")
    @MethodSource("resizes")
    void resizeLinear_matchesTheFloat64Reference_withinOneStep(Filter f, int sw, int sh, int w, int h) {
        Surface src = testImage(sw, sh, 17L * sw + sh);
        Surface out = Resampler.resizeLinear(src, w, h, f);
        double sx = (double) w / sw, sy = (double) h / sh;
        assertWithin(1, out, (x, y) -> {
            double[] sum = filtered(src, Taps.of(f, (x + 0.5) / sx, sx, sw, true), Taps.of(f, (y + 0.5) / sy, sy, sh, true),
                    dev.blendbench.engine.blend.LinearLight::decode);
            sum[0] = Math.clamp(sum[0], 0, 1);
            for (int c = 1; c < 4; c++) sum[c] = Math.clamp(sum[c], 0, sum[0]);
            return dev.blendbench.engine.blend.LinearLight.encode(sum);
        }, "linear " + f);
    }

    static Arguments[] placements() {
        return new Arguments[] {
            Arguments.of(Filter.BILINEAR, 0.73, 0.0, 3.25, 1.5),
            Arguments.of(Filter.BILINEAR, 1.6, 17.0, 0.0, 0.0),     // the rotated bilinear shortcut
            Arguments.of(Filter.BILINEAR, 0.4, 33.0, 2.5, 0.0),     // rotated and shrunk: the general path
            Arguments.of(Filter.CATMULL_ROM, 1.3, 0.0, 0.5, 0.25),
            Arguments.of(Filter.MITCHELL, 0.5, -41.0, 0.0, 1.0),
            Arguments.of(Filter.LANCZOS3, 2.2, 0.0, 0.0, 0.0),
            Arguments.of(Filter.LANCZOS3, 0.9, 12.5, 1.75, 0.0),
            Arguments.of(Filter.LANCZOS2, 0.31, 0.0, 0.0, 0.5),
            Arguments.of(Filter.BOX, 0.45, 0.0, 0.0, 0.0),
            Arguments.of(Filter.NEAREST, 1.7, 28.0, 0.0, 0.0),
        };
    }

    /**
     * A placed layer (scale about the top-left, rotation about the centre, offset): every pixel of
     * its bounds against the reference at the inverse-mapped centre. The rotated path looks its
     * kernel up in a table of 1,024 steps a source pixel and sums in float, so it may be off by two.
     */
    @ParameterizedTest(name = "{0}: scale {1}, rotate {2}°, at ({3}, {4})")
    @MethodSource("placements")
    void placement_matchesTheFloat64Reference(Filter f, double scale, double degrees, double x, double y) {
        Surface src = testImage(53, 41, (long) (scale * 1000 + degrees));
        Transform t = Transform.place(src.width(), src.height(), x, y, scale, degrees);
        Placement p = Placement.of(t, f, src.width(), src.height());
        var b = p.bounds();
        Surface out = Surface.allocate(b.width(), b.height());
        p.sample(src, b, out.array(), 0, b.width());
        Transform inv = t.inverse();
        assertWithin(t.isAxisAligned() ? 1 : 2, out, (ox, oy) -> {
            double cx = b.x() + ox + 0.5, cy = b.y() + oy + 0.5;
            double u = inv.m00() * cx + inv.m01() * cy + inv.m02();
            double v = inv.m10() * cx + inv.m11() * cy + inv.m12();
            return reference(src, Taps.of(f, u, t.scaleX(), src.width(), false), Taps.of(f, v, t.scaleY(), src.height(), false));
        }, f.toString());
    }
}

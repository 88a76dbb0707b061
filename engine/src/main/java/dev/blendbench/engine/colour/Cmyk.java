package dev.blendbench.engine.colour;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RGB ↔ CMYK, 8 bits a channel, two ways.
 *
 * <ul>
 *   <li><b>Naive</b> (device formula, no colour management): {@code K = 1 − max(R, G, B)},
 *       {@code C = (1 − R − K) / (1 − K)} and so on, and back {@code R = (1 − C)(1 − K)}. Exact for
 *       the primaries and greys; what the study behind this project converted. It comes in an
 *       interleaved form ({@code int} ARGB in, {@code c m y k} bytes out) and a planar form
 *       (one array per channel in and out), which {@code CmykLayoutBenchmark} compares.</li>
 *   <li><b>ICC</b>: through a CMYK output profile with the JDK's colour management module
 *       (LittleCMS), sRGB on the other side: how print really separates. {@link #icc()} uses the
 *       bundled generic profile (FOGRA39L offset coated), {@link #icc(Path)} any profile file.</li>
 * </ul>
 * Input ARGB is premultiplied, as everywhere in the engine; it is un-premultiplied first (CMYK has
 * no alpha). All methods are stateless and thread-safe; an {@link Icc} converter may be shared.
 */
public final class Cmyk {
    private Cmyk() {}

    /** The naive separation of one straight (not premultiplied) RGB colour, as {@code c<<24|m<<16|y<<8|k}. */
    public static int naive(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b));
        int k = 255 - max;
        if (max == 0) return 0xFF; // pure black: all K
        // C = (1 − R − K) / (1 − K) = (max − R) / max, rounded
        int c = ((max - r) * 255 + max / 2) / max;
        int m = ((max - g) * 255 + max / 2) / max;
        int y = ((max - b) * 255 + max / 2) / max;
        return c << 24 | m << 16 | y << 8 | k;
    }

    /** The naive inverse: straight ARGB (opaque) of {@code c<<24|m<<16|y<<8|k}. */
    public static int naiveToRgb(int cmyk) {
        int c = cmyk >>> 24, m = (cmyk >>> 16) & 0xFF, y = (cmyk >>> 8) & 0xFF, k = cmyk & 0xFF;
        int r = ((255 - c) * (255 - k) + 127) / 255;
        int g = ((255 - m) * (255 - k) + 127) / 255;
        int b = ((255 - y) * (255 - k) + 127) / 255;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** Un-premultiplies one pixel to straight {@code 0xRRGGBB}. */
    static int straight(int p) {
        int a = p >>> 24;
        if (a == 255 || a == 0) return p & 0xFFFFFF;
        int r = (((p >>> 16) & 0xFF) * 255 + a / 2) / a;
        int g = (((p >>> 8) & 0xFF) * 255 + a / 2) / a;
        int b = ((p & 0xFF) * 255 + a / 2) / a;
        return r << 16 | g << 8 | b;
    }

    /** Interleaved: {@code n} premultiplied ARGB pixels to {@code 4n} bytes {@code c m y k c m y k …}. */
    public static void naiveInterleaved(int[] argb, int off, int n, byte[] cmyk, int cOff) {
        for (int i = 0; i < n; i++) {
            int s = straight(argb[off + i]);
            int v = naive(s >>> 16, (s >>> 8) & 0xFF, s & 0xFF);
            int o = cOff + 4 * i;
            cmyk[o] = (byte) (v >>> 24);
            cmyk[o + 1] = (byte) (v >>> 16);
            cmyk[o + 2] = (byte) (v >>> 8);
            cmyk[o + 3] = (byte) v;
        }
    }

    /**
     * Planar: {@code n} straight opaque pixels given as separate {@code r, g, b} planes to
     * separate {@code c, m, y, k} planes. Same values as {@link #naive}; written as a float loop
     * over plain arrays so the JIT can vectorise it.
     */
    public static void naivePlanar(byte[] r, byte[] g, byte[] b, byte[] c, byte[] m, byte[] y, byte[] k, int n) {
        for (int i = 0; i < n; i++) {
            int ri = r[i] & 0xFF, gi = g[i] & 0xFF, bi = b[i] & 0xFF;
            int max = Math.max(ri, Math.max(gi, bi));
            long inv = RECIPROCAL[max];
            int half = max >>> 1;
            // ((max − x) · 255 + max/2) / max by a 0.32 reciprocal: exact, since the numerator is
            // below 2^16 and the error below 2^16 / 2^32 < 1 / max (tested for every colour)
            c[i] = (byte) (((max - ri) * 255 + half) * inv >>> 32);
            m[i] = (byte) (((max - gi) * 255 + half) * inv >>> 32);
            y[i] = (byte) (((max - bi) * 255 + half) * inv >>> 32);
            k[i] = (byte) (255 - max);
        }
    }

    /** ⌊2^32 / max⌋ + 1: the planar loop's replacement for a division (0 for max = 0: all K). */
    private static final long[] RECIPROCAL = new long[256];

    static {
        for (int i = 1; i < 256; i++) RECIPROCAL[i] = (1L << 32) / i + 1;
    }

    /** A converter through the bundled generic CMYK profile (FOGRA39L, offset coated paper). */
    public static Icc icc() {
        try (InputStream in = Cmyk.class.getResourceAsStream("generic-cmyk.icc")) {
            if (in == null) throw new IllegalStateException("generic-cmyk.icc missing from the engine jar");
            return new Icc(ICC_Profile.getInstance(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A converter through the CMYK profile in {@code profile}.
     *
     * @throws IllegalArgumentException if the file is not an ICC profile or not a CMYK one
     */
    public static Icc icc(Path profile) throws IOException {
        ICC_Profile p;
        try {
            p = ICC_Profile.getInstance(Files.readAllBytes(profile));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(profile + ": not an ICC profile", e);
        }
        return new Icc(p);
    }

    /** sRGB ↔ CMYK through one ICC profile. Immutable and thread-safe. */
    public static final class Icc {
        private final ICC_ColorSpace cmyk;

        Icc(ICC_Profile profile) {
            if (profile.getColorSpaceType() != ColorSpace.TYPE_CMYK) {
                throw new IllegalArgumentException("not a CMYK profile (colour space type "
                        + profile.getColorSpaceType() + ")");
            }
            this.cmyk = new ICC_ColorSpace(profile);
        }

        /** {@code n} premultiplied ARGB pixels to {@code 4n} bytes {@code c m y k …}. */
        public void toCmyk(int[] argb, int off, int n, byte[] out, int outOff) {
            byte[] rgb = new byte[3 * n];
            for (int i = 0; i < n; i++) {
                int s = straight(argb[off + i]);
                rgb[3 * i] = (byte) (s >>> 16);
                rgb[3 * i + 1] = (byte) (s >>> 8);
                rgb[3 * i + 2] = (byte) s;
            }
            byte[] res = new byte[4 * n];
            convert(ColorSpace.getInstance(ColorSpace.CS_sRGB), rgb, 3, cmyk, res, 4, n);
            System.arraycopy(res, 0, out, outOff, 4 * n);
        }

        /** {@code n} pixels of {@code c m y k} bytes to opaque ARGB. */
        public void toRgb(byte[] cmykBytes, int off, int n, int[] argb, int outOff) {
            byte[] in = new byte[4 * n];
            System.arraycopy(cmykBytes, off, in, 0, 4 * n);
            byte[] rgb = new byte[3 * n];
            convert(cmyk, in, 4, ColorSpace.getInstance(ColorSpace.CS_sRGB), rgb, 3, n);
            for (int i = 0; i < n; i++) {
                argb[outOff + i] = 0xFF000000 | (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
            }
        }

        /** One straight RGB colour's separation as {@code c<<24|m<<16|y<<8|k}. */
        public int toCmyk(int r, int g, int b) {
            byte[] out = new byte[4];
            toCmyk(new int[] {0xFF000000 | r << 16 | g << 8 | b}, 0, 1, out, 0);
            return (out[0] & 0xFF) << 24 | (out[1] & 0xFF) << 16 | (out[2] & 0xFF) << 8 | (out[3] & 0xFF);
        }

        private static void convert(ColorSpace from, byte[] in, int inBands, ColorSpace to, byte[] out, int outBands, int n) {
            WritableRaster src = raster(in, inBands, n), dst = raster(out, outBands, n);
            ColorConvertOp op = new ColorConvertOp(from, to, null);
            op.filter(src, dst);
        }

        private static WritableRaster raster(byte[] data, int bands, int n) {
            int[] offsets = new int[bands];
            for (int i = 0; i < bands; i++) offsets[i] = i;
            return Raster.createWritableRaster(new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, n, 1, bands, bands * n, offsets),
                    new DataBufferByte(data, data.length), null);
        }
    }
}

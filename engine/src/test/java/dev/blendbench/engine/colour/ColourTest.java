package dev.blendbench.engine.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColourTest {
    static int cmyk(int c, int m, int y, int k) { return c << 24 | m << 16 | y << 8 | k; }

    @Test
    void naiveSeparation_givesTheTextbookValues() {
        assertEquals(cmyk(0, 255, 255, 0), Cmyk.naive(255, 0, 0));
        assertEquals(cmyk(255, 0, 255, 0), Cmyk.naive(0, 255, 0));
        assertEquals(cmyk(255, 255, 0, 0), Cmyk.naive(0, 0, 255));
        assertEquals(cmyk(0, 0, 0, 0), Cmyk.naive(255, 255, 255));
        assertEquals(cmyk(0, 0, 0, 255), Cmyk.naive(0, 0, 0));
        assertEquals(cmyk(0, 0, 0, 127), Cmyk.naive(128, 128, 128));
        assertEquals(cmyk(0, 128, 255, 0), Cmyk.naive(255, 127, 0)); // orange: (255−127)/255 → 128
        assertEquals(cmyk(204, 140, 0, 55), Cmyk.naive(40, 90, 200)); // C = 160/200, M = 110/200, K = 55
        assertEquals(0xFFFF0000, Cmyk.naiveToRgb(cmyk(0, 255, 255, 0)));
        assertEquals(0xFF808080, Cmyk.naiveToRgb(cmyk(0, 0, 0, 127)));
    }

    @Test
    void naiveRoundTrip_isWithinOneLevelForEveryColour() {
        for (int rgb = 0; rgb < 1 << 24; rgb += 97) {
            int r = rgb >>> 16, g = (rgb >>> 8) & 0xFF, b = rgb & 0xFF;
            int back = Cmyk.naiveToRgb(Cmyk.naive(r, g, b));
            assertTrue(Math.abs(((back >>> 16) & 0xFF) - r) <= 1 && Math.abs(((back >>> 8) & 0xFF) - g) <= 1
                    && Math.abs((back & 0xFF) - b) <= 1, Integer.toHexString(rgb) + " → " + Integer.toHexString(back));
        }
    }

    @Test
    void planarAndInterleaved_giveTheSameBytesForEveryOpaqueColour() {
        int n = 1 << 24;
        byte[] r = new byte[n], g = new byte[n], b = new byte[n], c = new byte[n], m = new byte[n], y = new byte[n], k = new byte[n];
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = (byte) (i >>> 16);
            g[i] = (byte) (i >>> 8);
            b[i] = (byte) i;
            argb[i] = 0xFF000000 | i;
        }
        Cmyk.naivePlanar(r, g, b, c, m, y, k, n);
        byte[] inter = new byte[4 * n];
        Cmyk.naiveInterleaved(argb, 0, n, inter, 0);
        for (int i = 0; i < n; i++) {
            if (inter[4 * i] != c[i] || inter[4 * i + 1] != m[i] || inter[4 * i + 2] != y[i] || inter[4 * i + 3] != k[i]) {
                throw new AssertionError("differs at " + Integer.toHexString(i));
            }
        }
    }

    @Test
    void premultipliedInput_isUnpremultipliedBeforeSeparation() {
        byte[] out = new byte[4];
        Cmyk.naiveInterleaved(new int[] {0x80800000}, 0, 1, out, 0); // half-transparent pure red
        assertEquals(0, out[0]);
        assertEquals((byte) 255, out[1]);
        assertEquals((byte) 255, out[2]);
        assertEquals(0, out[3]);
    }

    /**
     * Known values: ImageMagick 6.9.11 with LittleCMS 2, sRGB.icc (icc-profiles-free) to the
     * bundled profile, perceptual intent: {@code convert xc:'rgb(R,G,B)' -profile sRGB.icc
     * -profile generic-cmyk.icc txt:-}. The JDK's CMM is LittleCMS too; one level of tolerance.
     */
    @Test
    void iccSeparation_matchesLittleCmsThroughImageMagick() {
        Cmyk.Icc icc = Cmyk.icc();
        int[][] cases = {
                {255, 0, 0, 0, 228, 242, 3}, {0, 255, 0, 146, 0, 215, 0}, {0, 0, 255, 245, 182, 0, 0},
                {255, 255, 255, 0, 0, 0, 0}, {0, 0, 0, 254, 232, 157, 255}, {128, 128, 128, 61, 49, 50, 130},
                {255, 128, 0, 0, 144, 238, 12}, {40, 90, 200, 226, 162, 0, 1}};
        for (int[] t : cases) {
            int v = icc.toCmyk(t[0], t[1], t[2]);
            int[] got = {v >>> 24, (v >>> 16) & 0xFF, (v >>> 8) & 0xFF, v & 0xFF};
            for (int ch = 0; ch < 4; ch++) {
                assertEquals(t[3 + ch], got[ch], 1, "rgb(" + t[0] + "," + t[1] + "," + t[2] + ") channel " + "cmyk".charAt(ch));
            }
        }
        int[] back = new int[1];
        icc.toRgb(new byte[] {0, 0, 0, 0}, 0, 1, back, 0);
        assertTrue((back[0] & 0xFF) > 240, "paper white comes back near white: " + Integer.toHexString(back[0]));
    }

    @Test
    void iccWithSomethingElse_isRefusedWithAReason(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.icc"), "not a profile");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cmyk.icc(junk));
        assertTrue(e.getMessage().contains("not an ICC profile"), e.getMessage());
    }

    @Test
    void transferTables_matchTheExactCurveFarBelowA16BitStep() {
        for (int i = 0; i <= 100_000; i++) {
            double v = i / 100_000.0;
            assertEquals(Srgb.toLinear(v), Srgb.decode((float) v), 1e-6, "decode " + v);
            assertEquals(Srgb.toEncoded(v), Srgb.encode((float) v), 2e-5, "encode " + v);
        }
        assertEquals(0.5, Srgb.toLinear(Srgb.toEncoded(0.5)), 1e-12);
    }

    @Test
    void encoding_roundsAlphaToTheNearestLevel_andTakesTheOpaqueTableOnlyAtFullAlpha() {
        // alphas either side of each rounding boundary, the opaque one (254.5 / 255) among them
        java.util.List<Float> alphas = new java.util.ArrayList<>(java.util.List.of(0f, -0.1f, 1f, 1.5f, Float.MIN_VALUE));
        for (int k = 0; k < 256; k++) {
            float edge = (k + 0.5f) / 255f;
            alphas.addAll(java.util.List.of(Math.nextDown(edge), edge, Math.nextUp(edge)));
        }
        float[] px = new float[4];
        int[] out = new int[1];
        for (float a : alphas) {
            float c = Math.clamp(a, 0f, 1f) * 0.6f; // a valid premultiplied colour under that alpha
            px[0] = a;
            px[1] = px[2] = px[3] = c;
            Srgb.fromLinear(px, 0, out, 0, 1);
            int a8 = Math.round(Math.clamp(a, 0f, 1f) * 255f);
            assertEquals(a8, out[0] >>> 24, "alpha of " + a);
            // colour: at full alpha through the 16-bit table, else un-premultiplied, encoded and re-premultiplied
            int want = a8 == 0 ? 0 : a8 == 255 ? (int) Math.round(Srgb.toEncoded(0.6 * Math.clamp(a, 0f, 1f)) * 255)
                    : Math.min(a8, Math.round(Srgb.encode(c / a) * a8));
            assertEquals(want, out[0] & 0xFF, 1, "colour of " + a);
        }
    }

    @Test
    void halfWhiteOverBlack_isMidGreyInLinearLight_andDarkerEncoded() {
        Surface white = Surface.allocate(1, 1);
        white.fill(0xFFFFFFFF);
        Scene s = new Scene(1, 1, 0xFF000000, List.of(Layer.of("w", white).withOpacity(0.5f)));
        Surface out = Surface.allocate(1, 1);
        TileRenderer.singleThreaded().render(s, out);
        assertEquals(0xFF808080, out.getPixel(0, 0)); // sRGB-encoded: 128
        TileRenderer.singleThreaded().render(s.withBlendSpace(BlendSpace.LINEAR), out);
        assertEquals(0xFFBCBCBC, out.getPixel(0, 0)); // linear 0.5 encodes to 188
    }

    /**
     * 20 layers, each a smooth horizontal gradient (each its own colour ramp) at 50 % opacity,
     * blended in linear light; the result before quantisation, compared with the same blends done
     * in float64 from the exact transfer curve: within half a 16-bit step everywhere.
     */
    @Test
    void twentyLayerGradientStack_inLinearLight_staysWithinHalfA16BitStepOfFloat64() {
        int w = 512, h = 4, n = 20;
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Surface g = Surface.allocate(w, h);
            for (int x = 0; x < w; x++) {
                int v = (x * 255 + (w - 1) / 2) / (w - 1);
                int r = (v + 13 * i) % 256, gg = (255 - v + 7 * i) % 256, b = (v / 2 + 11 * i) % 256;
                for (int y = 0; y < h; y++) g.setPixel(x, y, 0xFF000000 | r << 16 | gg << 8 | b);
            }
            layers.add(new Layer("g" + i, g, 0, 0, i % 2 == 0 ? BlendMode.SOURCE_OVER : BlendMode.NORMAL, 0.5f, true));
        }
        Scene scene = new Scene(w, h, 0xFF000000, layers, BlendSpace.LINEAR);
        float[] ours = new float[4 * w * h];
        TileRenderer.compositeLinear(scene, new Rect(0, 0, w, h), ours);
        double worst = 0;
        for (int x = 0; x < w; x++) {
            double[] ref = {1, 0, 0, 0};
            for (Layer l : layers) {
                int p = l.source().getPixel(x, 0);
                double as = 0.5; // opaque source at 50 %
                for (int c = 1; c < 4; c++) {
                    double cs = Srgb.toLinear(((p >>> (24 - 8 * c)) & 0xFF) / 255.0) * as;
                    ref[c] = cs + ref[c] * (1 - as);
                }
                ref[0] = as + ref[0] * (1 - as);
            }
            for (int c = 0; c < 4; c++) {
                double d = Math.abs(ours[4 * x + c] - ref[c]) * 65535;
                worst = Math.max(worst, d);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "20-layer linear-light gradient stack: worst deviation %.4f of a 16-bit step%n", worst);
        assertTrue(worst <= 0.5, "worst deviation " + worst + " of a 16-bit step");
    }

    @Test
    void linearScenes_renderIdenticallyForEveryTileSizeAndThreadCount() {
        Scene scene = dev.blendbench.engine.render.TileRendererTest.scene().withBlendSpace(BlendSpace.LINEAR);
        Surface expected = Surface.allocate(300, 200);
        TileRenderer.singleThreaded().render(scene, expected);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int[] t : new int[][] {{7, 5}, {64, 16}, {300, 1}}) {
                Surface out = Surface.allocate(300, 200);
                new TileRenderer(pool, 3, t[0], t[1]).render(scene, out);
                assertTrue(expected.samePixels(out), t[0] + "x" + t[1]);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(expected.isValidPremultiplied());
    }

    @Test
    void unknownBlendSpace_isRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlendSpace.parse("cmyk"));
        assertTrue(e.getMessage().contains("'cmyk'"), e.getMessage());
    }
}

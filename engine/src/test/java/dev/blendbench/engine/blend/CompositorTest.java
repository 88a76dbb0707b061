package dev.blendbench.engine.blend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.surface.Surface;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompositorTest {

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void transparentSource_keepsBackdropBitIdentical_unlessModeClears(BlendMode mode) {
        Surface dst = TestImages.random(300, 7, 1);
        Surface before = dst.copy();
        Compositor.composite(Surface.allocate(300, 7), dst, mode, 1f);
        if (mode.clearsOutsideSource() || mode == BlendMode.CLEAR) {
            assertTrue(dst.samePixels(Surface.allocate(300, 7)), "clears to transparent");
        } else {
            assertTrue(dst.samePixels(before), "backdrop unchanged");
        }
    }

    @Test
    void normal_isBitIdenticalToSourceOver() {
        Surface src = TestImages.random(512, 64, 2);
        Surface a = TestImages.random(512, 64, 3);
        Surface b = a.copy();
        Compositor.composite(src, a, BlendMode.NORMAL, 1f);
        Compositor.composite(src, b, BlendMode.SOURCE_OVER, 1f);
        assertArrayEquals(a.toArray(), b.toArray());
    }

    @Test
    void sourceOver_opaqueSource_givesSource() {
        Surface src = TestImages.random(200, 10, 4);
        int[] p = src.array();
        for (int i = 0; i < p.length; i++) p[i] |= 0xFF000000;
        Surface dst = TestImages.random(200, 10, 5);
        Compositor.composite(src, dst, BlendMode.SOURCE_OVER, 1f);
        assertArrayEquals(src.toArray(), dst.toArray());
    }

    @Test
    void sourceOver_anySourceOverOpaqueBackdrop_staysOpaque_inBothKernels() {
        // every source alpha and colour pairing, over opaque backdrops of every grey
        int n = 256 * 256;
        int[] src = new int[n];
        int[] dst = new int[n];
        for (int a = 0; a < 256; a++) {
            for (int c = 0; c < 256; c++) {
                src[a * 256 + c] = (a << 24) | (Math.min(a, c) * 0x010101);
                dst[a * 256 + c] = 0xFF000000 | (c * 0x010101);
            }
        }
        for (SpanKernel k : new SpanKernel[] {Compositor.scalarKernel(BlendMode.SOURCE_OVER), Compositor.kernel(BlendMode.SOURCE_OVER)}) {
            int[] out = dst.clone();
            k.blend(src, 0, out, 0, n);
            for (int i = 0; i < n; i++) {
                assertEquals(0xFF, out[i] >>> 24, String.format("src %08X over %08X", src[i], dst[i]));
            }
        }
    }

    @Test
    void multiply_opaqueWhiteSource_keepsOpaqueBackdrop() {
        Surface src = Surface.allocate(100, 3);
        src.fill(0xFFFFFFFF);
        Surface dst = TestImages.random(100, 3, 6);
        int[] d = dst.array();
        for (int i = 0; i < d.length; i++) d[i] = 0xFF000000 | (d[i] & 0xFFFFFF);
        Surface before = dst.copy();
        Compositor.composite(src, dst, BlendMode.MULTIPLY, 1f);
        assertTrue(dst.samePixels(before));
    }

    @Test
    void clear_copy_destination_doWhatTheySay() {
        Surface src = TestImages.random(100, 4, 7);
        Surface dst = TestImages.random(100, 4, 8);
        Surface d1 = dst.copy();
        Compositor.composite(src, d1, BlendMode.CLEAR, 1f);
        assertTrue(d1.samePixels(Surface.allocate(100, 4)));
        Surface d2 = dst.copy();
        Compositor.composite(src, d2, BlendMode.COPY, 1f);
        assertTrue(d2.samePixels(src));
        Surface d3 = dst.copy();
        Compositor.composite(src, d3, BlendMode.DESTINATION, 1f);
        assertTrue(d3.samePixels(dst));
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void blendRow_withOpacity_equalsLerpOfFullOpacityResult(BlendMode mode) {
        SplittableRandom rnd = new SplittableRandom(9);
        Surface src = TestImages.blocky(333, 1, 10);
        Surface dst = TestImages.random(333, 1, 11);
        for (float opacity : new float[] {0f, 0.25f, 0.5f, 0.7f, 1f}) {
            int op = Compositor.opacityToByte(opacity);
            int[] expected = dst.toArray();
            if (mode == BlendMode.LIGHTER) {
                int[] scaled = src.toArray();
                for (int i = 0; i < scaled.length; i++) scaled[i] = PorterDuffKernels.scale(scaled[i], op);
                Compositor.kernel(mode).blend(scaled, 0, expected, 0, expected.length);
            } else {
                int[] full = dst.toArray();
                Compositor.kernel(mode).blend(src.array(), 0, full, 0, full.length);
                for (int i = 0; i < full.length; i++) {
                    int r0 = mode.clearsOutsideSource() || mode == BlendMode.CLEAR ? 0 : expected[i];
                    expected[i] = PorterDuffKernels.mix(full[i], op, r0, 255 - op);
                }
            }
            int[] got = dst.toArray();
            Compositor.blendRow(mode, op, src.array(), 0, got, 0, got.length, new int[1 + rnd.nextInt(100)]);
            assertArrayEquals(expected, got, mode + " at opacity " + opacity);
        }
    }

    @Test
    void scale_isExactRoundingOfChannelTimesFactor() {
        for (int c = 0; c < 256; c++) {
            for (int f = 0; f < 256; f++) {
                int p = (c << 24) | (c << 16) | (c << 8) | c;
                int expected = (int) Math.round(c * f / 255.0);
                int got = PorterDuffKernels.scale(p, f);
                assertEquals(expected, got >>> 24);
                assertEquals(expected, got & 0xFF);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = BlendMode.class, names = {"SOURCE_OVER", "MULTIPLY", "SCREEN", "OVERLAY", "DARKEN",
            "DIFFERENCE", "EXCLUSION", "SOFT_LIGHT", "HUE", "COLOR", "LUMINOSITY", "XOR", "SOURCE_ATOP",
            "SOURCE_IN", "DESTINATION_IN", "DESTINATION_ATOP", "LIGHTER", "LINEAR_LIGHT", "SATURATION"})
    void opacity_continuousModes_withinBoundOfExactOpacity(BlendMode mode) {
        // Full-opacity blend (≤ 1 LSB, ≤ 0.5 for the exact integer modes), then one rounded lerp
        // (≤ 0.5 LSB): OPACITY_TOLERANCE is 1.5 LSB.
        double worst = 0;
        Surface src = TestImages.random(4096, 1, 12);
        Surface dst = TestImages.random(4096, 1, 13);
        for (float opacity : new float[] {0.2f, 0.5f, 0.9f}) {
            int[] got = dst.toArray();
            Compositor.blendRow(mode, Compositor.opacityToByte(opacity), src.array(), 0, got, 0, got.length, new int[64]);
            double op = Compositor.opacityToByte(opacity) / 255.0;
            for (int i = 0; i < got.length; i++) {
                double[] ref = ReferenceBlend.composite(mode, src.array()[i], dst.array()[i], op);
                for (int c = 0; c < 4; c++) {
                    int v = (got[i] >>> (24 - 8 * c)) & 0xFF;
                    worst = Math.max(worst, Math.abs(v - ref[c] * 255));
                }
            }
        }
        assertTrue(worst <= OPACITY_TOLERANCE + 1e-9, mode + ": max error " + worst + "/255");
    }

    /** Max error against exact opacity, in 1/255 units, for the modes tested above. */
    static final double OPACITY_TOLERANCE = 1.5;

    @Test
    void opacityToByte_rejectsNaNAndOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Compositor.opacityToByte(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> Compositor.opacityToByte(1.01f));
        assertThrows(IllegalArgumentException.class, () -> Compositor.opacityToByte(-0.1f));
    }

    @Test
    void parse_unknownMode_listsValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlendMode.parse("glow"));
        assertTrue(e.getMessage().contains("'glow'") && e.getMessage().contains("color-dodge"));
        assertEquals(BlendMode.HARD_MIX, BlendMode.parse("hard-mix"));
        assertEquals(39, BlendMode.values().length);
    }
}

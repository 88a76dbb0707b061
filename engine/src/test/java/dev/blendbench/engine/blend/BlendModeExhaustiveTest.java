package dev.blendbench.engine.blend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mode against the float64 {@link ReferenceBlend}, over all 256×256 (source, backdrop)
 * straight channel pairs at source and backdrop alphas {0, 1, 64, 128, 254, 255}: the fast kernel
 * must stay within 1/255 of the reference on every channel and on alpha.
 *
 * <p>Each channel of a pixel gets a different pairing (red (s, b), green (255 − s, b), blue
 * (s, 255 − b)), so every channel sees every pair and the non-separable modes see varied triples.
 * Both kernel sets are checked: the scalar loops and the active ones (the Vector API loops when the
 * JVM has {@code jdk.incubator.vector}, as the build's test runs do).
 */
class BlendModeExhaustiveTest {
    static final int[] ALPHAS = {0, 1, 64, 128, 254, 255};
    static final double TOLERANCE = 1.0; // in 1/255 units

    static int premul(int a, int r, int g, int b) {
        return (a << 24) | (mul(r, a) << 16) | (mul(g, a) << 8) | mul(b, a);
    }

    private static int mul(int c, int a) {
        return (int) Math.round(c * a / 255.0);
    }

    static Stream<Arguments> kernels() {
        return Arrays.stream(BlendMode.values()).flatMap(m -> Stream.of(
                Arguments.of(m, "scalar", Compositor.scalarKernel(m)),
                Arguments.of(m, Compositor.isVectorized() ? "vector" : "active (scalar)", Compositor.kernel(m))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kernels")
    void kernel_allChannelPairsAndAlphas_withinOneLsbOfReference(BlendMode mode, String impl, SpanKernel kernel) {
        int n = 256 * 256;
        int[] src = new int[n];
        int[] dst = new int[n];
        int[] expectedDst = new int[n];
        double worst = 0;
        String worstAt = "";
        for (int sa : ALPHAS) {
            for (int ba : ALPHAS) {
                for (int s = 0; s < 256; s++) {
                    for (int b = 0; b < 256; b++) {
                        int i = s * 256 + b;
                        src[i] = premul(sa, s, 255 - s, s);
                        dst[i] = premul(ba, b, b, 255 - b);
                    }
                }
                System.arraycopy(dst, 0, expectedDst, 0, n);
                kernel.blend(src, 0, dst, 0, n);
                for (int i = 0; i < n; i++) {
                    double[] ref = ReferenceBlend.composite(mode, src[i], expectedDst[i], 1.0);
                    int out = dst[i];
                    int[] got = {out >>> 24, (out >>> 16) & 0xFF, (out >>> 8) & 0xFF, out & 0xFF};
                    for (int c = 0; c < 4; c++) {
                        double err = Math.abs(got[c] - ref[c] * 255.0);
                        if (err > worst) {
                            worst = err;
                            worstAt = String.format("src %08X dst %08X channel %d: got %d, reference %.4f",
                                    src[i], expectedDst[i], c, got[c], ref[c] * 255.0);
                        }
                    }
                    assertTrue(got[1] <= got[0] && got[2] <= got[0] && got[3] <= got[0],
                            () -> String.format("%s not premultiplied: %08X", mode, out));
                }
            }
        }
        final double w = worst;
        final String at = worstAt;
        assertTrue(w <= TOLERANCE + 1e-9, () -> mode + " " + impl + ": max error " + w + "/255 at " + at);
    }
}

package dev.blendbench.engine.blend;

import dev.blendbench.engine.surface.Argb;
import java.util.Arrays;

/**
 * Loops for the Porter-Duff operators: {@code result = Fa·src + Fb·dst} on premultiplied colour
 * and alpha alike, with one rounding per channel.
 *
 * <p>SWAR: two 8-bit channels are processed per 32-bit multiply ({@code 0x00FF00FF} lanes).
 * {@code Fa·s + Fb·d ≤ 255²} for every operator but lighter (because channels never exceed alpha
 * and {@code Fa·αs + Fb·αb ≤ 1}), so the 16-bit lanes never overflow.
 */
final class PorterDuffKernels {
    private PorterDuffKernels() {}

    private static final int M = 0x00FF00FF;

    /** Each of {@code n} pixels of {@code px} (from {@code pOff}) {@link #scale}d by its value in {@code values} (from {@code vOff}). */
    static void scaleByMask(int[] px, int pOff, byte[] values, int vOff, int n) {
        for (int i = 0; i < n; i++) {
            int p = px[pOff + i];
            if (p == 0) continue; // transparent stays so
            int v = values[vOff + i] & 0xFF;
            if (v != 255) px[pOff + i] = scale(p, v);
        }
    }

    /** Each of {@code n} pixels of {@code px} (from {@code off}) {@link #scale}d by {@code f}. */
    static void scaleRun(int[] px, int off, int f, int n) {
        for (int i = off; i < off + n; i++) px[i] = scale(px[i], f);
    }

    /** {@code dst = mix(src, op, dst, 255 − op)} for each of {@code n} pixels: {@code dst} faded towards {@code src} by {@code op}. */
    static void fade(int[] src, int so, int[] dst, int dOff, int op, int n) {
        for (int i = 0; i < n; i++) {
            dst[dOff + i] = mix(src[so + i], op, dst[dOff + i], 255 - op);
        }
    }

    /**
     * {@link #fade} pixel by pixel, by {@code op} times each pixel's value in {@code values} (from
     * {@code vOff}) divided by 255 and rounded: {@code dst} faded towards {@code src} that far.
     */
    static void fadeByMask(int[] src, int so, int[] dst, int dOff, int op, byte[] values, int vOff, int n) {
        for (int i = 0; i < n; i++) {
            int f = Argb.mulDiv255(op, values[vOff + i] & 0xFF);
            if (f != 0) dst[dOff + i] = mix(src[so + i], f, dst[dOff + i], 255 - f);
        }
    }

    /** Each channel of {@code p} times {@code f/255}, rounded to nearest (exact). */
    static int scale(int p, int f) {
        int rb = (p & M) * f + 0x00800080;
        rb = ((rb + ((rb >>> 8) & M)) >>> 8) & M;
        int ag = ((p >>> 8) & M) * f + 0x00800080;
        ag = (ag + ((ag >>> 8) & M)) & ~M;
        return rb | ag;
    }

    /** round((fa·s + fb·d) / 255) per channel, for operators whose sum stays ≤ 255². */
    static int mix(int s, int fa, int d, int fb) {
        int rb = (s & M) * fa + (d & M) * fb + 0x00800080;
        rb = ((rb + ((rb >>> 8) & M)) >>> 8) & M;
        int ag = ((s >>> 8) & M) * fa + ((d >>> 8) & M) * fb + 0x00800080;
        ag = (ag + ((ag >>> 8) & M)) & ~M;
        return rb | ag;
    }

    static void clear(int[] src, int so, int[] dst, int dOff, int n) {
        Arrays.fill(dst, dOff, dOff + n, 0);
    }

    static void copy(int[] src, int so, int[] dst, int dOff, int n) {
        System.arraycopy(src, so, dst, dOff, n);
    }

    static void destination(int[] src, int so, int[] dst, int dOff, int n) {
        // Fa = 0, Fb = 1: the backdrop is kept as it is.
    }

    /**
     * Source-over, {@code s + d·(1 − αs)}, computed as {@code s + ⌊d·(256 − αs) / 256⌋} per channel
     * (the scale Skia uses): one multiply and one shift per channel pair, no rounding step.
     *
     * <p>Error: {@code d·(256 − αs)/256 − d·(255 − αs)/255 = d·αs/65280 ∈ [0, 0.996]}, so after
     * the floor every channel is within 1/255 of the exact value (strictly less than one step
     * either way; the exhaustive test checks it). Exact where it matters: {@code αs = 0} leaves the
     * backdrop bit-identical ({@code d·256/256}), {@code αs = 255} gives the source, an opaque
     * backdrop stays opaque ({@code αs + ⌊255·(256 − αs)/256⌋ = 255} for every αs), and because
     * the floor is monotonic, channels never exceed alpha.
     */
    static void sourceOver(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i];
            int d = dst[dOff + i];
            int f = 256 - (s >>> 24);
            dst[dOff + i] = s + ((((d & M) * f) >>> 8) & M) + ((((d >>> 8) & M) * f) & ~M);
        }
    }

    static void destinationOver(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int d = dst[dOff + i];
            dst[dOff + i] = d + scale(src[so + i], 255 - (d >>> 24));
        }
    }

    static void sourceIn(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dOff + i] = scale(src[so + i], dst[dOff + i] >>> 24);
        }
    }

    static void destinationIn(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dOff + i] = scale(dst[dOff + i], src[so + i] >>> 24);
        }
    }

    static void sourceOut(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dOff + i] = scale(src[so + i], 255 - (dst[dOff + i] >>> 24));
        }
    }

    static void destinationOut(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dOff + i] = scale(dst[dOff + i], 255 - (src[so + i] >>> 24));
        }
    }

    static void sourceAtop(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            dst[dOff + i] = mix(s, d >>> 24, d, 255 - (s >>> 24));
        }
    }

    static void destinationAtop(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            dst[dOff + i] = mix(s, 255 - (d >>> 24), d, s >>> 24);
        }
    }

    static void xor(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            dst[dOff + i] = mix(s, 255 - (d >>> 24), d, 255 - (s >>> 24));
        }
    }

    static void lighter(int[] src, int so, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int s = src[so + i], d = dst[dOff + i];
            int rb = (s & M) + (d & M);
            rb = (rb | (((rb >>> 8) & 0x00010001) * 0xFF)) & M;
            int ag = ((s >>> 8) & M) + ((d >>> 8) & M);
            ag = (ag | (((ag >>> 8) & 0x00010001) * 0xFF)) & M;
            dst[dOff + i] = rb | (ag << 8);
        }
    }

    /**
     * A clipped layer's blend cut back to the backdrop's alpha (see {@code Compositor.clipToBackdrop}):
     * {@code c = (αb·x + (255 − αx)·b) / 255} per channel, rounded as {@link #mix} rounds; the alpha
     * channel's formula gives {@code αb} itself. Every sum stays within 255².
     */
    static void clipToBackdrop(int[] backdrop, int bo, int[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            int b = backdrop[bo + i], x = dst[dOff + i];
            if (b == x) continue; // untouched: the formula gives it back exactly
            dst[dOff + i] = mix(x, b >>> 24, b, 255 - (x >>> 24));
        }
    }
}

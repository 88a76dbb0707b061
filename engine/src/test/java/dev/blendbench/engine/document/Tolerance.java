package dev.blendbench.engine.document;

import dev.blendbench.engine.surface.Surface;

/** Stated tolerances against other programs' flattening, in 8-bit levels per channel. */
final class Tolerance {
    private Tolerance() {}

    /** Krita 5.1.5 flattening the krita.ora fixture: 1 level measured (rounding). */
    static final int KRITA = 1;
    /** ImageMagick 6.9 (Q16) flattening the layered.psd fixture: 1 level measured (rounding). */
    static final int IMAGEMAGICK = 1;
    /** GIMP 2.10.34 flattening the masks_gimp.psd fixture: 1 level measured (rounding). */
    static final int GIMP = 1;

    /** Largest difference of any channel (straight colour where alpha > 0, and alpha). */
    static int maxDifference(Surface a, Surface b) {
        int worst = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int p = dev.blendbench.engine.surface.Argb.unpremultiply(a.getPixel(x, y));
                int q = dev.blendbench.engine.surface.Argb.unpremultiply(b.getPixel(x, y));
                for (int sh = 0; sh < 32; sh += 8) {
                    worst = Math.max(worst, Math.abs(((p >>> sh) & 0xFF) - ((q >>> sh) & 0xFF)));
                }
            }
        }
        return worst;
    }
}

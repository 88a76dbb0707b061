package dev.blendbench.engine.scene;

import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.surface.Surface;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * A short hash of everything in a scene that decides what the renderer composites and how much
 * work that is: the canvas, background and blend space, and each layer's pixels, position, mode,
 * opacity, visibility and transform, and a group layer's own layers — not its name. Two stress sessions whose scenes have the same
 * size and layer count but differ in one layer's mode or pixels (a design file edited between
 * runs) have different fingerprints, so a comparison of them can say it measured two different
 * jobs. 32 bits, as 8 hex digits: a label, not a cryptographic hash.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** The scene's fingerprint, e.g. {@code 3f9a0c12}. Reads every pixel of every layer once. */
    public static String of(Scene scene) {
        // what renders: a pass-through group is structure only, the same job without it
        return String.format(Locale.ROOT, "%08x", (int) (hash(scene.inlined(), Collections.newSetFromMap(new IdentityHashMap<>())) >>> 32));
    }

    /** A group layer's own layers count as its pixels do: the renderer composites them each render. */
    private static long hash(Scene scene, Set<Surface> seen) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h, scene.width());
        h = mix(h, scene.height());
        h = mix(h, scene.background());
        h = mix(h, scene.blendSpace().ordinal());
        for (Layer l : scene.layers()) {
            h = mix(h, l.mode().cssName().hashCode());
            h = mix(h, Float.floatToIntBits(l.opacity()));
            h = mix(h, l.visible() ? 1 : 0);
            h = mix(h, l.x());
            h = mix(h, l.y());
            if (l.placement() != null) {
                Transform t = l.placement().transform();
                for (double d : new double[] {t.m00(), t.m01(), t.m02(), t.m10(), t.m11(), t.m12()}) {
                    h = mix(h, Double.hashCode(d));
                }
                h = mix(h, l.placement().filter().ordinal());
            }
            Surface s = l.source();
            h = mix(h, s.width());
            h = mix(h, s.height());
            if (seen.add(s)) { // a surface several layers draw is read once; its use by each still counts
                int[] px = s.array();
                for (int y = 0; y < s.height(); y++) {
                    for (int i = s.index(0, y), end = i + s.width(); i < end; i++) h = h * 31 + px[i];
                }
                h = mix(h, 1);
            } else {
                h = mix(h, 2);
            }
            if (l.isMasked()) { // a disabled mask draws nothing: the same job as none
                LayerMask m = l.mask();
                h = mix(mix(mix(mix(h, m.x()), m.y()), m.width()), m.outside());
                h = mix(h, java.util.Arrays.hashCode(m.values()));
            }
            if (l.isGroup()) {
                long g = hash(l.group(), seen);
                h = mix(mix(h, (int) g), (int) (g >>> 32));
            }
        }
        return mix(h, scene.layers().size() + (scene.clipping() ? 1 << 30 : 0) + (scene.passThrough() ? 1 << 29 : 0));
    }

    private static long mix(long h, int v) {
        h ^= v;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }
}

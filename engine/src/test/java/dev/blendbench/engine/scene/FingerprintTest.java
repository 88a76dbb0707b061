package dev.blendbench.engine.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.surface.Surface;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static Surface solid(int w, int h, int argbPre) {
        Surface s = Surface.allocate(w, h);
        s.fill(argbPre);
        return s;
    }

    private static final Surface A = solid(16, 8, 0xFF336699), B = solid(6, 6, 0x80800000);
    private static final Scene BASE = new Scene(32, 24, 0, List.of(Layer.of("a", A),
            new Layer("b", B, 3, 4, BlendMode.MULTIPLY, 0.5f, true)));

    @Test
    void theSameScene_hasTheSameFingerprint_whateverItsLayersAreNamedOrWhereItsSurfacesLive() {
        Scene copy = new Scene(32, 24, 0, List.of(Layer.of("renamed", A.copy()),
                new Layer("also renamed", B.copy(), 3, 4, BlendMode.MULTIPLY, 0.5f, true)));
        assertEquals(Fingerprint.of(BASE), Fingerprint.of(copy));
        assertTrue(Fingerprint.of(BASE).matches("[0-9a-f]{8}"), Fingerprint.of(BASE));
        // a sub-view reads only its own pixels: what lies beside it in the array does not count
        Surface wide = solid(20, 8, 0xFF000000);
        Surface view = wide.subView(2, 0, 16, 8);
        view.fill(0xFF336699);
        assertEquals(Fingerprint.of(BASE), Fingerprint.of(BASE.withLayers(List.of(Layer.of("a", view), BASE.layers().get(1)))));
    }

    @Test
    void anythingThatChangesWhatOrHowMuchIsComposited_changesIt() {
        Surface oneOff = A.copy();
        oneOff.setPixel(15, 7, 0xFF336698);
        Layer a = BASE.layers().get(0), b = BASE.layers().get(1);
        List<Scene> variants = List.of(BASE,
                BASE.withLayers(List.of(Layer.of("a", oneOff), b)),
                BASE.withLayers(List.of(a, b.withMode(BlendMode.SOFT_LIGHT))),
                BASE.withLayers(List.of(a, b.withOpacity(0.6f))),
                BASE.withLayers(List.of(a, b.withVisible(false))),
                BASE.withLayers(List.of(a, b.withPosition(4, 4))),
                BASE.withLayers(List.of(a, b.withTransform(Transform.place(6, 6, 3, 4, 1.5, 0), Filter.BILINEAR))),
                BASE.withLayers(List.of(b, a)),
                BASE.withLayers(List.of(a, b, b)),
                BASE.withLayers(List.of(a, new Layer("a again", A, 3, 4, BlendMode.MULTIPLY, 0.5f, true))),
                BASE.withBlendSpace(BlendSpace.LINEAR),
                new Scene(32, 24, 0xFF000000, BASE.layers()),
                new Scene(33, 24, 0, BASE.layers()));
        Set<String> prints = new HashSet<>();
        for (Scene s : variants) prints.add(Fingerprint.of(s));
        assertEquals(variants.size(), prints.size(), "every variant its own fingerprint: " + prints);
    }
}

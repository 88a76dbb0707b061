package dev.blendbench.jcstress.render;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Two threads render one scene at once with one shared renderer, each into its own target, with
 * a helper thread taking tiles of both renders: when {@code render} returns, every tile of the
 * caller's target is written (every tile happens-before the return) and no tile of one render
 * lands in the other's target.
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "Both targets hold the whole, right image.")
@Outcome(expect = FORBIDDEN, desc = "A render returned before a helper's tile was written, or tiles crossed between renders.")
@State
public class SharedRendererGivesEachCallerItsImage {
    private static final ExecutorService HELPER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "render-helper");
        t.setDaemon(true);
        return t;
    });
    private static final Scene SCENE = scene();
    private static final TileRenderer SHARED = new TileRenderer(HELPER, 2, 32, 4);
    private static final int[] EXPECTED = expected();

    private final Surface first = Surface.allocate(96, 40), second = Surface.allocate(96, 40);

    static Scene scene() {
        Surface bg = Surface.allocate(96, 40), disc = Surface.allocate(60, 30), veil = Surface.allocate(96, 40);
        int[] b = bg.array(), d = disc.array(), v = veil.array();
        for (int i = 0; i < b.length; i++) {
            b[i] = 0xFF000000 | (int) (i * 2654435761L & 0xFFFFFF);
            v[i] = (i / 96 + i % 96) % 3 == 0 ? 0 : 0x40201008;
        }
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 60; x++) {
                double r = Math.hypot(x - 30, (y - 15) * 2) / 30;
                int a = r >= 1 ? 0 : r < 0.7 ? 255 : (int) (255 * (1 - r) / 0.3);
                d[y * 60 + x] = a << 24 | (a * 3 / 4) << 16 | (a / 2) << 8 | a / 5;
            }
        }
        return new Scene(96, 40, 0, List.of(Layer.of("background", bg),
                new Layer("disc", disc, 20, 7, BlendMode.SOURCE_OVER, 1f, true),
                new Layer("veil", veil, 0, 0, BlendMode.MULTIPLY, 0.7f, true)));
    }

    static int[] expected() {
        Surface out = Surface.allocate(96, 40);
        TileRenderer.singleThreaded().render(SCENE, out);
        return out.toArray();
    }

    @Actor
    public void caller1() {
        SHARED.render(SCENE, first);
    }

    @Actor
    public void caller2() {
        SHARED.render(SCENE, second);
    }

    @Arbiter
    public void arbiter(ZZ_Result r) {
        r.r1 = Arrays.equals(first.array(), EXPECTED);
        r.r2 = Arrays.equals(second.array(), EXPECTED);
    }
}

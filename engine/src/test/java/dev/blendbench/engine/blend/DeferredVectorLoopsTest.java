package dev.blendbench.engine.blend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Compositor#deferVectorLoopsUntilWarm}: scalar loops until a mode's vector loop is warmed, same bits throughout. */
class DeferredVectorLoopsTest {
    private final List<Runnable> warmUps = new ArrayList<>();

    @AfterEach
    void endDeferral() {
        Kernels.useActiveLoopsNow();
    }

    @Test
    void aDeferredMode_runsItsScalarLoop_untilItsWarmUpHasRun_thenItsVectorLoop() {
        assertTrue(Compositor.isVectorized(), "surefire runs with --add-modules jdk.incubator.vector");
        Compositor.deferVectorLoopsUntilWarm(warmUps::add);
        assertEquals(1, warmUps.size(), "the opacity lerp is warmed at once");
        assertTrue(!Kernels.vectorLerp(), "the scalar lerp meanwhile");

        assertSame(Compositor.scalarKernel(BlendMode.HUE), Compositor.kernel(BlendMode.HUE));
        assertEquals(2, warmUps.size(), "hue's first use queued its warm-up");
        Compositor.kernel(BlendMode.HUE);
        assertEquals(2, warmUps.size(), "and only one");
        assertSame(Compositor.scalarKernel(BlendMode.MULTIPLY), Compositor.kernel(BlendMode.MULTIPLY));
        assertEquals(3, warmUps.size(), "each mode warms on its first use");

        warmUps.get(1).run();
        assertNotSame(Compositor.scalarKernel(BlendMode.HUE), Compositor.kernel(BlendMode.HUE), "hue's vector loop, once warm");
        assertSame(Kernels.activeOf(BlendMode.HUE), Compositor.kernel(BlendMode.HUE));
        assertSame(Compositor.scalarKernel(BlendMode.MULTIPLY), Compositor.kernel(BlendMode.MULTIPLY), "multiply still cold");
        warmUps.get(0).run();
        assertTrue(Kernels.vectorLerp());
    }

    @Test
    void blendsGiveTheSameBits_beforeAndAfterTheSwitch() {
        Surface src = TestImages.random(700, 2, 31), backdrop = TestImages.random(700, 2, 32);
        int[] scratch = new int[256];
        int[] cold = backdrop.toArray(), warm = backdrop.toArray();
        Compositor.deferVectorLoopsUntilWarm(warmUps::add);
        for (BlendMode m : List.of(BlendMode.SOFT_LIGHT, BlendMode.HUE, BlendMode.SOURCE_OVER)) {
            Compositor.blendRow(m, 150, src.array(), 0, cold, 0, 1400, scratch);
        }
        assertTrue(warmUps.size() >= 3, "warm-ups queued");
        warmUps.forEach(Runnable::run);
        assertTrue(Kernels.vectorLerp());
        for (BlendMode m : List.of(BlendMode.SOFT_LIGHT, BlendMode.HUE, BlendMode.SOURCE_OVER)) {
            assertSame(Kernels.activeOf(m), Compositor.kernel(m));
            Compositor.blendRow(m, 150, src.array(), 0, warm, 0, 1400, scratch);
        }
        assertArrayEquals(cold, warm);
    }

    @Test
    void aRejectingExecutor_leavesTheVectorLoopInUse() {
        Compositor.deferVectorLoopsUntilWarm(r -> { throw new java.util.concurrent.RejectedExecutionException("shut down"); });
        assertSame(Compositor.scalarKernel(BlendMode.SCREEN), Compositor.kernel(BlendMode.SCREEN), "cold: scalar this once");
        assertSame(Kernels.activeOf(BlendMode.SCREEN), Compositor.kernel(BlendMode.SCREEN), "then the vector loop, unwarmed");
    }
}

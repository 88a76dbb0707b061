package dev.blendbench.bench;

import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Thread scaling of the tiled renderer on a 3840×2160 scene of several layers with a mix of
 * modes (source-over, multiply, screen, soft-light, overlay). The executor is a
 * {@code ThreadPoolExecutor} over an {@code ArrayBlockingQueue}, which queues without allocating.
 *
 * <p>Run: {@code java -jar engine/benchmarks/target/benchmarks.jar ScalingBenchmark -p threads=1,2,4,8,16}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
@State(Scope.Benchmark)
public class ScalingBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"3840x2160"})
    public String size;

    private Scene scene;
    private Surface target;
    private TileRenderer renderer;
    private ThreadPoolExecutor pool;

    @Setup
    public void setUp() {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]), h = Integer.parseInt(wh[1]);
        BlendMode[] modes = {BlendMode.MULTIPLY, BlendMode.SCREEN, BlendMode.SOFT_LIGHT, BlendMode.OVERLAY, BlendMode.SOURCE_OVER};
        List<Layer> ls = new ArrayList<>();
        Surface bg = Data.noise(w, h, 7);
        int[] p = bg.array();
        for (int i = 0; i < p.length; i++) p[i] |= 0xFF000000;
        ls.add(Layer.of("background", bg));
        for (int i = 0; i < modes.length; i++) {
            ls.add(Layer.of("layer " + i, Data.shapes(w, h, 10 + i, 0.5)).withMode(modes[i]));
        }
        scene = new Scene(w, h, 0, ls);
        target = Surface.allocate(w, h);
        pool = new ThreadPoolExecutor(Math.max(1, threads - 1), Math.max(1, threads - 1), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(64));
        pool.prestartAllCoreThreads();
        renderer = new TileRenderer(pool, threads, TileRenderer.DEFAULT_TILE_WIDTH, TileRenderer.DEFAULT_TILE_HEIGHT);
    }

    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    public Surface render() {
        renderer.render(scene, target);
        return target;
    }
}

package dev.blendbench.bench;

import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Placement;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A turned layer resampled by the direct 2-D filter (a 1920×1080 source turned 30°, scaled by
 * {@code scale}; below 1 the filter widens, so a tap window of (2·radius / scale)² pixels), 1 thread,
 * with the Vector API loop and, in {@link Scalar}, the scalar one in the same run (the same bits).
 *
 * <p>Run: {@code java -jar engine/benchmarks/target/benchmarks.jar RotatedLayerBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Thread)
public class RotatedLayerBenchmark {
    @Param({"lanczos3", "mitchell", "bilinear"})
    public String filter;

    @Param({"0.5"})
    public double scale;

    private Surface source;
    private Placement placement;
    private Rect bounds;
    private int[] out;

    @Setup
    public void setUp() {
        source = Data.noise(1920, 1080, 3);
        placement = Placement.of(Transform.place(1920, 1080, 100.5, 40, scale, 30), Filter.parse(filter), 1920, 1080);
        bounds = placement.bounds();
        out = new int[bounds.width() * bounds.height()];
    }

    @Benchmark
    public int[] sample() {
        placement.sample(source, bounds, out, 0, bounds.width());
        return out;
    }

    /** The same with the scalar loops ({@code -Dblendbench.vector=false}). */
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dblendbench.vector=false", "-Xmx2g"})
    public static class Scalar extends RotatedLayerBenchmark {
    }
}

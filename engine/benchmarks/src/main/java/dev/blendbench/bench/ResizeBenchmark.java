package dev.blendbench.bench;

import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Resampler;
import dev.blendbench.engine.surface.Surface;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
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
 * Whole-image resize 1920×1080 → 1280×720 on one thread, the anchor case: the engine's
 * call as a user makes it (weights computed, output allocated, every call), and Java2D's
 * {@code AffineTransformOp} on the same pixels as a same-run reference (which neither widens its
 * kernel when shrinking nor offers these filters: it aliases, and is no quality match).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Thread)
public class ResizeBenchmark {
    @Param({"bilinear", "mitchell", "lanczos3", "catmull-rom"})
    public String filter;

    private Surface src;
    private Filter f;
    private BufferedImage image;

    @Setup
    public void setUp() {
        src = Data.photo(1920, 1080, 7);
        f = Filter.parse(filter);
        image = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(src.array(), 0, px, 0, px.length);
    }

    @Benchmark
    public Surface blendbench() {
        return Resampler.resize(src, 1280, 720, f);
    }

    @Benchmark
    public BufferedImage java2d() {
        int type = switch (f) {
            case NEAREST -> AffineTransformOp.TYPE_NEAREST_NEIGHBOR;
            case BILINEAR, BOX -> AffineTransformOp.TYPE_BILINEAR;
            default -> AffineTransformOp.TYPE_BICUBIC;
        };
        AffineTransformOp op = new AffineTransformOp(AffineTransform.getScaleInstance(2 / 3.0, 2 / 3.0), type);
        BufferedImage out = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_ARGB_PRE);
        return op.filter(image, out);
    }
}

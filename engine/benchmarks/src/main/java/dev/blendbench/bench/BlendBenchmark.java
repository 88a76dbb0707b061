package dev.blendbench.bench;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.blend.SpanKernel;
import dev.blendbench.engine.surface.Surface;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full-canvas blend on one thread, against two baselines measured in the same run: the
 * memory floor ({@code dst[i] = dst[i] + src[i]} over the same arrays) and Java2D's
 * {@code drawImage} with {@code AlphaComposite.SrcOver} between {@code TYPE_INT_ARGB_PRE} images.
 * The source is random premultiplied noise (random alpha), so nothing is skipped: this measures
 * the kernels themselves.
 *
 * <p>Run: {@code java -jar engine/benchmarks/target/benchmarks.jar BlendBenchmark}, or the suite
 * ({@link Suite}) that prints the ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g", "-Djava.awt.headless=true"})
@State(Scope.Thread)
public class BlendBenchmark {
    @Param({"1920x1080", "3840x2160"})
    public String size;

    @Param({"source-over"})
    public String mode;

    private int[] src, dst;
    private SpanKernel kernel;
    private BufferedImage srcImg, dstImg;
    private Graphics2D g;

    @Setup
    public void setUp() {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]), h = Integer.parseInt(wh[1]);
        Surface s = Data.noise(w, h, 1), d = Data.noise(w, h, 2);
        src = s.array();
        dst = d.array();
        kernel = Compositor.kernel(BlendMode.parse(mode));
        srcImg = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        dstImg = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        System.arraycopy(src, 0, ((DataBufferInt) srcImg.getRaster().getDataBuffer()).getData(), 0, src.length);
        System.arraycopy(dst, 0, ((DataBufferInt) dstImg.getRaster().getDataBuffer()).getData(), 0, dst.length);
        g = dstImg.createGraphics();
        g.setComposite(AlphaComposite.SrcOver);
    }

    @TearDown
    public void tearDown() {
        g.dispose();
    }

    /** The memory floor: the same reads and writes as a blend, with the least work per pixel. */
    @Benchmark
    public int[] memoryFloor() {
        int[] s = src, d = dst;
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] + s[i];
        }
        return d;
    }

    /** The mode's kernel over the whole canvas. */
    @Benchmark
    public int[] blend() {
        kernel.blend(src, 0, dst, 0, dst.length);
        return dst;
    }

    /** Java2D's source-over between premultiplied images (the mode parameter is ignored). */
    @Benchmark
    public BufferedImage java2dSrcOver() {
        g.drawImage(srcImg, 0, 0, null);
        return dstImg;
    }
}

package dev.blendbench.bench;

import dev.blendbench.engine.colour.Cmyk;
import dev.blendbench.engine.surface.Surface;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The naive RGB → CMYK separation of a 1920×1080 image in the two layouts: interleaved
 * (array of structures: one {@code int} ARGB a pixel in, {@code c m y k} bytes out) and planar
 * (structure of arrays: one byte plane a channel in and out). Same results (tested); the planar
 * loop has no per-pixel unpacking and lets the JIT vectorise. The ICC path is timed beside them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Thread)
public class CmykLayoutBenchmark {
    static final int N = 1920 * 1080;
    private int[] argb;
    private byte[] interleaved;
    private byte[] r, g, b, c, m, y, k;
    private Cmyk.Icc icc;

    @Setup
    public void setUp() {
        Surface s = Data.photo(1920, 1080, 5);
        argb = s.array();
        interleaved = new byte[4 * N];
        r = new byte[N];
        g = new byte[N];
        b = new byte[N];
        c = new byte[N];
        m = new byte[N];
        y = new byte[N];
        k = new byte[N];
        for (int i = 0; i < N; i++) {
            r[i] = (byte) (argb[i] >>> 16);
            g[i] = (byte) (argb[i] >>> 8);
            b[i] = (byte) argb[i];
        }
        icc = Cmyk.icc();
    }

    @Benchmark
    public byte[] interleaved() {
        Cmyk.naiveInterleaved(argb, 0, N, interleaved, 0);
        return interleaved;
    }

    @Benchmark
    public byte[] planar() {
        Cmyk.naivePlanar(r, g, b, c, m, y, k, N);
        return k;
    }

    @Benchmark
    public byte[] iccInterleaved() {
        icc.toCmyk(argb, 0, N, interleaved, 0);
        return interleaved;
    }
}

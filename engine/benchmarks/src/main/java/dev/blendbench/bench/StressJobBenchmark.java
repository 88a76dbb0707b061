package dev.blendbench.bench;

import dev.blendbench.engine.demo.DemoScene;
import dev.blendbench.engine.stress.CompositeWorkload;
import dev.blendbench.engine.stress.Strategy;
import dev.blendbench.engine.stress.Workload;
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
 * One stress job (the demo scene composited under a strategy), as the stress harness runs it,
 * so that its bytes per job can be checked against JMH's {@code -prof gc}.
 *
 * <p>Run: {@code java -jar engine/benchmarks/target/benchmarks.jar StressJobBenchmark -prof gc}
 * and compare {@code gc.alloc.rate.norm} with {@code bytesPerJob} of
 * {@code blendbench stress --workers 1 --closed --strategy pooled|alloc-per-job}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Thread)
public class StressJobBenchmark {
    @Param({"pooled", "alloc-per-job"})
    public String strategy;

    private Workload workload;
    private Workload.WorkerJob job;
    private final long[] stages = new long[1];

    @Setup
    public void setUp() {
        workload = new CompositeWorkload(DemoScene.scene(), Strategy.parse(strategy), false, false);
        job = workload.newWorker(0);
    }

    @TearDown
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public long[] job() throws Exception {
        job.run(stages);
        return stages;
    }
}

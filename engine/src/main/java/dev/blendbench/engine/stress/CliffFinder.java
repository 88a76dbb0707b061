package dev.blendbench.engine.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Finds the knee of the latency curve: the highest open-loop rate at which a latency objective
 * still holds. A coarse ramp of rates (geometric from {@code from} to {@code to}) finds the first
 * violating step; bisection between the last passing and the first failing rate then refines the
 * knee. Each step is a full session (warm-up, then measurement) on a fresh workload.
 */
public final class CliffFinder {
    /**
     * One measured step.
     *
     * @param rate        offered jobs/s
     * @param measured    the objective's percentile at that rate, in ns
     * @param passed      whether the objective held (and the generator kept the schedule)
     * @param busy        the workers' busy share at that rate ({@link StressReport#busy()}): near 1 the jobs queue
     * @param latencyDistribution the step's whole latency distribution ({@link StressReport#latencyDistribution()})
     * @param cpu         how the machine's CPUs were used while it was measured ({@link StressReport#cpu()}): other
     *                    processes taking their share can make a rate miss that would have met the objective
     */
    public record Step(double rate, long measured, boolean passed, double throughput, long jobs, boolean saturated, double busy,
                       List<PercentilePoint> latencyDistribution, CpuUse cpu) {
        public Step {
            latencyDistribution = List.copyOf(latencyDistribution);
        }
    }

    /**
     * @param knee  highest passing rate found (0 if even {@code from} fails; {@code to} if nothing failed)
     * @param below the step at the knee (null if none passed)
     * @param above the lowest failing step (null if none failed)
     * @param stopped whether {@link #stop()} ended the search early: the steps are those measured
     *                in full before it, and the knee is the best known so far (not bracketed where
     *                {@code above} is null)
     */
    public record Result(Slo slo, List<Step> steps, double knee, Step below, Step above, boolean stopped) {
        public Result {
            steps = List.copyOf(steps);
        }
    }

    private final Supplier<Workload> workloads;
    private final int workers;
    private final Arrivals arrivals;
    private final Slo slo;
    private final Duration warmup, stepDuration;
    private final Ticker ticker;
    private volatile boolean stopped;
    private volatile StressSession current;

    public CliffFinder(Supplier<Workload> workloads, int workers, Arrivals arrivals, Slo slo, Duration warmup,
                       Duration stepDuration, Ticker ticker) {
        this.workloads = workloads;
        this.workers = workers;
        this.arrivals = arrivals;
        this.slo = slo;
        this.warmup = warmup;
        this.stepDuration = stepDuration;
        this.ticker = ticker;
    }

    /**
     * Ends a search in progress from any thread: the step being measured stops at once and is left
     * out (it is shorter than asked), and {@link #find} returns what was measured before it, marked
     * {@link Result#stopped()}. A search started after this returns at once.
     */
    public void stop() {
        stopped = true;
        StressSession s = current;
        if (s != null) s.stop();
    }

    /** Measures one rate. */
    public Step step(double rate) throws InterruptedException {
        try (Workload w = workloads.get()) {
            StressConfig cfg = new StressConfig(new LoadModel.Open(rate, arrivals, workers), false, warmup, stepDuration, 0,
                    Duration.ofMillis(100));
            StressSession s = new StressSession(cfg, w, ticker, null);
            current = s;
            if (stopped) s.stop(); // a stop() that came before current was set
            StressReport r = s.run();
            current = null;
            long v = slo.measure(s.latencyHistogram());
            boolean ok = v <= slo.limitNanos() && !r.generatorSaturated() && r.jobs() > 0;
            return new Step(rate, v, ok, r.throughput(), r.jobs(), r.generatorSaturated(), r.busy(), r.latencyDistribution(), r.cpu());
        }
    }

    /**
     * @param coarseSteps rates tried on the ramp (at least 2)
     * @param bisections  refinements between the last passing and first failing rate
     */
    public Result find(double from, double to, int coarseSteps, int bisections, Consumer<Step> onStep) throws InterruptedException {
        if (!(from > 0 && to > from)) throw new IllegalArgumentException("need 0 < from < to, got " + from + " and " + to);
        if (coarseSteps < 2) throw new IllegalArgumentException("need at least 2 ramp steps");
        List<Step> steps = new ArrayList<>();
        Step pass = null, fail = null;
        double ratio = Math.pow(to / from, 1.0 / (coarseSteps - 1));
        for (int i = 0; i < coarseSteps; i++) {
            if (stopped) return partial(steps, pass, fail);
            Step s = step(from * Math.pow(ratio, i));
            if (stopped) return partial(steps, pass, fail);
            steps.add(s);
            onStep.accept(s);
            if (s.passed()) {
                pass = s;
            } else {
                fail = s;
                break;
            }
        }
        if (fail == null) return new Result(slo, steps, pass.rate(), pass, null, false);
        if (pass == null) return new Result(slo, steps, 0, null, fail, false);
        for (int i = 0; i < bisections; i++) {
            Step s = step(Math.sqrt(pass.rate() * fail.rate()));
            if (stopped) return partial(steps, pass, fail);
            steps.add(s);
            onStep.accept(s);
            if (s.passed()) pass = s; else fail = s;
        }
        steps.sort(Comparator.comparingDouble(Step::rate));
        return new Result(slo, steps, pass.rate(), pass, fail, false);
    }

    private Result partial(List<Step> steps, Step pass, Step fail) {
        steps.sort(Comparator.comparingDouble(Step::rate));
        return new Result(slo, steps, pass == null ? 0 : pass.rate(), pass, fail, true);
    }
}

package dev.blendbench.engine.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CliffFinderTest {

    /** The highest arrival rate at which the M/M/c p99 sojourn stays within the limit (Erlang C). */
    static double analyticKnee(int c, double mu, double limitSeconds) {
        double lo = 1, hi = c * mu - 1e-6;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (ErlangCTest.percentile(0.99, c, mid, mu) <= limitSeconds) lo = mid; else hi = mid;
        }
        return lo;
    }

    @Test
    void knee_ofAnMMcQueue_matchesErlangC() throws InterruptedException {
        int c = 4;
        double mu = 100;
        Slo slo = Slo.parse("p99=100ms");
        double want = analyticKnee(c, mu, 0.1);
        assertTrue(want > 300 && want < 400, "analytic knee " + want);
        CliffFinder f = new CliffFinder(() -> new SyntheticWorkload(new ServiceTime(ServiceTime.Kind.EXPONENTIAL, 10_000_000L, false),
                null, Ticker.SYSTEM), c, Arrivals.POISSON, slo, Duration.ofMillis(500), Duration.ofSeconds(3), Ticker.SYSTEM);
        CliffFinder.Result r = f.find(200, 390, 5, 3, s -> { });
        assertNotNull(r.below());
        assertNotNull(r.above());
        assertTrue(r.below().measured() <= slo.limitNanos() && r.above().measured() > slo.limitNanos());
        // stated tolerance: 10 % of the rate (each step measures p99 from ~1000 jobs)
        assertEquals(want, r.knee(), 0.10 * want, "knee: Erlang C " + want + " jobs/s, found " + r.knee());
    }

    private static CliffFinder constantFinder(Duration step) {
        return new CliffFinder(() -> new SyntheticWorkload(new ServiceTime(ServiceTime.Kind.CONSTANT, 1_000_000L, false),
                null, Ticker.SYSTEM), 2, Arrivals.CONSTANT, Slo.parse("p99=1s"), Duration.ofMillis(50), step, Ticker.SYSTEM);
    }

    @Test
    void stop_duringAStep_returnsTheStepsMeasuredBefore_withoutTheCutOne() throws InterruptedException {
        CliffFinder f = constantFinder(Duration.ofSeconds(30));
        java.util.List<CliffFinder.Step> seen = new java.util.ArrayList<>();
        // a first step of 30 s would outlast the test's patience: stop it shortly after it starts
        Thread stopper = Later.run(300, f::stop);
        CliffFinder.Result r = f.find(10, 20, 3, 2, seen::add);
        stopper.join();
        assertTrue(r.stopped());
        assertTrue(r.steps().isEmpty(), "the cut step is left out: " + r.steps());
        assertTrue(seen.isEmpty());
        assertEquals(0, r.knee());
    }

    @Test
    void stop_betweenSteps_keepsTheFinishedOnes_andTheBestKneeSoFar() throws InterruptedException {
        CliffFinder f = constantFinder(Duration.ofMillis(200));
        CliffFinder.Result r = f.find(10, 20, 4, 2, s -> f.stop()); // stop as the first step is reported
        assertTrue(r.stopped());
        assertEquals(1, r.steps().size());
        assertTrue(r.steps().get(0).passed());
        assertEquals(10, r.knee(), 1e-9);
        assertNotNull(r.below());
        assertEquals(null, r.above());
    }

    @Test
    void unstopped_search_isNotMarkedStopped() throws InterruptedException {
        CliffFinder.Result r = constantFinder(Duration.ofMillis(100)).find(10, 20, 2, 0, s -> { });
        assertEquals(2, r.steps().size());
        assertTrue(!r.stopped());
    }

    @Test
    void eachStep_keepsItsWholeLatencyDistribution_upToTheObjectivesPercentileAndBeyond() throws InterruptedException {
        CliffFinder.Result r = constantFinder(Duration.ofMillis(300)).find(10, 20, 2, 0, s -> { });
        for (CliffFinder.Step s : r.steps()) {
            var d = s.latencyDistribution();
            assertEquals(0, d.getFirst().percentile());
            assertEquals(100, d.getLast().percentile());
            assertTrue(d.stream().anyMatch(p -> p.nanos() >= s.measured()) && d.getFirst().nanos() <= s.measured(),
                    "the objective's percentile (" + s.measured() + " ns) lies within it: " + d);
        }
    }

    @Test
    void usl_fit_recoversKnownParameters() {
        int[] n = {1, 2, 4, 8, 12, 16, 24, 32};
        double[] x = new double[n.length];
        UniversalScalability truth = new UniversalScalability(100, 0.05, 0.002, 0, 1);
        for (int i = 0; i < n.length; i++) x[i] = truth.throughputAt(n[i]);
        UniversalScalability u = UniversalScalability.fit(n, x);
        assertEquals(100, u.lambda(), 1e-6);
        assertEquals(0.05, u.sigma(), 1e-9);
        assertEquals(0.002, u.kappa(), 1e-9);
        assertEquals(Math.sqrt(0.95 / 0.002), u.peakWorkers(), 1e-6);
        assertEquals(1.0, u.rSquared(), 1e-12);
    }

    @Test
    void usl_fit_neverGivesNegativeContentionOrCoherency_andIsTheBestFitThatDoesNot() {
        // near-linear scaling with noise: unconstrained, the fit read a negative sigma (3 workers above 3x one)
        UniversalScalability u = UniversalScalability.fit(new int[] {1, 2, 3}, new double[] {462.7, 931.0, 1392.3});
        assertTrue(u.sigma() >= 0 && u.kappa() >= 0, u.toString());
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int t = 0; t < 30; t++) {
            int[] n = {1, 2, 3, 4, 8, 16};
            double[] x = new double[n.length];
            UniversalScalability truth = new UniversalScalability(100, rnd.nextDouble(0, 0.05), rnd.nextDouble(0, 0.002), 0, 1);
            for (int i = 0; i < n.length; i++) x[i] = truth.throughputAt(n[i]) * (1 + rnd.nextDouble(-0.08, 0.08));
            UniversalScalability f = UniversalScalability.fit(n, x);
            assertTrue(f.sigma() >= 0 && f.kappa() >= 0, f.toString());
            // oracle: no feasible (sigma, kappa) on a fine grid, with its best lambda, fits X better
            double fitted = errorInX(n, x, f);
            for (double sg = 0; sg <= 0.1; sg += 0.002) {
                for (double kp = 0; kp <= 0.004; kp += 0.00004) {
                    assertTrue(fitted <= bestErrorInX(n, x, sg, kp) * (1 + 1e-9) + 1e-18, "trial " + t + ": grid point fits better");
                }
            }
        }
    }

    @Test
    void usl_fit_ofAFlatThroughput_isTheFlatCurve_notOneTheLastPointDecides() {
        // shared-locked, 1 to 8 workers on 2 cores (cliff --closed, 1 s steps): one lock every job takes, throughput flat within noise;
        // fitted on N/X, the 8 workers' point decided it: 433 jobs/s per worker where one worker did 600, R² -1.479
        int[] n = {1, 2, 3, 4, 8};
        double[] x = {599.8, 560.9, 551.6, 537.7, 687.2};
        UniversalScalability u = UniversalScalability.fit(n, x);
        assertTrue(u.rSquared() >= 0, "no worse than the mean: " + u);
        assertTrue(u.lambda() > 500 && u.lambda() < 700, "about what one worker did: " + u);
        assertTrue(u.sigma() > 0.8, "contention near 1: more workers add nothing: " + u);
        for (double sg = 0; sg <= 2; sg += 0.01) {
            for (double kp = 0; kp <= 0.05; kp += 0.0005) {
                assertTrue(errorInX(n, x, u) <= bestErrorInX(n, x, sg, kp) * (1 + 1e-9), "(" + sg + ", " + kp + ") fits better than " + u);
            }
        }
    }

    private static double errorInX(int[] n, double[] x, UniversalScalability u) {
        double sse = 0;
        for (int i = 0; i < n.length; i++) {
            double e = x[i] - u.throughputAt(n[i]);
            sse += e * e;
        }
        return sse;
    }

    /** The squared error in X of (sigma, kappa) with the lambda that fits best (least squares in one unknown: ΣXg / Σg²). */
    private static double bestErrorInX(int[] n, double[] x, double sigma, double kappa) {
        double xg = 0, gg = 0;
        for (int i = 0; i < n.length; i++) {
            double g = n[i] / (1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1));
            xg += x[i] * g;
            gg += g * g;
        }
        return errorInX(n, x, new UniversalScalability(xg / gg, sigma, kappa, 0, 0));
    }

    @Test
    void usl_fit_ofLinearScaling_hasNoPeak() {
        int[] n = {1, 2, 3, 4};
        double[] x = {50, 100, 150, 200};
        UniversalScalability u = UniversalScalability.fit(n, x);
        assertEquals(50, u.lambda(), 1e-9);
        assertEquals(0, u.sigma(), 1e-9);
        assertTrue(Double.isInfinite(u.peakWorkers()) || u.peakWorkers() > 1e6);
    }

    @Test
    void slo_parsing() {
        assertEquals(new Slo(99, 100_000_000L), Slo.parse("p99=100ms"));
        assertEquals(99.9, Slo.parse("P99.9=1s").percentile());
        assertThrows(IllegalArgumentException.class, () -> Slo.parse("99=100ms"));
        assertThrows(IllegalArgumentException.class, () -> Slo.parse("p100=1s"));
        assertThrows(IllegalArgumentException.class, () -> Slo.parse("p99<100ms"));
        assertThrows(IllegalArgumentException.class, () -> Slo.parse("p99=fast"));
    }
}

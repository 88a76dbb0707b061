package dev.blendbench.engine.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StressSessionTest {
    static Scene scene() {
        return new Scene(160, 120, 0, List.of(Layer.of("bg", TestImages.random(160, 120, 1)),
                new Layer("top", TestImages.blocky(100, 80, 2), 20, 10, BlendMode.MULTIPLY, 0.8f, true)));
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyStrategy_runsJobsWithoutErrors(Strategy strategy) throws InterruptedException {
        try (CompositeWorkload w = new CompositeWorkload(scene(), strategy, false, false)) {
            // until 40 jobs, with time for a cold JVM's first ones (Vector API code runs boxed at first)
            StressConfig cfg = new StressConfig(new LoadModel.Closed(2, Duration.ZERO), false, Duration.ofMillis(100),
                    Duration.ofSeconds(20), 40, Duration.ofMillis(100));
            StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
            assertTrue(r.jobs() > 10, strategy + ": " + r.jobs() + " jobs");
            assertEquals(0, r.errors(), String.valueOf(r.firstError()));
            assertNull(r.firstError());
            boolean locks = java.util.EnumSet.of(Strategy.SHARED_LOCKED, Strategy.SHARED_FAIR, Strategy.STRIPED).contains(strategy);
            assertEquals(locks ? List.of(CompositeWorkload.LOCK_WAIT, "composite") : List.of("composite"), List.copyOf(r.stages().keySet()));
            if (locks) {
                // two workers on one lock: the second waits while the first composites, and the wait is not compositing
                Percentiles wait = r.stages().get(CompositeWorkload.LOCK_WAIT), composite = r.stages().get("composite");
                assertEquals(composite.count(), wait.count());
                assertTrue(wait.max() > 0, strategy + ": no job ever waited for the lock");
                assertTrue(wait.mean() + composite.mean() <= r.service().mean() * 1.05 + 1000,
                        "the stages split the service: " + wait.mean() + " + " + composite.mean() + " vs " + r.service().mean());
            }
            assertTrue(w.description().endsWith("stages composite"), "the job is the same whatever its locks: " + w.description());
        }
    }

    @Test
    void workloadDescription_saysTheBlendSpace_soThatSessionsOfDifferentJobsDoNotCompareAsOne() {
        try (CompositeWorkload srgb = new CompositeWorkload(scene(), Strategy.POOLED, false, false);
             CompositeWorkload linear = new CompositeWorkload(scene().withBlendSpace(dev.blendbench.engine.colour.BlendSpace.LINEAR),
                     Strategy.POOLED, false, false)) {
            assertFalse(srgb.description().contains("linear"), srgb.description());
            assertTrue(linear.description().matches(".* layers in linear light \\([0-9.]+ MB of source pixels\\), scene #[0-9a-f]{8}, strategy pooled.*"),
                    linear.description());
        }
    }

    @Test
    void workloadDescription_namesTheScenesFingerprint_soAnEditedSceneOfTheSameShapeIsAnotherJob() {
        dev.blendbench.engine.scene.Scene s = scene();
        dev.blendbench.engine.scene.Scene edited = s.withLayers(java.util.List.of(s.layers().get(0),
                s.layers().get(1).withMode(dev.blendbench.engine.blend.BlendMode.SOFT_LIGHT)));
        try (CompositeWorkload a = new CompositeWorkload(s, Strategy.POOLED, false, false);
             CompositeWorkload again = new CompositeWorkload(scene(), Strategy.POOLED, false, false);
             CompositeWorkload b = new CompositeWorkload(edited, Strategy.POOLED, false, false)) {
            assertTrue(a.description().contains(", scene #" + dev.blendbench.engine.scene.Fingerprint.of(s) + ","), a.description());
            assertEquals(a.description(), again.description());
            assertFalse(a.description().equals(b.description()), b.description());
        }
    }

    @Test
    void workloadDescription_saysTheSourceMemory_aSurfaceTwoLayersShareCountingOnce() {
        dev.blendbench.engine.surface.Surface a = dev.blendbench.engine.surface.Surface.allocate(1000, 500); // 2 MB
        dev.blendbench.engine.scene.Scene shared = new dev.blendbench.engine.scene.Scene(1000, 500, 0, java.util.List.of(
                dev.blendbench.engine.scene.Layer.of("a", a), dev.blendbench.engine.scene.Layer.of("again", a)));
        dev.blendbench.engine.scene.Scene twoCopies = shared.withLayers(java.util.List.of(
                dev.blendbench.engine.scene.Layer.of("a", a), dev.blendbench.engine.scene.Layer.of("copy", a.copy())));
        try (CompositeWorkload one = new CompositeWorkload(shared, Strategy.POOLED, false, false);
             CompositeWorkload two = new CompositeWorkload(twoCopies, Strategy.POOLED, false, false)) {
            assertTrue(one.description().contains("2 layers (2.0 MB of source pixels)"), one.description());
            assertTrue(two.description().contains("2 layers (4.0 MB of source pixels)"), two.description());
        }
    }

    @Test
    void maskedLayers_andPassThroughGroups_areSaidAsTheyRender_andRunThroughTheDecodeStage() throws InterruptedException {
        byte[] v = new byte[100 * 80];
        java.util.Arrays.fill(v, (byte) 128);
        dev.blendbench.engine.scene.LayerMask m = new dev.blendbench.engine.scene.LayerMask(v, 0, 0, 100, 80, 0, true);
        Layer masked = new Layer("m", TestImages.random(100, 80, 5), 0, 0, BlendMode.SCREEN, 1f, true).withMask(m);
        Scene folder = new Scene(100, 80, 0, List.of(masked, Layer.of("b", TestImages.random(100, 80, 6))));
        Scene scene = new Scene(100, 80, 0, List.of(Layer.of("bg", TestImages.random(100, 80, 7)),
                dev.blendbench.engine.render.Groups.passThrough("folder", folder, 0, 0, true)));
        try (CompositeWorkload w = new CompositeWorkload(scene, Strategy.PER_WORKER, true, false)) {
            // the pass-through group is its layers; the mask's bytes are read on every render too
            assertTrue(w.description().contains("composite 100x80, 3 layers, 1 masked (0.1 MB of source pixels)"), w.description());
            StressConfig cfg = new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false, Duration.ZERO,
                    Duration.ofMillis(200), 0, Duration.ofMillis(100));
            StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
            assertEquals(0, r.errors(), r.firstError());
        }
        // faded and masked, the pass-through group stays a group: said so, and decoded with its mask
        Scene faded = scene.withLayer(1, scene.layers().get(1).withOpacity(0.5f).withMask(m));
        try (CompositeWorkload w = new CompositeWorkload(faded, Strategy.PER_WORKER, true, false)) {
            assertTrue(w.description().contains("composite 100x80, 2 layers, 1 group (2 layers in it, pass-through), 2 masked"), w.description());
            StressConfig cfg = new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false, Duration.ZERO,
                    Duration.ofMillis(200), 0, Duration.ofMillis(100));
            StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
            assertEquals(0, r.errors(), r.firstError());
        }
    }

    @Test
    void aGroupLayer_countsItsLayersPixels_andIsDecodedLayerByLayer() throws InterruptedException {
        Scene group = new Scene(500, 400, 0, List.of(Layer.of("a", TestImages.random(500, 400, 3)),
                new Layer("b", TestImages.blocky(500, 400, 4), 0, 0, BlendMode.SCREEN, 1f, true)));
        Scene scene = new Scene(160, 120, 0, List.of(Layer.of("bg", TestImages.random(160, 120, 1)),
                dev.blendbench.engine.render.Groups.of("group", group, -200, -150, BlendMode.MULTIPLY, 0.8f, true)));
        try (CompositeWorkload w = new CompositeWorkload(scene, Strategy.PER_WORKER, true, false)) {
            // what the renderer reads: the background and the group's two layers (1.6 MB), not the group's own pixels
            assertTrue(w.description().contains("2 layers, 1 group (2 layers in it) (1.7 MB of source pixels)"), w.description());
            try (CompositeWorkload c = new CompositeWorkload(scene.withLayer(1, dev.blendbench.engine.render.Groups.of("group",
                    group.withClipping(true), -200, -150, BlendMode.MULTIPLY, 0.8f, true)), Strategy.PER_WORKER, true, false)) {
                assertTrue(c.description().contains("2 layers, 1 group (2 layers in it, clipping) (1.7 MB"), c.description());
                assertNotEquals(w.description(), c.description(), "clipping is another job: its scene differs");
            }
            StressConfig cfg = new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false, Duration.ZERO,
                    Duration.ofMillis(300), 0, Duration.ofMillis(100));
            StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
            assertEquals(0, r.errors(), r.firstError());
            assertTrue(r.jobs() > 0);
        }
    }

    @Test
    void stages_decodeCompositeEncode_areTimedSeparately() throws InterruptedException {
        try (CompositeWorkload w = new CompositeWorkload(scene(), Strategy.PER_WORKER, true, true)) {
            StressConfig cfg = new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false, Duration.ZERO,
                    Duration.ofMillis(500), 0, Duration.ofMillis(100));
            StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
            assertEquals(List.of("decode", "composite", "encode"), List.copyOf(r.stages().keySet()));
            for (Percentiles p : r.stages().values()) {
                assertEquals(r.jobs(), p.count());
                assertTrue(p.p50() > 0);
            }
        }
    }

    @Test
    void pooled_allocatesLessPerJobThanAllocPerJob() throws InterruptedException {
        double[] bytes = new double[2];
        Strategy[] s = {Strategy.POOLED, Strategy.ALLOC_PER_JOB};
        for (int i = 0; i < 2; i++) {
            try (CompositeWorkload w = new CompositeWorkload(scene(), s[i], false, false)) {
                StressConfig cfg = new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false, Duration.ofMillis(500),
                        Duration.ofMillis(500), 0, Duration.ofMillis(100));
                // steady state: until C2 compiles the vector kernels, interpreted Vector API code allocates
                // a box per operation (a cold JVM, as when this class runs alone), so one session first
                new StressSession(cfg, w, Ticker.SYSTEM, null).run();
                bytes[i] = new StressSession(cfg, w, Ticker.SYSTEM, null).run().bytesPerJob();
            }
        }
        assertTrue(bytes[1] >= 0.9 * 160 * 120 * 4, "alloc-per-job allocates a canvas a job: " + bytes[1]);
        assertTrue(bytes[0] < bytes[1] / 4, "pooled " + bytes[0] + " vs alloc-per-job " + bytes[1]);
    }

    @Test
    void overloadedOpenLoop_reportsTheThroughputDone_notTheRateOffered() throws InterruptedException {
        // one worker, 10 ms jobs: 100 jobs/s at most, offered 200 for 0.5 s; the backlog drains after
        StressReport r = synthetic("const:10ms", new LoadModel.Open(200, Arrivals.CONSTANT, 1), Duration.ofMillis(500));
        assertEquals(100, r.jobs(), 1);
        assertTrue(r.measuredNanos() >= 900_000_000L, "the phase lasts until the last job: " + r.measuredNanos());
        assertFalse(r.stopped(), "a backlog drained to its end is no stop");
        assertTrue(r.throughput() <= 110, "done, not offered: " + r.throughput());
    }

    @Test
    void anOpenLoopBelowOneJobAnInterval_lastsItsWholeDuration_andReportsNoMoreThanTheRateOffered() throws InterruptedException {
        // 4 jobs/s for 1 s: arrivals at 0, 250, 500 and 750 ms, the last ending at ~751 ms; the phase is the whole second
        StressReport r = synthetic("const:1ms", new LoadModel.Open(4, Arrivals.CONSTANT, 1), Duration.ofSeconds(1));
        assertEquals(4, r.jobs());
        assertTrue(r.measuredNanos() >= 1_000_000_000L, "the phase lasts its duration: " + r.measuredNanos());
        assertTrue(r.throughput() <= 4.0, "not above the rate offered: " + r.throughput());
        assertFalse(r.stopped() || r.overloaded(), "an idle end is neither a stop nor an overload");
        // a phase that starts between arrivals holds one fewer: 2 of 0.5 jobs/s × 5 s is the edge, not an overload
        assertFalse(StressReport.overloaded(0.4, 0.5, 5.0));
        assertTrue(StressReport.overloaded(90, 200, 0.5), "110 jobs short");
        assertTrue(StressReport.overloaded(90, 200, Double.NaN), "a file that does not say its phase's length: the rate alone");
        assertTrue(r.intervals().size() >= 10, "its intervals cover the whole second: " + r.intervals().size());
    }

    @Test
    void aClosedLoopThinking_endsWithItsDuration_notAThinkLater() throws InterruptedException {
        // one worker, 1 ms jobs, 400 ms of thought: jobs at 0, ~401 and ~802 ms of a 1 s phase; the third think would run to 1.2 s
        StressReport r = synthetic("const:1ms", new LoadModel.Closed(1, Duration.ofMillis(400)), Duration.ofSeconds(1));
        assertEquals(3, r.jobs());
        assertTrue(r.measuredNanos() < 1_150_000_000L, "the phase ends with its duration: " + r.measuredNanos());
        assertFalse(r.stopped());
    }

    @Test
    void eachInterval_saysHowManyRacingAccessesItsWorkloadFoundInIt_orMinusOneWhereNothingWatches() throws InterruptedException {
        java.util.concurrent.atomic.AtomicLong found = new java.util.concurrent.atomic.AtomicLong();
        SyntheticWorkload inner = new SyntheticWorkload(ServiceTime.parse("const:2ms"), null, Ticker.SYSTEM);
        Workload watched = new Workload() { // a job finds one race, as a detector would count it
            @Override public String description() { return inner.description(); }
            @Override public List<String> stages() { return inner.stages(); }
            @Override public WorkerJob newWorker(int index) {
                WorkerJob job = inner.newWorker(index);
                return stageNanos -> {
                    job.run(stageNanos);
                    found.incrementAndGet();
                };
            }
            @Override public long racingAccesses() { return found.get(); }
        };
        StressConfig cfg = new StressConfig(new LoadModel.Closed(2, Duration.ZERO), false, Duration.ofMillis(200),
                Duration.ofMillis(500), 0, Duration.ofMillis(100));
        StressReport r = new StressSession(cfg, watched, Ticker.SYSTEM, null).run();
        long inIntervals = r.intervals().stream().mapToLong(IntervalSnapshot::racingAccesses).sum();
        assertTrue(r.intervals().stream().allMatch(i -> i.racingAccesses() >= 0), r.intervals().toString());
        // the warm-up's are left out: the races of jobs ended before measuring began (at most one running per worker
        // then); those of jobs ended while the sampler, late on a loaded machine, had not yet taken its first count too
        long measured = found.get() - r.warmupJobs();
        assertTrue(inIntervals <= measured + 2 && inIntervals >= measured / 2 - 2,
                inIntervals + " in the intervals, " + found.get() + " in all, " + r.warmupJobs() + " jobs in the warm-up");
        StressReport plain = new StressSession(cfg, inner, Ticker.SYSTEM, null).run();
        assertTrue(plain.intervals().stream().allMatch(i -> i.racingAccesses() == -1), "no detector: -1");
    }

    @Test
    void warmupJobs_countJobsThatEndedBeforeMeasuring() throws InterruptedException {
        for (long warmupMillis : new long[] {0, 300}) {
            SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:1ms"), null, Ticker.SYSTEM);
            StressConfig cfg = new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false, Duration.ofMillis(warmupMillis),
                    Duration.ofMillis(200), 0, Duration.ofMillis(100));
            StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
            if (warmupMillis == 0) {
                assertEquals(0, r.warmupJobs());
            } else {
                assertTrue(r.warmupJobs() >= 50, "1 ms jobs for 300 ms: " + r.warmupJobs());
            }
            assertTrue(r.jobs() > 0);
        }
    }

    @Test
    void stop_midSession_keepsPartialReport() throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:1ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Closed(2, Duration.ZERO), false, Duration.ZERO,
                Duration.ofSeconds(60), 0, Duration.ofMillis(100));
        List<IntervalSnapshot> seen = Collections.synchronizedList(new ArrayList<>());
        StressSession[] holder = new StressSession[1];
        holder[0] = new StressSession(cfg, w, Ticker.SYSTEM, snap -> {
            seen.add(snap);
            if (seen.size() == 5) holder[0].stop();
        });
        long t0 = System.nanoTime();
        StressReport r = holder[0].run();
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "stopped well before 60 s");
        assertTrue(r.stopped());
        assertTrue(r.jobs() > 100, "kept the jobs measured: " + r.jobs());
        assertTrue(r.intervals().size() >= 5);
        assertEquals(r.jobs(), r.intervals().stream().mapToLong(i -> i.latency().count()).sum());
    }

    @Test
    void stop_whileAnOverloadedOpenLoopDrainsItsBacklog_isAStop() throws InterruptedException {
        // 1 ms jobs offered at 20,000/s for 200 ms: 4,000 due, about 200 done by the end; the drain would take seconds
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:1ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Open(20_000, Arrivals.CONSTANT, 1), false, Duration.ZERO,
                Duration.ofMillis(200), 0, Duration.ofMillis(100));
        StressSession s = new StressSession(cfg, w, Ticker.SYSTEM, null);
        Thread stopper = Later.run(600, s::stop);
        StressReport r = s.run();
        stopper.join();
        assertTrue(r.jobs() < 4_000, "cut short: " + r.jobs());
        assertTrue(r.stopped(), "a backlog cut short is a stop, not an end");
        assertEquals(4_000, r.jobs() + r.queuedAtEnd(), "every job due is either done or counted as queued");
        assertEquals(4_000, r.latency().count(), "the queued ones are in the latency");
    }

    /**
     * One worker, 10 ms jobs (100/s at most), offered 200/s for 500 ms: 100 due, about 50 done by the
     * end; the drain would take another 0.5 s, the limit allows 0.2 s.
     */
    private static StressReport cutByItsDrainLimit() throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:10ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Open(200, Arrivals.CONSTANT, 1), false, Duration.ZERO,
                Duration.ofMillis(500), 0, Duration.ofMillis(100), Duration.ofMillis(200));
        return new StressSession(cfg, w, Ticker.SYSTEM, null).run();
    }

    @Test
    void drainLimit_endsAnOverloadedOpenLoop_countingTheJobsStillQueuedAtTheirWait() throws InterruptedException {
        StressReport r = cutByItsDrainLimit();
        assertFalse(r.stopped(), "the drain limit is the session's planned end, not a stop");
        assertTrue(r.queuedAtEnd() > 0 && r.jobs() < 100, "cut: " + r.jobs() + " done, " + r.queuedAtEnd() + " queued");
        assertEquals(100, r.jobs() + r.queuedAtEnd(), "every job due is either done or counted as queued");
        assertEquals(100, r.latency().count(), "the queued ones are in the latency");
        assertEquals(r.jobs(), r.service().count(), "and in no other figure");
        assertEquals(r.jobs(), Math.round(r.intervals().stream().mapToDouble(i -> i.throughput() * i.lengthNanos() / 1e9).sum()),
                "throughput counts the jobs done");
        // the queued ones waited from their slot (350 … 500 ms) to the cut (about 700 ms)
        assertTrue(r.latency().max() >= 150_000_000L, "the longest wait is kept: " + r.latency().max());
        // the queue's age climbs while the worker falls behind: about 100 ms at 0.2 s, 250 ms at 0.5 s
        long early = r.intervals().get(1).oldestWaitNanos(), later = r.intervals().get(4).oldestWaitNanos();
        assertTrue(later > early && later >= 100_000_000L, "oldest waiting: " + early + " then " + later);
    }

    @Test
    void latencyDistribution_isTheWholePhasesLatency_theQueuedJobsAmongIt() throws InterruptedException {
        StressReport r = cutByItsDrainLimit(); // its queued jobs are its slowest
        List<PercentilePoint> d = r.latencyDistribution();
        assertEquals(0, d.getFirst().percentile());
        assertEquals(100, d.getLast().percentile());
        assertEquals(r.latency().max(), d.getLast().nanos(), "ends at the longest wait, a queued job's");
        assertTrue(d.getFirst().nanos() <= r.latency().p50() && r.latency().p50() <= d.getLast().nanos(), d.toString());
    }

    @Test
    void oldestWait_isZeroForAnOpenLoopThatKeepsUp_andUnsaidInClosedLoop() throws InterruptedException {
        StressConfig open = new StressConfig(new LoadModel.Open(50, Arrivals.CONSTANT, 2), false, Duration.ZERO,
                Duration.ofMillis(300), 0, Duration.ofMillis(100));
        StressReport r = new StressSession(open, new SyntheticWorkload(ServiceTime.parse("const:1ms"), null, Ticker.SYSTEM),
                Ticker.SYSTEM, null).run();
        // a job waits only while both workers are busy or not yet woken: rarely, and briefly (a loaded machine's scheduling)
        assertTrue(r.intervals().stream().allMatch(i -> i.oldestWaitNanos() >= 0 && i.oldestWaitNanos() < 200_000_000L), r.intervals().toString());
        assertTrue(r.intervals().stream().filter(i -> i.oldestWaitNanos() == 0).count() * 2 >= r.intervals().size(), r.intervals().toString());
        StressConfig closed = new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false, Duration.ZERO,
                Duration.ofMillis(200), 0, Duration.ofMillis(100));
        StressReport c = new StressSession(closed, new SyntheticWorkload(ServiceTime.parse("const:1ms"), null, Ticker.SYSTEM),
                Ticker.SYSTEM, null).run();
        assertTrue(c.intervals().stream().allMatch(i -> i.oldestWaitNanos() == -1), c.intervals().toString());
    }

    @Test
    void warmUpBacklog_countsInTheThroughput_notInTheMeasuredJobs() throws InterruptedException {
        // one worker, 10 ms jobs (100/s at most), offered 200/s: the 300 ms warm-up leaves about 30 of
        // its 60 jobs queued, which end in the measured phase, ahead of the 60 measured ones
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:10ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Open(200, Arrivals.CONSTANT, 1), false, Duration.ofMillis(300),
                Duration.ofMillis(300), 0, Duration.ofMillis(100), null);
        StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
        assertEquals(60, r.jobs(), "the measured jobs, all drained");
        assertEquals(60, r.warmupJobs() + r.warmupBacklogJobs(), "every warm-up job ended in the warm-up or after it");
        assertTrue(r.warmupBacklogJobs() >= 15, "the warm-up's backlog: " + r.warmupBacklogJobs());
        assertTrue(r.overloaded() && r.leftWarmupBacklog(), "named as a backlog: the rate is beyond what the system does");
        // the worker was busy all along: 100 jobs/s, not the 60 measured ones over the 0.9 s they took
        assertEquals(95, r.throughput(), 20, "what the system did (a sleep overshoots a little)");
        assertEquals(r.jobs() + r.warmupBacklogJobs(),
                Math.round(r.intervals().stream().mapToDouble(i -> i.throughput() * i.lengthNanos() / 1e9).sum()));
        assertTrue(r.intervals().get(0).latency().count() == 0 && r.intervals().get(0).throughput() > 0,
                "the first interval ended warm-up jobs only: a rate, and no latency");
    }

    @Test
    void noDrainLimit_drainsTheWholeBacklog() throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:10ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Open(200, Arrivals.CONSTANT, 1), false, Duration.ZERO,
                Duration.ofMillis(300), 0, Duration.ofMillis(100), null);
        StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
        assertEquals(60, r.jobs());
        assertEquals(0, r.queuedAtEnd());
        assertFalse(r.stopped());
    }

    @Test
    void stop_inTheWarmup_measuresNothing_andReportsNoInterval() throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:1ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Closed(2, Duration.ZERO), false, Duration.ofSeconds(60),
                Duration.ofSeconds(60), 0, Duration.ofMillis(100));
        List<IntervalSnapshot> seen = Collections.synchronizedList(new ArrayList<>());
        StressSession s = new StressSession(cfg, w, Ticker.SYSTEM, seen::add);
        Thread stopper = Later.run(300, s::stop);
        StressReport r = s.run();
        stopper.join();
        assertTrue(r.stopped());
        assertEquals(0, r.jobs());
        assertTrue(r.warmupJobs() > 0, "the warm-up ran: " + r.warmupJobs());
        assertTrue(r.intervals().isEmpty(), "no interval before the measurement began: " + r.intervals());
        assertTrue(seen.stream().allMatch(IntervalSnapshot::warmup), "the watcher saw the warm-up only: " + seen);
    }

    @Test
    void theListenerSeesTheWarmUpFirst_itsJobsInSnapshotsThatEndBeforeMeasuring_andTheReportHasNone() throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:2ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Closed(2, Duration.ZERO), false, Duration.ofMillis(500),
                Duration.ofMillis(300), 0, Duration.ofMillis(100));
        List<IntervalSnapshot> seen = Collections.synchronizedList(new ArrayList<>());
        StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, seen::add).run();
        List<IntervalSnapshot> warm = seen.stream().filter(IntervalSnapshot::warmup).toList();
        assertTrue(warm.size() >= 3, "about five 100 ms snapshots of the warm-up: " + warm);
        assertEquals(warm, seen.subList(0, warm.size()), "all before the measured ones");
        assertTrue(warm.stream().allMatch(i -> i.endNanos() <= 0 && i.lengthNanos() > 0));
        for (int k = 1; k < warm.size(); k++) assertTrue(warm.get(k).endNanos() > warm.get(k - 1).endNanos(), "in order: " + warm);
        long warmJobs = warm.stream().mapToLong(i -> i.service().count()).sum();
        assertTrue(warmJobs > 0 && warmJobs <= r.warmupJobs() + 2, warmJobs + " in the snapshots, " + r.warmupJobs() + " warm-up jobs");
        assertEquals(seen.subList(warm.size(), seen.size()), r.intervals(), "the report holds the measured ones, all of them");
    }

    @Test
    void closedLoop_warmupIsExcludedAndMaxJobsStops() throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("const:2ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false, Duration.ofMillis(300),
                Duration.ofSeconds(30), 50, Duration.ofMillis(100));
        StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
        assertEquals(50, r.jobs());
        assertTrue(r.latency().p50() >= 2_000_000L);
    }

    @Test
    void virtualThreads_runToo() throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse("exp:1ms"), null, Ticker.SYSTEM);
        StressConfig cfg = new StressConfig(new LoadModel.Closed(50, Duration.ZERO), true, Duration.ZERO,
                Duration.ofMillis(400), 0, Duration.ofMillis(100));
        StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
        assertTrue(r.virtualThreads());
        assertTrue(r.jobs() > 1000, "50 sleeping virtual workers: " + r.jobs());
    }

    @Test
    void badSettings_areRejectedNamingTheValue() {
        assertThrows(IllegalArgumentException.class, () -> new LoadModel.Open(0, Arrivals.CONSTANT, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoadModel.Open(-5, Arrivals.CONSTANT, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoadModel.Open(Double.NaN, Arrivals.POISSON, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoadModel.Closed(0, Duration.ZERO));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Strategy.parse("yolo")).getMessage().contains("pooled"));
        assertThrows(IllegalArgumentException.class, () -> Arrivals.parse("bursty"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("9999h"));
        assertThrows(IllegalArgumentException.class, () -> ServiceTime.parse("gauss:2ms"));
        assertThrows(IllegalArgumentException.class, () -> ServiceTime.parse("const:2ms:wobble"));
        assertThrows(IllegalArgumentException.class, () -> Stall.parse("10s"));
        assertThrows(IllegalArgumentException.class, () -> new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false,
                Duration.ZERO, Duration.ZERO, 0, Duration.ofMillis(100)));
        assertThrows(IllegalArgumentException.class, () -> new StressConfig(new LoadModel.Closed(1, Duration.ZERO), false,
                Duration.ZERO, Duration.ofSeconds(1), 0, Duration.ofMillis(100), Duration.ofSeconds(-1)));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals(Duration.ZERO, Durations.parse(" 0.0 "));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("05"));
        assertEquals(2_000_000L, ServiceTime.parse("const:2ms").meanNanos());
        assertFalse(ServiceTime.parse("exp:10ms").spin());
        assertTrue(ServiceTime.parse("exp:10ms:spin").spin());
    }

    /** A session of the synthetic job {@code service} under {@code load} for {@code duration}, no warm-up, 100 ms intervals. */
    static StressReport synthetic(String service, LoadModel load, Duration duration) throws InterruptedException {
        SyntheticWorkload w = new SyntheticWorkload(ServiceTime.parse(service), null, Ticker.SYSTEM);
        return new StressSession(new StressConfig(load, false, Duration.ZERO, duration, 0, Duration.ofMillis(100)), w, Ticker.SYSTEM, null).run();
    }
}

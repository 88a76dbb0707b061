package dev.blendbench.engine.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.TestImages;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.stress.CompositeWorkload;
import dev.blendbench.engine.stress.LoadModel;
import dev.blendbench.engine.stress.Strategy;
import dev.blendbench.engine.stress.StressConfig;
import dev.blendbench.engine.stress.StressReport;
import dev.blendbench.engine.stress.StressSession;
import dev.blendbench.engine.stress.Ticker;
import dev.blendbench.engine.surface.Surface;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stress sessions with race tracking: shared-unsafe races, every synchronised strategy does not. */
class StressRaceTest {
    /**
     * Compiles the scene's kernels before any session: on a cold JVM (a clean-clone run, where this
     * class may come first) Vector API code runs boxed, and the first session once finished only 3
     * jobs in its 1.1 s, even after a 500 ms warm-up.
     */
    @BeforeAll
    static void warmTheKernels() {
        Scene s = scene();
        Surface target = Surface.allocate(s.width(), s.height());
        long until = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 400 && System.nanoTime() < until; i++) {
            TileRenderer.singleThreaded().render(s, target);
        }
    }

    static Scene scene() {
        return new Scene(300, 200, 0, List.of(Layer.of("bg", TestImages.random(300, 200, 1)),
                new Layer("top", TestImages.blocky(200, 150, 2), 30, 20, BlendMode.SCREEN, 0.7f, true)));
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void strategies_raceExactlyWhenUnsynchronised(Strategy strategy) throws InterruptedException {
        RaceDetector races = new RaceDetector();
        // a warm-up first (see warmTheKernels); and no job cap, since 40 fast jobs once all ran
        // before the other workers started, and nothing raced
        StressConfig cfg = new StressConfig(new LoadModel.Closed(3, Duration.ZERO), false, Duration.ofMillis(500),
                Duration.ofMillis(600), 0, Duration.ofMillis(100));
        // Sessions into the same detector until enough jobs were measured: on a loaded machine one
        // stop-the-world collection (alloc-per-job under the detector: 0.9 s seen) can take the
        // whole 600 ms window, and a session that measured no job proves nothing either way.
        long jobs = 0, inIntervals = 0;
        List<Long> sessions = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 5 && jobs <= 3; attempt++) {
            try (CompositeWorkload w = new CompositeWorkload(scene(), strategy, false, false, races)) {
                StressReport r = new StressSession(cfg, w, Ticker.SYSTEM, null).run();
                assertEquals(0, r.errors(), r.firstError());
                inIntervals += r.intervals().stream().mapToLong(dev.blendbench.engine.stress.IntervalSnapshot::racingAccesses).sum();
                jobs += r.jobs();
                sessions.add(r.jobs());
            }
        }
        assertTrue(jobs > 3, "jobs measured per session: " + sessions);
        List<Finding> f = races.findings();
        if (strategy == Strategy.SHARED_UNSAFE) {
            assertTrue(!f.isEmpty(), "shared-unsafe must race");
            Finding first = f.get(0);
            assertEquals("shared canvas", first.surface());
            assertTrue(first.earlier().write() || first.later().write(), "at least one side writes");
            assertTrue(!first.intersection().isEmpty());
            assertTrue(first.later().siteKey().contains("CompositeWorkload"), first.later().siteKey());
            assertTrue(inIntervals <= races.racingAccesses(), "the intervals' count the measured phases' only: " + inIntervals);
        } else {
            assertEquals(List.of(), f, strategy + " is synchronised");
            assertEquals(0, inIntervals, "and its intervals say no race");
        }
    }

    @org.junit.jupiter.api.Test
    void allocPerJob_underTheDetector_forgetsEachJobsCanvas() throws Exception {
        // each job's canvas stayed in the detector until the collector cleared its weak key, and
        // that key kept the dead canvas alive across young collections: 2.8 GB after GC and pauses
        // near a second in a demo-scene session
        RaceDetector races = new RaceDetector();
        try (CompositeWorkload w = new CompositeWorkload(scene(), Strategy.ALLOC_PER_JOB, false, false, races)) {
            var job = w.newWorker(0);
            long[] stages = new long[w.stages().size()];
            job.run(stages);
            long afterOne = races.shadowEntries();
            for (int i = 0; i < 50; i++) job.run(stages);
            assertEquals(afterOne, races.shadowEntries(), "the same entries after 51 jobs as after one: the layers', not the canvases'");
        }
    }
}

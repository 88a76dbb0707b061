package dev.blendbench.engine.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Runs one stress session: workers on real threads, a sampler taking interval snapshots.
 *
 * <p><b>Open loop.</b> Job {@code i} is meant to start at {@code t_i} (constant spacing or a
 * Poisson process). Workers take jobs in order from one shared schedule: a free worker waits for
 * {@code t_i}; a busy system makes {@code t_i} pass while the job waits, exactly as a FIFO queue in
 * front of {@code c} servers. Latency is recorded from {@code t_i} to the job's end, so queueing and
 * stalls show (no coordinated omission); service time, from the actual start, is recorded beside
 * it. Jobs are never dropped. How late a <em>free</em> worker wakes for its slot is the schedule
 * lag; if it averages more than one arrival gap (and more than 1 ms, the size of ordinary timer
 * lag) the session is flagged generator-saturated.
 *
 * <p><b>The end of an open loop.</b> Arrivals stop at the end of the duration, and the measured
 * phase lasts at least that long, however early the last arrival's job ended; jobs already due
 * still run (an overloaded system drains its backlog), for at most the config's drain limit. When
 * that runs out, or when {@link #stop()} is called, the jobs still queued are not run: each is
 * counted in the latency at its wait until then ({@link StressReport#queuedAtEnd()}).
 *
 * <p><b>Closed loop.</b> Each worker runs jobs back to back (with optional think time, cut short
 * by the end of the duration); latency is the job's duration.
 *
 * <p><b>Threads.</b> {@link #run()} blocks its caller until the session ends; {@link #stop()} may
 * be called from any thread and keeps everything measured so far. The listener is called on the
 * sampler thread, once per interval, with an immutable snapshot: through the warm-up too, with
 * snapshots of the warm-up's jobs ({@link IntervalSnapshot#warmup()}: ending at or before the start
 * of measuring, and in no report), so that whoever watches does its own first work then rather
 * than at the start of measuring, and sees the warm-up settle.
 */
public final class StressSession {
    private static final long HIGHEST = 3_600_000_000_000L; // one hour in ns

    private final StressConfig config;
    private final Workload workload;
    private final Ticker ticker;
    private final Consumer<IntervalSnapshot> listener;
    private volatile boolean stopRequested;
    private static final long NOT_STOPPED = Long.MIN_VALUE;
    /** When {@link #stop()} was called or the drain limit ran out ({@link #NOT_STOPPED}: neither): the queued jobs' waits end there. */
    private volatile long stopAt = NOT_STOPPED;
    /** A worker left its loop because of a stop, with jobs still due (a closed loop before its end, an open-loop backlog). */
    private volatile boolean cut;

    private final JobRecorder recorder;
    /** The warm-up's jobs, for its snapshots: recorded as measured ones are, so the job loop does the same work in both. */
    private final JobRecorder warmupRecorder;
    private final int stageCount;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicLong measuredJobs = new AtomicLong(), warmupJobs = new AtomicLong();
    /** Warm-up jobs that ended since the last interval, in the measured phase (an overloaded open loop's warm-up backlog). */
    private final AtomicLong warmupTail = new AtomicLong();
    private final AtomicLong lagSum = new AtomicLong(), lagCount = new AtomicLong(), lagMax = new AtomicLong();

    // open-loop schedule
    private long nextIntended;
    private final SplittableRandom arrivals = new SplittableRandom(42);

    private volatile long measureStart = Long.MAX_VALUE, end;
    /** Bytes each worker had allocated when it ended (-1 while it runs): the bean forgets ended threads. */
    private java.util.concurrent.atomic.AtomicLongArray exitAllocated;

    public StressSession(StressConfig config, Workload workload, Ticker ticker, Consumer<IntervalSnapshot> listener) {
        this.config = config;
        this.workload = workload;
        this.ticker = ticker;
        this.listener = listener == null ? s -> { } : listener;
        this.stageCount = workload.stages().size();
        this.recorder = new JobRecorder(stageCount, HIGHEST);
        this.warmupRecorder = new JobRecorder(stageCount, HIGHEST);
    }

    private volatile java.util.function.BiConsumer<Long, Histogram> histogramSink = (t, h) -> { };
    /** Whether the warm-up ends as soon as it is steady ({@link SteadyState}), its configured length then being its most. */
    private volatile boolean untilSteady;

    /**
     * Makes the warm-up end as soon as its jobs' service time is steady ({@link SteadyState}), and at
     * the latest after the configured warm-up; the measured phase then lasts the configured duration
     * from there. Call before {@link #run}.
     */
    public void warmUntilSteady(boolean on) {
        this.untilSteady = on;
    }

    /**
     * Receives each interval's latency histogram on the sampler thread, with the interval's start
     * in nanoseconds from the start of measurement. The histogram is reused afterwards: copy or
     * encode it before returning (for example with a {@code HistogramLogWriter}).
     */
    public void onIntervalHistogram(java.util.function.BiConsumer<Long, Histogram> sink) {
        this.histogramSink = sink;
    }

    /**
     * When measurement starts (the warm-up ends), on the session's ticker; {@link Long#MAX_VALUE}
     * until {@link #run} begins.
     */
    public long measurementStartNanos() {
        return measureStart;
    }

    /** Asks the session to end now; what was measured is kept. */
    public void stop() {
        if (stopAt == NOT_STOPPED) stopAt = ticker.nanoTime();
        stopRequested = true;
    }

    /** Runs the session to its end (or until stopped) and returns the report. */
    public StressReport run() throws InterruptedException {
        int n = config.load().workers();
        long start = ticker.nanoTime();
        measureStart = start + config.warmup().toNanos();
        end = measureStart + config.duration().toNanos();
        nextIntended = start;
        if (workload instanceof SyntheticWorkload s) s.origin(measureStart);

        CountDownLatch done = new CountDownLatch(n);
        exitAllocated = new java.util.concurrent.atomic.AtomicLongArray(n);
        for (int i = 0; i < n; i++) exitAllocated.set(i, -1);
        long[] ids = new long[n];
        List<Thread> workers = new ArrayList<>();
        try (Telemetry telemetry = new Telemetry()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                Runnable body = () -> {
                    try {
                        work(index);
                    } finally {
                        exitAllocated.set(index, telemetry.currentThreadAllocated());
                        done.countDown();
                    }
                };
                Thread t = config.virtualThreads()
                        ? Thread.ofVirtual().name("blendbench-worker-" + i).unstarted(body)
                        : Thread.ofPlatform().daemon().name("blendbench-worker-" + i).unstarted(body);
                ids[i] = t.threadId();
                workers.add(t);
            }
            workers.forEach(Thread::start);
            return sample(done, ids, telemetry);
        } finally {
            stopRequested = true;
            for (Thread t : workers) t.join(10_000);
            workload.close();
        }
    }

    private boolean measuring(long t) {
        return t >= measureStart;
    }

    private synchronized long nextSlot(LoadModel.Open open) {
        long t = nextIntended;
        double gapNanos = 1e9 / open.rate();
        nextIntended += open.arrivals() == Arrivals.CONSTANT
                ? (long) gapNanos
                : (long) (-Math.log(1 - arrivals.nextDouble()) * gapNanos);
        return t;
    }

    private void work(int index) {
        Workload.WorkerJob job;
        try {
            job = workload.newWorker(index);
        } catch (RuntimeException e) {
            recordError(e);
            return;
        }
        long[] stageNanos = new long[stageCount];
        LoadModel load = config.load();
        long think = load instanceof LoadModel.Closed c ? c.think().toNanos() : 0;
        while (true) {
            if (stopRequested) {
                cut = true;
                break;
            }
            long intended;
            long actual;
            if (load instanceof LoadModel.Open open) {
                intended = nextSlot(open);
                if (intended >= end) {
                    // no more arrivals: the phase still lasts its duration (time the system sat idle is measured time;
                    // at 0.5 jobs/s the last job of a 5 s phase ends 3 s in), so a worker ends no sooner than the arrivals
                    sleepUntil(end);
                    if (stopRequested) cut = true;
                    break;
                }
                long now = ticker.nanoTime();
                if (now < intended) {
                    sleepUntil(intended);
                    if (stopRequested) {
                        cut = true;
                        break;
                    }
                    actual = ticker.nanoTime();
                    if (measuring(intended)) {
                        long lag = actual - intended;
                        lagSum.addAndGet(lag);
                        lagCount.incrementAndGet();
                        lagMax.accumulateAndGet(lag, Math::max);
                    }
                } else {
                    actual = now; // the job waited in the queue: that is latency, not lag
                }
            } else {
                actual = ticker.nanoTime();
                intended = actual;
                if (intended >= end) break;
            }
            JobEvent event = JobEvent.beginIfRecording();
            try {
                job.run(stageNanos);
            } catch (Exception | AssertionError e) {
                recordError(e);
                JobEvent.commit(event, index, measuring(intended), ticker.nanoTime() - intended, actual - intended, true);
                continue;
            }
            long finish = ticker.nanoTime();
            JobEvent.commit(event, index, measuring(intended), finish - intended, actual - intended, false);
            if (measuring(intended)) {
                recorder.record(finish - intended, finish - actual, stageNanos);
                long jobs = measuredJobs.incrementAndGet();
                if (config.maxJobs() > 0 && jobs >= config.maxJobs()) {
                    stopRequested = true;
                }
            } else {
                warmupRecorder.record(finish - intended, finish - actual, stageNanos);
                if (finish < measureStart) {
                    warmupJobs.incrementAndGet();
                } else {
                    warmupTail.incrementAndGet(); // due in the warm-up, ended in the measured phase: done, but no measured latency
                }
            }
            // thinking past the end would stretch the phase with time no job could start in (a 1 s think made a 3 s phase 3.8 s)
            if (think > 0) sleepUntil(Math.min(ticker.nanoTime() + think, end));
        }
    }

    /** How long the next slot no worker has taken yet has been due at {@code now}: the queue's oldest wait (0: none due). */
    private synchronized long oldestWait(long now) {
        long t = nextIntended;
        return t - end < 0 && now - t > 0 ? now - t : 0;
    }

    private void recordError(Throwable e) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
    }

    private void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - ticker.nanoTime()) > 0 && !stopRequested) {
            LockSupport.parkNanos(Math.min(left, 50_000_000L));
        }
    }

    /** The telemetry's running totals at one moment: an interval's figures are the differences of two. */
    private record Readings(long allocated, long gcCount, double gcPauseMillis, long racingAccesses, CpuMeter.Reading cpu) {}

    private Readings read(Telemetry telemetry, long[] ids) {
        return new Readings(telemetry.allocated(ids, exitAllocated, config.virtualThreads()), telemetry.gcCount(),
                telemetry.gcPauseMillis(), workload.racingAccesses(), telemetry.cpu(ticker.nanoTime()));
    }

    /**
     * The interval ending {@code endNanos} after measuring began and lasting {@code lengthNanos}:
     * the jobs of {@code got} (latency, service), {@code ended} jobs done in it, and the telemetry
     * between {@code from} and {@code to}.
     */
    private static IntervalSnapshot snapshot(long endNanos, long lengthNanos, Histogram[] got, long ended, Readings from, Readings to,
                                             Telemetry telemetry, long lagNanos, long oldestWaitNanos) {
        return new IntervalSnapshot(endNanos, lengthNanos, Percentiles.of(got[0]), Percentiles.of(got[1]), ended / (lengthNanos / 1e9),
                Math.max(0, to.allocated() - from.allocated()), to.gcCount() - from.gcCount(), to.gcPauseMillis() - from.gcPauseMillis(),
                telemetry.heapAfterGc(), lagNanos, oldestWaitNanos, to.racingAccesses() < 0 ? -1 : to.racingAccesses() - from.racingAccesses(),
                telemetry.cpuBetween(from.cpu(), to.cpu()));
    }

    /** The sampler loop, on the caller's thread. */
    private StressReport sample(CountDownLatch done, long[] ids, Telemetry telemetry) throws InterruptedException {
        long intervalNanos = config.interval().toNanos();
        String description = workload.description();
        PhaseEvent phase = config.warmup().isZero() ? null : PhaseEvent.beginIfRecording("warm-up", description, config.load());
        long warmupStart = measureStart - config.warmup().toNanos();
        SteadyState steadiness = untilSteady ? new SteadyState() : null;
        boolean warmupSteady = false; // the warm-up ended because it was steady
        // warm-up: its jobs' snapshots once an interval, as measuring will take them; the sampler's
        // first readings (and the listener's first work) load and compile code, which at the start of
        // measuring would make the sampler late and take a core from the workers of a small machine
        LoadModel.Open open = config.load() instanceof LoadModel.Open o ? o : null; // null: a closed loop
        long wPrev = ticker.nanoTime();
        Readings wFrom = read(telemetry, ids);
        while (!stopRequested && ticker.nanoTime() < measureStart && done.getCount() > 0) {
            LockSupport.parkNanos(Math.min(intervalNanos, measureStart - ticker.nanoTime()));
            long now = ticker.nanoTime();
            Readings wTo = read(telemetry, ids);
            Histogram[] got = warmupRecorder.interval();
            if (now - wPrev > 0) {
                listener.accept(snapshot(Math.min(0, now - measureStart), now - wPrev, got, got[1].getTotalCount(), wFrom, wTo,
                        telemetry, 0, open != null ? oldestWait(now) : -1));
                if (steadiness != null && now < measureStart && steadiness.add(now - wPrev, got[1].getTotalCount(), got[1].getMean(),
                        got[1].getStdDeviation())) {
                    // steady: measuring starts now, for the whole duration; the workers read both at their next job
                    end = now + config.duration().toNanos();
                    measureStart = now;
                    warmupSteady = true;
                    if (workload instanceof SyntheticWorkload sw) sw.origin(now);
                }
            }
            wPrev = now;
            wFrom = wTo;
        }
        long warmupRan = Math.max(0, Math.min(ticker.nanoTime(), measureStart) - warmupStart);
        PhaseEvent.commit(phase);
        phase = PhaseEvent.beginIfRecording("measured", description, config.load());
        boolean draining = false;
        // Warm-up jobs went to the warm-up's recorder (their intended start is before measureStart),
        // so this one holds only measured jobs: nothing to discard here.
        Histogram totalLat = new Histogram(HIGHEST, 3), totalSrv = new Histogram(HIGHEST, 3);
        Histogram[] totalStages = new Histogram[stageCount];
        for (int i = 0; i < stageCount; i++) totalStages[i] = new Histogram(HIGHEST, 3);

        boolean virtual = config.virtualThreads();
        Readings start = read(telemetry, ids), from = start;
        // the measured phase began at measureStart, however late the sampler woke for it: the first
        // interval holds the jobs from then, so its length and the phase's count from then too
        long t0 = Math.min(ticker.nanoTime(), measureStart);
        long prev = t0;
        List<IntervalSnapshot> intervals = new ArrayList<>();
        // stopped in the warm-up: nothing was measured, so no interval either (not one that ends
        // before the measurement began)
        boolean finished = stopRequested && t0 < measureStart;
        if (finished) done.await(2, java.util.concurrent.TimeUnit.SECONDS); // the workers see the stop, and say whether it cut them short
        Duration drainLimit = open == null ? null : config.drainLimit(); // null: the backlog drains to its end
        long drainEnd = drainLimit == null ? 0 : end + Math.min(drainLimit.toNanos(), HIGHEST);
        long queued = 0, warmupTailTotal = 0;
        boolean drainCut = false;
        while (!finished) {
            if (drainLimit != null && !stopRequested && ticker.nanoTime() - drainEnd >= 0 && done.getCount() > 0) { // the backlog ran out of time
                drainCut = true;
                stop();
            }
            long next = prev + intervalNanos;
            // the sample after the workers have ended is the last: it holds their final jobs
            finished = done.await(Math.max(0, next - ticker.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)
                    || stopRequested && done.await(2, java.util.concurrent.TimeUnit.SECONDS);
            long now = ticker.nanoTime();
            if (!draining && !finished && open != null && now - end >= 0) { // the arrivals have stopped; jobs are still due
                draining = true;
                PhaseEvent.commit(phase);
                phase = PhaseEvent.beginIfRecording("drain", description, config.load());
            }
            long waiting = open != null ? oldestWait(now) : -1;
            Histogram[] got = recorder.interval(); // latency, service and stages of the same jobs
            Histogram lat = got[0], srv = got[1];
            if (finished && stopAt != NOT_STOPPED && open != null) queued = countQueued(open, lat);
            for (int i = 0; i < stageCount; i++) totalStages[i].add(got[2 + i]);
            totalLat.add(lat);
            totalSrv.add(srv);
            Readings to = read(telemetry, ids);
            long tail = warmupTail.getAndSet(0);
            warmupTailTotal += tail;
            IntervalSnapshot snap = snapshot(now - measureStart, now - prev, got, srv.getTotalCount() + tail, from, to, telemetry,
                    lagMax.getAndSet(0), waiting);
            intervals.add(snap);
            histogramSink.accept(prev - measureStart, lat);
            listener.accept(snap);
            from = to;
            prev = now;
        }
        PhaseEvent.commit(phase);
        // until the last measured job ended: an open-loop backlog that drains after the arrivals stop is
        // part of the phase, so throughput counts completions over the time they took (not the offered rate)
        long measured = Math.max(0, prev - t0);
        Map<String, Percentiles> stageMap = new LinkedHashMap<>();
        for (int i = 0; i < stageCount; i++) stageMap.put(workload.stages().get(i), Percentiles.of(totalStages[i]));
        long jobs = totalSrv.getTotalCount(); // completed: the latency holds the queued ones too
        boolean saturated = false;
        if (open != null && lagCount.get() > 0) {
            double meanLag = (double) lagSum.get() / lagCount.get();
            // Waking from a timed park costs ~50-100 us on Linux whatever the rate; that lag is in the
            // measured latency anyway. Flag only a generator that falls behind by more than that.
            saturated = meanLag > Math.max(1_000_000, 1e9 / open.rate());
        }
        this.totalLatency = totalLat;
        return new StressReport(workload.description(), config.load(), virtual, warmupJobs.get(), warmupTailTotal, measured, jobs, errors.get(),
                firstError.get(), Percentiles.of(totalLat), Percentiles.of(totalSrv), stageMap,
                jobs == 0 ? 0 : (double) (from.allocated() - start.allocated()) / jobs, from.gcCount() - start.gcCount(),
                from.gcPauseMillis() - start.gcPauseMillis(),
                saturated, cut && !drainCut, queued, intervals, warmupRan, warmupSteady, Percentiles.distribution(totalLat),
                telemetry.cpuBetween(start.cpu(), from.cpu()));
    }

    /**
     * Records the measured jobs that were due by the stop (and by the end of arrivals) but never
     * started into {@code lat}, each at its wait until the stop, and returns how many. The workers
     * have ended, so the schedule is this thread's alone.
     */
    private long countQueued(LoadModel.Open open, Histogram lat) {
        long due = Math.min(stopAt, end), n = 0;
        for (long t = nextSlot(open); t - due < 0; t = nextSlot(open)) {
            if (measuring(t)) {
                lat.recordValue(Math.min(HIGHEST, Math.max(0, stopAt - t)));
                n++;
            }
        }
        return n;
    }

    private volatile Histogram totalLatency;

    /** The whole-phase latency histogram of the last run (a copy), for exact checks and log files. */
    public Histogram latencyHistogram() {
        Histogram h = totalLatency;
        return h == null ? null : h.copy();
    }
}

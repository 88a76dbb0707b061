package dev.blendbench.jcstress.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.blendbench.engine.stress.JobRecorder;
import org.HdrHistogram.Histogram;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A worker records one job (latency, service time, one stage) while the sampler takes an
 * interval: the job is in that interval in all three figures, or in the next one in all three;
 * never its latency in one and its service time in the other.
 */
@JCStressTest
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "The job is in the interval taken, in every figure.")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "The job came after the swap: in the next interval, in every figure.")
@Outcome(expect = FORBIDDEN, desc = "The job was split across two intervals.")
@State
public class AJobIsNeverSplitAcrossIntervals {
    private final JobRecorder recorder = new JobRecorder(1, 1_000L); // small histograms: many states a second
    private final long[] stage = {3};
    private Histogram[] taken;
    private long latency, service, stageCount;

    @Actor
    public void worker() {
        recorder.record(1, 2, stage);
    }

    @Actor
    public void sampler() {
        taken = recorder.interval();
        // read now: the next interval() reuses these histograms
        latency = taken[0].getTotalCount();
        service = taken[1].getTotalCount();
        stageCount = taken[2].getTotalCount();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r1 = (int) latency;
        r.r2 = (int) service;
        r.r3 = (int) stageCount;
        Histogram[] next = recorder.interval();
        if (latency + next[0].getTotalCount() != 1 || service + next[1].getTotalCount() != 1
                || stageCount + next[2].getTotalCount() != 1) {
            r.r1 = -1; // lost or counted twice
        }
    }
}

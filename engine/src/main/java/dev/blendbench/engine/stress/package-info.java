/**
 * The stress engine: runs a compositing (or synthetic) job under closed- or open-loop load on real
 * threads and measures it honestly.
 *
 * <p>Contract: latency is recorded in HdrHistogram {@code Recorder}s; in open loop it is measured
 * from each job's <em>intended</em> start time, so a stall is never hidden (coordinated omission),
 * with the uncorrected service time recorded beside it. Interval snapshots (percentiles,
 * throughput, allocation, GC) are taken every 100 ms and handed to a listener as immutable
 * records; warm-up is excluded; a stop keeps everything measured so far. Time is injected
 * through {@link dev.blendbench.engine.stress.Ticker}.
 */
package dev.blendbench.engine.stress;

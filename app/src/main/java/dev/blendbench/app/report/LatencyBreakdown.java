package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.Stats;
import dev.blendbench.app.report.Session.Step;
import dev.blendbench.app.report.Session.Summary;
import java.util.Locale;

/**
 * Where a session's or ramp step's latency went: waiting to start (queueing) against running
 * (service), how busy the workers were, and how much of the time collections paused the JVM.
 *
 * <p>Open-loop latency counts from each job's intended start and service from its actual start, so
 * over the same jobs the mean latency is the mean wait plus the mean service exactly; percentiles do
 * not add up that way, so the split is of means. Jobs still queued when a session was cut are in
 * the latency (at their wait so far) and not in the service, which makes the wait a little larger:
 * they did nothing but wait. The workers' busy share is the work done per second over the work they
 * could do: {@code throughput × mean service / workers} (Little's law over the workers).
 *
 * <p>Where the strategy locks the shared canvas, its jobs' service includes their wait for the lock,
 * timed as the {@code lock-wait} stage; a slowdown that is mostly that wait is said to be the lock.
 *
 * @param meanLatencyMillis end-to-end mean
 * @param meanServiceMillis mean service time, or NaN where the file has none
 * @param serviceP99Millis  the service p99, or NaN
 * @param lockWaitMillis    the mean wait for the canvas lock (part of the service), or NaN where the strategy takes none
 * @param busy              the workers' busy share, 0..1, or NaN where unknown
 * @param gcShare           the share of the measured time the JVM was paused by collections, or NaN
 */
public record LatencyBreakdown(double meanLatencyMillis, double meanServiceMillis, double serviceP99Millis, double lockWaitMillis,
                               double busy, double gcShare) {

    /** The stage of the wait for the canvas lock ({@link dev.blendbench.engine.stress.CompositeWorkload#LOCK_WAIT}). */
    static final String LOCK_WAIT = dev.blendbench.engine.stress.CompositeWorkload.LOCK_WAIT;

    /** Below this rise in mean latency a ramp gets no sentence on where it went: there is little to explain. */
    static final double NOTABLE_RISE = 1.25;

    /** From this growth of the mean service time on, a queueing rise is said to come from the jobs slowing down. */
    static final double SLOWDOWN = 1.5;

    /**
     * An open-loop session's breakdown, or null for a closed loop (whose jobs never wait to start) or
     * a file that does not say which loop it ran.
     */
    public static LatencyBreakdown of(Session s) {
        if (!"open".equals(s.settings().get("load.model"))) return null;
        LatencyBreakdown b = of(s.summary(), s.latency(), s.service(), s.stages(), workersOf(s));
        // a strategy that takes no lock waits for none: 0, so that it compares with one that does
        boolean takesNoLock = dev.blendbench.engine.stress.Strategy.named(s.strategy()).map(st -> !st.locks()).orElse(false);
        return takesNoLock && Double.isNaN(b.lockWaitMillis) && b.meanServiceMillis >= 0
                ? new LatencyBreakdown(b.meanLatencyMillis, b.meanServiceMillis, b.serviceP99Millis, 0, b.busy, b.gcShare) : b;
    }

    /**
     * A session's workers as its settings give them ({@code load.workers}; a cliff search's,
     * {@code workers}), or 0 where they do not.
     */
    static int workersOf(Session s) {
        try {
            String n = s.settings().getOrDefault("load.workers", s.settings().getOrDefault("workers", "0"));
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Double.parseDouble(n)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One ramp step's breakdown. */
    public static LatencyBreakdown of(Step st) {
        return of(st.summary(), st.latency(), st.service(), st.stages(), st.workers());
    }

    /** A session's or step's breakdown from its totals, percentiles, stages and worker count (0: unknown). */
    static LatencyBreakdown of(Summary sum, Stats latency, Stats service, java.util.Map<String, Stats> stages, int workers) {
        double meanService = service.count() > 0 ? service.mean() : Double.NaN;
        double busy = dev.blendbench.engine.stress.StressReport.busyShare(sum.throughput(), meanService, workers);
        double seconds = !Double.isNaN(sum.measuredSeconds()) ? sum.measuredSeconds()
                : sum.throughput() > 0 ? (sum.jobs() + sum.warmupBacklogJobs()) / sum.throughput() : Double.NaN;
        double gc = seconds > 0 && !Double.isNaN(sum.gcPauseMillis()) ? Math.min(1, sum.gcPauseMillis() / 1000 / seconds) : Double.NaN;
        Stats lock = stages.get(LOCK_WAIT);
        return new LatencyBreakdown(latency.count() > 0 ? latency.mean() : Double.NaN, meanService,
                service.count() > 0 ? service.p99() : Double.NaN, lock != null && lock.count() > 0 ? lock.mean() : Double.NaN, busy, gc);
    }

    /** The mean time a job waited to start: the mean latency less the mean service (never below 0), or NaN. */
    public double meanWaitMillis() {
        return Double.isNaN(meanLatencyMillis) || Double.isNaN(meanServiceMillis) ? Double.NaN
                : Math.max(0, meanLatencyMillis - meanServiceMillis);
    }

    /**
     * The share, 0..1, of the change in mean latency from this to {@code other} that is the change in
     * the mean wait to start (the rest is the change in service); NaN where the latency did not change.
     */
    double waitPartOf(LatencyBreakdown other) {
        double change = other.meanLatencyMillis - meanLatencyMillis;
        if (!(Math.abs(change) > 0)) return Double.NaN;
        return Math.max(0, Math.min(1, (other.meanWaitMillis() - meanWaitMillis()) / change));
    }

    /**
     * Where the difference in mean latency between two open-loop sessions went, as {@code compare}
     * says it: mostly the wait to start (queueing), mostly the service (the jobs themselves), or
     * both. Empty where a side has no service times, or the means differ by less than
     * {@code threshold} (a fraction).
     */
    public static String difference(LatencyBreakdown a, LatencyBreakdown b, double threshold) {
        if (a == null || b == null || Double.isNaN(a.meanWaitMillis()) || Double.isNaN(b.meanWaitMillis())) return "";
        double ratio = b.meanLatencyMillis / a.meanLatencyMillis;
        if (!(ratio > 1 + threshold || ratio < 1 / (1 + threshold))) return "";
        double waitPart = a.waitPartOf(b);
        String latency = "the difference in mean latency (" + ms(a.meanLatencyMillis) + " → " + ms(b.meanLatencyMillis) + " ms) is ";
        String wait = "the wait to start (mean " + ms(a.meanWaitMillis()) + " → " + ms(b.meanWaitMillis()) + " ms"
                + (Double.isNaN(a.busy) || Double.isNaN(b.busy) ? "" : ", the workers " + percent(a.busy) + " → " + percent(b.busy) + " busy")
                + ")";
        String service = "the service (mean " + ms(a.meanServiceMillis) + " → " + ms(b.meanServiceMillis) + " ms, p99 "
                + String.format(Locale.ROOT, "%.3f×", b.serviceP99Millis / a.serviceP99Millis) + ")";
        double slower = b.meanServiceMillis / a.meanServiceMillis;
        if (waitPart >= 0.75 && (slower >= SLOWDOWN || slower <= 1 / SLOWDOWN)) {
            // the queue follows the service: a job that takes longer fills the workers sooner
            return latency + "mostly " + wait + ", which the " + (slower > 1 ? "slower" : "faster") + " service brought on ("
                    + service.substring("the service (".length(), service.length() - 1) + "): the same workers fill "
                    + (slower < 1 ? "later when each job takes less time" + (a.lockExplains(b) ? " — " + lockWait(a, b) : "")
                    : "sooner when each job takes longer — " + (a.lockExplains(b) ? lockWait(a, b)
                    : "contention, collections or cores shared with other work"));
        }
        if (waitPart >= 0.75) return latency + "mostly " + wait + ", not " + service + ": queueing";
        if (waitPart <= 0.25) {
            return latency + "mostly " + service + ", not " + wait + ": the jobs themselves" + (a.lockExplains(b) ? ", " + lockWait(a, b) : "");
        }
        return latency + "both " + wait + " and " + service + (a.lockExplains(b) ? ", " + lockWait(a, b) : "");
    }

    /**
     * Whether the change in the wait to lock the canvas is most of the change in mean service from
     * this to {@code other}, the same way: the lock, rather than collections or shared cores, made the
     * jobs slower (or, gone, faster).
     */
    boolean lockExplains(LatencyBreakdown other) {
        double change = other.meanServiceMillis - meanServiceMillis;
        return !Double.isNaN(lockWaitMillis) && !Double.isNaN(other.lockWaitMillis) && change != 0
                && (other.lockWaitMillis - lockWaitMillis) / change >= 0.5;
    }

    /** The sentence of a slowdown that is mostly the canvas lock. */
    private String lockSentence(LatencyBreakdown other) {
        return "Most of the slowdown is waiting to lock the canvas: a job's mean lock wait grew from " + ms(lockWaitMillis) + " to "
                + ms(other.lockWaitMillis) + " ms (the strategy's lock contention).";
    }

    private static String lockWait(LatencyBreakdown a, LatencyBreakdown b) {
        return "mostly the wait to lock the canvas (mean " + ms(a.lockWaitMillis) + " → " + ms(b.lockWaitMillis) + " ms)";
    }

    /** The busy share as a table shows it ("95 %"), or "–". */
    public String busyText() {
        return Double.isNaN(busy) ? "–" : percent(busy);
    }

    /**
     * Where an open-loop ramp's rise in latency went, from its lower step {@code lo} to its higher
     * step {@code hi}: queueing (the wait to start grew), the jobs themselves (their service time
     * grew: contention, GC, cores shared with other work), or both; with the collections' share of
     * the time where it grew to matter. Empty where the mean latency rose less than a quarter, or a
     * step has no service times.
     */
    static String rampSentence(Step lo, Step hi) {
        LatencyBreakdown a = of(lo), b = of(hi);
        if (Double.isNaN(a.meanWaitMillis()) || Double.isNaN(b.meanWaitMillis())) return "";
        if (!(b.meanLatencyMillis >= NOTABLE_RISE * a.meanLatencyMillis)) return "";
        double waitPart = a.waitPartOf(b);
        String busy = Double.isNaN(a.busy) || Double.isNaN(b.busy) ? ""
                : "the workers went from " + percent(a.busy) + " to " + percent(b.busy) + " busy";
        String wait = "a job's mean wait to start grew from " + ms(a.meanWaitMillis()) + " to " + ms(b.meanWaitMillis()) + " ms";
        String service = ms(a.meanServiceMillis).equals(ms(b.meanServiceMillis)) ? "mean service time stayed at " + ms(a.meanServiceMillis) + " ms"
                : "mean service time " + (b.meanServiceMillis >= a.meanServiceMillis ? "grew" : "went") + " from "
                + ms(a.meanServiceMillis) + " to " + ms(b.meanServiceMillis) + " ms";
        String text;
        if (waitPart >= 0.75) {
            text = " The rise is queueing: " + (busy.isEmpty() ? "" : busy + ", and ") + wait + " while its " + service + ".";
            double slower = b.meanServiceMillis / a.meanServiceMillis;
            if (slower >= SLOWDOWN && hi.workers() > 0) {
                // what the workers can do at each step's service time: the slowdown is why they filled up
                text += String.format(Locale.ROOT, " That slowdown (%s×) is what filled the workers: at %s ms a job, %s can do"
                        + " about %,.0f jobs/s; at %s ms, about %,.0f.", SessionReader.fmt(slower), ms(a.meanServiceMillis),
                        hi.workers() == 1 ? "1 worker" : hi.workers() + " workers",
                        hi.workers() * 1000 / a.meanServiceMillis, ms(b.meanServiceMillis), hi.workers() * 1000 / b.meanServiceMillis);
                text += a.lockExplains(b) ? " " + a.lockSentence(b)
                        : " Contention, collections or cores shared with other work brought the queueing on early.";
            }
        } else if (waitPart <= 0.25) {
            text = " The rise is in the jobs themselves: their " + service + " (p99 " + ms(a.serviceP99Millis) + " to "
                    + ms(b.serviceP99Millis) + " ms) while " + wait.replace("grew ", "went ")
                    + (busy.isEmpty() ? "" : ", and " + busy) + (a.lockExplains(b) ? ". " + a.lockSentence(b)
                    : ": contention, collections or cores shared with other work, more than queueing.");
        } else {
            text = " Queueing and slower jobs both add to the rise: " + wait + (busy.isEmpty() ? "" : " (" + busy + ")")
                    + ", and the " + service + "." + (a.lockExplains(b) ? " " + a.lockSentence(b) : "");
        }
        if (!Double.isNaN(b.gcShare) && b.gcShare >= 0.01 && !(b.gcShare < 2 * a.gcShare)) {
            text += " Collections paused the JVM " + percent(b.gcShare) + " of the time at " + hi.loadText() + ", against "
                    + (Double.isNaN(a.gcShare) ? "an unknown share" : percent(a.gcShare)) + " at " + lo.loadText() + ".";
        }
        return text;
    }

    /**
     * How much of a job's service went to waiting to lock the canvas, as a sentence for a closed loop
     * ({@code where}: "" for a session, "At 8 workers" for a ramp's top step), whose jobs never wait
     * to start, so that their latency is their service; empty where the strategy takes no lock.
     */
    static String closedLockSentence(String where, Stats service, java.util.Map<String, Stats> stages) {
        Stats lock = stages.get(LOCK_WAIT);
        if (lock == null || lock.count() == 0 || service.count() == 0 || !(service.mean() > 0)) return "";
        return " " + (where.isEmpty() ? "A job" : where + " a job") + " spent " + ms(lock.mean()) + " of its " + ms(service.mean())
                + " ms on average waiting to lock the canvas (" + percent(Math.min(1, lock.mean() / service.mean())) + ").";
    }

    /**
     * Where the waits for the canvas lock were uneven, a sentence saying so: most jobs took the lock
     * at once (the wait's p50 under a tenth of a composite's) while the longest waited as long as ten
     * composites (at their p99) for every other worker, which a lock handed over in turn would not
     * allow, so the lock passed a worker over again and again. Empty otherwise, or where the file
     * has no lock waits.
     */
    public static String unevenLockSentence(Session s) {
        return unevenLockSentence(s.strategy(), s.stages(), workersOf(s)).strip();
    }

    /** {@link #unevenLockSentence(Session)} of a strategy's stages with {@code workers} workers (0: not known), with a leading space. */
    static String unevenLockSentence(String strategy, java.util.Map<String, Stats> stages, int workers) {
        Stats lock = stages.get(LOCK_WAIT), hold = stages.get("composite");
        if (lock == null || hold == null || lock.count() == 0 || hold.count() == 0 || !(hold.p99() > 0)) return "";
        double holds = lock.max() / hold.p99();
        if (!(holds >= 10.0 * Math.max(1, workers - 1)) || !(lock.p50() < 0.1 * hold.p50())) return "";
        String p50 = lock.p50() < 0.001 ? "under 1 µs" : ms(lock.p50()) + " ms";
        return " The lock waits were uneven: half the jobs took the lock at once (p50 " + p50 + ") while the longest waited "
                + ms(lock.max()) + " ms, as long as " + Math.round(holds) + " composites at their p99 (" + ms(hold.p99())
                + " ms): the lock is not fair (the worker that releases it may take it again ahead of those waiting), so a worker"
                + " was passed over many times in a row"
                + (strategy.equals(dev.blendbench.engine.stress.Strategy.SHARED_LOCKED.cliName())
                        ? "; strategy shared-fair hands the lock over in turn." : ".");
    }

    /**
     * An open-loop session's split, as a sentence: how busy the workers were, and how long a job
     * waited to start on average against how long it ran. Empty where the file has no service times.
     */
    static String sessionSentence(Summary sum, Stats latency, Stats service, java.util.Map<String, Stats> stages, int workers) {
        LatencyBreakdown b = of(sum, latency, service, stages, workers);
        if (Double.isNaN(b.meanWaitMillis())) return "";
        return (Double.isNaN(b.busy) ? "" : " The workers were busy " + percent(b.busy) + " of the time;")
                + (Double.isNaN(b.busy) ? " A" : " a") + " job waited " + ms(b.meanWaitMillis()) + " ms on average to start and ran "
                + ms(b.meanServiceMillis) + " ms" + (Double.isNaN(b.lockWaitMillis) ? "" : ", " + ms(b.lockWaitMillis)
                + " ms of it waiting to lock the canvas") + ".";
    }

    /** A share as the reports write it: "79 %", "0.4 %" below one per cent. */
    public static String percent(double share) {
        double p = share * 100;
        return (p > 0 && p < 1 ? String.format(Locale.ROOT, "%.1f", p) : Long.toString(Math.round(p))) + " %";
    }

    private static String ms(double millis) {
        return SessionReader.fmt(millis);
    }
}

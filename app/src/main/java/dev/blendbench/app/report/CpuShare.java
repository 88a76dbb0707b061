package dev.blendbench.app.report;

import dev.blendbench.engine.stress.CpuUse;
import java.util.Locale;

/**
 * What a session's CPU use ({@link CpuUse}) says to a reader: how many cores the workload's JVM
 * used, and whether other processes or the hypervisor (steal) took a noticeable share of the
 * machine while it ran. They took CPU time the workload may have wanted, so a session measured
 * beside them measured them too: on a small shared machine, the commonest reason two runs of the
 * same settings differ. The workbench's own share is {@link Observer}'s to say; here it is left
 * out of the other processes' where the file gives it.
 */
public final class CpuShare {
    private CpuShare() {}

    /** From this share of the machine's cores on, other processes and steal together are said to have weighed on a session: 10 %. */
    public static final double NOTICEABLE_SHARE = 0.10;

    /** The cores other processes used besides the workbench ({@code workbenchCores}, NaN: none or unknown), never below 0. */
    static double otherCores(CpuUse c, double workbenchCores) {
        return Math.max(0, c.otherCores() - (Double.isNaN(workbenchCores) ? 0 : workbenchCores));
    }

    /** Whether other processes (besides the workbench) and steal together took {@value #NOTICEABLE_SHARE} or more of the machine. */
    public static boolean noticeable(CpuUse c, double workbenchCores) {
        if (!c.machineKnown()) return false;
        double steal = steal(c);
        return (otherCores(c, workbenchCores) + steal) / c.machineCores() >= NOTICEABLE_SHARE;
    }

    /** Whether they weighed on session {@code s} ({@link #noticeable}). */
    public static boolean noticeable(Session s) {
        return noticeable(s.summary().cpu(), Observer.cores(s));
    }

    /**
     * The command line's line after a session: "cpu: the workload's JVM used 1.85 of the machine's 2
     * cores; other processes 0.04, steal 0.00"; "" where nothing is known.
     */
    public static String line(CpuUse c) {
        if (Double.isNaN(c.workloadCores())) return "";
        String s = "cpu: the workload's JVM used " + used(c);
        if (!c.machineKnown()) return s;
        return s + "; other processes " + fmt(c.otherCores()) + ", steal " + fmt(steal(c));
    }

    /** The command line's warning where other processes and steal weighed on the session, or "". */
    public static String warning(CpuUse c) {
        if (!noticeable(c, Double.NaN)) return "";
        return "warning: " + others(c, Double.NaN, true) + " while this ran: CPU time the workload may have wanted, so its figures"
                + " measured that too (run it again when the machine is quieter)";
    }

    /**
     * " Other processes or the hypervisor took 10 % or more of the machine's CPU during the steps at
     * 400 jobs/s, 800 jobs/s, which measured that too." for a ramp's steps among {@code loads}, or a
     * cliff search's rates ({@code rates}: a rate that missed there may have met the objective on a
     * quiet machine); "" where there are none.
     */
    static String crowded(java.util.List<String> loads, boolean rates) {
        if (loads.isEmpty()) return "";
        return " Other processes or the hypervisor took " + Math.round(NOTICEABLE_SHARE * 100) + " % or more of the machine's CPU during the "
                + (rates ? "rate" : "step") + (loads.size() == 1 ? "" : "s") + " at " + String.join(", ", loads) + ", which measured that too"
                + (rates ? ": a rate that missed there may have met the objective on a quiet machine." : ".");
    }

    /** From this share of the machine's cores on, the workload is said to have used them all: 90 %. */
    static final double FULL_SHARE = 0.9;
    /** Busy workers that used under this share of the cores they could have kept busy are said to have waited more than they computed: 60 %. */
    static final double IDLE_SHARE = 0.6;

    /**
     * A cliff search's CPU at its knee and at the next rate tried (the lowest that missed), and what
     * it says of the limit there: " The workload's JVM used 1.31 of the machine's 2 cores there, 1.62
     * at 670.8 jobs/s." and then, at the rate that missed, either that the machine's CPU is the
     * limit (the workload used {@value #FULL_SHARE} of its cores or more: faster jobs or more CPUs
     * would move the knee, more workers would not), or that its {@code workers} waited more than they
     * computed: busy ({@link Session.CliffStep#busy()}) for as many workers' time as would keep a
     * core or more busy, they used under {@value #IDLE_SHARE} of the cores that would have kept busy
     * (the machine's at most) — they waited for a lock, or I/O. Not said where other processes took
     * their share ({@link #noticeable}): the workers may have waited for the CPU. "" where the file
     * does not give the CPU.
     */
    public static String atKnee(java.util.List<Session.CliffStep> byRate, double knee, int workers) {
        for (int k = 0; k < byRate.size(); k++) {
            Session.CliffStep at = byRate.get(k);
            if (at.rate() != knee || Double.isNaN(at.cpu().workloadCores())) continue;
            Session.CliffStep next = k + 1 < byRate.size() ? byRate.get(k + 1) : null;
            boolean nextKnown = next != null && !Double.isNaN(next.cpu().workloadCores());
            String text = " The workload's JVM used " + used(at.cpu()) + " there"
                    + (nextKnown ? ", " + fmt(next.cpu().workloadCores()) + " at " + SessionReader.fmt(next.rate()) + " jobs/s." : ".");
            if (!nextKnown) return text;
            CpuUse c = next.cpu();
            if (c.machineCores() > 0 && c.workloadCores() >= FULL_SHARE * c.machineCores()) {
                return text + " At " + SessionReader.fmt(next.rate()) + " jobs/s the machine's CPU is the limit: faster jobs or more cores"
                        + " would move the knee, more workers would not.";
            }
            double busyWorkers = Double.isNaN(next.busy()) ? 0 : next.busy() * workers;
            double could = c.machineCores() > 0 ? Math.min(busyWorkers, c.machineCores()) : busyWorkers;
            if (!noticeable(c, Double.NaN) && could >= 1 && c.workloadCores() < IDLE_SHARE * could) {
                return text + String.format(Locale.ROOT, " At %s jobs/s the workers were %s busy, %s of them at a time, yet used %s cores:"
                        + " they waited (for a lock, or I/O) more than they computed.", SessionReader.fmt(next.rate()),
                        LatencyBreakdown.percent(next.busy()), fmt(busyWorkers), fmt(c.workloadCores()));
            }
            return text;
        }
        return "";
    }

    /**
     * A closed-loop search's CPU against its worker counts ({@code byWorkers}, rising; each step's
     * {@code rate} is its workers): " The workers kept 1.05 to 1.07 cores busy from 1 to 4 workers"
     * and what that says: at the most workers, the machine's CPU is the limit ({@value #FULL_SHARE}
     * of its cores or more used), or more workers did not use more of it (under {@value #IDLE_SHARE}
     * of the cores the most workers could have kept busy: contention). "" for fewer than two worker
     * counts that give the CPU.
     */
    public static String byWorkers(java.util.List<Session.CliffStep> byWorkers) {
        java.util.List<Session.CliffStep> known = byWorkers.stream().filter(x -> !Double.isNaN(x.cpu().workloadCores())).toList();
        if (known.size() < 2) return "";
        Session.CliffStep first = known.getFirst(), last = known.getLast();
        double least = known.stream().mapToDouble(x -> x.cpu().workloadCores()).min().orElseThrow();
        double most = known.stream().mapToDouble(x -> x.cpu().workloadCores()).max().orElseThrow();
        String text = String.format(Locale.ROOT, " The workers kept %s to %s cores busy from %s to %s workers", fmt(least), fmt(most),
                SessionReader.fmt(first.rate()), SessionReader.fmt(last.rate()));
        CpuUse c = last.cpu();
        if (c.machineCores() > 0 && c.workloadCores() >= FULL_SHARE * c.machineCores()) {
            return text + ": at " + SessionReader.fmt(last.rate()) + " they used " + used(c) + ", so its CPU is the limit there.";
        }
        double could = c.machineCores() > 0 ? Math.min(last.rate(), c.machineCores()) : last.rate();
        if (!noticeable(c, Double.NaN) && could >= 2 && most < IDLE_SHARE * could) {
            return text + String.format(Locale.ROOT, ": more workers did not use more of the %s cores they could have kept busy, so they"
                    + " waited for one another (contention), and the CPU was not the limit.", SessionReader.fmt(could));
        }
        return text + ".";
    }

    /** A ramp step's aside on the command line, " (other processes used 0.62 of the machine's 2 cores)", or "" where they did not weigh on it. */
    public static String aside(CpuUse c) {
        return noticeable(c, Double.NaN) ? " (" + others(c, Double.NaN, true) + ")" : "";
    }

    /**
     * The report's sentence: " The workload's JVM used 1.85 of the machine's 2 cores." and, where
     * other processes weighed on it, what they took; "" where the file does not say.
     */
    public static String sentence(Session s) {
        CpuUse c = s.summary().cpu();
        if (Double.isNaN(c.workloadCores())) return "";
        String text = " The workload's JVM used " + used(c) + " while it was measured";
        if (!noticeable(s)) return text + ".";
        String besides = Double.isNaN(Observer.cores(s)) ? "" : " besides the workbench";
        return text + "; " + others(c, Observer.cores(s), false).replaceFirst("^other processes", "other processes" + besides)
                + ": CPU time the workload may have wanted, so these figures measured that too.";
    }

    /** The caveat's phrase, after the session's name: "ran while other processes used 0.62 of the machine's 2 cores", or "". */
    public static String caveat(Session s) {
        if (!noticeable(s)) return "";
        return "ran while " + others(s.summary().cpu(), Observer.cores(s), true);
    }

    /**
     * The comparison table's cell: the cores the workload's JVM used ("1.96"), and where other
     * processes and steal weighed on it, what they took ("1.32 · 0.68 other"); "–" where the file
     * does not say.
     */
    public static String cell(Session s) {
        CpuUse c = s.summary().cpu();
        if (Double.isNaN(c.workloadCores())) return "–";
        return fmt(c.workloadCores()) + (noticeable(s) ? " · " + fmt(othersAndSteal(s)) + " other" : "");
    }

    /** The cores other processes (besides the workbench) and steal took together while {@code s} was measured. */
    private static double othersAndSteal(Session s) {
        CpuUse c = s.summary().cpu();
        return otherCores(c, Observer.cores(s)) + steal(c);
    }

    /** "0.62 cores": other processes and steal together, as a comparison of conditions gives them. */
    static String othersText(Session s) {
        return fmt(othersAndSteal(s)) + " cores";
    }

    /** "1.85 of the machine's 2 cores" or "1.85 cores". */
    private static String used(CpuUse c) {
        return fmt(c.workloadCores()) + (c.machineCores() > 0 ? ofMachine(c) : " cores");
    }

    /** " of the machine's 2 cores". */
    private static String ofMachine(CpuUse c) {
        return " of the machine's " + c.machineCores() + (c.machineCores() == 1 ? " core" : " cores");
    }

    /** The hypervisor's steal, 0 where unknown. */
    private static double steal(CpuUse c) {
        return Double.isNaN(c.stealCores()) ? 0 : c.stealCores();
    }

    /**
     * "other processes used 0.62 of the machine's 2 cores and the hypervisor took 0.05 (steal)", the
     * parts that are not nil; without "of the machine's 2 cores" where {@code ofMachine} is false
     * (a sentence that has just said it).
     */
    private static String others(CpuUse c, double workbenchCores, boolean ofMachine) {
        double other = otherCores(c, workbenchCores), steal = steal(c);
        String cores = ofMachine ? ofMachine(c) : "";
        boolean showSteal = steal >= 0.005;
        if (other < 0.005 && showSteal) return "the hypervisor took " + fmt(steal) + cores + " (steal: the CPUs given to other virtual machines)";
        return "other processes used " + fmt(other) + cores + (showSteal ? " and the hypervisor took " + fmt(steal) + " (steal)" : "");
    }

    private static String fmt(double cores) {
        return String.format(Locale.ROOT, "%.2f", cores);
    }
}

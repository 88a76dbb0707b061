package dev.blendbench.engine.stress;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads the CPU time counters a session's intervals turn into {@link CpuUse}: this process's CPU
 * time (every thread of it, from the operating system) and, on Linux, the machine's, from the
 * first line of {@code /proc/stat} (clock ticks since boot: user, nice, system, idle, iowait,
 * irq, softirq, steal). A reading is a handful of longs; {@link #between} makes the figures of the
 * time between two. Linux counts both in clock ticks, 100 a second per CPU, so one 100 ms
 * interval's figures are good to about a tenth of a core; a session's are finer.
 */
final class CpuMeter {
    /** One moment's counters; a negative process time or a null {@code ticks} is unknown. */
    record Reading(long wallNanos, long processNanos, long[] ticks) {}

    /** Indices into {@code /proc/stat}'s fields (after "cpu"). */
    private static final int USER = 0, NICE = 1, SYSTEM = 2, IDLE = 3, IOWAIT = 4, IRQ = 5, SOFTIRQ = 6, STEAL = 7, FIELDS = 8;

    private final LongSupplier processNanos;
    private final Supplier<String> statLine;
    private final int cpus;

    /**
     * @param processNanos this process's CPU time in ns so far (negative: unknown)
     * @param statLine     the first line of {@code /proc/stat} now, or null where there is none
     * @param cpus         the machine's CPUs, which {@code statLine}'s ticks are summed over (0: unknown)
     */
    CpuMeter(LongSupplier processNanos, Supplier<String> statLine, int cpus) {
        this.processNanos = processNanos;
        this.statLine = statLine;
        this.cpus = cpus;
    }

    /** The meter of this JVM on this machine. */
    static CpuMeter system() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        LongSupplier process = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun::getProcessCpuTime : () -> -1;
        Path stat = Path.of("/proc/stat");
        int cpus = 0;
        try {
            for (String line : Files.readAllLines(stat, StandardCharsets.US_ASCII)) {
                if (line.length() > 3 && line.startsWith("cpu") && Character.isDigit(line.charAt(3))) cpus++;
            }
        } catch (IOException | RuntimeException e) {
            return new CpuMeter(process, () -> null, 0); // not Linux, or not readable: the workload's side only
        }
        byte[] buffer = new byte[512];
        return new CpuMeter(process, () -> firstLine(stat, buffer), cpus);
    }

    /** The first line of {@code file}, read into {@code buffer} (one sampler thread reads it); null where it cannot be read. */
    private static String firstLine(Path file, byte[] buffer) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            int n = f.read(buffer);
            if (n <= 0) return null;
            int end = 0;
            while (end < n && buffer[end] != '\n') end++;
            return new String(buffer, 0, end, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
    }

    /** The counters now, {@code wallNanos} being the session's clock. */
    Reading read(long wallNanos) {
        return new Reading(wallNanos, processNanos.getAsLong(), cpus > 0 ? ticks(statLine.get()) : null);
    }

    /**
     * The machine's tick counters of an aggregate {@code /proc/stat} line ("cpu  user nice system
     * idle iowait irq softirq steal ..."), or null for anything else: a line that is not the
     * aggregate, fewer than four numbers (kernels before 2.6.11 have no steal: it is taken as 0
     * then, as the ones after idle are), or a field that is not a non-negative number.
     */
    static long[] ticks(String line) {
        if (line == null || !line.startsWith("cpu ")) return null;
        String[] f = line.substring(4).strip().split("\\s+");
        if (f.length < 4) return null;
        long[] t = new long[FIELDS];
        for (int i = 0; i < Math.min(FIELDS, f.length); i++) {
            try {
                t[i] = Long.parseLong(f[i]);
            } catch (NumberFormatException e) {
                return null;
            }
            if (t[i] < 0) return null;
        }
        return t;
    }

    /** The use between two readings, the earlier first; {@link CpuUse#UNKNOWN} where no time passed. */
    CpuUse between(Reading a, Reading b) {
        long wall = b.wallNanos() - a.wallNanos();
        if (wall <= 0) return CpuUse.UNKNOWN;
        double workload = a.processNanos() >= 0 && b.processNanos() >= a.processNanos()
                ? (double) (b.processNanos() - a.processNanos()) / wall : Double.NaN;
        double other = Double.NaN, steal = Double.NaN;
        if (a.ticks() != null && b.ticks() != null) {
            long[] d = new long[FIELDS];
            long total = 0;
            boolean backwards = false;
            for (int i = 0; i < FIELDS; i++) {
                d[i] = b.ticks()[i] - a.ticks()[i];
                backwards |= d[i] < 0;
                total += d[i];
            }
            // no tick in between (an interval shorter than one), or counters that went back: unknown
            if (total > 0 && !backwards) {
                double perCore = (double) total / cpus; // one core's ticks in this time
                double busy = (d[USER] + d[NICE] + d[SYSTEM] + d[IRQ] + d[SOFTIRQ]) / perCore;
                steal = d[STEAL] / perCore;
                other = Double.isNaN(workload) ? Double.NaN : Math.max(0, busy - workload);
            }
        }
        return new CpuUse(workload, other, steal, cpus);
    }

    /** The machine's CPUs this meter sums over (0: unknown). */
    int cpus() {
        return cpus;
    }
}

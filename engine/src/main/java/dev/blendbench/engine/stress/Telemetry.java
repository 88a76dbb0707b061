package dev.blendbench.engine.stress;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Allocation and GC figures for a session: bytes allocated by given threads (ThreadMXBean,
 * ~16 ns a read) and collections as the JVM reports them (GC notifications, ~2 ms after the fact):
 * the number of collections (for ZGC and Shenandoah, their cycles) and the time the application
 * was paused (for those two, the sum of their pauses, not of their mostly concurrent cycles); and
 * the CPU time of the process and of the machine ({@link CpuMeter}).
 * Open until {@link #close()}.
 */
final class Telemetry implements AutoCloseable {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final AtomicLong gcCount = new AtomicLong();
    private final DoubleAdder gcPauseMillis = new DoubleAdder();
    private final AtomicLong heapAfterGc = new AtomicLong(-1);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final CpuMeter cpu = CpuMeter.system();

    Telemetry() {
        heapAfterGc.set(heapAfterLatestGc(ManagementFactory.getGarbageCollectorMXBeans()));
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    /**
     * The heap used after the JVM's latest collection before this session (a ramp's later steps and
     * a session after a warm-up start from it, rather than from "unknown" until their own first
     * collection), or -1 if there was none.
     */
    static long heapAfterLatestGc(List<GarbageCollectorMXBean> collectors) {
        long latestEnd = -1, used = -1;
        for (GarbageCollectorMXBean gc : collectors) {
            if (!(gc instanceof com.sun.management.GarbageCollectorMXBean bean) || kindOf(gc.getName()) == Kind.PAUSES) continue;
            com.sun.management.GcInfo last = bean.getLastGcInfo();
            if (last == null || last.getEndTime() <= latestEnd) continue;
            latestEnd = last.getEndTime();
            used = 0;
            for (MemoryUsage u : last.getMemoryUsageAfterGc().values()) used += u.getUsed();
        }
        return used;
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        // ZGC and Shenandoah report each concurrent cycle ("ZGC Minor Cycles": its whole, mostly
        // concurrent, duration) and, apart, each of its stop-the-world pauses ("ZGC Minor Pauses"):
        // a cycle is one collection and no pause; a pause is pause time and no extra collection
        long used = 0;
        for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) used += u.getUsed();
        record(info.getGcName(), info.getGcInfo().getDuration(), used);
    }

    /** One collector notification: the bean's name, the duration it reports, the heap used after it. */
    void record(String gcName, long durationMillis, long usedAfter) {
        Kind kind = kindOf(gcName);
        if (kind != Kind.PAUSES) gcCount.incrementAndGet();
        if (kind != Kind.CYCLES) gcPauseMillis.add(durationMillis);
        if (kind != Kind.PAUSES) heapAfterGc.set(usedAfter);
    }

    enum Kind { CYCLES, PAUSES, STOP_THE_WORLD }

    /** How a collector's notifications count, by the name of the bean they come from. */
    static Kind kindOf(String gcName) {
        if (gcName.endsWith(" Cycles")) return Kind.CYCLES;
        if (gcName.endsWith(" Pauses")) return Kind.PAUSES;
        return Kind.STOP_THE_WORLD;
    }

    long gcCount() { return gcCount.get(); }

    double gcPauseMillis() { return gcPauseMillis.sum(); }

    /** Heap used after the JVM's latest collection (before or during the session), -1 before the first. */
    long heapAfterGc() { return heapAfterGc.get(); }

    /**
     * Bytes allocated so far by these threads; virtual threads, which the bean does not count one
     * by one, are covered by the process-wide total.
     */
    long allocated(long[] threadIds, java.util.concurrent.atomic.AtomicLongArray atExit, boolean virtual) {
        if (virtual) {
            return threads.getTotalThreadAllocatedBytes();
        }
        long sum = 0;
        long[] live = threads.getThreadAllocatedBytes(threadIds);
        for (int i = 0; i < live.length; i++) {
            long ended = atExit.get(i);
            sum += ended >= 0 ? ended : Math.max(0, live[i]);
        }
        return sum;
    }

    /** The CPU counters now, {@code wallNanos} on the session's clock. */
    CpuMeter.Reading cpu(long wallNanos) {
        return cpu.read(wallNanos);
    }

    /** The CPU use between two {@link #cpu} readings. */
    CpuUse cpuBetween(CpuMeter.Reading from, CpuMeter.Reading to) {
        return cpu.between(from, to);
    }

    /** Bytes the calling thread has allocated so far. */
    long currentThreadAllocated() {
        return threads.getCurrentThreadAllocatedBytes();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}

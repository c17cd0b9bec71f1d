package org.peerlet.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches the CPU time of this JVM's threads (the test server runs in it), to tell a server at
 * rest from one with a thread still spinning on a request that was answered, or never was.
 */
public final class BusyThreads {
    /** A thread using more than this share of a window is busy; an idle JVM's threads use ~0. */
    private static final double BUSY_SHARE = 0.3;
    private static final Duration WINDOW = Duration.ofMillis(500);

    private BusyThreads() {
    }

    /**
     * Returns once a whole observation window passes with no thread (but this one) busy; fails
     * after {@code timeout}, naming the busiest thread and where it is. Background work that
     * ends (a JIT burst, a finishing job) lets a later window pass; a spinning thread never does.
     */
    public static void awaitIdle(Duration timeout) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) throw new AssertionError("this JVM cannot measure thread CPU time");
        if (!mx.isThreadCpuTimeEnabled()) mx.setThreadCpuTimeEnabled(true);
        long deadline = System.nanoTime() + timeout.toNanos();
        String busiest = "";
        while (System.nanoTime() < deadline) {
            Map<Long, Long> before = cpuTimes(mx);
            long t0 = System.nanoTime();
            observe();
            long window = System.nanoTime() - t0;
            Map<Long, Long> after = cpuTimes(mx);
            long worstId = -1;
            long worst = 0;
            for (Map.Entry<Long, Long> e : after.entrySet()) {
                long used = e.getValue() - before.getOrDefault(e.getKey(), e.getValue());
                if (used > worst) {
                    worst = used;
                    worstId = e.getKey();
                }
            }
            if (worst < window * BUSY_SHARE) return;
            busiest = describe(mx, worstId, worst, window);
        }
        throw new AssertionError("threads still busy after " + timeout.toSeconds() + " s: " + busiest);
    }

    private static Map<Long, Long> cpuTimes(ThreadMXBean mx) {
        long self = Thread.currentThread().getId();
        Map<Long, Long> out = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (id != self && t >= 0) out.put(id, t);
        }
        return out;
    }

    /** The observation window: CPU use is only meaningful over an interval. */
    private static void observe() {
        try {
            Thread.sleep(WINDOW.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String describe(ThreadMXBean mx, long id, long used, long window) {
        ThreadInfo info = mx.getThreadInfo(id, 12);
        String name = info == null ? "#" + id : info.getThreadName();
        String stack = info == null ? "" : Arrays.toString(info.getStackTrace());
        return name + " used " + used / 1_000_000 + " ms of CPU in " + window / 1_000_000 + " ms at " + stack;
    }
}

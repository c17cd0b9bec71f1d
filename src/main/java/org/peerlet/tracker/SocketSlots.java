package org.peerlet.tracker;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Open sockets, in all and per address, within {@link TrackerLimits#maxSockets()} and {@link TrackerLimits#maxSocketsPerIp()}. */
final class SocketSlots {
    private final TrackerLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perIp = new ConcurrentHashMap<>();

    SocketSlots(TrackerLimits limits) {
        this.limits = limits;
    }

    /** Takes a slot for a new socket from {@code ip}; returns null, or why there is none. */
    Refusal take(String ip) {
        if (open.incrementAndGet() > limits.maxSockets()) {
            open.decrementAndGet();
            return Refusal.TRACKER_FULL;
        }
        boolean[] admitted = {false};
        perIp.compute(ip, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= limits.maxSocketsPerIp()) return n;
            admitted[0] = true;
            return now + 1;
        });
        if (admitted[0]) return null;
        open.decrementAndGet();
        return Refusal.TOO_MANY_SOCKETS_FROM_ADDRESS;
    }

    /** Gives back the slot of a socket from {@code ip} that {@link #take} let in. */
    void release(String ip) {
        perIp.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }
}

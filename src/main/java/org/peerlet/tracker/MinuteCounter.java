package org.peerlet.tracker;

import java.time.Clock;

/** Counts events per second over the last 60 seconds of the clock; thread-safe. */
final class MinuteCounter {
    private static final int SECONDS = 60;
    private final Clock clock;
    private final long[] second = new long[SECONDS];
    private final long[] count = new long[SECONDS];

    MinuteCounter(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(long n) {
        long now = clock.millis() / 1000;
        int slot = (int) Math.floorMod(now, SECONDS);
        if (second[slot] != now) {
            second[slot] = now;
            count[slot] = 0;
        }
        count[slot] += n;
    }

    /** Events in the 60 seconds up to now. */
    synchronized long lastMinute() {
        long now = clock.millis() / 1000;
        long sum = 0;
        for (int i = 0; i < SECONDS; i++) if (now - second[i] < SECONDS) sum += count[i];
        return sum;
    }
}

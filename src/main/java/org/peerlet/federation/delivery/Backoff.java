package org.peerlet.federation.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** When to try a failed delivery again: a fixed table, then give up. */
public final class Backoff {
    /** 30 s, 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h, 24 h: about two days in all. */
    public static final List<Duration> TABLE = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));

    private Backoff() {
    }

    /** The wait after the given number of failed attempts (1 = first failure); empty: give up. */
    public static Optional<Duration> after(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > TABLE.size()) return Optional.empty();
        return Optional.of(TABLE.get(failedAttempts - 1));
    }
}

package org.peerlet.common;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Instant;

/** Time helpers: one injected clock drives tokens, limits and caches alike. */
public final class Times {
    private Times() {
    }

    public static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    public static String isoOrNull(Long epochMillis) {
        return epochMillis == null ? null : iso(epochMillis);
    }

    /** A Caffeine ticker that follows the clock, so tests moving the clock also expire caches. */
    public static Ticker ticker(Clock clock) {
        if (clock.equals(Clock.systemUTC())) return Ticker.systemTicker();
        return () -> clock.millis() * 1_000_000L;
    }
}

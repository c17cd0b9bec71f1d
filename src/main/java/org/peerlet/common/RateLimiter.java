package org.peerlet.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts events per key in fixed windows: at most {@code max} per {@code window}. Memory is
 * bounded (least recently used keys are dropped first) and time comes from the ticker, so
 * tests can move it forward instead of sleeping.
 */
public final class RateLimiter {

    private final int max;
    private final Duration window;
    private final Cache<String, AtomicInteger> counts;

    public RateLimiter(int max, Duration window, Ticker ticker) {
        this.max = max;
        this.window = window;
        this.counts = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .ticker(ticker)
                .build();
    }

    /** Counts one event; false when the key is over its limit in the current window. */
    public boolean tryAcquire(String key) {
        return counts.get(key, k -> new AtomicInteger()).incrementAndGet() <= max;
    }

    /** True when the key has already reached its limit, without counting anything. */
    public boolean isExhausted(String key) {
        AtomicInteger n = counts.getIfPresent(key);
        return n != null && n.get() >= max;
    }

    public void reset(String key) {
        counts.invalidate(key);
    }

    public int retryAfterSeconds() {
        return (int) window.toSeconds();
    }
}

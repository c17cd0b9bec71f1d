package org.peerlet.social;

import org.peerlet.common.RateLimiter;
import org.peerlet.common.Times;
import org.peerlet.http.ApiError;

import java.time.Clock;
import java.time.Duration;

/**
 * How often one may comment or rate: per user, and per address (one household, or someone
 * with many accounts). A comment or rating over either limit is refused with 429.
 */
final class SocialLimits {
    static final int PER_USER = 10;
    static final int PER_ADDRESS = 30;
    static final int RATES_PER_USER = 30;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimiter commentsByUser;
    private final RateLimiter commentsByAddress;
    private final RateLimiter ratesByUser;

    SocialLimits(Clock clock) {
        this.commentsByUser = new RateLimiter(PER_USER, WINDOW, Times.ticker(clock));
        this.commentsByAddress = new RateLimiter(PER_ADDRESS, WINDOW, Times.ticker(clock));
        this.ratesByUser = new RateLimiter(RATES_PER_USER, WINDOW, Times.ticker(clock));
    }

    void comment(long userId, String address) {
        boolean byAddress = address == null || commentsByAddress.tryAcquire(address);
        boolean byUser = commentsByUser.tryAcquire(String.valueOf(userId));
        if (!byAddress || !byUser) {
            throw ApiError.tooManyRequests("too many comments: wait a minute", commentsByUser.retryAfterSeconds());
        }
    }

    void rate(long userId) {
        if (!ratesByUser.tryAcquire(String.valueOf(userId))) {
            throw ApiError.tooManyRequests("too many ratings: wait a minute", ratesByUser.retryAfterSeconds());
        }
    }
}

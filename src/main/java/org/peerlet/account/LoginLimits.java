package org.peerlet.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.peerlet.common.RateLimiter;
import org.peerlet.common.Secrets;
import org.peerlet.common.Times;
import org.peerlet.http.ApiError;

import java.time.Clock;
import java.time.Duration;

/**
 * How often logins may be tried. Per address, as PeerTube does: a few attempts per 5 minutes.
 * Per account, guessers spread over many addresses are capped without locking the owner out:
 * past {@value #FAILURES_PER_ACCOUNT} failures in 15 minutes, the account takes passwords only
 * from addresses it logged in from before (in the last 30 days), where its owner usually is; new
 * addresses wait until the failures age out. Addresses are kept only as salted hashes, in memory.
 */
final class LoginLimits {
    static final int FAILURES_PER_ACCOUNT = 10;

    private final RateLimiter perIp;
    private final RateLimiter perAccount;
    /** Hashes of (account, address) that logged in; the salt changes at each start. */
    private final Cache<String, Boolean> knownAddresses;
    private final String salt = Secrets.token(16);

    LoginLimits(int perIpPer5Min, Clock clock) {
        this.perIp = new RateLimiter(perIpPer5Min, Duration.ofMinutes(5), Times.ticker(clock));
        this.perAccount = new RateLimiter(FAILURES_PER_ACCOUNT, Duration.ofMinutes(15), Times.ticker(clock));
        this.knownAddresses = Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(30)).maximumSize(20_000)
                .ticker(Times.ticker(clock)).build();
    }

    /** Counts one call of the token endpoint from this address; 429 past the limit. */
    void countAttempt(String ip) {
        if (!perIp.tryAcquire(ip)) {
            throw ApiError.tooManyRequests("too many login attempts from your address, try again later",
                    perIp.retryAfterSeconds());
        }
    }

    /** Before a password is checked: 429 when the account is being guessed at and this address is new to it. */
    void beforeCheck(String account, String ip) {
        if (perAccount.isExhausted(account) && knownAddresses.getIfPresent(key(account, ip)) == null) {
            throw ApiError.tooManyRequests("too many failed logins for this account, try again later",
                    perAccount.retryAfterSeconds());
        }
    }

    void failed(String account) {
        perAccount.tryAcquire(account);
    }

    /** A good password from this address: the owner may use it even while the account is being guessed at. */
    void succeeded(String account, String ip) {
        knownAddresses.put(key(account, ip), Boolean.TRUE);
    }

    private String key(String account, String ip) {
        return Secrets.sha256Hex(salt + '\n' + account + '\n' + ip);
    }
}

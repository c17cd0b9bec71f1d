package org.peerlet.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.peerlet.common.RateLimiter;
import org.peerlet.common.Secrets;
import org.peerlet.common.Times;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Logging in with the OAuth password grant, refreshing and revoking tokens, and finding who a
 * bearer token belongs to. Tokens are random; only their SHA-256 is stored.
 */
public final class TokenService {
    public static final Duration ACCESS_LIFETIME = Duration.ofDays(1);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(14);

    private final Database db;
    private final UserRepository users;
    private final TokenRepository tokens = new TokenRepository();
    private final PasswordHasher hasher;
    private final RateLimiter perIp;
    private final RateLimiter perAccount;
    private final Clock clock;
    /** Access hash -> token row: every API call needs it, so the database is asked once a minute at most. */
    private final Cache<String, TokenRepository.StoredToken> byAccess;
    /** A fixed hash checked for unknown users, so timing does not tell which usernames exist. */
    private final String decoyHash;

    public TokenService(Database db, UserRepository users, PasswordHasher hasher, int loginsPerIpPer5Min,
                        Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.perIp = new RateLimiter(loginsPerIpPer5Min, Duration.ofMinutes(5), Times.ticker(clock));
        this.perAccount = new RateLimiter(10, Duration.ofMinutes(15), Times.ticker(clock));
        this.byAccess = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000)
                .ticker(Times.ticker(clock)).build();
        this.decoyHash = hasher.hash(Secrets.token(16));
    }

    public record Issued(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {
    }

    /** Counts one call of the token endpoint from this address; 429 past the limit. */
    public void countAttempt(String ip) {
        if (!perIp.tryAcquire(ip)) {
            throw ApiError.tooManyRequests("too many login attempts from your address, try again later",
                    perIp.retryAfterSeconds());
        }
    }

    public Issued login(String username, String password) {
        String key = username.toLowerCase();
        if (perAccount.isExhausted(key)) {
            throw ApiError.tooManyRequests("too many failed logins for this account, try again later",
                    perAccount.retryAfterSeconds());
        }
        Optional<User> found = users.byUsernameOrEmail(db.dsl(), username);
        boolean ok = hasher.matches(password, found.map(User::passwordHash).orElse(decoyHash)) && found.isPresent();
        if (!ok) {
            perAccount.tryAcquire(key);
            throw invalidGrant("Invalid grant: user credentials are invalid");
        }
        User user = found.get();
        if (user.blocked()) throw invalidGrant("Invalid grant: this account is blocked");
        perAccount.reset(key);
        return db.write(tx -> {
            users.touchLogin(tx, user.id(), clock.millis());
            return issue(tx, user.id());
        });
    }

    public Issued refresh(String refreshToken) {
        String hash = Secrets.sha256Hex(refreshToken);
        return db.write(tx -> {
            TokenRepository.StoredToken t = tokens.byRefreshHash(tx, hash)
                    .filter(s -> s.refreshExpiresAt() > clock.millis())
                    .orElseThrow(() -> invalidGrant("Invalid grant: refresh token is invalid"));
            User u = users.byId(tx, t.userId()).orElseThrow(() -> invalidGrant("Invalid grant: no such user"));
            if (u.blocked()) throw invalidGrant("Invalid grant: this account is blocked");
            tokens.delete(tx, t.id()).ifPresent(byAccess::invalidate);
            return issue(tx, t.userId());
        });
    }

    public void revoke(String accessToken) {
        String hash = Secrets.sha256Hex(accessToken);
        db.writeVoid(tx -> tokens.byAccessHash(tx, hash).ifPresent(t -> tokens.delete(tx, t.id())));
        byAccess.invalidate(hash);
    }

    /** Logs a user out everywhere (password reset, block, removal). */
    public void revokeAll(long userId) {
        db.write(tx -> tokens.deleteAllOfUser(tx, userId)).forEach(byAccess::invalidate);
    }

    /** The user a valid, unexpired access token belongs to. */
    public Optional<User> authenticate(String accessToken) {
        String hash = Secrets.sha256Hex(accessToken);
        TokenRepository.StoredToken t = byAccess.get(hash, h -> tokens.byAccessHash(db.dsl(), h).orElse(null));
        if (t == null || t.accessExpiresAt() <= clock.millis()) return Optional.empty();
        return users.byId(db.dsl(), t.userId()).filter(u -> !u.blocked());
    }

    public int purgeExpired() {
        return db.write(tx -> tokens.deleteExpired(tx, clock.millis()));
    }

    private Issued issue(org.jooq.DSLContext tx, long userId) {
        String access = Secrets.token(32);
        String refresh = Secrets.token(32);
        long now = clock.millis();
        tokens.insert(tx, userId, Secrets.sha256Hex(access), Secrets.sha256Hex(refresh),
                now + ACCESS_LIFETIME.toMillis(), now + REFRESH_LIFETIME.toMillis(), now);
        return new Issued(access, refresh, ACCESS_LIFETIME.toSeconds(), REFRESH_LIFETIME.toSeconds());
    }

    static ApiError invalidGrant(String detail) {
        return new ApiError(400, "invalid_grant", detail);
    }
}

package org.peerlet.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jooq.DSLContext;
import org.peerlet.common.Events;
import org.peerlet.common.Secrets;
import org.peerlet.common.Times;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Logging in with the OAuth password grant, refreshing and revoking tokens, finding who a bearer
 * token belongs to, and ending all of a user's sessions. Tokens are random; only their SHA-256 is
 * stored.
 */
public final class TokenService {
    public static final Duration ACCESS_LIFETIME = Duration.ofDays(1);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(14);

    private final Database db;
    private final UserRepository users = new UserRepository();
    private final TokenRepository tokens = new TokenRepository();
    private final PasswordHasher hasher;
    private final LoginLimits limits;
    private final Clock clock;
    /**
     * Access hash -> token row, so the token table is read once a minute at most per token. The
     * user row is read on every call anyway: a cached row is trusted only while its session
     * stamp is the user's current one, so an end of sessions made by another process (the admin
     * tool) holds at once.
     */
    private final Cache<String, TokenRepository.StoredToken> byAccess;
    /** A fixed hash checked for unknown users, so timing does not tell which usernames exist. */
    private final String decoyHash;
    private final Events events;
    private final TwoFactor twoFactor;

    public TokenService(Database db, PasswordHasher hasher, int loginsPerIpPer5Min, TwoFactor twoFactor,
                        Events events, Clock clock) {
        this.events = events;
        this.twoFactor = twoFactor;
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
        this.limits = new LoginLimits(loginsPerIpPer5Min, clock);
        this.byAccess = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000)
                .ticker(Times.ticker(clock)).build();
        this.decoyHash = hasher.hash(Secrets.token(16));
    }

    public record Issued(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {
    }

    /** Counts one call of the token endpoint from this address; 429 past the limit. */
    public void countAttempt(String ip) {
        limits.countAttempt(ip);
    }

    /** Two-factor login: turning it on and off. */
    public TwoFactor twoFactor() {
        return twoFactor;
    }

    /** The password grant, from the client at this address, with the code of PeerTube's {@code x-peertube-otp} header (or null). */
    public Issued login(String username, String password, String otp, String ip) {
        Optional<User> found = users.byUsernameOrEmail(db.dsl(), username);
        // Counted per account, whichever name or email it was asked by.
        String account = found.map(u -> "#" + u.id()).orElse(username.toLowerCase());
        limits.beforeCheck(account, ip);
        boolean ok = hasher.matches(password, found.map(User::passwordHash).orElse(decoyHash)) && found.isPresent();
        if (!ok) {
            limits.failed(account);
            throw invalidGrant("Invalid grant: user credentials are invalid");
        }
        User user = found.get();
        if (user.blocked()) throw invalidGrant("Invalid grant: this account is blocked");
        // Only sign-ups made while addresses must be confirmed wait for it (PeerTube's emailVerified false).
        if (Boolean.FALSE.equals(user.emailVerified())) throw new ApiError(400, "access_denied", "User email is not verified.");
        try {
            twoFactor.checkLogin(user, otp);
        } catch (ApiError e) {
            // A wrong code counts as a wrong password would: whoever has the password cannot guess codes freely.
            if ("invalid_two_factor".equals(e.code())) limits.failed(account);
            throw e;
        }
        limits.succeeded(account, ip);
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

    /**
     * Makes a change to a user (password, block, removal) and ends all their sessions in the same
     * transaction: every token pair but {@code keepAccessToken}'s (null for none) is deleted and
     * the user's session stamp moves on, which also ends the file tokens minted for them.
     */
    public void endSessions(long userId, String keepAccessToken, Consumer<DSLContext> change) {
        String keep = keepAccessToken == null ? null : Secrets.sha256Hex(keepAccessToken);
        List<String> ended = db.write(tx -> {
            List<String> hashes = tokens.deleteAllOfUser(tx, userId, keep);
            users.nextSessionEpoch(tx, userId);
            change.accept(tx);
            return hashes;
        });
        byAccess.invalidateAll(ended);
        if (keep != null) byAccess.invalidate(keep);
        events.publish(new AccountEvents.SessionsEnded(userId));
    }

    /** The session stamp a file token of this user must carry; -1 once the user is gone or blocked. */
    public long sessionEpoch(long userId) {
        return users.sessionEpoch(db.dsl(), userId).orElse(-1L);
    }

    /** The user a valid, unexpired access token belongs to. */
    public Optional<User> authenticate(String accessToken) {
        String hash = Secrets.sha256Hex(accessToken);
        TokenRepository.StoredToken t = byAccess.get(hash, this::load);
        if (t == null) return Optional.empty();
        Optional<User> user = users.byId(db.dsl(), t.userId());
        if (user.isPresent() && user.get().sessionEpoch() != t.sessionEpoch()) {
            // Sessions ended since the row was cached, perhaps in another process: ask the table again.
            byAccess.invalidate(hash);
            t = load(hash);
            if (t == null || t.sessionEpoch() != user.get().sessionEpoch()) return Optional.empty();
        }
        if (t.accessExpiresAt() <= clock.millis()) return Optional.empty();
        return user.filter(u -> !u.blocked());
    }

    private TokenRepository.StoredToken load(String accessHash) {
        return tokens.byAccessHash(db.dsl(), accessHash).orElse(null);
    }

    public int purgeExpired() {
        return db.write(tx -> tokens.deleteExpired(tx, clock.millis()));
    }

    private Issued issue(DSLContext tx, long userId) {
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

package org.peerlet.privacy;

import org.peerlet.account.User;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongUnaryOperator;

/**
 * Short-lived tokens that open one video's files (PeerTube's {@code videoFileToken}) and its
 * private P2P swarm. Stateless: {@code videoId.expiry.epoch.user.session.mac}, where mac is an
 * HMAC-SHA256 with a key made at start (so a restart ends every token: players ask for a new
 * one). The epoch is a per-video counter bumped when a grant is taken back (a share revoked, a
 * link or a password deleted, the video made private): every token minted before is refused at
 * once. A token minted for a logged-in user carries their id and session stamp, and dies with
 * their sessions (password changed, blocked, removed); user 0 is a viewer without an account.
 */
public final class FileTokens {
    public static final Duration TTL = Duration.ofHours(1);
    /**
     * How long past its expiry a token still holds a tracker socket's place in a swarm it joined
     * while the token was good: a long film keeps its peers, yet a socket does not live forever.
     */
    public static final Duration SOCKET_GRACE = Duration.ofHours(12);

    private final byte[] key = new byte[32];
    private final Clock clock;
    private final LongUnaryOperator sessionOf;
    private final ConcurrentHashMap<Long, Integer> epochs = new ConcurrentHashMap<>();
    /** Each changed video's level when it last changed, so a change of level can be told from an edit. */
    private final ConcurrentHashMap<Long, Object> lastPrivacy = new ConcurrentHashMap<>();

    public record Minted(String token, Instant expires) {
    }

    /** @param sessionOf a user's current session stamp, read where it is kept; -1 once they are gone or blocked */
    public FileTokens(Clock clock, LongUnaryOperator sessionOf) {
        this.clock = clock;
        this.sessionOf = sessionOf;
        new SecureRandom().nextBytes(key);
    }

    /** A token for this video, bound to the user's current session if one is logged in. */
    public Minted mint(long videoId, Optional<User> user) {
        long expires = clock.instant().plus(TTL).getEpochSecond();
        String payload = videoId + "." + expires + "." + epochs.getOrDefault(videoId, 0) + "."
                + user.map(u -> u.id() + "." + u.sessionEpoch()).orElse("0.0");
        return new Minted(payload + "." + mac(payload), Instant.ofEpochSecond(expires));
    }

    /** True if the token was minted here for this video, has not expired, and nothing was revoked since. */
    public boolean valid(long videoId, String token) {
        return check(videoId, token, clock.instant().getEpochSecond());
    }

    /**
     * For a tracker socket already in this video's swarm: true if the token was minted here for
     * it and nothing was revoked since, even if it expired (within {@link #SOCKET_GRACE}). The
     * player renews its token for files, but the socket keeps the one it was opened with.
     */
    public boolean stillGranted(long videoId, String token) {
        return check(videoId, token, clock.instant().minus(SOCKET_GRACE).getEpochSecond());
    }

    private boolean check(long videoId, String token, long expiresAfter) {
        if (token == null || token.length() > 200) return false;
        String[] p = token.split("\\.");
        if (p.length != 6) return false;
        String payload = String.join(".", p[0], p[1], p[2], p[3], p[4]);
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII), p[5].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            if (Long.parseLong(p[0]) != videoId || Long.parseLong(p[1]) <= expiresAfter
                    || Integer.parseInt(p[2]) != epochs.getOrDefault(videoId, 0)) {
                return false;
            }
            long user = Long.parseLong(p[3]);
            // Last, as it reads the database: the user's sessions have not ended since.
            return user == 0 || sessionOf.applyAsLong(user) == Long.parseLong(p[4]);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Every token of this video minted so far stops working. */
    public void revokeAll(long videoId) {
        epochs.merge(videoId, 1, Integer::sum);
    }

    /**
     * A video changed: if its level did (its privacy, or a moderator's block; or may have, the first
     * time), tokens minted under the old one end.
     */
    public void videoChanged(Video v) {
        Object level = java.util.List.of(v.privacy(), v.isBlocked());
        if (!level.equals(lastPrivacy.put(v.id(), level))) revokeAll(v.id());
    }

    /** A video is gone: its tokens end. */
    public void videoDeleted(Video v) {
        lastPrivacy.remove(v.id());
        revokeAll(v.id());
    }

    private String mac(String payload) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = m.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.peerlet.privacy;

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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived tokens that open one video's files (PeerTube's {@code videoFileToken}) and its
 * private P2P swarm. Stateless: {@code videoId.expiry.epoch.mac}, where mac is an HMAC-SHA256
 * with a key made at start (so a restart ends every token: players ask for a new one). The
 * epoch is a per-video counter bumped when a grant is taken back (a share revoked, a link or a
 * password deleted, the video made private): every token minted before is refused at once.
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
    private final ConcurrentHashMap<Long, Integer> epochs = new ConcurrentHashMap<>();
    /** Each changed video's level when it last changed, so a change of level can be told from an edit. */
    private final ConcurrentHashMap<Long, Privacy> lastPrivacy = new ConcurrentHashMap<>();

    public record Minted(String token, Instant expires) {
    }

    public FileTokens(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    public Minted mint(long videoId) {
        long expires = clock.instant().plus(TTL).getEpochSecond();
        String payload = videoId + "." + expires + "." + epochs.getOrDefault(videoId, 0);
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
        if (p.length != 4) return false;
        String payload = p[0] + "." + p[1] + "." + p[2];
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII), p[3].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return Long.parseLong(p[0]) == videoId && Long.parseLong(p[1]) > expiresAfter
                    && Integer.parseInt(p[2]) == epochs.getOrDefault(videoId, 0);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Every token of this video minted so far stops working. */
    public void revokeAll(long videoId) {
        epochs.merge(videoId, 1, Integer::sum);
    }

    /** A video changed: if its level did (or may have, the first time), tokens minted under the old one end. */
    public void videoChanged(Video v) {
        if (lastPrivacy.put(v.id(), v.privacy()) != v.privacy()) revokeAll(v.id());
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

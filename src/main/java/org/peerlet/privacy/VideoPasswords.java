package org.peerlet.privacy;

import org.peerlet.common.KeyFile;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.peerlet.account.PasswordHasher;
import org.peerlet.common.RateLimiter;
import org.peerlet.common.Times;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.http.TrustedProxies;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.Viewer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * How a video password is stored and checked, and how guessing it is held back.
 *
 * <p>Stored: {@code hmac-sha256:} and the HMAC-SHA256 of "video id:password" under a server key
 * kept in its own file ({@link KeyFile}). So a guess costs one HMAC and one indexed lookup, however
 * many passwords the video has (bcrypt, one salt per password, cost one slow hash per password per
 * guess: 50 passwords, 4 s of CPU for one anonymous request). Nothing stored can be read back by
 * the owner or anyone; the database alone, without the key file, cannot even be brute-forced; the
 * video id in the input makes the same password look different on every video. Rows stored as
 * bcrypt before this still work: tried one by one after the lookup, and rewritten on a match.
 *
 * <p>Held back: wrong guesses count against the client's address (after trusted proxies) and the
 * video; past either limit every guess is refused with 429 before it is checked, so the answer
 * says nothing of it. An address that got into a video in the last hour is not held back by that
 * video's limit: a storm of guesses does not lock out the family watching it.
 */
public final class VideoPasswords {
    public static final int PER_ADDRESS = 10;
    public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(5);
    public static final int PER_VIDEO = 30;
    public static final Duration VIDEO_WINDOW = Duration.ofMinutes(15);
    private static final String SCHEME = "hmac-sha256:";
    private static final String LEGACY = "$2";

    private final Database db;
    private final PrivacyRepository repo = new PrivacyRepository();
    private final PasswordHasher legacy;
    private final SecretKeySpec key;
    private final TrustedProxies proxies;
    private final RateLimiter perAddress;
    private final RateLimiter perVideo;
    private final Cache<String, Boolean> admitted;

    public VideoPasswords(Database db, PasswordHasher legacy, byte[] key, TrustedProxies proxies,
                          Clock clock) {
        this.db = db;
        this.legacy = legacy;
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.proxies = proxies;
        this.perAddress = new RateLimiter(PER_ADDRESS, ADDRESS_WINDOW, Times.ticker(clock));
        this.perVideo = new RateLimiter(PER_VIDEO, VIDEO_WINDOW, Times.ticker(clock));
        this.admitted = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(100_000)
                .ticker(Times.ticker(clock)).build();
    }

    /** With the key in {@code keyFile}, made there at first start. */
    public static VideoPasswords withKeyFile(Database db, PasswordHasher legacy,
                                             java.nio.file.Path keyFile, TrustedProxies proxies, Clock clock) {
        return new VideoPasswords(db, legacy, KeyFile.loadOrCreate(keyFile), proxies, clock);
    }

    /** What is stored for this password of this video. */
    public String stored(long videoId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal((videoId + ":" + password).getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * True if the viewer's password opens this video (password-protected, and one of its
     * passwords). Any other answer counts as a wrong guess; 429 once the viewer's address or the
     * video has had too many.
     */
    public boolean matches(Video v, Viewer w) {
        String address = w.from() == null ? "" : proxies.clientOf(w.from().remoteAddress(), w.from().forwardedFor());
        String video = String.valueOf(v.id());
        String pass = video + "|" + address;
        if (perAddress.isExhausted(address)) throw limited(perAddress);
        if (perVideo.isExhausted(video) && admitted.getIfPresent(pass) == null) throw limited(perVideo);
        boolean ok = w.password().length() <= PrivacyService.MAX_PASSWORD && found(v, w.password());
        if (ok) {
            admitted.put(pass, true);
        } else {
            perAddress.tryAcquire(address);
            perVideo.tryAcquire(video);
        }
        return ok;
    }

    private boolean found(Video v, String password) {
        String lookup = stored(v.id(), password);
        // Looked up for any video, so a private one takes as long to refuse as a password-protected one.
        boolean known = repo.passwordExists(db.dsl(), v.id(), lookup);
        if (v.privacy() != Privacy.PASSWORD_PROTECTED) return false;
        if (known) return true;
        for (PrivacyRepository.Password p : repo.passwordsLike(db.dsl(), v.id(), LEGACY + "%")) {
            if (legacy.matches(password, p.hash())) {
                db.writeVoid(tx -> repo.setPasswordHash(tx, p.id(), lookup));
                return true;
            }
        }
        return false;
    }

    private static ApiError limited(RateLimiter limiter) {
        return ApiError.tooManyRequests("too many wrong video passwords, try again later", limiter.retryAfterSeconds());
    }
}

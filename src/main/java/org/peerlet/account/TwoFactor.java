package org.peerlet.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.codec.binary.Base32;
import org.peerlet.common.KeyFile;
import org.peerlet.common.Secrets;
import org.peerlet.common.Times;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Two-factor login as PeerTube has it (TOTP: SHA-1, 6 digits, 30-second steps, one step of
 * drift either way). A user asks for a secret, scans it, and turns two-factor on by sending a
 * code it makes; the password grant then also needs a code. Secrets are stored encrypted
 * (AES-GCM) under a key kept in its own file of the data dir, and are shown only once, when
 * asked for. A code is accepted once: each accepted step is recorded, and no step at or before it
 * is accepted again.
 */
public final class TwoFactor {
    static final String HEADER = "x-peertube-otp";
    static final String HEADER_REQUIRED = "required; app";
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int SECRET_BYTES = 20; // 160 bits, as RFC 4226 recommends
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final UserRepository users = new UserRepository();
    private final PasswordHasher hasher;
    private final SecretKeySpec key;
    private final String issuer;
    private final Clock clock;
    /** Secrets asked for and not yet confirmed, by user: the request token and the raw secret. */
    private final Cache<Long, Pending> pending;

    private record Pending(String requestToken, byte[] secret) {
    }

    /** What a client shows to be scanned: PeerTube's otpRequest, with the QR code drawn as SVG. */
    public record Request(String requestToken, String secret, String uri, String qrCodeSvg) {
    }

    TwoFactor(Database db, PasswordHasher hasher, byte[] key, String issuer, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.key = new SecretKeySpec(key, "AES");
        this.issuer = issuer;
        this.clock = clock;
        this.pending = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000)
                .ticker(Times.ticker(clock)).build();
    }

    /** With its key in {@code keyFile} (made at first start, beside the database, not in it). */
    public static TwoFactor withKeyFile(Database db, PasswordHasher hasher, Path keyFile, String issuer, Clock clock) {
        return new TwoFactor(db, hasher, KeyFile.loadOrCreate(keyFile), issuer, clock);
    }

    /** A new secret for {@code me}, who proves they know their password; kept until confirmed. */
    public Request request(User me, long userId, String currentPassword) {
        User target = self(me, userId);
        checkPassword(me, currentPassword);
        if (target.twoFactorEnabled()) throw ApiError.badRequest("Two factor is already enabled.");
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String requestToken = Secrets.token(32);
        pending.put(userId, new Pending(requestToken, secret));
        String base32 = new Base32().encodeAsString(secret).replace("=", "");
        String label = enc(issuer) + ":" + enc(target.email() == null ? target.username() : target.email());
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
        return new Request(requestToken, base32, uri, QrCode.svg(uri));
    }

    /** Turns two-factor on once a code made from the requested secret comes back. */
    public void confirm(User me, long userId, String requestToken, String otpToken) {
        User target = self(me, userId);
        if (target.twoFactorEnabled()) throw ApiError.badRequest("Two factor is already enabled.");
        Pending p = pending.getIfPresent(userId);
        if (p == null || !Secrets.constantTimeEquals(p.requestToken(), requestToken)) {
            throw ApiError.forbidden("Invalid request token");
        }
        long step = matchingStep(p.secret(), otpToken, 0);
        if (step < 0) throw ApiError.forbidden("Invalid OTP token");
        pending.invalidate(userId);
        String sealed = seal(p.secret());
        db.writeVoid(tx -> users.setOtp(tx, userId, sealed, step));
    }

    /**
     * Turns it off: the user with their password, or for someone who lost their phone, the admin
     * (or a moderator, for a plain user) without it.
     */
    public void disable(User by, long userId, String currentPassword) {
        User target = users.byId(db.dsl(), userId).orElseThrow(() -> ApiError.notFound("user not found"));
        boolean forSomeoneElse = by.id() != userId;
        if (forSomeoneElse && !(by.isAdmin() || (by.canModerate() && target.role() == Role.USER))) {
            throw ApiError.forbidden("User " + by.username() + " does not have right to change two factor setting of this user.");
        }
        if (!forSomeoneElse) checkPassword(by, currentPassword);
        if (!target.twoFactorEnabled()) throw ApiError.badRequest("Two factor is already disabled.");
        db.writeVoid(tx -> users.setOtp(tx, userId, null, 0));
    }

    /**
     * At login, once the password is right: nothing when two-factor is off; else the code must
     * be there (401 {@code missing_two_factor}, as PeerTube asks for it) and right and unused
     * (400 {@code invalid_two_factor}).
     */
    void checkLogin(User user, String otpHeader) {
        if (!user.twoFactorEnabled()) return;
        UserRepository.StoredOtp stored = users.otp(db.dsl(), user.id()).orElse(null);
        if (stored == null) return; // turned off since the user row was read
        if (otpHeader == null || otpHeader.isBlank()) {
            throw new ApiError(401, "missing_two_factor", "Missing two factor header");
        }
        long step = matchingStep(open(stored.encryptedSecret()), otpHeader.trim(), stored.lastStep());
        if (step < 0 || !db.write(tx -> users.spendOtpStep(tx, user.id(), step))) {
            throw new ApiError(400, "invalid_two_factor", "Invalid two factor header");
        }
    }

    /** The step (now, one before or one after) whose code {@code code} is and that is after {@code spent}; -1 if none. */
    private long matchingStep(byte[] secret, String code, long spent) {
        if (code == null || !code.matches("\\d{6}")) return -1;
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP, 6,
                TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        long now = clock.instant().getEpochSecond() / STEP.toSeconds();
        long found = -1;
        try {
            SecretKeySpec k = new SecretKeySpec(secret, "HmacSHA1");
            for (long step = now - 1; step <= now + 1; step++) {
                String expected = totp.generateOneTimePasswordString(k, Instant.ofEpochSecond(step * STEP.toSeconds()));
                // Every step is compared, in constant time, so timing tells nothing of which matched.
                if (Secrets.constantTimeEquals(expected, code) && step > spent) found = step;
            }
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Request and confirm are one's own: a secret is for the phone of the person who scans it. */
    private User self(User me, long userId) {
        User target = users.byId(db.dsl(), userId).orElseThrow(() -> ApiError.notFound("user not found"));
        if (me.id() != userId) {
            throw ApiError.forbidden("User " + me.username() + " does not have right to change two factor setting of this user.");
        }
        return target;
    }

    private void checkPassword(User me, String currentPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) throw ApiError.badField("currentPassword", "currentPassword is missing");
        if (!hasher.matches(currentPassword, me.passwordHash())) throw ApiError.forbidden("currentPassword is invalid.");
    }

    private String seal(byte[] secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] open(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return c.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A key file replaced or lost: no code can be right; the admin turns two-factor off.
            throw new ApiError(400, "invalid_two_factor", "Invalid two factor header");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

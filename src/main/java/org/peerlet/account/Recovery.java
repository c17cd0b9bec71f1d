package org.peerlet.account;

import org.peerlet.common.RateLimiter;
import org.peerlet.common.Secrets;
import org.peerlet.common.Times;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.instance.InstanceSettings;
import org.peerlet.instance.Urls;
import org.peerlet.mail.Mail;
import org.peerlet.mail.MailTexts;
import org.peerlet.mail.Mailer;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Account recovery and address checks by e-mail, as PeerTube: a code mailed as a link resets a
 * password or confirms an address; it works once, within an hour, and only its hash is kept.
 * Asking answers the same whatever the address: the look-up, the code and the mail all happen
 * on the mailer's thread, after the answer.
 */
public final class Recovery {
    static final Duration LIFETIME = Duration.ofHours(1);
    static final String RESET = "reset-password";
    static final String VERIFY = "verify-email";
    /** Asks are looked into this long after their answer, so the two never compete for the machine. */
    private static final Duration AFTER_ANSWER = Duration.ofMillis(250);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final Database db;
    private final UserRepository users = new UserRepository();
    private final VerificationRepository codes = new VerificationRepository();
    private final AccountService accounts;
    private final TokenService tokens;
    private final Mailer mailer;
    private final MailTexts texts = new MailTexts();
    private final Urls urls;
    private final InstanceSettings instance;
    private final Clock clock;
    /** Per asking address, as PeerTube's ask-send-email limit; per target address, so no one's inbox is flooded. */
    private final RateLimiter perClient;
    private final RateLimiter perAddress;

    public Recovery(Database db, AccountService accounts, TokenService tokens, Mailer mailer, Urls urls,
                    InstanceSettings instance, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.urls = urls;
        this.instance = instance;
        this.clock = clock;
        this.perClient = new RateLimiter(10, Duration.ofMinutes(3), Times.ticker(clock));
        this.perAddress = new RateLimiter(3, Duration.ofMinutes(15), Times.ticker(clock));
    }

    public boolean mailEnabled() {
        return mailer.enabled();
    }

    /** Sign-up asks new users to confirm their address (PeerTube's signup.requiresEmailVerification). */
    boolean verificationRequired() {
        return mailer.enabled() && instance.flag(InstanceSettings.SIGNUP_REQUIRES_EMAIL_VERIFICATION);
    }

    /** Mails a reset link to the user with this address, if there is one; answers alike either way. */
    void askReset(String email, String client, String language) {
        checkAsk(email, client);
        if (!perAddress.tryAcquire(email.toLowerCase())) return;
        mailer.send(() -> db.write(tx -> users.byEmail(tx, email).filter(u -> !u.blocked())
                .map(u -> mail(tx, u, RESET, "/reset-password?userId=", language))), AFTER_ANSWER);
    }

    /** Mails a confirmation link again to the user with this address, if it waits for one. */
    void askVerify(String email, String client, String language) {
        checkAsk(email, client);
        if (!perAddress.tryAcquire(email.toLowerCase())) return;
        mailer.send(() -> db.write(tx -> users.byEmail(tx, email).filter(u -> Boolean.FALSE.equals(u.emailVerified()))
                .map(u -> mail(tx, u, VERIFY, "/verify-account/email?userId=", language))), AFTER_ANSWER);
    }

    /** A new user signed up while addresses must be confirmed: they cannot log in until they open the link. */
    void signedUp(long userId, String language) {
        db.writeVoid(tx -> users.setEmailVerified(tx, userId, false));
        mailer.send(() -> db.write(tx -> users.byId(tx, userId)
                .map(u -> mail(tx, u, VERIFY, "/verify-account/email?userId=", language))));
    }

    private void checkAsk(String email, String client) {
        if (!mailer.enabled()) throw ApiError.conflict("This instance sends no e-mail: ask its administrator.");
        if (email == null || !EMAIL.matcher(email).matches()) throw ApiError.badField("email", "email is not valid");
        if (!perClient.tryAcquire(client)) {
            throw ApiError.tooManyRequests("Too many requests, please try again later.", perClient.retryAfterSeconds());
        }
    }

    /** Stores a new code for the user and writes the mail with its link, in their language or the asker's. */
    private Mail mail(org.jooq.DSLContext tx, User u, String purpose, String path, String askerLanguage) {
        String code = Secrets.token(32);
        long now = clock.millis();
        codes.put(tx, u.id(), purpose, Secrets.sha256Hex(code), now + LIFETIME.toMillis(), now);
        String link = urls.base() + path + u.id() + "&verificationString=" + code;
        String language = u.language() != null ? u.language() : askerLanguage;
        return texts.mail(u.email(), MailTexts.pick(language), purpose, Map.of("username", u.username(), "link", link,
                "instance", instance.get(InstanceSettings.NAME)));
    }

    /** Sets a new password with a mailed code: the code is used up and every session of the user ends. */
    void reset(long userId, String code, String password) {
        AccountService.checkPassword(password);
        existing(userId);
        String hash = accounts.hash(password);
        tokens.endSessions(userId, null, tx -> {
            take(tx, userId, RESET, code);
            users.setPassword(tx, userId, hash);
        });
    }

    /** Confirms the user's address with a mailed code. */
    void verify(long userId, String code) {
        existing(userId);
        db.writeVoid(tx -> {
            take(tx, userId, VERIFY, code);
            users.setEmailVerified(tx, userId, true);
        });
    }

    private void existing(long userId) {
        Optional<User> u = users.byId(db.dsl(), userId);
        if (u.isEmpty()) throw ApiError.notFound("User not found");
    }

    private void take(org.jooq.DSLContext tx, long userId, String purpose, String code) {
        if (code == null || !codes.take(tx, userId, purpose, Secrets.sha256Hex(code), clock.millis())) {
            throw ApiError.forbidden("Invalid verification string.");
        }
    }
}

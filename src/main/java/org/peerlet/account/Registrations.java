package org.peerlet.account;

import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.http.TextFields;
import org.peerlet.instance.InstanceSettings;

import java.time.Clock;
import java.util.List;

/**
 * Who may join, and how: closed, open, or on a moderator's approval (PeerTube 5.1's registrations).
 * A request keeps the person's answers and their password's hash; accepting makes the user from
 * them, in the same transaction that marks the request accepted.
 */
public final class Registrations {
    static final int MAX_REASON = 3000;

    private final Database db;
    private final AccountService accounts;
    private final InstanceSettings instance;
    private final RegistrationRepository repo = new RegistrationRepository();
    private final UserRepository users = new UserRepository();
    private final Clock clock;
    private final Recovery recovery;
    private final long defaultQuota;
    private final long defaultQuotaDaily;

    public Registrations(Database db, AccountService accounts, InstanceSettings instance, Recovery recovery, Clock clock,
                         long defaultQuota, long defaultQuotaDaily) {
        this.recovery = recovery;
        this.db = db;
        this.accounts = accounts;
        this.instance = instance;
        this.clock = clock;
        this.defaultQuota = defaultQuota;
        this.defaultQuotaDaily = defaultQuotaDaily;
    }

    /** What a person fills in at sign-up; displayName and the channel's names may be null. */
    public record SignUp(String username, String password, String email, String displayName,
                         String channelName, String channelDisplayName) {
        AccountService.NewUser asNewUser(long quota, long quotaDaily) {
            return new AccountService.NewUser(username, password, email, Role.USER, quota, quotaDaily, displayName,
                    channelName, channelDisplayName);
        }
    }

    /** Open sign-up: the user is made at once; when addresses must be confirmed, mailed a link in this language. */
    void register(SignUp s, String language) {
        checkOpen(false);
        AccountService.Created made = accounts.create(s.asNewUser(defaultQuota, defaultQuotaDaily));
        long userId = made.userId();
        accounts.tell(new AccountEvents.Registered(userId, made.accountId()));
        if (recovery.verificationRequired()) recovery.signedUp(userId, language);
    }

    /** Sign-up on approval: the request waits for a moderator. */
    Registration request(SignUp s, String reason) {
        checkOpen(true);
        AccountService.NewUser n = s.asNewUser(defaultQuota, defaultQuotaDaily);
        accounts.check(n);
        if (s.email() == null) throw ApiError.badField("email", "email is required");
        TextFields.lines("registrationReason", reason == null ? "" : reason, MAX_REASON);
        if (reason == null || reason.isBlank()) throw ApiError.badField("registrationReason", "registrationReason is required");
        String hash = accounts.hash(s.password());
        long now = clock.millis();
        String channel = AccountService.channelName(n);
        Registration made = db.write(tx -> {
            if (accounts.taken(tx, n.username(), n.email()) || accounts.taken(tx, channel, null)
                    || repo.taken(tx, n.username(), n.email(), channel)) {
                throw ApiError.conflict("this username, channel name or email is already taken");
            }
            String display = s.displayName() == null || s.displayName().isBlank() ? n.username() : s.displayName();
            String channelDisplay = s.channelDisplayName() == null ? "Main " + n.username() + " channel" : s.channelDisplayName();
            long id = repo.insert(tx, new Registration(0, Registration.PENDING, reason, null, n.username(), n.email(), hash,
                    display, channel, channelDisplay, null, now, now));
            return repo.byId(tx, id).orElseThrow();
        });
        accounts.tell(new AccountEvents.RegistrationRequested(made.id()));
        return made;
    }

    /** Refuses when sign-up is closed, in the other mode, or the instance is full. */
    private void checkOpen(boolean onApproval) {
        if (!instance.flag(InstanceSettings.SIGNUP_ENABLED)) throw ApiError.forbidden("User registration is not enabled.");
        boolean approval = instance.flag(InstanceSettings.SIGNUP_REQUIRES_APPROVAL);
        if (approval && !onApproval) throw ApiError.forbidden("Signup requires approval: request a registration instead.");
        if (!approval && onApproval) throw ApiError.forbidden("Signup does not require approval: register instead.");
        int limit = instance.integer(InstanceSettings.SIGNUP_LIMIT);
        if (limit >= 0 && users.count(db.dsl()) >= limit) throw ApiError.forbidden("User limit is reached on this instance.");
    }

    Registration accept(long id, String response) {
        checkResponse(response);
        return db.write(tx -> {
            Registration r = pending(tx, id);
            AccountService.NewUser n = new AccountService.NewUser(r.username(), null, r.email(), Role.USER, defaultQuota,
                    defaultQuotaDaily, r.displayName(), r.channelName(), r.channelDisplayName());
            long userId = accounts.insert(tx, n, r.passwordHash()).userId();
            repo.judge(tx, id, Registration.ACCEPTED, response, userId, clock.millis());
            return repo.byId(tx, id).orElseThrow();
        });
    }

    Registration reject(long id, String response) {
        checkResponse(response);
        return db.write(tx -> {
            pending(tx, id);
            repo.judge(tx, id, Registration.REJECTED, response, null, clock.millis());
            return repo.byId(tx, id).orElseThrow();
        });
    }

    void delete(long id) {
        db.writeVoid(tx -> {
            repo.byId(tx, id).orElseThrow(() -> ApiError.notFound("Registration not found"));
            repo.delete(tx, id);
        });
    }

    List<Registration> list(String search, int start, int count) {
        return repo.list(db.dsl(), search, start, count);
    }

    int count(String search) {
        return repo.count(db.dsl(), search);
    }

    private Registration pending(org.jooq.DSLContext tx, long id) {
        Registration r = repo.byId(tx, id).orElseThrow(() -> ApiError.notFound("Registration not found"));
        if (r.state() != Registration.PENDING) throw ApiError.conflict("This registration is already " + r.stateLabel().toLowerCase());
        return r;
    }

    private static void checkResponse(String response) {
        if (response == null || response.isBlank()) throw ApiError.badField("moderationResponse", "moderationResponse is required");
        TextFields.lines("moderationResponse", response, MAX_REASON);
    }
}

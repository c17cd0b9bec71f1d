package org.peerlet.account;

import org.jooq.DSLContext;
import org.peerlet.common.Events;
import org.peerlet.common.Names;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.http.TextFields;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users and their accounts: creation (with a default channel), changes, removal. A password
 * changed, a block or a removal ends the user's sessions in the same transaction.
 */
public final class AccountService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private final Database db;
    private final UserRepository users = new UserRepository();
    private final AccountRepository accounts = new AccountRepository();
    private final AccountChannels channels;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final Events events;
    private final Clock clock;

    public AccountService(Database db, AccountChannels channels,
                          PasswordHasher hasher, TokenService tokens, Events events, Clock clock) {
        this.db = db;
        this.channels = channels;
        this.hasher = hasher;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** What it takes to make a user; channelName and displayName may be null for defaults. */
    public record NewUser(String username, String password, String email, Role role, long videoQuota,
                          long videoQuotaDaily, String displayName, String channelName, String channelDisplayName) {
    }

    public record Created(long userId, long accountId, long channelId) {
    }

    public Created create(NewUser n) {
        check(n);
        String hash = hasher.hash(n.password());
        return db.write(tx -> insert(tx, n, hash));
    }

    /** Refuses a new user's fields that are wrong whatever the database holds. */
    void check(NewUser n) {
        if (!Names.isValidActorName(n.username() == null ? "" : n.username())) {
            throw ApiError.badRequest("username must be 1 to 50 characters: lowercase letters, digits, _ and .");
        }
        checkPassword(n.password());
        if (n.email() != null && !EMAIL.matcher(n.email()).matches()) throw ApiError.badRequest("email is not valid");
        if (n.videoQuota() < -1 || n.videoQuotaDaily() < -1) throw ApiError.badRequest("quotas must be -1 or more");
        if (n.displayName() != null && !n.displayName().isBlank()) TextFields.oneLine("displayName", n.displayName(), 1, 120);
        if (channelName(n).equals(n.username())) throw ApiError.conflict("the channel name must differ from the username");
    }

    static String channelName(NewUser n) {
        return n.channelName() == null ? n.username() + "_channel" : n.channelName();
    }

    /** Whether a user or a channel already has this name, or a user this e-mail. */
    boolean taken(DSLContext tx, String username, String email) {
        return users.byUsername(tx, username).isPresent() || channels.localNameTaken(tx, username)
                || (email != null && users.emailTaken(tx, email));
    }

    /** Makes the user, their account and first channel in the caller's transaction, with the password's hash. */
    Created insert(DSLContext tx, NewUser n, String hash) {
        String username = n.username();
        if (users.byUsername(tx, username).isPresent() || channels.localNameTaken(tx, username)) {
            throw ApiError.conflict("the username \"" + username + "\" is already taken");
        }
        if (n.email() != null && users.emailTaken(tx, n.email())) throw ApiError.conflict("this email is already used");
        long now = clock.millis();
        long userId = users.insert(tx, username, n.email(), hash, n.role(), n.videoQuota(), n.videoQuotaDaily(), now);
        String display = n.displayName() == null || n.displayName().isBlank() ? username : n.displayName();
        long accountId = accounts.insert(tx, userId, username, "", display, now);
        String channelDisplay = n.channelDisplayName() == null ? "Main " + username + " channel" : n.channelDisplayName();
        long channelId = channels.createFirst(tx, accountId, channelName(n), channelDisplay);
        return new Created(userId, accountId, channelId);
    }

    /**
     * The local copy of an account of another server, in the caller's transaction: made if new,
     * its name and summary updated when {@code summary} is given. Returns its id.
     */
    public long storeRemote(DSLContext tx, String name, String host, String displayName, String summary, boolean update) {
        long now = clock.millis();
        long id = accounts.byName(tx, name, host).map(Account::id)
                .orElseGet(() -> accounts.insert(tx, null, name, host, displayName, now));
        if (update) accounts.update(tx, id, displayName, summary, now);
        return id;
    }

    /**
     * Sets an account's avatar (the stem of files already made; null clears it) and, for a remote
     * one, the URL it came from. Returns the stem it replaces, whose files the caller removes.
     */
    public String setAvatar(long accountId, String stem, String source) {
        return db.write(tx -> accounts.setAvatar(tx, accountId, stem, source, clock.millis()));
    }

    /** The URL a remote account's avatar was fetched from, or null. */
    public String avatarSource(long accountId) {
        return accounts.avatarSource(db.dsl(), accountId);
    }

    public Optional<Account> byId(long id) {
        return accounts.byId(db.dsl(), id);
    }

    public Optional<User> user(long userId) {
        return users.byId(db.dsl(), userId);
    }

    /** The account of a local user. */
    public Account accountOf(long userId) {
        return accounts.byUserId(db.dsl(), userId).orElseThrow();
    }

    /** Local users, oldest first. */
    public List<User> users(int start, int count) {
        return users.list(db.dsl(), start, count);
    }

    /** Local users, for the instance's usage figures. */
    public int countUsers() {
        return users.count(db.dsl());
    }

    /** Users who moderate (administrators and moderators) and are not blocked: they hear of reports and sign-ups. */
    public List<Long> moderatorIds() {
        return users.moderatorIds(db.dsl());
    }

    /** The name asked for in a sign-up request, while the request is kept. */
    public java.util.Optional<String> registrationUsername(long registrationId) {
        return new RegistrationRepository().byId(db.dsl(), registrationId).map(Registration::username);
    }

    /** Tells the other features a fact of this package (published after the commit, if in one). */
    void tell(Record fact) {
        events.publish(fact);
    }

    String hash(String password) {
        return hasher.hash(password);
    }

    public int countUsers(Role role) {
        return users.countWithRole(db.dsl(), role);
    }

    /** Makes the {@code admin} account on first start; returns the password it used if it generated one. */
    public Optional<String> ensureAdmin(String configuredPassword) {
        if (users.byUsername(db.dsl(), "admin").isPresent()) return Optional.empty();
        boolean generate = configuredPassword == null || configuredPassword.isEmpty();
        String password = generate ? org.peerlet.common.Secrets.token(12) : configuredPassword;
        create(new NewUser("admin", password, null, Role.ADMIN, -1, -1, null, "root_channel", "Main root channel"));
        return generate ? Optional.of(password) : Optional.empty();
    }

    /** A new password set by the admin (API or admin tool): every session of the user ends. */
    public void setPassword(String username, String password) {
        User u = users.byUsername(db.dsl(), username).orElseThrow(() -> ApiError.notFound("no user named " + username));
        setPassword(u, password, null);
    }

    /**
     * A person changes their own password: their other sessions end; the one they did it from
     * ({@code currentAccessToken}) goes on, since they just proved they know the password.
     */
    public void changeOwnPassword(User me, String currentPassword, String password, String currentAccessToken) {
        if (!hasher.matches(currentPassword, me.passwordHash())) throw ApiError.unauthorized("currentPassword is wrong");
        setPassword(me, password, currentAccessToken);
    }

    private void setPassword(User u, String password, String keepAccessToken) {
        checkPassword(password);
        String hash = hasher.hash(password);
        tokens.endSessions(u.id(), keepAccessToken, tx -> users.setPassword(tx, u.id(), hash));
    }

    /**
     * Banning ends every session at once and refuses logins; unbanning lets the user log in again.
     * A moderator bans and unbans plain users only; no one bans the admin account.
     */
    public void setBlocked(User by, long userId, boolean blocked, String reason) {
        User u = users.byId(db.dsl(), userId).orElseThrow(() -> ApiError.notFound("user not found"));
        if (!by.isAdmin() && u.role() != Role.USER) throw ApiError.forbidden("a moderator bans only users");
        if (reason != null) TextFields.lines("reason", reason, 250);
        if (!blocked) {
            db.writeVoid(tx -> users.setBlocked(tx, u.id(), false, null));
            return;
        }
        if (u.username().equals("admin")) throw ApiError.forbidden("the admin account cannot be blocked");
        if (u.id() == by.id()) throw ApiError.forbidden("you cannot ban yourself");
        tokens.endSessions(u.id(), null, tx -> users.setBlocked(tx, u.id(), true, reason));
    }

    public record Changes(Optional<String> email, Optional<Role> role, Optional<Long> videoQuota,
                          Optional<Long> videoQuotaDaily, Optional<Boolean> blocked, Optional<Boolean> p2pEnabled,
                          Optional<Integer> adminFlags) {
    }

    public User update(long userId, Changes c) {
        c.email().ifPresent(e -> {
            if (!EMAIL.matcher(e).matches()) throw ApiError.badRequest("email is not valid");
        });
        c.videoQuota().ifPresent(q -> {
            if (q < -1) throw ApiError.badRequest("videoQuota must be -1 or more");
        });
        c.videoQuotaDaily().ifPresent(q -> {
            if (q < -1) throw ApiError.badRequest("videoQuotaDaily must be -1 or more");
        });
        c.adminFlags().ifPresent(f -> {
            if (f < 0 || f > User.BYPASS_AUTO_BLOCK) throw ApiError.badField("adminFlags", "adminFlags must be 0 or 1");
        });
        return db.write(tx -> {
            User u = users.byId(tx, userId).orElseThrow(() -> ApiError.notFound("user not found"));
            users.update(tx, u.id(), c.email().orElse(u.email()), c.role().orElse(u.role()),
                    c.videoQuota().orElse(u.videoQuota()), c.videoQuotaDaily().orElse(u.videoQuotaDaily()),
                    c.blocked().orElse(u.blocked()), c.p2pEnabled().orElse(u.p2pEnabled()), c.adminFlags().orElse(u.adminFlags()));
            return users.byId(tx, userId).orElseThrow();
        });
    }

    /** PeerTube's videosHistoryEnabled: off, the history feature keeps no new positions for the user. */
    public void setVideosHistoryEnabled(long userId, boolean enabled) {
        db.writeVoid(tx -> users.setVideosHistoryEnabled(tx, userId, enabled));
    }

    /** The admin confirms (or un-confirms) a user's address by hand (PeerTube's emailVerified). */
    public void setEmailVerified(long userId, boolean verified) {
        db.writeVoid(tx -> users.setEmailVerified(tx, userId, verified));
    }

    /** The language the person reads mail in: a tag such as "fr" or "en-GB" (PeerTube's user.language), or empty for none. */
    public void setLanguage(long userId, String language) {
        if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) throw ApiError.badField("language", "language is not valid");
        db.writeVoid(tx -> users.setLanguage(tx, userId, language.isEmpty() ? null : language));
    }

    public void updateProfile(long userId, Optional<String> displayName, Optional<String> description) {
        displayName.ifPresent(d -> TextFields.oneLine("displayName", d, 1, 120));
        description.ifPresent(d -> TextFields.lines("description", d, 1000));
        db.writeVoid(tx -> {
            Account a = accounts.byUserId(tx, userId).orElseThrow();
            accounts.update(tx, a.id(), displayName.orElse(a.displayName()),
                    description.orElse(a.description()), clock.millis());
        });
    }

    /** Removes a user: their videos first (files and all, as deleting each would), then the rows; sessions end. */
    public void delete(long userId) {
        User u = users.byId(db.dsl(), userId).orElseThrow(() -> ApiError.notFound("user not found"));
        if (u.username().equals("admin")) throw ApiError.forbidden("the admin account cannot be removed");
        accounts.byUserId(db.dsl(), userId).ifPresent(a -> events.publish(new AccountEvents.Removing(a.id())));
        tokens.endSessions(userId, null, tx -> users.delete(tx, userId));
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < 6 || password.length() > 255) {
            throw ApiError.badRequest("password must be 6 to 255 characters");
        }
    }
}

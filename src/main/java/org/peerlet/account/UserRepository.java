package org.peerlet.account;

import static org.peerlet.db.schema.Tables.USERS;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;


/** The only place with SQL for users. */
final class UserRepository {
    static final java.util.List<Field<?>> COLUMNS = java.util.List.of(USERS.ID, USERS.USERNAME, USERS.EMAIL, USERS.PASSWORD_HASH, USERS.ROLE, USERS.VIDEO_QUOTA, USERS.VIDEO_QUOTA_DAILY, USERS.BLOCKED, USERS.P2P_ENABLED, USERS.CREATED_AT, USERS.LAST_LOGIN_AT, USERS.SESSION_EPOCH, USERS.BLOCKED_REASON,
            USERS.VIDEOS_HISTORY_ENABLED, org.jooq.impl.DSL.field(USERS.OTP_SECRET.isNotNull()).as("two_factor"),
            USERS.IS_EMAIL_VERIFIED, USERS.LANGUAGE, USERS.ADMIN_FLAGS);

    public long insert(DSLContext tx, String username, String email, String passwordHash, Role role,
                       long quota, long quotaDaily, long now) {
        return tx.insertInto(USERS)
                .set(USERS.USERNAME, username).set(USERS.EMAIL, email).set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.ROLE, role.id).set(USERS.VIDEO_QUOTA, quota).set(USERS.VIDEO_QUOTA_DAILY, quotaDaily)
                .set(USERS.CREATED_AT, now)
                .returning(USERS.ID).fetchOne(USERS.ID);
    }

    public Optional<User> byId(DSLContext db, long id) {
        return db.select(COLUMNS).from(USERS).where(USERS.ID.eq(id)).fetchOptional(UserRepository::toUser);
    }

    public Optional<User> byUsername(DSLContext db, String username) {
        return db.select(COLUMNS).from(USERS).where(USERS.USERNAME.eq(username)).fetchOptional(UserRepository::toUser);
    }

    public Optional<User> byUsernameOrEmail(DSLContext db, String login) {
        return db.select(COLUMNS).from(USERS).where(USERS.USERNAME.eq(login.toLowerCase()).or(USERS.EMAIL.eq(login)))
                .fetchOptional(UserRepository::toUser);
    }

    public boolean emailTaken(DSLContext db, String email) {
        return db.fetchExists(USERS, USERS.EMAIL.eq(email));
    }

    public List<User> list(DSLContext db, int start, int count) {
        return db.select(COLUMNS).from(USERS).orderBy(USERS.ID).limit(count).offset(start).fetch(UserRepository::toUser);
    }

    public int count(DSLContext db) {
        return db.fetchCount(USERS);
    }

    public int countWithRole(DSLContext db, Role role) {
        return db.fetchCount(USERS, USERS.ROLE.eq(role.id));
    }

    List<Long> moderatorIds(DSLContext db) {
        return db.select(USERS.ID).from(USERS).where(USERS.ROLE.le(Role.MODERATOR.id).and(USERS.BLOCKED.isFalse()))
                .orderBy(USERS.ID).fetch(USERS.ID);
    }

    public void setPassword(DSLContext tx, long id, String hash) {
        tx.update(USERS).set(USERS.PASSWORD_HASH, hash).where(USERS.ID.eq(id)).execute();
    }

    public void update(DSLContext tx, long id, String email, Role role, long quota, long quotaDaily, boolean blocked,
                       boolean p2p, int adminFlags) {
        tx.update(USERS).set(USERS.EMAIL, email).set(USERS.ROLE, role.id).set(USERS.VIDEO_QUOTA, quota).set(USERS.ADMIN_FLAGS, (long) adminFlags)
                .set(USERS.VIDEO_QUOTA_DAILY, quotaDaily).set(USERS.BLOCKED, blocked).set(USERS.P2P_ENABLED, p2p)
                .where(USERS.ID.eq(id)).execute();
    }

    Optional<User> byEmail(DSLContext db, String email) {
        return db.select(COLUMNS).from(USERS).where(USERS.EMAIL.equalIgnoreCase(email)).fetchOptional(UserRepository::toUser);
    }

    void setEmailVerified(DSLContext tx, long id, Boolean verified) {
        tx.update(USERS).set(USERS.IS_EMAIL_VERIFIED, verified).where(USERS.ID.eq(id)).execute();
    }

    void setLanguage(DSLContext tx, long id, String language) {
        tx.update(USERS).set(USERS.LANGUAGE, language).where(USERS.ID.eq(id)).execute();
    }

    public void setVideosHistoryEnabled(DSLContext tx, long id, boolean enabled) {
        tx.update(USERS).set(USERS.VIDEOS_HISTORY_ENABLED, enabled).where(USERS.ID.eq(id)).execute();
    }

    public void setBlocked(DSLContext tx, long id, boolean blocked, String reason) {
        tx.update(USERS).set(USERS.BLOCKED, blocked).set(USERS.BLOCKED_REASON, blocked ? reason : null)
                .where(USERS.ID.eq(id)).execute();
    }

    /** Every session of the user ends: tokens made under the old stamp are refused from now on. */
    void nextSessionEpoch(DSLContext tx, long id) {
        tx.update(USERS).set(USERS.SESSION_EPOCH, USERS.SESSION_EPOCH.plus(1L)).where(USERS.ID.eq(id)).execute();
    }

    /** The stamp a token of this user must carry, or empty when the user is gone or blocked. */
    Optional<Long> sessionEpoch(DSLContext db, long id) {
        return db.select(USERS.SESSION_EPOCH).from(USERS).where(USERS.ID.eq(id).and(USERS.BLOCKED.eq(false))).fetchOptional(USERS.SESSION_EPOCH);
    }

    public void touchLogin(DSLContext tx, long id, long now) {
        tx.update(USERS).set(USERS.LAST_LOGIN_AT, now).where(USERS.ID.eq(id)).execute();
    }

    public void delete(DSLContext tx, long id) {
        tx.deleteFrom(USERS).where(USERS.ID.eq(id)).execute();
    }

    /** The user's encrypted TOTP secret and the step of the last code accepted; empty when two-factor is off. */
    Optional<StoredOtp> otp(DSLContext db, long id) {
        return db.select(USERS.OTP_SECRET, USERS.OTP_LAST_STEP).from(USERS).where(USERS.ID.eq(id).and(USERS.OTP_SECRET.isNotNull()))
                .fetchOptional(r -> new StoredOtp(r.value1(), r.value2()));
    }

    record StoredOtp(String encryptedSecret, long lastStep) {
    }

    /** Turns two-factor on ({@code encryptedSecret}, with the step its confirming code used) or off (null). */
    void setOtp(DSLContext tx, long id, String encryptedSecret, long lastStep) {
        tx.update(USERS).set(USERS.OTP_SECRET, encryptedSecret).set(USERS.OTP_LAST_STEP, lastStep).where(USERS.ID.eq(id)).execute();
    }

    /** Spends the codes up to {@code step}: true only for the first caller, so a code works once even in a race. */
    boolean spendOtpStep(DSLContext tx, long id, long step) {
        return tx.update(USERS).set(USERS.OTP_LAST_STEP, step)
                .where(USERS.ID.eq(id).and(USERS.OTP_SECRET.isNotNull()).and(USERS.OTP_LAST_STEP.lt(step))).execute() == 1;
    }

    static User toUser(Record r) {
        return new User(r.get(USERS.ID), r.get(USERS.USERNAME), r.get(USERS.EMAIL), r.get(USERS.PASSWORD_HASH), Role.of(r.get(USERS.ROLE)),
                r.get(USERS.VIDEO_QUOTA), r.get(USERS.VIDEO_QUOTA_DAILY), r.get(USERS.BLOCKED), r.get(USERS.P2P_ENABLED),
                r.get(USERS.CREATED_AT), r.get(USERS.LAST_LOGIN_AT), r.get(USERS.SESSION_EPOCH), r.get(USERS.BLOCKED_REASON),
                r.get(USERS.VIDEOS_HISTORY_ENABLED), r.get("two_factor", Boolean.class), r.get(USERS.IS_EMAIL_VERIFIED),
                r.get(USERS.LANGUAGE), r.get(USERS.ADMIN_FLAGS).intValue());
    }
}

package org.peerlet.account;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The only place with SQL for users. */
public final class UserRepository {
    static final Table<Record> USERS = table(name("users"));
    static final Field<Long> ID = field(name("users", "id"), Long.class);
    static final Field<String> USERNAME = field(name("users", "username"), String.class);
    static final Field<String> EMAIL = field(name("users", "email"), String.class);
    static final Field<String> PASSWORD_HASH = field(name("users", "password_hash"), String.class);
    static final Field<Integer> ROLE = field(name("users", "role"), Integer.class);
    static final Field<Long> VIDEO_QUOTA = field(name("users", "video_quota"), Long.class);
    static final Field<Long> VIDEO_QUOTA_DAILY = field(name("users", "video_quota_daily"), Long.class);
    static final Field<Boolean> BLOCKED = field(name("users", "blocked"), Boolean.class);
    static final Field<Boolean> P2P_ENABLED = field(name("users", "p2p_enabled"), Boolean.class);
    static final Field<Long> CREATED_AT = field(name("users", "created_at"), Long.class);
    static final Field<Long> LAST_LOGIN_AT = field(name("users", "last_login_at"), Long.class);
    static final Field<Long> SESSION_EPOCH = field(name("users", "session_epoch"), Long.class);
    static final java.util.List<Field<?>> COLUMNS = java.util.List.of(ID, USERNAME, EMAIL, PASSWORD_HASH, ROLE, VIDEO_QUOTA, VIDEO_QUOTA_DAILY, BLOCKED, P2P_ENABLED, CREATED_AT, LAST_LOGIN_AT, SESSION_EPOCH);

    public long insert(DSLContext tx, String username, String email, String passwordHash, Role role,
                       long quota, long quotaDaily, long now) {
        return tx.insertInto(USERS)
                .set(USERNAME, username).set(EMAIL, email).set(PASSWORD_HASH, passwordHash)
                .set(ROLE, role.id).set(VIDEO_QUOTA, quota).set(VIDEO_QUOTA_DAILY, quotaDaily)
                .set(CREATED_AT, now)
                .returning(ID).fetchOne(ID);
    }

    public Optional<User> byId(DSLContext db, long id) {
        return db.select(COLUMNS).from(USERS).where(ID.eq(id)).fetchOptional(UserRepository::toUser);
    }

    public Optional<User> byUsername(DSLContext db, String username) {
        return db.select(COLUMNS).from(USERS).where(USERNAME.eq(username)).fetchOptional(UserRepository::toUser);
    }

    public Optional<User> byUsernameOrEmail(DSLContext db, String login) {
        return db.select(COLUMNS).from(USERS).where(USERNAME.eq(login.toLowerCase()).or(EMAIL.eq(login)))
                .fetchOptional(UserRepository::toUser);
    }

    public boolean emailTaken(DSLContext db, String email) {
        return db.fetchExists(USERS, EMAIL.eq(email));
    }

    public List<User> list(DSLContext db, int start, int count) {
        return db.select(COLUMNS).from(USERS).orderBy(ID).limit(count).offset(start).fetch(UserRepository::toUser);
    }

    public int count(DSLContext db) {
        return db.fetchCount(USERS);
    }

    public int countWithRole(DSLContext db, Role role) {
        return db.fetchCount(USERS, ROLE.eq(role.id));
    }

    public void setPassword(DSLContext tx, long id, String hash) {
        tx.update(USERS).set(PASSWORD_HASH, hash).where(ID.eq(id)).execute();
    }

    public void update(DSLContext tx, long id, String email, Role role, long quota, long quotaDaily, boolean blocked,
                       boolean p2p) {
        tx.update(USERS).set(EMAIL, email).set(ROLE, role.id).set(VIDEO_QUOTA, quota)
                .set(VIDEO_QUOTA_DAILY, quotaDaily).set(BLOCKED, blocked).set(P2P_ENABLED, p2p)
                .where(ID.eq(id)).execute();
    }

    public void setBlocked(DSLContext tx, long id, boolean blocked) {
        tx.update(USERS).set(BLOCKED, blocked).where(ID.eq(id)).execute();
    }

    /** Every session of the user ends: tokens made under the old stamp are refused from now on. */
    void nextSessionEpoch(DSLContext tx, long id) {
        tx.update(USERS).set(SESSION_EPOCH, SESSION_EPOCH.plus(1L)).where(ID.eq(id)).execute();
    }

    /** The stamp a token of this user must carry, or empty when the user is gone or blocked. */
    Optional<Long> sessionEpoch(DSLContext db, long id) {
        return db.select(SESSION_EPOCH).from(USERS).where(ID.eq(id).and(BLOCKED.eq(false))).fetchOptional(SESSION_EPOCH);
    }

    public void touchLogin(DSLContext tx, long id, long now) {
        tx.update(USERS).set(LAST_LOGIN_AT, now).where(ID.eq(id)).execute();
    }

    public void delete(DSLContext tx, long id) {
        tx.deleteFrom(USERS).where(ID.eq(id)).execute();
    }

    static User toUser(Record r) {
        return new User(r.get(ID), r.get(USERNAME), r.get(EMAIL), r.get(PASSWORD_HASH), Role.of(r.get(ROLE)),
                r.get(VIDEO_QUOTA), r.get(VIDEO_QUOTA_DAILY), r.get(BLOCKED), r.get(P2P_ENABLED),
                r.get(CREATED_AT), r.get(LAST_LOGIN_AT), r.get(SESSION_EPOCH));
    }
}

package org.peerlet.account;

import org.jooq.DSLContext;

import java.util.Optional;

import static org.peerlet.db.schema.Tables.ACCOUNTS;

/** The only place with SQL for accounts. */
final class AccountRepository {

    long insert(DSLContext tx, Long userId, String name, String host, String displayName, long now) {
        return tx.insertInto(ACCOUNTS)
                .set(ACCOUNTS.USER_ID, userId).set(ACCOUNTS.NAME, name).set(ACCOUNTS.HOST, host)
                .set(ACCOUNTS.DISPLAY_NAME, displayName).set(ACCOUNTS.CREATED_AT, now).set(ACCOUNTS.UPDATED_AT, now)
                .returning(ACCOUNTS.ID).fetchOne(ACCOUNTS.ID);
    }

    Optional<Account> byId(DSLContext db, long id) {
        return db.select(AccountDirectory.COLUMNS).from(ACCOUNTS).where(ACCOUNTS.ID.eq(id))
                .fetchOptional(AccountDirectory::read);
    }

    Optional<Account> byUserId(DSLContext db, long userId) {
        return db.select(AccountDirectory.COLUMNS).from(ACCOUNTS).where(ACCOUNTS.USER_ID.eq(userId))
                .fetchOptional(AccountDirectory::read);
    }

    Optional<Account> byName(DSLContext db, String name, String host) {
        return db.select(AccountDirectory.COLUMNS).from(ACCOUNTS).where(ACCOUNTS.NAME.eq(name).and(ACCOUNTS.HOST.eq(host)))
                .fetchOptional(AccountDirectory::read);
    }

    /** Sets (or clears, stem null) the avatar; returns the stem it replaces, or null. */
    String setAvatar(DSLContext tx, long id, String stem, String source, long now) {
        String old = tx.select(ACCOUNTS.AVATAR).from(ACCOUNTS).where(ACCOUNTS.ID.eq(id)).fetchOne(ACCOUNTS.AVATAR);
        tx.update(ACCOUNTS).set(ACCOUNTS.AVATAR, stem).set(ACCOUNTS.AVATAR_AT, stem == null ? null : now)
                .set(ACCOUNTS.AVATAR_SOURCE, source).where(ACCOUNTS.ID.eq(id)).execute();
        return old;
    }

    String avatarSource(DSLContext db, long id) {
        return db.select(ACCOUNTS.AVATAR_SOURCE).from(ACCOUNTS).where(ACCOUNTS.ID.eq(id)).fetchOne(ACCOUNTS.AVATAR_SOURCE);
    }

    /** The instance's own account: the local one with no user (its actor is the instance's). */
    Optional<Account> instance(DSLContext db) {
        return db.select(AccountDirectory.COLUMNS).from(ACCOUNTS).where(ACCOUNTS.USER_ID.isNull().and(ACCOUNTS.HOST.eq("")))
                .orderBy(ACCOUNTS.ID).limit(1).fetchOptional(AccountDirectory::read);
    }

    void update(DSLContext tx, long id, String displayName, String description, long now) {
        tx.update(ACCOUNTS).set(ACCOUNTS.DISPLAY_NAME, displayName).set(ACCOUNTS.DESCRIPTION, description)
                .set(ACCOUNTS.UPDATED_AT, now).where(ACCOUNTS.ID.eq(id)).execute();
    }
}

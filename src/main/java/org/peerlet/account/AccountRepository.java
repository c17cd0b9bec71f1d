package org.peerlet.account;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import org.peerlet.db.schema.Tables;
import org.peerlet.db.schema.tables.Accounts;

import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The only place with SQL for accounts. */
public final class AccountRepository {
    public static final Accounts ACCOUNTS = Tables.ACCOUNTS;
    public static final Field<Long> ID = Tables.ACCOUNTS.ID;
    public static final Field<Long> USER_ID = Tables.ACCOUNTS.USER_ID;
    public static final Field<String> NAME = Tables.ACCOUNTS.NAME;
    public static final Field<String> HOST = Tables.ACCOUNTS.HOST;
    public static final Field<String> DISPLAY_NAME = Tables.ACCOUNTS.DISPLAY_NAME;
    public static final Field<String> DESCRIPTION = Tables.ACCOUNTS.DESCRIPTION;
    public static final Field<Long> CREATED_AT = Tables.ACCOUNTS.CREATED_AT;
    public static final Field<Long> UPDATED_AT = Tables.ACCOUNTS.UPDATED_AT;
    public static final java.util.List<Field<?>> COLUMNS = java.util.List.of(ID, USER_ID, NAME, HOST, DISPLAY_NAME, DESCRIPTION, CREATED_AT, UPDATED_AT);

    public long insert(DSLContext tx, Long userId, String name, String host, String displayName, long now) {
        return tx.insertInto(ACCOUNTS)
                .set(USER_ID, userId).set(NAME, name).set(HOST, host).set(DISPLAY_NAME, displayName)
                .set(CREATED_AT, now).set(UPDATED_AT, now)
                .returning(ID).fetchOne(ID);
    }

    public Optional<Account> byId(DSLContext db, long id) {
        return db.select(COLUMNS).from(ACCOUNTS).where(ID.eq(id)).fetchOptional(AccountRepository::toAccount);
    }

    public Optional<Account> byUserId(DSLContext db, long userId) {
        return db.select(COLUMNS).from(ACCOUNTS).where(USER_ID.eq(userId)).fetchOptional(AccountRepository::toAccount);
    }

    public Optional<Account> byName(DSLContext db, String name, String host) {
        return db.select(COLUMNS).from(ACCOUNTS).where(NAME.eq(name).and(HOST.eq(host)))
                .fetchOptional(AccountRepository::toAccount);
    }

    /** The account a handle names: local, or a known remote one. */
    public Optional<Account> byHandle(DSLContext db, org.peerlet.common.Handle h) {
        return byName(db, h.name(), h.host());
    }

    public void update(DSLContext tx, long id, String displayName, String description, long now) {
        tx.update(ACCOUNTS).set(DISPLAY_NAME, displayName).set(DESCRIPTION, description).set(UPDATED_AT, now)
                .where(ID.eq(id)).execute();
    }

    public static Account toAccount(Record r) {
        return new Account(r.get(ID), r.get(USER_ID), r.get(NAME), r.get(HOST), r.get(DISPLAY_NAME),
                r.get(DESCRIPTION), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}

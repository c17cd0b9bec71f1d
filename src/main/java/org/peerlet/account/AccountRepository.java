package org.peerlet.account;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The only place with SQL for accounts. */
public final class AccountRepository {
    public static final Table<Record> ACCOUNTS = table(name("accounts"));
    public static final Field<Long> ID = field(name("accounts", "id"), Long.class);
    public static final Field<Long> USER_ID = field(name("accounts", "user_id"), Long.class);
    public static final Field<String> NAME = field(name("accounts", "name"), String.class);
    public static final Field<String> HOST = field(name("accounts", "host"), String.class);
    public static final Field<String> DISPLAY_NAME = field(name("accounts", "display_name"), String.class);
    public static final Field<String> DESCRIPTION = field(name("accounts", "description"), String.class);
    public static final Field<Long> CREATED_AT = field(name("accounts", "created_at"), Long.class);
    public static final Field<Long> UPDATED_AT = field(name("accounts", "updated_at"), Long.class);
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

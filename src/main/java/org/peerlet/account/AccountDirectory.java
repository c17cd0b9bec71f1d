package org.peerlet.account;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.peerlet.common.Handle;
import org.peerlet.db.Database;
import org.peerlet.media.Face;

import java.util.List;
import java.util.Optional;

import static org.peerlet.db.schema.Tables.ACCOUNTS;

/**
 * How other features read accounts: looked up, or joined into their own queries ({@link #COLUMNS},
 * {@link #read}). Only {@link AccountService} writes them.
 */
public final class AccountDirectory {
    /** The account columns a query selects to build an {@link Account} with {@link #read}. */
    public static final List<Field<?>> COLUMNS = List.of(ACCOUNTS.ID, ACCOUNTS.USER_ID, ACCOUNTS.NAME, ACCOUNTS.HOST,
            ACCOUNTS.DISPLAY_NAME, ACCOUNTS.DESCRIPTION, ACCOUNTS.CREATED_AT, ACCOUNTS.UPDATED_AT, ACCOUNTS.AVATAR,
            ACCOUNTS.AVATAR_AT);

    private final Database db;
    private final AccountRepository accounts = new AccountRepository();

    public AccountDirectory(Database db) {
        this.db = db;
    }

    public static Account read(Record r) {
        return new Account(r.get(ACCOUNTS.ID), r.get(ACCOUNTS.USER_ID), r.get(ACCOUNTS.NAME), r.get(ACCOUNTS.HOST),
                r.get(ACCOUNTS.DISPLAY_NAME), r.get(ACCOUNTS.DESCRIPTION), r.get(ACCOUNTS.CREATED_AT),
                r.get(ACCOUNTS.UPDATED_AT), Face.of(Face.Kind.AVATAR, r.get(ACCOUNTS.AVATAR), r.get(ACCOUNTS.AVATAR_AT)));
    }

    public Optional<Account> byId(long id) {
        return byId(db.dsl(), id);
    }

    /** Read in the caller's transaction. */
    public Optional<Account> byId(DSLContext tx, long id) {
        return accounts.byId(tx, id);
    }

    public Optional<Account> byUserId(long userId) {
        return byUserId(db.dsl(), userId);
    }

    /** Read in the caller's transaction. */
    public Optional<Account> byUserId(DSLContext tx, long userId) {
        return accounts.byUserId(tx, userId);
    }

    /** The instance's own account, which mutes and watches words for everyone (a migration made it). */
    public Account instance() {
        return accounts.instance(db.dsl()).orElseThrow();
    }

    /** {@code host} is "" for a local account. */
    public Optional<Account> byName(String name, String host) {
        return byName(db.dsl(), name, host);
    }

    /** Read in the caller's transaction. */
    public Optional<Account> byName(DSLContext tx, String name, String host) {
        return accounts.byName(tx, name, host);
    }

    /** The account a handle names: local, or a known remote one. */
    public Optional<Account> byHandle(Handle h) {
        return byName(h.name(), h.host());
    }
}

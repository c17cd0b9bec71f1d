package org.peerlet.blocklist;

import org.jooq.DSLContext;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;

import java.util.List;

import static org.peerlet.db.schema.Tables.ACCOUNTS;
import static org.peerlet.db.schema.Tables.ACCOUNT_BLOCKS;
import static org.peerlet.db.schema.Tables.SERVER_BLOCKS;

/** The only place with SQL for mutes. */
final class BlocklistRepository {

    /** A muted account, and when. */
    record AccountMute(Account blocked, long createdAt) {
    }

    /** A muted host, and when. */
    record HostMute(String host, long createdAt) {
    }

    void muteAccount(DSLContext tx, long by, long blocked, long now) {
        tx.insertInto(ACCOUNT_BLOCKS).set(ACCOUNT_BLOCKS.BY_ACCOUNT_ID, by).set(ACCOUNT_BLOCKS.BLOCKED_ACCOUNT_ID, blocked)
                .set(ACCOUNT_BLOCKS.CREATED_AT, now).onConflictDoNothing().execute();
    }

    boolean unmuteAccount(DSLContext tx, long by, long blocked) {
        return tx.deleteFrom(ACCOUNT_BLOCKS).where(ACCOUNT_BLOCKS.BY_ACCOUNT_ID.eq(by)
                .and(ACCOUNT_BLOCKS.BLOCKED_ACCOUNT_ID.eq(blocked))).execute() == 1;
    }

    void muteHost(DSLContext tx, long by, String host, long now) {
        tx.insertInto(SERVER_BLOCKS).set(SERVER_BLOCKS.BY_ACCOUNT_ID, by).set(SERVER_BLOCKS.HOST, host)
                .set(SERVER_BLOCKS.CREATED_AT, now).onConflictDoNothing().execute();
    }

    boolean unmuteHost(DSLContext tx, long by, String host) {
        return tx.deleteFrom(SERVER_BLOCKS).where(SERVER_BLOCKS.BY_ACCOUNT_ID.eq(by).and(SERVER_BLOCKS.HOST.eq(host))).execute() == 1;
    }

    List<AccountMute> accounts(DSLContext db, long by, int start, int count) {
        return db.select(AccountDirectory.COLUMNS).select(ACCOUNT_BLOCKS.CREATED_AT).from(ACCOUNT_BLOCKS)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(ACCOUNT_BLOCKS.BLOCKED_ACCOUNT_ID))
                .where(ACCOUNT_BLOCKS.BY_ACCOUNT_ID.eq(by)).orderBy(ACCOUNT_BLOCKS.ID.desc()).limit(count).offset(start)
                .fetch(r -> new AccountMute(AccountDirectory.read(r), r.get(ACCOUNT_BLOCKS.CREATED_AT)));
    }

    int countAccounts(DSLContext db, long by) {
        return db.fetchCount(ACCOUNT_BLOCKS, ACCOUNT_BLOCKS.BY_ACCOUNT_ID.eq(by));
    }

    List<HostMute> hosts(DSLContext db, long by, int start, int count) {
        return db.select(SERVER_BLOCKS.HOST, SERVER_BLOCKS.CREATED_AT).from(SERVER_BLOCKS).where(SERVER_BLOCKS.BY_ACCOUNT_ID.eq(by))
                .orderBy(SERVER_BLOCKS.ID.desc()).limit(count).offset(start)
                .fetch(r -> new HostMute(r.get(SERVER_BLOCKS.HOST), r.get(SERVER_BLOCKS.CREATED_AT)));
    }

    int countHosts(DSLContext db, long by) {
        return db.fetchCount(SERVER_BLOCKS, SERVER_BLOCKS.BY_ACCOUNT_ID.eq(by));
    }

    boolean accountMuted(DSLContext db, List<Long> by, long account) {
        return db.fetchExists(ACCOUNT_BLOCKS, ACCOUNT_BLOCKS.BY_ACCOUNT_ID.in(by).and(ACCOUNT_BLOCKS.BLOCKED_ACCOUNT_ID.eq(account)));
    }

    boolean hostMuted(DSLContext db, List<Long> by, String host) {
        return db.fetchExists(SERVER_BLOCKS, SERVER_BLOCKS.BY_ACCOUNT_ID.in(by).and(SERVER_BLOCKS.HOST.eq(host)));
    }
}

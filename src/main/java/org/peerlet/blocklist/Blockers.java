package org.peerlet.blocklist;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Select;
import org.peerlet.account.User;

import java.util.Optional;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.peerlet.db.schema.Tables.ACCOUNTS;
import static org.peerlet.db.schema.Tables.ACCOUNT_BLOCKS;
import static org.peerlet.db.schema.Tables.BLOCKED_HOSTS;
import static org.peerlet.db.schema.Tables.SERVER_BLOCKS;

/**
 * Whose mutes hide content from a reader: always the instance's, the reader's own when they are
 * logged in ({@code userId}), and for comments the video owner's ({@code accountId}), as PeerTube.
 * Other features add {@link #notMuted} to their queries, so every list hides the same things.
 */
public record Blockers(Long userId, Long accountId) {

    /** Only what the instance muted: for anonymous readers, feeds and previews. */
    public static Blockers instance() {
        return new Blockers(null, null);
    }

    public static Blockers of(Optional<User> reader) {
        return new Blockers(reader.map(User::id).orElse(null), null);
    }

    /** The same readers, and also the mutes of this account (a video's owner, for its comments). */
    public Blockers andAccount(Long account) {
        return new Blockers(userId, account);
    }

    /** The accounts whose mutes count: the instance's (the local account with no user), the reader's, the owner's. */
    private Select<org.jooq.Record1<Long>> blockerIds() {
        Condition c = ACCOUNTS.USER_ID.isNull().and(ACCOUNTS.HOST.eq(""));
        if (userId != null) c = c.or(ACCOUNTS.USER_ID.eq(userId));
        if (accountId != null) c = c.or(ACCOUNTS.ID.eq(accountId));
        return select(ACCOUNTS.ID).from(ACCOUNTS).where(c);
    }

    /** Rows whose account ({@code account}, an accounts.id column) none of the blockers muted, by account or by host. */
    public Condition notMuted(Field<Long> account) {
        var hosts = select(SERVER_BLOCKS.HOST).from(SERVER_BLOCKS).where(SERVER_BLOCKS.BY_ACCOUNT_ID.in(blockerIds()))
                .union(select(BLOCKED_HOSTS.HOST).from(BLOCKED_HOSTS));
        return noCondition()
                .and(account.notIn(select(ACCOUNT_BLOCKS.BLOCKED_ACCOUNT_ID).from(ACCOUNT_BLOCKS)
                        .where(ACCOUNT_BLOCKS.BY_ACCOUNT_ID.in(blockerIds()))))
                .and(account.notIn(select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.HOST.ne("").and(ACCOUNTS.HOST.in(hosts)))));
    }
}

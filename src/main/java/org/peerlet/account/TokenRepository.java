package org.peerlet.account;

import static org.peerlet.db.schema.Tables.OAUTH_TOKENS;
import static org.peerlet.db.schema.Tables.USERS;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;


/** The only place with SQL for login tokens; it sees hashes, never tokens. */
final class TokenRepository {
    static final List<Field<?>> COLUMNS = List.of(OAUTH_TOKENS.ID, OAUTH_TOKENS.USER_ID, OAUTH_TOKENS.ACCESS_EXPIRES_AT, OAUTH_TOKENS.REFRESH_EXPIRES_AT,
            USERS.SESSION_EPOCH);

    /** A token row, with its user's session stamp as it was when the row was read. */
    record StoredToken(long id, long userId, long accessExpiresAt, long refreshExpiresAt, long sessionEpoch) {
    }

    void insert(DSLContext tx, long userId, String accessHash, String refreshHash, long accessExpires,
                long refreshExpires, long now) {
        tx.insertInto(OAUTH_TOKENS).set(OAUTH_TOKENS.USER_ID, userId).set(OAUTH_TOKENS.ACCESS_HASH, accessHash).set(OAUTH_TOKENS.REFRESH_HASH, refreshHash)
                .set(OAUTH_TOKENS.ACCESS_EXPIRES_AT, accessExpires).set(OAUTH_TOKENS.REFRESH_EXPIRES_AT, refreshExpires).set(OAUTH_TOKENS.CREATED_AT, now)
                .execute();
    }

    Optional<StoredToken> byAccessHash(DSLContext db, String hash) {
        return select(db).where(OAUTH_TOKENS.ACCESS_HASH.eq(hash)).fetchOptional(TokenRepository::toToken);
    }

    Optional<StoredToken> byRefreshHash(DSLContext db, String hash) {
        return select(db).where(OAUTH_TOKENS.REFRESH_HASH.eq(hash)).fetchOptional(TokenRepository::toToken);
    }

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext db) {
        return db.select(COLUMNS).from(OAUTH_TOKENS).join(USERS).on(USERS.ID.eq(OAUTH_TOKENS.USER_ID));
    }

    /** Deletes one token; returns its access hash so caches can forget it, if it existed. */
    Optional<String> delete(DSLContext tx, long id) {
        Optional<String> hash = tx.select(OAUTH_TOKENS.ACCESS_HASH).from(OAUTH_TOKENS).where(OAUTH_TOKENS.ID.eq(id)).fetchOptional(OAUTH_TOKENS.ACCESS_HASH);
        tx.deleteFrom(OAUTH_TOKENS).where(OAUTH_TOKENS.ID.eq(id)).execute();
        return hash;
    }

    /** Deletes every token of the user but the one with keepAccessHash (null for none); returns their access hashes. */
    List<String> deleteAllOfUser(DSLContext tx, long userId, String keepAccessHash) {
        var which = OAUTH_TOKENS.USER_ID.eq(userId).and(keepAccessHash == null ? org.jooq.impl.DSL.noCondition()
                : OAUTH_TOKENS.ACCESS_HASH.ne(keepAccessHash));
        List<String> hashes = tx.select(OAUTH_TOKENS.ACCESS_HASH).from(OAUTH_TOKENS).where(which).fetch(OAUTH_TOKENS.ACCESS_HASH);
        tx.deleteFrom(OAUTH_TOKENS).where(which).execute();
        return hashes;
    }

    int deleteExpired(DSLContext tx, long now) {
        return tx.deleteFrom(OAUTH_TOKENS).where(OAUTH_TOKENS.REFRESH_EXPIRES_AT.lt(now)).execute();
    }

    private static StoredToken toToken(Record r) {
        return new StoredToken(r.get(OAUTH_TOKENS.ID), r.get(OAUTH_TOKENS.USER_ID), r.get(OAUTH_TOKENS.ACCESS_EXPIRES_AT), r.get(OAUTH_TOKENS.REFRESH_EXPIRES_AT),
                r.get(USERS.SESSION_EPOCH));
    }
}

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

/** The only place with SQL for login tokens; it sees hashes, never tokens. */
final class TokenRepository {
    static final Table<Record> TOKENS = table(name("oauth_tokens"));
    static final Field<Long> ID = field(name("oauth_tokens", "id"), Long.class);
    static final Field<Long> USER_ID = field(name("oauth_tokens", "user_id"), Long.class);
    static final Field<String> ACCESS_HASH = field(name("oauth_tokens", "access_hash"), String.class);
    static final Field<String> REFRESH_HASH = field(name("oauth_tokens", "refresh_hash"), String.class);
    static final Field<Long> ACCESS_EXPIRES = field(name("oauth_tokens", "access_expires_at"), Long.class);
    static final Field<Long> REFRESH_EXPIRES = field(name("oauth_tokens", "refresh_expires_at"), Long.class);
    static final Field<Long> CREATED_AT = field(name("oauth_tokens", "created_at"), Long.class);
    static final List<Field<?>> COLUMNS = List.of(ID, USER_ID, ACCESS_EXPIRES, REFRESH_EXPIRES,
            UserRepository.SESSION_EPOCH);

    /** A token row, with its user's session stamp as it was when the row was read. */
    record StoredToken(long id, long userId, long accessExpiresAt, long refreshExpiresAt, long sessionEpoch) {
    }

    void insert(DSLContext tx, long userId, String accessHash, String refreshHash, long accessExpires,
                long refreshExpires, long now) {
        tx.insertInto(TOKENS).set(USER_ID, userId).set(ACCESS_HASH, accessHash).set(REFRESH_HASH, refreshHash)
                .set(ACCESS_EXPIRES, accessExpires).set(REFRESH_EXPIRES, refreshExpires).set(CREATED_AT, now)
                .execute();
    }

    Optional<StoredToken> byAccessHash(DSLContext db, String hash) {
        return select(db).where(ACCESS_HASH.eq(hash)).fetchOptional(TokenRepository::toToken);
    }

    Optional<StoredToken> byRefreshHash(DSLContext db, String hash) {
        return select(db).where(REFRESH_HASH.eq(hash)).fetchOptional(TokenRepository::toToken);
    }

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext db) {
        return db.select(COLUMNS).from(TOKENS).join(UserRepository.USERS).on(UserRepository.ID.eq(USER_ID));
    }

    /** Deletes one token; returns its access hash so caches can forget it, if it existed. */
    Optional<String> delete(DSLContext tx, long id) {
        Optional<String> hash = tx.select(ACCESS_HASH).from(TOKENS).where(ID.eq(id)).fetchOptional(ACCESS_HASH);
        tx.deleteFrom(TOKENS).where(ID.eq(id)).execute();
        return hash;
    }

    /** Deletes every token of the user but the one with keepAccessHash (null for none); returns their access hashes. */
    List<String> deleteAllOfUser(DSLContext tx, long userId, String keepAccessHash) {
        var which = USER_ID.eq(userId).and(keepAccessHash == null ? org.jooq.impl.DSL.noCondition()
                : ACCESS_HASH.ne(keepAccessHash));
        List<String> hashes = tx.select(ACCESS_HASH).from(TOKENS).where(which).fetch(ACCESS_HASH);
        tx.deleteFrom(TOKENS).where(which).execute();
        return hashes;
    }

    int deleteExpired(DSLContext tx, long now) {
        return tx.deleteFrom(TOKENS).where(REFRESH_EXPIRES.lt(now)).execute();
    }

    private static StoredToken toToken(Record r) {
        return new StoredToken(r.get(ID), r.get(USER_ID), r.get(ACCESS_EXPIRES), r.get(REFRESH_EXPIRES),
                r.get(UserRepository.SESSION_EPOCH));
    }
}

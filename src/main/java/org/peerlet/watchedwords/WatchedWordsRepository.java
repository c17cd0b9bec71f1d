package org.peerlet.watchedwords;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.peerlet.http.Json;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.peerlet.db.schema.Tables.WATCHED_WORDS_LISTS;

/** The only place with SQL for watched words. */
final class WatchedWordsRepository {

    long insert(DSLContext tx, long accountId, String name, List<String> words, long now) {
        return tx.insertInto(WATCHED_WORDS_LISTS).set(WATCHED_WORDS_LISTS.ACCOUNT_ID, accountId)
                .set(WATCHED_WORDS_LISTS.LIST_NAME, name).set(WATCHED_WORDS_LISTS.WORDS, Json.write(words))
                .set(WATCHED_WORDS_LISTS.CREATED_AT, now).set(WATCHED_WORDS_LISTS.UPDATED_AT, now)
                .returning(WATCHED_WORDS_LISTS.ID).fetchOne(WATCHED_WORDS_LISTS.ID);
    }

    void update(DSLContext tx, long id, String name, List<String> words, long now) {
        tx.update(WATCHED_WORDS_LISTS).set(WATCHED_WORDS_LISTS.LIST_NAME, name).set(WATCHED_WORDS_LISTS.WORDS, Json.write(words))
                .set(WATCHED_WORDS_LISTS.UPDATED_AT, now).where(WATCHED_WORDS_LISTS.ID.eq(id)).execute();
    }

    void delete(DSLContext tx, long id) {
        tx.deleteFrom(WATCHED_WORDS_LISTS).where(WATCHED_WORDS_LISTS.ID.eq(id)).execute();
    }

    Optional<WordList> byId(DSLContext db, long id) {
        return db.selectFrom(WATCHED_WORDS_LISTS).where(WATCHED_WORDS_LISTS.ID.eq(id)).fetchOptional(WatchedWordsRepository::read);
    }

    boolean nameTaken(DSLContext db, long accountId, String name, long exceptId) {
        return db.fetchExists(WATCHED_WORDS_LISTS, WATCHED_WORDS_LISTS.ACCOUNT_ID.eq(accountId)
                .and(WATCHED_WORDS_LISTS.LIST_NAME.eq(name)).and(WATCHED_WORDS_LISTS.ID.ne(exceptId)));
    }

    List<WordList> ofAccounts(DSLContext db, Collection<Long> accountIds, int start, int count) {
        return db.selectFrom(WATCHED_WORDS_LISTS).where(WATCHED_WORDS_LISTS.ACCOUNT_ID.in(accountIds))
                .orderBy(WATCHED_WORDS_LISTS.ID).limit(count).offset(start).fetch(WatchedWordsRepository::read);
    }

    int count(DSLContext db, long accountId) {
        return db.fetchCount(WATCHED_WORDS_LISTS, WATCHED_WORDS_LISTS.ACCOUNT_ID.eq(accountId));
    }

    private static WordList read(Record r) {
        List<String> words = Json.MAPPER.convertValue(Json.read(r.get(WATCHED_WORDS_LISTS.WORDS)), new TypeReference<List<String>>() { });
        return new WordList(r.get(WATCHED_WORDS_LISTS.ID), r.get(WATCHED_WORDS_LISTS.ACCOUNT_ID), r.get(WATCHED_WORDS_LISTS.LIST_NAME),
                words, r.get(WATCHED_WORDS_LISTS.CREATED_AT), r.get(WATCHED_WORDS_LISTS.UPDATED_AT));
    }
}

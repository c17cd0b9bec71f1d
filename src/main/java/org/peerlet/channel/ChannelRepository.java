package org.peerlet.channel;

import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import org.peerlet.media.Face;

import static org.peerlet.db.schema.Tables.CHANNELS;

/** The only place with SQL for channels. */
final class ChannelRepository {

    long insert(DSLContext tx, long accountId, String name, String host, String displayName,
                String description, String support, long now) {
        return tx.insertInto(CHANNELS)
                .set(CHANNELS.ACCOUNT_ID, accountId).set(CHANNELS.NAME, name).set(CHANNELS.HOST, host)
                .set(CHANNELS.DISPLAY_NAME, displayName).set(CHANNELS.DESCRIPTION, description)
                .set(CHANNELS.SUPPORT, support).set(CHANNELS.CREATED_AT, now).set(CHANNELS.UPDATED_AT, now)
                .returning(CHANNELS.ID).fetchOne(CHANNELS.ID);
    }

    Optional<Channel> byId(DSLContext db, long id) {
        return db.select(ChannelRows.COLUMNS).from(CHANNELS).where(CHANNELS.ID.eq(id)).fetchOptional(ChannelRows::read);
    }

    Optional<Channel> byName(DSLContext db, String name, String host) {
        return db.select(ChannelRows.COLUMNS).from(CHANNELS).where(CHANNELS.NAME.eq(name).and(CHANNELS.HOST.eq(host)))
                .fetchOptional(ChannelRows::read);
    }

    List<Channel> byAccount(DSLContext db, long accountId) {
        return db.select(ChannelRows.COLUMNS).from(CHANNELS).where(CHANNELS.ACCOUNT_ID.eq(accountId)).orderBy(CHANNELS.ID)
                .fetch(ChannelRows::read);
    }

    int countByAccount(DSLContext db, long accountId) {
        return db.fetchCount(CHANNELS, CHANNELS.ACCOUNT_ID.eq(accountId));
    }

    List<Channel> list(DSLContext db, int start, int count) {
        return db.select(ChannelRows.COLUMNS).from(CHANNELS).orderBy(CHANNELS.ID).limit(count).offset(start)
                .fetch(ChannelRows::read);
    }

    int count(DSLContext db) {
        return db.fetchCount(CHANNELS);
    }

    int countLocal(DSLContext db) {
        return db.fetchCount(CHANNELS, CHANNELS.HOST.eq(""));
    }

    /** Channels whose name or display name holds the text (any case), as PeerTube's channel search finds them. */
    List<Channel> search(DSLContext db, String text, int start, int count) {
        return db.select(ChannelRows.COLUMNS).from(CHANNELS).where(matching(text)).orderBy(CHANNELS.ID).limit(count).offset(start)
                .fetch(ChannelRows::read);
    }

    int countMatching(DSLContext db, String text) {
        return db.fetchCount(CHANNELS, matching(text));
    }

    private static org.jooq.Condition matching(String text) {
        return CHANNELS.NAME.containsIgnoreCase(text).or(CHANNELS.DISPLAY_NAME.containsIgnoreCase(text));
    }

    void update(DSLContext tx, long id, String displayName, String description, String support, long now) {
        tx.update(CHANNELS).set(CHANNELS.DISPLAY_NAME, displayName).set(CHANNELS.DESCRIPTION, description)
                .set(CHANNELS.SUPPORT, support).set(CHANNELS.UPDATED_AT, now).where(CHANNELS.ID.eq(id)).execute();
    }

    /** Sets (or clears, stem null) an avatar or banner; returns the stem it replaces, or null. */
    String setFace(DSLContext tx, long id, Face.Kind kind, String stem, String source, long now) {
        boolean avatar = kind == Face.Kind.AVATAR;
        var column = avatar ? CHANNELS.AVATAR : CHANNELS.BANNER;
        String old = tx.select(column).from(CHANNELS).where(CHANNELS.ID.eq(id)).fetchOne(column);
        tx.update(CHANNELS).set(column, stem).set(avatar ? CHANNELS.AVATAR_AT : CHANNELS.BANNER_AT, stem == null ? null : now)
                .set(avatar ? CHANNELS.AVATAR_SOURCE : CHANNELS.BANNER_SOURCE, source).where(CHANNELS.ID.eq(id)).execute();
        return old;
    }

    String faceSource(DSLContext db, long id, Face.Kind kind) {
        var column = kind == Face.Kind.AVATAR ? CHANNELS.AVATAR_SOURCE : CHANNELS.BANNER_SOURCE;
        return db.select(column).from(CHANNELS).where(CHANNELS.ID.eq(id)).fetchOne(column);
    }

    void delete(DSLContext tx, long id) {
        tx.deleteFrom(CHANNELS).where(CHANNELS.ID.eq(id)).execute();
    }
}

package org.peerlet.channel;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import org.peerlet.db.schema.Tables;
import org.peerlet.db.schema.tables.Channels;

import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The only place with SQL for channels. */
public final class ChannelRepository {
    public static final Channels CHANNELS = Tables.CHANNELS;
    public static final Field<Long> ID = Tables.CHANNELS.ID;
    public static final Field<Long> ACCOUNT_ID = Tables.CHANNELS.ACCOUNT_ID;
    public static final Field<String> NAME = Tables.CHANNELS.NAME;
    public static final Field<String> HOST = Tables.CHANNELS.HOST;
    public static final Field<String> DISPLAY_NAME = Tables.CHANNELS.DISPLAY_NAME;
    public static final Field<String> DESCRIPTION = Tables.CHANNELS.DESCRIPTION;
    public static final Field<String> SUPPORT = Tables.CHANNELS.SUPPORT;
    public static final Field<Long> CREATED_AT = Tables.CHANNELS.CREATED_AT;
    public static final Field<Long> UPDATED_AT = Tables.CHANNELS.UPDATED_AT;
    public static final java.util.List<Field<?>> COLUMNS = java.util.List.of(ID, ACCOUNT_ID, NAME, HOST, DISPLAY_NAME, DESCRIPTION, SUPPORT, CREATED_AT, UPDATED_AT);

    public long insert(DSLContext tx, long accountId, String name, String host, String displayName,
                       String description, String support, long now) {
        return tx.insertInto(CHANNELS)
                .set(ACCOUNT_ID, accountId).set(NAME, name).set(HOST, host).set(DISPLAY_NAME, displayName)
                .set(DESCRIPTION, description).set(SUPPORT, support).set(CREATED_AT, now).set(UPDATED_AT, now)
                .returning(ID).fetchOne(ID);
    }

    public Optional<Channel> byId(DSLContext db, long id) {
        return db.select(COLUMNS).from(CHANNELS).where(ID.eq(id)).fetchOptional(ChannelRepository::toChannel);
    }

    public Optional<Channel> byName(DSLContext db, String name, String host) {
        return db.select(COLUMNS).from(CHANNELS).where(NAME.eq(name).and(HOST.eq(host)))
                .fetchOptional(ChannelRepository::toChannel);
    }

    public List<Channel> byAccount(DSLContext db, long accountId) {
        return db.select(COLUMNS).from(CHANNELS).where(ACCOUNT_ID.eq(accountId)).orderBy(ID)
                .fetch(ChannelRepository::toChannel);
    }

    public int countByAccount(DSLContext db, long accountId) {
        return db.fetchCount(CHANNELS, ACCOUNT_ID.eq(accountId));
    }

    public List<Channel> list(DSLContext db, int start, int count) {
        return db.select(COLUMNS).from(CHANNELS).orderBy(ID).limit(count).offset(start)
                .fetch(ChannelRepository::toChannel);
    }

    public int count(DSLContext db) {
        return db.fetchCount(CHANNELS);
    }

    public int countLocal(DSLContext db) {
        return db.fetchCount(CHANNELS, HOST.eq(""));
    }

    /** Channels whose name or display name holds the text (any case), as PeerTube's channel search finds them. */
    public List<Channel> search(DSLContext db, String text, int start, int count) {
        return db.select(COLUMNS).from(CHANNELS).where(matching(text)).orderBy(ID).limit(count).offset(start)
                .fetch(ChannelRepository::toChannel);
    }

    public int countMatching(DSLContext db, String text) {
        return db.fetchCount(CHANNELS, matching(text));
    }

    private static org.jooq.Condition matching(String text) {
        return NAME.containsIgnoreCase(text).or(DISPLAY_NAME.containsIgnoreCase(text));
    }

    public void update(DSLContext tx, long id, String displayName, String description, String support, long now) {
        tx.update(CHANNELS).set(DISPLAY_NAME, displayName).set(DESCRIPTION, description).set(SUPPORT, support)
                .set(UPDATED_AT, now).where(ID.eq(id)).execute();
    }

    public void delete(DSLContext tx, long id) {
        tx.deleteFrom(CHANNELS).where(ID.eq(id)).execute();
    }

    public static Channel toChannel(Record r) {
        return new Channel(r.get(ID), r.get(ACCOUNT_ID), r.get(NAME), r.get(HOST), r.get(DISPLAY_NAME),
                r.get(DESCRIPTION), r.get(SUPPORT), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}

package org.peerlet.channel;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The only place with SQL for channels. */
public final class ChannelRepository {
    public static final Table<Record> CHANNELS = table(name("channels"));
    public static final Field<Long> ID = field(name("channels", "id"), Long.class);
    public static final Field<Long> ACCOUNT_ID = field(name("channels", "account_id"), Long.class);
    public static final Field<String> NAME = field(name("channels", "name"), String.class);
    public static final Field<String> HOST = field(name("channels", "host"), String.class);
    public static final Field<String> DISPLAY_NAME = field(name("channels", "display_name"), String.class);
    public static final Field<String> DESCRIPTION = field(name("channels", "description"), String.class);
    public static final Field<String> SUPPORT = field(name("channels", "support"), String.class);
    public static final Field<Long> CREATED_AT = field(name("channels", "created_at"), Long.class);
    public static final Field<Long> UPDATED_AT = field(name("channels", "updated_at"), Long.class);
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

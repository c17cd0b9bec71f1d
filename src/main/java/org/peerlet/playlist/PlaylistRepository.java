package org.peerlet.playlist;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.peerlet.account.AccountDirectory;
import org.peerlet.channel.ChannelRows;
import org.peerlet.video.Privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.val;
import static org.peerlet.db.schema.Tables.ACCOUNTS;
import static org.peerlet.db.schema.Tables.CHANNELS;
import static org.peerlet.db.schema.Tables.PLAYLISTS;
import static org.peerlet.db.schema.Tables.PLAYLIST_ELEMENTS;

/** The only place with SQL for playlists and their elements (V010). */
final class PlaylistRepository {
    private static final Field<Integer> LENGTH = selectCount().from(PLAYLIST_ELEMENTS)
            .where(PLAYLIST_ELEMENTS.PLAYLIST_ID.eq(PLAYLISTS.ID)).asField("videos_length");

    /** What a person sets on a playlist. */
    record Fields(String name, String description, Privacy privacy, Long channelId) {
    }

    long insert(DSLContext tx, String uuid, String shortUuid, long accountId, Fields f, int type, long now) {
        return tx.insertInto(PLAYLISTS)
                .set(PLAYLISTS.UUID, uuid).set(PLAYLISTS.SHORT_UUID, shortUuid).set(PLAYLISTS.ACCOUNT_ID, accountId)
                .set(PLAYLISTS.CHANNEL_ID, f.channelId()).set(PLAYLISTS.NAME, f.name()).set(PLAYLISTS.DESCRIPTION, f.description())
                .set(PLAYLISTS.PRIVACY, f.privacy().id).set(PLAYLISTS.TYPE, type)
                .set(PLAYLISTS.CREATED_AT, now).set(PLAYLISTS.UPDATED_AT, now)
                .returning(PLAYLISTS.ID).fetchOne(PLAYLISTS.ID);
    }

    void update(DSLContext tx, long id, Fields f, long now) {
        tx.update(PLAYLISTS).set(PLAYLISTS.NAME, f.name()).set(PLAYLISTS.DESCRIPTION, f.description())
                .set(PLAYLISTS.PRIVACY, f.privacy().id).set(PLAYLISTS.CHANNEL_ID, f.channelId())
                .set(PLAYLISTS.UPDATED_AT, now).where(PLAYLISTS.ID.eq(id)).execute();
    }

    /** Keeps another server's public playlist: inserted, or its details replaced; its id. */
    long upsertRemote(DSLContext tx, Optional<Playlist> known, RemotePlaylist r, long accountId, long channelId) {
        if (known.isPresent()) {
            tx.update(PLAYLISTS).set(PLAYLISTS.NAME, r.name()).set(PLAYLISTS.DESCRIPTION, r.description())
                    .set(PLAYLISTS.ACCOUNT_ID, accountId).set(PLAYLISTS.CHANNEL_ID, channelId)
                    .set(PLAYLISTS.UPDATED_AT, r.updated()).where(PLAYLISTS.ID.eq(known.get().id())).execute();
            return known.get().id();
        }
        return tx.insertInto(PLAYLISTS)
                .set(PLAYLISTS.UUID, r.uuid()).set(PLAYLISTS.SHORT_UUID, org.peerlet.video.ShortUuid.of(java.util.UUID.fromString(r.uuid())))
                .set(PLAYLISTS.ACCOUNT_ID, accountId).set(PLAYLISTS.CHANNEL_ID, channelId).set(PLAYLISTS.NAME, r.name())
                .set(PLAYLISTS.DESCRIPTION, r.description()).set(PLAYLISTS.PRIVACY, Privacy.PUBLIC.id)
                .set(PLAYLISTS.TYPE, Playlist.REGULAR).set(PLAYLISTS.URL, r.url())
                .set(PLAYLISTS.CREATED_AT, r.published()).set(PLAYLISTS.UPDATED_AT, r.updated())
                .returning(PLAYLISTS.ID).fetchOne(PLAYLISTS.ID);
    }

    /** A remote playlist's elements, all replaced by what its origin now lists. */
    void replaceElements(DSLContext tx, long playlistId, List<RemotePlaylist.Element> elements, long now) {
        tx.deleteFrom(PLAYLIST_ELEMENTS).where(PLAYLIST_ELEMENTS.PLAYLIST_ID.eq(playlistId)).execute();
        for (RemotePlaylist.Element e : elements) insertElement(tx, playlistId, e.videoId(), e.startTimestamp(), e.stopTimestamp(), now);
    }

    Condition byUrl(String url) {
        return PLAYLISTS.URL.eq(url);
    }

    void touch(DSLContext tx, long id, long now) {
        tx.update(PLAYLISTS).set(PLAYLISTS.UPDATED_AT, now).where(PLAYLISTS.ID.eq(id)).execute();
    }

    void setThumbnail(DSLContext tx, long id, long updatedAt) {
        tx.update(PLAYLISTS).set(PLAYLISTS.HAS_THUMBNAIL, true).set(PLAYLISTS.UPDATED_AT, updatedAt).where(PLAYLISTS.ID.eq(id)).execute();
    }

    void delete(DSLContext tx, long id) {
        tx.deleteFrom(PLAYLISTS).where(PLAYLISTS.ID.eq(id)).execute();
    }

    private static SelectOnConditionStep<Record> select(DSLContext db) {
        List<Field<?>> fields = new ArrayList<>(List.of(PLAYLISTS.fields()));
        fields.add(LENGTH);
        fields.addAll(AccountDirectory.COLUMNS);
        fields.addAll(ChannelRows.COLUMNS);
        return db.select(fields).from(PLAYLISTS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(PLAYLISTS.ACCOUNT_ID))
                .leftJoin(CHANNELS).on(CHANNELS.ID.eq(PLAYLISTS.CHANNEL_ID));
    }

    Optional<Playlist> one(DSLContext db, Condition where) {
        return select(db).where(where).fetchOptional(PlaylistRepository::read);
    }

    Condition byId(long id) {
        return PLAYLISTS.ID.eq(id);
    }

    Condition byUuid(String uuid) {
        return PLAYLISTS.UUID.eq(uuid);
    }

    Condition byShortUuid(String shortUuid) {
        return PLAYLISTS.SHORT_UUID.eq(shortUuid);
    }

    /** A list's filter: owner account, channel, privacies and type, each optional. */
    record Filter(Long accountId, Long channelId, Collection<Privacy> privacies, Integer type, String search) {
        Condition condition() {
            Condition c = PLAYLISTS.PRIVACY.in(privacies.stream().map(p -> p.id).toList());
            if (accountId != null) c = c.and(PLAYLISTS.ACCOUNT_ID.eq(accountId));
            if (channelId != null) c = c.and(PLAYLISTS.CHANNEL_ID.eq(channelId));
            if (type != null) c = c.and(PLAYLISTS.TYPE.eq(type));
            if (search != null) c = c.and(PLAYLISTS.NAME.containsIgnoreCase(search));
            return c;
        }
    }

    List<Playlist> list(DSLContext db, Filter f, String sort, int start, int count) {
        var order = switch (sort == null ? "" : sort) {
            case "displayName" -> PLAYLISTS.NAME.asc();
            case "-displayName" -> PLAYLISTS.NAME.desc();
            case "createdAt" -> PLAYLISTS.CREATED_AT.asc();
            case "updatedAt" -> PLAYLISTS.UPDATED_AT.asc();
            case "-updatedAt" -> PLAYLISTS.UPDATED_AT.desc();
            default -> PLAYLISTS.CREATED_AT.desc();
        };
        return select(db).where(f.condition()).orderBy(order, PLAYLISTS.ID.desc()).limit(count).offset(start)
                .fetch(PlaylistRepository::read);
    }

    int count(DSLContext db, Filter f) {
        return db.fetchCount(PLAYLISTS, f.condition());
    }

    Optional<Playlist> watchLater(DSLContext db, long accountId) {
        return one(db, PLAYLISTS.ACCOUNT_ID.eq(accountId).and(PLAYLISTS.TYPE.eq(Playlist.WATCH_LATER)));
    }

    private static Playlist read(Record r) {
        var p = PLAYLISTS;
        return new Playlist(r.get(p.ID), r.get(p.UUID), r.get(p.SHORT_UUID), AccountDirectory.read(r),
                r.get(CHANNELS.ID) == null ? null : ChannelRows.read(r), r.get(p.NAME), r.get(p.DESCRIPTION),
                Privacy.of(r.get(p.PRIVACY)), r.get(p.TYPE), r.get(p.HAS_THUMBNAIL),
                r.get(LENGTH), r.get(p.CREATED_AT), r.get(p.UPDATED_AT), r.get(p.URL));
    }

    // ---- elements: positions 1..n without gaps

    int length(DSLContext db, long playlistId) {
        return db.fetchCount(PLAYLIST_ELEMENTS, PLAYLIST_ELEMENTS.PLAYLIST_ID.eq(playlistId));
    }

    long insertElement(DSLContext tx, long playlistId, long videoId, Integer start, Integer stop, long now) {
        var e = PLAYLIST_ELEMENTS;
        int position = tx.select(coalesce(max(e.POSITION), val(0))).from(e).where(e.PLAYLIST_ID.eq(playlistId))
                .fetchOne(0, Integer.class) + 1;
        return tx.insertInto(e).set(e.PLAYLIST_ID, playlistId).set(e.VIDEO_ID, videoId).set(e.POSITION, position)
                .set(e.START_TIMESTAMP, start == null ? null : start.longValue())
                .set(e.STOP_TIMESTAMP, stop == null ? null : stop.longValue())
                .set(e.CREATED_AT, now).set(e.UPDATED_AT, now)
                .returning(e.ID).fetchOne(e.ID);
    }

    List<PlaylistElement> elements(DSLContext db, long playlistId, int start, int count) {
        return db.selectFrom(PLAYLIST_ELEMENTS).where(PLAYLIST_ELEMENTS.PLAYLIST_ID.eq(playlistId))
                .orderBy(PLAYLIST_ELEMENTS.POSITION).limit(count).offset(start).fetch(PlaylistRepository::element);
    }

    Optional<PlaylistElement> element(DSLContext db, long playlistId, long id) {
        return db.selectFrom(PLAYLIST_ELEMENTS)
                .where(PLAYLIST_ELEMENTS.PLAYLIST_ID.eq(playlistId).and(PLAYLIST_ELEMENTS.ID.eq(id)))
                .fetchOptional(PlaylistRepository::element);
    }

    void setTimestamps(DSLContext tx, long id, Integer start, Integer stop, long now) {
        var e = PLAYLIST_ELEMENTS;
        tx.update(e).set(e.START_TIMESTAMP, start == null ? null : start.longValue())
                .set(e.STOP_TIMESTAMP, stop == null ? null : stop.longValue()).set(e.UPDATED_AT, now)
                .where(e.ID.eq(id)).execute();
    }

    /** Removes one element and closes the gap it leaves. */
    void deleteElement(DSLContext tx, PlaylistElement el) {
        var e = PLAYLIST_ELEMENTS;
        tx.deleteFrom(e).where(e.ID.eq(el.id())).execute();
        tx.update(e).set(e.POSITION, e.POSITION.minus(1))
                .where(e.PLAYLIST_ID.eq(el.playlistId()).and(e.POSITION.gt(el.position()))).execute();
    }

    /** The element ids of a playlist in order. */
    List<Long> order(DSLContext db, long playlistId) {
        return db.select(PLAYLIST_ELEMENTS.ID).from(PLAYLIST_ELEMENTS).where(PLAYLIST_ELEMENTS.PLAYLIST_ID.eq(playlistId))
                .orderBy(PLAYLIST_ELEMENTS.POSITION).fetch(PLAYLIST_ELEMENTS.ID);
    }

    void setPosition(DSLContext tx, long elementId, int position) {
        tx.update(PLAYLIST_ELEMENTS).set(PLAYLIST_ELEMENTS.POSITION, position).where(PLAYLIST_ELEMENTS.ID.eq(elementId)).execute();
    }

    /** This server's public playlists holding the video (remote ones have a URL). */
    List<Playlist> publicHolding(DSLContext db, long videoId) {
        return select(db).where(PLAYLISTS.URL.isNull().and(PLAYLISTS.PRIVACY.eq(Privacy.PUBLIC.id))
                .and(PLAYLISTS.ID.in(db.select(PLAYLIST_ELEMENTS.PLAYLIST_ID).from(PLAYLIST_ELEMENTS)
                        .where(PLAYLIST_ELEMENTS.VIDEO_ID.eq(videoId))))).fetch(PlaylistRepository::read);
    }

    /** The elements holding these videos in the account's playlists, with their playlist. */
    record Holding(PlaylistElement element, String playlistName, String playlistShortUuid) {
    }

    List<Holding> holding(DSLContext db, long accountId, Collection<Long> videoIds) {
        return db.select(PLAYLIST_ELEMENTS.fields()).select(PLAYLISTS.NAME, PLAYLISTS.SHORT_UUID)
                .from(PLAYLIST_ELEMENTS).join(PLAYLISTS).on(PLAYLISTS.ID.eq(PLAYLIST_ELEMENTS.PLAYLIST_ID))
                .where(PLAYLISTS.ACCOUNT_ID.eq(accountId).and(PLAYLIST_ELEMENTS.VIDEO_ID.in(videoIds)))
                .orderBy(PLAYLIST_ELEMENTS.ID)
                .fetch(r -> new Holding(element(r), r.get(PLAYLISTS.NAME), r.get(PLAYLISTS.SHORT_UUID)));
    }

    private static PlaylistElement element(Record r) {
        var e = PLAYLIST_ELEMENTS;
        Long start = r.get(e.START_TIMESTAMP);
        Long stop = r.get(e.STOP_TIMESTAMP);
        return new PlaylistElement(r.get(e.ID), r.get(e.PLAYLIST_ID), r.get(e.VIDEO_ID), r.get(e.POSITION),
                start == null ? null : start.intValue(), stop == null ? null : stop.intValue());
    }
}

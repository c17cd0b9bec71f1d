package org.peerlet.video;

import static org.peerlet.db.schema.Tables.VIDEOS;
import static org.peerlet.db.schema.Tables.VIDEO_SEARCH;
import static org.peerlet.db.schema.Tables.VIDEO_TAGS;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.peerlet.account.AccountDirectory;
import org.peerlet.channel.ChannelRows;
import static org.peerlet.db.schema.Tables.ACCOUNTS;
import static org.peerlet.db.schema.Tables.CHANNELS;
import static org.peerlet.db.schema.Tables.USERS;

import org.peerlet.db.schema.tables.Videos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

/** The only place with SQL for videos, their tags and their search index. */
final class VideoRepository {
    static final List<Field<?>> COLUMNS = List.of(VIDEOS.ID, VIDEOS.UUID, VIDEOS.SHORT_UUID, VIDEOS.CHANNEL_ID, VIDEOS.NAME, VIDEOS.DESCRIPTION, VIDEOS.SUPPORT,
            VIDEOS.CATEGORY, VIDEOS.LICENCE, VIDEOS.LANGUAGE, VIDEOS.PRIVACY, VIDEOS.NSFW, VIDEOS.COMMENTS_POLICY, VIDEOS.DOWNLOAD_ENABLED, VIDEOS.WAIT_TRANSCODING, VIDEOS.STATE,
            VIDEOS.DURATION, VIDEOS.VIEWS, VIDEOS.LIKES, VIDEOS.DISLIKES, VIDEOS.COMMENTS, VIDEOS.ORIGINAL_FILENAME, VIDEOS.ORIGINAL_FILE, VIDEOS.ORIGINAL_SIZE, VIDEOS.PROBE, VIDEOS.HAS_THUMBNAIL,
            VIDEOS.HAS_PREVIEW, VIDEOS.HLS, VIDEOS.CREATED_AT, VIDEOS.UPDATED_AT, VIDEOS.PUBLISHED_AT, VIDEOS.ORIGINALLY_PUBLISHED_AT,
            VIDEOS.BLACKLISTED_AT, VIDEOS.BLACKLISTED_UPDATED_AT, VIDEOS.BLACKLISTED_REASON, VIDEOS.IS_UNFEDERATED, VIDEOS.BLACKLIST_TYPE);


    static final Field<Long> SEARCH_ROWID = VIDEO_SEARCH.rowid().coerce(Long.class);

    private static final List<Field<?>> JOINED;

    /** Whether the video's owner is a local user a moderator banned: their videos are hidden with them. */
    private static final Condition OWNER_BANNED = ACCOUNTS.USER_ID.isNotNull()
            .and(ACCOUNTS.USER_ID.in(select(USERS.ID).from(USERS).where(USERS.BLOCKED.isTrue())));
    private static final Field<Boolean> OWNER_BANNED_FIELD = org.jooq.impl.DSL.field(OWNER_BANNED);

    static {
        List<Field<?>> all = new ArrayList<>(COLUMNS);
        all.addAll(ChannelRows.COLUMNS);
        all.addAll(AccountDirectory.COLUMNS);
        all.add(OWNER_BANNED_FIELD);
        JOINED = List.copyOf(all);
    }

    /** The metadata a person sets on a video. */
    public long insert(DSLContext tx, String uuid, String shortUuid, long channelId, VideoMetadata m, VideoState state,
                       String originalFilename, String originalFile, long originalSize, String probe, int duration,
                       long now) {
        long id = tx.insertInto(VIDEOS)
                .set(VIDEOS.UUID, uuid).set(VIDEOS.SHORT_UUID, shortUuid).set(VIDEOS.CHANNEL_ID, channelId)
                .set(VIDEOS.NAME, m.name()).set(VIDEOS.DESCRIPTION, m.description()).set(VIDEOS.SUPPORT, m.support())
                .set(VIDEOS.CATEGORY, m.category()).set(VIDEOS.LICENCE, m.licence()).set(VIDEOS.LANGUAGE, m.language())
                .set(VIDEOS.PRIVACY, m.privacy().id).set(VIDEOS.NSFW, m.nsfw()).set(VIDEOS.COMMENTS_POLICY, m.commentsPolicy())
                .set(VIDEOS.DOWNLOAD_ENABLED, m.downloadEnabled()).set(VIDEOS.WAIT_TRANSCODING, m.waitTranscoding())
                .set(VIDEOS.STATE, state.id).set(VIDEOS.DURATION, duration)
                .set(VIDEOS.ORIGINAL_FILENAME, originalFilename).set(VIDEOS.ORIGINAL_FILE, originalFile)
                .set(VIDEOS.ORIGINAL_SIZE, originalSize).set(VIDEOS.PROBE, probe)
                .set(VIDEOS.CREATED_AT, now).set(VIDEOS.UPDATED_AT, now).set(VIDEOS.PUBLISHED_AT, now)
                .set(VIDEOS.ORIGINALLY_PUBLISHED_AT, m.originallyPublishedAt())
                .returning(VIDEOS.ID).fetchOne(VIDEOS.ID);
        setTags(tx, id, m.tags());
        index(tx, id, m);
        return id;
    }

    public void update(DSLContext tx, long id, VideoMetadata m, long now) {
        tx.update(VIDEOS)
                .set(VIDEOS.NAME, m.name()).set(VIDEOS.DESCRIPTION, m.description()).set(VIDEOS.SUPPORT, m.support())
                .set(VIDEOS.CATEGORY, m.category()).set(VIDEOS.LICENCE, m.licence()).set(VIDEOS.LANGUAGE, m.language())
                .set(VIDEOS.PRIVACY, m.privacy().id).set(VIDEOS.NSFW, m.nsfw()).set(VIDEOS.COMMENTS_POLICY, m.commentsPolicy())
                .set(VIDEOS.DOWNLOAD_ENABLED, m.downloadEnabled()).set(VIDEOS.WAIT_TRANSCODING, m.waitTranscoding())
                .set(VIDEOS.ORIGINALLY_PUBLISHED_AT, m.originallyPublishedAt()).set(VIDEOS.UPDATED_AT, now)
                .where(VIDEOS.ID.eq(id)).execute();
        setTags(tx, id, m.tags());
        index(tx, id, m);
    }

    /** Marks a video published with its transcoded ladder. */
    public void publish(DSLContext tx, long id, Ladder ladder, int duration, boolean thumbnail, boolean preview,
                        long now) {
        tx.update(VIDEOS).set(VIDEOS.STATE, VideoState.PUBLISHED.id).set(VIDEOS.HLS, Ladder.toJson(ladder))
                .set(VIDEOS.DURATION, duration).set(VIDEOS.PUBLISHED_AT, now).set(VIDEOS.UPDATED_AT, now)
                .where(VIDEOS.ID.eq(id)).execute();
        // An image the uploader chose is kept; one made from a frame only fills a gap.
        if (thumbnail) tx.update(VIDEOS).set(VIDEOS.HAS_THUMBNAIL, true).where(VIDEOS.ID.eq(id)).execute();
        if (preview) tx.update(VIDEOS).set(VIDEOS.HAS_PREVIEW, true).where(VIDEOS.ID.eq(id)).execute();
    }

    /** Replaces a published ladder, only if it is still {@code expected}: true if it was. */
    public boolean replaceLadder(DSLContext tx, long id, Ladder expected, Ladder updated) {
        String stored = tx.select(VIDEOS.HLS).from(VIDEOS).where(VIDEOS.ID.eq(id)).fetchOne(VIDEOS.HLS);
        if (stored == null || !Ladder.fromJson(stored).equals(expected)) return false;
        return tx.update(VIDEOS).set(VIDEOS.HLS, Ladder.toJson(updated)).where(VIDEOS.ID.eq(id))
                .and(VIDEOS.HLS.eq(stored)).execute() == 1;
    }

    public void setState(DSLContext tx, long id, VideoState state, long now) {
        tx.update(VIDEOS).set(VIDEOS.STATE, state.id).set(VIDEOS.UPDATED_AT, now).where(VIDEOS.ID.eq(id)).execute();
    }

    public void setImages(DSLContext tx, long id, Boolean thumbnail, Boolean preview) {
        if (thumbnail != null) tx.update(VIDEOS).set(VIDEOS.HAS_THUMBNAIL, thumbnail).where(VIDEOS.ID.eq(id)).execute();
        if (preview != null) tx.update(VIDEOS).set(VIDEOS.HAS_PREVIEW, preview).where(VIDEOS.ID.eq(id)).execute();
    }

    public void dropOriginal(DSLContext tx, long id) {
        tx.update(VIDEOS).set(VIDEOS.ORIGINAL_FILE, (String) null).where(VIDEOS.ID.eq(id)).execute();
    }

    public void delete(DSLContext tx, long id) {
        tx.deleteFrom(VIDEOS).where(VIDEOS.ID.eq(id)).execute();
    }

    public void setCommentCount(DSLContext tx, long id, long comments) {
        tx.update(VIDEOS).set(VIDEOS.COMMENTS, comments).where(VIDEOS.ID.eq(id)).execute();
    }

    public void setRates(DSLContext tx, long id, long likes, long dislikes) {
        tx.update(VIDEOS).set(VIDEOS.LIKES, likes).set(VIDEOS.DISLIKES, dislikes).where(VIDEOS.ID.eq(id)).execute();
    }

    /** For videos that came from another server: their original publication time. */
    public void setPublishedAt(DSLContext tx, long id, long publishedAt) {
        tx.update(VIDEOS).set(VIDEOS.PUBLISHED_AT, publishedAt).where(VIDEOS.ID.eq(id)).execute();
    }

    public void addView(DSLContext tx, long id) {
        tx.update(VIDEOS).set(VIDEOS.VIEWS, VIDEOS.VIEWS.plus(1)).where(VIDEOS.ID.eq(id)).execute();
    }

    public Optional<Video> byId(DSLContext db, long id) {
        return joined(db).where(VIDEOS.ID.eq(id)).fetchOptional(VideoRepository::toVideo);
    }

    public Optional<Video> byUuid(DSLContext db, String uuid) {
        return joined(db).where(VIDEOS.UUID.eq(uuid)).fetchOptional(VideoRepository::toVideo);
    }

    public Optional<Video> byShortUuid(DSLContext db, String shortUuid) {
        return joined(db).where(VIDEOS.SHORT_UUID.eq(shortUuid)).fetchOptional(VideoRepository::toVideo);
    }

    /** Every video of this instance, whatever its state. */
    public List<Video> allLocal(DSLContext db) {
        return joined(db).where(CHANNELS.HOST.eq("")).orderBy(VIDEOS.ID).fetch(VideoRepository::toVideo);
    }

    public List<String> allUuids(DSLContext db) {
        return db.select(VIDEOS.UUID).from(VIDEOS).fetch(VIDEOS.UUID);
    }

    public int countLocalPublic(DSLContext db) {
        return db.fetchCount(VIDEOS.join(CHANNELS).on(CHANNELS.ID.eq(VIDEOS.CHANNEL_ID)),
                CHANNELS.HOST.eq("").and(VIDEOS.STATE.eq(VideoState.PUBLISHED.id)).and(VIDEOS.PRIVACY.eq(Privacy.PUBLIC.id)));
    }

    public List<String> allOriginalFiles(DSLContext db) {
        return db.select(VIDEOS.ORIGINAL_FILE).from(VIDEOS).where(VIDEOS.ORIGINAL_FILE.isNotNull()).fetch(VIDEOS.ORIGINAL_FILE);
    }

    public List<Video> list(DSLContext db, VideoQuery q) {
        var from = db.select(JOINED).from(from(q));
        List<SortField<?>> order = new ArrayList<>();
        if (q.search() != null && (q.sort() == null || q.sort().equals("-match") || q.sort().equals("match"))) {
            // bm25 weights: a word in the name counts most, then tags, then the description.
            order.add(field("bm25(video_search, 10.0, 1.0, 5.0)", Double.class).asc());
        } else {
            order.add(sortField(q.sort()));
        }
        order.add(VIDEOS.ID.desc());
        return from.where(conditions(q)).orderBy(order).limit(q.count()).offset(q.start()).fetch(VideoRepository::toVideo);
    }

    public int count(DSLContext db, VideoQuery q) {
        return db.select(org.jooq.impl.DSL.count()).from(from(q)).where(conditions(q)).fetchOne(0, Integer.class);
    }

    /** Videos with their channel and account, and the search index when words are asked for. */
    private static org.jooq.Table<?> from(VideoQuery q) {
        var t = VIDEOS.join(CHANNELS).on(CHANNELS.ID.eq(VIDEOS.CHANNEL_ID))
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(CHANNELS.ACCOUNT_ID));
        return q.search() == null ? t : t.join(VIDEO_SEARCH).on(SEARCH_ROWID.eq(VIDEOS.ID));
    }

    /** Bytes counted against a user's quota, all time or since a moment. */
    public long usedBytes(DSLContext db, long accountId, Long since) {
        Condition c = ACCOUNTS.ID.eq(accountId);
        if (since != null) c = c.and(VIDEOS.CREATED_AT.ge(since));
        Long v = db.select(sum(VIDEOS.ORIGINAL_SIZE).cast(Long.class)).from(VIDEOS)
                .join(CHANNELS).on(CHANNELS.ID.eq(VIDEOS.CHANNEL_ID))
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(CHANNELS.ACCOUNT_ID))
                .where(c).fetchOne(0, Long.class);
        return v == null ? 0 : v;
    }

    public Map<Long, List<String>> tags(DSLContext db, List<Long> videoIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (videoIds.isEmpty()) return out;
        db.select(VIDEO_TAGS.VIDEO_ID, VIDEO_TAGS.TAG).from(VIDEO_TAGS).where(VIDEO_TAGS.VIDEO_ID.in(videoIds)).orderBy(VIDEO_TAGS.TAG)
                .forEach(r -> out.computeIfAbsent(r.get(VIDEO_TAGS.VIDEO_ID), k -> new ArrayList<>()).add(r.get(VIDEO_TAGS.TAG)));
        return out;
    }

    private void setTags(DSLContext tx, long id, List<String> tags) {
        tx.deleteFrom(VIDEO_TAGS).where(VIDEO_TAGS.VIDEO_ID.eq(id)).execute();
        for (String t : new LinkedHashMap<String, Boolean>() {{
            tags.forEach(x -> put(x, true));
        }}.keySet()) {
            tx.insertInto(VIDEO_TAGS).set(VIDEO_TAGS.VIDEO_ID, id).set(VIDEO_TAGS.TAG, t).execute();
        }
    }

    private void index(DSLContext tx, long id, VideoMetadata m) {
        tx.deleteFrom(VIDEO_SEARCH).where(SEARCH_ROWID.eq(id)).execute();
        tx.insertInto(VIDEO_SEARCH).set(SEARCH_ROWID, id).set(VIDEO_SEARCH.NAME, m.name())
                .set(VIDEO_SEARCH.DESCRIPTION, m.description() == null ? "" : m.description())
                .set(VIDEO_SEARCH.TAGS, String.join(" ", m.tags()))
                .execute();
    }

    private SelectJoinStep<Record> joined(DSLContext db) {
        return db.select(JOINED).from(VIDEOS)
                .join(CHANNELS).on(CHANNELS.ID.eq(VIDEOS.CHANNEL_ID))
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(CHANNELS.ACCOUNT_ID));
    }

    private static Condition conditions(VideoQuery q) {
        Condition c = noCondition();
        if (!q.everything()) {
            Condition visible = q.privacies().isEmpty() ? falseCondition()
                    : VIDEOS.PRIVACY.in(q.privacies().stream().map(p -> p.id).toList()).and(VIDEOS.STATE.eq(VideoState.PUBLISHED.id))
                    .and(VIDEOS.BLACKLISTED_AT.isNull()).and(OWNER_BANNED.not());
            if (q.blockers() != null) visible = visible.and(q.blockers().notMuted(ACCOUNTS.ID));
            if (q.ownerAccount() != null) visible = visible.or(ACCOUNTS.ID.eq(q.ownerAccount()));
            c = c.and(visible);
        }
        if (q.categories() != null && !q.categories().isEmpty()) c = c.and(VIDEOS.CATEGORY.in(q.categories()));
        if (q.licences() != null && !q.licences().isEmpty()) c = c.and(VIDEOS.LICENCE.in(q.licences()));
        if (q.languages() != null && !q.languages().isEmpty()) c = c.and(VIDEOS.LANGUAGE.in(q.languages()));
        if (q.nsfw() != null) c = c.and(VIDEOS.NSFW.eq(q.nsfw()));
        if (q.isLocal() != null) c = c.and(q.isLocal() ? CHANNELS.HOST.eq("") : CHANNELS.HOST.ne(""));
        if (q.channelId() != null) c = c.and(VIDEOS.CHANNEL_ID.eq(q.channelId()));
        if (q.accountId() != null) c = c.and(ACCOUNTS.ID.eq(q.accountId()));
        if (q.tagsOneOf() != null && !q.tagsOneOf().isEmpty()) {
            c = c.and(VIDEOS.ID.in(select(VIDEO_TAGS.VIDEO_ID).from(VIDEO_TAGS).where(VIDEO_TAGS.TAG.in(q.tagsOneOf()))));
        }
        if (q.tagsAllOf() != null) {
            for (String t : q.tagsAllOf()) c = c.and(VIDEOS.ID.in(select(VIDEO_TAGS.VIDEO_ID).from(VIDEO_TAGS).where(VIDEO_TAGS.TAG.eq(t))));
        }
        if (q.search() != null) {
            c = c.and(org.jooq.impl.DSL.condition("video_search MATCH ?", q.search()));
        }
        return c;
    }

    private static SortField<?> sortField(String sort) {
        String s = sort == null || sort.isEmpty() ? "-publishedAt" : sort;
        boolean desc = s.startsWith("-");
        Field<?> f = switch (desc ? s.substring(1) : s) {
            case "publishedAt" -> VIDEOS.PUBLISHED_AT;
            case "createdAt" -> VIDEOS.CREATED_AT;
            case "originallyPublishedAt" -> VIDEOS.ORIGINALLY_PUBLISHED_AT;
            case "views" -> VIDEOS.VIEWS;
            case "likes" -> VIDEOS.LIKES;
            case "name" -> VIDEOS.NAME;
            case "duration" -> VIDEOS.DURATION;
            default -> throw org.peerlet.http.ApiError.badRequest("sort must be one of name, publishedAt, createdAt, "
                    + "originallyPublishedAt, views, likes, duration (with - for descending)");
        };
        return desc ? f.desc() : f.asc();
    }

    static Video toVideo(Record r) {
        return new Video(r.get(VIDEOS.ID), r.get(VIDEOS.UUID), r.get(VIDEOS.SHORT_UUID), ChannelRows.read(r),
                AccountDirectory.read(r), r.get(VIDEOS.NAME), r.get(VIDEOS.DESCRIPTION), r.get(VIDEOS.SUPPORT), r.get(VIDEOS.CATEGORY),
                r.get(VIDEOS.LICENCE), r.get(VIDEOS.LANGUAGE), Privacy.of(r.get(VIDEOS.PRIVACY)), r.get(VIDEOS.NSFW), r.get(VIDEOS.COMMENTS_POLICY),
                r.get(VIDEOS.DOWNLOAD_ENABLED), r.get(VIDEOS.WAIT_TRANSCODING), VideoState.of(r.get(VIDEOS.STATE)), r.get(VIDEOS.DURATION),
                r.get(VIDEOS.VIEWS), r.get(VIDEOS.LIKES), r.get(VIDEOS.DISLIKES), r.get(VIDEOS.COMMENTS), r.get(VIDEOS.ORIGINAL_FILENAME), r.get(VIDEOS.ORIGINAL_FILE),
                r.get(VIDEOS.ORIGINAL_SIZE), r.get(VIDEOS.PROBE), r.get(VIDEOS.HAS_THUMBNAIL), r.get(VIDEOS.HAS_PREVIEW), Ladder.fromJson(r.get(VIDEOS.HLS)),
                r.get(VIDEOS.CREATED_AT), r.get(VIDEOS.UPDATED_AT), r.get(VIDEOS.PUBLISHED_AT), r.get(VIDEOS.ORIGINALLY_PUBLISHED_AT),
                r.get(VIDEOS.BLACKLISTED_AT) == null ? null : new Video.Block(r.get(VIDEOS.BLACKLISTED_AT),
                        r.get(VIDEOS.BLACKLISTED_UPDATED_AT), r.get(VIDEOS.BLACKLISTED_REASON), r.get(VIDEOS.IS_UNFEDERATED),
                        r.get(VIDEOS.BLACKLIST_TYPE).intValue()),
                Boolean.TRUE.equals(r.get(OWNER_BANNED_FIELD)));
    }

    /** Blocks a video, changes its block's reason, or ({@code block} null) lifts it. */
    void setBlock(DSLContext tx, long id, Video.Block block) {
        tx.update(VIDEOS).set(VIDEOS.BLACKLISTED_AT, block == null ? null : block.createdAt())
                .set(VIDEOS.BLACKLISTED_UPDATED_AT, block == null ? null : block.updatedAt())
                .set(VIDEOS.BLACKLISTED_REASON, block == null ? null : block.reason())
                .set(VIDEOS.IS_UNFEDERATED, block != null && block.unfederated())
                .set(VIDEOS.BLACKLIST_TYPE, (long) (block == null ? Video.Block.MANUAL : block.type())).where(VIDEOS.ID.eq(id)).execute();
    }

    /** Blocked videos, of one {@link Video.Block} type or (null) of both. */
    List<Video> blocked(DSLContext db, Integer type, int start, int count) {
        return joined(db).where(blockedOfType(type)).orderBy(VIDEOS.BLACKLISTED_AT.desc(), VIDEOS.ID.desc())
                .limit(count).offset(start).fetch(VideoRepository::toVideo);
    }

    int countBlocked(DSLContext db, Integer type) {
        return db.fetchCount(VIDEOS, blockedOfType(type));
    }

    private static Condition blockedOfType(Integer type) {
        Condition c = VIDEOS.BLACKLISTED_AT.isNotNull();
        return type == null ? c : c.and(VIDEOS.BLACKLIST_TYPE.eq(type.longValue()));
    }
}

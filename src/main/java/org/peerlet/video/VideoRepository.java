package org.peerlet.video;

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

import org.peerlet.db.schema.Tables;
import org.peerlet.db.schema.tables.VideoSearch;
import org.peerlet.db.schema.tables.VideoTags;
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
import static org.jooq.impl.DSL.table;

/** The only place with SQL for videos, their tags and their search index. */
final class VideoRepository {
    public static final Videos VIDEOS = Tables.VIDEOS;
    public static final Field<Long> ID = Tables.VIDEOS.ID;
    static final Field<String> UUID = Tables.VIDEOS.UUID;
    static final Field<String> SHORT_UUID = Tables.VIDEOS.SHORT_UUID;
    public static final Field<Long> CHANNEL_ID = Tables.VIDEOS.CHANNEL_ID;
    static final Field<String> NAME = Tables.VIDEOS.NAME;
    static final Field<String> DESCRIPTION = Tables.VIDEOS.DESCRIPTION;
    static final Field<String> SUPPORT = Tables.VIDEOS.SUPPORT;
    static final Field<Integer> CATEGORY = Tables.VIDEOS.CATEGORY;
    static final Field<Integer> LICENCE = Tables.VIDEOS.LICENCE;
    static final Field<String> LANGUAGE = Tables.VIDEOS.LANGUAGE;
    static final Field<Integer> PRIVACY = Tables.VIDEOS.PRIVACY;
    static final Field<Boolean> NSFW = Tables.VIDEOS.NSFW;
    static final Field<Integer> COMMENTS_POLICY = Tables.VIDEOS.COMMENTS_POLICY;
    static final Field<Boolean> DOWNLOAD_ENABLED = Tables.VIDEOS.DOWNLOAD_ENABLED;
    static final Field<Boolean> WAIT_TRANSCODING = Tables.VIDEOS.WAIT_TRANSCODING;
    static final Field<Integer> STATE = Tables.VIDEOS.STATE;
    static final Field<Integer> DURATION = Tables.VIDEOS.DURATION;
    static final Field<Long> VIEWS = Tables.VIDEOS.VIEWS;
    static final Field<Long> LIKES = Tables.VIDEOS.LIKES;
    static final Field<Long> DISLIKES = Tables.VIDEOS.DISLIKES;
    static final Field<String> ORIGINAL_FILENAME = Tables.VIDEOS.ORIGINAL_FILENAME;
    static final Field<String> ORIGINAL_FILE = Tables.VIDEOS.ORIGINAL_FILE;
    static final Field<Long> ORIGINAL_SIZE = Tables.VIDEOS.ORIGINAL_SIZE;
    static final Field<String> PROBE = Tables.VIDEOS.PROBE;
    static final Field<Boolean> HAS_THUMBNAIL = Tables.VIDEOS.HAS_THUMBNAIL;
    static final Field<Boolean> HAS_PREVIEW = Tables.VIDEOS.HAS_PREVIEW;
    static final Field<String> HLS = Tables.VIDEOS.HLS;
    static final Field<Long> CREATED_AT = Tables.VIDEOS.CREATED_AT;
    static final Field<Long> UPDATED_AT = Tables.VIDEOS.UPDATED_AT;
    static final Field<Long> PUBLISHED_AT = Tables.VIDEOS.PUBLISHED_AT;
    static final Field<Long> ORIGINALLY_PUBLISHED_AT = Tables.VIDEOS.ORIGINALLY_PUBLISHED_AT;
    static final List<Field<?>> COLUMNS = List.of(ID, UUID, SHORT_UUID, CHANNEL_ID, NAME, DESCRIPTION, SUPPORT,
            CATEGORY, LICENCE, LANGUAGE, PRIVACY, NSFW, COMMENTS_POLICY, DOWNLOAD_ENABLED, WAIT_TRANSCODING, STATE,
            DURATION, VIEWS, LIKES, DISLIKES, ORIGINAL_FILENAME, ORIGINAL_FILE, ORIGINAL_SIZE, PROBE, HAS_THUMBNAIL,
            HAS_PREVIEW, HLS, CREATED_AT, UPDATED_AT, PUBLISHED_AT, ORIGINALLY_PUBLISHED_AT);

    static final VideoTags TAGS = Tables.VIDEO_TAGS;
    static final Field<Long> TAG_VIDEO = Tables.VIDEO_TAGS.VIDEO_ID;
    static final Field<String> TAG = Tables.VIDEO_TAGS.TAG;

    static final VideoSearch SEARCH = Tables.VIDEO_SEARCH;
    static final Field<Long> SEARCH_ROWID = field(name("video_search", "rowid"), Long.class);

    private static final List<Field<?>> JOINED;

    static {
        List<Field<?>> all = new ArrayList<>(COLUMNS);
        all.addAll(ChannelRows.COLUMNS);
        all.addAll(AccountDirectory.COLUMNS);
        JOINED = List.copyOf(all);
    }

    /** The metadata a person sets on a video. */
    public long insert(DSLContext tx, String uuid, String shortUuid, long channelId, VideoMetadata m, VideoState state,
                       String originalFilename, String originalFile, long originalSize, String probe, int duration,
                       long now) {
        long id = tx.insertInto(VIDEOS)
                .set(UUID, uuid).set(SHORT_UUID, shortUuid).set(CHANNEL_ID, channelId)
                .set(NAME, m.name()).set(DESCRIPTION, m.description()).set(SUPPORT, m.support())
                .set(CATEGORY, m.category()).set(LICENCE, m.licence()).set(LANGUAGE, m.language())
                .set(PRIVACY, m.privacy().id).set(NSFW, m.nsfw()).set(COMMENTS_POLICY, m.commentsPolicy())
                .set(DOWNLOAD_ENABLED, m.downloadEnabled()).set(WAIT_TRANSCODING, m.waitTranscoding())
                .set(STATE, state.id).set(DURATION, duration)
                .set(ORIGINAL_FILENAME, originalFilename).set(ORIGINAL_FILE, originalFile)
                .set(ORIGINAL_SIZE, originalSize).set(PROBE, probe)
                .set(CREATED_AT, now).set(UPDATED_AT, now).set(PUBLISHED_AT, now)
                .set(ORIGINALLY_PUBLISHED_AT, m.originallyPublishedAt())
                .returning(ID).fetchOne(ID);
        setTags(tx, id, m.tags());
        index(tx, id, m);
        return id;
    }

    public void update(DSLContext tx, long id, VideoMetadata m, long now) {
        tx.update(VIDEOS)
                .set(NAME, m.name()).set(DESCRIPTION, m.description()).set(SUPPORT, m.support())
                .set(CATEGORY, m.category()).set(LICENCE, m.licence()).set(LANGUAGE, m.language())
                .set(PRIVACY, m.privacy().id).set(NSFW, m.nsfw()).set(COMMENTS_POLICY, m.commentsPolicy())
                .set(DOWNLOAD_ENABLED, m.downloadEnabled()).set(WAIT_TRANSCODING, m.waitTranscoding())
                .set(ORIGINALLY_PUBLISHED_AT, m.originallyPublishedAt()).set(UPDATED_AT, now)
                .where(ID.eq(id)).execute();
        setTags(tx, id, m.tags());
        index(tx, id, m);
    }

    /** Marks a video published with its transcoded ladder. */
    public void publish(DSLContext tx, long id, Ladder ladder, int duration, boolean thumbnail, boolean preview,
                        long now) {
        tx.update(VIDEOS).set(STATE, VideoState.PUBLISHED.id).set(HLS, Ladder.toJson(ladder)).set(DURATION, duration)
                .set(PUBLISHED_AT, now).set(UPDATED_AT, now).where(ID.eq(id)).execute();
        // An image the uploader chose is kept; one made from a frame only fills a gap.
        if (thumbnail) tx.update(VIDEOS).set(HAS_THUMBNAIL, true).where(ID.eq(id)).execute();
        if (preview) tx.update(VIDEOS).set(HAS_PREVIEW, true).where(ID.eq(id)).execute();
    }

    /** Replaces a published ladder, only if it is still {@code expected}: true if it was. */
    public boolean replaceLadder(DSLContext tx, long id, Ladder expected, Ladder updated) {
        String stored = tx.select(HLS).from(VIDEOS).where(ID.eq(id)).fetchOne(HLS);
        if (stored == null || !Ladder.fromJson(stored).equals(expected)) return false;
        return tx.update(VIDEOS).set(HLS, Ladder.toJson(updated)).where(ID.eq(id)).and(HLS.eq(stored)).execute() == 1;
    }

    public void setState(DSLContext tx, long id, VideoState state, long now) {
        tx.update(VIDEOS).set(STATE, state.id).set(UPDATED_AT, now).where(ID.eq(id)).execute();
    }

    public void setImages(DSLContext tx, long id, Boolean thumbnail, Boolean preview) {
        if (thumbnail != null) tx.update(VIDEOS).set(HAS_THUMBNAIL, thumbnail).where(ID.eq(id)).execute();
        if (preview != null) tx.update(VIDEOS).set(HAS_PREVIEW, preview).where(ID.eq(id)).execute();
    }

    public void dropOriginal(DSLContext tx, long id) {
        tx.update(VIDEOS).set(ORIGINAL_FILE, (String) null).where(ID.eq(id)).execute();
    }

    public void delete(DSLContext tx, long id) {
        tx.deleteFrom(VIDEOS).where(ID.eq(id)).execute();
    }

    public void setRates(DSLContext tx, long id, long likes, long dislikes) {
        tx.update(VIDEOS).set(LIKES, likes).set(DISLIKES, dislikes).where(ID.eq(id)).execute();
    }

    /** For videos that came from another server: their original publication time. */
    public void setPublishedAt(DSLContext tx, long id, long publishedAt) {
        tx.update(VIDEOS).set(PUBLISHED_AT, publishedAt).where(ID.eq(id)).execute();
    }

    public void addView(DSLContext tx, long id) {
        tx.update(VIDEOS).set(VIEWS, VIEWS.plus(1)).where(ID.eq(id)).execute();
    }

    public Optional<Video> byId(DSLContext db, long id) {
        return joined(db).where(ID.eq(id)).fetchOptional(VideoRepository::toVideo);
    }

    public Optional<Video> byUuid(DSLContext db, String uuid) {
        return joined(db).where(UUID.eq(uuid)).fetchOptional(VideoRepository::toVideo);
    }

    public Optional<Video> byShortUuid(DSLContext db, String shortUuid) {
        return joined(db).where(SHORT_UUID.eq(shortUuid)).fetchOptional(VideoRepository::toVideo);
    }

    public List<String> allUuids(DSLContext db) {
        return db.select(UUID).from(VIDEOS).fetch(UUID);
    }

    public int countLocalPublic(DSLContext db) {
        return db.fetchCount(VIDEOS.join(CHANNELS).on(CHANNELS.ID.eq(CHANNEL_ID)),
                CHANNELS.HOST.eq("").and(STATE.eq(VideoState.PUBLISHED.id)).and(PRIVACY.eq(Privacy.PUBLIC.id)));
    }

    public List<String> allOriginalFiles(DSLContext db) {
        return db.select(ORIGINAL_FILE).from(VIDEOS).where(ORIGINAL_FILE.isNotNull()).fetch(ORIGINAL_FILE);
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
        order.add(ID.desc());
        return from.where(conditions(q)).orderBy(order).limit(q.count()).offset(q.start()).fetch(VideoRepository::toVideo);
    }

    public int count(DSLContext db, VideoQuery q) {
        return db.select(org.jooq.impl.DSL.count()).from(from(q)).where(conditions(q)).fetchOne(0, Integer.class);
    }

    /** Videos with their channel and account, and the search index when words are asked for. */
    private static org.jooq.Table<?> from(VideoQuery q) {
        var t = VIDEOS.join(CHANNELS).on(CHANNELS.ID.eq(CHANNEL_ID))
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(CHANNELS.ACCOUNT_ID));
        return q.search() == null ? t : t.join(SEARCH).on(SEARCH_ROWID.eq(ID));
    }

    /** Bytes counted against a user's quota, all time or since a moment. */
    public long usedBytes(DSLContext db, long accountId, Long since) {
        Condition c = ACCOUNTS.ID.eq(accountId);
        if (since != null) c = c.and(CREATED_AT.ge(since));
        Long v = db.select(sum(ORIGINAL_SIZE).cast(Long.class)).from(VIDEOS)
                .join(CHANNELS).on(CHANNELS.ID.eq(CHANNEL_ID))
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(CHANNELS.ACCOUNT_ID))
                .where(c).fetchOne(0, Long.class);
        return v == null ? 0 : v;
    }

    public Map<Long, List<String>> tags(DSLContext db, List<Long> videoIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (videoIds.isEmpty()) return out;
        db.select(TAG_VIDEO, TAG).from(TAGS).where(TAG_VIDEO.in(videoIds)).orderBy(TAG)
                .forEach(r -> out.computeIfAbsent(r.get(TAG_VIDEO), k -> new ArrayList<>()).add(r.get(TAG)));
        return out;
    }

    private void setTags(DSLContext tx, long id, List<String> tags) {
        tx.deleteFrom(TAGS).where(TAG_VIDEO.eq(id)).execute();
        for (String t : new LinkedHashMap<String, Boolean>() {{
            tags.forEach(x -> put(x, true));
        }}.keySet()) {
            tx.insertInto(TAGS).set(TAG_VIDEO, id).set(TAG, t).execute();
        }
    }

    private void index(DSLContext tx, long id, VideoMetadata m) {
        tx.deleteFrom(SEARCH).where(SEARCH_ROWID.eq(id)).execute();
        tx.insertInto(SEARCH).set(SEARCH_ROWID, id).set(SEARCH.NAME, m.name())
                .set(SEARCH.DESCRIPTION, m.description() == null ? "" : m.description())
                .set(SEARCH.TAGS, String.join(" ", m.tags()))
                .execute();
    }

    private SelectJoinStep<Record> joined(DSLContext db) {
        return db.select(JOINED).from(VIDEOS)
                .join(CHANNELS).on(CHANNELS.ID.eq(CHANNEL_ID))
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(CHANNELS.ACCOUNT_ID));
    }

    private static Condition conditions(VideoQuery q) {
        Condition c = noCondition();
        if (!q.everything()) {
            Condition visible = q.privacies().isEmpty() ? falseCondition()
                    : PRIVACY.in(q.privacies().stream().map(p -> p.id).toList()).and(STATE.eq(VideoState.PUBLISHED.id));
            if (q.ownerAccount() != null) visible = visible.or(ACCOUNTS.ID.eq(q.ownerAccount()));
            c = c.and(visible);
        }
        if (q.categories() != null && !q.categories().isEmpty()) c = c.and(CATEGORY.in(q.categories()));
        if (q.licences() != null && !q.licences().isEmpty()) c = c.and(LICENCE.in(q.licences()));
        if (q.languages() != null && !q.languages().isEmpty()) c = c.and(LANGUAGE.in(q.languages()));
        if (q.nsfw() != null) c = c.and(NSFW.eq(q.nsfw()));
        if (q.isLocal() != null) c = c.and(q.isLocal() ? CHANNELS.HOST.eq("") : CHANNELS.HOST.ne(""));
        if (q.channelId() != null) c = c.and(CHANNEL_ID.eq(q.channelId()));
        if (q.accountId() != null) c = c.and(ACCOUNTS.ID.eq(q.accountId()));
        if (q.tagsOneOf() != null && !q.tagsOneOf().isEmpty()) {
            c = c.and(ID.in(select(TAG_VIDEO).from(TAGS).where(TAG.in(q.tagsOneOf()))));
        }
        if (q.tagsAllOf() != null) {
            for (String t : q.tagsAllOf()) c = c.and(ID.in(select(TAG_VIDEO).from(TAGS).where(TAG.eq(t))));
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
            case "publishedAt" -> PUBLISHED_AT;
            case "createdAt" -> CREATED_AT;
            case "originallyPublishedAt" -> ORIGINALLY_PUBLISHED_AT;
            case "views" -> VIEWS;
            case "likes" -> LIKES;
            case "name" -> NAME;
            case "duration" -> DURATION;
            default -> throw org.peerlet.http.ApiError.badRequest("sort must be one of name, publishedAt, createdAt, "
                    + "originallyPublishedAt, views, likes, duration (with - for descending)");
        };
        return desc ? f.desc() : f.asc();
    }

    static Video toVideo(Record r) {
        return new Video(r.get(ID), r.get(UUID), r.get(SHORT_UUID), ChannelRows.read(r),
                AccountDirectory.read(r), r.get(NAME), r.get(DESCRIPTION), r.get(SUPPORT), r.get(CATEGORY),
                r.get(LICENCE), r.get(LANGUAGE), Privacy.of(r.get(PRIVACY)), r.get(NSFW), r.get(COMMENTS_POLICY),
                r.get(DOWNLOAD_ENABLED), r.get(WAIT_TRANSCODING), VideoState.of(r.get(STATE)), r.get(DURATION),
                r.get(VIEWS), r.get(LIKES), r.get(DISLIKES), r.get(ORIGINAL_FILENAME), r.get(ORIGINAL_FILE),
                r.get(ORIGINAL_SIZE), r.get(PROBE), r.get(HAS_THUMBNAIL), r.get(HAS_PREVIEW), Ladder.fromJson(r.get(HLS)),
                r.get(CREATED_AT), r.get(UPDATED_AT), r.get(PUBLISHED_AT), r.get(ORIGINALLY_PUBLISHED_AT));
    }
}

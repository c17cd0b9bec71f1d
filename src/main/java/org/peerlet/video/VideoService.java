package org.peerlet.video;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.peerlet.account.User;
import org.peerlet.common.Events;
import org.peerlet.common.Secrets;
import org.peerlet.common.Times;
import org.jooq.DSLContext;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.media.MediaLayout;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Finding, changing, removing and counting views of videos; access decided by {@link VideoAccess}. */
public final class VideoService {
    private final Database db;
    private final VideoRepository videos;
    private final MediaLayout media;
    private final Clock clock;
    private final Events events;
    /**
     * Recent viewers, so a reload does not count twice: only a salted hash of address and video
     * is kept, for an hour; the salt changes at every start, so no one can reverse the hashes.
     */
    private final Cache<String, Boolean> recentViews;
    private final String viewSalt = Secrets.token(16);
    private final Cache<VideoQuery, Integer> counts;
    private final VideoAccess access;

    public VideoService(Database db, MediaLayout media, VideoAccess access, Events events, Clock clock) {
        this.db = db;
        this.events = events;
        this.access = access;
        this.videos = new VideoRepository();
        this.media = media;
        this.clock = clock;
        this.counts = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(1_000)
                .ticker(Times.ticker(clock)).build();
        this.recentViews = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(200_000)
                .ticker(Times.ticker(clock)).build();
    }

    // ---- writing: the videos table is written here and nowhere else

    /** What the intake knows of an accepted file (the video's original). */
    public record Original(String filename, String file, long size, String probeJson, int durationSeconds) {
    }

    /** PeerTube's words for a new user's upload held until a moderator approves it. */
    public static final String AUTO_BLOCK_REASON = "Auto-blacklisted. Moderator review required.";

    /**
     * A local video waiting for transcoding ({@code held}: blocked until a moderator approves it), in the caller's transaction (the intake queues its
     * job in the same one); {@link VideoEvents.Created} follows the commit.
     */
    public long create(DSLContext tx, java.util.UUID uuid, long channelId, VideoMetadata m, Original o, boolean held) {
        long now = clock.millis();
        long id = videos.insert(tx, uuid.toString(), ShortUuid.of(uuid), channelId, m, VideoState.TO_TRANSCODE,
                o.filename(), o.file(), o.size(), o.probeJson(), o.durationSeconds(), now);
        if (held) videos.setBlock(tx, id, new Video.Block(now, now, AUTO_BLOCK_REASON, false, Video.Block.AUTOMATIC));
        counts.invalidateAll();
        events.publish(new VideoEvents.Created(id));
        return id;
    }

    /**
     * A transcoded ladder is in place: the video can be watched. Empty if the video was deleted
     * meanwhile; otherwise {@link VideoEvents.Published} follows the commit.
     */
    public Optional<Video> publish(DSLContext tx, long id, Ladder ladder, int duration, boolean thumbnail,
                                   boolean preview, boolean dropOriginal) {
        Optional<Video> before = videos.byId(tx, id);
        if (before.isEmpty()) return Optional.empty();
        videos.publish(tx, id, ladder, duration, thumbnail, preview, clock.millis());
        if (dropOriginal) videos.dropOriginal(tx, id);
        Video v = videos.byId(tx, id).orElseThrow();
        counts.invalidateAll();
        // A ladder made again (an admin's re-run) changes a published video: no second "published" to subscribers.
        events.publish(before.get().state() == VideoState.PUBLISHED ? new VideoEvents.Changed(v) : new VideoEvents.Published(v));
        return Optional.of(v);
    }

    /**
     * Transcoding failed for good: the video says so, unless an earlier ladder is still published;
     * then {@link VideoEvents.Failed} follows the commit.
     */
    public void fail(DSLContext tx, long id) {
        if (videos.byId(tx, id).map(x -> x.state() != VideoState.PUBLISHED).orElse(false)) {
            videos.setState(tx, id, VideoState.TRANSCODING_FAILED, clock.millis());
            events.publish(new VideoEvents.Failed(videos.byId(tx, id).orElseThrow()));
        }
    }

    /** Marks the uploader's own images as there (null leaves one as it is), in the caller's transaction. */
    public void setImages(DSLContext tx, long id, Boolean thumbnail, Boolean preview) {
        videos.setImages(tx, id, thumbnail, preview);
    }

    /** The like and dislike counts, as the social feature counted them in the caller's transaction. */
    /** The social feature keeps the count of a video's visible comments here, in its own transaction. */
    public void setCommentCount(DSLContext tx, long id, long comments) {
        videos.setCommentCount(tx, id, comments);
    }

    public void setRates(DSLContext tx, long id, long likes, long dislikes) {
        videos.setRates(tx, id, likes, dislikes);
    }

    /** A video another server published, as it sent it: made or updated in the caller's transaction. */
    public long storeRemote(DSLContext tx, Optional<Long> known, java.util.UUID uuid, long channelId, VideoMetadata m,
                            Ladder ladder, int duration, Long publishedAt) {
        long now = clock.millis();
        long id;
        if (known.isPresent()) {
            id = known.get();
            Video existing = videos.byId(tx, id).orElseThrow();
            if (existing.channel().id() != channelId) throw new IllegalArgumentException("a video cannot move channel");
            videos.update(tx, id, m, now);
        } else {
            if (videos.byUuid(tx, uuid.toString()).isPresent()) throw new IllegalArgumentException("this uuid is already taken");
            id = videos.insert(tx, uuid.toString(), ShortUuid.of(uuid), channelId, m, VideoState.PUBLISHED, null, null, 0,
                    null, duration, now);
        }
        videos.publish(tx, id, ladder, duration, false, false, now);
        if (publishedAt != null) videos.setPublishedAt(tx, id, publishedAt);
        counts.invalidateAll();
        if (known.isEmpty()) events.publish(new VideoEvents.Received(videos.byId(tx, id).orElseThrow()));
        return id;
    }

    /** A video by id, read in the caller's transaction (or outside one with {@code db.dsl()}). */
    public Optional<Video> byId(DSLContext db, long id) {
        return videos.byId(db, id);
    }

    /** Bytes of originals an account uploaded (since a time, or ever): for quotas. */
    public long usedBytes(long accountId, Long since) {
        return videos.usedBytes(db.dsl(), accountId, since);
    }

    /** Removes files no video row owns (left by a crash between the database and the disk). */
    public void cleanUpFiles() {
        new org.peerlet.media.MediaCleanup(media).run(java.util.Set.copyOf(videos.allUuids(db.dsl())),
                java.util.Set.copyOf(videos.allOriginalFiles(db.dsl())));
    }

    /** Local public published videos, for the instance's usage figures. */
    public int countLocalPublic() {
        return videos.countLocalPublic(db.dsl());
    }

    /** Every published video, for listeners that rebuild their state at start. */
    public List<Video> allPublished() {
        return videos.list(db.dsl(), new VideoQuery(0, Integer.MAX_VALUE, "createdAt", null, null, null, null, null,
                null, null, java.util.EnumSet.allOf(Privacy.class), null, false, null, null, null));
    }

    /** Finds a video by numeric id, UUID or short UUID. */
    public Optional<Video> find(String idOrUuid) {
        if (idOrUuid.matches("\\d{1,18}")) return videos.byId(db.dsl(), Long.parseLong(idOrUuid));
        if (idOrUuid.length() == 36) return videos.byUuid(db.dsl(), idOrUuid.toLowerCase());
        if (ShortUuid.looksLikeOne(idOrUuid)) return videos.byShortUuid(db.dsl(), idOrUuid);
        return Optional.empty();
    }

    public VideoAccess access() {
        return access;
    }

    /** An id, UUID or short UUID from an API path: PeerTube's 400 for one that is none of those. */
    private Video findForApi(String idOrUuid) {
        if (!ShortUuid.isIdOrUuid(idOrUuid)) throw ApiError.invalidParam("id", idOrUuid);
        return find(idOrUuid).orElseThrow(() -> ApiError.notFound("Video not found"));
    }

    /** A video this viewer may watch; 404 if it does not exist, 401/403 if they may not. */
    public Video viewable(String idOrUuid, Optional<User> viewer) {
        return viewable(idOrUuid, Viewer.of(viewer));
    }

    /** A video this viewer may watch, decided by {@link VideoAccess#check}; 404, 401 or 403 otherwise. */
    public Video viewable(String idOrUuid, Viewer viewer) {
        Video v = findForApi(idOrUuid);
        Optional<VideoAccess.Refusal> no = access.check(v, viewer, idOrUuid);
        if (no.isPresent()) throw VideoAccess.error(no.get());
        return v;
    }

    /** Forgets cached list totals, so a video made private stops counting at once. */
    public void forgetCounts() {
        counts.invalidateAll();
    }

    /** A video this user may change; 404, or 403 if it is not theirs. */
    public Video manageable(String idOrUuid, User user) {
        Video v = findForApi(idOrUuid);
        if (!VideoAccess.canManage(v, user)) {
            if (!access.canView(v, Viewer.of(Optional.of(user)))) throw ApiError.notFound("Video not found");
            throw ApiError.forbidden("this video is not yours");
        }
        return v;
    }

    public List<String> tags(Video v) {
        return videos.tags(db.dsl(), List.of(v.id())).getOrDefault(v.id(), List.of());
    }

    public Video update(Video v, VideoMetadata m) {
        Video updated = db.write(tx -> {
            videos.update(tx, v.id(), m, clock.millis());
            return videos.byId(tx, v.id()).orElseThrow();
        });
        counts.invalidateAll();
        events.publish(new VideoEvents.Changed(updated));
        return updated;
    }

    /**
     * Puts an uploaded thumbnail or preview in place of the video's own (PeerTube's
     * {@code thumbnailfile} and {@code previewfile} on update): checked and scaled first, then
     * swapped in with a rename, so a refused image changes nothing.
     */
    public void replaceImage(Video v, boolean thumbnail, java.io.InputStream in, long size) {
        java.nio.file.Path target = thumbnail ? media.thumbnail(v.uuid()) : media.preview(v.uuid());
        org.peerlet.media.Images.storeScaled(in, size, target,
                thumbnail ? org.peerlet.media.Images.THUMBNAIL_WIDTH : org.peerlet.media.Images.PREVIEW_WIDTH,
                thumbnail ? org.peerlet.media.Images.THUMBNAIL_HEIGHT : org.peerlet.media.Images.PREVIEW_HEIGHT,
                thumbnail ? "thumbnailfile" : "previewfile");
        db.writeVoid(tx -> videos.setImages(tx, v.id(), thumbnail ? true : null, thumbnail ? null : true));
    }

    /** Deletes every video of an account, each as {@link #delete} does, before the account goes. */
    public void deleteAllOfAccount(long accountId) {
        List<Video> all = videos.list(db.dsl(), new VideoQuery(0, Integer.MAX_VALUE, "createdAt", null, null, null,
                null, null, null, null, java.util.Set.of(), null, true, null, accountId, null));
        all.forEach(this::delete);
    }

    /** Removes the rows first (all or nothing), then the files; start-up cleans files left by a crash. */
    /**
     * A moderator hides the video, changes why, or ({@code reason} ignored, {@code block} false)
     * lifts the block. Told as a change: tokens, swarms and federation follow it (an unfederated
     * block is a Delete to followers).
     */
    public Video setBlock(Video v, boolean block, String reason, boolean unfederate) {
        if (reason != null) org.peerlet.http.TextFields.lines("reason", reason, 300);
        long now = clock.millis();
        Video.Block b = !block ? null : v.isBlocked()
                ? new Video.Block(v.block().createdAt(), now, reason == null ? v.block().reason() : reason, v.block().unfederated(),
                v.block().type())
                : new Video.Block(now, now, reason, unfederate && v.isLocal(), Video.Block.MANUAL);
        Video changed = db.write(tx -> {
            videos.setBlock(tx, v.id(), b);
            return videos.byId(tx, v.id()).orElseThrow();
        });
        counts.invalidateAll();
        events.publish(new VideoEvents.Changed(changed));
        return changed;
    }

    /** Blocked videos, latest block first, for the moderators. */
    public List<Video> blocked(Integer type, int start, int count) {
        return videos.blocked(db.dsl(), type, start, count);
    }

    public int countBlocked(Integer type) {
        return videos.countBlocked(db.dsl(), type);
    }

    public void delete(Video v) {
        events.publish(new VideoEvents.Deleting(v));
        db.writeVoid(tx -> videos.delete(tx, v.id()));
        media.deleteVideoFiles(v.uuid(), v.originalFile());
        counts.invalidateAll();
        events.publish(new VideoEvents.Deleted(v));
    }

    public List<Video> list(VideoQuery q) {
        return videos.list(db.dsl(), q);
    }

    /**
     * The total a list shows under its page. Counting walks every visible row, so the answer is
     * kept for a few seconds per query shape (paging aside): a new video shows in the total at
     * most that late, and the list itself is always current.
     */
    public int count(VideoQuery q) {
        VideoQuery shape = new VideoQuery(0, 0, null, q.categories(), q.licences(), q.languages(), q.tagsOneOf(),
                q.tagsAllOf(), q.nsfw(), q.isLocal(), q.privacies(), q.ownerAccount(), q.everything(), q.channelId(),
                q.accountId(), q.search(), q.blockers());
        return counts.get(shape, k -> videos.count(db.dsl(), k));
    }

    public java.util.Map<Long, List<String>> tags(List<Video> vs) {
        return videos.tags(db.dsl(), vs.stream().map(Video::id).toList());
    }

    /** Counts a view unless the same address viewed this video within the hour. */
    public boolean addView(Video v, String ip) {
        String key = Secrets.sha256Hex(viewSalt + "|" + ip + "|" + v.id());
        if (recentViews.asMap().putIfAbsent(key, Boolean.TRUE) != null) return false;
        db.writeVoid(tx -> videos.addView(tx, v.id()));
        return true;
    }

    /** A logged-in viewer is at {@code seconds} in the video: those who keep histories hear it. */
    public void watched(Video v, User user, int seconds) {
        if (seconds < 0) throw ApiError.badField("currentTime", "currentTime must be 0 or more");
        if (v.duration() > 0 && seconds > v.duration()) {
            throw ApiError.badField("currentTime", "Current time is greater than the video's duration");
        }
        events.publish(new VideoEvents.Watched(v, user, seconds));
    }

    /** Every video of this instance, whatever its state: for storage figures and maintenance. */
    public List<Video> allLocal() {
        return videos.allLocal(db.dsl());
    }

    /**
     * Drops a video's original to save space: the row forgets it first, then the file goes, so
     * nothing ever points at a missing file. 409 while a transcode still needs it.
     */
    public void removeOriginal(Video v, boolean transcodeWaiting) {
        if (v.originalFile() == null) throw ApiError.notFound("this video has no original file");
        if (transcodeWaiting || v.state() != VideoState.PUBLISHED) {
            throw ApiError.conflict("the video is still being transcoded from its original");
        }
        db.writeVoid(tx -> videos.dropOriginal(tx, v.id()));
        try {
            java.nio.file.Files.deleteIfExists(media.resolve(v.originalFile()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Swaps a published video's ladder (a rung removed) unless it changed meanwhile; those who serve or federate it hear. */
    public boolean changeLadder(Video v, Ladder updated) {
        boolean swapped = db.write(tx -> {
            if (!videos.replaceLadder(tx, v.id(), v.ladder(), updated)) return false;
            events.publish(new VideoEvents.Changed(videos.byId(tx, v.id()).orElseThrow()));
            return true;
        });
        if (swapped) counts.invalidateAll();
        return swapped;
    }

    /** Swaps a video's ladder, unless it changed meanwhile (a publish won): true if swapped. */
    public boolean replaceLadder(long id, Ladder expected, Ladder updated) {
        return db.write(tx -> videos.replaceLadder(tx, id, expected, updated));
    }

}

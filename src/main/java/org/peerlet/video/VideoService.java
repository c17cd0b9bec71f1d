package org.peerlet.video;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.peerlet.account.User;
import org.peerlet.common.Secrets;
import org.peerlet.common.Times;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.media.MediaLayout;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/** Finding, changing, removing and counting views of videos; access decided by {@link VideoAccess}. */
public final class VideoService {
    private final Database db;
    private final VideoRepository videos;
    private final MediaLayout media;
    private final Clock clock;
    private final List<LongConsumer> deleteListeners = new ArrayList<>();
    private final List<java.util.function.BiConsumer<Video, Boolean>> changeListeners = new ArrayList<>();
    /**
     * Recent viewers, so a reload does not count twice: only a salted hash of address and video
     * is kept, for an hour; the salt changes at every start, so no one can reverse the hashes.
     */
    private final Cache<String, Boolean> recentViews;
    private final String viewSalt = Secrets.token(16);
    private final Cache<VideoQuery, Integer> counts;
    private final VideoAccess access;

    public VideoService(Database db, VideoRepository videos, MediaLayout media, VideoAccess access, Clock clock) {
        this.db = db;
        this.access = access;
        this.videos = videos;
        this.media = media;
        this.clock = clock;
        this.counts = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(1_000)
                .ticker(Times.ticker(clock)).build();
        this.recentViews = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(200_000)
                .ticker(Times.ticker(clock)).build();
    }

    /** Called with a video's id just before it is deleted (to cancel its job, close its swarm). */
    public void onDelete(LongConsumer listener) {
        deleteListeners.add(listener);
    }

    /** Called after a video changed (false) or was deleted (true), with its last state. */
    public void onChange(java.util.function.BiConsumer<Video, Boolean> listener) {
        changeListeners.add(listener);
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

    /** A video this viewer may watch; 404 if it does not exist, 401/403 if they may not. */
    public Video viewable(String idOrUuid, Optional<User> viewer) {
        return viewable(idOrUuid, Viewer.of(viewer));
    }

    /** A video this viewer may watch, decided by {@link VideoAccess#check}; 404, 401 or 403 otherwise. */
    public Video viewable(String idOrUuid, Viewer viewer) {
        Video v = find(idOrUuid).orElseThrow(() -> ApiError.notFound("Video not found"));
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
        Video v = find(idOrUuid).orElseThrow(() -> ApiError.notFound("Video not found"));
        if (!VideoAccess.canManage(v, user)) {
            if (!access.canView(v, Viewer.of(Optional.of(user)))) throw ApiError.notFound("Video not found");
            throw ApiError.forbidden("this video is not yours");
        }
        return v;
    }

    public List<String> tags(Video v) {
        return videos.tags(db.dsl(), List.of(v.id())).getOrDefault(v.id(), List.of());
    }

    public Video update(Video v, VideoRepository.Metadata m) {
        Video updated = db.write(tx -> {
            videos.update(tx, v.id(), m, clock.millis());
            return videos.byId(tx, v.id()).orElseThrow();
        });
        counts.invalidateAll();
        changeListeners.forEach(l -> l.accept(updated, false));
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
    public void delete(Video v) {
        deleteListeners.forEach(l -> l.accept(v.id()));
        db.writeVoid(tx -> videos.delete(tx, v.id()));
        media.deleteVideoFiles(v.uuid(), v.originalFile());
        counts.invalidateAll();
        changeListeners.forEach(l -> l.accept(v, true));
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
                q.accountId(), q.search());
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

    /** Swaps a video's ladder JSON, unless it changed meanwhile (a publish won): true if swapped. */
    public boolean replaceLadder(long id, String expected, String hlsJson) {
        return db.write(tx -> videos.replaceLadder(tx, id, expected, hlsJson));
    }

}

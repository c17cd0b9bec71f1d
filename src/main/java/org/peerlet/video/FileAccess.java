package org.peerlet.video;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import org.peerlet.account.Auth;
import org.peerlet.account.Role;
import org.peerlet.account.User;
import org.peerlet.http.ApiError;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who may have a video's files (playlists, segments, images, downloads, torrents): the video's
 * own rule from {@link VideoAccess}, with the request's {@code videoFileToken} (a player or a
 * BitTorrent client cannot send headers for every request).
 *
 * <p>A player asks for a segment every few seconds, each time with the same credentials, so a
 * "yes" is kept for {@link #KEPT} per video and user. Every fact that can turn a yes into
 * a no ({@link #forget}: the video changed or went, a grant revoked, shares changed, a user's
 * sessions ended) drops them all at once; a decision read from the database before such a fact
 * and stored after it is never used (the generation it was made in is over). Refusals are not
 * kept, nor decisions made with a password, share link, file token or remote account (each has its
 * own counting, expiry or session to check on every request).
 */
public final class FileAccess {
    static final Duration KEPT = Duration.ofSeconds(5);

    private record Key(String uuid, long userId, Role role) {
    }

    private record Yes(Video video, long generation, long untilMillis) {
    }

    private final VideoService videos;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, Yes> allowed = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(KEPT).build();

    public FileAccess(VideoService videos, Clock clock) {
        this.videos = videos;
        this.clock = clock;
    }

    /** The video, if this request may have its files; else a refusal that says nothing of it. */
    public Video allowed(Context ctx, String uuid) {
        Viewer viewer = Viewer.of(ctx).withFileToken(ctx.queryParam(Viewer.FILE_TOKEN_PARAM));
        Key key = keyOf(uuid, viewer);
        long now = clock.millis();
        if (key != null) {
            Yes yes = allowed.getIfPresent(key);
            if (yes != null && yes.generation() == generation.get() && now < yes.untilMillis()) return yes.video();
        }
        long madeIn = generation.get();
        Video v = decide(uuid, viewer);
        if (key != null) allowed.put(key, new Yes(v, madeIn, now + KEPT.toMillis()));
        return v;
    }

    /** Something changed who may see a video: no decision made so far is used again. */
    public void forget() {
        generation.incrementAndGet();
        allowed.invalidateAll();
    }

    private Video decide(String uuid, Viewer viewer) {
        Video v = videos.find(uuid).orElseThrow(() -> ApiError.notFound("file not found"));
        Optional<VideoAccess.Refusal> no = videos.access().check(v, viewer);
        if (no.isPresent()) {
            if (no.get() == VideoAccess.Refusal.TOKEN_INVALID) throw VideoAccess.error(no.get());
            throw ApiError.notFound("file not found");
        }
        return v;
    }

    /**
     * Null when the decision must be made afresh each time. A file token too: its holder's
     * sessions can end in another process (the admin tool resetting a password), which sends this
     * one no event, so the token's session is read again on every request.
     */
    private static Key keyOf(String uuid, Viewer w) {
        if (w.password() != null || w.shareLink() != null || w.remoteAccountId() != null || w.fileToken() != null) return null;
        Optional<User> u = w.user();
        return new Key(uuid, u.map(User::id).orElse(0L), u.map(User::role).orElse(null));
    }

    /** A copy to keep (download, torrent): refused when the owner turned downloads off, except to them and moderators. */
    public static void checkDownload(Context ctx, Video v) {
        if (!v.downloadEnabled() && !Auth.user(ctx).map(u -> VideoAccess.canManage(v, u)).orElse(false)) {
            throw ApiError.forbidden("Video download is disabled");
        }
    }
}

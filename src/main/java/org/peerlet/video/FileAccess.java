package org.peerlet.video;

import io.javalin.http.Context;
import org.peerlet.http.ApiError;
import org.peerlet.account.Auth;

import java.util.Optional;

/**
 * Who may have a video's files (playlists, segments, images, downloads, torrents): the video's
 * own rule from {@link VideoAccess}, with the request's {@code videoFileToken} (a player or a
 * BitTorrent client cannot send headers for every request).
 */
public final class FileAccess {
    private final VideoService videos;

    public FileAccess(VideoService videos) {
        this.videos = videos;
    }

    /** The video, if this request may have its files; else a refusal that says nothing of it. */
    public Video allowed(Context ctx, String uuid) {
        Video v = videos.find(uuid).orElseThrow(() -> ApiError.notFound("file not found"));
        Viewer viewer = Viewer.of(ctx).withFileToken(ctx.queryParam(Viewer.FILE_TOKEN_PARAM));
        Optional<VideoAccess.Refusal> no = videos.access().check(v, viewer);
        if (no.isPresent()) {
            if (no.get() == VideoAccess.Refusal.TOKEN_INVALID) throw VideoAccess.error(no.get());
            throw ApiError.notFound("file not found");
        }
        return v;
    }

    /** A copy to keep (download, torrent): refused when the owner turned downloads off, except to them and moderators. */
    public static void checkDownload(Context ctx, Video v) {
        if (!v.downloadEnabled() && !Auth.user(ctx).map(u -> VideoAccess.canManage(v, u)).orElse(false)) {
            throw ApiError.forbidden("Video download is disabled");
        }
    }
}

package org.peerlet.torrent;

import org.peerlet.media.TorrentFiles;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.video.FileAccess;
import org.peerlet.media.MediaLayout;
import org.peerlet.video.Video;
import org.peerlet.video.VideoAccess;
import org.peerlet.video.Viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Each rung's .torrent, under PeerTube's two addresses for it. Refused as the rung's download is
 * (same access rule, same "downloads off"). Its web seed is the download URL; for a video that is
 * not open to anyone that URL and the tracker's carry a file token minted for this caller, so the
 * stored torrent holds no credential and its info-hash is the same for everyone.
 */
public final class TorrentRoutes implements RouteGroup {
    private final MediaLayout media;
    private final FileAccess access;
    private final Urls urls;
    private final BiFunction<Long, Context, String> mintFileToken;

    public TorrentRoutes(MediaLayout media, FileAccess access, Urls urls, BiFunction<Long, Context, String> mintFileToken) {
        this.media = media;
        this.access = access;
        this.urls = urls;
        this.mintFileToken = mintFileToken;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get(Urls.TORRENT_PATH + "{file}", ctx -> serve(ctx, false), Access.ANYONE);
        r.get(Urls.TORRENT_DOWNLOAD_PATH + "{file}", ctx -> serve(ctx, true), Access.ANYONE);
    }

    private void serve(Context ctx, boolean attachment) {
        TorrentFiles.Named n = TorrentFiles.parse(ctx.pathParam("file")).orElseThrow(() -> ApiError.notFound("file not found"));
        Video v = access.allowed(ctx, n.uuid());
        FileAccess.checkDownload(ctx, v);
        Path info = media.hlsDir(v.uuid()).resolve(TorrentFiles.infoFile(n.resolution()));
        if (!v.isLocal() || !Files.isRegularFile(info)) throw ApiError.notFound("file not found");
        boolean open = VideoAccess.isOpen(v);
        String webSeed = urls.download(v.uuid(), n.resolution());
        String tracker = urls.tracker();
        if (!open) {
            // The token opens the web seed, and the video's restricted swarm to WebTorrent clients.
            String token = URLEncoder.encode(mintFileToken.apply(v.id(), ctx), StandardCharsets.UTF_8);
            webSeed += "?" + Viewer.FILE_TOKEN_PARAM + "=" + token;
            tracker += "?token=" + token;
        }
        byte[] torrent;
        try {
            torrent = TorrentFiles.torrent(Files.readAllBytes(info), tracker, webSeed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Access-Control-Allow-Origin", "*");
        // A restricted video's torrent holds a token: no cache may keep it.
        ctx.header("Cache-Control", open ? "public, max-age=3600" : "private, no-store");
        if (attachment) ctx.header("Content-Disposition", "attachment; filename=\"" + Urls.torrentName(v.uuid(), n.resolution()) + "\"");
        ctx.res().setCharacterEncoding(null);
        ctx.contentType("application/x-bittorrent").result(torrent);
    }
}

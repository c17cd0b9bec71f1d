package org.peerlet.playlist;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.Auth;
import org.peerlet.account.User;
import org.peerlet.channel.Channel;
import org.peerlet.channel.ChannelService;
import org.peerlet.common.Handle;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.privacy.PrivacyService;
import org.peerlet.privacy.Shareable;
import org.peerlet.privacy.SharesApi;
import org.peerlet.video.Privacy;
import org.peerlet.video.Subject;
import org.peerlet.video.Viewer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PeerTube's playlists API ({@code /api/v1/video-playlists}, their videos, the lists by account
 * and channel, {@code videos-exist}), Peerlet's sharing of a private playlist ({@link SharesApi}
 * under the playlist's address) and the list of playlists shared with me.
 */
public final class PlaylistRoutes implements RouteGroup {
    private static final String ONE = "/api/v1/video-playlists/{id}";

    private final PlaylistService playlists;
    private final PlaylistElements elements;
    private final PlaylistJson json;
    private final PrivacyService privacy;
    private final ChannelService channels;
    private final AccountDirectory accounts;
    private final Urls urls;

    public PlaylistRoutes(PlaylistService playlists, PlaylistElements elements, PlaylistJson json, PrivacyService privacy,
                          ChannelService channels, AccountDirectory accounts, Urls urls) {
        this.playlists = playlists;
        this.elements = elements;
        this.json = json;
        this.privacy = privacy;
        this.channels = channels;
        this.accounts = accounts;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/video-playlists/privacies", ctx -> ctx.json(Map.of(1, "Public", 2, "Unlisted", 3, "Private")), Access.ANYONE);
        r.get("/api/v1/video-playlists", this::list, Access.ANYONE);
        r.post("/api/v1/video-playlists", this::create, Access.USER);
        r.get(ONE, ctx -> ctx.json(json.playlist(playlists.viewable(ctx.pathParam("id"), Viewer.of(ctx)))), Access.ANYONE);
        r.put(ONE, this::update, Access.USER);
        r.delete(ONE, ctx -> {
            playlists.delete(managed(ctx));
            ctx.status(204);
        }, Access.USER);
        r.get(ONE + "/videos", this::videos, Access.ANYONE);
        r.post(ONE + "/videos", this::add, Access.USER);
        r.post(ONE + "/videos/reorder", this::reorder, Access.USER);
        r.put(ONE + "/videos/reorder", this::reorder, Access.USER);
        r.put(ONE + "/videos/{elementId}", this::setTimes, Access.USER);
        r.delete(ONE + "/videos/{elementId}", ctx -> {
            elements.remove(managed(ctx), elementId(ctx));
            ctx.status(204);
        }, Access.USER);
        new SharesApi(privacy, urls).addTo(r, ONE, ctx -> shareable(managed(ctx)));
        r.get("/api/v1/users/me/video-playlists/videos-exist", this::videosExist, Access.USER);
        r.get("/api/v1/users/me/shared-video-playlists", this::sharedWithMe, Access.USER);
        r.get("/api/v1/accounts/{name}/video-playlists", this::ofAccount, Access.ANYONE);
        r.get("/api/v1/video-channels/{handle}/video-playlists", this::ofChannel, Access.ANYONE);
        r.get("/lazy-static/playlist-thumbnails/{file}", this::thumbnail, Access.ANYONE);
    }

    private Shareable shareable(Playlist p) {
        return new Shareable(Subject.playlist(p.id()), p.owner().id(), p.isLocal(), json.page(p), null);
    }

    private Playlist managed(Context ctx) {
        return playlists.manageable(ctx.pathParam("id"), Auth.required(ctx));
    }

    private static long elementId(Context ctx) {
        String id = ctx.pathParam("elementId");
        if (!id.matches("\\d{1,18}")) throw ApiError.invalidParam("playlistElementId", id);
        return Long.parseLong(id);
    }

    // ---- playlists

    private static PlaylistService.Changes changes(Body b) {
        Privacy privacy = b.integer("privacy").map(PlaylistRoutes::privacy).orElse(null);
        Optional<String> description = b.has("description") ? b.text("description") : null;
        Optional<Long> channel = b.has("videoChannelId") ? b.number("videoChannelId") : null;
        return new PlaylistService.Changes(b.text("displayName").orElse(null), description, privacy, channel);
    }

    private static Privacy privacy(int id) {
        if (id < 1 || id > 3) throw ApiError.badField("privacy", "privacy must be 1 (public), 2 (unlisted) or 3 (private)");
        return Privacy.of(id);
    }

    private void create(Context ctx) {
        User me = Auth.required(ctx);
        Body b = Body.of(ctx);
        Playlist p = playlists.create(me, changes(b));
        thumbnailFile(ctx, p);
        ctx.json(Map.of("videoPlaylist", Map.of("id", p.id(), "uuid", p.uuid(), "shortUUID", p.shortUuid())));
    }

    private void update(Context ctx) {
        User me = Auth.required(ctx);
        Playlist p = managed(ctx);
        Body b = Body.of(ctx);
        Playlist updated = playlists.update(p, me, changes(b));
        thumbnailFile(ctx, updated);
        ctx.status(204);
    }

    private void thumbnailFile(Context ctx, Playlist p) {
        if (!ctx.isMultipartFormData()) return;
        UploadedFile f = ctx.uploadedFile("thumbnailfile");
        if (f == null) return;
        try (InputStream in = f.content()) {
            playlists.replaceThumbnail(p, in, f.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void thumbnail(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".jpg")) throw ApiError.notFound("file not found");
        Playlist p = playlists.find(file.substring(0, file.length() - 4)).filter(x -> x.uuid().length() == file.length() - 4)
                .orElseThrow(() -> ApiError.notFound("file not found"));
        if (playlists.check(p, Viewer.of(ctx)).isPresent()) throw ApiError.notFound("file not found");
        Path path = playlists.thumbnail(p);
        if (!Files.isRegularFile(path)) throw ApiError.notFound("file not found");
        ctx.header("Cache-Control", p.privacy() == Privacy.PUBLIC ? "public, max-age=3600" : "private, no-store");
        try {
            ctx.contentType("image/jpeg").header("Content-Length", Long.toString(Files.size(path))).result(Files.newInputStream(path));
        } catch (IOException e) {
            throw ApiError.notFound("file not found");
        }
    }

    // ---- lists

    private void answer(Context ctx, Long accountId, Long channelId, boolean all) {
        Paging page = Paging.of(ctx);
        Integer type = null;
        String t = ctx.queryParam("playlistType");
        if (t != null && !t.isEmpty()) {
            if (!t.equals("1") && !t.equals("2")) throw ApiError.invalidParam("query", "playlistType", t, "playlistType must be 1 or 2");
            type = Integer.parseInt(t);
        }
        String search = Optional.ofNullable(ctx.queryParam("search")).filter(s -> !s.isBlank()).orElse(null);
        PlaylistService.Page p = playlists.list(accountId, channelId, all, type, search, ctx.queryParam("sort"),
                page.start(), page.count());
        ctx.json(Paging.result(p.total(), p.data().stream().map(json::playlist).toList()));
    }

    private void list(Context ctx) {
        answer(ctx, null, null, false);
    }

    private boolean isOwner(Context ctx, Account a) {
        return Auth.user(ctx).map(u -> Long.valueOf(u.id()).equals(a.userId())).orElse(false);
    }

    private void ofAccount(Context ctx) {
        Account a = accounts.byHandle(Handle.parse(ctx.pathParam("name"), urls.host()))
                .orElseThrow(() -> ApiError.notFound("account not found"));
        answer(ctx, a.id(), null, isOwner(ctx, a));
    }

    private void ofChannel(Context ctx) {
        Channel c = channels.require(ctx.pathParam("handle"), urls.host());
        answer(ctx, null, c.id(), isOwner(ctx, channels.owner(c)));
    }

    private void sharedWithMe(Context ctx) {
        User me = Auth.required(ctx);
        Paging page = Paging.of(ctx);
        List<Long> ids = privacy.sharedWith(Subject.Kind.PLAYLIST, me.id(), page.start(), page.count());
        List<Map<String, Object>> data = playlists.byIds(ids).stream()
                .filter(p -> playlists.check(p, Viewer.of(Optional.of(me))).isEmpty()).map(json::playlist).toList();
        ctx.json(Paging.result(privacy.countSharedWith(Subject.Kind.PLAYLIST, me.id()), data));
    }

    // ---- elements

    private void videos(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        Playlist p = playlists.viewable(ctx.pathParam("id"), viewer);
        Paging page = Paging.of(ctx);
        List<Map<String, Object>> data = elements.page(p, viewer, page.start(), page.count()).stream().map(json::element).toList();
        ctx.json(Paging.result(p.videosLength(), data));
    }

    private void add(Context ctx) {
        User me = Auth.required(ctx);
        Playlist p = managed(ctx);
        Body b = Body.of(ctx);
        long id = elements.add(p, me, b.text("videoId").orElse(null), b.integer("startTimestamp").orElse(null),
                b.integer("stopTimestamp").orElse(null));
        ctx.json(Map.of("videoPlaylistElement", Map.of("id", id)));
    }

    private void reorder(Context ctx) {
        Playlist p = managed(ctx);
        Body b = Body.of(ctx);
        int start = b.integer("startPosition").orElseThrow(() -> ApiError.badField("startPosition", "startPosition is required"));
        int after = b.integer("insertAfterPosition").orElseThrow(() -> ApiError.badField("insertAfterPosition", "insertAfterPosition is required"));
        elements.reorder(p, start, after, b.integer("reorderLength").orElse(null));
        ctx.status(204);
    }

    private void setTimes(Context ctx) {
        Playlist p = managed(ctx);
        Body b = Body.of(ctx);
        elements.setTimes(p, elementId(ctx), b.integer("startTimestamp").orElse(null), b.integer("stopTimestamp").orElse(null));
        ctx.status(204);
    }

    /** PeerTube's {@code videoIds=1&videoIds=2} (or {@code videoIds[]=}, or comma separated). */
    private void videosExist(Context ctx) {
        User me = Auth.required(ctx);
        List<String> raw = new ArrayList<>(ctx.queryParams("videoIds"));
        raw.addAll(ctx.queryParams("videoIds[]"));
        List<Long> ids = new ArrayList<>();
        for (String v : raw) {
            for (String one : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
                if (!one.matches("\\d{1,18}")) throw ApiError.invalidParam("query", "videoIds", v, "Should have a valid video ids array");
                if (!ids.contains(Long.parseLong(one))) ids.add(Long.parseLong(one));
            }
        }
        if (ids.size() > Paging.MAX_COUNT) throw ApiError.invalidParam("query", "videoIds", null, "at most " + Paging.MAX_COUNT + " video ids");
        Account a = accounts.byUserId(me.id()).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        elements.where(a.id(), ids).forEach((id, list) -> out.put(String.valueOf(id), list));
        ctx.json(out);
    }
}

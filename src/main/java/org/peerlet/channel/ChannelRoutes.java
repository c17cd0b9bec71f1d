package org.peerlet.channel;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.account.Auth;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;

import java.util.List;
import java.util.Map;

/** {@code /api/v1/video-channels}: list, create, read, change, remove. */
public final class ChannelRoutes implements RouteGroup {
    private final ChannelService service;
    private final Urls urls;
    private final FaceRoutes faces;
    private final Faces faceFiles;

    /** With the routes of channels' and accounts' faces, which live beside them. */
    public ChannelRoutes(ChannelService service, Faces faces, Urls urls) {
        this.service = service;
        this.faces = new FaceRoutes(faces, urls);
        this.faceFiles = faces;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/video-channels", this::list, Access.ANYONE);
        r.get("/api/v1/search/video-channels", this::search, Access.ANYONE);
        r.get("/api/v1/player-settings/video-channels/{handle}", this::playerSettings, Access.ANYONE);
        r.put("/api/v1/player-settings/video-channels/{handle}", this::updatePlayerSettings, Access.USER);
        // Playlists come with the library: until then every search finds none.
        r.get("/api/v1/search/video-playlists", ctx -> ctx.json(Paging.result(0, List.of())), Access.ANYONE);
        r.post("/api/v1/video-channels", this::create, Access.USER);
        r.get("/api/v1/video-channels/{handle}", this::get, Access.ANYONE);
        r.put("/api/v1/video-channels/{handle}", this::update, Access.USER);
        r.delete("/api/v1/video-channels/{handle}", this::delete, Access.USER);
        faces.addTo(r);
    }

    private Map<String, Object> json(Channel c) {
        return ChannelJson.channel(c, service.owner(c), urls);
    }

    /** A channel's player look follows the instance's: the player has one (see {@link PlayerLook}). */
    private void playerSettings(Context ctx) {
        service.require(ctx.pathParam("handle"), urls.host());
        ctx.json(Map.of("theme", "true".equals(ctx.queryParam("raw")) ? PlayerLook.CHANNEL_DEFAULT : PlayerLook.INSTANCE));
    }

    private void updatePlayerSettings(Context ctx) {
        service.requireEditable(Auth.required(ctx), ctx.pathParam("handle"));
        PlayerLook.requireDefault(Body.of(ctx), PlayerLook.CHANNEL_DEFAULT);
        ctx.json(Map.of("theme", PlayerLook.CHANNEL_DEFAULT));
    }

    private void search(Context ctx) {
        Paging p = Paging.of(ctx);
        String text = ctx.queryParam("search");
        if (text == null || text.isBlank()) throw ApiError.invalidParam("query", "search", text, "search is required");
        List<Map<String, Object>> data = service.search(text.strip(), p.start(), p.count()).stream().map(this::json).toList();
        ctx.json(Paging.result(service.countMatching(text.strip()), data));
    }

    private void list(Context ctx) {
        Paging p = Paging.of(ctx);
        List<Map<String, Object>> data = service.list(p.start(), p.count()).stream().map(this::json).toList();
        ctx.json(Paging.result(service.count(), data));
    }

    private void create(Context ctx) {
        Body b = Body.of(ctx);
        long id = service.create(Auth.required(ctx), b.required("name"), fields(b, b.required("displayName")));
        ctx.json(Map.of("videoChannel", Map.of("id", id)));
    }

    private void get(Context ctx) {
        ctx.json(json(service.require(ctx.pathParam("handle"), urls.host())));
    }

    private void update(Context ctx) {
        Body b = Body.of(ctx);
        Channel current = service.require(ctx.pathParam("handle"), urls.host());
        service.update(Auth.required(ctx), ctx.pathParam("handle"), new ChannelService.Fields(
                b.text("displayName").orElse(current.displayName()),
                b.has("description") ? b.text("description").orElse(null) : current.description(),
                b.has("support") ? b.text("support").orElse(null) : current.support()));
        ctx.status(204);
    }

    private void delete(Context ctx) {
        faceFiles.deleteChannel(Auth.required(ctx), ctx.pathParam("handle"));
        ctx.status(204);
    }

    private static ChannelService.Fields fields(Body b, String displayName) {
        return new ChannelService.Fields(displayName, b.text("description").orElse(null), b.text("support").orElse(null));
    }
}

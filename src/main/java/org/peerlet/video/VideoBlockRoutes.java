package org.peerlet.video;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Auth;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PeerTube's video blacklist: moderators hide a video with a reason, change it, lift it, list them. */
public final class VideoBlockRoutes implements RouteGroup {
    private final VideoService videos;
    private final VideoJson json;

    public VideoBlockRoutes(VideoService videos, VideoJson json) {
        this.videos = videos;
        this.json = json;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/videos/blacklist", this::list, Access.MODERATOR);
        r.post("/api/v1/videos/{id}/blacklist", ctx -> {
            Video v = video(ctx);
            if (v.isBlocked()) throw ApiError.conflict("This video is already blocked");
            Body b = Body.of(ctx);
            videos.setBlock(v, true, b.text("reason").orElse(null), b.bool("unfederate").orElse(false));
            ctx.status(204);
        }, Access.MODERATOR);
        r.put("/api/v1/videos/{id}/blacklist", ctx -> {
            Video v = video(ctx);
            if (!v.isBlocked()) throw ApiError.notFound("Blacklisted video not found");
            videos.setBlock(v, true, Body.of(ctx).text("reason").orElse(null), false);
            ctx.status(204);
        }, Access.MODERATOR);
        r.delete("/api/v1/videos/{id}/blacklist", ctx -> {
            Video v = video(ctx);
            if (!v.isBlocked()) throw ApiError.notFound("Blacklisted video not found");
            videos.setBlock(v, false, null, false);
            ctx.status(204);
        }, Access.MODERATOR);
    }

    /** The video as a moderator sees it: every video, blocked or not. */
    private Video video(Context ctx) {
        return videos.viewable(ctx.pathParam("id"), Optional.of(Auth.required(ctx)));
    }

    private void list(Context ctx) {
        Paging p = Paging.of(ctx);
        String t = ctx.queryParam("type");
        if (t != null && !t.equals("1") && !t.equals("2")) throw ApiError.invalidParam("query", "type", t, "type must be 1 or 2");
        Integer type = t == null ? null : Integer.valueOf(t);
        List<Map<String, Object>> data = videos.blocked(type, p.start(), p.count()).stream().map(this::entry).toList();
        ctx.json(Paging.result(videos.countBlocked(type), data));
    }

    /** PeerTube's {@code VideoBlacklist}; its id is the video's, as a video has one block at most. */
    private Map<String, Object> entry(Video v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("unfederated", v.block().unfederated());
        m.put("reason", v.block().reason());
        m.put("type", v.block().type());
        m.put("video", json.summary(v));
        m.put("createdAt", Times.iso(v.block().createdAt()));
        m.put("updatedAt", Times.iso(v.block().updatedAt()));
        return m;
    }
}

package org.peerlet.chapter;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Auth;
import org.peerlet.http.Access;
import org.peerlet.http.Body;
import org.peerlet.http.RouteGroup;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;
import org.peerlet.video.Viewer;

import java.util.Map;

/** PeerTube's {@code GET/PUT /api/v1/videos/{id}/chapters}. */
public final class ChapterRoutes implements RouteGroup {
    private final ChapterService chapters;
    private final VideoService videos;

    public ChapterRoutes(ChapterService chapters, VideoService videos) {
        this.chapters = chapters;
        this.videos = videos;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/videos/{id}/chapters", this::get, Access.ANYONE);
        r.put("/api/v1/videos/{id}/chapters", this::put, Access.USER);
    }

    private void get(Context ctx) {
        Video v = videos.viewable(ctx.pathParam("id"), Viewer.of(ctx));
        ctx.json(Map.of("chapters", chapters.of(v).stream()
                .map(ChapterRoutes::json).toList()));
    }

    private static Map<String, Object> json(Chapter c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("timecode", c.timecode());
        m.put("title", c.title());
        return m;
    }

    private void put(Context ctx) {
        Video v = videos.manageable(ctx.pathParam("id"), Auth.required(ctx));
        chapters.replace(v, Body.of(ctx).raw().get("chapters"));
        ctx.status(204);
    }
}

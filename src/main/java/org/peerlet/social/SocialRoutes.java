package org.peerlet.social;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.account.Auth;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PeerTube's comment-thread and rating endpoints. */
public final class SocialRoutes implements RouteGroup {
    private final SocialService social;
    private final VideoService videos;
    private final Urls urls;

    public SocialRoutes(SocialService social, VideoService videos, Urls urls) {
        this.social = social;
        this.videos = videos;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/videos/{id}/comment-threads", this::threads, Access.ANYONE);
        r.post("/api/v1/videos/{id}/comment-threads", this::comment, Access.USER);
        r.put("/api/v1/videos/{id}/rate", this::rate, Access.USER);
    }

    private void threads(Context ctx) {
        Video v = videos.viewable(ctx.pathParam("id"), org.peerlet.video.Viewer.of(ctx));
        Paging p = Paging.of(ctx);
        List<Map<String, Object>> data = new ArrayList<>();
        for (Comment c : social.threads(v, p.start(), p.count())) data.add(SocialJson.comment(c, social.countReplies(c), urls));
        Map<String, Object> threads = new java.util.LinkedHashMap<>(Paging.result(social.countThreads(v), data));
        threads.put("totalNotDeletedComments", social.countThreads(v)); // no deleting of comments yet
        ctx.json(threads);
    }

    private void comment(Context ctx) {
        Video v = videos.viewable(ctx.pathParam("id"), org.peerlet.video.Viewer.of(ctx));
        Comment c = social.comment(Auth.required(ctx), v, Body.of(ctx).text("text").orElse(null), null);
        ctx.json(Map.of("comment", SocialJson.comment(c, 0, urls)));
    }

    private void rate(Context ctx) {
        Video v = videos.viewable(ctx.pathParam("id"), org.peerlet.video.Viewer.of(ctx));
        social.rate(Auth.required(ctx), v, Body.of(ctx).text("rating").orElse(null));
        ctx.status(204);
    }
}

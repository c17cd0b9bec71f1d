package org.peerlet.social;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Auth;
import org.peerlet.account.User;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.PathParams;
import org.peerlet.http.RouteGroup;
import org.peerlet.http.TrustedProxies;
import org.peerlet.instance.Urls;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;
import org.peerlet.video.Viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PeerTube's comment-thread, comment review and rating endpoints. */
public final class SocialRoutes implements RouteGroup {
    private static final String COMMENT = "/api/v1/videos/{id}/comments/{commentId}";

    private final SocialService social;
    private final VideoService videos;
    private final Urls urls;
    private final TrustedProxies proxies;

    public SocialRoutes(SocialService social, VideoService videos, Urls urls, TrustedProxies proxies) {
        this.social = social;
        this.videos = videos;
        this.urls = urls;
        this.proxies = proxies;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/videos/{id}/comment-threads", this::threads, Access.ANYONE);
        r.post("/api/v1/videos/{id}/comment-threads", ctx -> comment(ctx, null), Access.USER);
        r.get("/api/v1/videos/{id}/comment-threads/{threadId}", this::thread, Access.ANYONE);
        r.post(COMMENT, ctx -> comment(ctx, id(ctx, "commentId")), Access.USER);
        r.delete(COMMENT, this::delete, Access.USER);
        r.post(COMMENT + "/approve", this::approve, Access.USER);
        r.get("/api/v1/users/me/videos/comments", this::held, Access.USER);
        r.put("/api/v1/videos/{id}/rate", this::rate, Access.USER);
        r.get("/api/v1/users/me/videos/{id}/rating", this::rating, Access.USER);
    }

    private static long id(Context ctx, String name) {
        return PathParams.id(ctx, name);
    }

    private Video video(Context ctx) {
        return videos.viewable(ctx.pathParam("id"), Viewer.of(ctx));
    }

    private void threads(Context ctx) {
        Video v = video(ctx);
        Paging p = Paging.of(ctx);
        String sort = ctx.queryParam("sort");
        if (sort != null && !sort.equals("-createdAt") && !sort.equals("createdAt")) {
            throw ApiError.badRequest("sort must be -createdAt or createdAt");
        }
        SocialService.Threads t = social.threads(v, Auth.user(ctx), "createdAt".equals(sort), p.start(), p.count());
        List<Map<String, Object>> data = new ArrayList<>();
        for (SocialService.Listed l : t.data()) data.add(SocialJson.comment(l.comment(), l.replies(), urls));
        Map<String, Object> out = new LinkedHashMap<>(Paging.result(t.total(), data));
        out.put("totalNotDeletedComments", t.totalNotDeleted());
        ctx.json(out);
    }

    private void thread(Context ctx) {
        Video v = video(ctx);
        ctx.json(SocialJson.tree(social.thread(v, Auth.user(ctx), id(ctx, "threadId")), urls));
    }

    private void comment(Context ctx, Long replyTo) {
        Video v = video(ctx);
        String text = Body.of(ctx).text("text").orElse(null);
        Comment c = social.comment(Auth.required(ctx), v, text, replyTo, proxies.clientOf(ctx));
        ctx.json(Map.of("comment", SocialJson.comment(c, 0, urls)));
    }

    private void delete(Context ctx) {
        social.delete(Auth.required(ctx), video(ctx), id(ctx, "commentId"));
        ctx.status(204);
    }

    private void approve(Context ctx) {
        social.approve(Auth.required(ctx), video(ctx), id(ctx, "commentId"));
        ctx.status(204);
    }

    /** The comments held for review on my videos (the approval queue). */
    private void held(Context ctx) {
        Paging p = Paging.of(ctx);
        SocialService.HeldPage page = social.heldOnVideosOf(Auth.required(ctx), p.start(), p.count());
        ctx.json(Paging.result(page.total(), page.data().stream().map(h -> SocialJson.forOwner(h, urls)).toList()));
    }

    private void rate(Context ctx) {
        social.rate(Auth.required(ctx), video(ctx), Body.of(ctx).text("rating").orElse(null));
        ctx.status(204);
    }

    private void rating(Context ctx) {
        User me = Auth.required(ctx);
        Video v = video(ctx);
        ctx.json(Map.of("videoId", v.id(), "rating", social.ratingOf(me, v)));
    }
}

package org.peerlet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.AccountJson;
import org.peerlet.account.Auth;
import org.peerlet.account.User;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialJson;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PeerTube's notification endpoints: the list, marking read, and the per-type settings. */
public final class NotificationRoutes implements RouteGroup {
    private final NotificationService notifications;
    private final SocialService social;
    private final VideoService videos;
    private final Urls urls;

    public NotificationRoutes(NotificationService notifications, SocialService social, VideoService videos, Urls urls) {
        this.notifications = notifications;
        this.social = social;
        this.videos = videos;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/users/me/notifications", this::list, Access.USER);
        r.post("/api/v1/users/me/notifications/read", this::read, Access.USER);
        r.post("/api/v1/users/me/notifications/read-all", this::readAll, Access.USER);
        r.put("/api/v1/users/me/notification-settings", this::settings, Access.USER);
    }

    private void list(Context ctx) {
        User me = Auth.required(ctx);
        Paging p = Paging.of(ctx);
        NotificationService.Page page = notifications.page(me, "true".equals(ctx.queryParam("unread")), p.start(), p.count());
        List<Map<String, Object>> data = new ArrayList<>();
        for (Notification n : page.data()) data.add(json(n));
        ctx.json(Paging.result(page.total(), data));
    }

    private void read(Context ctx) {
        JsonNode ids = Body.of(ctx).node("ids").orElse(null);
        if (ids == null || !ids.isArray() || ids.isEmpty()) throw ApiError.badRequest("ids must list notification ids");
        List<Long> list = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong()) throw ApiError.badRequest("ids must be numbers");
            list.add(id.asLong());
        }
        notifications.markRead(Auth.required(ctx), list);
        ctx.status(204);
    }

    private void readAll(Context ctx) {
        notifications.markRead(Auth.required(ctx), null);
        ctx.status(204);
    }

    private void settings(Context ctx) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        Body.of(ctx).raw().fields().forEachRemaining(e -> {
            if (!e.getValue().isInt()) throw ApiError.badRequest(e.getKey() + " must be 0, 1, 2 or 3");
            changes.put(e.getKey(), e.getValue().asInt());
        });
        notifications.updateSettings(Auth.required(ctx), changes);
        ctx.status(204);
    }

    private Map<String, Object> json(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("type", n.type());
        m.put("read", n.read());
        Optional<Video> v = n.videoId() == null ? Optional.empty() : videos.find(String.valueOf(n.videoId()));
        Optional<Comment> c = n.commentId() == null ? Optional.empty() : social.byId(n.commentId());
        if (c.isPresent() && v.isPresent()) {
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("id", c.get().id());
            comment.put("threadId", c.get().thread());
            comment.put("account", AccountJson.account(c.get().account(), urls));
            comment.put("video", SocialJson.videoInfo(v.get()));
            m.put("comment", comment);
        }
        m.put("createdAt", Times.iso(n.createdAt()));
        m.put("updatedAt", Times.iso(n.updatedAt()));
        return m;
    }
}

package org.peerlet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Auth;
import org.peerlet.account.User;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.video.Viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PeerTube's notification endpoints: the list, marking read, and the per-type settings; and a
 * stream of the unread count for the web pages' bell (server-sent events).
 */
public final class NotificationRoutes implements RouteGroup {
    private final NotificationService notifications;
    private final NotificationJson json;

    public NotificationRoutes(NotificationService notifications, NotificationJson json) {
        this.notifications = notifications;
        this.json = json;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/users/me/notifications", this::list, Access.USER);
        r.post("/api/v1/users/me/notifications/read", this::read, Access.USER);
        r.post("/api/v1/users/me/notifications/read-all", this::readAll, Access.USER);
        r.put("/api/v1/users/me/notification-settings", this::settings, Access.USER);
        r.sse("/api/v1/users/me/notifications/live", client -> {
            if (notifications.listen(Auth.required(client.ctx()), client)) {
                client.keepAlive();
            } else {
                client.close();
            }
        }, Access.USER);
    }

    private void list(Context ctx) {
        User me = Auth.required(ctx);
        Paging p = Paging.of(ctx);
        NotificationService.Page page = notifications.page(me, "true".equals(ctx.queryParam("unread")), p.start(), p.count());
        List<Map<String, Object>> data = new ArrayList<>();
        for (Notification n : page.data()) json.of(n, Viewer.of(Optional.of(me))).ifPresent(data::add);
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
}

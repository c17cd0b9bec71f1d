package org.peerlet.history;

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
import org.peerlet.video.Video;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PeerTube's {@code /api/v1/users/me/history/videos}: the list, and forgetting part or all of it. */
public final class HistoryRoutes implements RouteGroup {
    private static final String PATH = "/api/v1/users/me/history/videos";

    private final HistoryService history;
    private final VideoService videos;
    private final VideoJson json;

    public HistoryRoutes(HistoryService history, VideoService videos, VideoJson json) {
        this.history = history;
        this.videos = videos;
        this.json = json;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get(PATH, this::list, Access.USER);
        r.delete(PATH, ctx -> forget(ctx, null), Access.USER);
        r.post(PATH + "/remove", ctx -> forget(ctx, beforeDate(Body.of(ctx))), Access.USER);
        r.delete(PATH + "/{videoId}", this::removeOne, Access.USER);
    }

    private void list(Context ctx) {
        Paging p = Paging.of(ctx);
        HistoryService.Page page = history.page(Auth.required(ctx), p.start(), p.count(), ctx.queryParam("search"));
        Map<Long, List<String>> tags = videos.tags(page.videos());
        List<Map<String, Object>> data = new ArrayList<>();
        for (Video v : page.videos()) {
            Map<String, Object> m = json.summary(v);
            m.put("tags", tags.getOrDefault(v.id(), List.of()));
            m.put("userHistory", Map.of("currentTime", page.positions().get(v.id())));
            data.add(m);
        }
        ctx.json(Paging.result(page.total(), data));
    }

    private void forget(Context ctx, Long before) {
        history.removeBefore(Auth.required(ctx), before);
        ctx.status(204);
    }

    private void removeOne(Context ctx) {
        User me = Auth.required(ctx);
        history.remove(me, PathParams.id(ctx, "videoId"));
        ctx.status(204);
    }

    /** PeerTube's optional {@code beforeDate}, an ISO 8601 date: absent, everything goes. */
    private static Long beforeDate(Body b) {
        String s = b.text("beforeDate").orElse(null);
        if (s == null || s.isBlank()) return null;
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException again) {
                throw ApiError.badField("beforeDate", "beforeDate must be an ISO 8601 date");
            }
        }
    }
}

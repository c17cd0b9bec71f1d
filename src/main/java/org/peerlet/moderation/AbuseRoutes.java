package org.peerlet.moderation;

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

import java.util.List;
import java.util.Map;

/** PeerTube's {@code /api/v1/abuses}: reporting, the moderators' queue, and the messages about a report. */
public final class AbuseRoutes implements RouteGroup {
    private final Abuses abuses;
    private final AbuseJson json;

    public AbuseRoutes(Abuses abuses, org.peerlet.video.VideoService videos, org.peerlet.video.VideoJson videoJson,
                       org.peerlet.social.SocialService social, org.peerlet.instance.Urls urls) {
        this.abuses = abuses;
        this.json = new AbuseJson(abuses, videos, videoJson, social, urls);
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.post("/api/v1/abuses", this::report, Access.USER);
        r.get("/api/v1/abuses", this::list, Access.MODERATOR);
        r.put("/api/v1/abuses/{id}", this::judge, Access.MODERATOR);
        r.delete("/api/v1/abuses/{id}", ctx -> {
            abuses.delete(id(ctx));
            ctx.status(204);
        }, Access.MODERATOR);
        r.get("/api/v1/abuses/{id}/messages", this::messages, Access.USER);
        r.post("/api/v1/abuses/{id}/messages", this::addMessage, Access.USER);
        r.delete("/api/v1/abuses/{id}/messages/{messageId}", ctx -> {
            abuses.deleteMessage(Auth.required(ctx), id(ctx), PathParams.id(ctx, "messageId"));
            ctx.status(204);
        }, Access.USER);
        r.get("/api/v1/users/me/abuses", this::mine, Access.USER);
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "id");
    }

    private void report(Context ctx) {
        Body b = Body.of(ctx);
        String video = b.node("video").map(n -> n.path("id").asText(null)).orElse(null);
        Integer startAt = b.node("video").filter(n -> n.has("startAt")).map(n -> n.get("startAt").asInt()).orElse(null);
        Integer endAt = b.node("video").filter(n -> n.has("endAt")).map(n -> n.get("endAt").asInt()).orElse(null);
        Long comment = b.node("comment").map(n -> idIn(n, "comment.id")).orElse(null);
        Long account = b.node("account").map(n -> idIn(n, "account.id")).orElse(null);
        Abuse a = abuses.report(Auth.required(ctx), new Abuses.Report(b.text("reason").orElse(null),
                b.list("predefinedReasons").orElse(List.of()), video, startAt, endAt, comment, account));
        ctx.json(Map.of("abuse", Map.of("id", a.id())));
    }

    private static Long idIn(com.fasterxml.jackson.databind.JsonNode n, String name) {
        if (!n.path("id").canConvertToLong()) throw ApiError.badField(name, name + " must be a number");
        return n.get("id").asLong();
    }

    private AbuseRepository.Filter filter(Context ctx, Long reporter) {
        String kind = ctx.queryParam("filter");
        if (kind != null && !List.of("video", "comment", "account").contains(kind)) {
            throw ApiError.invalidParam("query", "filter", kind, "filter must be video, comment or account");
        }
        return new AbuseRepository.Filter(longParam(ctx, "id"), longParam(ctx, "state") == null ? null
                : longParam(ctx, "state").intValue(), kind, reporter, ctx.queryParam("search"));
    }

    private static Long longParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return null;
        if (!v.matches("\\d{1,18}")) throw ApiError.invalidParam("query", name, v, name + " must be a whole number");
        return Long.parseLong(v);
    }

    private void list(Context ctx) {
        Paging p = Paging.of(ctx);
        AbuseRepository.Filter f = filter(ctx, null);
        ctx.json(Paging.result(abuses.count(f), abuses.list(f, p.start(), p.count()).stream().map(json::forModerators).toList()));
    }

    private void mine(Context ctx) {
        User me = Auth.required(ctx);
        Paging p = Paging.of(ctx);
        AbuseRepository.Filter f = filter(ctx, abuses.accountIdOf(me));
        ctx.json(Paging.result(abuses.count(f), abuses.list(f, p.start(), p.count()).stream().map(json::forReporter).toList()));
    }

    private void judge(Context ctx) {
        Body b = Body.of(ctx);
        abuses.judge(id(ctx), b.integer("state").orElse(null), b.text("moderationComment").orElse(null));
        ctx.status(204);
    }

    private void messages(Context ctx) {
        List<Map<String, Object>> data = abuses.messages(Auth.required(ctx), id(ctx)).stream().map(json::message).toList();
        ctx.json(Paging.result(data.size(), data));
    }

    private void addMessage(Context ctx) {
        long id = abuses.addMessage(Auth.required(ctx), id(ctx), Body.of(ctx).text("message").orElse(null));
        ctx.json(Map.of("abuseMessage", Map.of("id", id)));
    }
}

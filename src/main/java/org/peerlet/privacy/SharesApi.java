package org.peerlet.privacy;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.instance.Urls;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sharing one video or playlist with named people and by share links, the same routes under
 * each's address ({@code /api/v1/videos/{id}}, {@code /api/v1/video-playlists/{id}}):
 * <pre>
 * GET    {prefix}/shares                    {total, data: [{id, account: {name, host, displayName}, createdAt}]}
 * POST   {prefix}/shares  {handle}          {share: {...}}   handle: "name" or "name@host"
 * DELETE {prefix}/shares/{shareId}          204
 * GET    {prefix}/share-links               {total, data: [{id, expiresAt, maxViews, views, active}]}
 * POST   {prefix}/share-links {expiresAt?, maxViews?}  {shareLink: {id, token, url, watchUrl, ...}}  (token shown once)
 * DELETE {prefix}/share-links/{linkId}      204
 * </pre>
 */
public final class SharesApi {
    private final PrivacyService privacy;
    private final Urls urls;

    public SharesApi(PrivacyService privacy, Urls urls) {
        this.privacy = privacy;
        this.urls = urls;
    }

    /** @param managed what the request's path names, once its owner (or a moderator) is known to ask; else it throws */
    public void addTo(JavalinDefaultRoutingApi r, String prefix, Function<Context, Shareable> managed) {
        r.get(prefix + "/shares", ctx -> shares(ctx, managed.apply(ctx)), Access.USER);
        r.post(prefix + "/shares", ctx -> share(ctx, managed.apply(ctx)), Access.USER);
        r.delete(prefix + "/shares/{shareId}", ctx -> {
            privacy.unshare(managed.apply(ctx), idParam(ctx, "shareId"));
            ctx.status(204);
        }, Access.USER);
        r.get(prefix + "/share-links", ctx -> links(ctx, managed.apply(ctx)), Access.USER);
        r.post(prefix + "/share-links", ctx -> createLink(ctx, managed.apply(ctx)), Access.USER);
        r.delete(prefix + "/share-links/{linkId}", ctx -> {
            privacy.deleteLink(managed.apply(ctx), idParam(ctx, "linkId"));
            ctx.status(204);
        }, Access.USER);
    }

    static long idParam(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiError.notFound("not found");
        }
    }

    private Map<String, Object> shareJson(PrivacyRepository.Share s) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", s.name());
        a.put("host", s.host().isEmpty() ? urls.host() : s.host());
        a.put("displayName", s.displayName());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("account", a);
        m.put("createdAt", Times.iso(s.createdAt()));
        return m;
    }

    private void shares(Context ctx, Shareable it) {
        List<Map<String, Object>> data = privacy.shares(it.subject()).stream().map(this::shareJson).toList();
        ctx.json(Paging.result(data.size(), data));
    }

    private void share(Context ctx, Shareable it) {
        if (!it.local()) throw ApiError.badRequest("only what this instance holds can be shared from here");
        PrivacyRepository.Share s = privacy.share(it, Body.of(ctx).text("handle").orElse(null), urls.host());
        ctx.json(Map.of("share", shareJson(s)));
    }

    private Map<String, Object> linkJson(PrivacyRepository.Link l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("expiresAt", Times.isoOrNull(l.expiresAt()));
        m.put("maxViews", l.maxViews());
        m.put("views", l.views());
        m.put("active", privacy.usable(l));
        m.put("createdAt", Times.iso(l.createdAt()));
        return m;
    }

    private void links(Context ctx, Shareable it) {
        List<Map<String, Object>> data = privacy.links(it.subject()).stream().map(this::linkJson).toList();
        ctx.json(Paging.result(data.size(), data));
    }

    private void createLink(Context ctx, Shareable it) {
        if (!it.local()) throw ApiError.badRequest("only what this instance holds can be shared from here");
        Body b = Body.of(ctx);
        Long expiresAt = b.text("expiresAt").filter(s -> !s.isBlank()).map(s -> {
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("expiresAt must be an ISO 8601 date");
            }
        }).orElse(null);
        PrivacyService.NewLink n = privacy.createLink(it, expiresAt, b.integer("maxViews").orElse(null));
        Map<String, Object> m = linkJson(n.link());
        m.put("token", n.token());
        m.put("url", urls.base() + "/s/" + n.token());
        m.put("watchUrl", it.pageWith(n.token()));
        ctx.json(Map.of("shareLink", m));
    }
}

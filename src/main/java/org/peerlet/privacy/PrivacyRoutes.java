package org.peerlet.privacy;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.User;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.account.Auth;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.VideoAccess;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoService;
import org.peerlet.video.Viewer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The privacy API:
 * <pre>
 * POST   /api/v1/videos/{id}/token                     file token: {files: {token, expires}}
 * GET    /api/v1/videos/{id}/passwords                 {total, data: [{id, videoId, createdAt}]}  (no secrets)
 * POST   /api/v1/videos/{id}/passwords  {password}     {videoPassword: {id}}
 * PUT    /api/v1/videos/{id}/passwords  {passwords}    204, replaces all
 * DELETE /api/v1/videos/{id}/passwords/{passwordId}    204
 * GET    /api/v1/videos/{id}/shares                    {total, data: [{id, account: {name, host, displayName}, createdAt}]}
 * POST   /api/v1/videos/{id}/shares  {handle}          {share: {...}}   handle: "name" or "name@host"
 * DELETE /api/v1/videos/{id}/shares/{shareId}          204
 * GET    /api/v1/videos/{id}/share-links               {total, data: [{id, expiresAt, maxViews, views, active}]}
 * POST   /api/v1/videos/{id}/share-links {expiresAt?, maxViews?}  {shareLink: {id, token, url, ...}}  (token shown once)
 * DELETE /api/v1/videos/{id}/share-links/{linkId}      204
 * GET    /api/v1/users/me/shared-videos                videos shared with me, as the video list
 * GET    /s/{token}                                    302 to /w/{shortUUID}?share={token}
 * </pre>
 */
public final class PrivacyRoutes implements RouteGroup {
    private final VideoService videos;
    private final PrivacyService privacy;
    private final VideoJson json;
    private final Urls urls;
    private final Function<Context, Long> signedAccount;
    private final BiFunction<Video, User, Map<String, Object>> remoteTokens;

    /**
     * @param signedAccount the remote account proven by the request's HTTP signature, or null
     * @param remoteTokens  asks a restricted remote video's origin for a file token on the user's behalf
     */
    public PrivacyRoutes(VideoService videos, PrivacyService privacy, VideoJson json, Urls urls,
                         Function<Context, Long> signedAccount, BiFunction<Video, User, Map<String, Object>> remoteTokens) {
        this.videos = videos;
        this.privacy = privacy;
        this.json = json;
        this.urls = urls;
        this.signedAccount = signedAccount;
        this.remoteTokens = remoteTokens;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.post("/api/v1/videos/{id}/token", this::token, Access.ANYONE);
        r.get("/api/v1/videos/{id}/passwords", this::passwords, Access.USER);
        r.post("/api/v1/videos/{id}/passwords", this::addPassword, Access.USER);
        r.put("/api/v1/videos/{id}/passwords", this::replacePasswords, Access.USER);
        r.delete("/api/v1/videos/{id}/passwords/{passwordId}", this::deletePassword, Access.USER);
        r.get("/api/v1/videos/{id}/shares", this::shares, Access.USER);
        r.post("/api/v1/videos/{id}/shares", this::share, Access.USER);
        r.delete("/api/v1/videos/{id}/shares/{shareId}", this::unshare, Access.USER);
        r.get("/api/v1/videos/{id}/share-links", this::links, Access.USER);
        r.post("/api/v1/videos/{id}/share-links", this::createLink, Access.USER);
        r.delete("/api/v1/videos/{id}/share-links/{linkId}", this::deleteLink, Access.USER);
        r.get("/api/v1/users/me/shared-videos", this::sharedWithMe, Access.USER);
        r.get("/s/{token}", this::followLink, Access.ANYONE);
    }

    private void token(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (ctx.header("Signature") != null) viewer = viewer.withRemoteAccount(signedAccount.apply(ctx));
        Video v = videos.viewable(ctx.pathParam("id"), viewer);
        if (!v.isLocal() && !VideoAccess.isOpen(v.privacy()) && viewer.user().isPresent()) {
            // A restricted video of another instance: its origin mints the token, for this person.
            ctx.json(remoteTokens.apply(v, viewer.user().get()));
            return;
        }
        boolean byLinkOnly = viewer.shareLink() != null && !VideoAccess.isOpen(v.privacy())
                && videos.access().check(v, viewer.withoutLink()).isPresent();
        if (byLinkOnly && !privacy.countLinkView(viewer.shareLink())) throw ApiError.forbidden("this share link is used up");
        FileTokens.Minted m = privacy.tokens().mint(v.id(), viewer.user());
        ctx.json(Map.of("files", Map.of("token", m.token(), "expires", m.expires().toString())));
    }

    private Video managed(Context ctx) {
        return videos.manageable(ctx.pathParam("id"), Auth.required(ctx));
    }

    private static long idParam(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiError.notFound("not found");
        }
    }

    private void passwords(Context ctx) {
        Video v = managed(ctx);
        List<Map<String, Object>> data = new ArrayList<>();
        for (PrivacyRepository.Password p : privacy.passwords(v)) {
            data.add(Map.of("id", p.id(), "videoId", v.id(), "createdAt", Times.iso(p.createdAt())));
        }
        ctx.json(Paging.result(data.size(), data));
    }

    private void addPassword(Context ctx) {
        Video v = managed(ctx);
        if (v.privacy() != Privacy.PASSWORD_PROTECTED) throw ApiError.badRequest("this video is not password protected");
        long id = privacy.addPassword(v, Body.of(ctx).text("password").orElse(null));
        ctx.json(Map.of("videoPassword", Map.of("id", id)));
    }

    private void replacePasswords(Context ctx) {
        Video v = managed(ctx);
        if (v.privacy() != Privacy.PASSWORD_PROTECTED) throw ApiError.badRequest("this video is not password protected");
        List<String> list = Body.of(ctx).list("passwords").orElseThrow(() -> ApiError.badRequest("passwords is required"));
        if (list.isEmpty()) throw ApiError.badRequest("a password-protected video needs at least one password");
        privacy.replacePasswords(v.id(), list);
        ctx.status(204);
    }

    private void deletePassword(Context ctx) {
        privacy.deletePassword(managed(ctx), idParam(ctx, "passwordId"));
        ctx.status(204);
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

    private void shares(Context ctx) {
        List<Map<String, Object>> data = privacy.shares(managed(ctx)).stream().map(this::shareJson).toList();
        ctx.json(Paging.result(data.size(), data));
    }

    private void share(Context ctx) {
        Video v = managed(ctx);
        if (!v.isLocal()) throw ApiError.badRequest("only videos of this instance can be shared from here");
        PrivacyRepository.Share s = privacy.share(v, Body.of(ctx).text("handle").orElse(null), urls.host());
        ctx.json(Map.of("share", shareJson(s)));
    }

    private void unshare(Context ctx) {
        privacy.unshare(managed(ctx), idParam(ctx, "shareId"));
        ctx.status(204);
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

    private void links(Context ctx) {
        List<Map<String, Object>> data = privacy.links(managed(ctx)).stream().map(this::linkJson).toList();
        ctx.json(Paging.result(data.size(), data));
    }

    private void createLink(Context ctx) {
        Video v = managed(ctx);
        if (!v.isLocal()) throw ApiError.badRequest("only videos of this instance can be shared from here");
        Body b = Body.of(ctx);
        Long expiresAt = b.text("expiresAt").filter(s -> !s.isBlank()).map(s -> {
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("expiresAt must be an ISO 8601 date");
            }
        }).orElse(null);
        Integer maxViews = b.integer("maxViews").orElse(null);
        PrivacyService.NewLink n = privacy.createLink(v, expiresAt, maxViews);
        Map<String, Object> m = linkJson(n.link());
        m.put("token", n.token());
        m.put("url", urls.base() + "/s/" + n.token());
        m.put("watchUrl", urls.watch(v.shortUuid()) + "?" + Viewer.SHARE_PARAM + "=" + n.token());
        ctx.json(Map.of("shareLink", m));
    }

    private void deleteLink(Context ctx) {
        privacy.deleteLink(managed(ctx), idParam(ctx, "linkId"));
        ctx.status(204);
    }

    private void sharedWithMe(Context ctx) {
        User me = Auth.required(ctx);
        Paging p = Paging.of(ctx);
        List<Map<String, Object>> data = new ArrayList<>();
        for (long id : privacy.sharedWith(me.id(), p.start(), p.count())) {
            Optional<Video> v = videos.find(String.valueOf(id)).filter(x -> videos.access().canView(x, Viewer.of(Optional.of(me))));
            v.ifPresent(x -> data.add(json.summary(x)));
        }
        ctx.json(Paging.result(privacy.countSharedWith(me.id()), data));
    }

    private void followLink(Context ctx) {
        String token = ctx.pathParam("token");
        PrivacyRepository.Link l = privacy.link(token).orElseThrow(() -> ApiError.notFound("this link does not exist or has expired"));
        Video v = videos.find(String.valueOf(l.videoId())).orElseThrow(() -> ApiError.notFound("this link does not exist or has expired"));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(urls.watch(v.shortUuid()) + "?" + Viewer.SHARE_PARAM + "=" + token, io.javalin.http.HttpStatus.FOUND);
    }
}

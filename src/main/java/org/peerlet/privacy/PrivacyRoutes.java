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
import org.peerlet.video.Subject;
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
 * /api/v1/videos/{id}/shares and /share-links          see {@link SharesApi}
 * GET    /api/v1/users/me/shared-videos                videos shared with me, as the video list
 * GET    /s/{token}                                    302 to the video's or playlist's page, ?share={token}
 * </pre>
 */
public final class PrivacyRoutes implements RouteGroup {
    private final VideoService videos;
    private final PrivacyService privacy;
    private final VideoJson json;
    private final Urls urls;
    private final Function<Context, Long> signedAccount;
    private final BiFunction<Video, User, Map<String, Object>> remoteTokens;
    private final Function<Subject, Optional<String>> pages;

    /**
     * @param signedAccount the remote account proven by the request's HTTP signature, or null
     * @param remoteTokens  asks a restricted remote video's origin for a file token on the user's behalf
     * @param pages         the page of a video or playlist a share link opens (its feature knows the address)
     */
    public PrivacyRoutes(VideoService videos, PrivacyService privacy, VideoJson json, Urls urls,
                         Function<Context, Long> signedAccount, BiFunction<Video, User, Map<String, Object>> remoteTokens,
                         Function<Subject, Optional<String>> pages) {
        this.pages = pages;
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
        new SharesApi(privacy, urls).addTo(r, "/api/v1/videos/{id}", ctx -> Shareable.of(managed(ctx), urls));
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
        privacy.deletePassword(managed(ctx), SharesApi.idParam(ctx, "passwordId"));
        ctx.status(204);
    }

    private void sharedWithMe(Context ctx) {
        User me = Auth.required(ctx);
        Paging p = Paging.of(ctx);
        List<Map<String, Object>> data = new ArrayList<>();
        for (long id : privacy.sharedWith(Subject.Kind.VIDEO, me.id(), p.start(), p.count())) {
            Optional<Video> v = videos.find(String.valueOf(id)).filter(x -> videos.access().canView(x, Viewer.of(Optional.of(me))));
            v.ifPresent(x -> data.add(json.summary(x)));
        }
        ctx.json(Paging.result(privacy.countSharedWith(Subject.Kind.VIDEO, me.id()), data));
    }

    private void followLink(Context ctx) {
        String token = ctx.pathParam("token");
        PrivacyRepository.Link l = privacy.link(token).orElseThrow(() -> ApiError.notFound("this link does not exist or has expired"));
        String page = pages.apply(l.subject()).orElseThrow(() -> ApiError.notFound("this link does not exist or has expired"));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(page + (page.contains("?") ? "&" : "?") + Viewer.SHARE_PARAM + "=" + token, io.javalin.http.HttpStatus.FOUND);
    }
}

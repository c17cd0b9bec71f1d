package org.peerlet.video;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.channel.Channel;
import org.peerlet.channel.ChannelService;
import org.peerlet.channel.PlayerLook;
import org.peerlet.http.TrustedProxies;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.account.Auth;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/videos} and the lists of videos by channel, account, owner and search. */
public final class VideoRoutes implements RouteGroup {
    private final VideoService service;
    private final VideoJson json;
    private final ChannelService channels;
    private final AccountDirectory accounts;
    private final Urls urls;
    private final TrustedProxies proxies;
    private final PrivacyDetails privacy;
    private final WatchPositions positions;

    public VideoRoutes(VideoService service, VideoJson json, ChannelService channels, AccountDirectory accounts,
                       Urls urls, TrustedProxies proxies, PrivacyDetails privacy, WatchPositions positions) {
        this.positions = positions;
        this.proxies = proxies;
        this.privacy = privacy;
        this.service = service;
        this.json = json;
        this.channels = channels;
        this.accounts = accounts;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/videos/categories", ctx -> ctx.json(VideoConstants.CATEGORIES), Access.ANYONE);
        r.get("/api/v1/videos/licences", ctx -> ctx.json(VideoConstants.LICENCES), Access.ANYONE);
        r.get("/api/v1/videos/languages", ctx -> ctx.json(VideoConstants.LANGUAGES), Access.ANYONE);
        r.get("/api/v1/videos/privacies", ctx -> ctx.json(VideoConstants.privacies()), Access.ANYONE);
        r.get("/api/v1/videos", this::list, Access.ANYONE);
        // PeerTube's addresses beside videos/{id}, so that no word is taken for a video id:
        // nothing is ever blocklisted here (the admin removes a video), and comments have no list of all.
        r.get("/api/v1/videos/comments", ctx -> {
            throw ApiError.unknownEndpoint("GET", ctx.path());
        }, Access.ANYONE);
        r.get("/api/v1/videos/{id}", this::get, Access.ANYONE);
        r.get("/api/v1/videos/{id}/description", this::description, Access.ANYONE);
        r.get("/api/v1/videos/{id}/metadata/{fileId}", this::fileMetadata, Access.ANYONE);
        r.put("/api/v1/videos/{id}", this::update, Access.USER);
        r.delete("/api/v1/videos/{id}", this::delete, Access.USER);
        r.post("/api/v1/videos/{id}/views", this::view, Access.ANYONE);
        r.get("/api/v1/video-channels/{handle}/videos", this::channelVideos, Access.ANYONE);
        r.get("/api/v1/accounts/{name}/videos", this::accountVideos, Access.ANYONE);
        r.get("/api/v1/users/me/videos", this::myVideos, Access.USER);
        r.get("/api/v1/search/videos", this::search, Access.ANYONE);
        r.get("/api/v1/player-settings/videos/{id}", this::playerSettings, Access.ANYONE);
        r.put("/api/v1/player-settings/videos/{id}", this::updatePlayerSettings, Access.USER);
    }

    /**
     * PeerTube 8's per-video player look. Peerlet's player has one, so a video follows its
     * channel, which follows the instance's ("galaxy", as {@code /api/v1/config} says).
     */
    private void playerSettings(Context ctx) {
        service.viewable(ctx.pathParam("id"), Viewer.of(ctx));
        ctx.json(Map.of("theme", "true".equals(ctx.queryParam("raw")) ? PlayerLook.VIDEO_DEFAULT : PlayerLook.INSTANCE));
    }

    private void updatePlayerSettings(Context ctx) {
        service.manageable(ctx.pathParam("id"), Auth.required(ctx));
        PlayerLook.requireDefault(Body.of(ctx), PlayerLook.VIDEO_DEFAULT);
        ctx.json(Map.of("theme", PlayerLook.VIDEO_DEFAULT));
    }

    private void get(Context ctx) {
        Video v = service.viewable(ctx.pathParam("id"), Viewer.of(ctx));
        Map<String, Object> m = json.details(v, service.tags(v));
        if (Auth.user(ctx).map(u -> VideoAccess.canManage(v, u)).orElse(false)) m.put("visibility", privacy.visibility(v));
        addUserHistory(ctx, List.of(v), List.of(m));
        ctx.json(m);
    }

    /** A file's metadata ({@code metadataUrl}), to whoever may watch the video. */
    private void fileMetadata(Context ctx) {
        Video v = service.viewable(ctx.pathParam("id"), Viewer.of(ctx));
        ctx.json(FileMetadata.of(v, org.peerlet.http.PathParams.id(ctx, "fileId"))
                .orElseThrow(() -> ApiError.notFound("Video file metadata not found")));
    }

    private void description(Context ctx) {
        Video v = service.viewable(ctx.pathParam("id"), Viewer.of(ctx));
        ctx.json(Map.of("description", v.description() == null ? "" : v.description()));
    }

    private void update(Context ctx) {
        Video v = service.manageable(ctx.pathParam("id"), Auth.required(ctx));
        Body b = Body.of(ctx);
        VideoMetadata m = VideoForm.forUpdate(b, v, service.tags(v));
        List<String> passwords = VideoForm.passwords(b, m.privacy(), privacy.countPasswords(v.id()));
        if (passwords != null) privacy.replacePasswords(v.id(), passwords);
        if (ctx.isMultipartFormData()) {
            for (String field : List.of("thumbnailfile", "previewfile")) {
                var f = ctx.uploadedFile(field);
                if (f == null) continue;
                try (var in = f.content()) {
                    service.replaceImage(v, field.equals("thumbnailfile"), in, f.size());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        Video updated = service.update(v, m);
        ctx.status(204);
        ctx.attribute("video", updated);
    }

    private void delete(Context ctx) {
        service.delete(service.manageable(ctx.pathParam("id"), Auth.required(ctx)));
        ctx.status(204);
    }

    /** A view, and with PeerTube's {@code currentTime} where a logged-in viewer is (their history). */
    private void view(Context ctx) {
        Video v = service.viewable(ctx.pathParam("id"), Viewer.of(ctx));
        Optional<Integer> at = currentTime(Body.of(ctx));
        Optional<User> user = Auth.user(ctx);
        if (at.isPresent() && user.isPresent()) service.watched(v, user.get(), at.get());
        service.addView(v, proxies.clientOf(ctx));
        ctx.status(204);
    }

    /** Whole seconds; players report fractions, which count down to the second. */
    private static Optional<Integer> currentTime(Body b) {
        var node = b.raw() == null ? null : b.raw().get("currentTime");
        if (node != null && node.isNumber()) {
            if (!Double.isFinite(node.asDouble()) || node.asDouble() > Integer.MAX_VALUE) {
                throw ApiError.badField("currentTime", "currentTime is out of range");
            }
            return Optional.of((int) Math.floor(node.asDouble()));
        }
        return b.integer("currentTime");
    }

    /** PeerTube's {@code userHistory: {currentTime}} on each video the logged-in viewer has a position in. */
    private void addUserHistory(Context ctx, List<Video> videos, List<Map<String, Object>> answers) {
        Optional<User> user = Auth.user(ctx);
        if (user.isEmpty() || videos.isEmpty()) return;
        Map<Long, Integer> at = positions.of(user.get().id(), videos.stream().map(Video::id).toList());
        for (int i = 0; i < videos.size(); i++) {
            Integer t = at.get(videos.get(i).id());
            if (t != null) answers.get(i).put("userHistory", Map.of("currentTime", t));
        }
    }

    private void list(Context ctx) {
        answer(ctx, query(ctx, null, null, false, null));
    }

    private void channelVideos(Context ctx) {
        Channel c = channels.require(ctx.pathParam("handle"), urls.host());
        Account owner = channels.owner(c);
        answer(ctx, query(ctx, c.id(), null, isOwnerOrModerator(ctx, owner), null));
    }

    private void accountVideos(Context ctx) {
        Account a = accounts.byHandle(org.peerlet.common.Handle.parse(ctx.pathParam("name"), urls.host()))
                .orElseThrow(() -> ApiError.notFound("account not found"));
        answer(ctx, query(ctx, null, a.id(), isOwnerOrModerator(ctx, a), null));
    }

    private void myVideos(Context ctx) {
        User me = Auth.required(ctx);
        Account a = accounts.byUserId(me.id()).orElseThrow();
        answer(ctx, query(ctx, null, a.id(), true, null));
    }

    private void search(Context ctx) {
        String words = ftsQuery(Optional.ofNullable(ctx.queryParam("search")).orElse(""));
        if (words.isEmpty()) {
            ctx.json(Paging.result(0, List.of()));
            return;
        }
        answer(ctx, query(ctx, null, null, false, words));
    }

    private boolean isOwnerOrModerator(Context ctx, Account owner) {
        // Moderators see all of a local account's videos, never a remote one's restricted videos.
        return Auth.user(ctx).map(u -> (u.canModerate() && owner.isLocal()) || Long.valueOf(u.id()).equals(owner.userId())).orElse(false);
    }

    private void answer(Context ctx, VideoQuery q) {
        List<Video> page = service.list(q);
        Map<Long, List<String>> tags = service.tags(page);
        List<Map<String, Object>> data = new ArrayList<>();
        for (Video v : page) {
            Map<String, Object> m = json.summary(v);
            m.put("tags", tags.getOrDefault(v.id(), List.of()));
            data.add(m);
        }
        addUserHistory(ctx, page, data);
        boolean skipCount = "true".equals(ctx.queryParam("skipCount"));
        ctx.json(Paging.result(skipCount ? -1 : service.count(q), data));
    }

    /**
     * Builds a list query from PeerTube's parameters. The owner of the listed channel or
     * account sees all their videos; others see what {@link VideoAccess#listable} allows;
     * {@code privacyOneOf} is for moderators only, as in PeerTube.
     */
    private VideoQuery query(Context ctx, Long channelId, Long accountId, boolean ownerView, String search) {
        Paging p = Paging.of(ctx);
        Optional<User> viewer = Auth.user(ctx);
        Set<Privacy> privacies = VideoAccess.listable(viewer);
        boolean everything = false;
        List<String> asked = multi(ctx, "privacyOneOf");
        if (!asked.isEmpty()) {
            if (viewer.map(User::canModerate).orElse(false)) {
                privacies = EnumSet.noneOf(Privacy.class);
                for (String a : asked) privacies.add(Privacy.asked(parseInt(a, "privacyOneOf"), "privacyOneOf"));
            } else {
                throw ApiError.unauthorized("privacyOneOf is only for moderators");
            }
        }
        Long ownerAccount = null;
        if (ownerView) {
            if (accountId != null) ownerAccount = accountId;
            else everything = true;
        }
        String nsfwParam = ctx.queryParam("nsfw");
        Boolean nsfw = nsfwParam == null || nsfwParam.equals("both") ? null : Boolean.valueOf(nsfwParam);
        String isLocalParam = ctx.queryParam("isLocal");
        Boolean isLocal = isLocalParam == null ? null : Boolean.valueOf(isLocalParam);
        return new VideoQuery(p.start(), p.count(), ctx.queryParam("sort"),
                multi(ctx, "categoryOneOf").stream().map(s -> parseInt(s, "categoryOneOf")).toList(),
                multi(ctx, "licenceOneOf").stream().map(s -> parseInt(s, "licenceOneOf")).toList(),
                multi(ctx, "languageOneOf"), multi(ctx, "tagsOneOf"), multi(ctx, "tagsAllOf"),
                nsfw, isLocal, privacies, ownerAccount, everything, channelId, accountId, search,
                org.peerlet.blocklist.Blockers.of(viewer));
    }

    /** A repeated parameter, written {@code a=1&a=2}, {@code a[]=1} or {@code a=1,2}. */
    private static List<String> multi(Context ctx, String name) {
        List<String> out = new ArrayList<>();
        List<String> raw = new ArrayList<>(ctx.queryParams(name));
        raw.addAll(ctx.queryParams(name + "[]"));
        for (String v : raw) out.addAll(Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        return out;
    }

    private static int parseInt(String s, String name) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must hold whole numbers");
        }
    }

    /** Turns what a person typed into a safe FTS5 query: every word must match, as a prefix. */
    static String ftsQuery(String typed) {
        List<String> words = new ArrayList<>();
        for (String w : typed.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && words.size() < 10) words.add("\"" + w + "\"*");
        }
        return String.join(" ", words);
    }
}

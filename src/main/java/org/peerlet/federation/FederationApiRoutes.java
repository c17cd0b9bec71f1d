package org.peerlet.federation;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.blocklist.BlocklistRoutes;
import org.peerlet.channel.ChannelJson;
import org.peerlet.channel.ChannelService;
import org.peerlet.common.Times;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.federation.model.RemoteActor;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.account.Auth;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.video.Video;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoQuery;
import org.peerlet.video.VideoService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PeerTube's API for follows: the instance's following and followers (admin), a user's
 * subscriptions and their feed, and the server blocklist.
 */
public final class FederationApiRoutes implements RouteGroup {
    private final Follows follows;
    private final LocalActors local;
    private final RemoteActors remote;
    private final Blocklist blocklist;
    private final AccountDirectory accounts;
    private final ChannelService channels;
    private final VideoService videos;
    private final VideoJson videoJson;
    private final Urls urls;
    private final java.util.function.Supplier<Account> instanceAccount;

    public FederationApiRoutes(Follows follows, LocalActors local, RemoteActors remote, Blocklist blocklist,
                               AccountDirectory accounts, ChannelService channels, VideoService videos,
                               VideoJson videoJson, java.util.function.Supplier<Account> instanceAccount) {
        this.instanceAccount = instanceAccount;
        this.follows = follows;
        this.local = local;
        this.remote = remote;
        this.blocklist = blocklist;
        this.accounts = accounts;
        this.channels = channels;
        this.videos = videos;
        this.videoJson = videoJson;
        this.urls = local.urls();
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/server/following", this::following, Access.ANYONE);
        r.post("/api/v1/server/following", this::follow, Access.ADMIN);
        r.delete("/api/v1/server/following/{host}", this::unfollow, Access.ADMIN);
        r.get("/api/v1/server/followers", this::followers, Access.ANYONE);
        r.post("/api/v1/server/followers/{handle}/accept", ctx -> decide(ctx, true), Access.ADMIN);
        r.post("/api/v1/server/followers/{handle}/reject", ctx -> decide(ctx, false), Access.ADMIN);
        r.get("/api/v1/server/blocklist/servers", this::blocked, Access.MODERATOR);
        r.post("/api/v1/server/blocklist/servers", this::block, Access.MODERATOR);
        r.delete("/api/v1/server/blocklist/servers/{host}", this::unblock, Access.MODERATOR);
        r.get("/api/v1/users/me/subscriptions", this::subscriptions, Access.USER);
        r.post("/api/v1/users/me/subscriptions", this::subscribe, Access.USER);
        r.get("/api/v1/users/me/subscriptions/videos", this::feed, Access.USER);
        r.get("/api/v1/users/me/subscriptions/exist", this::exist, Access.USER);
        r.delete("/api/v1/users/me/subscriptions/{handle}", this::unsubscribe, Access.USER);
    }

    private Map<String, Object> actorJson(String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<RemoteActor> r = remote.known(url);
        m.put("url", url);
        m.put("name", r.map(RemoteActor::username).orElseGet(() -> url.substring(url.lastIndexOf('/') + 1)));
        m.put("host", r.map(RemoteActor::host).orElseGet(() -> As.host(url)));
        m.put("type", r.map(RemoteActor::type).orElse(local.byUrl(url).map(LocalActor::type).orElse(null)));
        return m;
    }

    private Map<String, Object> followJson(Follow f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("follower", actorJson(f.follower()));
        m.put("following", actorJson(f.following()));
        m.put("state", f.state());
        m.put("score", 100);
        m.put("createdAt", Times.iso(f.createdAt()));
        return m;
    }

    private void following(Context ctx) {
        Paging p = Paging.of(ctx);
        LocalActor me = local.instance();
        List<Map<String, Object>> data = follows.following(me, p.start(), p.count()).stream().map(this::followJson).toList();
        ctx.json(Paging.result(follows.countFollowing(me), data));
    }

    private void follow(Context ctx) {
        Body b = Body.of(ctx);
        List<String> hosts = b.list("hosts").orElse(List.of());
        List<String> handles = b.list("handles").orElse(List.of());
        if (hosts.isEmpty() && handles.isEmpty()) throw ApiError.badRequest("hosts or handles is required");
        for (String h : hosts) follows.followInstance(h.trim());
        for (String h : handles) {
            int at = h.indexOf('@');
            follows.followInstance(at < 0 ? h.trim() : h.substring(at + 1).trim());
        }
        ctx.status(204);
    }

    private void unfollow(Context ctx) {
        String h = ctx.pathParam("host");
        follows.unfollowInstance(h.contains("@") ? h.substring(h.indexOf('@') + 1) : h);
        ctx.status(204);
    }

    private void followers(Context ctx) {
        Paging p = Paging.of(ctx);
        LocalActor me = local.instance();
        String state = ctx.queryParam("state");
        List<Map<String, Object>> data = follows.followers(me, state, p.start(), p.count()).stream().map(this::followJson).toList();
        ctx.json(Paging.result(follows.countFollowers(me, state), data));
    }

    private void decide(Context ctx, boolean accept) {
        follows.decide(ctx.pathParam("handle"), accept);
        ctx.status(204);
    }

    private void blocked(Context ctx) {
        Paging p = Paging.of(ctx);
        List<Blocklist.Blocked> all = blocklist.list();
        Map<String, Object> by = org.peerlet.account.AccountJson.account(instanceAccount.get(), urls);
        List<Map<String, Object>> data = all.stream().skip(p.start()).limit(p.count())
                .map(b -> BlocklistRoutes.serverBlock(by, b.host(), b.createdAt())).toList();
        ctx.json(Paging.result(all.size(), data));
    }

    private void block(Context ctx) {
        String host = Body.of(ctx).required("host").trim();
        if (!host.matches("[A-Za-z0-9.-]+(:\\d{1,5})?")) throw ApiError.badRequest("not a host: " + host);
        blocklist.block(host);
        ctx.status(204);
    }

    private void unblock(Context ctx) {
        blocklist.unblock(ctx.pathParam("host"));
        ctx.status(204);
    }

    private void subscriptions(Context ctx) {
        User me = Auth.required(ctx);
        Paging p = Paging.of(ctx);
        List<Long> ids = follows.subscribedChannels(me.id());
        List<Map<String, Object>> data = new ArrayList<>();
        for (Long id : ids.stream().skip(p.start()).limit(p.count()).toList()) {
            channels.byId(id).ifPresent(c -> {
                Account owner = accounts.byId(c.accountId()).orElseThrow();
                data.add(ChannelJson.channel(c, owner, urls));
            });
        }
        ctx.json(Paging.result(ids.size(), data));
    }

    private void subscribe(Context ctx) {
        User me = Auth.required(ctx);
        String uri = Body.of(ctx).required("uri").trim();
        follows.subscribe(me, uri);
        ctx.status(204);
    }

    /** {@code ?uris=a@host&uris=b@host}: which of them I am subscribed to. */
    private void exist(Context ctx) {
        List<String> uris = new ArrayList<>();
        for (String u : ctx.queryParams("uris")) {
            for (String one : u.split(",")) if (!one.isBlank()) uris.add(one.trim());
        }
        if (uris.isEmpty() || uris.size() > 100) throw org.peerlet.http.ApiError.badRequest("uris must name 1 to 100 handles");
        ctx.json(follows.subscribed(Auth.required(ctx), uris));
    }

    private void unsubscribe(Context ctx) {
        follows.unsubscribe(Auth.required(ctx), ctx.pathParam("handle"));
        ctx.status(204);
    }

    /** Videos of the channels one subscribed to, newest first. */
    private void feed(Context ctx) {
        User me = Auth.required(ctx);
        Paging p = Paging.of(ctx);
        List<Video> all = new ArrayList<>();
        int total = 0;
        for (Long channelId : follows.subscribedChannels(me.id())) {
            VideoQuery q = new VideoQuery(0, p.start() + p.count(), "-publishedAt", null, null, null, null, null, null,
                    null, EnumSet.of(org.peerlet.video.Privacy.PUBLIC), null, false, channelId, null, null)
                    .hidingMutedBy(org.peerlet.blocklist.Blockers.of(Optional.of(me)));
            all.addAll(videos.list(q));
            total += videos.count(q);
        }
        all.sort(Comparator.comparingLong(Video::publishedAt).reversed().thenComparing(Video::id, Comparator.reverseOrder()));
        List<Map<String, Object>> data = all.stream().skip(p.start()).limit(p.count()).map(videoJson::summary).toList();
        ctx.json(Paging.result(total, data));
    }
}

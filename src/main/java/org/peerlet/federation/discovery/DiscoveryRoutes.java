package org.peerlet.federation.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.Version;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.AccountService;
import org.peerlet.channel.ChannelService;
import org.peerlet.common.Times;
import org.peerlet.federation.Follow;
import org.peerlet.federation.Follows;
import org.peerlet.federation.LocalActors;
import org.peerlet.federation.Publisher;
import org.peerlet.federation.model.Activities;
import org.peerlet.federation.model.ActorDocs;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Json;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.InstanceSettings;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How other servers find us and read us: WebFinger, host-meta, NodeInfo 2.0, and the actor,
 * collection and video documents. Actor and video URLs are also web pages: a request that does
 * not ask for ActivityPub JSON gets the web UI (by answering 404 to this route, which the server
 * turns into the app's shell for GETs).
 *
 * <p>Deliberate differences from PeerTube: outboxes list public videos only (as {@code Create}s;
 * PeerTube lists its other activities too), a remote video's URL here answers 404 rather than
 * redirecting to its origin, and NodeInfo's {@code metadata} holds only the node name.
 */
public final class DiscoveryRoutes implements RouteGroup {
    public static final String AP_TYPE = "application/activity+json; charset=utf-8";
    private static final int PAGE = 10;

    private final LocalActors local;
    private final Follows follows;
    private final Publisher publisher;
    private final AccountDirectory accounts;
    private final AccountService accountService;
    private final ChannelService channels;
    private final VideoService videos;
    private final SocialService social;
    private final InstanceSettings instance;
    /** Lets the people a restricted video is shared with fetch its object with a signed GET. */
    private final org.peerlet.federation.SignedRequests signed;

    public DiscoveryRoutes(LocalActors local, Follows follows, Publisher publisher,
                           AccountDirectory accounts, ChannelService channels, VideoService videos,
                           SocialService social, AccountService accountService, InstanceSettings instance,
                           org.peerlet.federation.SignedRequests signed) {
        this.signed = signed;
        this.accountService = accountService;
        this.local = local;
        this.follows = follows;
        this.publisher = publisher;
        this.accounts = accounts;
        this.channels = channels;
        this.videos = videos;
        this.social = social;
        this.instance = instance;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/.well-known/webfinger", this::webfinger, Access.ANYONE);
        r.get("/.well-known/host-meta", this::hostMeta, Access.ANYONE);
        r.get("/.well-known/nodeinfo", this::nodeinfoLinks, Access.ANYONE);
        r.get("/nodeinfo/2.0.json", this::nodeinfo, Access.ANYONE);
        r.get("/nodeinfo/2.0", this::nodeinfo, Access.ANYONE);
        r.get("/accounts/{name}", ctx -> actor(ctx, account(ctx)), Access.ANYONE);
        r.get("/video-channels/{name}", ctx -> actor(ctx, channel(ctx)), Access.ANYONE);
        for (String kind : List.of("accounts", "video-channels")) {
            r.get("/" + kind + "/{name}/followers", ctx -> followers(ctx, actorOf(ctx, kind)), Access.ANYONE);
            r.get("/" + kind + "/{name}/following", ctx -> following(ctx, actorOf(ctx, kind)), Access.ANYONE);
            r.get("/" + kind + "/{name}/outbox", ctx -> outbox(ctx, actorOf(ctx, kind)), Access.ANYONE);
        }
        r.get("/videos/watch/{uuid}", this::video, Access.ANYONE);
        r.get("/videos/watch/{uuid}/comments/{id}", this::comment, Access.ANYONE);
    }

    /** True if the client asks for ActivityPub JSON rather than a page. */
    public static boolean wantsActivityJson(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null) return false;
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("application/activity+json") || a.contains("application/ld+json");
    }

    static void answer(Context ctx, Object doc) {
        ctx.header("Vary", "Accept");
        ctx.contentType(AP_TYPE).result(Json.write(doc));
    }

    /** A browser asking: the web UI has the page (it routes the address itself). */
    static boolean page(Context ctx) {
        if (wantsActivityJson(ctx)) return false;
        ctx.header("Vary", "Accept");
        ctx.res().setCharacterEncoding(null);
        ctx.contentType("text/html; charset=utf-8").result(org.peerlet.http.WebShell.html());
        return true;
    }

    private Optional<LocalActor> account(Context ctx) {
        return accounts.byName(ctx.pathParam("name"), "").map(local::of);
    }

    private Optional<LocalActor> channel(Context ctx) {
        return channels.byName(ctx.pathParam("name"), "").map(local::of);
    }

    private Optional<LocalActor> actorOf(Context ctx, String kind) {
        return kind.equals("accounts") ? account(ctx) : channel(ctx);
    }

    private void actor(Context ctx, Optional<LocalActor> a) {
        if (page(ctx)) return;
        LocalActor actor = a.orElseThrow(() -> ApiError.notFound("no such actor"));
        answer(ctx, local.document(actor));
    }

    private void followers(Context ctx, Optional<LocalActor> a) {
        if (page(ctx)) return;
        LocalActor actor = a.orElseThrow(() -> ApiError.notFound("no such actor"));
        int total = follows.countFollowers(actor, Follows.ACCEPTED);
        Integer page = pageParam(ctx);
        List<String> items = page == null ? List.of() : follows.followers(actor, Follows.ACCEPTED, (page - 1) * PAGE, PAGE)
                .stream().map(Follow::follower).toList();
        answer(ctx, ActorDocs.collection(actor.followers(), total, page, items, page != null && page * PAGE < total));
    }

    private void following(Context ctx, Optional<LocalActor> a) {
        if (page(ctx)) return;
        LocalActor actor = a.orElseThrow(() -> ApiError.notFound("no such actor"));
        int total = follows.countFollowing(actor);
        Integer page = pageParam(ctx);
        List<String> items = page == null ? List.of() : follows.following(actor, (page - 1) * PAGE, PAGE)
                .stream().map(Follow::following).toList();
        answer(ctx, ActorDocs.collection(actor.following(), total, page, items, page != null && page * PAGE < total));
    }

    /**
     * The actor's public videos, newest first, as {@code Create} activities (PeerTube's outbox), so
     * a new follower can fetch what was published before it came: a channel's, an account's, or
     * for the instance every local one.
     */
    private void outbox(Context ctx, Optional<LocalActor> a) {
        if (page(ctx)) return;
        LocalActor actor = a.orElseThrow(() -> ApiError.notFound("no such actor"));
        Integer page = pageParam(ctx);
        boolean channel = actor.kind() == LocalActor.Kind.CHANNEL;
        Long accountId = channel || actor.isInstance() ? null : actor.refId();
        org.peerlet.video.VideoQuery q = new org.peerlet.video.VideoQuery(page == null ? 0 : (page - 1) * PAGE, PAGE,
                "-publishedAt", List.of(), List.of(), List.of(), List.of(), List.of(), null, true,
                java.util.Set.of(org.peerlet.video.Privacy.PUBLIC), null, false, channel ? actor.refId() : null, accountId, null);
        int total = videos.count(q);
        ObjectNode doc = ActorDocs.collection(actor.outbox(), total, page, List.of(), page != null && page * PAGE < total);
        if (page != null) {
            ArrayNode items = doc.putArray("orderedItems");
            for (Video v : videos.list(q)) {
                if (!Publisher.federable(v)) continue;
                ObjectNode object = publisher.videoObject(v);
                object.remove("@context");
                ObjectNode create = Activities.activity("Create", local.urls().video(v.uuid()) + "/activity",
                        local.of(v.account()).url(), object, List.of(As.PUBLIC), List.of());
                create.remove("@context");
                items.add(create);
            }
        }
        answer(ctx, doc);
    }

    private static Integer pageParam(Context ctx) {
        String p = ctx.queryParam("page");
        if (p == null) return null;
        try {
            int n = Integer.parseInt(p);
            if (n < 1 || n > 100_000) throw ApiError.badRequest("page must be 1 or more");
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("page must be a number");
        }
    }

    /**
     * A public or unlisted video's object for anyone; a restricted one's only for a request
     * HTTP-signed by a remote person it is shared with (addressed to them alone); else 404.
     */
    private void video(Context ctx) {
        if (page(ctx)) return;
        Video v = videos.find(ctx.pathParam("uuid")).filter(Video::isLocal)
                .orElseThrow(() -> ApiError.notFound("Video not found"));
        if (Publisher.federable(v)) {
            answer(ctx, publisher.videoObject(v));
            return;
        }
        Optional<String> signer = signed.actorOf(ctx);
        Long account = signer.flatMap(signed::accountOf).orElse(null);
        if (account == null || v.state() != org.peerlet.video.VideoState.PUBLISHED
                || !videos.access().canView(v, org.peerlet.video.Viewer.anonymous().withRemoteAccount(account))) {
            throw ApiError.notFound("Video not found");
        }
        ctx.header("Cache-Control", "private, no-store");
        answer(ctx, publisher.addressedObject(v, List.of(signer.get())));
    }


    private void comment(Context ctx) {
        if (page(ctx)) return;
        // Ours on our public videos, and ours on other servers' public videos: their origin forwards
        // those to its followers, who fetch them here to be sure we wrote them.
        Video v = videos.find(ctx.pathParam("uuid"))
                .filter(x -> x.isLocal() ? Publisher.federable(x) : x.privacy() == org.peerlet.video.Privacy.PUBLIC)
                .orElseThrow(() -> ApiError.notFound("Video not found"));
        String url = local.urls().video(v.uuid()) + "/comments/" + ctx.pathParam("id");
        Comment c = social.byUrl(url).filter(x -> x.videoId() == v.id()).filter(x -> !x.heldForReview())
                .filter(x -> v.isLocal() || (x.account() != null && x.account().isLocal()))
                .orElseThrow(() -> ApiError.notFound("no such comment"));
        String videoUrl = publisher.videoUrl(v);
        if (videoUrl == null) throw ApiError.notFound("Video not found");
        ObjectNode note = As.object();
        note.put("@context", As.CONTEXT);
        if (c.isDeleted()) {
            note.put("type", "Tombstone");
            note.put("id", c.url());
            note.put("formerType", "Note");
            note.put("deleted", Times.iso(c.deletedAt()));
            ctx.status(410);
            answer(ctx, note);
            return;
        }
        note.put("type", "Note");
        note.put("id", c.url());
        note.put("content", c.html());
        note.put("inReplyTo", videoUrl);
        note.put("attributedTo", local.of(c.account()).url());
        note.put("published", Times.iso(c.createdAt()));
        note.putArray("to").add(As.PUBLIC);
        answer(ctx, note);
    }

    private void webfinger(Context ctx) {
        String resource = Optional.ofNullable(ctx.queryParam("resource")).map(String::trim)
                .orElseThrow(() -> ApiError.badRequest("resource is required"));
        String base = local.urls().base();
        String host = local.urls().host();
        Optional<LocalActor> actor = Optional.empty();
        if (resource.startsWith("acct:") || (!resource.contains("/") && resource.contains("@"))) {
            String acct = resource.startsWith("acct:") ? resource.substring(5) : resource;
            if (acct.startsWith("@")) acct = acct.substring(1);
            int at = acct.lastIndexOf('@');
            if (at > 0 && acct.substring(at + 1).equalsIgnoreCase(host)) {
                String name = acct.substring(0, at);
                actor = local.account(name).or(() -> local.channel(name));
            }
        } else if (resource.startsWith(base + "/accounts/") || resource.startsWith(base + "/video-channels/")) {
            actor = local.byUrl(resource);
        }
        LocalActor a = actor.orElseThrow(() -> ApiError.notFound("no actor for " + resource));
        ObjectNode o = As.object();
        o.put("subject", "acct:" + a.name() + "@" + host);
        o.putArray("aliases").add(a.url());
        ArrayNode links = o.putArray("links");
        links.addObject().put("rel", "self").put("type", "application/activity+json").put("href", a.url());
        links.addObject().put("rel", "http://webfinger.net/rel/profile-page").put("type", "text/html").put("href", a.url());
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType("application/jrd+json; charset=utf-8").result(Json.write(o));
    }

    private void hostMeta(Context ctx) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
                + "  <Link rel=\"lrdd\" type=\"application/jrd+json\" template=\"" + local.urls().base()
                + "/.well-known/webfinger?resource={uri}\"/>\n</XRD>\n";
        ctx.contentType("application/xrd+xml; charset=utf-8").result(xml);
    }

    private void nodeinfoLinks(Context ctx) {
        ObjectNode o = As.object();
        o.putArray("links").addObject().put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.0")
                .put("href", local.urls().base() + "/nodeinfo/2.0.json");
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType("application/json; charset=utf-8").result(Json.write(o));
    }

    private void nodeinfo(Context ctx) {
        ObjectNode o = As.object();
        o.put("version", "2.0");
        o.putObject("software").put("name", "peerlet").put("version", Version.VERSION);
        o.putArray("protocols").add("activitypub");
        ObjectNode services = o.putObject("services");
        services.putArray("inbound");
        services.putArray("outbound");
        o.put("openRegistrations", instance.flag(InstanceSettings.SIGNUP_ENABLED));
        ObjectNode usage = o.putObject("usage");
        usage.putObject("users").put("total", accountService.countUsers());
        usage.put("localPosts", videos.countLocalPublic());
        usage.put("localComments", social.countLocalComments());
        o.putObject("metadata").put("nodeName", instance.get(InstanceSettings.NAME));
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.0#\"; charset=utf-8")
                .result(Json.write(o));
    }
}

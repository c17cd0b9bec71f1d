package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.db.Database;
import org.peerlet.federation.delivery.Outbox;
import org.peerlet.federation.model.Activities;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.federation.model.RemoteActor;
import org.peerlet.http.Json;
import org.peerlet.moderation.Abuses;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reports between servers, as ActivityPub {@code Flag}s. A report here of another server's video,
 * comment or account goes to that server from our instance actor (the reporter stays unnamed, as
 * PeerTube does); a Flag from elsewhere about something of ours lands in our moderators' queue.
 */
public final class Flags {
    private static final Logger LOG = LoggerFactory.getLogger("federation.flags");

    private final Database db;
    private final FederationRepository repo = new FederationRepository();
    private final LocalActors local;
    private final Publisher publisher;
    private final Outbox outbox;
    private final AccountDirectory accounts;
    private final VideoService videos;
    private final SocialService social;
    private final Abuses abuses;

    public Flags(Database db, LocalActors local, Publisher publisher, Outbox outbox, AccountDirectory accounts,
                 VideoService videos, SocialService social, Abuses abuses) {
        this.db = db;
        this.local = local;
        this.publisher = publisher;
        this.outbox = outbox;
        this.accounts = accounts;
        this.videos = videos;
        this.social = social;
        this.abuses = abuses;
    }

    /** A report made here: sent on when what it is about lives on another server. */
    public void reported(Abuses.Reported r) {
        if (r.flagged().isLocal()) return;
        Optional<RemoteActor> owner = repo.actorByAccount(db.dsl(), r.flagged().id());
        if (owner.isEmpty()) return;
        String object = r.video() != null ? publisher.videoUrl(r.video())
                : r.comment() != null ? r.comment().url() : owner.get().url();
        if (object == null) return;
        LocalActor instance = local.instance();
        ObjectNode flag = As.object();
        flag.putArray("@context").add(As.CONTEXT);
        flag.put("type", "Flag");
        flag.put("id", local.urls().base() + "/admin/abuses/" + r.abuse().id());
        flag.put("actor", instance.url());
        ArrayNode objects = flag.putArray("object");
        objects.add(object);
        if (r.video() != null || r.comment() != null) objects.add(owner.get().url());
        flag.put("content", r.abuse().reason());
        flag.put("mediaType", "text/markdown");
        ArrayNode tags = flag.putArray("tag");
        r.abuse().predefinedReasons().forEach(p -> tags.addObject().put("type", "Hashtag").put("name", p));
        if (r.abuse().startAt() != null) flag.put("startAt", r.abuse().startAt());
        if (r.abuse().endAt() != null) flag.put("endAt", r.abuse().endAt());
        flag.putArray("to").add(owner.get().url());
        outbox.enqueue(instance, Json.write(flag), List.of(owner.get().deliveryInbox()));
    }

    /**
     * A signed Flag from another server: kept when it names something of ours (a video, a comment,
     * an account). Its actor is the reporter when we know them as an account.
     */
    public void received(JsonNode activity, RemoteActor actor) {
        String id = As.text(activity, "id");
        if (id == null || !As.sameHost(id, actor.url())) return;
        Video video = null;
        Comment comment = null;
        Account flagged;
        for (String url : As.ids(activity.get("object"))) {
            Optional<Video> v = ourVideo(url);
            if (v.isPresent() && video == null) video = v.get();
            Optional<Comment> c = v.isPresent() ? Optional.empty() : social.byUrl(url).filter(x -> x.account().isLocal());
            if (c.isPresent() && comment == null) comment = c.get();
        }
        if (video != null) flagged = video.account();
        else if (comment != null) flagged = comment.account();
        else flagged = firstLocalAccount(As.ids(activity.get("object"))).orElse(null);
        if (flagged == null || !flagged.isLocal()) return;
        List<String> reasons = new ArrayList<>();
        for (JsonNode t : activity.path("tag")) if (t.path("name").isTextual()) reasons.add(t.get("name").asText());
        boolean kept = abuses.received(id, actor.accountId(), video, video != null ? null : comment, flagged, As.text(activity, "content"), reasons);
        if (kept) LOG.info("report {} from {} about {}", id, actor.host(), flagged.name());
    }

    private Optional<Account> firstLocalAccount(List<String> urls) {
        for (String url : urls) {
            Optional<Account> a = local.byUrl(url).filter(x -> x.kind() == LocalActor.Kind.ACCOUNT && !x.isInstance())
                    .flatMap(x -> accounts.byId(x.refId()));
            if (a.isPresent()) return a;
        }
        return Optional.empty();
    }

    private Optional<Video> ourVideo(String url) {
        String prefix = local.urls().base() + "/videos/watch/";
        if (url == null || !url.startsWith(prefix) || url.length() != prefix.length() + 36) return Optional.empty();
        return videos.find(url.substring(prefix.length())).filter(Video::isLocal);
    }
}

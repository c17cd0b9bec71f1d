package org.peerlet.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.account.Account;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.peerlet.caption.CaptionService;
import org.peerlet.db.Database;
import org.peerlet.federation.model.CaptionObjects;
import org.peerlet.federation.delivery.Outbox;
import org.peerlet.federation.model.Activities;
import org.peerlet.federation.model.As;
import org.peerlet.channel.Faces;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.federation.model.RemoteActor;
import org.peerlet.federation.model.VideoObjects;
import org.peerlet.common.Handle;
import org.peerlet.http.Json;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialService;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.VideoJson;
import org.peerlet.privacy.PrivacyService;
import org.peerlet.video.VideoService;
import org.peerlet.video.VideoState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Sends what happens here to the servers that follow it: a video published (Create), changed
 * (Update), deleted or made private (Delete); comments (Create Note) and ratings (Like, Dislike,
 * Undo). Every send is a row in the outbox; nothing here waits on the network.
 */
public final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger("federation");

    private final Database db;
    private final FederationRepository repo = new FederationRepository();
    private final LocalActors local;
    private final RemoteActors remote;
    private final Follows follows;
    private final Outbox outbox;
    private final VideoService videos;
    private final VideoJson videoJson;
    /** A non-public video goes to its remote sharees alone, as an addressed-only {@code Video}. */
    private final PrivacyService privacy;
    private final Clock clock;

    private final CaptionService captions;
    private static final int MAX_LOOKUPS = 3;

    public Publisher(Database db, LocalActors local, RemoteActors remote, Follows follows,
                     Outbox outbox, VideoService videos, VideoJson videoJson, PrivacyService privacy,
                     CaptionService captions, Clock clock) {
        this.db = db;
        this.captions = captions;
        this.privacy = privacy;
        this.local = local;
        this.remote = remote;
        this.follows = follows;
        this.outbox = outbox;
        this.videos = videos;
        this.videoJson = videoJson;
        this.clock = clock;
    }

    /** Public and unlisted published videos federate; private, internal and password ones never. */
    public static boolean federable(Video v) {
        return v.state() == VideoState.PUBLISHED && (v.privacy() == Privacy.PUBLIC || v.privacy() == Privacy.UNLISTED)
                && !v.isBlocked();
    }

    /** A video by ActivityPub id: ours (/videos/watch/uuid, if it federates) or a remote one we hold. */
    public static Optional<Video> byUrl(String url, String ourBase, VideoService videos, RemoteVideos remote) {
        if (url == null) return Optional.empty();
        String prefix = ourBase + "/videos/watch/";
        if (url.startsWith(prefix)) {
            String uuid = url.substring(prefix.length());
            if (uuid.length() != 36) return Optional.empty();
            return videos.find(uuid).filter(v -> v.isLocal() && federable(v));
        }
        return remote.byUrl(url);
    }

    /** The ActivityPub id of any video: ours under /videos/watch, a remote one as its origin named it. */
    public String videoUrl(Video v) {
        if (v.isLocal()) return local.urls().video(v.uuid());
        return repo.videoUrl(db.dsl(), v.id()).orElse(null);
    }

    public ObjectNode videoObject(Video v) {
        LocalActor account = local.of(v.account());
        LocalActor channel = local.of(v.channel());
        String thumb = v.hasThumbnail() ? local.urls().base() + "/lazy-static/thumbnails/" + v.uuid() + ".jpg" : null;
        ObjectNode o = VideoObjects.toObject(v, videos.tags(v), local.urls().video(v.uuid()), local.urls().watch(v.shortUuid()),
                videoJson.hlsBase(v), account.url(), channel.url(), thumb);
        VideoObjects.addFileLinks(o, videoJson.fileLinks(v));
        CaptionObjects.write((ArrayNode) o.get("subtitleLanguage"), captions.links(v, local.urls().base()));
        o.putArray("@context").add(As.CONTEXT);
        return o;
    }

    /** The remote people a restricted local video is shared with, as known actors. */
    private List<RemoteActor> remoteSharees(long videoId) {
        List<RemoteActor> out = new ArrayList<>();
        for (long accountId : privacy.remoteSharees(videoId)) repo.actorByAccount(db.dsl(), accountId).ifPresent(out::add);
        return out;
    }

    /** The object of a restricted video, addressed to these actors alone (never Public, never followers). */
    public ObjectNode addressedObject(Video v, List<String> actorUrls) {
        ObjectNode o = videoObject(v);
        var to = o.putArray("to");
        actorUrls.forEach(to::add);
        o.putArray("cc");
        return o;
    }

    /**
     * Sends a restricted local video to the remote people it is shared with, one activity per
     * host addressed to that host's sharees only; the receiving instance keeps it as a video
     * only they may see. A person removed from the share gets a Delete if no one on their host
     * still has it (else the new Create narrows that host's audience).
     *
     * @param removed the account just removed from the share, or null
     */
    public void addressed(Video v, Account removed) {
        if (!v.isLocal()) return;
        try {
            boolean restricted = !federable(v) && v.state() == VideoState.PUBLISHED;
            List<RemoteActor> people = restricted ? remoteSharees(v.id()) : List.of();
            java.util.Map<String, List<RemoteActor>> byHost = new java.util.LinkedHashMap<>();
            for (RemoteActor p : people) byHost.computeIfAbsent(p.host(), h -> new ArrayList<>()).add(p);
            LocalActor account = local.of(v.account());
            for (List<RemoteActor> group : byHost.values()) {
                List<String> urls = group.stream().map(RemoteActor::url).toList();
                ObjectNode object = addressedObject(v, urls);
                object.remove("@context");
                ObjectNode activity = Activities.activity("Create", follows.newActivityId(account), account.url(), object,
                        urls, List.of());
                outbox.enqueue(account, Json.write(activity), group.stream().map(RemoteActor::inbox).distinct().toList());
            }
            if (removed != null && !removed.isLocal() && !byHost.containsKey(removed.host())) {
                repo.actorByAccount(db.dsl(), removed.id()).ifPresent(p -> takeBack(v, List.of(p)));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not queue the shares of video {}: {}", v.uuid(), e.toString());
        }
    }

    /** A Delete of the video, addressed to these people alone. */
    private void takeBack(Video v, List<RemoteActor> people) {
        if (people.isEmpty()) return;
        LocalActor account = local.of(v.account());
        List<String> urls = people.stream().map(RemoteActor::url).toList();
        ObjectNode activity = Activities.activity("Delete", follows.newActivityId(account), account.url(),
                Activities.tombstone(local.urls().video(v.uuid())), urls, List.of());
        outbox.enqueue(account, Json.write(activity), people.stream().map(RemoteActor::inbox).distinct().toList());
    }

    /** Just before a local video is deleted (its shares go with it): a Delete to its remote sharees. */
    public void beforeDelete(Video v) {
        try {
            if (v.isLocal() && !federable(v)) takeBack(v, remoteSharees(v.id()));
        } catch (RuntimeException e) {
            LOG.warn("could not queue the Delete of video {} to its sharees: {}", v.uuid(), e.toString());
        }
    }

    /** After any change to a local video: Create, Update or Delete as its state calls for. */
    public void changed(Video v, boolean deleted) {
        if (!v.isLocal()) return;
        try {
            boolean was = repo.wasFederated(db.dsl(), v.uuid());
            boolean now = !deleted && federable(v);
            if (now) {
                send(v, was ? "Update" : "Create", videoObject(v));
                if (!was) db.writeVoid(tx -> repo.markFederated(tx, v.uuid(), true, clock.millis()));
            } else if (was && !(v.isBlocked() && !v.block().unfederated())) {
                // (A block that does not unfederate hides it here only: copies elsewhere stay, as PeerTube does.)
                // Hosts where someone it is shared with lives get the addressed Create instead,
                // which turns their copy into a restricted one (a Delete could overtake it).
                java.util.Set<String> keep = new java.util.HashSet<>();
                if (!deleted) remoteSharees(v.id()).forEach(p -> keep.add(p.host()));
                send(v, "Delete", Activities.tombstone(local.urls().video(v.uuid())), keep);
                db.writeVoid(tx -> repo.markFederated(tx, v.uuid(), false, clock.millis()));
            }
            if (!deleted && !now) addressed(v, null);
        } catch (RuntimeException e) {
            LOG.warn("could not queue federation of video {}: {}", v.uuid(), e.toString());
        }
    }

    private void send(Video v, String type, ObjectNode object) {
        send(v, type, object, java.util.Set.of());
    }

    private void send(Video v, String type, ObjectNode object, java.util.Set<String> exceptHosts) {
        toFollowers(v.account(), v.channel(), type, object, exceptHosts);
    }

    /** An activity by this account, public, to the followers of the account, the channel and the instance. */
    void toFollowers(Account owner, org.peerlet.channel.Channel ch, String type, ObjectNode object, java.util.Set<String> exceptHosts) {
        object.remove("@context");
        LocalActor account = local.of(owner);
        LocalActor channel = local.of(ch);
        List<String> to = List.of(As.PUBLIC);
        List<String> cc = List.of(account.followers(), channel.followers());
        ObjectNode activity = Activities.activity(type, follows.newActivityId(account), account.url(), object, to, cc);
        List<String> inboxes = follows.followerInboxes(List.of(account, channel, local.instance())).stream()
                .filter(i -> !exceptHosts.contains(As.host(i))).toList();
        if (!inboxes.isEmpty()) outbox.enqueue(account, Json.write(activity), inboxes);
    }

    /**
     * A comment made here: to the video's origin when remote, to the followers when ours. The
     * content is the safe HTML that Mastodon shows; PeerTube reads the Markdown in {@code source}.
     * A comment on a local video that does not federate stays here. The people it mentions are
     * named in {@code tag} (Mention) and {@code cc}; those elsewhere get it in their inbox when
     * the video is public.
     */
    public void commented(SocialService.CommentPosted e) {
        Comment c = e.comment();
        Video v = e.video();
        Comment parent = e.parent();
        try {
            String videoUrl = videoUrl(v);
            if (videoUrl == null || (v.isLocal() && !federable(v)) || !c.account().isLocal()) return;
            LocalActor author = local.of(c.account());
            ObjectNode note = As.object();
            note.put("type", "Note");
            note.put("id", c.url());
            note.put("content", c.html());
            note.putObject("source").put("content", c.text()).put("mediaType", "text/markdown");
            note.put("mediaType", "text/html");
            note.put("inReplyTo", parent == null ? videoUrl : parent.url());
            note.put("attributedTo", author.url());
            note.put("published", org.peerlet.common.Times.iso(c.createdAt()));
            note.put("updated", org.peerlet.common.Times.iso(c.updatedAt()));
            note.put("url", c.url());
            note.putArray("to").add(As.PUBLIC);
            List<String> cc = new ArrayList<>(List.of(author.followers()));
            List<String> inboxes = targets(v);
            for (Mentioned m : mentioned(e.mentions())) {
                note.withArray("tag").addObject().put("type", "Mention").put("href", m.url()).put("name", m.name());
                cc.add(m.url());
                if (m.inbox() != null && v.privacy() == Privacy.PUBLIC && !inboxes.contains(m.inbox())) inboxes.add(m.inbox());
            }
            cc.forEach(note.putArray("cc")::add);
            ObjectNode create = Activities.activity("Create", follows.newActivityId(author), author.url(), note,
                    List.of(As.PUBLIC), cc);
            outbox.enqueue(author, Json.write(create), inboxes);
        } catch (RuntimeException ex) {
            LOG.warn("could not queue comment {}: {}", c.id(), ex.toString());
        }
    }

    /**
     * Another server's comment on one of our public videos, as it came (a Create or Update of a
     * Note): sent on to our followers, as PeerTube's inbox forwarding does, signed by the video's
     * channel. Receivers cannot take our word for someone else's Note: they fetch it again from
     * its origin before keeping it (see the inbox). Not sent back to the author's own server.
     */
    public void forward(Video v, Comment c, com.fasterxml.jackson.databind.JsonNode activity) {
        if (!v.isLocal() || !federable(v) || c.heldForReview() || c.account().isLocal()) return;
        try {
            List<String> inboxes = new ArrayList<>(targets(v));
            inboxes.removeIf(inbox -> c.account().host().equals(As.host(inbox)));
            if (!inboxes.isEmpty()) outbox.enqueue(local.of(v.channel()), Json.write(activity), inboxes);
        } catch (RuntimeException ex) {
            LOG.warn("could not forward comment {}: {}", c.id(), ex.toString());
        }
    }

    /** Someone a comment names: their actor's URL, "@name@host", and their inbox if elsewhere. */
    private record Mentioned(String url, String name, String inbox) {
    }

    /**
     * The actors behind a comment's mentions: ours by name; others as we know them, else looked
     * up by WebFinger (at most {@value #MAX_LOOKUPS}, through the guarded client). Unknown ones drop out.
     */
    private List<Mentioned> mentioned(List<Handle> handles) {
        List<Mentioned> out = new ArrayList<>();
        int lookups = 0;
        for (Handle h : handles) {
            if (h.isLocal()) {
                local.account(h.name()).ifPresent(a -> out.add(new Mentioned(a.url(), "@" + a.name() + "@" + local.urls().host(), null)));
                continue;
            }
            Optional<RemoteActor> known = repo.personByHandle(db.dsl(), h.name(), h.host());
            if (known.isEmpty() && lookups++ < MAX_LOOKUPS) {
                try {
                    known = Optional.of(remote.byHandle(h.name() + "@" + h.host()));
                } catch (IOException | RuntimeException ex) {
                    LOG.info("mention of {} not resolved: {}", h, ex.getMessage());
                }
            }
            known.filter(a -> a.accountId() != null)
                    .ifPresent(a -> out.add(new Mentioned(a.url(), "@" + a.handle(), a.deliveryInbox())));
        }
        return out;
    }

    /** A comment made here was deleted: its Tombstone goes where the comment went. */
    public void commentDeleted(Comment c, Video v) {
        if (!c.account().isLocal() || videoUrl(v) == null || (v.isLocal() && !federable(v))) return;
        LocalActor author = local.of(c.account());
        ObjectNode tomb = Activities.tombstone(c.url());
        tomb.put("formerType", "Note");
        tomb.put("deleted", org.peerlet.common.Times.iso(clock.millis()));
        ObjectNode delete = Activities.activity("Delete", follows.newActivityId(author), author.url(), tomb,
                List.of(As.PUBLIC), List.of(author.followers()));
        outbox.enqueue(author, Json.write(delete), targets(v));
    }

    /**
     * One of our people or channels changed face: an {@code Update} with its document goes to its
     * followers (and, for a channel, its owner's and the instance's), who fetch it again.
     */
    public void actorChanged(Faces.Changed e) {
        try {
            Optional<LocalActor> actor = e.channelId() != null ? local.channelById(e.channelId()) : local.accountById(e.accountId());
            if (actor.isEmpty()) return;
            ObjectNode doc = local.document(actor.get());
            doc.remove("@context");
            ObjectNode update = Activities.activity("Update", follows.newActivityId(actor.get()), actor.get().url(), doc,
                    List.of(As.PUBLIC), List.of(actor.get().followers()));
            List<String> inboxes = follows.followerInboxes(List.of(actor.get(), local.instance()));
            if (!inboxes.isEmpty()) outbox.enqueue(actor.get(), Json.write(update), inboxes);
        } catch (RuntimeException ex) {
            LOG.warn("could not queue the update of an actor: {}", ex.toString());
        }
    }

    /** A local rating: Like or Dislike to the video's origin, with Undo of the previous one. */
    public void rated(SocialService.RateChange r) {
        Video v = r.video();
        if (v.isLocal()) return; // our own counts are already right; PeerTube does not broadcast them either
        String videoUrl = videoUrl(v);
        if (videoUrl == null) return;
        Account a = r.account();
        LocalActor me = local.of(a);
        List<String> inboxes = targets(v);
        if (r.before() != null) {
            ObjectNode inner = rateActivity(me, r.before(), videoUrl, me.url() + "/rates/" + v.uuid() + "/" + r.before());
            outbox.enqueue(me, Json.write(Activities.undo(follows.newActivityId(me), me.url(), inner, List.of(As.PUBLIC))), inboxes);
        }
        if (r.after() != null) {
            ObjectNode act = rateActivity(me, r.after(), videoUrl, me.url() + "/rates/" + v.uuid() + "/" + r.after());
            outbox.enqueue(me, Json.write(act), inboxes);
        }
    }

    private ObjectNode rateActivity(LocalActor me, String rating, String videoUrl, String id) {
        return Activities.activity(rating.equals("like") ? "Like" : "Dislike", id, me.url(),
                As.object().textNode(videoUrl), List.of(As.PUBLIC), List.of());
    }

    /** Where an interaction with a video goes: its origin (channel's inbox) if remote, else our followers. */
    private List<String> targets(Video v) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (v.isLocal()) {
            out.addAll(follows.followerInboxes(List.of(local.of(v.account()), local.of(v.channel()), local.instance())));
        } else {
            Optional<RemoteActor> channel = repo.actorByChannel(db.dsl(), v.channel().id());
            channel.ifPresent(c -> out.add(c.deliveryInbox()));
        }
        return new ArrayList<>(out);
    }
}

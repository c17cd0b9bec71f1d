package org.peerlet.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.federation.Flags;
import org.peerlet.federation.Follows;
import org.peerlet.federation.LocalActors;
import org.peerlet.federation.RemoteActors;
import org.peerlet.federation.RemotePlaylists;
import org.peerlet.federation.RemoteVideos;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.instance.Urls;
import org.peerlet.privacy.PrivacyService;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The small handlers the dispatch table points to, one per (activity, object). Each checks what
 * only it can (the object belongs to the actor, the video is one we know) and then acts.
 */
public final class Handlers {
    private static final Logger LOG = LoggerFactory.getLogger("federation.inbox");

    private final LocalActors local;
    private final RemoteActors remote;
    private final Follows follows;
    private final RemoteVideos remoteVideos;
    private final VideoService videos;
    private final SocialService social;
    /** Where a restricted remote video's audience is kept (the privacy feature's shares). */
    private final PrivacyService privacy;
    private final Urls urls;
    private final Flags flags;
    private final RemotePlaylists remotePlaylists;
    private final org.peerlet.federation.Publisher publisher;

    public Handlers(LocalActors local, RemoteActors remote, Follows follows, RemoteVideos remoteVideos,
                    VideoService videos, SocialService social, PrivacyService privacy, Flags flags,
                    RemotePlaylists remotePlaylists, org.peerlet.federation.Publisher publisher) {
        this.publisher = publisher;
        this.flags = flags;
        this.remotePlaylists = remotePlaylists;
        this.local = local;
        this.privacy = privacy;
        this.remote = remote;
        this.follows = follows;
        this.remoteVideos = remoteVideos;
        this.videos = videos;
        this.social = social;
        this.urls = local.urls();
    }

    /** The table: every activity we act on is listed here, and only here. */
    public Dispatch table() {
        return new Dispatch()
                .on("Follow", "*", this::follow)
                .on("Accept", "Follow", this::accepted)
                .on("Accept", "*", this::accepted)
                .on("Reject", "Follow", in -> follows.answered(in.actor(), in.object(), false))
                .on("Reject", "*", in -> follows.answered(in.actor(), in.object(), false))
                .on("Undo", "Follow", this::undoFollow)
                .on("Undo", "Like", this::undoRate)
                .on("Undo", "Dislike", this::undoRate)
                .on("Create", "Video", this::upsertVideo)
                .on("Update", "Video", this::upsertVideo)
                .on("Create", "Playlist", this::upsertPlaylist)
                .on("Update", "Playlist", this::upsertPlaylist)
                .on("Delete", "*", this::delete)
                .on("Delete", "Tombstone", this::delete)
                .on("Delete", "Video", this::delete)
                .on("Delete", "Note", this::delete)
                .on("Create", "Note", this::note)
                .on("Update", "Note", this::note)
                .on("Like", "*", in -> rate(in, "like"))
                .on("Dislike", "*", in -> rate(in, "dislike"))
                .on("Announce", "*", this::announce)
                .on("Announce", "Video", this::announce)
                .on("View", "*", this::view)
                .on("Flag", "*", in -> flags.received(in.activity(), in.actor()))
                .on("Update", "Person", this::refreshActor)
                .on("Update", "Group", this::refreshActor)
                .on("Update", "Application", this::refreshActor);
    }

    private void follow(Incoming in) {
        Optional<LocalActor> target = local.byUrl(in.objectId());
        if (target.isEmpty()) return;
        follows.followed(in.actor(), target.get(), in.activity());
    }

    /** Our follow accepted: what the actor published before comes too (its outbox). */
    private void accepted(Incoming in) {
        if (follows.answered(in.actor(), in.object(), true)) remoteVideos.backfill(in.actor().url());
    }

    private void undoFollow(Incoming in) {
        ownInner(in);
        follows.unfollowed(in.actor(), As.id(in.object().get("object")));
    }

    private void undoRate(Incoming in) {
        ownInner(in);
        if (in.actor().accountId() == null) return;
        findVideo(As.id(in.object().get("object"))).ifPresent(v -> social.remoteRate(in.actor().accountId(), v, null, null));
    }

    /** The inner activity of an Undo must be the actor's own. */
    private static void ownInner(Incoming in) {
        if (!in.actor().url().equals(As.id(in.object().get("actor")))) {
            throw new Refused("an Undo can only take back the actor's own activity");
        }
    }


    private void upsertVideo(Incoming in) throws IOException {
        String id = in.objectId();
        if (!As.sameHost(id, in.actor().url())) throw new Refused("the video belongs to another host");
        if (org.peerlet.federation.model.VideoObjects.isRestricted(in.object())) {
            restrictedVideo(in);
            return;
        }
        boolean known = remoteVideos.byUrl(id).isPresent();
        if (!known && !follows.followsSomeoneOn(in.actor().host())) return; // not asked for: ignored
        try {
            remoteVideos.upsert(in.object());
        } catch (IllegalArgumentException e) {
            LOG.info("ignoring a Video from {}: {}", in.actor().host(), e.getMessage());
        }
    }

    /** A public playlist of a server we follow (or one we hold): kept; one no longer public: forgotten. */
    private void upsertPlaylist(Incoming in) throws IOException {
        String id = in.objectId();
        if (!As.sameHost(id, in.actor().url())) throw new Refused("the playlist belongs to another host");
        if (!remotePlaylists.known(id) && !follows.followsSomeoneOn(in.actor().host())) return; // not asked for: ignored
        try {
            remotePlaylists.upsert(in.object());
        } catch (IllegalArgumentException e) {
            LOG.info("ignoring a Playlist from {}: {}", in.actor().host(), e.getMessage());
        }
    }

    /**
     * A Video addressed only to named people: kept if some of them are people here, visible to
     * them alone (its audience is replaced by each new copy); ignored otherwise.
     */
    private void restrictedVideo(Incoming in) throws IOException {
        java.util.List<Long> people = new java.util.ArrayList<>();
        java.util.List<String> named = new java.util.ArrayList<>(As.ids(in.object().get("to")));
        named.addAll(As.ids(in.object().get("cc")));
        for (String url : named) {
            local.byUrl(url).filter(a -> a.kind() == LocalActor.Kind.ACCOUNT && a.type().equals("Person"))
                    .ifPresent(a -> people.add(a.refId()));
        }
        if (people.isEmpty()) return;
        try {
            Video v = remoteVideos.upsert(in.object());
            privacy.setAudience(v.id(), people);
        } catch (IllegalArgumentException e) {
            LOG.info("ignoring a restricted Video from {}: {}", in.actor().host(), e.getMessage());
        }
    }

    private void delete(Incoming in) {
        String id = in.objectId();
        if (id == null) return;
        if (!As.sameHost(id, in.actor().url())) throw new Refused("one can only delete what one's own host made");
        if (remoteVideos.delete(id, in.actor().host())) return;
        if (remotePlaylists.delete(id, in.actor().host())) return;
        Optional<Comment> c = social.byUrl(id);
        if (c.isPresent()) {
            if (in.actor().accountId() == null || c.get().account().id() != in.actor().accountId()) {
                throw new Refused("one can only delete one's own comments");
            }
            social.remoteDelete(c.get());
        }
    }

    /**
     * A comment (Note) on a video we hold, or an answer to one of its comments. Markdown when it
     * says so (PeerTube, Peerlet), HTML otherwise (Mastodon): social cleans HTML before storing it.
     * Mastodon's content warning ({@code summary}) is kept to be shown before the text.
     */
    private void note(Incoming in) throws IOException {
        JsonNode note = in.object();
        String id = As.text(note, "id");
        if (!As.sameHost(id, in.actor().url()) || !in.actor().url().equals(As.id(note.get("attributedTo")))) {
            throw new Refused("the Note must be the actor's own");
        }
        if (in.actor().accountId() == null) return;
        String replyTo = As.id(note.get("inReplyTo"));
        Optional<Video> v = findVideo(replyTo);
        if (v.isEmpty() && social.byUrl(replyTo).isEmpty() && mentionsOurs(note)) v = fetchVideo(replyTo);
        Comment parent = null;
        if (v.isEmpty()) {
            Optional<Comment> c = social.byUrl(replyTo);
            if (c.isEmpty()) return; // a Note about something we do not hold
            v = videos.find(String.valueOf(c.get().videoId()));
            parent = c.get();
        }
        if (v.isEmpty()) return;
        JsonNode source = note.path("source");
        boolean markdownSource = source.isObject() && "text/markdown".equals(As.text(source, "mediaType"))
                && As.text(source, "content") != null;
        String text = markdownSource ? As.text(source, "content") : As.text(note, "content");
        if (text == null || text.isBlank()) return;
        boolean markdown = markdownSource || "text/markdown".equals(As.text(note, "mediaType"));
        String format = markdown ? Comment.MARKDOWN : Comment.HTML;
        long at;
        try {
            at = Instant.parse(As.text(note, "published")).toEpochMilli();
        } catch (RuntimeException e) {
            at = System.currentTimeMillis();
        }
        Video on = v.get();
        social.remoteComment(on, in.actor().accountId(), id, parent, text, format, As.text(note, "summary"), at)
                .ifPresent(c -> publisher.forward(on, c, in.activity()));
    }

    /** Whether a Note names one of our people in its tags (Mention), as Mastodon and we address them. */
    private boolean mentionsOurs(JsonNode note) {
        for (JsonNode tag : note.path("tag")) {
            if ("Mention".equals(As.type(tag)) && local.byUrl(As.text(tag, "href")).isPresent()) return true;
        }
        return false;
    }

    /**
     * A public video we do not hold, fetched from its origin (never an embedded copy): someone here
     * was mentioned under it, and the comment needs its video to be shown.
     */
    private Optional<Video> fetchVideo(String url) throws IOException {
        if (url == null || local.isOurs(url)) return Optional.empty();
        return remoteVideos.fetchPublic(url);
    }

    private void rate(Incoming in, String rating) {
        if (in.actor().accountId() == null) return;
        findVideo(in.objectId()).ifPresent(v -> social.remoteRate(in.actor().accountId(), v, rating, As.text(in.activity(), "id")));
    }

    private void announce(Incoming in) throws IOException {
        if (!follows.followsSomeoneOn(in.actor().host())) return;
        String id = in.objectId();
        if (id == null || findVideo(id).isPresent()) return;
        fetchVideo(id);
    }

    private void view(Incoming in) {
        findVideo(in.objectId()).filter(Video::isLocal).ifPresent(v -> videos.addView(v, "ap:" + in.actor().url()));
    }

    private void refreshActor(Incoming in) throws IOException {
        if (in.actor().url().equals(in.objectId())) remote.refresh(in.actor().url());
    }

    /** A video by ActivityPub id: ours (/videos/watch/uuid) or a remote one we hold. */
    private Optional<Video> findVideo(String url) {
        return org.peerlet.federation.Publisher.byUrl(url, urls.base(), videos, remoteVideos);
    }

}

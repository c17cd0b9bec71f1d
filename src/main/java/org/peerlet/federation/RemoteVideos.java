package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.caption.CaptionService;
import org.peerlet.db.Database;
import org.peerlet.federation.model.CaptionObjects;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.RemoteActor;
import org.peerlet.federation.model.VideoObjects;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.VideoMetadata;
import org.peerlet.video.VideoService;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Videos of other servers, kept as rows of {@code videos} under the remote channel, playable from
 * the origin's HLS playlist (its absolute folder is the ladder's {@code base}).
 */
public final class RemoteVideos {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("federation");
    private final Database db;
    private final FederationRepository repo = new FederationRepository();
    private final RemoteActors remote;
    private final VideoService videoService;
    private final Clock clock;

    private final CaptionService captions;
    private final OutboxBackfill backfill;

    public RemoteVideos(Database db, RemoteActors remote, VideoService videoService, CaptionService captions,
                        Clock clock) {
        this.captions = captions;
        this.db = db;
        this.remote = remote;
        this.videoService = videoService;
        this.clock = clock;
        this.backfill = new OutboxBackfill(remote, this);
    }

    /** A follow of ours was accepted: the actor's earlier public videos are fetched, in the background. */
    public void backfill(String actorUrl) {
        backfill.start(actorUrl);
    }

    public Optional<Video> byUrl(String url) {
        return repo.videoIdByUrl(db.dsl(), url).flatMap(id -> videoService.find(String.valueOf(id)));
    }

    /**
     * Stores or updates a remote video. Its channel (a Group in {@code attributedTo}) must live on
     * the same host as the video.
     *
     * @throws IllegalArgumentException if the object is not a usable Video
     * @throws IOException if its channel cannot be fetched
     */
    public Video upsert(JsonNode object) throws IOException {
        VideoObjects.Remote r = VideoObjects.parse(object);
        RemoteActor channel = null;
        for (String a : r.attributedTo()) {
            if (!As.sameHost(a, r.url())) continue;
            RemoteActor actor = remote.resolve(a);
            if (actor.channelId() != null) {
                channel = actor;
                break;
            }
        }
        if (channel == null) throw new IllegalArgumentException("the Video names no channel of its own host");
        long channelId = channel.channelId();
        VideoMetadata m = new VideoMetadata(r.name(), r.description(), null, r.category(),
                r.licence(), r.language(), r.privacy(), r.nsfw(), r.commentsEnabled() ? 1 : 2, r.downloadEnabled(), false,
                null, r.tags());
        long id = db.write(tx -> {
            long vid = videoService.storeRemote(tx, repo.videoIdByUrl(tx, r.url()), UUID.fromString(r.uuid()), channelId,
                    m, r.ladder(), r.duration(), r.published());
            repo.upsertRemoteVideo(tx, vid, r.url(), r.playlistUrl(), clock.millis());
            return vid;
        });
        captions.storeRemote(id, CaptionObjects.read(object, r.url()));
        return videoService.byId(db.dsl(), id).orElseThrow();
    }

    /**
     * A public video by its id, fetched from its own origin (an embedded copy is never trusted) and
     * stored; empty for anything else.
     */
    public Optional<Video> fetchPublic(String url) throws IOException {
        JsonNode object = remote.fetchJson(url);
        if (!"Video".equals(As.type(object)) || !url.equals(As.text(object, "id"))) return Optional.empty();
        try {
            if (VideoObjects.parse(object).privacy() != Privacy.PUBLIC) return Optional.empty();
            return Optional.of(upsert(object));
        } catch (IllegalArgumentException e) {
            LOG.info("ignoring the Video {}: {}", url, e.getMessage());
            return Optional.empty();
        }
    }

    /** Removes a remote video; only its own host may ask. Returns false if unknown or not theirs. */
    public boolean delete(String url, String askerHost) {
        Optional<Video> v = byUrl(url);
        if (v.isEmpty() || !askerHost.equals(As.host(url))) return false;
        videoService.delete(v.get());
        return true;
    }

    static boolean listable(Privacy p) {
        return p == Privacy.PUBLIC;
    }
}

package org.peerlet.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.federation.model.Activities;
import org.peerlet.federation.model.PlaylistObjects;
import org.peerlet.playlist.Playlist;
import org.peerlet.playlist.PlaylistElements;
import org.peerlet.playlist.PlaylistEvents;
import org.peerlet.playlist.PlaylistJson;
import org.peerlet.playlist.PlaylistService;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our playlists as PeerTube federates them: a public one is a {@code Playlist} sent to the
 * followers (Create when it becomes public, Update on each change, Delete when it is deleted or
 * stops being public) and served at its address. Its elements list only videos that federate.
 */
public final class PlaylistPublisher {
    private static final Logger LOG = LoggerFactory.getLogger("federation");

    private final LocalActors local;
    private final PlaylistService playlists;
    private final Publisher videos;

    public PlaylistPublisher(LocalActors local, PlaylistService playlists, Publisher videos) {
        this.local = local;
        this.playlists = playlists;
        this.videos = videos;
    }

    /** Sent to followers: public regular playlists with a channel (watch later never). */
    public static boolean federable(Playlist p) {
        return p != null && p.isLocal() && p.type() == Playlist.REGULAR && p.privacy() == Privacy.PUBLIC && p.channel() != null;
    }

    /** Served at its address: public ones, and unlisted ones to whoever has the address (as PeerTube). */
    public static boolean servable(Playlist p) {
        return p.isLocal() && p.type() == Playlist.REGULAR && p.channel() != null
                && (p.privacy() == Privacy.PUBLIC || p.privacy() == Privacy.UNLISTED);
    }

    public String url(Playlist p) {
        return local.urls().base() + "/video-playlists/" + p.uuid();
    }

    /** A local playlist changed: Create, Update or Delete to the followers, as its state calls for. */
    public void changed(PlaylistEvents.Changed e) {
        try {
            boolean was = federable(e.before());
            boolean now = federable(e.after());
            if (now) send(e.after(), was ? "Update" : "Create", head(e.after()));
            else if (was) send(e.before(), "Delete", Activities.tombstone(url(e.before())));
        } catch (RuntimeException ex) {
            LOG.warn("could not queue federation of a playlist: {}", ex.toString());
        }
    }

    /**
     * A video changed (its privacy, say): each public playlist of ours that holds it goes out again,
     * so followers drop an element that stopped federating, or add one that started.
     */
    public void videoChanged(Video v) {
        try {
            for (Playlist p : playlists.publicHolding(v.id())) {
                if (federable(p)) send(p, "Update", head(p));
            }
        } catch (RuntimeException ex) {
            LOG.warn("could not queue federation of a playlist: {}", ex.toString());
        }
    }

    private void send(Playlist p, String type, ObjectNode object) {
        videos.toFollowers(p.owner(), p.channel(), type, object, java.util.Set.of());
    }

    public ObjectNode head(Playlist p) {
        String icon = p.hasThumbnail() ? local.urls().base() + PlaylistJson.thumbnailPath(p) : null;
        return PlaylistObjects.head(new PlaylistObjects.Head(url(p), p.uuid(), p.name(), p.description(),
                local.of(p.channel()).url(), icon, elements(p).size(), p.createdAt(), p.updatedAt(), p.privacy() == Privacy.PUBLIC));
    }

    public ObjectNode page(Playlist p, int page) {
        return PlaylistObjects.page(url(p), page, elements(p).stream().map(PlaylistObjects.Element::url).toList());
    }

    public Optional<ObjectNode> element(Playlist p, long elementId) {
        String url = url(p) + "/videos/" + elementId;
        return elements(p).stream().filter(e -> e.url().equals(url)).findFirst().map(PlaylistObjects::element);
    }

    /** The elements whose video federates (a restricted one is never named to other servers). */
    private List<PlaylistObjects.Element> elements(Playlist p) {
        List<PlaylistObjects.Element> out = new ArrayList<>();
        for (PlaylistElements.Shown s : playlists.elements().page(p, Viewer.anonymous(), 0, PlaylistService.MAX_ELEMENTS)) {
            Video v = s.video();
            if (s.type() != PlaylistElements.Type.REGULAR || !sendable(v)) continue;
            String videoUrl = videos.videoUrl(v);
            if (videoUrl == null) continue;
            out.add(new PlaylistObjects.Element(url(p) + "/videos/" + s.element().id(), videoUrl, out.size() + 1,
                    s.element().startTimestamp(), s.element().stopTimestamp()));
        }
        return out;
    }

    private static boolean sendable(Video v) {
        if (v.isLocal()) return Publisher.federable(v);
        return v.privacy() == Privacy.PUBLIC || v.privacy() == Privacy.UNLISTED;
    }
}

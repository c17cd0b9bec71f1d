package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.PlaylistObjects;
import org.peerlet.federation.model.RemoteActor;
import org.peerlet.playlist.Playlist;
import org.peerlet.playlist.PlaylistService;
import org.peerlet.playlist.RemotePlaylist;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Other servers' public playlists: read from their {@code Playlist} object and its pages (fetched
 * from the origin, never taken from a copy), narrowed to the videos this server already holds,
 * and handed to the playlist feature to keep, with its thumbnail. One that stops being public is forgotten.
 */
public final class RemotePlaylists {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("federation");
    private final RemoteActors remote;
    private final RemoteVideos remoteVideos;
    private final VideoService videos;
    private final PlaylistService playlists;
    private final String ourBase;

    public RemotePlaylists(RemoteActors remote, RemoteVideos remoteVideos, VideoService videos, PlaylistService playlists,
                           LocalActors local) {
        this.remote = remote;
        this.remoteVideos = remoteVideos;
        this.videos = videos;
        this.playlists = playlists;
        this.ourBase = local.urls().base();
    }

    public boolean known(String url) {
        return playlists.byUrl(url).isPresent();
    }

    /**
     * Stores, refreshes or (when no longer public) forgets a remote playlist.
     *
     * @throws IllegalArgumentException if the object is not a usable Playlist
     * @throws IOException if its channel or pages cannot be fetched
     */
    public void upsert(JsonNode object) throws IOException {
        PlaylistObjects.Head h = PlaylistObjects.parseHead(object);
        if (!h.isPublic()) {
            playlists.byUrl(h.url()).ifPresent(playlists::deleteRemote);
            return;
        }
        RemoteActor channel = remote.resolve(h.channelUrl());
        if (channel.channelId() == null) throw new IllegalArgumentException("the Playlist's attributedTo is not a channel");
        Optional<Playlist> known = playlists.byUrl(h.url());
        Playlist stored = playlists.storeRemote(new RemotePlaylist(h.url(), h.uuid(), channel.channelId(), h.name(), h.description(),
                h.published(), h.updated(), elements(object, h.url())));
        thumbnail(stored, known, h, RemoteFaces.imageUrl(object.get("icon")));
    }

    /**
     * The origin's thumbnail (its {@code icon}, on its own host), kept here as ours are, so our pages
     * never send viewers elsewhere; fetched again only when the playlist says it was updated.
     */
    private void thumbnail(Playlist stored, Optional<Playlist> known, PlaylistObjects.Head h, String icon) {
        if (icon == null || !As.sameHost(icon, h.url())) return;
        if (known.isPresent() && known.get().hasThumbnail() && known.get().updatedAt() == h.updated()) return;
        byte[] image = remote.fetchImage(icon);
        if (image == null) return;
        try {
            playlists.replaceThumbnail(stored, new java.io.ByteArrayInputStream(image), image.length);
        } catch (RuntimeException e) {
            LOG.info("the thumbnail of the playlist {} at {} was not kept: {}", h.url(), icon, e.getMessage());
        }
    }

    /** Removes a remote playlist; only its own host may ask. Returns false if unknown or not theirs. */
    public boolean delete(String url, String askerHost) {
        Optional<Playlist> p = playlists.byUrl(url);
        if (p.isEmpty() || !askerHost.equals(As.host(url))) return false;
        playlists.deleteRemote(p.get());
        return true;
    }

    /** Walks the collection's pages (bounded), keeping the elements whose video we hold, in order. */
    private List<RemotePlaylist.Element> elements(JsonNode head, String url) throws IOException {
        List<RemotePlaylist.Element> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode page = head.has("orderedItems") ? head : null;
        String next = page == null ? As.id(head.get("first")) : null;
        int maxPages = PlaylistService.MAX_ELEMENTS / PlaylistObjects.PAGE_SIZE + 1;
        for (int pages = 0; pages < maxPages; pages++) {
            if (page == null) {
                if (next == null || !As.sameHost(next, url) || !seen.add(next)) break;
                page = remote.fetchJson(next);
            }
            for (JsonNode item : PlaylistObjects.items(page)) {
                if (out.size() >= PlaylistService.MAX_ELEMENTS) return out;
                element(item, url).ifPresent(out::add);
            }
            next = As.id(page.get("next"));
            page = null;
        }
        return out;
    }

    private Optional<RemotePlaylist.Element> element(JsonNode item, String playlistUrl) throws IOException {
        String id = As.id(item);
        if (id == null || !As.sameHost(id, playlistUrl)) return Optional.empty();
        JsonNode object = item.isObject() && item.has("url") ? item : remote.fetchJson(id);
        PlaylistObjects.Element e;
        try {
            e = PlaylistObjects.parseElement(object);
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        return Publisher.byUrl(e.videoUrl(), ourBase, videos, remoteVideos).map(v -> new RemotePlaylist.Element(v.id(), e.startTimestamp(), e.stopTimestamp()));
    }
}

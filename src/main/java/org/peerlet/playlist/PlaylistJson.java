package org.peerlet.playlist;

import org.peerlet.account.AccountJson;
import org.peerlet.channel.ChannelJson;
import org.peerlet.common.Times;
import org.peerlet.instance.Urls;
import org.peerlet.media.Images;
import org.peerlet.video.VideoJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Playlists and their elements as PeerTube's API shows them (VideoPlaylist, VideoPlaylistElement). */
public final class PlaylistJson {
    private final Urls urls;
    private final VideoJson videoJson;

    public PlaylistJson(Urls urls, VideoJson videoJson) {
        this.urls = urls;
        this.videoJson = videoJson;
    }

    /** The page that plays it, as PeerTube's web client addresses it. */
    public String page(Playlist p) {
        return urls.base() + "/w/p/" + p.shortUuid();
    }

    public static String thumbnailPath(Playlist p) {
        return "/lazy-static/playlist-thumbnails/" + p.uuid() + ".jpg";
    }

    public Map<String, Object> playlist(Playlist p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("uuid", p.uuid());
        m.put("shortUUID", p.shortUuid());
        m.put("isLocal", p.isLocal());
        m.put("url", p.url() != null ? p.url() : urls.base() + "/video-playlists/" + p.uuid());
        m.put("displayName", p.name());
        m.put("description", p.description());
        m.put("privacy", Map.of("id", p.privacy().id, "label", p.privacy().label));
        String thumb = p.hasThumbnail() ? thumbnailPath(p) : null;
        m.put("thumbnailPath", thumb);
        m.put("thumbnails", thumb == null ? List.of() : List.of(Map.of("width", Images.THUMBNAIL_WIDTH,
                "height", Images.THUMBNAIL_HEIGHT, "aspectRatio", "16:9", "fileUrl", thumb)));
        m.put("videosLength", p.videosLength());
        m.put("type", Map.of("id", p.type(), "label", p.type() == Playlist.WATCH_LATER ? "Watch later" : "Regular"));
        m.put("embedPath", "/video-playlists/embed/" + p.uuid());
        m.put("createdAt", Times.iso(p.createdAt()));
        m.put("updatedAt", Times.iso(p.updatedAt()));
        m.put("ownerAccount", AccountJson.summary(p.owner(), urls));
        m.put("videoChannelPosition", 0);
        m.put("videoChannel", p.channel() == null ? null : ChannelJson.summary(p.channel(), urls));
        return m;
    }

    public Map<String, Object> element(PlaylistElements.Shown s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.element().id());
        m.put("position", s.element().position());
        m.put("startTimestamp", s.element().startTimestamp());
        m.put("stopTimestamp", s.element().stopTimestamp());
        m.put("type", s.type().id);
        m.put("video", s.video() == null ? null : videoJson.summary(s.video()));
        return m;
    }
}

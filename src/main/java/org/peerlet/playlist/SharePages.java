package org.peerlet.playlist;

import org.peerlet.instance.Urls;
import org.peerlet.video.Subject;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoService;

import java.util.Optional;

/** The page a share link opens: a video's watch page, or a playlist's. */
public final class SharePages {
    private final VideoService videos;
    private final PlaylistService playlists;
    private final Urls urls;
    private final PlaylistJson json;

    public SharePages(VideoService videos, PlaylistService playlists, Urls urls, VideoJson videoJson) {
        this.videos = videos;
        this.playlists = playlists;
        this.urls = urls;
        this.json = new PlaylistJson(urls, videoJson);
    }

    public Optional<String> of(Subject s) {
        if (s.kind() == Subject.Kind.VIDEO) return videos.find(String.valueOf(s.id())).map(v -> urls.watch(v.shortUuid()));
        return playlists.find(String.valueOf(s.id())).map(json::page);
    }
}

package org.peerlet.privacy;

import org.peerlet.instance.Urls;
import org.peerlet.video.Subject;
import org.peerlet.video.Video;
import org.peerlet.video.Viewer;

/**
 * A video or a playlist as shares and share links see it: what it is, whose it is, whether it
 * is ours (only ours are shared from here) and the page a share link opens. {@code video} is
 * set for a video only: taking a grant of a video back also ends its file tokens and swarm peers.
 */
public record Shareable(Subject subject, long ownerAccountId, boolean local, String pageUrl, Video video) {

    public static Shareable of(Video v, Urls urls) {
        return new Shareable(Subject.video(v.id()), v.account().id(), v.isLocal(), urls.watch(v.shortUuid()), v);
    }

    /** The page address that opens it with this share link. */
    public String pageWith(String token) {
        return pageUrl + (pageUrl.contains("?") ? "&" : "?") + Viewer.SHARE_PARAM + "=" + token;
    }
}

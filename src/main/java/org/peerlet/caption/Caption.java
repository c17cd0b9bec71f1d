package org.peerlet.caption;

/**
 * One caption track of a video: a WebVTT file in media's captions folder, or for a remote video
 * the address its origin gave ({@code remoteUrl}, file then unused).
 */
public record Caption(long videoId, String language, String file, String remoteUrl, long updatedAt) {
    public static final String PATH = "/lazy-static/video-captions/";

    public boolean isRemote() {
        return remoteUrl != null;
    }
}

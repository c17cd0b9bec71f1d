package org.peerlet.instance;

/** Where this instance lives, and the public addresses of what it hosts. */
public record Urls(String base, String host) {
    /** Where one rung of a video is downloaded as a single file, under PeerTube's name for it. */
    public static final String DOWNLOAD_PATH = "/download/streaming-playlists/hls/videos/";

    public String download(String uuid, int resolution) {
        return base + DOWNLOAD_PATH + uuid + "-" + resolution + "-fragmented.mp4";
    }

    public String account(String name) {
        return base + "/accounts/" + name;
    }

    public String channel(String name) {
        return base + "/video-channels/" + name;
    }

    public String watch(String shortUuid) {
        return base + "/w/" + shortUuid;
    }

    public String video(String uuid) {
        return base + "/videos/watch/" + uuid;
    }
}

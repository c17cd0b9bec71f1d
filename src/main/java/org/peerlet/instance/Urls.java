package org.peerlet.instance;

/** Where this instance lives, and the public addresses of what it hosts. */
public record Urls(String base, String host) {
    /** Where one rung of a video is downloaded as a single file, under PeerTube's name for it. */
    public static final String DOWNLOAD_PATH = "/download/streaming-playlists/hls/videos/";

    /** A rung's torrent, as PeerTube serves torrents: to open in a client, and to save (attachment). */
    public static final String TORRENT_PATH = "/lazy-static/torrents/";
    public static final String TORRENT_DOWNLOAD_PATH = "/download/torrents/";

    public String torrent(String uuid, int resolution) {
        return base + TORRENT_PATH + torrentName(uuid, resolution);
    }

    public String torrentDownload(String uuid, int resolution) {
        return base + TORRENT_DOWNLOAD_PATH + torrentName(uuid, resolution);
    }

    /** PeerTube's name for a streaming playlist file's torrent. */
    public static String torrentName(String uuid, int resolution) {
        return uuid + "-" + resolution + "-hls.torrent";
    }

    /** Our P2P tracker (WebSocket, as WebTorrent and the HLS player speak). */
    public String tracker() {
        return base.replaceFirst("^http", "ws") + "/tracker/socket";
    }

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

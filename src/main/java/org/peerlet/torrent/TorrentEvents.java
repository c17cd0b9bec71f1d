package org.peerlet.torrent;

/** What the torrent feature states, as {@link org.peerlet.common.Events}. */
public final class TorrentEvents {
    private TorrentEvents() {
    }

    /** A video published before Peerlet made torrents now has one per rung. */
    public record Made(long videoId) {
    }
}

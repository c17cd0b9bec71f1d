package org.peerlet.playlist;

import java.util.List;

/**
 * Another server's public playlist as federation read it: its elements already narrowed to the
 * videos this server knows ({@code videoId} is ours). Times in epoch milliseconds.
 */
public record RemotePlaylist(String url, String uuid, long channelId, String name, String description,
                             long published, long updated, List<Element> elements) {
    /** One video of it, with PeerTube's optional start and stop in seconds. */
    public record Element(long videoId, Integer startTimestamp, Integer stopTimestamp) {
    }
}

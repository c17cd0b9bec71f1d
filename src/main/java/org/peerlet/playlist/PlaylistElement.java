package org.peerlet.playlist;

/** One place in a playlist: {@code videoId} is null once the video was deleted. Timestamps in seconds, or null. */
public record PlaylistElement(long id, long playlistId, Long videoId, int position, Integer startTimestamp,
                              Integer stopTimestamp) {
}

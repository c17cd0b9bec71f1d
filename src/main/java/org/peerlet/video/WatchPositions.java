package org.peerlet.video;

import java.util.Collection;
import java.util.Map;

/**
 * Where a user stopped in videos, for PeerTube's {@code userHistory} in video answers.
 * Implemented by the history feature (which depends on video, not the other way round).
 */
@FunctionalInterface
public interface WatchPositions {
    WatchPositions NONE = (userId, videoIds) -> Map.of();

    /** The seconds reached, by video id, for those of these videos the user has a position in. */
    Map<Long, Integer> of(long userId, Collection<Long> videoIds);
}

package org.peerlet.tracker;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One announce as {@link Messages#announce} read it: the fields are checked, {@code offers} are at
 * most {@link TrackerLimits#maxOffersPerAnnounce()}, and {@code answer}, {@code offerId} and
 * {@code toPeerId} are all set or all null.
 *
 * @param left {@code left} as JavaScript's Number() reads it; null for unknown (a leecher)
 */
record Announce(String infoHash, String peerId, String event, Double left, List<JsonNode> offers,
                JsonNode answer, String offerId, String toPeerId) {

    boolean stopping() {
        return "stopped".equals(event);
    }

    boolean completed() {
        return "completed".equals(event);
    }

    /** {@code left == 0}: the peer has everything, a seeder. */
    boolean leftNothing() {
        return left != null && left == 0;
    }
}

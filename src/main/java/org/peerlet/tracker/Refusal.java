package org.peerlet.tracker;

/** Why the tracker refused a message or a socket; counted in {@link TrackerStats#refusals()}. */
public enum Refusal {
    /** Announce for an info-hash the {@link SwarmPolicy} does not admit. */
    UNKNOWN_INFO_HASH,
    /** Not JSON, wrong types, bad info_hash/peer_id length, unknown action. */
    MALFORMED,
    /** Above {@link TrackerLimits#maxMessageChars()}. */
    TOO_LARGE,
    /** Over {@link TrackerLimits#announcesPerIp()}. */
    RATE_LIMITED_ADDRESS,
    /** Over {@link TrackerLimits#announcesPerIpPerSwarm()}. */
    RATE_LIMITED_SWARM,
    /** The swarm holds {@link TrackerLimits#maxPeersPerSwarm()} peers. */
    SWARM_FULL,
    /** {@link TrackerLimits#maxSwarms()} swarms exist. */
    TOO_MANY_SWARMS,
    /** Socket refused: too many from one address. */
    TOO_MANY_SOCKETS_FROM_ADDRESS,
    /** Socket refused: the tracker is full. */
    TRACKER_FULL,
    /** Socket closed for flooding. */
    FLOODING,
    /** Socket closed because it did not read. */
    SLOW_CONSUMER,
    /** Socket refused because P2P is off. */
    P2P_DISABLED;

    /** The snake_case name used in the stats JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.peerlet.tracker;

/**
 * WebSocket close codes the tracker uses (the 4000-4999 range is for applications). Each close
 * also carries a short English reason. Besides these, Jetty itself closes with 1009 when a
 * message is larger than {@link TrackerLimits#hardMessageBytes()} and with 1001 on shutdown.
 *
 * <p>Refusals that do not close the socket are answered with bittorrent-tracker's error shape,
 * {@code {"action":"announce"|"scrape","failure reason":"...","info_hash":...}} (or just
 * {@code {"failure reason":"..."}} when the message could not be parsed).
 */
public final class CloseCodes {
    /** P2P is turned off on this instance ({@code p2p_enabled=false}); every connection gets this. */
    public static final int P2P_DISABLED = 4000;
    /** The address already has {@link TrackerLimits#maxSocketsPerIp()} sockets open. */
    public static final int TOO_MANY_SOCKETS_FROM_ADDRESS = 4001;
    /** The socket kept announcing info-hashes this instance does not serve. */
    public static final int UNKNOWN_INFO_HASHES = 4002;
    /** The socket sent more messages than {@link TrackerLimits#messagesPerSocket()} per window, or kept hitting rate limits. */
    public static final int FLOODING = 4003;
    /** The socket kept sending malformed or oversized messages. */
    public static final int TOO_MANY_BAD_MESSAGES = 4004;
    /** The client does not read: more than {@link TrackerLimits#maxPendingSends()} messages queued for it. */
    public static final int SLOW_CONSUMER = 4005;
    /** The socket is in no swarm and said nothing for longer than the peer timeout. */
    public static final int IDLE = 4006;
    /** The tracker holds {@link TrackerLimits#maxSockets()} sockets already. */
    public static final int TRACKER_FULL = 4007;

    private CloseCodes() {
    }
}

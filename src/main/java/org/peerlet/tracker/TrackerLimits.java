package org.peerlet.tracker;

import java.time.Duration;

/**
 * Every bound the tracker enforces. {@link #defaults()} suits a Raspberry Pi serving a few
 * hundred viewers; three of them are settings ({@code tracker_max_sockets_per_ip},
 * {@code tracker_announces_per_ip}, {@code tracker_announces_per_ip_per_swarm}).
 *
 * @param intervalSeconds        re-announce interval told to clients (bittorrent-tracker tells WebSocket clients 120)
 * @param peerTimeout            a peer that has not announced for this long leaves its swarm
 * @param maxOffersPerAnnounce   offers relayed per announce; extra offers are ignored
 * @param maxMessageChars        larger messages are refused with a failure reason
 * @param hardMessageBytes       larger messages make Jetty close the socket (1009)
 * @param maxSwarms              swarms alive at once
 * @param maxPeersPerSwarm       peers in one swarm
 * @param maxSockets             sockets open at once
 * @param maxSocketsPerIp        sockets open at once from one address
 * @param rateWindow             the window of the three rate limits below
 * @param announcesPerIp         announces (not answers) per address per window
 * @param announcesPerIpPerSwarm announces per address and info-hash per window
 * @param messagesPerSocket      messages of any kind per socket per window; more closes it ({@link CloseCodes#FLOODING})
 * @param maxRefusalsPerSocket   unknown info-hash refusals before the socket is closed
 * @param maxBadMessagesPerSocket malformed or oversized messages before the socket is closed
 * @param maxRateLimitedPerSocket rate-limit refusals before the socket is closed
 * @param maxScrapeHashes        info-hashes in one scrape
 * @param maxPendingSends        messages queued for a client that does not read before it is closed
 */
public record TrackerLimits(int intervalSeconds, Duration peerTimeout, int maxOffersPerAnnounce,
                            int maxMessageChars, int hardMessageBytes, int maxSwarms, int maxPeersPerSwarm,
                            int maxSockets, int maxSocketsPerIp, Duration rateWindow, int announcesPerIp,
                            int announcesPerIpPerSwarm, int messagesPerSocket, int maxRefusalsPerSocket,
                            int maxBadMessagesPerSocket, int maxRateLimitedPerSocket, int maxScrapeHashes,
                            int maxPendingSends) {

    public TrackerLimits {
        positive("intervalSeconds", intervalSeconds);
        positive("maxOffersPerAnnounce", maxOffersPerAnnounce);
        positive("maxMessageChars", maxMessageChars);
        positive("maxSwarms", maxSwarms);
        positive("maxPeersPerSwarm", maxPeersPerSwarm);
        positive("maxSockets", maxSockets);
        positive("maxSocketsPerIp", maxSocketsPerIp);
        positive("announcesPerIp", announcesPerIp);
        positive("announcesPerIpPerSwarm", announcesPerIpPerSwarm);
        positive("messagesPerSocket", messagesPerSocket);
        positive("maxScrapeHashes", maxScrapeHashes);
        positive("maxPendingSends", maxPendingSends);
        if (hardMessageBytes < maxMessageChars) {
            throw new IllegalArgumentException("hardMessageBytes " + hardMessageBytes + " is below maxMessageChars " + maxMessageChars);
        }
        if (peerTimeout.toSeconds() <= intervalSeconds) {
            throw new IllegalArgumentException("peerTimeout " + peerTimeout + " must exceed the interval of " + intervalSeconds + " s");
        }
        if (rateWindow.isZero() || rateWindow.isNegative()) throw new IllegalArgumentException("rateWindow " + rateWindow + " must be positive");
    }

    public static TrackerLimits defaults() {
        return new TrackerLimits(120, Duration.ofSeconds(300), 10, 64 * 1024, 256 * 1024, 10_000, 1_000,
                20_000, 50, Duration.ofSeconds(10), 100, 20, 200, 5, 20, 20, 50, 256);
    }

    public TrackerLimits withAddressLimits(int maxSocketsPerIp, int announcesPerIp, int announcesPerIpPerSwarm) {
        return new TrackerLimits(intervalSeconds, peerTimeout, maxOffersPerAnnounce, maxMessageChars, hardMessageBytes,
                maxSwarms, maxPeersPerSwarm, maxSockets, maxSocketsPerIp, rateWindow, announcesPerIp,
                announcesPerIpPerSwarm, messagesPerSocket, maxRefusalsPerSocket, maxBadMessagesPerSocket,
                maxRateLimitedPerSocket, maxScrapeHashes, maxPendingSends);
    }

    public TrackerLimits withMessagesPerSocket(int messagesPerSocket) {
        return new TrackerLimits(intervalSeconds, peerTimeout, maxOffersPerAnnounce, maxMessageChars, hardMessageBytes,
                maxSwarms, maxPeersPerSwarm, maxSockets, maxSocketsPerIp, rateWindow, announcesPerIp,
                announcesPerIpPerSwarm, messagesPerSocket, maxRefusalsPerSocket, maxBadMessagesPerSocket,
                maxRateLimitedPerSocket, maxScrapeHashes, maxPendingSends);
    }

    private static void positive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
}

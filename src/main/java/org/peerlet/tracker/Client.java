package org.peerlet.tracker;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open tracker socket. A socket may be in several swarms (bittorrent-tracker's client shares
 * one socket per tracker URL among its torrents), with one peer id in each.
 */
final class Client {
    final Link link;
    final String ip;
    final String token;
    /** Swarm info-hash to this socket's peer in it; guarded by the tracker's lock. */
    final Map<String, Peer> peers = new HashMap<>(4);
    final AtomicInteger pendingSends = new AtomicInteger();
    final AtomicBoolean released = new AtomicBoolean();
    volatile boolean closing;
    volatile long lastMessage;
    volatile long lastPing;

    // Touched only by the thread delivering this socket's messages (one at a time).
    long windowStart;
    int windowCount;
    int refusals;
    int badMessages;
    int rateLimited;
    /** Swarms this socket was admitted to: it may stay while its grant holds (see {@link SwarmPolicy#stillAdmits}). */
    final Set<String> admitted = new HashSet<>(4);

    Client(Link link, String ip, String token, long now) {
        this.link = link;
        this.ip = ip;
        this.token = token;
        this.lastMessage = now;
        this.lastPing = now;
        this.windowStart = now;
    }
}

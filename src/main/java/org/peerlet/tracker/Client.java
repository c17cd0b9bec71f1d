package org.peerlet.tracker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    /** Swarm info-hash to this socket's peer in it; guarded by this object, taken inside a swarm's lock. */
    private final Map<String, Peer> peers = new HashMap<>(4);
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

    /** This socket's peer in that swarm, or null. */
    synchronized Peer peerIn(String infoHash) {
        return peers.get(infoHash);
    }

    /** Records the socket's new peer; false once the socket is released (its peer must not join). */
    synchronized boolean join(Peer p) {
        if (closing) return false;
        peers.put(p.swarm.infoHash, p);
        return true;
    }

    /** The peer left its swarm. */
    synchronized void forget(Peer p) {
        peers.remove(p.swarm.infoHash, p);
    }

    synchronized boolean inNoSwarm() {
        return peers.isEmpty();
    }

    /** Marks the socket closing and hands over its peers, which no later {@link #join} adds to. */
    synchronized List<Peer> release() {
        closing = true;
        List<Peer> all = new ArrayList<>(peers.values());
        peers.clear();
        return all;
    }
}

package org.peerlet.tracker;

/** One peer id in one swarm, reached through one socket. Guarded by its swarm's lock. */
final class Peer {
    final String peerId;
    final Client client;
    final Swarm swarm;
    boolean seeder;
    long lastSeen;
    /** Position in {@link Swarm}'s list, for O(1) removal and random picks. */
    int index = -1;

    Peer(String peerId, Client client, Swarm swarm) {
        this.peerId = peerId;
        this.client = client;
        this.swarm = swarm;
    }
}

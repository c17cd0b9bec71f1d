package org.peerlet.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The swarm state: which peer of which socket is in which swarm, as announces, closed sockets,
 * expiry and forgotten info-hashes change it. Knows nothing of JSON or of who may join.
 *
 * <p>Locking: each {@link Swarm} is its own lock, so announces to different swarms do not wait for
 * each other. A socket's list of its peers ({@link Client#join}) is locked inside a swarm's lock,
 * never the other way round. A swarm that empties leaves the map, marked {@link Swarm#closed}
 * under its lock; whoever locks it afterwards takes the one now in the map instead.
 */
final class Swarms {
    private final ConcurrentHashMap<String, Swarm> byHash = new ConcurrentHashMap<>();
    /** Swarms in the map, counted on creation so that {@link TrackerLimits#maxSwarms()} holds exactly. */
    private final AtomicInteger count = new AtomicInteger();
    private final TrackerLimits limits;

    Swarms(TrackerLimits limits) {
        this.limits = limits;
    }

    /**
     * What an announce did. {@code refusal}, if any, is the failure reason to answer, and
     * {@code counted} the refusal to count for it (null when not counted).
     */
    record Outcome(String refusal, Refusal counted, List<Peer> offerTo, Client answerTo, int complete, int incomplete) {
        static Outcome refused(Refusal counted, String reason) {
            return new Outcome(reason, counted, List.of(), null, 0, 0);
        }

        static Outcome counts(Swarm s) {
            return new Outcome(null, null, List.of(), null, s == null ? 0 : s.seeders(), s == null ? 0 : s.leechers());
        }
    }

    /** Applies an admitted announce of socket {@code c}; null when the socket closed meanwhile. */
    Outcome announce(Client c, Announce a, long now) {
        while (true) {
            Swarm s = a.stopping() ? byHash.get(a.infoHash()) : open(a.infoHash());
            if (s == null) {
                return a.stopping() ? Outcome.counts(null)
                        : Outcome.refused(Refusal.TOO_MANY_SWARMS, "the tracker serves too many swarms, retry later");
            }
            synchronized (s) {
                if (!s.closed) return announceIn(s, c, a, now);
            }
        }
    }

    /** The swarm of this hash, made if there is room; null if the tracker holds too many. */
    private Swarm open(String infoHash) {
        return byHash.computeIfAbsent(infoHash, h -> {
            if (count.incrementAndGet() <= limits.maxSwarms()) return new Swarm(h);
            count.decrementAndGet();
            return null;
        });
    }

    private Outcome announceIn(Swarm s, Client c, Announce a, long now) {
        expire(s, now);
        Peer self = s.get(a.peerId());
        if (self != null && self.client != c) return Outcome.refused(null, "peer_id already in use in this swarm");
        if (a.stopping()) {
            if (self != null) leave(self);
            else removeIfEmpty(s);
            return Outcome.counts(s);
        }
        if (self == null) {
            Peer previous = c.peerIn(s.infoHash);
            if (previous != null) { // the socket changed its peer id in this swarm
                s.remove(previous);
                c.forget(previous); // not leave(): that would close s, emptied, just before self joins it
            }
            if (s.size() >= limits.maxPeersPerSwarm()) {
                removeIfEmpty(s);
                return Outcome.refused(Refusal.SWARM_FULL, "this swarm is full");
            }
            self = new Peer(a.peerId(), c, s);
            if (!c.join(self)) {
                removeIfEmpty(s);
                return null;
            }
            s.add(self);
        }
        s.touch(self, now);
        if (a.completed()) s.becomeSeeder(self, true);
        else if (a.leftNothing()) s.becomeSeeder(self, false);
        List<Peer> offerTo = a.offers().isEmpty() ? List.of() : s.pick(a.offers().size(), self, ThreadLocalRandom.current());
        Peer to = a.answer() == null ? null : s.get(a.toPeerId());
        Client answerTo = to != null && to != self ? to.client : null;
        return new Outcome(null, null, offerTo, answerTo, s.seeders(), s.leechers());
    }

    /** A socket closed: its peers leave their swarms. */
    void leaveAll(Client c) {
        for (Peer p : c.release()) {
            synchronized (p.swarm) {
                leave(p);
            }
        }
    }

    /** Every peer of every swarm, each swarm read under its lock. */
    List<Peer> allPeers() {
        List<Peer> all = new ArrayList<>();
        for (Swarm s : byHash.values()) {
            synchronized (s) {
                if (!s.closed) all.addAll(s.all());
            }
        }
        return all;
    }

    /** This peer leaves its swarm, unless it already left (or another took its id meanwhile). */
    void leaveIfStill(Peer p) {
        synchronized (p.swarm) {
            if (!p.swarm.closed && p.swarm.get(p.peerId) == p) leave(p);
        }
    }

    /** The scrape's counts of one swarm, after expiring its silent peers. */
    Counts counts(String infoHash, long now) {
        Swarm s = byHash.get(infoHash);
        if (s == null) return Counts.NONE;
        synchronized (s) {
            if (s.closed) return Counts.NONE;
            expire(s, now);
            removeIfEmpty(s);
            return s.closed ? Counts.NONE : new Counts(s.seeders(), s.leechers(), s.completed());
        }
    }

    record Counts(int complete, int incomplete, long downloaded) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    /** The info-hash was forgotten: its swarm goes away with its peers. */
    void drop(String infoHash) {
        Swarm s;
        while ((s = byHash.get(infoHash)) != null) {
            synchronized (s) {
                for (Peer p : s.all()) {
                    s.remove(p);
                    p.client.forget(p);
                }
                removeIfEmpty(s);
            }
        }
    }

    /** Expires silent peers everywhere and closes the swarms that emptied. */
    void expireAll(long now) {
        for (Swarm s : byHash.values()) {
            synchronized (s) {
                if (s.closed) continue;
                expire(s, now);
                removeIfEmpty(s);
            }
        }
    }

    record Totals(int swarms, int peers, int seeders) {
    }

    /** For the stats; each swarm is read under its lock, the sum is not one instant. */
    Totals totals() {
        int swarms = 0;
        int peers = 0;
        int seeders = 0;
        for (Swarm s : byHash.values()) {
            synchronized (s) {
                if (s.closed) continue;
                swarms++;
                peers += s.size();
                seeders += s.seeders();
            }
        }
        return new Totals(swarms, peers, seeders);
    }

    // ---- the caller holds the swarm's lock ----------------------------------------------

    private void expire(Swarm s, long now) {
        s.expire(now - limits.peerTimeout().toMillis(), p -> p.client.forget(p));
    }

    private void leave(Peer p) {
        Swarm s = p.swarm;
        s.remove(p);
        p.client.forget(p);
        removeIfEmpty(s);
    }

    private void removeIfEmpty(Swarm s) {
        if (s.size() != 0 || s.closed) return;
        s.closed = true;
        if (byHash.remove(s.infoHash, s)) count.decrementAndGet();
    }
}

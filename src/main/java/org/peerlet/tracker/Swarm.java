package org.peerlet.tracker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The peers of one info-hash. The map keeps peers from the least to the most recently seen, so
 * expiry stops at the first fresh peer; the list allows picking random peers. Guarded by its own
 * monitor (see {@link Swarms}).
 */
final class Swarm {
    final String infoHash;
    /** Set when the swarm left the tracker's map (emptied or forgotten): a new one takes its place. */
    boolean closed;
    private final LinkedHashMap<String, Peer> byId = new LinkedHashMap<>();
    private final ArrayList<Peer> list = new ArrayList<>();
    private int seeders;
    private long completed;

    Swarm(String infoHash) {
        this.infoHash = infoHash;
    }

    Peer get(String peerId) {
        return byId.get(peerId);
    }

    int size() {
        return list.size();
    }

    int seeders() {
        return seeders;
    }

    int leechers() {
        return list.size() - seeders;
    }

    /** Count of {@code completed} events seen, the scrape's {@code downloaded}. */
    long completed() {
        return completed;
    }

    /** A copy of the peers, in no particular order. */
    List<Peer> all() {
        return new ArrayList<>(list);
    }

    void add(Peer p) {
        p.index = list.size();
        list.add(p);
        byId.put(p.peerId, p);
        if (p.seeder) seeders++;
    }

    /** Removes the peer if it is still in this swarm (another peer may hold its id by now). */
    void remove(Peer p) {
        if (!byId.remove(p.peerId, p)) return;
        Peer last = list.remove(list.size() - 1);
        if (last != p) {
            list.set(p.index, last);
            last.index = p.index;
        }
        p.index = -1;
        if (p.seeder) seeders--;
    }

    /** Marks the peer as just seen: it moves to the fresh end. */
    void touch(Peer p, long now) {
        p.lastSeen = now;
        byId.remove(p.peerId);
        byId.put(p.peerId, p);
    }

    void becomeSeeder(Peer p, boolean completedEvent) {
        if (completedEvent) completed++;
        if (!p.seeder) {
            p.seeder = true;
            seeders++;
        }
    }

    /** Removes peers last seen before {@code cutoff}, oldest first, and tells {@code removed}. */
    void expire(long cutoff, Consumer<Peer> removed) {
        while (!byId.isEmpty()) {
            Peer eldest = byId.values().iterator().next();
            if (eldest.lastSeen >= cutoff) return;
            remove(eldest);
            removed.accept(eldest);
        }
    }

    /** Up to {@code k} distinct random peers other than {@code self}. */
    List<Peer> pick(int k, Peer self, Random random) {
        int n = list.size();
        int others = self != null && self.index >= 0 ? n - 1 : n;
        int want = Math.min(k, others);
        List<Peer> out = new ArrayList<>(Math.max(want, 0));
        if (want <= 0) return out;
        if (want * 3 >= n) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            for (int i = 0; i < n && out.size() < want; i++) {
                int j = i + random.nextInt(n - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
                Peer p = list.get(idx[i]);
                if (p != self) out.add(p);
            }
        } else {
            java.util.HashSet<Integer> seen = new java.util.HashSet<>();
            while (out.size() < want) {
                int i = random.nextInt(n);
                Peer p = list.get(i);
                if (p != self && seen.add(i)) out.add(p);
            }
        }
        return out;
    }
}

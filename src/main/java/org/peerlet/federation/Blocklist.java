package org.peerlet.federation;

import org.peerlet.db.Database;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Instances we never fetch from, deliver to, or accept activities from; held in memory, kept in SQLite. */
public final class Blocklist {
    private final Database db;
    private final FederationRepository repo = new FederationRepository();
    private final Clock clock;
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();

    public Blocklist(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        hosts.addAll(repo.blockedHosts(db.dsl()));
    }

    /** True if the host (with or without port) or a parent domain of it is blocked. */
    public boolean isBlocked(String host) {
        if (host == null) return true;
        String h = host.toLowerCase(Locale.ROOT);
        if (hosts.contains(h)) return true;
        int colon = h.lastIndexOf(':');
        String bare = colon > 0 && h.indexOf(']') < colon ? h.substring(0, colon) : h;
        for (String s = bare; ; ) {
            if (hosts.contains(s)) return true;
            int dot = s.indexOf('.');
            if (dot < 0) return false;
            s = s.substring(dot + 1);
        }
    }

    public void block(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        db.writeVoid(tx -> repo.block(tx, h, clock.millis()));
        hosts.add(h);
    }

    public void unblock(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        db.writeVoid(tx -> repo.unblock(tx, h));
        hosts.remove(h);
    }

    /** A blocked host and when it was blocked. */
    public record Blocked(String host, long createdAt) {
    }

    public List<Blocked> list() {
        return repo.blockedSince(db.dsl());
    }
}

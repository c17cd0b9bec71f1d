package org.peerlet.audit;

import org.peerlet.db.Database;

import java.time.Clock;
import java.util.List;

/** Keeps and reads the moderation audit log. */
public final class AuditLog {
    /** One action: by whom (the user may since be gone; their name stays), the route, what it named, why, when. */
    public record Entry(long id, Long userId, String username, String action, String target, String reason, long createdAt) {
    }

    /** A page of entries, newest first, and how many there are. */
    public record Page(int total, List<Entry> data) {
    }

    static final int MAX_TEXT = 500;

    private final Database db;
    private final AuditRepository repo = new AuditRepository();
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(long userId, String username, String action, String target, String reason) {
        Entry e = new Entry(0, userId, username, action, cut(target), reason == null || reason.isBlank() ? null : cut(reason),
                clock.millis());
        db.writeVoid(tx -> repo.insert(tx, e));
    }

    public Page page(int start, int count) {
        return new Page(repo.count(db.dsl()), repo.list(db.dsl(), start, count));
    }

    private static String cut(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
    }
}

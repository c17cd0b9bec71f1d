package org.peerlet.federation.delivery;

import org.jooq.DSLContext;

import java.util.List;

/** The only place with SQL for the outbox ({@code deliveries}). */
public final class DeliveryRepository {

    public record Delivery(long id, String inbox, String host, String signerKind, long signerId, String body,
                           int attempts) {
    }

    public void insert(DSLContext tx, String inbox, String host, String signerKind, long signerId, String body, long now) {
        tx.execute("INSERT INTO deliveries (inbox, host, signer_kind, signer_id, body, attempts, next_attempt_at, state, created_at) "
                + "VALUES (?, ?, ?, ?, ?, 0, ?, 'pending', ?)", inbox, host, signerKind, signerId, body, now, now);
    }

    /** Takes up to {@code limit} due rows and marks them 'sending', in one transaction. */
    public List<Delivery> claimDue(DSLContext tx, long now, int limit) {
        List<Delivery> due = tx.fetch("SELECT id, inbox, host, signer_kind, signer_id, body, attempts FROM deliveries "
                        + "WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?", now, limit)
                .map(r -> new Delivery(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, Long.class), r.get(5, String.class), r.get(6, Integer.class)));
        for (Delivery d : due) tx.execute("UPDATE deliveries SET state = 'sending' WHERE id = ?", d.id());
        return due;
    }

    public void done(DSLContext tx, long id) {
        tx.execute("DELETE FROM deliveries WHERE id = ?", id);
    }

    public void retryAt(DSLContext tx, long id, int attempts, long when, String error) {
        tx.execute("UPDATE deliveries SET state = 'pending', attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                attempts, when, error, id);
    }

    public void dead(DSLContext tx, long id, int attempts, String error) {
        tx.execute("UPDATE deliveries SET state = 'dead', attempts = ?, last_error = ? WHERE id = ?", attempts, error, id);
    }

    /** After a crash, rows caught mid-send go back to the queue (the receiver dedupes by activity id). */
    public int requeueSending(DSLContext tx) {
        return tx.execute("UPDATE deliveries SET state = 'pending' WHERE state = 'sending'");
    }

    public int count(DSLContext db, String state) {
        return db.fetchOne("SELECT count(*) FROM deliveries WHERE state = ?", state).get(0, Integer.class);
    }
}

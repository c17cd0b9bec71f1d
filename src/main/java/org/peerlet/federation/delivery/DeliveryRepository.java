package org.peerlet.federation.delivery;

import org.jooq.DSLContext;

import java.util.List;

import static org.peerlet.db.schema.Tables.DELIVERIES;

/** The only place with SQL for the outbox ({@code deliveries}). */
final class DeliveryRepository {
    private static final String PENDING = "pending";
    private static final String SENDING = "sending";

    public record Delivery(long id, String inbox, String host, String signerKind, long signerId, String body,
                           int attempts) {
    }

    public void insert(DSLContext tx, String inbox, String host, String signerKind, long signerId, String body, long now) {
        tx.insertInto(DELIVERIES)
                .set(DELIVERIES.INBOX, inbox).set(DELIVERIES.HOST, host)
                .set(DELIVERIES.SIGNER_KIND, signerKind).set(DELIVERIES.SIGNER_ID, signerId)
                .set(DELIVERIES.BODY, body).set(DELIVERIES.ATTEMPTS, 0).set(DELIVERIES.NEXT_ATTEMPT_AT, now)
                .set(DELIVERIES.STATE, PENDING).set(DELIVERIES.CREATED_AT, now)
                .execute();
    }

    /** Takes up to {@code limit} due rows and marks them 'sending', in one transaction. */
    public List<Delivery> claimDue(DSLContext tx, long now, int limit) {
        List<Delivery> due = tx.select(DELIVERIES.ID, DELIVERIES.INBOX, DELIVERIES.HOST, DELIVERIES.SIGNER_KIND,
                        DELIVERIES.SIGNER_ID, DELIVERIES.BODY, DELIVERIES.ATTEMPTS)
                .from(DELIVERIES)
                .where(DELIVERIES.STATE.eq(PENDING).and(DELIVERIES.NEXT_ATTEMPT_AT.le(now)))
                .orderBy(DELIVERIES.NEXT_ATTEMPT_AT, DELIVERIES.ID)
                .limit(limit)
                .fetch(r -> new Delivery(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
        if (!due.isEmpty()) {
            tx.update(DELIVERIES).set(DELIVERIES.STATE, SENDING)
                    .where(DELIVERIES.ID.in(due.stream().map(Delivery::id).toList()))
                    .execute();
        }
        return due;
    }

    public void done(DSLContext tx, long id) {
        tx.deleteFrom(DELIVERIES).where(DELIVERIES.ID.eq(id)).execute();
    }

    public void retryAt(DSLContext tx, long id, int attempts, long when, String error) {
        tx.update(DELIVERIES).set(DELIVERIES.STATE, PENDING).set(DELIVERIES.ATTEMPTS, attempts)
                .set(DELIVERIES.NEXT_ATTEMPT_AT, when).set(DELIVERIES.LAST_ERROR, error)
                .where(DELIVERIES.ID.eq(id))
                .execute();
    }

    public void dead(DSLContext tx, long id, int attempts, String error) {
        tx.update(DELIVERIES).set(DELIVERIES.STATE, "dead").set(DELIVERIES.ATTEMPTS, attempts)
                .set(DELIVERIES.LAST_ERROR, error)
                .where(DELIVERIES.ID.eq(id))
                .execute();
    }

    /** After a crash, rows caught mid-send go back to the queue (the receiver dedupes by activity id). */
    public int requeueSending(DSLContext tx) {
        return tx.update(DELIVERIES).set(DELIVERIES.STATE, PENDING).where(DELIVERIES.STATE.eq(SENDING)).execute();
    }

    /** Deliveries still to make: waiting for their turn or being sent. */
    public int backlog(DSLContext db) {
        return db.fetchCount(DELIVERIES, DELIVERIES.STATE.in(PENDING, SENDING));
    }

    public int count(DSLContext db, String state) {
        return db.fetchCount(DELIVERIES, DELIVERIES.STATE.eq(state));
    }
}

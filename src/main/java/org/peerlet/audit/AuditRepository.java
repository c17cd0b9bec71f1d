package org.peerlet.audit;

import org.jooq.DSLContext;

import java.util.List;

import static org.peerlet.db.schema.Tables.AUDIT_LOG;

/** The only place with SQL for the audit log. */
final class AuditRepository {

    void insert(DSLContext tx, AuditLog.Entry e) {
        tx.insertInto(AUDIT_LOG).set(AUDIT_LOG.USER_ID, e.userId()).set(AUDIT_LOG.USERNAME, e.username())
                .set(AUDIT_LOG.ACTION, e.action()).set(AUDIT_LOG.TARGET, e.target()).set(AUDIT_LOG.REASON, e.reason())
                .set(AUDIT_LOG.CREATED_AT, e.createdAt()).execute();
    }

    List<AuditLog.Entry> list(DSLContext db, int start, int count) {
        return db.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID.desc()).limit(count).offset(start)
                .fetch(r -> new AuditLog.Entry(r.getId(), r.getUserId(), r.getUsername(), r.getAction(), r.getTarget(),
                        r.getReason(), r.getCreatedAt()));
    }

    int count(DSLContext db) {
        return db.fetchCount(AUDIT_LOG);
    }
}

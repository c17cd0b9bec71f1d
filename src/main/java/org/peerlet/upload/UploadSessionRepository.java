package org.peerlet.upload;

import static org.peerlet.db.schema.Tables.UPLOAD_SESSIONS;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;


/** The only place with SQL for resumable upload sessions. */
final class UploadSessionRepository {
    static final List<Field<?>> COLUMNS = List.of(UPLOAD_SESSIONS.ID, UPLOAD_SESSIONS.FINGERPRINT, UPLOAD_SESSIONS.USER_ID, UPLOAD_SESSIONS.CHANNEL_ID, UPLOAD_SESSIONS.FILENAME, UPLOAD_SESSIONS.SIZE, UPLOAD_SESSIONS.METADATA,
            UPLOAD_SESSIONS.VIDEO_ID, UPLOAD_SESSIONS.CREATED_AT, UPLOAD_SESSIONS.UPDATED_AT);

    record Session(String id, String fingerprint, long userId, long channelId, String filename, long size,
                   String metadata, Long videoId, long createdAt, long updatedAt) {
    }

    void insert(DSLContext tx, Session s) {
        tx.insertInto(UPLOAD_SESSIONS).set(UPLOAD_SESSIONS.ID, s.id()).set(UPLOAD_SESSIONS.FINGERPRINT, s.fingerprint()).set(UPLOAD_SESSIONS.USER_ID, s.userId())
                .set(UPLOAD_SESSIONS.CHANNEL_ID, s.channelId()).set(UPLOAD_SESSIONS.FILENAME, s.filename()).set(UPLOAD_SESSIONS.SIZE, s.size())
                .set(UPLOAD_SESSIONS.METADATA, s.metadata()).set(UPLOAD_SESSIONS.CREATED_AT, s.createdAt()).set(UPLOAD_SESSIONS.UPDATED_AT, s.updatedAt()).execute();
    }

    Optional<Session> byId(DSLContext db, String id) {
        return db.select(COLUMNS).from(UPLOAD_SESSIONS).where(UPLOAD_SESSIONS.ID.eq(id)).fetchOptional(UploadSessionRepository::toSession);
    }

    Optional<Session> byFingerprint(DSLContext db, String fingerprint) {
        return db.select(COLUMNS).from(UPLOAD_SESSIONS).where(UPLOAD_SESSIONS.FINGERPRINT.eq(fingerprint))
                .fetchOptional(UploadSessionRepository::toSession);
    }

    void touch(DSLContext tx, String id, long now) {
        tx.update(UPLOAD_SESSIONS).set(UPLOAD_SESSIONS.UPDATED_AT, now).where(UPLOAD_SESSIONS.ID.eq(id)).execute();
    }

    void complete(DSLContext tx, String id, long videoId, long now) {
        tx.update(UPLOAD_SESSIONS).set(UPLOAD_SESSIONS.VIDEO_ID, videoId).set(UPLOAD_SESSIONS.UPDATED_AT, now).where(UPLOAD_SESSIONS.ID.eq(id)).execute();
    }

    void delete(DSLContext tx, String id) {
        tx.deleteFrom(UPLOAD_SESSIONS).where(UPLOAD_SESSIONS.ID.eq(id)).execute();
    }

    List<Session> idleSince(DSLContext db, long before) {
        return db.select(COLUMNS).from(UPLOAD_SESSIONS).where(UPLOAD_SESSIONS.UPDATED_AT.lt(before)).fetch(UploadSessionRepository::toSession);
    }

    List<String> allIds(DSLContext db) {
        return db.select(UPLOAD_SESSIONS.ID).from(UPLOAD_SESSIONS).fetch(UPLOAD_SESSIONS.ID);
    }

    private static Session toSession(Record r) {
        return new Session(r.get(UPLOAD_SESSIONS.ID), r.get(UPLOAD_SESSIONS.FINGERPRINT), r.get(UPLOAD_SESSIONS.USER_ID), r.get(UPLOAD_SESSIONS.CHANNEL_ID), r.get(UPLOAD_SESSIONS.FILENAME),
                r.get(UPLOAD_SESSIONS.SIZE), r.get(UPLOAD_SESSIONS.METADATA), r.get(UPLOAD_SESSIONS.VIDEO_ID), r.get(UPLOAD_SESSIONS.CREATED_AT), r.get(UPLOAD_SESSIONS.UPDATED_AT));
    }
}

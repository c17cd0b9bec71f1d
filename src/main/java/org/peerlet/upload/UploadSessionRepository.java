package org.peerlet.upload;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The only place with SQL for resumable upload sessions. */
final class UploadSessionRepository {
    static final Table<Record> SESSIONS = table(name("upload_sessions"));
    static final Field<String> ID = field(name("id"), String.class);
    static final Field<String> FINGERPRINT = field(name("fingerprint"), String.class);
    static final Field<Long> USER_ID = field(name("user_id"), Long.class);
    static final Field<Long> CHANNEL_ID = field(name("channel_id"), Long.class);
    static final Field<String> FILENAME = field(name("filename"), String.class);
    static final Field<Long> SIZE = field(name("size"), Long.class);
    static final Field<String> METADATA = field(name("metadata"), String.class);
    static final Field<Long> VIDEO_ID = field(name("video_id"), Long.class);
    static final Field<Long> CREATED_AT = field(name("created_at"), Long.class);
    static final Field<Long> UPDATED_AT = field(name("updated_at"), Long.class);
    static final List<Field<?>> COLUMNS = List.of(ID, FINGERPRINT, USER_ID, CHANNEL_ID, FILENAME, SIZE, METADATA,
            VIDEO_ID, CREATED_AT, UPDATED_AT);

    record Session(String id, String fingerprint, long userId, long channelId, String filename, long size,
                   String metadata, Long videoId, long createdAt, long updatedAt) {
    }

    void insert(DSLContext tx, Session s) {
        tx.insertInto(SESSIONS).set(ID, s.id()).set(FINGERPRINT, s.fingerprint()).set(USER_ID, s.userId())
                .set(CHANNEL_ID, s.channelId()).set(FILENAME, s.filename()).set(SIZE, s.size())
                .set(METADATA, s.metadata()).set(CREATED_AT, s.createdAt()).set(UPDATED_AT, s.updatedAt()).execute();
    }

    Optional<Session> byId(DSLContext db, String id) {
        return db.select(COLUMNS).from(SESSIONS).where(ID.eq(id)).fetchOptional(UploadSessionRepository::toSession);
    }

    Optional<Session> byFingerprint(DSLContext db, String fingerprint) {
        return db.select(COLUMNS).from(SESSIONS).where(FINGERPRINT.eq(fingerprint))
                .fetchOptional(UploadSessionRepository::toSession);
    }

    void touch(DSLContext tx, String id, long now) {
        tx.update(SESSIONS).set(UPDATED_AT, now).where(ID.eq(id)).execute();
    }

    void complete(DSLContext tx, String id, long videoId, long now) {
        tx.update(SESSIONS).set(VIDEO_ID, videoId).set(UPDATED_AT, now).where(ID.eq(id)).execute();
    }

    void delete(DSLContext tx, String id) {
        tx.deleteFrom(SESSIONS).where(ID.eq(id)).execute();
    }

    List<Session> idleSince(DSLContext db, long before) {
        return db.select(COLUMNS).from(SESSIONS).where(UPDATED_AT.lt(before)).fetch(UploadSessionRepository::toSession);
    }

    List<String> allIds(DSLContext db) {
        return db.select(ID).from(SESSIONS).fetch(ID);
    }

    private static Session toSession(Record r) {
        return new Session(r.get(ID), r.get(FINGERPRINT), r.get(USER_ID), r.get(CHANNEL_ID), r.get(FILENAME),
                r.get(SIZE), r.get(METADATA), r.get(VIDEO_ID), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}

package org.peerlet.caption;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;

import static org.peerlet.db.schema.Tables.VIDEO_CAPTIONS;

/** The only place with SQL for captions. */
final class CaptionRepository {

    void save(DSLContext tx, Caption c) {
        tx.insertInto(VIDEO_CAPTIONS)
                .set(VIDEO_CAPTIONS.VIDEO_ID, c.videoId()).set(VIDEO_CAPTIONS.LANGUAGE, c.language())
                .set(VIDEO_CAPTIONS.FILE, c.file()).set(VIDEO_CAPTIONS.REMOTE_URL, c.remoteUrl())
                .set(VIDEO_CAPTIONS.UPDATED_AT, c.updatedAt())
                .onConflict(VIDEO_CAPTIONS.VIDEO_ID, VIDEO_CAPTIONS.LANGUAGE).doUpdate()
                .set(VIDEO_CAPTIONS.FILE, c.file()).set(VIDEO_CAPTIONS.REMOTE_URL, c.remoteUrl())
                .set(VIDEO_CAPTIONS.UPDATED_AT, c.updatedAt())
                .execute();
    }

    List<Caption> ofVideo(DSLContext db, long videoId) {
        return db.selectFrom(VIDEO_CAPTIONS).where(VIDEO_CAPTIONS.VIDEO_ID.eq(videoId))
                .orderBy(VIDEO_CAPTIONS.LANGUAGE).fetch(CaptionRepository::toCaption);
    }

    Optional<Caption> one(DSLContext db, long videoId, String language) {
        return db.selectFrom(VIDEO_CAPTIONS)
                .where(VIDEO_CAPTIONS.VIDEO_ID.eq(videoId).and(VIDEO_CAPTIONS.LANGUAGE.eq(language)))
                .fetchOptional(CaptionRepository::toCaption);
    }

    Optional<Caption> byFile(DSLContext db, String file) {
        return db.selectFrom(VIDEO_CAPTIONS).where(VIDEO_CAPTIONS.FILE.eq(file)).fetchOptional(CaptionRepository::toCaption);
    }

    void delete(DSLContext tx, long videoId, String language) {
        tx.deleteFrom(VIDEO_CAPTIONS)
                .where(VIDEO_CAPTIONS.VIDEO_ID.eq(videoId).and(VIDEO_CAPTIONS.LANGUAGE.eq(language))).execute();
    }

    /** Replaces a remote video's captions with what its origin says now. */
    void replaceRemote(DSLContext tx, long videoId, List<Caption> captions) {
        tx.deleteFrom(VIDEO_CAPTIONS).where(VIDEO_CAPTIONS.VIDEO_ID.eq(videoId)).execute();
        for (Caption c : captions) save(tx, c);
    }

    private static Caption toCaption(Record r) {
        return new Caption(r.get(VIDEO_CAPTIONS.VIDEO_ID), r.get(VIDEO_CAPTIONS.LANGUAGE), r.get(VIDEO_CAPTIONS.FILE),
                r.get(VIDEO_CAPTIONS.REMOTE_URL), r.get(VIDEO_CAPTIONS.UPDATED_AT));
    }
}

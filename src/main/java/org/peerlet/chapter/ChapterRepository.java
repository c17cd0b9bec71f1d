package org.peerlet.chapter;

import org.jooq.DSLContext;

import java.util.List;

import static org.peerlet.db.schema.Tables.VIDEO_CHAPTERS;

/** The only place with SQL for chapters. */
final class ChapterRepository {

    List<Chapter> of(DSLContext db, long videoId) {
        return db.select(VIDEO_CHAPTERS.TIMECODE, VIDEO_CHAPTERS.TITLE).from(VIDEO_CHAPTERS)
                .where(VIDEO_CHAPTERS.VIDEO_ID.eq(videoId)).orderBy(VIDEO_CHAPTERS.TIMECODE)
                .fetch(r -> new Chapter(r.value1().intValue(), r.value2()));
    }

    void replace(DSLContext tx, long videoId, List<Chapter> chapters) {
        tx.deleteFrom(VIDEO_CHAPTERS).where(VIDEO_CHAPTERS.VIDEO_ID.eq(videoId)).execute();
        for (Chapter c : chapters) {
            tx.insertInto(VIDEO_CHAPTERS).set(VIDEO_CHAPTERS.VIDEO_ID, videoId)
                    .set(VIDEO_CHAPTERS.TIMECODE, (long) c.timecode()).set(VIDEO_CHAPTERS.TITLE, c.title()).execute();
        }
    }
}

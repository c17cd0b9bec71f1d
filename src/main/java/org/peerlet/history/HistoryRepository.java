package org.peerlet.history;

import org.jooq.Condition;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.peerlet.db.schema.Tables.WATCH_HISTORY;

/** The only place with SQL for watch history. */
final class HistoryRepository {

    /** One video in a user's history: where they stopped, and when. */
    record Entry(long videoId, int currentTime, long updatedAt) {
    }

    void save(DSLContext tx, long userId, long videoId, int seconds, long at) {
        tx.insertInto(WATCH_HISTORY)
                .set(WATCH_HISTORY.USER_ID, userId).set(WATCH_HISTORY.VIDEO_ID, videoId)
                .set(WATCH_HISTORY.CURRENT_TIME, (long) seconds).set(WATCH_HISTORY.UPDATED_AT, at)
                .onConflict(WATCH_HISTORY.USER_ID, WATCH_HISTORY.VIDEO_ID).doUpdate()
                .set(WATCH_HISTORY.CURRENT_TIME, (long) seconds).set(WATCH_HISTORY.UPDATED_AT, at)
                .execute();
    }

    Map<Long, Integer> positions(DSLContext db, long userId, Collection<Long> videoIds) {
        Map<Long, Integer> out = new HashMap<>();
        db.select(WATCH_HISTORY.VIDEO_ID, WATCH_HISTORY.CURRENT_TIME).from(WATCH_HISTORY)
                .where(WATCH_HISTORY.USER_ID.eq(userId).and(WATCH_HISTORY.VIDEO_ID.in(videoIds)))
                .forEach(r -> out.put(r.value1(), r.value2().intValue()));
        return out;
    }

    /** The user's whole history, most recently watched first. */
    List<Entry> all(DSLContext db, long userId) {
        return db.select(WATCH_HISTORY.VIDEO_ID, WATCH_HISTORY.CURRENT_TIME, WATCH_HISTORY.UPDATED_AT).from(WATCH_HISTORY)
                .where(WATCH_HISTORY.USER_ID.eq(userId))
                .orderBy(WATCH_HISTORY.UPDATED_AT.desc(), WATCH_HISTORY.VIDEO_ID.desc())
                .fetch(r -> new Entry(r.value1(), r.value2().intValue(), r.value3()));
    }

    /** Removes one video, or (videoId null) every video last watched before {@code before} (null: all). */
    int remove(DSLContext tx, long userId, Long videoId, Long before) {
        Condition c = WATCH_HISTORY.USER_ID.eq(userId);
        if (videoId != null) c = c.and(WATCH_HISTORY.VIDEO_ID.eq(videoId));
        if (before != null) c = c.and(WATCH_HISTORY.UPDATED_AT.lt(before));
        return tx.deleteFrom(WATCH_HISTORY).where(c).execute();
    }
}

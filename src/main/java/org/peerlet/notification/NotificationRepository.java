package org.peerlet.notification;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.peerlet.db.schema.Tables.NOTIFICATIONS;
import static org.peerlet.db.schema.Tables.NOTIFICATION_SETTINGS;

/** The only place with SQL for notifications and their settings. */
final class NotificationRepository {

    long insert(DSLContext tx, long userId, int type, Long commentId, Long videoId, Long followId, boolean onWeb, long at) {
        return tx.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.USER_ID, userId).set(NOTIFICATIONS.TYPE, type)
                .set(NOTIFICATIONS.COMMENT_ID, commentId).set(NOTIFICATIONS.VIDEO_ID, videoId)
                .set(NOTIFICATIONS.FOLLOW_ID, followId).set(NOTIFICATIONS.IS_ON_WEB, onWeb)
                .set(NOTIFICATIONS.IS_READ, false).set(NOTIFICATIONS.CREATED_AT, at).set(NOTIFICATIONS.UPDATED_AT, at)
                .returning(NOTIFICATIONS.ID).fetchOne(NOTIFICATIONS.ID);
    }

    boolean exists(DSLContext tx, long userId, int type, long videoId) {
        return tx.fetchExists(NOTIFICATIONS, NOTIFICATIONS.USER_ID.eq(userId).and(NOTIFICATIONS.TYPE.eq(type))
                .and(NOTIFICATIONS.VIDEO_ID.eq(videoId)));
    }

    /** Removes the notifications of a kind about a video; the people who had one. */
    List<Long> removeOfVideo(DSLContext tx, long videoId, int type) {
        Condition which = NOTIFICATIONS.VIDEO_ID.eq(videoId).and(NOTIFICATIONS.TYPE.eq(type));
        List<Long> users = tx.selectDistinct(NOTIFICATIONS.USER_ID).from(NOTIFICATIONS).where(which).fetch(NOTIFICATIONS.USER_ID);
        if (!users.isEmpty()) tx.deleteFrom(NOTIFICATIONS).where(which).execute();
        return users;
    }

    private static Condition of(long userId, boolean unreadOnly) {
        Condition c = NOTIFICATIONS.USER_ID.eq(userId).and(NOTIFICATIONS.IS_ON_WEB.isTrue());
        return unreadOnly ? c.and(NOTIFICATIONS.IS_READ.isFalse()) : c;
    }

    List<Notification> list(DSLContext db, long userId, boolean unreadOnly, int start, int count) {
        return db.selectFrom(NOTIFICATIONS).where(of(userId, unreadOnly))
                .orderBy(NOTIFICATIONS.ID.desc()).limit(count).offset(start)
                .fetch(NotificationRepository::toNotification);
    }

    int count(DSLContext db, long userId, boolean unreadOnly) {
        return db.fetchCount(NOTIFICATIONS, of(userId, unreadOnly));
    }

    void markRead(DSLContext tx, long userId, List<Long> ids, long at) {
        Condition which = ids == null ? NOTIFICATIONS.USER_ID.eq(userId) : NOTIFICATIONS.USER_ID.eq(userId).and(NOTIFICATIONS.ID.in(ids));
        tx.update(NOTIFICATIONS).set(NOTIFICATIONS.IS_READ, true).set(NOTIFICATIONS.UPDATED_AT, at)
                .where(which.and(NOTIFICATIONS.IS_READ.isFalse())).execute();
    }

    Map<String, Integer> settings(DSLContext db, long userId) {
        Map<String, Integer> out = new HashMap<>();
        db.selectFrom(NOTIFICATION_SETTINGS).where(NOTIFICATION_SETTINGS.USER_ID.eq(userId))
                .forEach(r -> out.put(r.getName(), r.getValue().intValue()));
        return out;
    }

    void setting(DSLContext tx, long userId, String name, int value) {
        tx.insertInto(NOTIFICATION_SETTINGS)
                .set(NOTIFICATION_SETTINGS.USER_ID, userId).set(NOTIFICATION_SETTINGS.NAME, name)
                .set(NOTIFICATION_SETTINGS.VALUE, (long) value)
                .onConflict(NOTIFICATION_SETTINGS.USER_ID, NOTIFICATION_SETTINGS.NAME).doUpdate()
                .set(NOTIFICATION_SETTINGS.VALUE, (long) value)
                .execute();
    }

    private static Notification toNotification(Record r) {
        return new Notification(r.get(NOTIFICATIONS.ID), r.get(NOTIFICATIONS.USER_ID), r.get(NOTIFICATIONS.TYPE),
                r.get(NOTIFICATIONS.COMMENT_ID), r.get(NOTIFICATIONS.VIDEO_ID), r.get(NOTIFICATIONS.FOLLOW_ID), r.get(NOTIFICATIONS.IS_READ),
                r.get(NOTIFICATIONS.CREATED_AT), r.get(NOTIFICATIONS.UPDATED_AT));
    }
}

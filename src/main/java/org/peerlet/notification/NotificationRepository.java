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

    long insert(DSLContext tx, long userId, int type, Notification.About a, boolean onWeb, long at) {
        return tx.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.USER_ID, userId).set(NOTIFICATIONS.TYPE, type)
                .set(NOTIFICATIONS.COMMENT_ID, a.commentId()).set(NOTIFICATIONS.VIDEO_ID, a.videoId())
                .set(NOTIFICATIONS.FOLLOW_ID, a.followId()).set(NOTIFICATIONS.ABUSE_ID, a.abuseId())
                .set(NOTIFICATIONS.ACCOUNT_ID, a.accountId()).set(NOTIFICATIONS.REGISTRATION_ID, a.registrationId())
                .set(NOTIFICATIONS.IS_ON_WEB, onWeb)
                .set(NOTIFICATIONS.IS_READ, false).set(NOTIFICATIONS.CREATED_AT, at).set(NOTIFICATIONS.UPDATED_AT, at)
                .returning(NOTIFICATIONS.ID).fetchOne(NOTIFICATIONS.ID);
    }

    boolean exists(DSLContext tx, long userId, int type, long videoId) {
        return tx.fetchExists(NOTIFICATIONS, NOTIFICATIONS.USER_ID.eq(userId).and(NOTIFICATIONS.TYPE.eq(type))
                .and(NOTIFICATIONS.VIDEO_ID.eq(videoId)));
    }

    /** Removes the notifications of a kind about a video (of one person, or null: everyone's); the people who had one. */
    List<Long> removeOfVideo(DSLContext tx, long videoId, int type, Long userId) {
        Condition which = NOTIFICATIONS.VIDEO_ID.eq(videoId).and(NOTIFICATIONS.TYPE.eq(type));
        if (userId != null) which = which.and(NOTIFICATIONS.USER_ID.eq(userId));
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
        Notification.About a = new Notification.About(r.get(NOTIFICATIONS.COMMENT_ID), r.get(NOTIFICATIONS.VIDEO_ID),
                r.get(NOTIFICATIONS.FOLLOW_ID), r.get(NOTIFICATIONS.ABUSE_ID), r.get(NOTIFICATIONS.ACCOUNT_ID),
                r.get(NOTIFICATIONS.REGISTRATION_ID));
        return new Notification(r.get(NOTIFICATIONS.ID), r.get(NOTIFICATIONS.USER_ID), r.get(NOTIFICATIONS.TYPE), a,
                r.get(NOTIFICATIONS.IS_READ),
                r.get(NOTIFICATIONS.CREATED_AT), r.get(NOTIFICATIONS.UPDATED_AT));
    }
}

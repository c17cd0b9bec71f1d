package org.peerlet.moderation;

import static org.peerlet.db.schema.Tables.ABUSES;
import static org.peerlet.db.schema.Tables.ABUSE_MESSAGES;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

/** The only place with SQL for reports and their messages. */
final class AbuseRepository {

    /** What a list of reports is narrowed to; null fields do not narrow it. */
    record Filter(Long id, Integer state, String kind, Long reporterAccountId, String search) {
    }

    record Message(long id, long abuseId, Long accountId, String message, boolean byModerator, long createdAt) {
    }

    long insert(DSLContext tx, Abuse a) {
        return tx.insertInto(ABUSES).set(ABUSES.REPORTER_ACCOUNT_ID, a.reporterAccountId()).set(ABUSES.FLAGGED_ACCOUNT_ID, a.flaggedAccountId())
                .set(ABUSES.VIDEO_ID, a.videoId()).set(ABUSES.VIDEO_NAME, a.videoName()).set(ABUSES.COMMENT_ID, a.commentId())
                .set(ABUSES.COMMENT_TEXT, a.commentText()).set(ABUSES.REASON, a.reason())
                .set(ABUSES.PREDEFINED_REASONS, String.join(",", a.predefinedReasons())).set(ABUSES.START_AT, toLong(a.startAt()))
                .set(ABUSES.END_AT, toLong(a.endAt())).set(ABUSES.STATE, Abuse.PENDING).set(ABUSES.URL, a.url())
                .set(ABUSES.CREATED_AT, a.createdAt()).set(ABUSES.UPDATED_AT, a.createdAt()).returning(ABUSES.ID).fetchOne(ABUSES.ID);
    }

    Optional<Abuse> byId(DSLContext db, long id) {
        return db.selectFrom(ABUSES).where(ABUSES.ID.eq(id)).fetchOptional(AbuseRepository::toAbuse);
    }

    boolean urlKnown(DSLContext db, String url) {
        return db.fetchExists(ABUSES, ABUSES.URL.eq(url));
    }

    /** Whether this reporter's report of this very thing still waits for a moderator. */
    boolean pendingSame(DSLContext db, long reporter, Long videoId, Long commentId, Long flaggedAccountId) {
        Condition target = videoId != null ? ABUSES.VIDEO_ID.eq(videoId)
                : commentId != null ? ABUSES.COMMENT_ID.eq(commentId)
                : ABUSES.FLAGGED_ACCOUNT_ID.eq(flaggedAccountId).and(ABUSES.VIDEO_NAME.isNull()).and(ABUSES.COMMENT_TEXT.isNull());
        return db.fetchExists(ABUSES, ABUSES.REPORTER_ACCOUNT_ID.eq(reporter).and(ABUSES.STATE.eq(Abuse.PENDING)).and(target));
    }

    List<Abuse> list(DSLContext db, Filter f, int start, int count) {
        return db.selectFrom(ABUSES).where(matching(f)).orderBy(ABUSES.ID.desc()).limit(count).offset(start).fetch(AbuseRepository::toAbuse);
    }

    int count(DSLContext db, Filter f) {
        return db.fetchCount(ABUSES, matching(f));
    }

    int countByReporter(DSLContext db, long accountId) {
        return db.fetchCount(ABUSES, ABUSES.REPORTER_ACCOUNT_ID.eq(accountId));
    }

    int countByFlagged(DSLContext db, long accountId) {
        return db.fetchCount(ABUSES, ABUSES.FLAGGED_ACCOUNT_ID.eq(accountId));
    }

    int countOfVideo(DSLContext db, long videoId) {
        return db.fetchCount(ABUSES, ABUSES.VIDEO_ID.eq(videoId));
    }

    int nthOfVideo(DSLContext db, long videoId, long abuseId) {
        return db.fetchCount(ABUSES, ABUSES.VIDEO_ID.eq(videoId).and(ABUSES.ID.le(abuseId)));
    }

    void judge(DSLContext tx, long id, Integer state, String comment, long now) {
        var u = tx.update(ABUSES).set(ABUSES.UPDATED_AT, now);
        if (state != null) u = u.set(ABUSES.STATE, state);
        if (comment != null) u = u.set(ABUSES.MODERATION_COMMENT, comment);
        u.where(ABUSES.ID.eq(id)).execute();
    }

    void delete(DSLContext tx, long id) {
        tx.deleteFrom(ABUSES).where(ABUSES.ID.eq(id)).execute();
    }

    long insertMessage(DSLContext tx, long abuseId, long accountId, String message, boolean byModerator, long now) {
        return tx.insertInto(ABUSE_MESSAGES).set(ABUSE_MESSAGES.ABUSE_ID, abuseId).set(ABUSE_MESSAGES.ACCOUNT_ID, accountId).set(ABUSE_MESSAGES.MESSAGE, message)
                .set(ABUSE_MESSAGES.IS_BY_MODERATOR, byModerator).set(ABUSE_MESSAGES.CREATED_AT, now).returning(ABUSE_MESSAGES.ID).fetchOne(ABUSE_MESSAGES.ID);
    }

    List<Message> messages(DSLContext db, long abuseId) {
        return db.selectFrom(ABUSE_MESSAGES).where(ABUSE_MESSAGES.ABUSE_ID.eq(abuseId)).orderBy(ABUSE_MESSAGES.ID).fetch(r -> new Message(r.get(ABUSE_MESSAGES.ID),
                r.get(ABUSE_MESSAGES.ABUSE_ID), r.get(ABUSE_MESSAGES.ACCOUNT_ID), r.get(ABUSE_MESSAGES.MESSAGE), r.get(ABUSE_MESSAGES.IS_BY_MODERATOR), r.get(ABUSE_MESSAGES.CREATED_AT)));
    }

    int countMessages(DSLContext db, long abuseId) {
        return db.fetchCount(ABUSE_MESSAGES, ABUSE_MESSAGES.ABUSE_ID.eq(abuseId));
    }

    int deleteMessage(DSLContext tx, long abuseId, long messageId) {
        return tx.deleteFrom(ABUSE_MESSAGES).where(ABUSE_MESSAGES.ID.eq(messageId).and(ABUSE_MESSAGES.ABUSE_ID.eq(abuseId))).execute();
    }

    private static Condition matching(Filter f) {
        Condition c = DSL.trueCondition();
        if (f.id() != null) c = c.and(ABUSES.ID.eq(f.id()));
        if (f.state() != null) c = c.and(ABUSES.STATE.eq(f.state()));
        if (f.reporterAccountId() != null) c = c.and(ABUSES.REPORTER_ACCOUNT_ID.eq(f.reporterAccountId()));
        if ("video".equals(f.kind())) c = c.and(ABUSES.VIDEO_NAME.isNotNull());
        if ("comment".equals(f.kind())) c = c.and(ABUSES.COMMENT_TEXT.isNotNull());
        if ("account".equals(f.kind())) c = c.and(ABUSES.VIDEO_NAME.isNull()).and(ABUSES.COMMENT_TEXT.isNull());
        if (f.search() != null && !f.search().isBlank()) {
            String like = "%" + f.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            c = c.and(ABUSES.REASON.like(like, '\\').or(ABUSES.VIDEO_NAME.like(like, '\\')).or(ABUSES.COMMENT_TEXT.like(like, '\\')));
        }
        return c;
    }

    private static Long toLong(Integer i) {
        return i == null ? null : i.longValue();
    }

    private static Integer toInt(Long l) {
        return l == null ? null : l.intValue();
    }

    private static Abuse toAbuse(Record r) {
        String reasons = r.get(ABUSES.PREDEFINED_REASONS);
        return new Abuse(r.get(ABUSES.ID), r.get(ABUSES.REPORTER_ACCOUNT_ID), r.get(ABUSES.FLAGGED_ACCOUNT_ID), r.get(ABUSES.VIDEO_ID),
                r.get(ABUSES.VIDEO_NAME), r.get(ABUSES.COMMENT_ID), r.get(ABUSES.COMMENT_TEXT), r.get(ABUSES.REASON),
                reasons.isEmpty() ? List.of() : List.of(reasons.split(",")), toInt(r.get(ABUSES.START_AT)), toInt(r.get(ABUSES.END_AT)),
                r.get(ABUSES.STATE), r.get(ABUSES.MODERATION_COMMENT), r.get(ABUSES.URL), r.get(ABUSES.CREATED_AT), r.get(ABUSES.UPDATED_AT));
    }
}

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
    private static final org.peerlet.db.schema.tables.Abuses A = ABUSES;
    private static final org.peerlet.db.schema.tables.AbuseMessages M = ABUSE_MESSAGES;

    /** What a list of reports is narrowed to; null fields do not narrow it. */
    record Filter(Long id, Integer state, String kind, Long reporterAccountId, String search) {
    }

    record Message(long id, long abuseId, Long accountId, String message, boolean byModerator, long createdAt) {
    }

    long insert(DSLContext tx, Abuse a) {
        return tx.insertInto(A).set(A.REPORTER_ACCOUNT_ID, a.reporterAccountId()).set(A.FLAGGED_ACCOUNT_ID, a.flaggedAccountId())
                .set(A.VIDEO_ID, a.videoId()).set(A.VIDEO_NAME, a.videoName()).set(A.COMMENT_ID, a.commentId())
                .set(A.COMMENT_TEXT, a.commentText()).set(A.REASON, a.reason())
                .set(A.PREDEFINED_REASONS, String.join(",", a.predefinedReasons())).set(A.START_AT, toLong(a.startAt()))
                .set(A.END_AT, toLong(a.endAt())).set(A.STATE, Abuse.PENDING).set(A.URL, a.url())
                .set(A.CREATED_AT, a.createdAt()).set(A.UPDATED_AT, a.createdAt()).returning(A.ID).fetchOne(A.ID);
    }

    Optional<Abuse> byId(DSLContext db, long id) {
        return db.selectFrom(A).where(A.ID.eq(id)).fetchOptional(AbuseRepository::toAbuse);
    }

    boolean urlKnown(DSLContext db, String url) {
        return db.fetchExists(A, A.URL.eq(url));
    }

    /** Whether this reporter's report of this very thing still waits for a moderator. */
    boolean pendingSame(DSLContext db, long reporter, Long videoId, Long commentId, Long flaggedAccountId) {
        Condition target = videoId != null ? A.VIDEO_ID.eq(videoId)
                : commentId != null ? A.COMMENT_ID.eq(commentId)
                : A.FLAGGED_ACCOUNT_ID.eq(flaggedAccountId).and(A.VIDEO_NAME.isNull()).and(A.COMMENT_TEXT.isNull());
        return db.fetchExists(A, A.REPORTER_ACCOUNT_ID.eq(reporter).and(A.STATE.eq(Abuse.PENDING)).and(target));
    }

    List<Abuse> list(DSLContext db, Filter f, int start, int count) {
        return db.selectFrom(A).where(matching(f)).orderBy(A.ID.desc()).limit(count).offset(start).fetch(AbuseRepository::toAbuse);
    }

    int count(DSLContext db, Filter f) {
        return db.fetchCount(A, matching(f));
    }

    int countByReporter(DSLContext db, long accountId) {
        return db.fetchCount(A, A.REPORTER_ACCOUNT_ID.eq(accountId));
    }

    int countByFlagged(DSLContext db, long accountId) {
        return db.fetchCount(A, A.FLAGGED_ACCOUNT_ID.eq(accountId));
    }

    int countOfVideo(DSLContext db, long videoId) {
        return db.fetchCount(A, A.VIDEO_ID.eq(videoId));
    }

    int nthOfVideo(DSLContext db, long videoId, long abuseId) {
        return db.fetchCount(A, A.VIDEO_ID.eq(videoId).and(A.ID.le(abuseId)));
    }

    void judge(DSLContext tx, long id, Integer state, String comment, long now) {
        var u = tx.update(A).set(A.UPDATED_AT, now);
        if (state != null) u = u.set(A.STATE, state);
        if (comment != null) u = u.set(A.MODERATION_COMMENT, comment);
        u.where(A.ID.eq(id)).execute();
    }

    void delete(DSLContext tx, long id) {
        tx.deleteFrom(A).where(A.ID.eq(id)).execute();
    }

    long insertMessage(DSLContext tx, long abuseId, long accountId, String message, boolean byModerator, long now) {
        return tx.insertInto(M).set(M.ABUSE_ID, abuseId).set(M.ACCOUNT_ID, accountId).set(M.MESSAGE, message)
                .set(M.IS_BY_MODERATOR, byModerator).set(M.CREATED_AT, now).returning(M.ID).fetchOne(M.ID);
    }

    List<Message> messages(DSLContext db, long abuseId) {
        return db.selectFrom(M).where(M.ABUSE_ID.eq(abuseId)).orderBy(M.ID).fetch(r -> new Message(r.get(M.ID),
                r.get(M.ABUSE_ID), r.get(M.ACCOUNT_ID), r.get(M.MESSAGE), r.get(M.IS_BY_MODERATOR), r.get(M.CREATED_AT)));
    }

    int countMessages(DSLContext db, long abuseId) {
        return db.fetchCount(M, M.ABUSE_ID.eq(abuseId));
    }

    int deleteMessage(DSLContext tx, long abuseId, long messageId) {
        return tx.deleteFrom(M).where(M.ID.eq(messageId).and(M.ABUSE_ID.eq(abuseId))).execute();
    }

    private static Condition matching(Filter f) {
        Condition c = DSL.trueCondition();
        if (f.id() != null) c = c.and(A.ID.eq(f.id()));
        if (f.state() != null) c = c.and(A.STATE.eq(f.state()));
        if (f.reporterAccountId() != null) c = c.and(A.REPORTER_ACCOUNT_ID.eq(f.reporterAccountId()));
        if ("video".equals(f.kind())) c = c.and(A.VIDEO_NAME.isNotNull());
        if ("comment".equals(f.kind())) c = c.and(A.COMMENT_TEXT.isNotNull());
        if ("account".equals(f.kind())) c = c.and(A.VIDEO_NAME.isNull()).and(A.COMMENT_TEXT.isNull());
        if (f.search() != null && !f.search().isBlank()) {
            String like = "%" + f.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            c = c.and(A.REASON.like(like, '\\').or(A.VIDEO_NAME.like(like, '\\')).or(A.COMMENT_TEXT.like(like, '\\')));
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
        String reasons = r.get(A.PREDEFINED_REASONS);
        return new Abuse(r.get(A.ID), r.get(A.REPORTER_ACCOUNT_ID), r.get(A.FLAGGED_ACCOUNT_ID), r.get(A.VIDEO_ID),
                r.get(A.VIDEO_NAME), r.get(A.COMMENT_ID), r.get(A.COMMENT_TEXT), r.get(A.REASON),
                reasons.isEmpty() ? List.of() : List.of(reasons.split(",")), toInt(r.get(A.START_AT)), toInt(r.get(A.END_AT)),
                r.get(A.STATE), r.get(A.MODERATION_COMMENT), r.get(A.URL), r.get(A.CREATED_AT), r.get(A.UPDATED_AT));
    }
}

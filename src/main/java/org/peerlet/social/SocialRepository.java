package org.peerlet.social;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SortField;
import org.peerlet.account.AccountDirectory;

import java.util.List;
import java.util.Optional;

import static org.peerlet.db.schema.Tables.ACCOUNTS;
import static org.peerlet.db.schema.Tables.VIDEO_COMMENTS;
import static org.peerlet.db.schema.Tables.VIDEO_RATES;

/** The only place with SQL for comments and ratings. */
final class SocialRepository {

    /** A comment to store: where, by whom, and what it says. */
    record NewComment(long videoId, long accountId, String url, Long threadId, Long inReplyTo, String text,
                      String format, String summary, boolean held, long at) {
    }

    private static SelectConditionStep<Record> comments(DSLContext db, Condition where) {
        return db.select(VIDEO_COMMENTS.fields()).select(ACCOUNTS.fields())
                .from(VIDEO_COMMENTS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(VIDEO_COMMENTS.ACCOUNT_ID))
                .where(where);
    }

    long insertComment(DSLContext tx, NewComment c) {
        return tx.insertInto(VIDEO_COMMENTS)
                .set(VIDEO_COMMENTS.VIDEO_ID, c.videoId()).set(VIDEO_COMMENTS.ACCOUNT_ID, c.accountId())
                .set(VIDEO_COMMENTS.URL, c.url()).set(VIDEO_COMMENTS.THREAD_ID, c.threadId())
                .set(VIDEO_COMMENTS.IN_REPLY_TO, c.inReplyTo()).set(VIDEO_COMMENTS.TEXT, c.text())
                .set(VIDEO_COMMENTS.FORMAT, c.format()).set(VIDEO_COMMENTS.SUMMARY, c.summary())
                .set(VIDEO_COMMENTS.IS_HELD_FOR_REVIEW, c.held())
                .set(VIDEO_COMMENTS.CREATED_AT, c.at()).set(VIDEO_COMMENTS.UPDATED_AT, c.at())
                .returning(VIDEO_COMMENTS.ID)
                .fetchOne(VIDEO_COMMENTS.ID);
    }

    void setCommentUrl(DSLContext tx, long id, String url) {
        tx.update(VIDEO_COMMENTS).set(VIDEO_COMMENTS.URL, url).where(VIDEO_COMMENTS.ID.eq(id)).execute();
    }

    void updateComment(DSLContext tx, long id, String text, String summary, long at) {
        tx.update(VIDEO_COMMENTS).set(VIDEO_COMMENTS.TEXT, text).set(VIDEO_COMMENTS.SUMMARY, summary)
                .set(VIDEO_COMMENTS.UPDATED_AT, at)
                .where(VIDEO_COMMENTS.ID.eq(id).and(VIDEO_COMMENTS.DELETED_AT.isNull()))
                .execute();
    }

    /** Leaves a tombstone: the row (and so its id and URL) stays, what it said goes. */
    boolean tombstone(DSLContext tx, long id, long at) {
        return tx.update(VIDEO_COMMENTS).set(VIDEO_COMMENTS.TEXT, "").set(VIDEO_COMMENTS.SUMMARY, (String) null)
                .set(VIDEO_COMMENTS.DELETED_AT, at).set(VIDEO_COMMENTS.UPDATED_AT, at)
                .where(VIDEO_COMMENTS.ID.eq(id).and(VIDEO_COMMENTS.DELETED_AT.isNull()))
                .execute() == 1;
    }

    void approve(DSLContext tx, long id) {
        tx.update(VIDEO_COMMENTS).set(VIDEO_COMMENTS.IS_HELD_FOR_REVIEW, false).where(VIDEO_COMMENTS.ID.eq(id)).execute();
    }

    Optional<Comment> commentByUrl(DSLContext db, String url) {
        return comments(db, VIDEO_COMMENTS.URL.eq(url)).fetchOptional(SocialRepository::toComment);
    }

    Optional<Comment> commentById(DSLContext db, long id) {
        return comments(db, VIDEO_COMMENTS.ID.eq(id)).fetchOptional(SocialRepository::toComment);
    }

    /**
     * Held comments show only to their author, or to everyone allowed to review them ({@code reviewer});
     * comments of accounts the blockers muted show to no one.
     */
    static Condition visible(Long viewerAccountId, boolean reviewer, org.peerlet.blocklist.Blockers blockers) {
        Condition notMuted = blockers.notMuted(VIDEO_COMMENTS.ACCOUNT_ID);
        if (reviewer) return notMuted;
        Condition open = VIDEO_COMMENTS.IS_HELD_FOR_REVIEW.isFalse();
        return notMuted.and(viewerAccountId == null ? open : open.or(VIDEO_COMMENTS.ACCOUNT_ID.eq(viewerAccountId)));
    }

    List<Comment> threads(DSLContext db, long videoId, Condition visible, boolean oldestFirst, int start, int count) {
        List<SortField<?>> order = oldestFirst
                ? List.of(VIDEO_COMMENTS.CREATED_AT.asc(), VIDEO_COMMENTS.ID.asc())
                : List.of(VIDEO_COMMENTS.CREATED_AT.desc(), VIDEO_COMMENTS.ID.desc());
        return comments(db, VIDEO_COMMENTS.VIDEO_ID.eq(videoId).and(VIDEO_COMMENTS.THREAD_ID.isNull()).and(visible))
                .orderBy(order).limit(count).offset(start)
                .fetch(SocialRepository::toComment);
    }

    /** A thread's comments after its first, oldest first. */
    List<Comment> thread(DSLContext db, long threadId, Condition visible) {
        return comments(db, VIDEO_COMMENTS.THREAD_ID.eq(threadId).and(visible))
                .orderBy(VIDEO_COMMENTS.CREATED_AT.asc(), VIDEO_COMMENTS.ID.asc())
                .fetch(SocialRepository::toComment);
    }

    /** Comments held for review on the videos among {@code videoIds}, newest first. */
    List<Comment> held(DSLContext db, List<Long> videoIds, int start, int count) {
        return comments(db, waiting(videoIds))
                .orderBy(VIDEO_COMMENTS.CREATED_AT.desc(), VIDEO_COMMENTS.ID.desc())
                .limit(count).offset(start)
                .fetch(SocialRepository::toComment);
    }

    int countHeld(DSLContext db, List<Long> videoIds) {
        return db.fetchCount(VIDEO_COMMENTS, waiting(videoIds));
    }

    /** Held for review and not deleted since: a deleted held comment leaves the queue. */
    private static org.jooq.Condition waiting(List<Long> videoIds) {
        return VIDEO_COMMENTS.VIDEO_ID.in(videoIds).and(VIDEO_COMMENTS.IS_HELD_FOR_REVIEW.isTrue())
                .and(VIDEO_COMMENTS.DELETED_AT.isNull());
    }

    int countLocalComments(DSLContext db) {
        return db.fetchCount(VIDEO_COMMENTS.join(ACCOUNTS).on(ACCOUNTS.ID.eq(VIDEO_COMMENTS.ACCOUNT_ID)),
                ACCOUNTS.HOST.eq("").and(VIDEO_COMMENTS.DELETED_AT.isNull()));
    }

    int countThreads(DSLContext db, long videoId, Condition visible) {
        return db.fetchCount(VIDEO_COMMENTS, VIDEO_COMMENTS.VIDEO_ID.eq(videoId).and(VIDEO_COMMENTS.THREAD_ID.isNull()).and(visible));
    }

    int countNotDeleted(DSLContext db, long videoId, Condition visible) {
        return db.fetchCount(VIDEO_COMMENTS, VIDEO_COMMENTS.VIDEO_ID.eq(videoId).and(VIDEO_COMMENTS.DELETED_AT.isNull()).and(visible));
    }

    int countReplies(DSLContext db, long threadId, Condition visible) {
        return db.fetchCount(VIDEO_COMMENTS, VIDEO_COMMENTS.THREAD_ID.eq(threadId)
                .and(VIDEO_COMMENTS.DELETED_AT.isNull()).and(visible));
    }

    /** How many of each rating a video has: {likes, dislikes}. */
    long[] rateCounts(DSLContext tx, long videoId) {
        var likes = org.jooq.impl.DSL.count().filterWhere(VIDEO_RATES.RATING.eq("like"));
        var dislikes = org.jooq.impl.DSL.count().filterWhere(VIDEO_RATES.RATING.eq("dislike"));
        Record r = tx.select(likes, dislikes).from(VIDEO_RATES).where(VIDEO_RATES.VIDEO_ID.eq(videoId)).fetchOne();
        return new long[]{r.get(likes), r.get(dislikes)};
    }

    Optional<String> rating(DSLContext db, long accountId, long videoId) {
        return db.select(VIDEO_RATES.RATING).from(VIDEO_RATES)
                .where(VIDEO_RATES.ACCOUNT_ID.eq(accountId).and(VIDEO_RATES.VIDEO_ID.eq(videoId)))
                .fetchOptional(VIDEO_RATES.RATING);
    }

    void setRating(DSLContext tx, long accountId, long videoId, String rating, String url, long at) {
        if (rating == null) {
            tx.deleteFrom(VIDEO_RATES)
                    .where(VIDEO_RATES.ACCOUNT_ID.eq(accountId).and(VIDEO_RATES.VIDEO_ID.eq(videoId)))
                    .execute();
        } else {
            tx.insertInto(VIDEO_RATES)
                    .set(VIDEO_RATES.ACCOUNT_ID, accountId).set(VIDEO_RATES.VIDEO_ID, videoId)
                    .set(VIDEO_RATES.RATING, rating).set(VIDEO_RATES.URL, url).set(VIDEO_RATES.CREATED_AT, at)
                    .onConflict(VIDEO_RATES.ACCOUNT_ID, VIDEO_RATES.VIDEO_ID)
                    .doUpdate().set(VIDEO_RATES.RATING, rating).set(VIDEO_RATES.URL, url)
                    .execute();
        }
    }

    static Comment toComment(Record r) {
        return new Comment(r.get(VIDEO_COMMENTS.ID), r.get(VIDEO_COMMENTS.VIDEO_ID), AccountDirectory.read(r),
                r.get(VIDEO_COMMENTS.URL), r.get(VIDEO_COMMENTS.THREAD_ID), r.get(VIDEO_COMMENTS.IN_REPLY_TO),
                r.get(VIDEO_COMMENTS.TEXT), r.get(VIDEO_COMMENTS.FORMAT), r.get(VIDEO_COMMENTS.SUMMARY),
                r.get(VIDEO_COMMENTS.IS_HELD_FOR_REVIEW), r.get(VIDEO_COMMENTS.DELETED_AT),
                r.get(VIDEO_COMMENTS.CREATED_AT), r.get(VIDEO_COMMENTS.UPDATED_AT));
    }

    /** Comments on the video that readers see: neither deleted nor waiting for approval. */
    long visibleCount(DSLContext db, long videoId) {
        return db.fetchCount(VIDEO_COMMENTS, VIDEO_COMMENTS.VIDEO_ID.eq(videoId)
                .and(VIDEO_COMMENTS.DELETED_AT.isNull()).and(VIDEO_COMMENTS.IS_HELD_FOR_REVIEW.isFalse()));
    }

}

package org.peerlet.social;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.peerlet.account.AccountDirectory;

import java.util.List;
import java.util.Optional;

import static org.peerlet.db.schema.Tables.ACCOUNTS;
import static org.peerlet.db.schema.Tables.VIDEO_COMMENTS;
import static org.peerlet.db.schema.Tables.VIDEO_RATES;

/** The only place with SQL for comments and ratings. */
final class SocialRepository {

    private static SelectConditionStep<Record> comments(DSLContext db, Condition where) {
        return db.select(VIDEO_COMMENTS.fields()).select(ACCOUNTS.fields())
                .from(VIDEO_COMMENTS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(VIDEO_COMMENTS.ACCOUNT_ID))
                .where(where);
    }

    public long insertComment(DSLContext tx, long videoId, long accountId, String url, Long inReplyTo, String text, long at) {
        return tx.insertInto(VIDEO_COMMENTS)
                .set(VIDEO_COMMENTS.VIDEO_ID, videoId).set(VIDEO_COMMENTS.ACCOUNT_ID, accountId)
                .set(VIDEO_COMMENTS.URL, url).set(VIDEO_COMMENTS.IN_REPLY_TO, inReplyTo)
                .set(VIDEO_COMMENTS.TEXT, text).set(VIDEO_COMMENTS.CREATED_AT, at).set(VIDEO_COMMENTS.UPDATED_AT, at)
                .returning(VIDEO_COMMENTS.ID)
                .fetchOne(VIDEO_COMMENTS.ID);
    }

    public void setCommentUrl(DSLContext tx, long id, String url) {
        tx.update(VIDEO_COMMENTS).set(VIDEO_COMMENTS.URL, url).where(VIDEO_COMMENTS.ID.eq(id)).execute();
    }

    public void updateComment(DSLContext tx, long id, String text, long at) {
        tx.update(VIDEO_COMMENTS).set(VIDEO_COMMENTS.TEXT, text).set(VIDEO_COMMENTS.UPDATED_AT, at)
                .where(VIDEO_COMMENTS.ID.eq(id))
                .execute();
    }

    public void deleteComment(DSLContext tx, long id) {
        tx.deleteFrom(VIDEO_COMMENTS).where(VIDEO_COMMENTS.ID.eq(id)).execute();
    }

    public Optional<Comment> commentByUrl(DSLContext db, String url) {
        return comments(db, VIDEO_COMMENTS.URL.eq(url)).fetchOptional(SocialRepository::toComment);
    }

    public Optional<Comment> commentById(DSLContext db, long id) {
        return comments(db, VIDEO_COMMENTS.ID.eq(id)).fetchOptional(SocialRepository::toComment);
    }

    public List<Comment> threads(DSLContext db, long videoId, int start, int count) {
        return comments(db, VIDEO_COMMENTS.VIDEO_ID.eq(videoId).and(VIDEO_COMMENTS.IN_REPLY_TO.isNull()))
                .orderBy(VIDEO_COMMENTS.CREATED_AT.desc(), VIDEO_COMMENTS.ID.desc())
                .limit(count).offset(start)
                .fetch(SocialRepository::toComment);
    }

    public int countLocalComments(DSLContext db) {
        return db.fetchCount(VIDEO_COMMENTS.join(ACCOUNTS).on(ACCOUNTS.ID.eq(VIDEO_COMMENTS.ACCOUNT_ID)), ACCOUNTS.HOST.eq(""));
    }

    public int countThreads(DSLContext db, long videoId) {
        return db.fetchCount(VIDEO_COMMENTS, VIDEO_COMMENTS.VIDEO_ID.eq(videoId).and(VIDEO_COMMENTS.IN_REPLY_TO.isNull()));
    }

    public int countReplies(DSLContext db, long commentId) {
        return db.fetchCount(VIDEO_COMMENTS, VIDEO_COMMENTS.IN_REPLY_TO.eq(commentId));
    }

    /** How many of each rating a video has: {likes, dislikes}. */
    public long[] rateCounts(DSLContext tx, long videoId) {
        var likes = org.jooq.impl.DSL.count().filterWhere(VIDEO_RATES.RATING.eq("like"));
        var dislikes = org.jooq.impl.DSL.count().filterWhere(VIDEO_RATES.RATING.eq("dislike"));
        Record r = tx.select(likes, dislikes).from(VIDEO_RATES).where(VIDEO_RATES.VIDEO_ID.eq(videoId)).fetchOne();
        return new long[]{r.get(likes), r.get(dislikes)};
    }

    public Optional<String> rating(DSLContext db, long accountId, long videoId) {
        return db.select(VIDEO_RATES.RATING).from(VIDEO_RATES)
                .where(VIDEO_RATES.ACCOUNT_ID.eq(accountId).and(VIDEO_RATES.VIDEO_ID.eq(videoId)))
                .fetchOptional(VIDEO_RATES.RATING);
    }

    public void setRating(DSLContext tx, long accountId, long videoId, String rating, String url, long at) {
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
                r.get(VIDEO_COMMENTS.URL), r.get(VIDEO_COMMENTS.IN_REPLY_TO), r.get(VIDEO_COMMENTS.TEXT),
                r.get(VIDEO_COMMENTS.CREATED_AT), r.get(VIDEO_COMMENTS.UPDATED_AT));
    }
}

package org.peerlet.social;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.peerlet.account.Account;

import java.util.List;
import java.util.Optional;

/** The only place with SQL for comments and ratings. */
public final class SocialRepository {
    private static final String COMMENT = "SELECT c.id, c.video_id, c.url, c.in_reply_to, c.text, c.created_at, c.updated_at, "
            + "a.id, a.user_id, a.name, a.host, a.display_name, a.description, a.created_at, a.updated_at "
            + "FROM video_comments c JOIN accounts a ON a.id = c.account_id ";
    /**
     * The types of COMMENT's columns. Without them jOOQ reads plain SQL through getObject, and
     * sqlite-jdbc hands epoch-millisecond times back as a wrapped int.
     */
    private static final org.jooq.Field<?>[] COMMENT_TYPES = types(Long.class, Long.class, String.class, Long.class,
            String.class, Long.class, Long.class, Long.class, Long.class, String.class, String.class, String.class,
            String.class, Long.class, Long.class);

    private static org.jooq.Field<?>[] types(Class<?>... classes) {
        org.jooq.Field<?>[] f = new org.jooq.Field<?>[classes.length];
        for (int i = 0; i < classes.length; i++) f[i] = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("c" + i), classes[i]);
        return f;
    }

    private static org.jooq.ResultQuery<Record> comments(DSLContext db, String where, Object... binds) {
        return db.resultQuery(COMMENT + where, binds).coerce(COMMENT_TYPES);
    }

    public long insertComment(DSLContext tx, long videoId, long accountId, String url, Long inReplyTo, String text, long at) {
        return tx.fetchOne("INSERT INTO video_comments (video_id, account_id, url, in_reply_to, text, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", videoId, accountId, url, inReplyTo, text, at, at).get(0, Long.class);
    }

    public void setCommentUrl(DSLContext tx, long id, String url) {
        tx.execute("UPDATE video_comments SET url = ? WHERE id = ?", url, id);
    }

    public void updateComment(DSLContext tx, long id, String text, long at) {
        tx.execute("UPDATE video_comments SET text = ?, updated_at = ? WHERE id = ?", text, at, id);
    }

    public void deleteComment(DSLContext tx, long id) {
        tx.execute("DELETE FROM video_comments WHERE id = ?", id);
    }

    public Optional<Comment> commentByUrl(DSLContext db, String url) {
        return comments(db, "WHERE c.url = ?", url).fetchOptional().map(SocialRepository::toComment);
    }

    public Optional<Comment> commentById(DSLContext db, long id) {
        return comments(db, "WHERE c.id = ?", id).fetchOptional().map(SocialRepository::toComment);
    }

    public List<Comment> threads(DSLContext db, long videoId, int start, int count) {
        return comments(db, "WHERE c.video_id = ? AND c.in_reply_to IS NULL ORDER BY c.created_at DESC, c.id DESC "
                + "LIMIT ? OFFSET ?", videoId, count, start).fetch().map(SocialRepository::toComment);
    }

    public int countThreads(DSLContext db, long videoId) {
        return db.fetchOne("SELECT count(*) FROM video_comments WHERE video_id = ? AND in_reply_to IS NULL", videoId)
                .get(0, Integer.class);
    }

    public int countReplies(DSLContext db, long commentId) {
        return db.fetchOne("SELECT count(*) FROM video_comments WHERE in_reply_to = ?", commentId).get(0, Integer.class);
    }

    public Optional<String> rating(DSLContext db, long accountId, long videoId) {
        return db.fetchOptional("SELECT rating FROM video_rates WHERE account_id = ? AND video_id = ?", accountId, videoId)
                .map(r -> r.get(0, String.class));
    }

    public void setRating(DSLContext tx, long accountId, long videoId, String rating, String url, long at) {
        if (rating == null) {
            tx.execute("DELETE FROM video_rates WHERE account_id = ? AND video_id = ?", accountId, videoId);
        } else {
            tx.execute("INSERT INTO video_rates (account_id, video_id, rating, url, created_at) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (account_id, video_id) DO UPDATE SET rating = excluded.rating, url = excluded.url",
                    accountId, videoId, rating, url, at);
        }
    }

    static Comment toComment(Record r) {
        Account a = new Account(r.get(7, Long.class), r.get(8, Long.class), r.get(9, String.class), r.get(10, String.class),
                r.get(11, String.class), r.get(12, String.class), r.get(13, Long.class), r.get(14, Long.class));
        return new Comment(r.get(0, Long.class), r.get(1, Long.class), a, r.get(2, String.class), r.get(3, Long.class),
                r.get(4, String.class), r.get(5, Long.class), r.get(6, Long.class));
    }

}

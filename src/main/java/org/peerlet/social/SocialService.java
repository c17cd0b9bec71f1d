package org.peerlet.social;

import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.common.Events;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.instance.Urls;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Comments and ratings, local and from other servers. Local ones are published as events, so
 * federation can send them on; remote ones come in through the {@code remote*} methods.
 */
public final class SocialService {
    public static final int MAX_COMMENT = 10_000;

    /** A local rating change (an event): who, which video, the rating before and after (null for none). */
    public record RateChange(Account account, Video video, String before, String after) {
    }

    /** A local comment was posted (an event). */
    public record CommentPosted(Comment comment, Video video) {
    }

    private final Database db;
    private final SocialRepository repo = new SocialRepository();
    private final AccountDirectory accounts;
    private final VideoService videos;
    private final Urls urls;
    private final Clock clock;
    private final Events events;

    public SocialService(Database db, AccountDirectory accounts, VideoService videos,
                         Urls urls, Events events, Clock clock) {
        this.db = db;
        this.events = events;
        this.accounts = accounts;
        this.videos = videos;
        this.urls = urls;
        this.clock = clock;
    }

    public String commentUrl(Video v, long commentId) {
        return urls.video(v.uuid()) + "/comments/" + commentId;
    }

    public Comment comment(User user, Video v, String text, Long inReplyTo) {
        if (text == null || text.isBlank() || text.length() > MAX_COMMENT) {
            throw ApiError.badRequest("text must be 1 to " + MAX_COMMENT + " characters");
        }
        if (v.commentsPolicy() != 1) throw ApiError.forbidden("comments are disabled on this video");
        Comment c = db.write(tx -> {
            Account a = accounts.byUserId(tx, user.id()).orElseThrow();
            long now = clock.millis();
            long id = repo.insertComment(tx, v.id(), a.id(), null, inReplyTo, text, now);
            repo.setCommentUrl(tx, id, commentUrl(v, id));
            return repo.commentById(tx, id).orElseThrow();
        });
        events.publish(new CommentPosted(c, v));
        return c;
    }

    /** Comments by local accounts, for the instance's usage figures. */
    public int countLocalComments() {
        return repo.countLocalComments(db.dsl());
    }

    public List<Comment> threads(Video v, int start, int count) {
        return repo.threads(db.dsl(), v.id(), start, count);
    }

    public int countThreads(Video v) {
        return repo.countThreads(db.dsl(), v.id());
    }

    public int countReplies(Comment c) {
        return repo.countReplies(db.dsl(), c.id());
    }

    public Optional<Comment> byUrl(String url) {
        return repo.commentByUrl(db.dsl(), url);
    }

    /** A comment from another server; a second copy of the same URL only updates the text. */
    public Comment remoteComment(Video v, long accountId, String url, Long inReplyTo, String text, long at) {
        String t = text.length() > MAX_COMMENT ? text.substring(0, MAX_COMMENT) : text;
        return db.write(tx -> {
            Optional<Comment> known = repo.commentByUrl(tx, url);
            if (known.isPresent()) {
                repo.updateComment(tx, known.get().id(), t, clock.millis());
                return repo.commentById(tx, known.get().id()).orElseThrow();
            }
            long id = repo.insertComment(tx, v.id(), accountId, url, inReplyTo, t, at);
            return repo.commentById(tx, id).orElseThrow();
        });
    }

    public void deleteComment(Comment c) {
        db.writeVoid(tx -> repo.deleteComment(tx, c.id()));
    }

    /** A local user rates a video: like, dislike or none. */
    public void rate(User user, Video v, String rating) {
        String r = switch (rating == null ? "" : rating) {
            case "like" -> "like";
            case "dislike" -> "dislike";
            case "none" -> null;
            default -> throw ApiError.badRequest("rating must be like, dislike or none");
        };
        RateChange change = db.write(tx -> {
            Account a = accounts.byUserId(tx, user.id()).orElseThrow();
            String before = repo.rating(tx, a.id(), v.id()).orElse(null);
            repo.setRating(tx, a.id(), v.id(), r, null, clock.millis());
            recount(tx, v);
            return new RateChange(a, v, before, r);
        });
        if (!java.util.Objects.equals(change.before(), change.after())) events.publish(change);
    }

    /** A rating from another server (Like, Dislike, or Undo of one: null). */
    public void remoteRate(long accountId, Video v, String rating, String url) {
        db.writeVoid(tx -> {
            repo.setRating(tx, accountId, v.id(), rating, url, clock.millis());
            recount(tx, v);
        });
    }

    /** The video's like and dislike counts follow its ratings (the videos row is the video feature's). */
    private void recount(org.jooq.DSLContext tx, Video v) {
        long[] n = repo.rateCounts(tx, v.id());
        videos.setRates(tx, v.id(), n[0], n[1]);
    }
}

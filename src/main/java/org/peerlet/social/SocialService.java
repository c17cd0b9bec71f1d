package org.peerlet.social;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.blocklist.Blockers;
import org.peerlet.blocklist.Blocklists;
import org.peerlet.common.Events;
import org.peerlet.common.Handle;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.instance.Urls;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.VideoQuery;
import org.peerlet.video.VideoService;
import org.peerlet.video.VideoState;
import org.peerlet.watchedwords.WatchedWords;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Comments and ratings, local and from other servers, and the only writer of their tables.
 * What happens is told as events (posted, deleted, rated), so federation can send it on.
 */
public final class SocialService {
    public static final int MAX_COMMENT = 10_000;
    public static final int ENABLED = 1;
    public static final int DISABLED = 2;
    public static final int REQUIRES_APPROVAL = 3;

    /** A local rating change (an event): who, which video, the rating before and after (null for none). */
    public record RateChange(Account account, Video video, String before, String after) {
    }

    /**
     * A comment became visible to all: posted, or approved by the video's owner (an event);
     * {@code parent} is the comment it answers, null for a thread's first. Remote comments too.
     * {@code mentions}: the people it names ({@link Mentions}), host empty for ours.
     */
    public record CommentPosted(Comment comment, Video video, Comment parent, List<Handle> mentions) {
    }

    private CommentPosted posted(Comment c, Video v, Comment parent) {
        return new CommentPosted(c, v, parent, Mentions.of(c, urls.base(), urls.host()));
    }

    /** A comment was deleted and left a tombstone (an event); {@code comment} is as it was before. */
    public record CommentDeleted(Comment comment, Video video) {
    }

    /** A comment with its count of replies, as a list shows it. */
    public record Listed(Comment comment, int replies) {
    }

    /** A page of a video's threads: all of them (tombstones too), those not deleted, and the page. */
    public record Threads(int total, int totalNotDeleted, List<Listed> data) {
    }

    /** A comment waiting for review, with its video. */
    public record Held(Comment comment, Video video) {
    }

    /** A page of held comments and how many there are in all. */
    public record HeldPage(int total, List<Held> data) {
    }

    /** A comment and the answers to it, each with theirs. */
    public record Tree(Comment comment, List<Tree> children) {
    }

    private final Database db;
    private final SocialRepository repo = new SocialRepository();
    private final AccountDirectory accounts;
    private final VideoService videos;
    private final Urls urls;
    private final Clock clock;
    private final Events events;
    private final SocialLimits limits;
    private final Blocklists mutes;
    private final WatchedWords words;

    public SocialService(Database db, AccountDirectory accounts, VideoService videos, Blocklists mutes,
                         WatchedWords words, Urls urls, Events events, Clock clock) {
        this.db = db;
        this.words = words;
        this.mutes = mutes;
        this.events = events;
        this.accounts = accounts;
        this.videos = videos;
        this.urls = urls;
        this.clock = clock;
        this.limits = new SocialLimits(clock);
    }

    public String commentUrl(Video v, long commentId) {
        return urls.video(v.uuid()) + "/comments/" + commentId;
    }

    /** A local user comments on a video ({@code replyTo} null) or answers one of its comments. */
    public Comment comment(User user, Video v, String text, Long replyTo, String address) {
        if (text == null || text.isBlank() || text.length() > MAX_COMMENT) {
            throw ApiError.badRequest("text must be 1 to " + MAX_COMMENT + " characters");
        }
        if (v.state() != VideoState.PUBLISHED) throw ApiError.conflict("this video is not published: it takes no comments");
        if (v.commentsPolicy() == DISABLED) throw ApiError.conflict("comments are disabled on this video");
        Optional<Comment> parent = Optional.ofNullable(replyTo).map(id -> visibleOn(v, id, Optional.of(user)));
        if (parent.isPresent() && parent.get().isDeleted()) throw ApiError.conflict("that comment was deleted");
        limits.comment(user.id(), address);
        boolean held = needsApproval(v, text) && !isReviewer(v, Optional.of(user));
        Comment c = db.write(tx -> {
            Account a = accounts.byUserId(tx, user.id()).orElseThrow();
            long id = repo.insertComment(tx, new SocialRepository.NewComment(v.id(), a.id(), null,
                    parent.map(Comment::thread).orElse(null), replyTo, text, Comment.MARKDOWN, null, held, clock.millis()));
            repo.setCommentUrl(tx, id, commentUrl(v, id));
            recountComments(tx, v.id());
            return repo.commentById(tx, id).orElseThrow();
        });
        if (!held) events.publish(posted(c, v, parent.orElse(null)));
        return c;
    }

    /**
     * Held for the owner's approval: all comments of a video that asks it, and those with a word
     * the instance or (for our videos) the video's owner watches (PeerTube 6.2's watched words).
     */
    private boolean needsApproval(Video v, String text) {
        return v.commentsPolicy() == REQUIRES_APPROVAL || words.watched(v.isLocal() ? v.account().id() : null, text);
    }

    /** A comment of this video that this viewer may see; 404 otherwise. */
    public Comment visibleOn(Video v, long id, Optional<User> viewer) {
        return repo.commentById(db.dsl(), id)
                .filter(c -> c.videoId() == v.id())
                .filter(c -> !c.heldForReview() || isReviewer(v, viewer) || isAuthor(c, viewer))
                .orElseThrow(() -> ApiError.notFound("Video comment not found"));
    }

    /** Its author, the video's owner and moderators delete a comment; it stays as a tombstone. */
    public void delete(User user, Video v, long id) {
        Comment c = visibleOn(v, id, Optional.of(user));
        if (!isAuthor(c, Optional.of(user)) && !isReviewer(v, Optional.of(user))) {
            throw ApiError.forbidden("cannot remove the comment of another user");
        }
        if (c.isDeleted()) throw ApiError.conflict("this comment is already deleted");
        tombstone(c, v);
    }

    /** The video's owner (or a moderator) lets a held comment be seen. */
    public void approve(User user, Video v, long id) {
        Comment c = visibleOn(v, id, Optional.of(user));
        if (!isReviewer(v, Optional.of(user))) throw ApiError.forbidden("only the video's owner approves its comments");
        if (!c.heldForReview()) return;
        db.writeVoid(tx -> {
            repo.approve(tx, c.id());
            recountComments(tx, v.id());
        });
        Comment parent = c.inReplyTo() == null ? null : repo.commentById(db.dsl(), c.inReplyTo()).orElse(null);
        events.publish(posted(repo.commentById(db.dsl(), c.id()).orElseThrow(), v, parent));
    }

    private void tombstone(Comment c, Video v) {
        boolean done = db.write(tx -> {
            boolean tombstoned = repo.tombstone(tx, c.id(), clock.millis());
            recountComments(tx, v.id());
            return tombstoned;
        });
        if (done && !c.heldForReview()) events.publish(new CommentDeleted(c, v));
    }

    private static boolean isAuthor(Comment c, Optional<User> viewer) {
        return viewer.isPresent() && Objects.equals(c.account().userId(), viewer.get().id());
    }

    /** The video's owner and moderators see and judge every comment on it. */
    private static boolean isReviewer(Video v, Optional<User> viewer) {
        return viewer.isPresent() && (viewer.get().canModerate() || Objects.equals(v.ownerUserId(), viewer.get().id()));
    }

    private Condition visibleTo(Video v, Optional<User> viewer) {
        Long account = viewer.flatMap(u -> accounts.byUserId(db.dsl(), u.id())).map(Account::id).orElse(null);
        // As PeerTube: the instance's mutes, the reader's, and for our own videos their owner's.
        Blockers blockers = Blockers.of(viewer).andAccount(v.isLocal() ? v.account().id() : null);
        return SocialRepository.visible(account, isReviewer(v, viewer), blockers);
    }

    public Threads threads(Video v, Optional<User> viewer, boolean oldestFirst, int start, int count) {
        Condition visible = visibleTo(v, viewer);
        DSLContext dsl = db.dsl();
        // Counted first: a comment arriving meanwhile may be in the page but never counted without it.
        int total = repo.countThreads(dsl, v.id(), visible);
        int notDeleted = repo.countNotDeleted(dsl, v.id(), visible);
        List<Listed> data = new ArrayList<>();
        for (Comment c : repo.threads(dsl, v.id(), visible, oldestFirst, start, count)) {
            data.add(new Listed(c, repo.countReplies(dsl, c.id(), visible)));
        }
        return new Threads(total, notDeleted, data);
    }

    /** A thread as a tree of answers; 404 unless {@code threadId} starts a thread of this video. */
    public Tree thread(Video v, Optional<User> viewer, long threadId) {
        Comment root = visibleOn(v, threadId, viewer);
        if (root.threadId() != null) throw ApiError.notFound("Video comment thread not found");
        Map<Long, List<Tree>> children = new LinkedHashMap<>();
        Map<Long, Tree> nodes = new LinkedHashMap<>();
        Tree top = new Tree(root, new ArrayList<>());
        nodes.put(root.id(), top);
        for (Comment c : repo.thread(db.dsl(), root.id(), visibleTo(v, viewer))) {
            Tree t = new Tree(c, new ArrayList<>());
            nodes.put(c.id(), t);
            children.computeIfAbsent(c.inReplyTo(), k -> new ArrayList<>()).add(t);
        }
        children.forEach((parent, kids) -> {
            Tree p = nodes.get(parent);
            if (p != null) p.children().addAll(kids); // answers to a comment this viewer cannot see stay hidden
        });
        return top;
    }

    /** Comments held for review on the videos this user owns, newest first, with their videos. */
    public HeldPage heldOnVideosOf(User user, int start, int count) {
        Account a = accounts.byUserId(db.dsl(), user.id()).orElseThrow();
        Map<Long, Video> mine = new LinkedHashMap<>();
        for (Video v : videos.list(new VideoQuery(0, Integer.MAX_VALUE, "createdAt", null, null, null, null, null,
                null, null, EnumSet.noneOf(Privacy.class), null, true, null, a.id(), null))) {
            mine.put(v.id(), v);
        }
        List<Long> ids = new ArrayList<>(mine.keySet());
        if (ids.isEmpty()) return new HeldPage(0, List.of());
        List<Held> data = repo.held(db.dsl(), ids, start, count).stream().map(c -> new Held(c, mine.get(c.videoId()))).toList();
        return new HeldPage(repo.countHeld(db.dsl(), ids), data);
    }

    /** Comments by local accounts, for the instance's usage figures. */
    public int countLocalComments() {
        return repo.countLocalComments(db.dsl());
    }

    public Optional<Comment> byId(long id) {
        return repo.commentById(db.dsl(), id);
    }

    public Optional<Comment> byUrl(String url) {
        return repo.commentByUrl(db.dsl(), url);
    }

    /**
     * A comment from another server, answering the video ({@code parent} null) or one of its
     * comments. HTML is cleaned before it is stored; a second copy of the same URL updates the
     * text. Ignored (empty) when the video takes no comments, the text says nothing, or the video's
     * owner muted the author or their server (as PeerTube).
     */
    public Optional<Comment> remoteComment(Video v, long accountId, String url, Comment parent, String content,
                                           String format, String summary, long at) {
        if (v.commentsPolicy() == DISABLED || (parent != null && parent.isDeleted())) return Optional.empty();
        Optional<Account> author = accounts.byId(accountId);
        if (v.ownerUserId() != null && author.isPresent() && mutes.mutedFor(v.ownerUserId(), author.get())) return Optional.empty();
        String text = Comment.HTML.equals(format) ? CommentText.clean(content) : content;
        String plain = CommentText.plain(CommentText.html(text, format));
        if (plain.isEmpty()) return Optional.empty();
        String t = text.length() > MAX_COMMENT ? text.substring(0, MAX_COMMENT) : text;
        String warning = summary == null || summary.isBlank() ? null : CommentText.plain(summary);
        boolean held = needsApproval(v, plain);
        return Optional.of(db.write(tx -> {
            Optional<Comment> known = repo.commentByUrl(tx, url);
            if (known.isPresent()) {
                repo.updateComment(tx, known.get().id(), t, warning, clock.millis());
                return repo.commentById(tx, known.get().id()).orElseThrow();
            }
            long id = repo.insertComment(tx, new SocialRepository.NewComment(v.id(), accountId, url,
                    parent == null ? null : parent.thread(), parent == null ? null : parent.id(), t, format, warning, held, at));
            Comment c = repo.commentById(tx, id).orElseThrow();
            recountComments(tx, v.id());
            if (!held) events.publish(posted(c, v, parent)); // delivered once this commits
            return c;
        }));
    }

    /** Its author's server deleted a comment: it leaves a tombstone here too. */
    public void remoteDelete(Comment c) {
        videos.find(String.valueOf(c.videoId())).ifPresent(v -> tombstone(c, v));
    }

    /** A local user rates a video: like, dislike or none. */
    public void rate(User user, Video v, String rating) {
        String r = switch (rating == null ? "" : rating) {
            case "like" -> "like";
            case "dislike" -> "dislike";
            case "none" -> null;
            default -> throw ApiError.badRequest("rating must be like, dislike or none");
        };
        limits.rate(user.id());
        RateChange change = db.write(tx -> {
            Account a = accounts.byUserId(tx, user.id()).orElseThrow();
            String before = repo.rating(tx, a.id(), v.id()).orElse(null);
            repo.setRating(tx, a.id(), v.id(), r, null, clock.millis());
            recount(tx, v);
            return new RateChange(a, v, before, r);
        });
        if (!Objects.equals(change.before(), change.after())) events.publish(change);
    }

    /** This user's rating of a video: like, dislike or none. */
    public String ratingOf(User user, Video v) {
        DSLContext dsl = db.dsl();
        return accounts.byUserId(dsl, user.id()).flatMap(a -> repo.rating(dsl, a.id(), v.id())).orElse("none");
    }

    /** A rating from another server (Like, Dislike, or Undo of one: null). */
    public void remoteRate(long accountId, Video v, String rating, String url) {
        db.writeVoid(tx -> {
            repo.setRating(tx, accountId, v.id(), rating, url, clock.millis());
            recount(tx, v);
        });
    }

    /** The video's comment count follows its visible comments (the videos row is the video feature's). */
    private void recountComments(DSLContext tx, long videoId) {
        videos.setCommentCount(tx, videoId, repo.visibleCount(tx, videoId));
    }

    /** The video's like and dislike counts follow its ratings (the videos row is the video feature's). */
    private void recount(DSLContext tx, Video v) {
        long[] n = repo.rateCounts(tx, v.id());
        videos.setRates(tx, v.id(), n[0], n[1]);
    }
}

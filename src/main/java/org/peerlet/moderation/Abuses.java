package org.peerlet.moderation;

import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.common.Events;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.http.TextFields;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reports: made by anyone signed in of what they can see, or received from another server; judged
 * by moderators; talked over between the reporter and the moderators. The same thing cannot be
 * reported again by the same person while their report of it waits.
 */
public final class Abuses {
    static final int MIN_TEXT = 2;
    static final int MAX_TEXT = 3000;

    /** A report was made here (an event): federation sends it on as a Flag when its target lives elsewhere. */
    public record Reported(Abuse abuse, Account flagged, Video video, Comment comment) {
    }

    /** A report is open, made here or received from another server (an event): moderators are told. */
    public record Opened(Abuse abuse) {
    }

    /** What a reporter says: one of videoId, commentId, accountId, a reason and PeerTube's predefined reasons. */
    public record Report(String reason, List<String> predefinedReasons, String videoId, Integer startAt, Integer endAt,
                         Long commentId, Long accountId) {
    }

    private final Database db;
    private final AbuseRepository repo = new AbuseRepository();
    private final AccountDirectory accounts;
    private final VideoService videos;
    private final SocialService social;
    private final Events events;
    private final Clock clock;

    public Abuses(Database db, AccountDirectory accounts, VideoService videos, SocialService social, Events events, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.videos = videos;
        this.social = social;
        this.events = events;
        this.clock = clock;
    }

    public Abuse report(User user, Report r) {
        checkText("reason", r.reason());
        List<String> predefined = r.predefinedReasons() == null ? List.of() : r.predefinedReasons().stream().distinct().toList();
        for (String p : predefined) {
            if (!Abuse.PREDEFINED.contains(p)) throw ApiError.badField("predefinedReasons", "unknown predefined reason: " + p);
        }
        long targets = Stream.of(r.videoId(), r.commentId(), r.accountId()).filter(java.util.Objects::nonNull).count();
        if (targets != 1) throw ApiError.badRequest("a report is of one video, one comment or one account");
        Account reporter = accounts.byUserId(user.id()).orElseThrow();
        Video video = null;
        Comment comment = null;
        Account flagged;
        if (r.videoId() != null) {
            video = videos.viewable(r.videoId(), Optional.of(user));
            flagged = video.account();
        } else if (r.commentId() != null) {
            Comment c = social.byId(r.commentId()).filter(x -> !x.isDeleted())
                    .orElseThrow(() -> ApiError.notFound("Video comment not found"));
            Video on = videos.viewable(String.valueOf(c.videoId()), Optional.of(user));
            comment = social.visibleOn(on, c.id(), Optional.of(user));
            flagged = comment.account();
        } else {
            flagged = accounts.byId(r.accountId()).orElseThrow(() -> ApiError.notFound("Account not found"));
            if (flagged.id() == reporter.id()) throw ApiError.badRequest("you cannot report yourself");
        }
        Long videoId = video == null ? null : video.id();
        Long commentId = comment == null ? null : comment.id();
        if (repo.pendingSame(db.dsl(), reporter.id(), videoId, commentId, flagged.id())) {
            throw ApiError.conflict("you reported this already; a moderator has not looked at it yet");
        }
        long now = clock.millis();
        Abuse draft = new Abuse(0, reporter.id(), flagged.id(), videoId, video == null ? null : video.name(), commentId,
                comment == null ? null : comment.text(), r.reason(), predefined, video == null ? null : r.startAt(),
                video == null ? null : r.endAt(), Abuse.PENDING, null, null, now, now);
        Abuse saved = db.write(tx -> repo.byId(tx, repo.insert(tx, draft)).orElseThrow());
        events.publish(new Reported(saved, flagged, video, comment));
        events.publish(new Opened(saved));
        return saved;
    }

    /**
     * A report another server sent (a Flag) about something of ours; its {@code url} is the Flag's id,
     * and a second copy of it is ignored. Returns whether it was kept.
     */
    public boolean received(String url, Long reporterAccountId, Video video, Comment comment, Account flagged,
                            String reason, List<String> predefined) {
        if (repo.urlKnown(db.dsl(), url)) return false;
        String text = reason == null || reason.isBlank() ? "(no reason given)" : reason;
        if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT);
        long now = clock.millis();
        Abuse a = new Abuse(0, reporterAccountId, flagged.id(), video == null ? null : video.id(),
                video == null ? null : video.name(), comment == null ? null : comment.id(),
                comment == null ? null : comment.text(), text,
                predefined.stream().filter(Abuse.PREDEFINED::contains).distinct().toList(), null, null, Abuse.PENDING,
                null, url, now, now);
        Abuse saved = db.write(tx -> repo.byId(tx, repo.insert(tx, a)).orElseThrow());
        events.publish(new Opened(saved));
        return true;
    }

    public Optional<Abuse> find(long id) {
        return repo.byId(db.dsl(), id);
    }

    public Abuse get(long id) {
        return repo.byId(db.dsl(), id).orElseThrow(() -> ApiError.notFound("Abuse not found"));
    }

    List<Abuse> list(AbuseRepository.Filter f, int start, int count) {
        return repo.list(db.dsl(), f, start, count);
    }

    int count(AbuseRepository.Filter f) {
        return repo.count(db.dsl(), f);
    }

    /** A moderator's decision and note; either may be left out. */
    public void judge(long id, Integer state, String moderationComment) {
        if (state != null && (state < Abuse.PENDING || state > Abuse.ACCEPTED)) throw ApiError.badField("state", "state must be 1, 2 or 3");
        if (moderationComment != null) TextFields.lines("moderationComment", moderationComment, MAX_TEXT);
        db.writeVoid(tx -> {
            repo.byId(tx, id).orElseThrow(() -> ApiError.notFound("Abuse not found"));
            repo.judge(tx, id, state, moderationComment, clock.millis());
        });
    }

    public void delete(long id) {
        db.writeVoid(tx -> {
            repo.byId(tx, id).orElseThrow(() -> ApiError.notFound("Abuse not found"));
            repo.delete(tx, id);
        });
    }

    /** The report, if this user may talk about it: a moderator, or the person who made it. */
    public Abuse discussable(User user, long id) {
        Abuse a = get(id);
        if (user.canModerate()) return a;
        long mine = accountIdOf(user);
        if (a.reporterAccountId() == null || a.reporterAccountId() != mine) throw ApiError.forbidden("this report is not yours");
        return a;
    }

    List<AbuseRepository.Message> messages(User user, long id) {
        return repo.messages(db.dsl(), discussable(user, id).id());
    }

    public long addMessage(User user, long id, String message) {
        Abuse a = discussable(user, id);
        checkText("message", message);
        long account = accountIdOf(user);
        return db.write(tx -> repo.insertMessage(tx, a.id(), account, message, user.canModerate(), clock.millis()));
    }

    public void deleteMessage(User user, long id, long messageId) {
        Abuse a = discussable(user, id);
        long account = accountIdOf(user);
        AbuseRepository.Message m = repo.messages(db.dsl(), a.id()).stream().filter(x -> x.id() == messageId).findFirst()
                .orElseThrow(() -> ApiError.notFound("Abuse message not found"));
        if (!user.canModerate() && (m.accountId() == null || m.accountId() != account)) {
            throw ApiError.forbidden("this message is not yours");
        }
        db.writeVoid(tx -> repo.deleteMessage(tx, a.id(), messageId));
    }

    int countMessages(long id) {
        return repo.countMessages(db.dsl(), id);
    }

    int countByReporter(long accountId) {
        return repo.countByReporter(db.dsl(), accountId);
    }

    int countByFlagged(long accountId) {
        return repo.countByFlagged(db.dsl(), accountId);
    }

    int countOfVideo(long videoId) {
        return repo.countOfVideo(db.dsl(), videoId);
    }

    int nthOfVideo(long videoId, long abuseId) {
        return repo.nthOfVideo(db.dsl(), videoId, abuseId);
    }

    long accountIdOf(User user) {
        return accounts.byUserId(user.id()).orElseThrow().id();
    }

    Optional<Account> account(Long id) {
        return id == null ? Optional.empty() : accounts.byId(id);
    }

    private static void checkText(String field, String text) {
        if (text == null || text.strip().length() < MIN_TEXT) {
            throw ApiError.badField(field, field + " must be " + MIN_TEXT + " to " + MAX_TEXT + " characters");
        }
        TextFields.lines(field, text, MAX_TEXT);
    }
}

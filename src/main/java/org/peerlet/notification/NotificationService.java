package org.peerlet.notification;

import org.peerlet.account.User;
import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tells people what concerns them, as PeerTube's notifications: a comment on my video, a reply to
 * my comment. Fed by social's events; each kind can be turned off in the person's settings.
 */
public final class NotificationService {
    /** PeerTube's setting names, each 0 (none) to 3 (web and e-mail); web is the only way out today. */
    public static final List<String> SETTINGS = List.of("newVideoFromSubscription", "newCommentOnMyVideo",
            "abuseAsModerator", "videoAutoBlacklistAsModerator", "blacklistOnMyVideo", "myVideoPublished",
            "myVideoImportFinished", "newUserRegistration", "newFollow", "commentMention", "newInstanceFollower",
            "autoInstanceFollowing", "abuseStateChange", "abuseNewMessage", "newPeerTubeVersion", "newPluginVersion",
            "myVideoStudioEditionFinished", "myVideoTranscriptionGenerated");
    /** The web bit of a setting; every kind starts on the web only (no e-mail is sent yet). */
    private static final int WEB = 1;

    /** A page of someone's notifications and how many there are in all. */
    public record Page(int total, List<Notification> data) {
    }

    private final Database db;
    private final NotificationRepository repo = new NotificationRepository();
    private final Clock clock;

    public NotificationService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A comment became visible: its video's owner hears of it, and the author of the comment it answers. */
    public void commentPosted(SocialService.CommentPosted e) {
        Comment c = e.comment();
        Video v = e.video();
        Long author = c.account().userId();
        Long owner = v.ownerUserId();
        if (owner != null && !Objects.equals(owner, author) && wants(owner, "newCommentOnMyVideo")) {
            add(owner, Notification.NEW_COMMENT_ON_MY_VIDEO, c, v);
        }
        Long answered = e.parent() == null ? null : e.parent().account().userId();
        if (answered != null && !Objects.equals(answered, author) && wants(answered, "commentMention")) {
            add(answered, Notification.COMMENT_MENTION, c, v);
        }
    }

    private void add(long userId, int type, Comment c, Video v) {
        db.writeVoid(tx -> repo.insert(tx, userId, type, c.id(), v.id(), clock.millis()));
    }

    private boolean wants(long userId, String setting) {
        return (settings(userId).get(setting) & WEB) != 0;
    }

    public Page page(User user, boolean unreadOnly, int start, int count) {
        return new Page(repo.count(db.dsl(), user.id(), unreadOnly), repo.list(db.dsl(), user.id(), unreadOnly, start, count));
    }

    public int unread(long userId) {
        return repo.count(db.dsl(), userId, true);
    }

    /** Marks these of the user's notifications read (null: all of them). */
    public void markRead(User user, List<Long> ids) {
        db.writeVoid(tx -> repo.markRead(tx, user.id(), ids, clock.millis()));
    }

    /** Every setting, those never changed at their default. */
    public Map<String, Integer> settings(long userId) {
        Map<String, Integer> stored = repo.settings(db.dsl(), userId);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String name : SETTINGS) out.put(name, stored.getOrDefault(name, WEB));
        return out;
    }

    public void updateSettings(User user, Map<String, Integer> changes) {
        for (Map.Entry<String, Integer> c : changes.entrySet()) {
            if (!SETTINGS.contains(c.getKey())) throw ApiError.badRequest("unknown notification setting " + c.getKey());
            if (c.getValue() == null || c.getValue() < 0 || c.getValue() > 3) {
                throw ApiError.badRequest(c.getKey() + " must be 0, 1, 2 or 3");
            }
        }
        db.writeVoid(tx -> changes.forEach((name, value) -> repo.setting(tx, user.id(), name, value)));
    }
}

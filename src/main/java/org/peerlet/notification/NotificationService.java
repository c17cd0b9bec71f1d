package org.peerlet.notification;

import io.javalin.http.sse.SseClient;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.blocklist.Blocklists;
import org.peerlet.channel.ChannelService;
import org.peerlet.db.Database;
import org.peerlet.federation.FollowEvents;
import org.peerlet.federation.Follows;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.http.ApiError;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialService;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.VideoState;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells people what concerns them, as PeerTube's notifications: a comment on my video, a reply to
 * my comment, a new video of a channel I subscribed to, my upload published, a new follower of
 * mine. Fed by other features' events; each kind can be turned off in the person's settings, and
 * open pages hear of the unread count at once ({@link LiveNotifications}).
 */
public final class NotificationService implements AutoCloseable {
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
    private final Follows follows;
    private final ChannelService channels;
    private final AccountDirectory accounts;
    private final Blocklists blocklists;
    private final LiveNotifications live = new LiveNotifications();
    private final Clock clock;

    public NotificationService(Database db, Follows follows, ChannelService channels, AccountDirectory accounts,
                               Blocklists blocklists, Clock clock) {
        this.db = db;
        this.blocklists = blocklists;
        this.follows = follows;
        this.channels = channels;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A comment became visible: its video's owner hears of it, and the author of the comment it answers. */
    public void commentPosted(SocialService.CommentPosted e) {
        Comment c = e.comment();
        Video v = e.video();
        Long author = c.account().userId();
        Long owner = v.ownerUserId();
        if (owner != null && !Objects.equals(owner, author) && wants(owner, "newCommentOnMyVideo", c.account())) {
            add(owner, Notification.NEW_COMMENT_ON_MY_VIDEO, c, v);
        }
        Long answered = e.parent() == null ? null : e.parent().account().userId();
        if (answered != null && !Objects.equals(answered, author) && wants(answered, "commentMention", c.account())) {
            add(answered, Notification.COMMENT_MENTION, c, v);
        }
    }

    private void add(long userId, int type, Comment c, Video v) {
        add(userId, type, c.id(), v.id(), null);
    }

    private void add(long userId, int type, Long commentId, Long videoId, Long followId) {
        db.writeVoid(tx -> repo.insert(tx, userId, type, commentId, videoId, followId, clock.millis()));
        tell(userId);
    }

    /** The person's open pages hear their new unread count. */
    private void tell(long userId) {
        live.push(userId, unread(userId));
    }

    /**
     * A video can be watched (a local one transcoded, a remote one received) or changed: its
     * uploader hears it is published if they chose to wait for it (as PeerTube), and people
     * subscribed to its channel hear of it once it is public or internal. Each person hears once.
     */
    public void videoPublished(Video v) {
        Long owner = v.ownerUserId();
        if (v.isLocal() && owner != null && v.waitTranscoding() && v.state() == VideoState.PUBLISHED
                && wants(owner, "myVideoPublished")) {
            addOnce(owner, Notification.MY_VIDEO_PUBLISHED, v);
        }
        if (!announced(v)) return;
        for (long subscriber : follows.localSubscribers(v.channel())) {
            if (!Objects.equals(subscriber, owner) && wants(subscriber, "newVideoFromSubscription", v.account())) {
                addOnce(subscriber, Notification.NEW_VIDEO_FROM_SUBSCRIPTION, v);
            }
        }
    }

    /**
     * A video made public later is announced then; one made private, unlisted or password
     * protected takes back what subscribers were told of it (its name and link were in it).
     */
    public void videoChanged(Video v) {
        if (announced(v)) {
            videoPublished(v);
            return;
        }
        List<Long> told = db.write(tx -> repo.removeOfVideo(tx, v.id(), Notification.NEW_VIDEO_FROM_SUBSCRIPTION));
        told.forEach(this::tell);
    }

    private static boolean announced(Video v) {
        return v.state() == VideoState.PUBLISHED
                && (v.privacy() == Privacy.PUBLIC || (v.isLocal() && v.privacy() == Privacy.INTERNAL));
    }

    private void addOnce(long userId, int type, Video v) {
        boolean added = db.write(tx -> {
            if (repo.exists(tx, userId, type, v.id())) return false;
            repo.insert(tx, userId, type, null, v.id(), null, clock.millis());
            return true;
        });
        if (added) tell(userId);
    }

    /** Someone new follows one of our accounts or channels: its owner hears who. */
    public void followed(FollowEvents.Followed e) {
        Optional<Long> owner = ownerOf(e.target());
        Optional<FollowEvents.Described> d = follows.describe(e.followId());
        if (owner.isEmpty() || d.isEmpty() || Objects.equals(d.get().follower().userId(), owner.get())) return;
        if (!wants(owner.get(), "newFollow", d.get().follower())) return;
        add(owner.get(), Notification.NEW_FOLLOW, null, null, e.followId());
    }

    private Optional<Long> ownerOf(LocalActor target) {
        Optional<Account> a = target.kind() == LocalActor.Kind.CHANNEL
                ? channels.byId(target.refId()).flatMap(c -> accounts.byId(c.accountId()))
                : accounts.byId(target.refId());
        return a.map(Account::userId);
    }

    /** A page of the person opens the live stream of their unread count; false when too many are open. */
    public boolean listen(User user, SseClient client) {
        return live.join(user.id(), client, unread(user.id()));
    }

    public void sessionsEnded(long userId) {
        live.end(userId);
    }

    private boolean wants(long userId, String setting) {
        return (settings(userId).get(setting) & WEB) != 0;
    }

    /** As PeerTube: no one hears of what an account they (or the instance) muted did. */
    private boolean wants(long userId, String setting, Account from) {
        return wants(userId, setting) && !blocklists.mutedFor(userId, from);
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
        tell(user.id());
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

    @Override
    public void close() {
        live.close();
    }
}

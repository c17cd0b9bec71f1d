package org.peerlet.notification;

import io.javalin.http.sse.SseClient;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.account.User;
import org.peerlet.blocklist.Blocklists;
import org.peerlet.channel.ChannelService;
import org.peerlet.common.Events;
import org.peerlet.db.Database;
import org.peerlet.federation.FollowEvents;
import org.peerlet.federation.Follows;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.http.ApiError;
import org.peerlet.privacy.PrivacyEvents;
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
    /** Peerlet's own setting, for its own kind {@link Notification#VIDEO_SHARED_WITH_ME}. */
    public static final String VIDEO_SHARED_WITH_ME = "videoSharedWithMe";
    /** PeerTube's setting names (and Peerlet's one), each a bit field: 1 on the web, 2 by e-mail (when SMTP is configured), 3 both. */
    public static final List<String> SETTINGS = List.of("newVideoFromSubscription", "newCommentOnMyVideo",
            "abuseAsModerator", "videoAutoBlacklistAsModerator", "blacklistOnMyVideo", "myVideoPublished",
            "myVideoImportFinished", "newUserRegistration", "newFollow", "commentMention", "newInstanceFollower",
            "autoInstanceFollowing", "abuseStateChange", "abuseNewMessage", "newPeerTubeVersion", "newPluginVersion",
            "myVideoStudioEditionFinished", "myVideoTranscriptionGenerated", VIDEO_SHARED_WITH_ME);
    /** The bits of a setting; every kind starts on the web only, as PeerTube's defaults for most kinds. */
    private static final int WEB = 1;
    private static final int EMAIL = 2;

    /** A page of someone's notifications and how many there are in all. */
    public record Page(int total, List<Notification> data) {
    }

    /** A person chose to hear of this by e-mail (delivered after its row is committed). */
    public record ByMail(Notification notification) {
    }

    private final Database db;
    private final NotificationRepository repo = new NotificationRepository();
    private final Follows follows;
    private final ChannelService channels;
    private final AccountDirectory accounts;
    private final Blocklists blocklists;
    private final LiveNotifications live = new LiveNotifications();
    private final Events events;
    private final Clock clock;

    public NotificationService(Database db, Follows follows, ChannelService channels, AccountDirectory accounts,
                               Blocklists blocklists, Events events, Clock clock) {
        this.db = db;
        this.blocklists = blocklists;
        this.events = events;
        this.follows = follows;
        this.channels = channels;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * A comment became visible: its video's owner hears of it, the author of the comment it
     * answers, and the people of ours it mentions (PeerTube's COMMENT_MENTION; each person once).
     */
    public void commentPosted(SocialService.CommentPosted e) {
        Comment c = e.comment();
        Video v = e.video();
        Long author = c.account().userId();
        Long owner = v.ownerUserId();
        if (owner != null && !Objects.equals(owner, author) && !muted(owner, c.account())) {
            add(owner, "newCommentOnMyVideo", Notification.NEW_COMMENT_ON_MY_VIDEO, Notification.About.comment(c.id(), v.id()), false);
        }
        Long answered = e.parent() == null ? null : e.parent().account().userId();
        if (answered != null && !Objects.equals(answered, author) && !muted(answered, c.account())) {
            add(answered, "commentMention", Notification.COMMENT_MENTION, Notification.About.comment(c.id(), v.id()), false);
        }
        java.util.Set<Long> told = new java.util.HashSet<>(java.util.Arrays.asList(author, owner, answered));
        for (org.peerlet.common.Handle h : e.mentions()) {
            if (!h.isLocal()) continue;
            Long user = accounts.byName(h.name(), "").map(Account::userId).orElse(null);
            if (user != null && openToMentioned(v) && told.add(user) && !muted(user, c.account())) {
                add(user, "commentMention", Notification.COMMENT_MENTION, Notification.About.comment(c.id(), v.id()), false);
            }
        }
    }

    /**
     * A mention tells only of a video anyone here may open: a private or password-protected one's
     * name and comment must not reach someone merely named in it.
     */
    private static boolean openToMentioned(Video v) {
        return v.privacy() == Privacy.PUBLIC || v.privacy() == Privacy.UNLISTED || v.privacy() == Privacy.INTERNAL;
    }

    /**
     * Tells the person in the ways their setting for this kind chooses: the web list and bell, and
     * e-mail. A kind told {@code once} per video is not told again if its row is there already;
     * the row is written even for e-mail only (off the web), as the record that they were told.
     */
    void add(long userId, String setting, int type, Notification.About about, boolean once) {
        int how = settings(userId).get(setting);
        if ((how & (WEB | EMAIL)) == 0) return;
        boolean onWeb = (how & WEB) != 0;
        boolean added = db.write(tx -> {
            if (once && repo.exists(tx, userId, type, about.videoId())) return false;
            long now = clock.millis();
            long id = repo.insert(tx, userId, type, about, onWeb, now);
            if ((how & EMAIL) != 0) {
                events.publish(new ByMail(new Notification(id, userId, type, about, false, now, now)));
            }
            return true;
        });
        if (added && onWeb) tell(userId);
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
        if (v.isLocal() && owner != null && v.waitTranscoding() && v.state() == VideoState.PUBLISHED) {
            add(owner, "myVideoPublished", Notification.MY_VIDEO_PUBLISHED, Notification.About.video(v.id()), true);
        }
        if (!announced(v)) return;
        for (long subscriber : follows.localSubscribers(v.channel())) {
            if (!Objects.equals(subscriber, owner) && !muted(subscriber, v.account())) {
                add(subscriber, "newVideoFromSubscription", Notification.NEW_VIDEO_FROM_SUBSCRIPTION, Notification.About.video(v.id()), true);
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
        takeBack(v.id(), Notification.NEW_VIDEO_FROM_SUBSCRIPTION, null);
    }

    /** Removes the notifications of a kind about a video (of one person, or null: everyone's); their bells hear. */
    void takeBack(long videoId, int type, Long userId) {
        List<Long> told = db.write(tx -> repo.removeOfVideo(tx, videoId, type, userId));
        told.forEach(this::tell);
    }

    private static boolean announced(Video v) {
        return v.state() == VideoState.PUBLISHED
                && (v.privacy() == Privacy.PUBLIC || (v.isLocal() && v.privacy() == Privacy.INTERNAL));
    }

    /**
     * A video was shared with someone of ours by name: they hear of it (Peerlet's own kind; a
     * share with another server's person is that server's to tell).
     */
    public void sharedWith(PrivacyEvents.SharedWith e) {
        Long user = e.account().userId();
        Account owner = e.video().account();
        if (user == null || Objects.equals(user, owner.userId()) || muted(user, owner)) return;
        add(user, VIDEO_SHARED_WITH_ME, Notification.VIDEO_SHARED_WITH_ME, Notification.About.video(e.video().id()), true);
    }

    /** A share taken back takes back its notification: the video's name was in it. */
    public void sharesChanged(PrivacyEvents.SharesChanged e) {
        if (e.removed() != null && e.removed().userId() != null) {
            takeBack(e.video().id(), Notification.VIDEO_SHARED_WITH_ME, e.removed().userId());
        }
    }

    /** My upload could not be transcoded: told as PeerTube's nearest kind, a failed import. */
    public void videoFailed(Video v) {
        if (v.isLocal() && v.ownerUserId() != null) {
            add(v.ownerUserId(), "myVideoImportFinished", Notification.MY_VIDEO_IMPORT_ERROR, Notification.About.video(v.id()), true);
        }
    }

    /** Someone new follows one of our accounts or channels: its owner hears who. */
    public void followed(FollowEvents.Followed e) {
        Optional<Long> owner = ownerOf(e.target());
        Optional<FollowEvents.Described> d = follows.describe(e.followId());
        if (owner.isEmpty() || d.isEmpty() || Objects.equals(d.get().follower().userId(), owner.get())) return;
        if (muted(owner.get(), d.get().follower())) return;
        add(owner.get(), "newFollow", Notification.NEW_FOLLOW, Notification.About.follow(e.followId()), false);
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

    /** As PeerTube: no one hears of what an account they (or the instance) muted did. */
    private boolean muted(long userId, Account from) {
        return blocklists.mutedFor(userId, from);
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

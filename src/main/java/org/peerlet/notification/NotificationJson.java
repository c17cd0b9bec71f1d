package org.peerlet.notification;

import org.peerlet.account.Account;
import org.peerlet.account.AccountService;
import org.peerlet.moderation.Abuse;
import org.peerlet.moderation.Abuses;
import org.peerlet.channel.Channel;
import org.peerlet.common.Times;
import org.peerlet.federation.FollowEvents;
import org.peerlet.federation.Follows;
import org.peerlet.instance.Urls;
import org.peerlet.media.Face;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;
import org.peerlet.video.Viewer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A notification as PeerTube's UserNotification: the short forms of what it is about (VideoInfo, ActorInfo). */
public final class NotificationJson {
    private final SocialService social;
    private final VideoService videos;
    private final Follows follows;
    private final Abuses abuses;
    private final AccountService users;
    private final Urls urls;

    public NotificationJson(SocialService social, VideoService videos, Follows follows, Abuses abuses, AccountService users,
                            Urls urls) {
        this.social = social;
        this.videos = videos;
        this.follows = follows;
        this.abuses = abuses;
        this.users = users;
        this.urls = urls;
    }

    /** Empty when what it is about is gone, or its video is no longer for this person's eyes. */
    Optional<Map<String, Object>> of(Notification n, Viewer me) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("type", n.type());
        m.put("read", n.read());
        m.put("data", Map.of());
        Optional<Video> v = n.videoId() == null ? Optional.empty() : videos.find(String.valueOf(n.videoId()));
        if (n.videoId() != null && (v.isEmpty() || !videos.access().canView(v.get(), me))) return Optional.empty();
        if (n.commentId() != null) {
            Optional<Comment> c = social.byId(n.commentId());
            if (c.isEmpty() || v.isEmpty()) return Optional.empty();
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("id", c.get().id());
            comment.put("threadId", c.get().thread());
            comment.put("account", actor(c.get().account()));
            comment.put("video", video(v.get()));
            comment.put("heldForReview", c.get().heldForReview());
            m.put("comment", comment);
        } else if (v.isPresent()) {
            Map<String, Object> video = video(v.get());
            video.put("channel", actor(v.get().channel()));
            m.put("video", video);
        }
        if (n.followId() != null) {
            Optional<FollowEvents.Described> f = follows.describe(n.followId());
            if (f.isEmpty()) return Optional.empty();
            m.put("actorFollow", actorFollow(f.get()));
        }
        if (!moderation(n, v, m)) return Optional.empty();
        m.put("createdAt", Times.iso(n.createdAt()));
        m.put("updatedAt", Times.iso(n.updatedAt()));
        return Optional.of(m);
    }

    /**
     * The kinds PeerTube gives their own field: a report, a new account, a sign-up request, a
     * failed upload (as a failed import) and a held video (as its block). False when it is gone.
     */
    private boolean moderation(Notification n, Optional<Video> v, Map<String, Object> m) {
        Notification.About about = n.about();
        if (about.abuseId() != null) {
            Optional<Abuse> a = abuses.find(about.abuseId());
            if (a.isEmpty()) return false;
            m.put("abuse", abuse(a.get()));
        }
        if (about.accountId() != null) {
            Optional<Account> a = users.byId(about.accountId());
            if (a.isEmpty()) return false;
            m.put("account", actor(a.get()));
        }
        if (about.registrationId() != null) {
            Optional<String> name = users.registrationUsername(about.registrationId());
            if (name.isEmpty()) return false;
            m.put("registration", Map.of("id", about.registrationId(), "username", name.get()));
        }
        if (v.isPresent() && n.type() == Notification.MY_VIDEO_IMPORT_ERROR) {
            m.put("videoImport", Map.of("id", v.get().id(), "video", video(v.get())));
        }
        if (v.isPresent() && n.type() == Notification.VIDEO_AUTO_BLACKLIST_FOR_MODERATORS) {
            m.put("videoBlacklist", Map.of("id", v.get().id(), "video", video(v.get())));
        }
        return true;
    }

    /** PeerTube's short report: its state, and what it is about while that is still here. */
    private Map<String, Object> abuse(Abuse a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("state", a.state());
        Optional<Video> v = a.videoId() == null ? Optional.empty() : videos.find(String.valueOf(a.videoId()));
        Optional<Comment> c = a.commentId() == null ? Optional.empty() : social.byId(a.commentId());
        Optional<Video> on = c.flatMap(x -> videos.find(String.valueOf(x.videoId())));
        v.ifPresent(x -> m.put("video", video(x)));
        if (c.isPresent() && on.isPresent()) m.put("comment", Map.of("threadId", c.get().thread(), "video", video(on.get())));
        if (a.flaggedAccountId() != null) users.byId(a.flaggedAccountId()).ifPresent(x -> m.put("account", actor(x)));
        return m;
    }

    private static Map<String, Object> video(Video v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("uuid", v.uuid());
        m.put("shortUUID", v.shortUuid());
        m.put("name", v.name());
        m.put("state", Map.of("id", v.state().id, "label", v.state().label));
        return m;
    }

    private Map<String, Object> actor(Account a) {
        return actor(a.id(), a.name(), a.displayName(), a.isLocal() ? urls.host() : a.host(), a.avatar());
    }

    private Map<String, Object> actor(Channel c) {
        return actor(c.id(), c.name(), c.displayName(), c.isLocal() ? urls.host() : c.host(), c.avatar());
    }

    /** PeerTube's ActorInfo: its avatars, and the deprecated single one (the smallest), null for none. */
    private Map<String, Object> actor(long id, String name, String displayName, String host, Face avatar) {
        List<Map<String, Object>> avatars = Face.json(avatar, urls.base());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("displayName", displayName);
        m.put("name", name);
        m.put("host", host);
        m.put("avatars", avatars);
        m.put("avatar", avatars.isEmpty() ? null : avatars.get(avatars.size() - 1));
        return m;
    }

    /** PeerTube's actorFollow: who follows (an account), what (one of ours), and the follow's state. */
    private Map<String, Object> actorFollow(FollowEvents.Described f) {
        Map<String, Object> following = new LinkedHashMap<>();
        following.put("type", f.target().kind().key);
        following.put("name", f.target().name());
        following.put("displayName", f.target().displayName());
        following.put("host", urls.host());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.followId());
        m.put("follower", actor(f.follower()));
        m.put("state", f.state());
        m.put("following", following);
        return m;
    }
}

package org.peerlet.notification;

import org.jsoup.Jsoup;
import org.peerlet.account.AccountService;
import org.peerlet.account.User;
import org.peerlet.federation.FollowEvents;
import org.peerlet.federation.Follows;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.instance.InstanceSettings;
import org.peerlet.instance.Urls;
import org.peerlet.mail.Mail;
import org.peerlet.mail.MailTexts;
import org.peerlet.mail.Mailer;
import org.peerlet.social.Comment;
import org.peerlet.social.SocialService;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;
import org.peerlet.video.Viewer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Notifications by e-mail, for the kinds a person set to e-mail (PeerTube's bit 2): written in
 * their language with a link to the thing, on the mailer's thread. What they may no longer see
 * (a video made private since, a deleted comment) is not sent, as the web list does not show it.
 */
public final class NotificationMails {
    private static final int MAX_QUOTE = 1_000;

    private final Mailer mailer;
    private final MailTexts texts = new MailTexts();
    private final AccountService users;
    private final SocialService social;
    private final VideoService videos;
    private final Follows follows;
    private final Urls urls;
    private final InstanceSettings instance;

    public NotificationMails(Mailer mailer, AccountService users, SocialService social, VideoService videos,
                             Follows follows, Urls urls, InstanceSettings instance) {
        this.mailer = mailer;
        this.users = users;
        this.social = social;
        this.videos = videos;
        this.follows = follows;
        this.urls = urls;
        this.instance = instance;
    }

    public void send(NotificationService.ByMail e) {
        mailer.send(() -> compose(e.notification()));
    }

    private Optional<Mail> compose(Notification n) {
        Optional<User> user = users.user(n.userId()).filter(u -> !u.blocked() && u.email() != null && !u.email().isBlank());
        if (user.isEmpty()) return Optional.empty();
        Optional<Video> video = n.videoId() == null ? Optional.empty() : videos.find(String.valueOf(n.videoId()));
        if (n.videoId() != null && (video.isEmpty() || !videos.access().canView(video.get(), Viewer.of(user)))) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        values.put("instance", instance.get(InstanceSettings.NAME));
        values.put("settings", urls.base() + "/settings");
        values.put("admin", urls.base() + "/admin");
        video.ifPresent(v -> {
            values.put("video", v.name());
            values.put("channel", v.channel().displayName());
            values.put("link", urls.watch(v.shortUuid()));
        });
        if (n.commentId() != null && !comment(n.commentId(), values)) return Optional.empty();
        if (n.followId() != null && !follow(n.followId(), values)) return Optional.empty();
        String language = MailTexts.pick(user.get().language());
        Mail mail = texts.mail(user.get().email(), language, "notify." + n.type(), values);
        String footer = texts.text(language, "notify.footer", values);
        return Optional.of(new Mail(mail.to(), mail.subject(), mail.text() + footer));
    }

    private boolean comment(long id, Map<String, String> values) {
        Optional<Comment> c = social.byId(id).filter(x -> !x.isDeleted());
        if (c.isEmpty()) return false;
        String text = Comment.HTML.equals(c.get().format()) ? Jsoup.parse(c.get().html()).text() : c.get().text();
        values.put("comment", text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE) + "…" : text);
        values.put("author", c.get().account().displayName());
        return true;
    }

    private boolean follow(long id, Map<String, String> values) {
        Optional<FollowEvents.Described> f = follows.describe(id);
        if (f.isEmpty()) return false;
        LocalActor target = f.get().target();
        values.put("follower", f.get().follower().displayName());
        values.put("followed", target.displayName());
        values.put("link", target.kind() == LocalActor.Kind.CHANNEL ? urls.channel(target.name()) : urls.account(target.name()));
        return true;
    }
}

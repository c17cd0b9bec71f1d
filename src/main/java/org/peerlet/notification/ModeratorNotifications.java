package org.peerlet.notification;

import org.peerlet.account.AccountEvents;
import org.peerlet.account.AccountService;
import org.peerlet.moderation.Abuses;
import org.peerlet.video.Video;

/**
 * What the people who moderate hear of, as PeerTube tells its moderators and administrators: a new
 * report, a video held for review by the automatic block, a sign-up request, a new user.
 */
public final class ModeratorNotifications {
    private final NotificationService notifications;
    private final AccountService users;

    public ModeratorNotifications(NotificationService notifications, AccountService users) {
        this.notifications = notifications;
        this.users = users;
    }

    /** A report, made here or received from another server (PeerTube's NEW_ABUSE_FOR_MODERATORS). */
    public void abuseOpened(Abuses.Opened e) {
        Long reporter = e.abuse().reporterAccountId();
        for (long m : users.moderatorIds()) {
            if (reporter != null && users.accountOf(m).id() == reporter) continue;
            notifications.add(m, "abuseAsModerator", Notification.NEW_ABUSE_FOR_MODERATORS,
                    new Notification.About(null, null, null, e.abuse().id(), null, null), false);
        }
    }

    /** A new user's upload is published but held until a moderator looks (VIDEO_AUTO_BLACKLIST_FOR_MODERATORS). */
    public void videoPublished(Video v) {
        if (!v.isLocal() || v.block() == null || v.block().type() != Video.Block.AUTOMATIC) return;
        for (long m : users.moderatorIds()) {
            notifications.add(m, "videoAutoBlacklistAsModerator", Notification.VIDEO_AUTO_BLACKLIST_FOR_MODERATORS,
                    Notification.About.video(v.id()), true);
        }
    }

    /** Someone joined by themselves (NEW_USER_REGISTRATION). */
    public void registered(AccountEvents.Registered e) {
        for (long m : users.moderatorIds()) {
            notifications.add(m, "newUserRegistration", Notification.NEW_USER_REGISTRATION,
                    new Notification.About(null, null, null, null, e.accountId(), null), false);
        }
    }

    /** Someone asks to join and waits for a moderator (NEW_USER_REGISTRATION_REQUEST, told under the same setting). */
    public void registrationRequested(AccountEvents.RegistrationRequested e) {
        for (long m : users.moderatorIds()) {
            notifications.add(m, "newUserRegistration", Notification.NEW_USER_REGISTRATION_REQUEST,
                    new Notification.About(null, null, null, null, null, e.registrationId()), false);
        }
    }
}

package org.peerlet;

import org.peerlet.account.AccountEvents;
import org.peerlet.account.AccountService;
import org.peerlet.common.Events;
import org.peerlet.federation.FollowEvents;
import org.peerlet.moderation.Abuses;
import org.peerlet.notification.ModeratorNotifications;
import org.peerlet.notification.NotificationService;
import org.peerlet.privacy.PrivacyEvents;
import org.peerlet.social.SocialService;
import org.peerlet.video.VideoEvents;

/** Who is told of what, wired for {@link App}: the facts of other features that notifications hear. */
final class Notifying {
    private Notifying() {
    }

    static void subscribe(Events events, NotificationService notifications, AccountService accounts) {
        events.subscribe(SocialService.CommentPosted.class, notifications::commentPosted);
        events.subscribe(VideoEvents.Published.class, e -> notifications.videoPublished(e.video()));
        events.subscribe(VideoEvents.Received.class, e -> notifications.videoPublished(e.video()));
        events.subscribe(VideoEvents.Changed.class, e -> notifications.videoChanged(e.video()));
        events.subscribe(VideoEvents.Failed.class, e -> notifications.videoFailed(e.video()));
        events.subscribe(FollowEvents.Followed.class, notifications::followed);
        events.subscribe(PrivacyEvents.SharedWith.class, notifications::sharedWith);
        events.subscribe(PrivacyEvents.SharesChanged.class, notifications::sharesChanged);
        events.subscribe(AccountEvents.SessionsEnded.class, e -> notifications.sessionsEnded(e.userId()));
        ModeratorNotifications moderators = new ModeratorNotifications(notifications, accounts);
        events.subscribe(Abuses.Opened.class, moderators::abuseOpened);
        events.subscribe(VideoEvents.Published.class, e -> moderators.videoPublished(e.video()));
        events.subscribe(AccountEvents.Registered.class, moderators::registered);
        events.subscribe(AccountEvents.RegistrationRequested.class, moderators::registrationRequested);
    }
}

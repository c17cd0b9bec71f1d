package org.peerlet.account;

import org.peerlet.common.Times;
import org.peerlet.instance.Urls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accounts and users as PeerTube's API shows them. */
public final class AccountJson {
    private AccountJson() {
    }

    public static Map<String, Object> account(Account a, Urls urls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("displayName", a.displayName());
        m.put("description", a.description());
        m.put("url", a.isLocal() ? urls.account(a.name()) : "https://" + a.host() + "/accounts/" + a.name());
        m.put("host", a.isLocal() ? urls.host() : a.host());
        m.put("avatars", List.of());
        m.put("followersCount", 0);
        m.put("followingCount", 0);
        m.put("createdAt", Times.iso(a.createdAt()));
        m.put("updatedAt", Times.iso(a.updatedAt()));
        if (a.userId() != null) m.put("userId", a.userId());
        return m;
    }

    /** PeerTube's AccountSummary: the short form embedded in videos and playlists. */
    public static Map<String, Object> summary(Account a, Urls urls) {
        Map<String, Object> m = account(a, urls);
        m.keySet().retainAll(List.of("id", "name", "displayName", "url", "host", "avatars"));
        return m;
    }

    /** PeerTube's notification settings with every kind off (0): Peerlet sends no notifications. */
    private static final Map<String, Object> NOTIFICATIONS_OFF = notificationsOff();

    private static Map<String, Object> notificationsOff() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String kind : List.of("abuseAsModerator", "videoAutoBlacklistAsModerator", "newUserRegistration",
                "newVideoFromSubscription", "blacklistOnMyVideo", "myVideoPublished", "myVideoImportFinished",
                "commentMention", "newCommentOnMyVideo", "newFollow", "newInstanceFollower", "autoInstanceFollowing",
                "abuseStateChange", "abuseNewMessage", "newPeerTubeVersion", "newPluginVersion",
                "myVideoStudioEditionFinished", "myVideoTranscriptionGenerated")) {
            m.put(kind, 0);
        }
        return Map.copyOf(m);
    }

    public static Map<String, Object> role(Role r) {
        return Map.of("id", r.id, "label", r.label);
    }

    /** A user as the admin sees it in lists, and as {@code users/me} shows it (with channels). */
    public static Map<String, Object> user(User u, Account a, List<Map<String, Object>> channels, Urls urls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("email", u.email() == null ? "" : u.email());
        m.put("emailVerified", !Boolean.FALSE.equals(u.emailVerified()));
        m.put("emailPublic", false);
        m.put("pendingEmail", null);
        m.put("role", role(u.role()));
        m.put("videoQuota", u.videoQuota());
        m.put("videoQuotaDaily", u.videoQuotaDaily());
        m.put("blocked", u.blocked());
        m.put("blockedReason", u.blockedReason());
        m.put("nsfwPolicy", "blur");
        for (String flags : List.of("nsfwFlagsDisplayed", "nsfwFlagsHidden", "nsfwFlagsBlurred", "nsfwFlagsWarned")) m.put(flags, 0);
        m.put("p2pEnabled", u.p2pEnabled());
        m.put("autoPlayVideo", true);
        m.put("autoPlayNextVideo", false);
        m.put("autoPlayNextVideoPlaylist", false);
        m.put("videosHistoryEnabled", u.videosHistoryEnabled());
        m.put("videoLanguages", List.of());
        m.put("language", u.language()); // null: the browser's
        m.put("twoFactorEnabled", u.twoFactorEnabled());
        m.put("newFeaturesInfoRead", 0);
        m.put("notificationSettings", NOTIFICATIONS_OFF);
        m.put("theme", "instance-default");
        m.put("adminFlags", 0);
        m.put("noInstanceConfigWarningModal", true);
        m.put("noWelcomeModal", true);
        m.put("noAccountSetupWarningModal", true);
        m.put("createdAt", Times.iso(u.createdAt()));
        m.put("lastLoginDate", Times.isoOrNull(u.lastLoginAt()));
        m.put("pluginAuth", null);
        m.put("account", account(a, urls));
        m.put("videoChannels", channels);
        return m;
    }
}

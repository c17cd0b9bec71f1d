package org.peerlet.instance;

import org.peerlet.Version;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/config} as PeerTube 8 answers it. Clients read the whole tree at start, so
 * every field is there; what Peerlet does not do (live, imports, studio, captions, plugins,
 * themes, search index...) answers as PeerTube does with that feature turned off.
 */
final class ServerConfigJson {
    private static final Map<String, Object> OFF = Map.of("enabled", false);
    private static final Map<String, Object> OFF_NO_RUNNERS = Map.of("enabled", false, "remoteRunners", OFF);
    private static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".webp");
    private static final Map<String, Object> IMAGE = files(IMAGE_EXTENSIONS, 4 * 1024 * 1024);

    private ServerConfigJson() {
    }

    static Map<String, Object> of(InstanceSettings settings, InstanceRoutes.Capabilities caps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serverVersion", Version.VERSION);
        m.put("serverCommit", "");
        m.put("client", client());
        m.put("defaults", defaults(caps));
        m.put("webadmin", Map.of("configuration", Map.of("edition", Map.of("allowed", true))));
        m.put("instance", instance(settings));
        m.put("search", Map.of("remoteUri", Map.of("users", true, "anonymous", false),
                "searchIndex", Map.of("enabled", false, "url", "", "disableLocalSearch", false, "isDefaultSearch", false)));
        m.put("plugin", Map.of("registered", List.of(), "registeredExternalAuths", List.of(), "registeredIdAndPassAuths", List.of()));
        m.put("theme", theme());
        m.put("email", Map.of("enabled", caps.emailEnabled()));
        m.put("contactForm", OFF);
        boolean signup = settings.flag(InstanceSettings.SIGNUP_ENABLED);
        m.put("signup", Map.of("allowed", signup, "allowedForCurrentIP", signup,
                "requiresEmailVerification", caps.emailEnabled() && settings.flag(InstanceSettings.SIGNUP_REQUIRES_EMAIL_VERIFICATION),
                "requiresApproval", settings.flag(InstanceSettings.SIGNUP_REQUIRES_APPROVAL),
                "minimumAge", settings.integer(InstanceSettings.SIGNUP_MINIMUM_AGE)));
        m.put("transcoding", Map.of("hls", Map.of("enabled", true), "web_videos", OFF,
                "enabledResolutions", caps.resolutions(), "profile", "default", "availableProfiles", List.of("default"),
                "remoteRunners", OFF));
        m.put("live", live());
        m.put("videoStudio", OFF_NO_RUNNERS);
        m.put("videoFile", Map.of("update", OFF));
        m.put("import", Map.of("videos", Map.of("http", OFF, "torrent", OFF),
                "videoChannelSynchronization", OFF, "users", OFF));
        m.put("export", Map.of("users", Map.of("enabled", false, "exportExpiration", 0, "maxUserVideoQuota", 0)));
        m.put("autoBlacklist", Map.of("videos", Map.of("ofUsers", OFF)));
        m.put("avatar", Map.of("file", IMAGE));
        m.put("banner", Map.of("file", IMAGE));
        m.put("logo", Map.of("file", IMAGE));
        m.put("video", Map.of("image", IMAGE, "file", Map.of("extensions", caps.videoExtensions())));
        m.put("videoCaption", Map.of("file", files(List.of(".vtt", ".srt"), 20 * 1024 * 1024)));
        m.put("user", Map.of("videoQuota", caps.defaultVideoQuota(), "videoQuotaDaily", caps.defaultVideoQuotaDaily()));
        m.put("videoChannels", Map.of("maxPerUser", 20));
        m.put("trending", Map.of("videos", Map.of("intervalDays", 7,
                "algorithms", Map.of("enabled", List.of("most-viewed"), "default", "most-viewed"))));
        m.put("tracker", Map.of("enabled", caps.p2pEnabled()));
        m.put("followings", Map.of("instance", Map.of("autoFollowIndex", Map.of("indexUrl", ""))));
        m.put("federation", Map.of("enabled", true));
        m.put("broadcastMessage", Map.of("enabled", false, "message", "", "level", "info", "dismissable", false));
        m.put("homepage", OFF);
        m.put("openTelemetry", Map.of("metrics", Map.of("enabled", false, "playbackStatsInterval", 15_000)));
        m.put("views", Map.of("videos", Map.of("remote", Map.of("maxAge", -1), "local", Map.of("maxAge", -1),
                "watchingInterval", Map.of("anonymous", 5000, "users", 5000))));
        // Made in the transcode's own decode, never by runners.
        m.put("storyboards", Map.of("enabled", true, "remoteRunners", OFF));
        m.put("videoTranscription", OFF_NO_RUNNERS);
        // No STUN: peers meet on the LAN or through the tracker's own signalling only.
        m.put("webrtc", Map.of("stunServers", List.of()));
        m.put("nsfwFlagsSettings", OFF);
        m.put("fieldsConstraints", Map.of("users", Map.of("password", Map.of("minLength", 6, "maxLength", 255))));
        return m;
    }

    private static Map<String, Object> files(List<String> extensions, long max) {
        return Map.of("extensions", extensions, "size", Map.of("max", max));
    }

    private static Map<String, Object> client() {
        Map<String, Object> app = Map.of("enabled", false, "host", "", "scheme", "", "fallbackUrl", "");
        return Map.of("newFeaturesInfo", false,
                "header", Map.of("hideInstanceName", false),
                "videos", Map.of("miniature", Map.of("preferAuthorDisplayName", false),
                        // PeerTube's clients send resumable uploads in chunks of at most this size.
                        "resumableUpload", Map.of("maxChunkSize", 100 * 1024 * 1024)),
                "browseVideos", Map.of("defaultSort", "-publishedAt", "defaultScope", "local"),
                "menu", Map.of("login", Map.of("redirectOnSingleExternalAuth", false)),
                "openInApp", Map.of("android", Map.of("intent", app), "ios", app));
    }

    private static Map<String, Object> defaults(InstanceRoutes.Capabilities caps) {
        return Map.of("publish", Map.of("downloadEnabled", true, "commentsPolicy", 1, "privacy", caps.defaultPrivacy(), "licence", 0),
                "live", Map.of("saveReplay", false),
                "p2p", Map.of("webapp", Map.of("enabled", caps.p2pEnabled()), "embed", Map.of("enabled", caps.p2pEnabled())),
                "player", Map.of("theme", "galaxy", "autoPlay", true));
    }

    private static Map<String, Object> instance(InstanceSettings settings) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("name", settings.get(InstanceSettings.NAME));
        i.put("shortDescription", settings.get(InstanceSettings.SHORT_DESCRIPTION));
        i.put("isNSFW", false);
        i.put("defaultNSFWPolicy", "blur");
        i.put("serverCountry", "");
        i.put("support", Map.of("text", ""));
        i.put("social", Map.of("externalLink", "", "mastodonLink", "", "blueskyLink", "", "xLink", ""));
        i.put("defaultClientRoute", "/videos/recently-added");
        i.put("customizations", Map.of("javascript", "", "css", ""));
        i.put("avatars", List.of());
        i.put("banners", List.of());
        i.put("defaultLanguage", "en");
        i.put("logo", List.of());
        return i;
    }

    private static Map<String, Object> theme() {
        Map<String, Object> colors = new LinkedHashMap<>();
        for (String k : List.of("primaryColor", "onPrimaryColor", "foregroundColor", "backgroundColor",
                "backgroundSecondaryColor", "menuForegroundColor", "menuBackgroundColor", "menuBorderRadius",
                "headerForegroundColor", "headerBackgroundColor", "inputBorderRadius")) {
            colors.put(k, "");
        }
        return Map.of("registered", List.of(), "builtIn", List.of(Map.of("name", "peertube-core-light-beige")),
                "default", "default", "customization", colors);
    }

    private static Map<String, Object> live() {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("enabled", false);
        l.put("allowReplay", false);
        l.put("dvr", Map.of("maxWindow", 0));
        l.put("latencySetting", OFF);
        l.put("maxDuration", -1);
        l.put("maxInstanceLives", 0);
        l.put("maxUserLives", 0);
        l.put("transcoding", Map.of("enabled", false, "remoteRunners", OFF, "enabledResolutions", List.of(),
                "profile", "default", "availableProfiles", List.of("default")));
        l.put("rtmp", Map.of("port", 1935));
        return l;
    }
}

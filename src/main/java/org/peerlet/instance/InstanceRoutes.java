package org.peerlet.instance;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.Version;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.RouteGroup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/config}, {@code /config/about} and the admin's {@code /config/custom}, PeerTube-shaped. */
public final class InstanceRoutes implements RouteGroup {
    /** What the rest of the app tells the config endpoint; fixed at start. */
    public record Capabilities(List<Integer> resolutions, boolean p2pEnabled, long maxUploadSize,
                               long defaultVideoQuota, long defaultVideoQuotaDaily, List<String> videoExtensions) {
    }

    private final InstanceSettings settings;
    private final Capabilities caps;

    public InstanceRoutes(InstanceSettings settings, Capabilities caps) {
        this.settings = settings;
        this.caps = caps;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/config", this::config, Access.ANYONE);
        r.get("/api/v1/config/about", this::about, Access.ANYONE);
        r.get("/api/v1/config/custom", this::getCustom, Access.ADMIN);
        r.put("/api/v1/config/custom", this::putCustom, Access.ADMIN);
    }

    private void config(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", Map.of(
                "name", settings.get(InstanceSettings.NAME),
                "shortDescription", settings.get(InstanceSettings.SHORT_DESCRIPTION),
                "defaultClientRoute", "/videos/recently-added",
                "isNSFW", false,
                "defaultNSFWPolicy", "blur",
                "customizations", Map.of("javascript", "", "css", "")));
        m.put("serverVersion", Version.VERSION);
        m.put("serverCommit", null);
        m.put("software", "peerlet");
        boolean signup = settings.flag(InstanceSettings.SIGNUP_ENABLED);
        m.put("signup", Map.of("allowed", signup, "allowedForCurrentIP", signup,
                "requiresEmailVerification", false, "requiresApproval", false, "minimumAge", 16));
        m.put("transcoding", Map.of(
                "hls", Map.of("enabled", true),
                "webVideos", Map.of("enabled", false),
                "web_videos", Map.of("enabled", false),
                "enabledResolutions", caps.resolutions(),
                "profile", "default",
                "availableProfiles", List.of("default")));
        m.put("video", Map.of(
                "image", Map.of("extensions", List.of(".png", ".jpg", ".jpeg", ".webp"), "size", Map.of("max", 4 * 1024 * 1024)),
                "file", Map.of("extensions", caps.videoExtensions(), "size", Map.of("max", caps.maxUploadSize()))));
        m.put("user", Map.of("videoQuota", caps.defaultVideoQuota(), "videoQuotaDaily", caps.defaultVideoQuotaDaily()));
        m.put("tracker", Map.of("enabled", caps.p2pEnabled()));
        m.put("federation", Map.of("enabled", true));
        m.put("contactForm", Map.of("enabled", false));
        m.put("email", Map.of("enabled", false));
        m.put("import", Map.of("videos", Map.of("http", Map.of("enabled", false), "torrent", Map.of("enabled", false))));
        m.put("plugin", Map.of("registered", List.of(), "registeredExternalAuths", List.of(), "registeredIdAndPassAuths", List.of()));
        m.put("broadcastMessage", Map.of("enabled", false, "message", "", "level", "info", "dismissable", false));
        ctx.json(m);
    }

    private void about(Context ctx) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("name", settings.get(InstanceSettings.NAME));
        instance.put("shortDescription", settings.get(InstanceSettings.SHORT_DESCRIPTION));
        instance.put("description", settings.get(InstanceSettings.DESCRIPTION));
        instance.put("terms", settings.get(InstanceSettings.TERMS));
        instance.put("codeOfConduct", "");
        instance.put("languages", List.of());
        instance.put("categories", List.of());
        ctx.json(Map.of("instance", instance));
    }

    private Map<String, Object> custom() {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("name", settings.get(InstanceSettings.NAME));
        instance.put("shortDescription", settings.get(InstanceSettings.SHORT_DESCRIPTION));
        instance.put("description", settings.get(InstanceSettings.DESCRIPTION));
        instance.put("terms", settings.get(InstanceSettings.TERMS));
        return Map.of("instance", instance,
                "signup", Map.of("enabled", settings.flag(InstanceSettings.SIGNUP_ENABLED)),
                "followers", Map.of("instance", Map.of("enabled", true,
                        "manualApproval", settings.flag(InstanceSettings.FOLLOWERS_MANUAL_APPROVAL))));
    }

    private void getCustom(Context ctx) {
        ctx.json(custom());
    }

    private void putCustom(Context ctx) {
        Body body = Body.of(ctx);
        Map<String, String> changes = new HashMap<>();
        body.node("instance").ifPresent(i -> {
            text(i, "name", 1, 120).ifPresent(v -> changes.put(InstanceSettings.NAME, v));
            text(i, "shortDescription", 0, 250).ifPresent(v -> changes.put(InstanceSettings.SHORT_DESCRIPTION, v));
            text(i, "description", 0, 10_000).ifPresent(v -> changes.put(InstanceSettings.DESCRIPTION, v));
            text(i, "terms", 0, 10_000).ifPresent(v -> changes.put(InstanceSettings.TERMS, v));
        });
        body.node("signup").ifPresent(s -> {
            if (s.has("enabled")) {
                if (!s.get("enabled").isBoolean()) throw ApiError.badRequest("signup.enabled must be true or false");
                changes.put(InstanceSettings.SIGNUP_ENABLED, String.valueOf(s.get("enabled").asBoolean()));
            }
        });
        body.node("followers").map(f -> f.path("instance").get("manualApproval")).ifPresent(m -> {
            if (!m.isBoolean()) throw ApiError.badRequest("followers.instance.manualApproval must be true or false");
            changes.put(InstanceSettings.FOLLOWERS_MANUAL_APPROVAL, String.valueOf(m.asBoolean()));
        });
        settings.putAll(changes);
        ctx.json(custom());
    }

    private static java.util.Optional<String> text(com.fasterxml.jackson.databind.JsonNode parent, String field,
                                                   int min, int max) {
        if (!parent.has(field)) return java.util.Optional.empty();
        com.fasterxml.jackson.databind.JsonNode n = parent.get(field);
        if (!n.isTextual()) throw ApiError.badRequest("instance." + field + " must be a string");
        String v = n.asText();
        if (v.length() < min || v.length() > max) {
            throw ApiError.badRequest("instance." + field + " must be " + min + " to " + max + " characters");
        }
        return java.util.Optional.of(v);
    }
}

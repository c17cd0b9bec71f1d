package org.peerlet.instance;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
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
    public record Capabilities(List<Integer> resolutions, boolean p2pEnabled,
                               long defaultVideoQuota, long defaultVideoQuotaDaily, List<String> videoExtensions,
                               int defaultPrivacy) {
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
        // No custom homepage (config says homepage.enabled false): PeerTube's answer when it has none.
        r.get("/api/v1/custom-pages/homepage/instance", ctx -> {
            throw ApiError.notFound("Instance homepage could not be found");
        }, Access.ANYONE);
    }

    private void config(Context ctx) {
        ctx.json(ServerConfigJson.of(settings, caps));
    }

    private void about(Context ctx) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("name", settings.get(InstanceSettings.NAME));
        instance.put("shortDescription", settings.get(InstanceSettings.SHORT_DESCRIPTION));
        instance.put("description", settings.get(InstanceSettings.DESCRIPTION));
        instance.put("terms", settings.get(InstanceSettings.TERMS));
        // What PeerTube's about page asks the admin; Peerlet asks only for the description and rules.
        for (String unasked : List.of("codeOfConduct", "hardwareInformation", "creationReason", "moderationInformation",
                "administrator", "maintenanceLifetime", "businessModel")) {
            instance.put(unasked, "");
        }
        instance.put("languages", List.of());
        instance.put("categories", List.of());
        instance.put("banners", List.of());
        instance.put("avatars", List.of());
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

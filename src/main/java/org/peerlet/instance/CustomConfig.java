package org.peerlet.instance;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of PeerTube's {@code config/custom} Peerlet keeps: the instance's texts, languages and
 * categories, sign-up and follower approval. Reads it as JSON and checks a change before any of it is kept.
 */
final class CustomConfig {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    /** PeerTube's category ids run from 1 to 18. */
    private static final int LAST_CATEGORY = 18;
    private static final int LONG_TEXT = 10_000;

    private final InstanceSettings settings;
    private final boolean emailEnabled;

    CustomConfig(InstanceSettings settings, boolean emailEnabled) {
        this.settings = settings;
        this.emailEnabled = emailEnabled;
    }

    /** PeerTube's {@code About}: the instance as its about page shows it. */
    Map<String, Object> about() {
        Map<String, Object> instance = texts();
        instance.put("banners", List.of());
        instance.put("avatars", List.of());
        return Map.of("instance", instance);
    }

    Map<String, Object> json() {
        return Map.of("instance", texts(),
                "signup", Map.of("enabled", settings.flag(InstanceSettings.SIGNUP_ENABLED),
                        "requiresApproval", settings.flag(InstanceSettings.SIGNUP_REQUIRES_APPROVAL),
                        "limit", settings.integer(InstanceSettings.SIGNUP_LIMIT),
                        "minimumAge", settings.integer(InstanceSettings.SIGNUP_MINIMUM_AGE),
                        "requiresEmailVerification", settings.flag(InstanceSettings.SIGNUP_REQUIRES_EMAIL_VERIFICATION)),
                "followers", Map.of("instance", Map.of("enabled", true,
                        "manualApproval", settings.flag(InstanceSettings.FOLLOWERS_MANUAL_APPROVAL))));
    }

    private Map<String, Object> texts() {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("name", settings.get(InstanceSettings.NAME));
        instance.put("shortDescription", settings.get(InstanceSettings.SHORT_DESCRIPTION));
        instance.put("description", settings.get(InstanceSettings.DESCRIPTION));
        for (String field : InstanceSettings.ABOUT_TEXTS) instance.put(field, settings.get("instance." + field));
        instance.put("languages", settings.list(InstanceSettings.LANGUAGES));
        instance.put("categories", settings.list(InstanceSettings.CATEGORIES).stream().map(Integer::valueOf).toList());
        return instance;
    }

    /** Checks every field of the body, then keeps them all at once: a refused body changes nothing. */
    void apply(Body body) {
        Map<String, String> changes = new HashMap<>();
        body.node("instance").ifPresent(i -> instance(i, changes));
        body.node("signup").ifPresent(s -> signup(s, changes));
        // As PeerTube: verifying addresses needs a way to send them mail.
        if ("true".equals(changes.get(InstanceSettings.SIGNUP_REQUIRES_EMAIL_VERIFICATION)) && !emailEnabled) {
            throw ApiError.badField("signup.requiresEmailVerification",
                    "SMTP is not configured but you require signup email verification.");
        }
        body.node("followers").map(f -> f.path("instance").get("manualApproval")).ifPresent(m ->
                changes.put(InstanceSettings.FOLLOWERS_MANUAL_APPROVAL, bool(m, "followers.instance.manualApproval")));
        settings.putAll(changes);
    }

    private static void instance(JsonNode i, Map<String, String> changes) {
        text(i, "name", 1, 120, changes, InstanceSettings.NAME);
        text(i, "shortDescription", 0, 250, changes, InstanceSettings.SHORT_DESCRIPTION);
        text(i, "description", 0, LONG_TEXT, changes, InstanceSettings.DESCRIPTION);
        for (String field : InstanceSettings.ABOUT_TEXTS) text(i, field, 0, LONG_TEXT, changes, "instance." + field);
        if (i.has("languages")) {
            List<String> codes = new ArrayList<>();
            for (JsonNode n : array(i, "languages")) {
                if (!n.isTextual() || !LANGUAGE.matcher(n.asText()).matches()) {
                    throw ApiError.badField("instance.languages", "instance.languages must be language codes such as \"en\"");
                }
                if (!codes.contains(n.asText())) codes.add(n.asText());
            }
            changes.put(InstanceSettings.LANGUAGES, String.join(",", codes));
        }
        if (i.has("categories")) {
            List<String> ids = new ArrayList<>();
            for (JsonNode n : array(i, "categories")) {
                if (!n.isInt() || n.asInt() < 1 || n.asInt() > LAST_CATEGORY) {
                    throw ApiError.badField("instance.categories", "instance.categories must be category ids 1 to " + LAST_CATEGORY);
                }
                if (!ids.contains(n.asText())) ids.add(n.asText());
            }
            changes.put(InstanceSettings.CATEGORIES, String.join(",", ids));
        }
    }

    private static void signup(JsonNode s, Map<String, String> changes) {
        if (s.has("enabled")) changes.put(InstanceSettings.SIGNUP_ENABLED, bool(s.get("enabled"), "signup.enabled"));
        if (s.has("requiresApproval")) {
            changes.put(InstanceSettings.SIGNUP_REQUIRES_APPROVAL, bool(s.get("requiresApproval"), "signup.requiresApproval"));
        }
        if (s.has("requiresEmailVerification")) {
            changes.put(InstanceSettings.SIGNUP_REQUIRES_EMAIL_VERIFICATION,
                    bool(s.get("requiresEmailVerification"), "signup.requiresEmailVerification"));
        }
        if (s.has("limit")) changes.put(InstanceSettings.SIGNUP_LIMIT, integer(s.get("limit"), "signup.limit", -1, 1_000_000));
        if (s.has("minimumAge")) {
            changes.put(InstanceSettings.SIGNUP_MINIMUM_AGE, integer(s.get("minimumAge"), "signup.minimumAge", 1, 120));
        }
    }

    private static JsonNode array(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (!n.isArray() || n.size() > 100) throw ApiError.badField("instance." + field, "instance." + field + " must be an array of at most 100");
        return n;
    }

    private static String bool(JsonNode n, String name) {
        if (!n.isBoolean()) throw ApiError.badField(name, name + " must be true or false");
        return String.valueOf(n.asBoolean());
    }

    private static String integer(JsonNode n, String name, int min, int max) {
        if (!n.isInt() || n.asInt() < min || n.asInt() > max) {
            throw ApiError.badField(name, name + " must be a whole number from " + min + " to " + max);
        }
        return String.valueOf(n.asInt());
    }

    private static void text(JsonNode parent, String field, int min, int max, Map<String, String> changes, String key) {
        if (!parent.has(field)) return;
        JsonNode n = parent.get(field);
        if (!n.isTextual()) throw ApiError.badField("instance." + field, "instance." + field + " must be a string");
        String v = n.asText();
        if (v.length() < min || v.length() > max) {
            throw ApiError.badField("instance." + field, "instance." + field + " must be " + min + " to " + max + " characters");
        }
        changes.put(key, v);
    }
}

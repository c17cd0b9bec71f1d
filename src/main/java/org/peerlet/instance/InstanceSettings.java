package org.peerlet.instance;

import static org.peerlet.db.schema.Tables.INSTANCE_SETTINGS;

import org.peerlet.common.Secrets;
import org.peerlet.db.Database;


import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * What the admin sets at run time (name, description, rules, sign-up) and what is generated
 * once (the OAuth client), kept in SQLite and read from memory.
 */
public final class InstanceSettings {

    public static final String NAME = "instance.name";
    public static final String SHORT_DESCRIPTION = "instance.shortDescription";
    public static final String DESCRIPTION = "instance.description";
    public static final String TERMS = "instance.terms";
    /** PeerTube's free texts of the about page, each kept as {@code instance.<field>}; terms first. */
    public static final java.util.List<String> ABOUT_TEXTS = java.util.List.of("terms", "codeOfConduct",
            "moderationInformation", "administrator", "creationReason", "hardwareInformation",
            "maintenanceLifetime", "businessModel");
    /** The texts a newcomer accepts at sign-up: when all are empty, there is nothing to accept. */
    public static final java.util.List<String> RULES = java.util.List.of("terms", "codeOfConduct", "moderationInformation");
    /** Comma-separated language codes and category ids the instance is about. */
    public static final String LANGUAGES = "instance.languages";
    public static final String CATEGORIES = "instance.categories";
    public static final String SIGNUP_ENABLED = "signup.enabled";
    /** Sign-ups wait for a moderator's accept (PeerTube 5.1's registrations). */
    public static final String SIGNUP_REQUIRES_APPROVAL = "signup.requiresApproval";
    /** Most users the instance takes by sign-up, -1 for no limit. */
    public static final String SIGNUP_LIMIT = "signup.limit";
    public static final String SIGNUP_MINIMUM_AGE = "signup.minimumAge";
    /** New users confirm their e-mail address before they log in (only while SMTP is configured). */
    public static final String SIGNUP_REQUIRES_EMAIL_VERIFICATION = "signup.requiresEmailVerification";
    /** Federation: approve instance followers by hand (PeerTube's followers.instance.manualApproval). */
    public static final String FOLLOWERS_MANUAL_APPROVAL = "followers.instance.manualApproval";
    public static final String OAUTH_CLIENT_ID = "oauth.clientId";
    public static final String OAUTH_CLIENT_SECRET = "oauth.clientSecret";

    private static final Map<String, String> DEFAULTS = Map.of(
            NAME, "Peerlet",
            SHORT_DESCRIPTION, "A small video place of our own.",
            DESCRIPTION, "",
            TERMS, "",
            SIGNUP_ENABLED, "false",
            SIGNUP_REQUIRES_APPROVAL, "false",
            SIGNUP_LIMIT, "-1",
            SIGNUP_MINIMUM_AGE, "16");

    private static final String LOWER_AND_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LETTERS_AND_DIGITS = LOWER_AND_DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Database db;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public InstanceSettings(Database db) {
        this.db = db;
        db.dsl().select(INSTANCE_SETTINGS.KEY, INSTANCE_SETTINGS.VALUE).from(INSTANCE_SETTINGS).forEach(r -> cache.put(r.get(INSTANCE_SETTINGS.KEY), r.get(INSTANCE_SETTINGS.VALUE)));
        // PeerTube's format: 32 lowercase letters and digits, and a 32-letter-and-digit secret. An
        // older Peerlet's base64 pair is replaced; clients ask for the pair before each login anyway.
        if (!cache.getOrDefault(OAUTH_CLIENT_ID, "").matches("[a-z0-9]{32}")) {
            putAll(Map.of(OAUTH_CLIENT_ID, Secrets.random(32, LOWER_AND_DIGITS),
                    OAUTH_CLIENT_SECRET, Secrets.random(32, LETTERS_AND_DIGITS)));
        }
    }

    public String get(String key) {
        return cache.getOrDefault(key, DEFAULTS.getOrDefault(key, ""));
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(get(key));
    }

    public int integer(String key) {
        return Integer.parseInt(get(key));
    }

    /** A comma-separated value as its parts, none when empty. */
    public java.util.List<String> list(String key) {
        String v = get(key);
        return v.isEmpty() ? java.util.List.of() : java.util.List.of(v.split(","));
    }

    /** Writes all values in one transaction, then updates memory. */
    public void putAll(Map<String, String> values) {
        db.writeVoid(tx -> values.forEach((k, v) -> tx.insertInto(INSTANCE_SETTINGS).set(INSTANCE_SETTINGS.KEY, k).set(INSTANCE_SETTINGS.VALUE, v)
                .onConflict(INSTANCE_SETTINGS.KEY).doUpdate().set(INSTANCE_SETTINGS.VALUE, v).execute()));
        cache.putAll(new HashMap<>(values));
    }
}

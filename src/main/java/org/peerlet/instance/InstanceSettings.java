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
    public static final String SIGNUP_ENABLED = "signup.enabled";
    /** Federation: approve instance followers by hand (PeerTube's followers.instance.manualApproval). */
    public static final String FOLLOWERS_MANUAL_APPROVAL = "followers.instance.manualApproval";
    public static final String OAUTH_CLIENT_ID = "oauth.clientId";
    public static final String OAUTH_CLIENT_SECRET = "oauth.clientSecret";

    private static final Map<String, String> DEFAULTS = Map.of(
            NAME, "Peerlet",
            SHORT_DESCRIPTION, "A small video place of our own.",
            DESCRIPTION, "",
            TERMS, "",
            SIGNUP_ENABLED, "false");

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

    /** Writes all values in one transaction, then updates memory. */
    public void putAll(Map<String, String> values) {
        db.writeVoid(tx -> values.forEach((k, v) -> tx.insertInto(INSTANCE_SETTINGS).set(INSTANCE_SETTINGS.KEY, k).set(INSTANCE_SETTINGS.VALUE, v)
                .onConflict(INSTANCE_SETTINGS.KEY).doUpdate().set(INSTANCE_SETTINGS.VALUE, v).execute()));
        cache.putAll(new HashMap<>(values));
    }
}

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

    private final Database db;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public InstanceSettings(Database db) {
        this.db = db;
        db.dsl().select(INSTANCE_SETTINGS.KEY, INSTANCE_SETTINGS.VALUE).from(INSTANCE_SETTINGS).forEach(r -> cache.put(r.get(INSTANCE_SETTINGS.KEY), r.get(INSTANCE_SETTINGS.VALUE)));
        if (!cache.containsKey(OAUTH_CLIENT_ID)) {
            putAll(Map.of(OAUTH_CLIENT_ID, Secrets.token(16), OAUTH_CLIENT_SECRET, Secrets.token(24)));
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

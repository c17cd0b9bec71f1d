package org.peerlet.federation.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.http.Json;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ActivityStreams constants and small helpers to read the loose JSON other servers send. */
public final class As {
    public static final String CONTEXT = "https://www.w3.org/ns/activitystreams";
    public static final String SECURITY = "https://w3id.org/security/v1";
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    public static final String CONTENT_TYPE = "application/activity+json";

    private As() {
    }

    public static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    /** The id of a node that is either a string or an object with an {@code id}. */
    public static String id(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.asText();
        if (n.isObject() && n.get("id") != null && n.get("id").isTextual()) return n.get("id").asText();
        if (n.isArray() && n.size() > 0) return id(n.get(0));
        return null;
    }

    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** The {@code type} of a node, or of its first type when it is a list. */
    public static String type(JsonNode n) {
        if (n == null || !n.isObject()) return null;
        JsonNode t = n.get("type");
        if (t == null) return null;
        if (t.isArray()) return t.size() == 0 ? null : t.get(0).asText();
        return t.asText();
    }

    /** Ids in a field that may be a string, an object or a list of either. */
    public static List<String> ids(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) {
            for (JsonNode x : n) {
                String id = id(x);
                if (id != null) out.add(id);
            }
        } else {
            String id = id(n);
            if (id != null) out.add(id);
        }
        return out;
    }

    /** host[:port] of a URL, lower case; null if it is not an absolute http(s) URL. */
    public static String host(String url) {
        if (url == null) return null;
        try {
            URI u = URI.create(url);
            if (u.getHost() == null || u.getScheme() == null) return null;
            String s = u.getScheme().toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https")) return null;
            int port = u.getPort();
            boolean standard = port == -1 || (port == 443 && s.equals("https")) || (port == 80 && s.equals("http"));
            String h = u.getHost().toLowerCase(Locale.ROOT);
            return standard ? h : h + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static boolean sameHost(String a, String b) {
        String ha = host(a);
        return ha != null && ha.equals(host(b));
    }
}

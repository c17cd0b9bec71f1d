package org.peerlet.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a request body, whether the client sent JSON, a form or multipart, as
 * PeerTube accepts all three. Wrong types answer 400 naming the field.
 */
public final class Body {

    private final JsonNode json;
    private final Map<String, List<String>> form;

    private Body(JsonNode json, Map<String, List<String>> form) {
        this.json = json;
        this.form = form;
    }

    public static Body of(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        if (type.startsWith("multipart/form-data")) return new Body(null, ctx.formParamMap());
        // Read into memory: refused here rather than by Javalin, which would log a warning each time.
        if (ctx.req().getContentLengthLong() > HttpServer.MAX_BODY_BYTES) throw ApiError.tooLarge(HttpServer.TOO_LARGE);
        if (type.startsWith("application/x-www-form-urlencoded")) return new Body(null, ctx.formParamMap());
        String text = ctx.body();
        if (text.isBlank()) return new Body(Json.MAPPER.createObjectNode(), Map.of());
        JsonNode node = Json.read(text);
        if (!node.isObject()) throw ApiError.badRequest("the body must be a JSON object");
        return new Body(node, Map.of());
    }

    public static Body ofJson(JsonNode node) {
        return new Body(node, Map.of());
    }

    public boolean has(String name) {
        if (json != null) return json.has(name);
        return form.containsKey(name) || form.containsKey(name + "[]");
    }

    public Optional<String> text(String name) {
        if (json != null) {
            JsonNode n = json.get(name);
            if (n == null || n.isNull()) return Optional.empty();
            if (n.isContainerNode()) throw ApiError.badField(name, name + " must be a string");
            return Optional.of(n.asText());
        }
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public String required(String name) {
        return text(name).filter(s -> !s.isEmpty())
                .orElseThrow(() -> ApiError.badField(name, name + " is required"));
    }

    public Optional<Long> number(String name) {
        if (json != null) {
            JsonNode n = json.get(name);
            if (n == null || n.isNull()) return Optional.empty();
            if (n.isIntegralNumber()) return Optional.of(n.asLong());
            if (!n.isTextual()) throw ApiError.badField(name, name + " must be a whole number");
        }
        return text(name).filter(s -> !s.isEmpty()).map(s -> {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw ApiError.badField(name, name + " must be a whole number");
            }
        });
    }

    public Optional<Integer> integer(String name) {
        return number(name).map(v -> {
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) throw ApiError.badField(name, name + " is out of range");
            return v.intValue();
        });
    }

    public Optional<Boolean> bool(String name) {
        if (json != null) {
            JsonNode n = json.get(name);
            if (n == null || n.isNull()) return Optional.empty();
            if (n.isBoolean()) return Optional.of(n.asBoolean());
            if (!n.isTextual()) throw ApiError.badField(name, name + " must be true or false");
        }
        return text(name).filter(s -> !s.isEmpty()).map(s -> switch (s.toLowerCase()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiError.badField(name, name + " must be true or false");
        });
    }

    /** A list of strings: a JSON array, or repeated form fields {@code name[]} / {@code name}. */
    public Optional<List<String>> list(String name) {
        if (json != null) {
            JsonNode n = json.get(name);
            if (n == null || n.isNull()) return Optional.empty();
            if (!n.isArray()) throw ApiError.badField(name, name + " must be an array");
            List<String> out = new ArrayList<>();
            for (JsonNode item : n) {
                if (item.isContainerNode()) throw ApiError.badField(name, name + " must be an array of strings");
                out.add(item.asText());
            }
            return Optional.of(out);
        }
        List<String> v = form.get(name + "[]");
        if (v == null) v = form.get(name);
        return Optional.ofNullable(v).map(List::copyOf);
    }

    /** The whole JSON object (empty for forms). */
    public JsonNode raw() {
        return json == null ? Json.MAPPER.createObjectNode() : json;
    }

    public Optional<JsonNode> node(String name) {
        return json == null ? Optional.empty() : Optional.ofNullable(json.get(name)).filter(n -> !n.isNull());
    }
}

package org.peerlet.federation.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.common.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PeerTube's {@code Playlist} object: an ordered collection whose pages list the addresses of its
 * {@code PlaylistElement}s, each pointing to a video by its ActivityPub id. Built and read here.
 */
public final class PlaylistObjects {
    /** Elements per page, as PeerTube pages its collections. */
    public static final int PAGE_SIZE = 10;

    private PlaylistObjects() {
    }

    /** What the head of a Playlist says about itself. */
    public record Head(String url, String uuid, String name, String description, String channelUrl,
                       String iconUrl, int totalItems, long published, long updated, boolean isPublic) {
    }

    /** One element as its origin describes it. */
    public record Element(String url, String videoUrl, int position, Integer startTimestamp, Integer stopTimestamp) {
    }

    public static ObjectNode head(Head h) {
        ObjectNode o = As.object();
        o.putArray("@context").add(As.CONTEXT);
        o.put("id", h.url());
        o.put("type", "Playlist");
        o.put("name", h.name());
        if (h.description() != null) o.put("content", h.description());
        o.put("mediaType", "text/markdown");
        o.put("uuid", h.uuid());
        o.put("totalItems", h.totalItems());
        o.putArray("attributedTo").add(h.channelUrl());
        if (h.iconUrl() != null) {
            o.putObject("icon").put("type", "Image").put("url", h.iconUrl()).put("mediaType", "image/jpeg")
                    .put("width", 280).put("height", 157);
        }
        o.put("published", Times.iso(h.published()));
        o.put("updated", Times.iso(h.updated()));
        o.put("videoChannelPosition", 0);
        o.put("first", h.url() + "?page=1");
        ArrayNode to = o.putArray("to");
        if (h.isPublic()) to.add(As.PUBLIC);
        return o;
    }

    /** Page {@code page} (from 1) of the element addresses. */
    public static ObjectNode page(String playlistUrl, int page, List<String> all) {
        ObjectNode o = As.object();
        o.putArray("@context").add(As.CONTEXT);
        o.put("id", playlistUrl + "?page=" + page);
        o.put("type", "OrderedCollectionPage");
        o.put("partOf", playlistUrl);
        o.put("totalItems", all.size());
        int from = Math.min(all.size(), (page - 1) * PAGE_SIZE);
        int to = Math.min(all.size(), from + PAGE_SIZE);
        if (page > 1) o.put("prev", playlistUrl + "?page=" + (page - 1));
        if (to < all.size()) o.put("next", playlistUrl + "?page=" + (page + 1));
        ArrayNode items = o.putArray("orderedItems");
        all.subList(from, to).forEach(items::add);
        return o;
    }

    public static ObjectNode element(Element e) {
        ObjectNode o = As.object();
        o.putArray("@context").add(As.CONTEXT);
        o.put("id", e.url());
        o.put("type", "PlaylistElement");
        o.put("url", e.videoUrl());
        o.put("position", e.position());
        if (e.startTimestamp() != null) o.put("startTimestamp", e.startTimestamp());
        if (e.stopTimestamp() != null) o.put("stopTimestamp", e.stopTimestamp());
        return o;
    }

    /** Reads a Playlist's head. @throws IllegalArgumentException if it is not a usable one */
    public static Head parseHead(JsonNode o) {
        if (!"Playlist".equals(As.type(o))) throw new IllegalArgumentException("not a Playlist");
        String url = As.text(o, "id");
        String uuid = As.text(o, "uuid");
        String name = As.text(o, "name");
        if (url == null || uuid == null || !uuid.matches("[0-9a-fA-F-]{36}") || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a Playlist needs an id, a uuid and a name");
        }
        String channel = null;
        for (String a : As.ids(o.get("attributedTo"))) if (channel == null && As.sameHost(a, url)) channel = a;
        if (channel == null) throw new IllegalArgumentException("the Playlist names no channel of its own host");
        String content = As.text(o, "content");
        boolean isPublic = As.ids(o.get("to")).contains(As.PUBLIC) || As.ids(o.get("cc")).contains(As.PUBLIC);
        return new Head(url, uuid.toLowerCase(), clip(name.strip(), 120), content == null ? null : clip(content, 1000),
                channel, null, o.path("totalItems").asInt(0), time(o, "published"), time(o, "updated"), isPublic);
    }

    /** The items of a collection page: addresses, or embedded objects' ids. */
    public static List<JsonNode> items(JsonNode page) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode items = page.has("orderedItems") ? page.get("orderedItems") : page.path("items");
        if (items.isArray()) items.forEach(out::add);
        return out;
    }

    /** Reads one PlaylistElement. @throws IllegalArgumentException if it is not one */
    public static Element parseElement(JsonNode o) {
        if (!"PlaylistElement".equals(As.type(o))) throw new IllegalArgumentException("not a PlaylistElement");
        String video = As.id(o.get("url"));
        if (video == null) throw new IllegalArgumentException("a PlaylistElement needs the url of its video");
        return new Element(As.text(o, "id"), video, o.path("position").asInt(0), seconds(o, "startTimestamp"),
                seconds(o, "stopTimestamp"));
    }

    private static Integer seconds(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n != null && n.canConvertToInt() && n.asInt() >= 0 ? n.asInt() : null;
    }

    private static long time(JsonNode o, String field) {
        try {
            return Instant.parse(As.text(o, field)).toEpochMilli();
        } catch (RuntimeException e) {
            return System.currentTimeMillis();
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

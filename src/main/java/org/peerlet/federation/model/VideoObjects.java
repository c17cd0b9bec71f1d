package org.peerlet.federation.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.common.Times;
import org.peerlet.video.Ladder;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.VideoConstants;
import org.peerlet.video.VideoJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Videos as ActivityPub {@code Video} objects, in PeerTube's shape, and back.
 *
 * <p>Deliberate differences from PeerTube: the HLS link's {@code tag} list holds one
 * {@code application/x-mpegURL} link per variant playlist (with height, width, fps, size) where
 * PeerTube lists fragmented MP4 files ({@code video/mp4}); there are no web-video MP4 files. Each
 * local rung's torrent, magnet, info-hash and metadata are in that list as PeerTube puts them
 * ({@link #addFileLinks}).
 */
public final class VideoObjects {

    /** What we keep of a remote video: its ladder has the origin's folder as {@code base}. */
    public record Remote(String url, String uuid, String name, String description, int duration, boolean nsfw,
                         boolean commentsEnabled, boolean downloadEnabled, Long published, Integer category,
                         Integer licence, String language, List<String> tags, Privacy privacy,
                         List<String> attributedTo, Ladder ladder, String playlistUrl) {
    }

    private VideoObjects() {
    }

    /**
     * The object for a local video.
     *
     * @param hlsBase the absolute folder of its HLS files
     * @param accountUrl, channelUrl its Person and Group
     */
    /** The WebSocket tracker of the instance an object id belongs to. */
    static String trackerUrl(String objectUrl) {
        java.net.URI u = java.net.URI.create(objectUrl);
        String scheme = "https".equals(u.getScheme()) ? "wss" : "ws";
        return scheme + "://" + u.getRawAuthority() + "/tracker/socket";
    }

    /** PeerTube's tracker link: {@code rel: ["tracker", "websocket"]}, or its name. */
    static boolean isTrackerLink(JsonNode link) {
        if ("tracker-websocket".equals(As.text(link, "name"))) return true;
        boolean tracker = false;
        boolean websocket = false;
        for (JsonNode r : link.path("rel")) {
            tracker |= "tracker".equals(r.asText());
            websocket |= "websocket".equals(r.asText());
        }
        String href = As.text(link, "href");
        return tracker && websocket && href != null && (href.startsWith("ws://") || href.startsWith("wss://"));
    }

    public static ObjectNode toObject(Video v, List<String> tags, String url, String watchUrl, String hlsBase,
                                      String accountUrl, String channelUrl, String thumbnailUrl) {
        ObjectNode o = As.object();
        o.put("type", "Video");
        o.put("id", url);
        o.put("name", v.name());
        o.put("duration", "PT" + v.duration() + "S");
        o.put("uuid", v.uuid());
        ArrayNode tagList = o.putArray("tag");
        for (String t : tags) tagList.addObject().put("type", "Hashtag").put("name", t);
        if (v.category() != null) {
            o.putObject("category").put("identifier", String.valueOf(v.category()))
                    .put("name", VideoConstants.CATEGORIES.getOrDefault(v.category(), "Unknown"));
        }
        if (v.licence() != null) {
            o.putObject("licence").put("identifier", String.valueOf(v.licence()))
                    .put("name", VideoConstants.LICENCES.getOrDefault(v.licence(), "Unknown"));
        }
        if (v.language() != null) {
            o.putObject("language").put("identifier", v.language())
                    .put("name", VideoConstants.LANGUAGES.getOrDefault(v.language(), "Unknown"));
        }
        o.put("views", v.views());
        o.put("sensitive", v.nsfw());
        o.put("waitTranscoding", v.waitTranscoding());
        o.put("state", v.state().id);
        o.put("commentsEnabled", v.commentsPolicy() == 1);
        o.put("downloadEnabled", v.downloadEnabled());
        o.put("published", Times.iso(v.publishedAt()));
        o.put("originallyPublishedAt", Times.isoOrNull(v.originallyPublishedAt()));
        o.put("updated", Times.iso(v.updatedAt()));
        o.put("mediaType", "text/markdown");
        o.put("content", v.description());
        o.put("support", v.support());
        o.putArray("subtitleLanguage");
        ArrayNode icon = o.putArray("icon");
        if (thumbnailUrl != null) icon.addObject().put("type", "Image").put("url", thumbnailUrl).put("mediaType", "image/jpeg");
        ArrayNode links = o.putArray("url");
        links.addObject().put("type", "Link").put("mediaType", "text/html").put("href", watchUrl);
        if (v.ladder() != null) hlsLinks(links, v.ladder(), hlsBase, url);
        o.put("likes", url + "/likes");
        o.put("dislikes", url + "/dislikes");
        o.put("shares", url + "/announces");
        o.put("comments", url + "/comments");
        ArrayNode attributed = o.putArray("attributedTo");
        attributed.addObject().put("type", "Person").put("id", accountUrl);
        attributed.addObject().put("type", "Group").put("id", channelUrl);
        ArrayNode to = o.putArray("to");
        ArrayNode cc = o.putArray("cc");
        if (v.privacy() == Privacy.PUBLIC) {
            to.add(As.PUBLIC);
            cc.add(accountUrl + "/followers");
        } else {
            to.add(accountUrl + "/followers");
            cc.add(As.PUBLIC);
        }
        o.put("isLiveBroadcast", false);
        return o;
    }

    /** The HLS link with its hash list and rungs, and our tracker's link. */
    private static void hlsLinks(ArrayNode links, Ladder ladder, String hlsBase, String url) {
        ObjectNode h = links.addObject();
        h.put("type", "Link").put("mediaType", "application/x-mpegURL").put("href", hlsBase + ladder.master());
        ArrayNode tag = h.putArray("tag");
        if (ladder.sha256() != null) {
            tag.addObject().put("type", "Link").put("name", "sha256").put("mediaType", "application/json")
                    .put("href", hlsBase + ladder.sha256());
        }
        for (Ladder.Rung r : ladder.rungs()) {
            tag.addObject().put("type", "Link").put("mediaType", "application/x-mpegURL")
                    .put("href", hlsBase + r.playlist())
                    .put("height", r.height()).put("width", r.width())
                    .put("size", r.size()).put("fps", r.fps())
                    .put("bandwidth", r.bandwidth());
        }
        // Our tracker, so other instances' players find this video's peers where it lives.
        ObjectNode tracker = links.addObject();
        tracker.put("type", "Link").put("name", "tracker-websocket").put("href", trackerUrl(url));
        tracker.putArray("rel").add("tracker").add("websocket");
    }

    /**
     * Adds to the HLS link's {@code tag} list what each local rung's file offers, as PeerTube
     * lists them: an {@code Infohash}, the metadata link ({@code rel: ["metadata", "video/mp4"]}),
     * the {@code .torrent} ({@code application/x-bittorrent}) and the magnet, so any client that
     * reads the object can fetch the video over BitTorrent.
     */
    public static void addFileLinks(ObjectNode o, List<VideoJson.FileLinks> files) {
        ObjectNode hls = null;
        for (JsonNode link : o.path("url")) {
            if ("application/x-mpegURL".equals(As.text(link, "mediaType"))) hls = (ObjectNode) link;
        }
        if (hls == null) return;
        ArrayNode tag = hls.withArray("tag");
        for (VideoJson.FileLinks f : files) {
            if (f.infoHash() != null) tag.addObject().put("type", "Infohash").put("name", f.infoHash());
            ObjectNode meta = sized(tag.addObject().put("type", "Link"), f);
            meta.putArray("rel").add("metadata").add("video/mp4");
            meta.put("mediaType", "application/json").put("href", f.metadataUrl());
            if (f.torrentUrl() == null) continue;
            sized(tag.addObject().put("type", "Link").put("mediaType", "application/x-bittorrent").put("href", f.torrentUrl()), f);
            sized(tag.addObject().put("type", "Link").put("mediaType", "application/x-bittorrent;x-scheme-handler/magnet")
                    .put("href", f.magnetUri()), f);
        }
    }

    private static ObjectNode sized(ObjectNode link, VideoJson.FileLinks f) {
        return link.put("height", f.height()).put("width", f.width()).put("fps", f.fps());
    }

    /**
     * Reads a remote {@code Video}; refuses one without an id, uuid, name or HLS playlist.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public static Remote parse(JsonNode o) {
        String url = As.text(o, "id");
        String uuid = As.text(o, "uuid");
        String name = As.text(o, "name");
        if (url == null || uuid == null || name == null || !uuid.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("a Video needs id, uuid and name");
        }
        int duration = 0;
        try {
            duration = (int) Duration.parse(As.text(o, "duration")).toSeconds();
        } catch (RuntimeException ignored) {
            // duration stays 0
        }
        Ladder ladder = ladderOf(o, url);

        List<String> tags = new ArrayList<>();
        for (JsonNode t : o.path("tag")) {
            String n = As.text(t, "name");
            if (n != null && tags.size() < 5) tags.add(n.startsWith("#") ? n.substring(1) : n);
        }
        Privacy privacy = isPublic(As.ids(o.get("to"))) ? Privacy.PUBLIC
                : isPublic(As.ids(o.get("cc"))) ? Privacy.UNLISTED : Privacy.PRIVATE;
        Long published = null;
        try {
            published = Instant.parse(As.text(o, "published")).toEpochMilli();
        } catch (RuntimeException ignored) {
            // unknown
        }
        String description = As.text(o, "content");
        if (description != null && description.length() > 10_000) description = description.substring(0, 10_000);
        return new Remote(url, uuid.toLowerCase(), trim(name, 120), description, duration,
                o.path("sensitive").asBoolean(false), o.path("commentsEnabled").asBoolean(true),
                o.path("downloadEnabled").asBoolean(true), published, intOrNull(As.text(o.path("category"), "identifier")),
                intOrNull(As.text(o.path("licence"), "identifier")), As.text(o.path("language"), "identifier"),
                tags, privacy, As.ids(o.get("attributedTo")), ladder, ladder.base() + ladder.master());
    }

    /** The ladder of a remote Video's first HLS link, with its files relative to the playlist's folder. */
    private static Ladder ladderOf(JsonNode o, String url) {
        String playlist = null;
        String sha = null;
        String tracker = null;
        List<Ladder.Rung> rungs = new ArrayList<>();
        for (JsonNode link : o.path("url")) {
            String mt = As.text(link, "mediaType");
            // ws:// and wss:// stand for http:// and https:// of the same host: only the video's own.
            if (isTrackerLink(link) && tracker == null
                    && As.sameHost(As.text(link, "href").replaceFirst("^ws", "http"), url)) {
                tracker = As.text(link, "href");
                continue;
            }
            if (!"application/x-mpegURL".equalsIgnoreCase(mt) || playlist != null) continue;
            playlist = As.text(link, "href");
            for (JsonNode t : link.path("tag")) {
                String tmt = As.text(t, "mediaType");
                String href = As.text(t, "href");
                if (href == null || !As.sameHost(href, url)) continue;
                if ("sha256".equals(As.text(t, "name"))) {
                    sha = href;
                } else if (t.has("height") && ("application/x-mpegURL".equalsIgnoreCase(tmt) || "video/mp4".equalsIgnoreCase(tmt))) {
                    int height = t.path("height").asInt();
                    rungs.add(new Ladder.Rung(height, t.has("width") ? t.get("width").asInt() : height * 16 / 9,
                            t.path("fps").asDouble(), t.path("bandwidth").asLong(), t.path("size").asLong(), href,
                            null, null));
                }
            }
        }
        if (playlist == null || !As.sameHost(playlist, url)) throw new IllegalArgumentException("the Video has no HLS playlist of its own host");
        int slash = playlist.lastIndexOf('/');
        String base = playlist.substring(0, slash + 1);
        List<Ladder.Rung> relativeRungs = rungs.stream()
                .sorted(java.util.Comparator.comparingInt(Ladder.Rung::height))
                .map(r -> new Ladder.Rung(r.height(), r.width(), r.fps(), r.bandwidth(), r.size(),
                        relative(base, r.playlist()), null, null))
                .toList();
        return Ladder.remote(base, playlist.substring(slash + 1), sha == null ? null : relative(base, sha),
                relativeRungs, tracker);
    }

    private static boolean isPublic(List<String> audience) {
        return audience.contains(As.PUBLIC) || audience.contains("as:Public") || audience.contains("Public");
    }

    /** True for a Video addressed to named actors only: no Public in to or cc. */
    public static boolean isRestricted(JsonNode o) {
        return !isPublic(As.ids(o.get("to"))) && !isPublic(As.ids(o.get("cc")));
    }

    private static String relative(String base, String href) {
        return href.startsWith(base) ? href.substring(base.length()) : href;
    }

    private static Integer intOrNull(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}

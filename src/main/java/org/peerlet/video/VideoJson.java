package org.peerlet.video;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.account.AccountJson;
import org.peerlet.channel.ChannelJson;
import org.peerlet.common.Markdown;
import org.peerlet.common.Times;
import org.peerlet.http.Json;
import org.peerlet.instance.Urls;
import org.peerlet.media.Images;
import org.peerlet.media.TorrentFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Videos as PeerTube's API shows them: a short form for lists, a full form for one video. */
public final class VideoJson {
    /** PeerTube's label of resolution 0, a file for an upload without pictures. */
    static final String AUDIO_ONLY = "Audio only";

    private final Urls urls;
    private final String trackerUrl;

    public VideoJson(Urls urls, String trackerUrl) {
        this.urls = urls;
        this.trackerUrl = trackerUrl;
    }

    /** Where the video's HLS files are: here, or for a remote video the origin's folder kept in its ladder. */
    public String hlsBase(Video v) {
        if (!v.isLocal() && v.ladder() != null && v.ladder().base() != null) return v.ladder().base();
        return urls.base() + "/static/streaming-playlists/hls/" + v.uuid() + "/";
    }

    /** The video's master playlist, or null before it has a ladder. */
    public String masterUrl(Video v) {
        return v.ladder() == null ? null : hlsBase(v) + v.ladder().master();
    }

    /** Where viewers find the video's peers: its origin's tracker for a remote video, else ours. */
    private List<String> trackerUrls(Video v) {
        if (!v.isLocal() && v.ladder() != null && v.ladder().tracker() != null) return List.of(v.ladder().tracker());
        return trackerUrl == null ? List.of() : List.of(trackerUrl);
    }

    public Map<String, Object> summary(Video v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("uuid", v.uuid());
        m.put("shortUUID", v.shortUuid());
        m.put("url", urls.video(v.uuid()));
        m.put("name", v.name());
        m.put("category", labelled(v.category(), VideoConstants.CATEGORIES.get(v.category())));
        m.put("licence", labelled(v.licence(), VideoConstants.LICENCES.get(v.licence())));
        m.put("language", labelled(v.language(), VideoConstants.LANGUAGES.get(v.language())));
        m.put("privacy", Map.of("id", v.privacy().id, "label", v.privacy().label));
        m.put("description", truncate(v.description(), 250));
        m.put("truncatedDescription", truncate(v.description(), 250));
        m.put("duration", v.duration());
        m.put("aspectRatio", aspectRatio(v));
        m.put("isLocal", v.isLocal());
        m.put("isLive", false);
        m.put("thumbnailPath", v.hasThumbnail() ? "/lazy-static/thumbnails/" + v.uuid() + ".jpg" : null);
        m.put("previewPath", v.hasPreview() ? "/lazy-static/previews/" + v.uuid() + ".jpg" : null);
        m.put("thumbnails", thumbnails(v));
        m.put("embedPath", "/videos/embed/" + v.uuid());
        m.put("views", v.views());
        m.put("viewers", 0); // no live videos, so no one counted as watching now
        m.put("downloads", 0);
        m.put("likes", v.likes());
        m.put("dislikes", v.dislikes());
        m.put("comments", v.comments());
        m.put("nsfw", v.nsfw());
        m.put("nsfwFlags", 0);
        m.put("nsfwSummary", null);
        // Only its owner and moderators see a blocked video, so only they read why.
        m.put("blacklisted", v.isBlocked());
        m.put("blacklistedReason", v.isBlocked() ? v.block().reason() : null);
        m.put("waitTranscoding", v.waitTranscoding());
        m.put("state", Map.of("id", v.state().id, "label", v.state().label));
        m.put("createdAt", Times.iso(v.createdAt()));
        m.put("updatedAt", Times.iso(v.updatedAt()));
        m.put("publishedAt", Times.iso(v.publishedAt()));
        m.put("originallyPublishedAt", Times.isoOrNull(v.originallyPublishedAt()));
        m.put("account", summaryAccount(v));
        m.put("channel", ChannelJson.summary(v.channel(), urls));
        return m;
    }

    /** PeerTube 8's list of the video's images: the small one for lists, the large one for the player. */
    private static List<Map<String, Object>> thumbnails(Video v) {
        List<Map<String, Object>> t = new ArrayList<>();
        if (v.hasThumbnail()) t.add(image(Images.THUMBNAIL_WIDTH, Images.THUMBNAIL_HEIGHT, "/lazy-static/thumbnails/" + v.uuid() + ".jpg"));
        if (v.hasPreview()) t.add(image(Images.PREVIEW_WIDTH, Images.PREVIEW_HEIGHT, "/lazy-static/previews/" + v.uuid() + ".jpg"));
        return t;
    }

    private static Map<String, Object> image(int width, int height, String path) {
        return Map.of("width", width, "height", height, "aspectRatio", "16:9", "fileUrl", path);
    }

    public Map<String, Object> details(Video v, List<String> tags) {
        Map<String, Object> m = summary(v);
        m.put("description", v.description());
        // The raw Markdown stays in description (as PeerTube has it); this is it rendered safely.
        m.put("descriptionHtml", Markdown.toHtml(v.description()));
        m.put("descriptionPath", "/api/v1/videos/" + v.uuid() + "/description");
        m.put("support", v.support());
        m.put("tags", tags);
        m.put("commentsEnabled", v.commentsPolicy() == 1);
        m.put("commentsPolicy", Map.of("id", v.commentsPolicy(), "label", switch (v.commentsPolicy()) {
            case 1 -> "Enabled";
            case 3 -> "Requires approval";
            default -> "Disabled";
        }));
        m.put("downloadEnabled", v.downloadEnabled());
        m.put("channel", ChannelJson.channel(v.channel(), v.account(), urls));
        m.put("account", AccountJson.account(v.account(), urls));
        m.put("trackerUrls", trackerUrls(v));
        m.put("inputFileUpdatedAt", null);
        m.put("embedPrivacyPolicy", Map.of("id", 1, "label", "All allowed"));
        List<Map<String, Object>> rungs = rungFiles(v);
        m.put("files", webVideoFiles(v, rungs));
        m.put("streamingPlaylists", streamingPlaylists(v, rungs));
        return m;
    }

    /**
     * The rungs' files as PeerTube describes an HLS playlist's files. Each local rung is also one
     * MP4 (its download) with a torrent whose web seed is that download; a remote video's files
     * are its origin's business.
     */
    private List<Map<String, Object>> rungFiles(Video v) {
        if (v.ladder() == null) return List.of();
        String base = hlsBase(v);
        boolean audioOnly = audioOnly(v);
        List<Map<String, Object>> files = new ArrayList<>();
        for (Ladder.Rung r : v.ladder().rungs()) {
            int resolution = r.resolution(); // PeerTube's: the shorter side, so portrait 720x1280 is 720p
            FileLinks links = links(v, r);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", fileId(v, r));
            // An upload without pictures plays over a still one: PeerTube's resolution 0, "Audio only".
            f.put("resolution", audioOnly ? Map.of("id", 0, "label", AUDIO_ONLY) : Map.of("id", resolution, "label", resolution + "p"));
            f.put("width", r.width());
            f.put("height", r.height());
            f.put("size", r.size());
            f.put("fps", r.fps());
            f.put("bandwidth", r.bandwidth());
            f.put("playlistUrl", Ladder.at(base, r.playlist()));
            f.put("fileUrl", Ladder.at(base, r.playlist()));
            // Ours only: a remote video's files are downloaded from its origin, if at all.
            f.put("fileDownloadUrl", v.isLocal() ? urls.download(v.uuid(), resolution) : null);
            f.put("torrentUrl", links.torrentUrl());
            f.put("torrentDownloadUrl", links.torrentUrl() == null ? null : urls.torrentDownload(v.uuid(), resolution));
            f.put("magnetUri", links.magnetUri());
            f.put("metadataUrl", links.metadataUrl());
            f.put("hasAudio", hasAudio(v));
            f.put("hasVideo", true);
            f.put("storage", 0); // the file system
            files.add(f);
        }
        return files;
    }

    /** PeerTube's id of a rung's file: unique per video and rung, stable while the ladder is. */
    public static long fileId(Video v, Ladder.Rung r) {
        return v.id() * 10_000 + r.resolution();
    }

    /**
     * What a local rung's file offers beside its playlist, as PeerTube's API and ActivityPub
     * objects name them: its ffprobe-like metadata, its torrent and magnet (null until the
     * torrent is made, and for another server's video).
     */
    public record FileLinks(int width, int height, double fps, String infoHash, String metadataUrl,
                            String torrentUrl, String magnetUri) {
    }

    private FileLinks links(Video v, Ladder.Rung r) {
        if (!v.isLocal()) return new FileLinks(r.width(), r.height(), r.fps(), null, null, null, null);
        int resolution = r.resolution();
        boolean torrent = r.infoHash() != null;
        return new FileLinks(r.width(), r.height(), r.fps(), r.infoHash(),
                urls.base() + "/api/v1/videos/" + v.uuid() + "/metadata/" + fileId(v, r),
                torrent ? urls.torrent(v.uuid(), resolution) : null,
                torrent ? TorrentFiles.magnet(r.infoHash(), v.name(), trackerUrl, urls.download(v.uuid(), resolution),
                        urls.torrent(v.uuid(), resolution)) : null);
    }

    /** The links of each rung of a local video, for its ActivityPub object. */
    public List<FileLinks> fileLinks(Video v) {
        if (!v.isLocal() || v.ladder() == null) return List.of();
        return v.ladder().rungs().stream().map(r -> links(v, r)).toList();
    }

    /**
     * PeerTube's "web video" files: single files to play or fetch whole. A local rung's download
     * is one, so they are listed here too (PeerTube's CLI waits for the first one's torrent). Until
     * then, as PeerTube shows the uploaded file while it transcodes, the upload as probed: not
     * served, so without addresses.
     */
    private List<Map<String, Object>> webVideoFiles(Video v, List<Map<String, Object>> rungs) {
        if (!v.isLocal()) return List.of();
        if (v.state() != VideoState.TO_TRANSCODE || v.probe() == null) {
            List<Map<String, Object>> files = new ArrayList<>();
            for (Map<String, Object> r : rungs) {
                Map<String, Object> f = new LinkedHashMap<>(r);
                f.remove("playlistUrl");
                f.remove("bandwidth");
                f.put("fileUrl", r.get("fileDownloadUrl"));
                files.add(0, f); // best first, as PeerTube lists them
            }
            return files;
        }
        JsonNode p = Json.read(v.probe());
        int width = p.path("displayWidth").asInt(), height = p.path("displayHeight").asInt();
        int resolution = Math.min(width, height);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", v.id() * 10_000);
        f.put("resolution", Map.of("id", resolution, "label", resolution > 0 ? resolution + "p" : AUDIO_ONLY));
        f.put("width", width);
        f.put("height", height);
        f.put("size", v.originalSize());
        f.put("fps", p.path("fps").asDouble());
        for (String k : List.of("fileUrl", "fileDownloadUrl", "torrentUrl", "torrentDownloadUrl", "magnetUri", "metadataUrl")) {
            f.put(k, null);
        }
        f.put("hasAudio", p.path("hasAudio").asBoolean(true));
        f.put("hasVideo", p.path("hasVideo").asBoolean(true));
        f.put("storage", 0);
        return List.of(f);
    }

    private List<Object> streamingPlaylists(Video v, List<Map<String, Object>> files) {
        Ladder ladder = v.ladder();
        if (ladder == null) return List.of();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", v.id());
        p.put("type", 1);
        p.put("playlistUrl", masterUrl(v));
        p.put("segmentsSha256Url", ladder.sha256() == null ? null : Ladder.at(hlsBase(v), ladder.sha256()));
        p.put("files", files);
        p.put("redundancies", List.of());
        return List.of(p);
    }

    /** A remote video's sound is its origin's business; ours is as probed at upload. */
    /** An upload that had no video stream (published over a still picture). */
    static boolean audioOnly(Video v) {
        return v.probe() != null && !Json.read(v.probe()).path("hasVideo").asBoolean(true);
    }

    static boolean hasAudio(Video v) {
        return v.probe() == null || Json.read(v.probe()).path("hasAudio").asBoolean(true);
    }

    private Map<String, Object> summaryAccount(Video v) {
        return AccountJson.summary(v.account(), urls);
    }

    private static Double aspectRatio(Video v) {
        Ladder.Rung top = v.ladder() == null ? null : v.ladder().top();
        if (top == null) return null;
        return Math.round((double) top.width() / top.height() * 10000) / 10000.0;
    }

    private static Map<String, Object> labelled(Object id, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("label", label == null ? "Unknown" : label);
        return m;
    }

    private static String truncate(String s, int max) {
        if (s == null || s.length() <= max) return s;
        return s.substring(0, max - 3) + "...";
    }
}

package org.peerlet.torrent;

import org.peerlet.media.TorrentFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peerlet.common.Events;
import org.peerlet.http.Json;
import org.peerlet.media.MediaLayout;
import org.peerlet.media.MediaPlaylist;
import org.peerlet.media.RungHasher;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Torrents for the videos published before Peerlet made them: once, at start, in the background,
 * each rung's files read once. A video's torrents appear in its JSON when its rungs are done;
 * until then its torrentUrl is null, as for any video without one.
 */
public final class TorrentBackfill {
    private static final Logger LOG = LoggerFactory.getLogger("torrents");

    private final VideoService videos;
    private final MediaLayout media;
    private final Events events;
    private volatile boolean stopping;

    /** States {@link TorrentEvents.Made} for each video given its torrents. */
    public TorrentBackfill(VideoService videos, MediaLayout media, Events events) {
        this.videos = videos;
        this.media = media;
        this.events = events;
    }

    /** Starts a low-priority thread over {@code published} if any of them lacks torrents. */
    public void startFor(List<Video> published) {
        List<Video> todo = published.stream().filter(TorrentBackfill::lacksTorrents).toList();
        if (todo.isEmpty()) return;
        Thread t = new Thread(() -> run(todo), "torrent-backfill");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    public void stop() {
        stopping = true;
    }

    static boolean lacksTorrents(Video v) {
        if (!v.isLocal() || v.hls() == null) return false;
        for (JsonNode r : Json.read(v.hls()).get("rungs")) if (!r.hasNonNull("infoHash")) return true;
        return false;
    }

    private void run(List<Video> todo) {
        long started = System.nanoTime();
        int done = 0;
        for (Video v : todo) {
            if (stopping) return;
            try {
                if (backfill(v)) done++;
            } catch (IOException | RuntimeException e) {
                if (stopping) return;
                LOG.warn("no torrents for video {}: {}", v.uuid(), e.toString());
            }
        }
        LOG.info("torrents made for {} video(s) published before, in {} ms", done, (System.nanoTime() - started) / 1_000_000);
    }

    /** Hashes each rung that lacks a torrent and records it, unless the ladder changed meanwhile. */
    boolean backfill(Video v) throws IOException {
        ObjectNode ladder = (ObjectNode) Json.read(v.hls());
        Path dir = media.hlsDir(v.uuid());
        for (JsonNode r : ladder.get("rungs")) {
            if (r.hasNonNull("infoHash")) continue;
            int resolution = Math.min(r.get("width").asInt(), r.get("height").asInt());
            Path infoFile = dir.resolve(TorrentFiles.infoFile(resolution));
            byte[] info;
            if (Files.isRegularFile(infoFile)) {
                info = Files.readAllBytes(infoFile);
            } else {
                MediaPlaylist playlist = MediaPlaylist.read(dir.resolve(r.get("playlist").asText()));
                info = TorrentFiles.info(v.name(), resolution, RungHasher.hash(dir, playlist).pieces());
                if (!createOnce(dir, infoFile, info)) return false; // a new ladder was published meanwhile
            }
            ((ObjectNode) r).put("infoHash", TorrentFiles.infoHash(info));
        }
        String updated = Json.write(ladder);
        boolean saved = videos.replaceLadder(v.id(), v.hls(), updated);
        if (saved) events.publish(new TorrentEvents.Made(v.id()));
        return saved;
    }

    /** Writes the file only if there is none: a publish that raced us has written its own, which wins. */
    private static boolean createOnce(Path dir, Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, ".torrent-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target); // without REPLACE_EXISTING: refused if there is one
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

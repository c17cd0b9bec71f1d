package org.peerlet.video;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.peerlet.http.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A published video's HLS ladder: what the database keeps of it, enough to describe its files as
 * PeerTube does. A local ladder names its files relative to our HLS folder of the video; a remote
 * one also keeps the origin's folder ({@code base}) and its origin's tracker.
 *
 * <p>Stored as JSON in {@code videos.hls}, with the keys earlier versions wrote (which keys a
 * ladder has tells local from remote), so databases written before this record read as they are.
 * {@link #fromJson} and {@link #toJson} are the one mapping.
 *
 * @param base      remote only: the absolute folder of the origin's HLS files
 * @param master    the master playlist's file name (under the folder)
 * @param sha256    the segments' SHA-256 list, a file name or an absolute URL; null if none
 * @param rungs     lowest first
 * @param tracker   remote only: the origin's WebSocket tracker, if it named one
 * @param truncated local only: less decoded than the source's header promised
 * @param warnings  local only: what the transcode noticed
 * @param storyboard local only: the seek bar's preview sheet in the folder, if one was made
 */
public record Ladder(@JsonInclude(JsonInclude.Include.NON_NULL) String base,
                     String master,
                     String sha256,
                     List<Rung> rungs,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String tracker,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Boolean truncated,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<String> warnings,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Storyboard storyboard) {

    public Ladder {
        rungs = rungs == null ? List.of() : List.copyOf(rungs);
        warnings = warnings == null ? null : List.copyOf(warnings);
    }

    /**
     * One rendition.
     *
     * @param bandwidth peak bit rate in bits/s
     * @param size      bytes of its files
     * @param playlist  its media playlist, a file name or an absolute URL
     * @param codecs    local only: RFC 6381 codecs
     * @param infoHash  local only: its torrent's info-hash in hex; null until one is made
     */
    public record Rung(int height, int width, double fps, long bandwidth, long size, String playlist,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String codecs,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String infoHash) {

        /** The shorter side, as PeerTube names a resolution: 720 for 1280x720 and for 720x1280. */
        public int resolution() {
            return Math.min(width, height);
        }

        public Rung withInfoHash(String hash) {
            return new Rung(height, width, fps, bandwidth, size, playlist, codecs, hash);
        }
    }

    /** Sprites of {@code spriteWidth} x {@code spriteHeight}, one per {@code spriteDuration} seconds, in rows on one JPEG. */
    public record Storyboard(String file, int spriteWidth, int spriteHeight, int totalWidth, int totalHeight, int spriteDuration) {
    }

    /** A ladder we transcoded. */
    public static Ladder local(String master, String sha256, List<Rung> rungs, boolean truncated, List<String> warnings) {
        return new Ladder(null, master, sha256, rungs, null, truncated, warnings, null);
    }

    /** A ladder another server published, its files under {@code base}. */
    public static Ladder remote(String base, String master, String sha256, List<Rung> rungs, String tracker) {
        return new Ladder(base, master, sha256, rungs, tracker, null, null, null);
    }

    /** Where one of its files is: an absolute URL as it is, else under {@code folder}. */
    public static String at(String folder, String file) {
        return file.startsWith("https://") || file.startsWith("http://") ? file : folder + file;
    }

    /** The top rung, or null if there is none. */
    public Rung top() {
        return rungs.isEmpty() ? null : rungs.get(rungs.size() - 1);
    }

    /** The same ladder with these info-hashes (by resolution) on the rungs that had none. */
    public Ladder withInfoHashes(Map<Integer, String> byResolution) {
        List<Rung> out = new ArrayList<>();
        for (Rung r : rungs) {
            out.add(r.infoHash() == null ? r.withInfoHash(byResolution.get(r.resolution())) : r);
        }
        return new Ladder(base, master, sha256, out, tracker, truncated, warnings, storyboard);
    }

    public Ladder withStoryboard(Storyboard sheet) {
        return new Ladder(base, master, sha256, rungs, tracker, truncated, warnings, sheet);
    }

    /** Reads the stored JSON (null reads as null). */
    static Ladder fromJson(String json) {
        if (json == null) return null;
        try {
            return Json.MAPPER.readValue(json, Ladder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ladder: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON to store (null writes as null). */
    static String toJson(Ladder ladder) {
        return ladder == null ? null : Json.write(ladder);
    }
}

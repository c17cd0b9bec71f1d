package org.peerlet.video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PeerTube's video file metadata ({@code metadataUrl}): what ffprobe says of a file, as streams,
 * format and chapters. Ours is written from what the transcoder recorded of each rung (size,
 * frame, rate, codecs, duration), not by probing the file again: the same fields, no second read.
 */
final class FileMetadata {
    private FileMetadata() {
    }

    /** The metadata of the local rung whose file id is {@code fileId}, if the video has one. */
    static Optional<Map<String, Object>> of(Video v, long fileId) {
        if (!v.isLocal() || v.ladder() == null) return Optional.empty();
        return v.ladder().rungs().stream().filter(r -> VideoJson.fileId(v, r) == fileId).findFirst()
                .map(r -> metadata(v, r));
    }

    private static Map<String, Object> metadata(Video v, Ladder.Rung r) {
        String codecs = r.codecs() == null ? "" : r.codecs();
        List<Map<String, Object>> streams = new ArrayList<>();
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("index", 0);
        video.put("codec_name", codecs.contains("avc1") ? "h264" : "unknown");
        video.put("codec_type", "video");
        video.put("codec_tag_string", "avc1");
        video.put("width", r.width());
        video.put("height", r.height());
        video.put("r_frame_rate", rate(r.fps()));
        video.put("avg_frame_rate", rate(r.fps()));
        video.put("duration", (double) v.duration());
        streams.add(video);
        if (VideoJson.hasAudio(v)) {
            Map<String, Object> audio = new LinkedHashMap<>();
            audio.put("index", 1);
            audio.put("codec_name", "aac");
            audio.put("codec_type", "audio");
            audio.put("codec_tag_string", "mp4a");
            audio.put("duration", (double) v.duration());
            streams.add(audio);
        }
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("filename", Ladder.at("", r.playlist()).replace(".m3u8", "-fragmented.mp4"));
        format.put("nb_streams", streams.size());
        format.put("format_name", "mov,mp4,m4a,3gp,3g2,mj2");
        format.put("format_long_name", "QuickTime / MOV");
        format.put("duration", (double) v.duration());
        format.put("size", r.size());
        format.put("bit_rate", r.bandwidth());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("streams", streams);
        m.put("format", format);
        m.put("chapters", List.of());
        return m;
    }

    /** A frame rate as ffprobe writes it: 25/1, or 30000/1001 for NTSC's 29.97. */
    private static String rate(double fps) {
        if (fps == Math.rint(fps)) return String.format(Locale.ROOT, "%d/1", (long) fps);
        return String.format(Locale.ROOT, "%d/1001", Math.round(fps * 1001));
    }
}

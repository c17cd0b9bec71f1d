package org.peerlet.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A parsed HLS media playlist (only what the engine and its tests need). */
public record MediaPlaylist(int version, int targetDuration, String playlistType, String initSegment,
                            List<Segment> segments, boolean ended) {

    public record Segment(String uri, double duration) {
    }

    public double totalDuration() {
        return segments.stream().mapToDouble(Segment::duration).sum();
    }

    /**
     * Its files in playing order, the init segment first: back to back they are the rung as one
     * fragmented MP4 (what its download serves and its torrent describes).
     */
    public List<String> files() {
        List<String> all = new ArrayList<>();
        if (initSegment != null) all.add(initSegment);
        segments.forEach(s -> all.add(s.uri()));
        return all;
    }

    public static MediaPlaylist read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MediaPlaylist parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("#EXTM3U")) {
            throw new IllegalArgumentException("not an HLS playlist: missing #EXTM3U");
        }
        int version = 0, target = -1;
        String type = null, init = null;
        boolean ended = false;
        List<Segment> segments = new ArrayList<>();
        Double pending = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#EXT-X-VERSION:")) version = Integer.parseInt(line.substring(15));
            else if (line.startsWith("#EXT-X-TARGETDURATION:")) target = Integer.parseInt(line.substring(22));
            else if (line.startsWith("#EXT-X-PLAYLIST-TYPE:")) type = line.substring(21);
            else if (line.startsWith("#EXT-X-MAP:")) init = attribute(line, "URI");
            else if (line.startsWith("#EXTINF:")) {
                String v = line.substring(8);
                int comma = v.indexOf(',');
                pending = Double.parseDouble(comma >= 0 ? v.substring(0, comma) : v);
            } else if (line.equals("#EXT-X-ENDLIST")) ended = true;
            else if (!line.isEmpty() && !line.startsWith("#")) {
                if (pending == null) throw new IllegalArgumentException("segment without #EXTINF: " + line);
                segments.add(new Segment(line, pending));
                pending = null;
            }
        }
        if (target < 0) throw new IllegalArgumentException("missing #EXT-X-TARGETDURATION");
        return new MediaPlaylist(version, target, type, init, List.copyOf(segments), ended);
    }

    private static String attribute(String line, String name) {
        int i = line.indexOf(name + "=\"");
        if (i < 0) return null;
        int start = i + name.length() + 2;
        return line.substring(start, line.indexOf('"', start));
    }
}

package org.peerlet.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rung's torrent as stored: only its info dictionary ({@code <resolution>-torrent-info.bencode}
 * in the video's HLS folder, written before the folder is published). What surrounds it in a
 * .torrent (tracker, web seed with a viewer's token) depends on the instance's address and on who
 * asks, so it is added when served; the info dictionary, and so the info-hash, never changes.
 */
public final class TorrentFiles {
    /** {@link org.peerlet.instance.Urls#torrentName}. */
    private static final Pattern NAME = Pattern.compile("([0-9a-f-]{36})-(\\d{1,4})-hls\\.torrent");

    private TorrentFiles() {
    }

    /** Which video and rung a torrent's name is of. */
    public record Named(String uuid, int resolution) {
    }

    public static Optional<Named> parse(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? Optional.of(new Named(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    public static String infoFile(int resolution) {
        return resolution + "-torrent-info.bencode";
    }

    /**
     * The info dictionary of one file, named as PeerTube names it ("{title} {resolution}p.mp4",
     * the characters file systems refuse turned into dashes).
     */
    public static byte[] info(String videoName, int resolution, PieceHasher.Pieces pieces) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", videoName.replaceAll("[/\\\\?%*:|\"<>]", "-") + " " + resolution + "p.mp4");
        info.put("length", pieces.length());
        info.put("piece length", pieces.pieceLength());
        info.put("pieces", pieces.hashes());
        return Bencode.encode(info);
    }

    /** Writes the info dictionary into a work dir (published with it by one rename). */
    public static void write(Path workDir, int resolution, byte[] info) throws IOException {
        Files.write(workDir.resolve(infoFile(resolution)), info);
    }

    /** The info-hash, hex: SHA-1 of the info dictionary's bytes. */
    public static String infoHash(byte[] info) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(info));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The .torrent: our tracker to announce to, the stored info dictionary as it is, and the download as web seed (BEP 19). */
    public static byte[] torrent(byte[] info, String trackerUrl, String webSeedUrl) {
        Map<String, Object> t = new LinkedHashMap<>();
        if (trackerUrl != null) {
            t.put("announce", trackerUrl);
            t.put("announce-list", java.util.List.of(java.util.List.of(trackerUrl)));
        }
        t.put("created by", "Peerlet");
        t.put("info", new Bencode.Raw(info));
        t.put("url-list", java.util.List.of(webSeedUrl));
        return Bencode.encode(t);
    }

    /** A magnet link (BEP 9): info-hash, display name, tracker, web seed (BEP 19's ws) and where the .torrent is (xs). */
    public static String magnet(String infoHash, String name, String trackerUrl, String webSeedUrl, String torrentUrl) {
        StringBuilder m = new StringBuilder("magnet:?xs=").append(enc(torrentUrl))
                .append("&xt=urn:btih:").append(infoHash)
                .append("&dn=").append(enc(name));
        if (trackerUrl != null) m.append("&tr=").append(enc(trackerUrl));
        return m.append("&ws=").append(enc(webSeedUrl)).toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

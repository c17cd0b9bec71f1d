package org.peerlet.media;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rung's files once, in playing order (init segment, then media segments), right after
 * the muxer wrote them: each media segment's SHA-256 for the P2P loader, and the SHA-1 pieces of
 * all of them back to back (the rung's download) for its torrent. One read serves both.
 */
public final class RungHasher {

    /** @param segmentSha256 hex SHA-256 by media segment file name */
    public record Hashed(Map<String, String> segmentSha256, PieceHasher.Pieces pieces) {
    }

    private RungHasher() {
    }

    public static Hashed hash(Path dir, MediaPlaylist playlist) throws IOException {
        List<String> files = playlist.files();
        long total = 0;
        for (String f : files) total += Files.size(dir.resolve(f));
        PieceHasher pieces = new PieceHasher(total);
        Map<String, String> sha256 = new LinkedHashMap<>();
        byte[] buf = new byte[256 * 1024];
        for (String f : files) {
            boolean segment = !f.equals(playlist.initSegment());
            MessageDigest md = segment ? sha256() : null;
            try (InputStream in = Files.newInputStream(dir.resolve(f))) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    pieces.update(buf, 0, n);
                    if (md != null) md.update(buf, 0, n);
                }
            }
            if (md != null) sha256.put(f, HexFormat.of().formatHex(md.digest()));
        }
        return new Hashed(sha256, pieces.finish());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

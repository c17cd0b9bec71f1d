package org.peerlet.transcode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes segments-sha256.json for PeerTube's P2P loader. Its player looks a segment up by the
 * segment's own file name: the value is the hex SHA-256 string for whole-file segments (an object
 * keyed by byte range only for single-file byte-range HLS, which we don't produce). So the file is
 * one flat object: {"720-0.m4s": "ab12...", "720-1.m4s": "...", "480-0.m4s": "...", ...}.
 */
final class SegmentHashWriter {

    static final String FILE_NAME = "segments-sha256.json";

    private SegmentHashWriter() {
    }

    /** @param segmentHashes hex SHA-256 by segment file name, of every rung ({@link RungHasher} made them) */
    static String write(Path dir, Map<String, String> segmentHashes) throws IOException {
        Map<String, String> hashes = new TreeMap<>(segmentHashes);
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            // Names are ours ({height}-{n}.m4s): nothing to escape.
            sb.append("\n  \"").append(e.getKey()).append("\": \"").append(e.getValue()).append('"');
        }
        sb.append("\n}\n");
        Files.writeString(dir.resolve(FILE_NAME), sb, StandardCharsets.UTF_8);
        return FILE_NAME;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}

package org.peerlet.tracker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Info-hashes as the tracker sees them: "binary strings" of exactly 20 chars, each char one byte
 * (0..255), which is how bittorrent-tracker's WebSocket client puts them in JSON.
 *
 * <h2>How a player derives the info-hash of an HLS stream</h2>
 *
 * <b>p2p-media-loader 0.6 and PeerTube's fork {@code @peertube/p2p-media-loader-core}</b> (the
 * one the brief targets; PeerTube's server computes the same set to admit):
 * <pre>
 *   masterSwarmId  = swarmId setting, or else the master playlist's request URL without its "?query"
 *   streamSwarmId  = masterSwarmId + "+V" + variantIndex
 *   infoHash bytes = SHA-1( UTF-8( PEER_PROTOCOL_VERSION + streamSwarmId ) )      with PEER_PROTOCOL_VERSION = 2
 *   on the wire    = those 20 bytes as a 20-char binary string
 * </pre>
 * so {@code infoHash = SHA-1("2" + masterPlaylistUrl + "+V" + i)}, where {@code i} is the
 * 0-based position of the variant in the master playlist. Sources checked (read, not copied):
 * the fork's {@code p2p-media-loader-core/lib/p2p-media-manager.ts} ({@code PEER_PROTOCOL_VERSION = 2},
 * SHA-1 of {@code `${PEER_PROTOCOL_VERSION}${streamSwarmId}`}, passed to bittorrent-tracker's
 * {@code Client} as a 20-byte buffer), {@code p2p-media-loader-hlsjs/lib/segment-manager.ts}
 * ({@code `${masterSwarmId}+V${i}`}, master swarm id = setting or URL before "?"), and PeerTube's
 * server {@code VideoStreamingPlaylistModel.buildP2PMediaLoaderInfoHashes}:
 * {@code sha1(`${P2P_MEDIA_LOADER_PEER_VERSION}${playlistUrl}+V${i}`)} with
 * {@code P2P_MEDIA_LOADER_PEER_VERSION = 2}, one hash per HLS file (PeerTube 1.x used version 1).
 * {@link #forPlaylist} implements this.
 *
 * <p><b>p2p-media-loader 2.x</b> (newer PeerTube players) changed the scheme: the info-hash is
 * the Base64 text of the first 15 bytes of SHA-1 of a stream swarm id, i.e. 20 ASCII chars that
 * the client sends as they are. PeerTube builds that swarm id as
 * {@code "pt-v" + version + "-" + uuid + "-main-default-" + resolution} (audio-only:
 * {@code "pt-v" + version + "-" + uuid + "-secondary-default-default"}). {@link #forStreamSwarmId}
 * and {@link #peerTubeSwarmId} implement it; which {@code version} the current PeerTube sends was
 * not verified, so callers pass it.
 */
public final class InfoHashes {
    /** Chars in an info-hash or peer id. */
    public static final int LENGTH = 20;
    /** The peer protocol version that p2p-media-loader 0.6 (PeerTube's fork) mixes into the hash. */
    public static final int PEER_PROTOCOL_VERSION = 2;

    private InfoHashes() {
    }

    /**
     * The info-hash that p2p-media-loader 0.6 announces for one variant of a master playlist.
     *
     * @param masterPlaylistUrl the absolute URL of the master playlist as the player loads it
     *                          (a query string, if any, is dropped as the player does)
     * @param variantIndex      0-based position of the variant playlist in the master playlist
     * @throws IllegalArgumentException if the URL is blank or the index negative
     */
    public static String forPlaylist(String masterPlaylistUrl, int variantIndex) {
        if (masterPlaylistUrl == null || masterPlaylistUrl.isBlank()) {
            throw new IllegalArgumentException("the master playlist URL is empty");
        }
        if (variantIndex < 0) throw new IllegalArgumentException("variant index " + variantIndex + " is negative");
        int q = masterPlaylistUrl.indexOf('?');
        String swarmId = q >= 0 ? masterPlaylistUrl.substring(0, q) : masterPlaylistUrl;
        return fromBytes(sha1(PEER_PROTOCOL_VERSION + swarmId + "+V" + variantIndex));
    }

    /** The info-hash that p2p-media-loader 2.x announces for a stream swarm id (20 Base64 chars). */
    public static String forStreamSwarmId(String streamSwarmId) {
        byte[] first15 = java.util.Arrays.copyOf(sha1(streamSwarmId), 15);
        return Base64.getEncoder().encodeToString(first15);
    }

    /**
     * PeerTube's stream swarm id for p2p-media-loader 2.x.
     *
     * @param resolution the video height, or 0 for the audio-only stream
     */
    public static String peerTubeSwarmId(int peerProtocolVersion, String videoUuid, int resolution) {
        String prefix = "pt-v" + peerProtocolVersion + "-" + videoUuid;
        return resolution > 0 ? prefix + "-main-default-" + resolution : prefix + "-secondary-default-default";
    }

    /** True when {@code s} is a 20-char binary string (every char 0..255). */
    public static boolean isWellFormed(String s) {
        if (s == null || s.length() != LENGTH) return false;
        for (int i = 0; i < LENGTH; i++) if (s.charAt(i) > 0xFF) return false;
        return true;
    }

    /** 20 bytes as a binary string. */
    public static String fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) throw new IllegalArgumentException("expected 20 bytes, got " + bytes.length);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** 40 hex digits as a binary string. */
    public static String fromHex(String hex) {
        if (hex.length() != 2 * LENGTH) throw new IllegalArgumentException("expected 40 hex digits: " + hex);
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return fromBytes(b);
    }

    /** A binary string as 40 lowercase hex digits, for logs and admin views. */
    public static String toHex(String binary) {
        StringBuilder sb = new StringBuilder(binary.length() * 2);
        for (int i = 0; i < binary.length(); i++) {
            int c = binary.charAt(i) & 0xFF;
            sb.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
        }
        return sb.toString();
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-1", e);
        }
    }
}

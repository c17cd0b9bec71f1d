package org.peerlet.transcode;

import org.peerlet.media.PieceHasher;

import java.util.List;

/**
 * What a transcode wrote (all file names are relative to the request's output directory).
 *
 * @param truncated  true when less decoded than the header promised; what decoded was published
 * @param storyboard the seek bar's preview sheet, or null (too short, or not asked for)
 */
public record TranscodeResult(
        List<Rung> rungs,
        double durationSeconds,
        boolean truncated,
        String masterPlaylist,
        String segmentsSha256,
        String thumbnail,
        String preview,
        Storyboard storyboard,
        List<String> warnings) {

    public TranscodeResult {
        rungs = List.copyOf(rungs);
        warnings = List.copyOf(warnings);
    }

    /**
     * One rendition of the ladder.
     *
     * @param bandwidth peak segment bit rate in bits/s (what HLS BANDWIDTH means)
     * @param codecs    RFC 6381 codecs, e.g. {@code avc1.64001f,mp4a.40.2}
     * @param pieces    the SHA-1 pieces of its files back to back (init, then segments): its torrent's content
     */
    public record Rung(
            int height,
            int width,
            long bandwidth,
            long averageBandwidth,
            String codecs,
            String playlist,
            String initSegment,
            int segmentCount,
            long totalBytes,
            double fps,
            PieceHasher.Pieces pieces) {

        /** The shorter side, as PeerTube names a resolution: 720 for 1280x720 and for 720x1280. */
        public int resolution() {
            return Math.min(width, height);
        }
    }

    /**
     * The seek bar's preview: sprites of {@code spriteWidth} x {@code spriteHeight} left to right, then
     * top to bottom, one per {@code spriteDuration} seconds, on one {@code totalWidth} x {@code totalHeight} JPEG.
     */
    public record Storyboard(String file, int spriteWidth, int spriteHeight, int totalWidth, int totalHeight,
                             int spriteDuration) {
    }
}

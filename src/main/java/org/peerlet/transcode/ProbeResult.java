package org.peerlet.transcode;

/**
 * What a quick look at a media file tells. Video fields are 0 / null when there is no video,
 * audio codec is null when there is no audio.
 *
 * @param width  coded width as stored
 * @param height coded height as stored
 * @param displayWidth  width once the rotation is applied (what a viewer sees)
 * @param displayHeight height once the rotation is applied
 * @param rotation clockwise degrees to turn the stored picture for display: 0, 90, 180 or 270
 */
public record ProbeResult(
        double durationSeconds,
        String containerFormat,
        long sizeBytes,
        boolean hasVideo,
        boolean hasAudio,
        String videoCodec,
        String audioCodec,
        int width,
        int height,
        int displayWidth,
        int displayHeight,
        int rotation,
        double fps,
        String pixelFormat,
        int bitDepth) {
}

package org.peerlet.transcode;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One transcode job.
 *
 * @param resolutions    wanted ladder, as shorter sides (720 = 1280x720 landscape, 720x1280 portrait);
 *                       rungs above the source's are dropped (never upscale), and a source smaller than
 *                       the lowest rung gets one rung at its own even size
 * @param x264Preset     libx264 preset, e.g. "veryfast"
 * @param gopSeconds     keyframe interval; also the segment length so every rung cuts at the same instants
 * @param segmentSeconds HLS segment length; must equal gopSeconds (kept separate for clarity of intent)
 * @param threads        encoder/decoder threads
 * @param storyboard     also make the seek bar's preview sheet from the same decode
 */
public record TranscodeRequest(
        Path source,
        Path outputDir,
        List<Integer> resolutions,
        String x264Preset,
        int gopSeconds,
        int segmentSeconds,
        int threads,
        boolean storyboard) {

    public static final List<Integer> DEFAULT_LADDER = List.of(240, 360, 480, 720);
    public static final String DEFAULT_PRESET = "veryfast";
    public static final int DEFAULT_GOP_SECONDS = 2;

    public TranscodeRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outputDir, "outputDir");
        resolutions = List.copyOf(resolutions == null || resolutions.isEmpty() ? DEFAULT_LADDER : resolutions);
        if (x264Preset == null || x264Preset.isBlank()) x264Preset = DEFAULT_PRESET;
        if (gopSeconds <= 0) gopSeconds = DEFAULT_GOP_SECONDS;
        if (segmentSeconds <= 0) segmentSeconds = gopSeconds;
        if (segmentSeconds != gopSeconds) {
            throw new IllegalArgumentException("segmentSeconds must equal gopSeconds so all rungs cut at identical timestamps");
        }
        if (threads <= 0) threads = Runtime.getRuntime().availableProcessors();
    }

    /** The usual job: default ladder, veryfast, 2 s GOP = 2 s segments, all cores. */
    public static TranscodeRequest of(Path source, Path outputDir) {
        return new TranscodeRequest(source, outputDir, DEFAULT_LADDER, DEFAULT_PRESET, DEFAULT_GOP_SECONDS, 0, 0, true);
    }

    public TranscodeRequest withResolutions(List<Integer> shorterSides) {
        return new TranscodeRequest(source, outputDir, shorterSides, x264Preset, gopSeconds, segmentSeconds, threads, storyboard);
    }
}

package org.peerlet.transcode;

import org.peerlet.media.RungHasher;
import org.peerlet.media.MediaPlaylist;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * One transcode: demux and decode the source once, turn each picture upright once, then scale and
 * encode it for every rung; audio is encoded once and its packets copied into every rung.
 * Owns every native object it creates and frees them all in {@link #close()}.
 */
final class TranscodeJob implements AutoCloseable {

    static final String THUMBNAIL = "thumbnail.jpg";
    static final String PREVIEW = "preview.jpg";
    /** An audio-only source gets a still picture at this rate: enough for players, nearly free to encode. */
    static final int STILL_FPS = 10;
    static final int STILL_HEIGHT = 360;
    /** Less than this decoded from a truncated file is not worth publishing. */
    static final double MIN_PUBLISHABLE_SECONDS = 1.0;

    private final TranscodeRequest request;
    private final ProgressListener progress;
    private final CancelToken cancel;
    private final List<String> warnings = new ArrayList<>();
    private final List<Rendition> rungs = new ArrayList<>();

    private InputFile input;
    private StreamDecoder videoDecoder;
    private StreamDecoder audioDecoder;
    private FrameRotator rotator;
    private AudioEncoder audio;
    private AVPacket packet;
    private AVFrame stillSource;   // audio-only: the picture shown for the whole duration
    private AVFrame thumbnailFrame;
    private StoryboardSheet storyboard;
    private double thumbnailAt;
    private double duration;
    private double fps;
    private AVRational videoTimeBase;
    private long videoStartTicks;
    private double startSeconds;
    private double videoEnd;
    private long stillFrames;
    private long lastProgressNanos;

    /** One rung: its scaler, encoder and muxer. */
    private record Rendition(LadderPlan.Size size, RungScaler scaler, VideoRungEncoder encoder, HlsRungMuxer muxer) {
    }

    TranscodeJob(TranscodeRequest request, ProgressListener progress, CancelToken cancel) {
        this.request = request;
        this.progress = progress != null ? progress : ProgressListener.NONE;
        this.cancel = cancel != null ? cancel : CancelToken.none();
    }

    TranscodeResult run() throws MediaException {
        input = InputFile.open(request.source());
        duration = input.durationSeconds();
        startSeconds = input.startSeconds();
        thumbnailAt = Math.min(duration / 2, 5.0);
        try {
            Files.createDirectories(request.outputDir());
        } catch (IOException e) {
            throw MediaException.transientFailure("cannot create output directory: " + e.getMessage());
        }
        packet = av_packet_alloc();
        openDecodersAndEncoders();
        demuxAndEncode();
        double decoded = decodedSeconds();
        boolean truncated = checkTruncation(decoded);
        finishEncoders();
        return describeOutput(truncated);
    }

    private void openDecodersAndEncoders() throws MediaException {
        int threads = request.threads();
        AVStream videoStream = input.video();
        double displayW, displayH;
        if (videoStream != null) {
            videoDecoder = StreamDecoder.open(videoStream, threads);
            rotator = new FrameRotator(input.rotation);
            videoTimeBase = videoStream.time_base();
            videoStartTicks = av_rescale_q(Math.round(startSeconds * 1_000_000), Ff.q(1, 1_000_000), videoTimeBase);
            fps = sane(input.fps());
            ProbeResult p = input.describe();
            AVRational sar = videoStream.codecpar().sample_aspect_ratio();
            double pixelAspect = sar.num() > 0 && sar.den() > 0 ? sar.num() / (double) sar.den() : 1.0;
            boolean quarter = input.rotation == 90 || input.rotation == 270;
            displayW = quarter ? p.displayWidth() : p.displayWidth() * pixelAspect;
            displayH = quarter ? p.displayHeight() * pixelAspect : p.displayHeight();
        } else {
            stillSource = stillPicture();
            warnings.add("audio-only source: published with a still picture");
            fps = STILL_FPS;
            videoTimeBase = Ff.q(1, STILL_FPS);
            displayW = stillSource.width();
            displayH = stillSource.height();
            if (displayH > STILL_HEIGHT) {
                displayW = displayW * STILL_HEIGHT / displayH;
                displayH = STILL_HEIGHT;
            }
        }
        if (input.audio() != null) {
            audioDecoder = StreamDecoder.open(input.audio(), 1);
            audio = new AudioEncoder(input.audio().codecpar().sample_rate());
        }
        List<LadderPlan.Size> sizes = videoStream != null
                ? LadderPlan.plan(displayW, displayH, request.resolutions())
                : List.of(new LadderPlan.Size(Ff.even(displayW), Ff.even(displayH)));
        if (videoStream != null && sizes.size() == 1 && sizes.get(0).resolution() < Collections.min(request.resolutions())) {
            warnings.add("source is smaller than the lowest rung: one rung at " + sizes.get(0).width() + "x" + sizes.get(0).height());
        }
        if (request.storyboard() && videoStream != null) storyboard = StoryboardSheet.plan(duration, displayW, displayH);
        for (LadderPlan.Size s : sizes) {
            RungScaler scaler = new RungScaler(s.width(), s.height());
            VideoRungEncoder encoder = null;
            try {
                encoder = new VideoRungEncoder(s.width(), s.height(), videoTimeBase, fps, request.gopSeconds(),
                        request.x264Preset(), threads);
                HlsRungMuxer muxer = new HlsRungMuxer(request.outputDir(), s.resolution(), encoder.context,
                        audio != null ? audio.context : null, request.segmentSeconds());
                rungs.add(new Rendition(s, scaler, encoder, muxer));
            } catch (MediaException | RuntimeException e) {
                scaler.close();
                if (encoder != null) encoder.close();
                throw e;
            }
        }
    }

    private static double sane(double fps) {
        return fps > 0 && fps <= 120 ? fps : 25;
    }

    /** The album cover if the file has one, else a plain dark 640x360 picture. */
    private AVFrame stillPicture() throws MediaException {
        if (input.coverIndex >= 0) {
            AVStream cover = input.format.streams(input.coverIndex);
            AVFrame[] got = new AVFrame[1];
            try (StreamDecoder d = StreamDecoder.open(cover, 1)) {
                StreamDecoder.FrameSink keep = f -> { if (got[0] == null) got[0] = av_frame_clone(f); };
                d.decode(cover.attached_pic(), keep);
                d.decode(null, keep);
            } catch (MediaException e) {
                warnings.add("album cover unreadable: " + e.getMessage());
            }
            if (got[0] != null) return got[0];
        }
        AVFrame dark = av_frame_alloc();
        dark.format(AV_PIX_FMT_YUV420P).width(640).height(360);
        Ff.check(av_frame_get_buffer(dark, 0), "allocating a picture");
        fill(dark, 0, 360, 16);
        fill(dark, 1, 180, 128);
        fill(dark, 2, 180, 128);
        return dark;
    }

    private static void fill(AVFrame f, int plane, int rows, int value) {
        f.data(plane).capacity((long) f.linesize(plane) * rows).fill(value);
    }

    private void demuxAndEncode() throws MediaException {
        int ret;
        while ((ret = av_read_frame(input.format, packet)) >= 0) {
            try {
                if (cancel.isCancelled()) throw MediaException.transientFailure("cancelled");
                int index = packet.stream_index();
                if (index == input.videoIndex) {
                    videoDecoder.decode(packet, this::onVideoFrame);
                } else if (index == input.audioIndex) {
                    audioDecoder.decode(packet, this::onAudioFrame);
                }
                reportProgress(false);
            } finally {
                av_packet_unref(packet);
            }
        }
        if (ret != Ff.EOF) warnings.add("read error before the end of the file: " + Ff.describe(ret));
        if (cancel.isCancelled()) throw MediaException.transientFailure("cancelled");
        if (videoDecoder != null) videoDecoder.decode(null, this::onVideoFrame);
        if (audioDecoder != null) audioDecoder.decode(null, this::onAudioFrame);
        if (stillSource != null) emitStillFramesUntil(audioSeconds());
        if (videoDecoder != null && videoDecoder.errors() > 0) {
            warnings.add(videoDecoder.errors() + " damaged video packet(s) skipped");
        }
        if (audioDecoder != null && audioDecoder.errors() > 0) {
            warnings.add(audioDecoder.errors() + " damaged audio packet(s) skipped");
        }
    }

    private void onVideoFrame(AVFrame frame) throws MediaException {
        long ts = frame.best_effort_timestamp();
        if (ts == Ff.NOPTS) ts = frame.pts();
        if (ts == Ff.NOPTS) return;
        long pts = ts - videoStartTicks;
        if (pts < 0) return; // before the start (edit list / pre-roll)
        frame.pts(pts);
        double seconds = Ff.seconds(pts, videoTimeBase);
        videoEnd = Math.max(videoEnd, seconds + 1.0 / fps);
        encodeForEveryRung(rotator.upright(frame));
    }

    private void encodeForEveryRung(AVFrame upright) throws MediaException {
        double seconds = Ff.seconds(upright.pts(), videoTimeBase);
        if (thumbnailFrame == null || (seconds >= thumbnailAt && thumbnailAt >= 0)) {
            if (thumbnailFrame != null) av_frame_free(thumbnailFrame);
            thumbnailFrame = av_frame_clone(upright);
            if (seconds >= thumbnailAt) thumbnailAt = Double.MAX_VALUE; // got a good one: stop replacing
        }
        if (storyboard != null) storyboard.offer(upright, seconds);
        for (Rendition r : rungs) {
            AVFrame scaled = r.scaler().scale(upright);
            r.encoder().encode(scaled, r.muxer()::writeVideo);
        }
    }

    private void onAudioFrame(AVFrame frame) throws MediaException {
        long ts = frame.best_effort_timestamp();
        AVRational tb = input.audio().time_base();
        double start = ts == Ff.NOPTS ? audioSeconds() : Ff.seconds(ts, tb) - startSeconds;
        audio.encode(frame, start, this::writeAudioToEveryRung);
        if (stillSource != null) emitStillFramesUntil(audioSeconds());
    }

    private void writeAudioToEveryRung(AVPacket encoded) throws MediaException {
        for (Rendition r : rungs) r.muxer().writeAudio(encoded);
    }

    private double audioSeconds() {
        return audio != null ? audio.secondsIn() : 0;
    }

    /** Audio-only: keeps the still-picture video caught up with the audio decoded so far. */
    private void emitStillFramesUntil(double seconds) throws MediaException {
        while (stillFrames / (double) STILL_FPS < seconds) {
            stillSource.pts(stillFrames++).duration(1);
            encodeForEveryRung(stillSource);
        }
        videoEnd = stillFrames / (double) STILL_FPS;
    }

    private double decodedSeconds() {
        return Math.max(videoEnd, audioSeconds());
    }

    /** Decides whether the source ended early; too little to publish is a permanent failure. */
    private boolean checkTruncation(double decoded) throws MediaException {
        boolean truncated = duration > 0 && decoded < duration - Math.max(0.5, 0.02 * duration);
        boolean nothing = input.videoIndex >= 0 ? thumbnailFrame == null : audioSeconds() <= 0;
        if (nothing || (truncated && decoded < MIN_PUBLISHABLE_SECONDS)) {
            throw MediaException.permanent(String.format(Locale.ROOT, "truncated: decoded %.1f s of %.1f s", decoded, duration));
        }
        if (truncated) {
            warnings.add(String.format(Locale.ROOT, "truncated: decoded %.1f s of %.1f s; published what decoded", decoded, duration));
        }
        return truncated;
    }

    private void finishEncoders() throws MediaException {
        for (Rendition r : rungs) r.encoder().encode(null, r.muxer()::writeVideo);
        if (audio != null) audio.finish(this::writeAudioToEveryRung);
        for (Rendition r : rungs) r.muxer().finish();
        reportProgress(true);
    }

    private TranscodeResult describeOutput(boolean truncated) throws MediaException {
        Path dir = request.outputDir();
        try {
            List<TranscodeResult.Rung> described = new ArrayList<>();
            Map<String, String> segmentHashes = new LinkedHashMap<>();
            double outDuration = 0;
            for (Rendition r : rungs) {
                MediaPlaylist playlist = MediaPlaylist.read(dir.resolve(r.muxer().playlistName));
                // One read of the files just written: segment SHA-256s and the rung's torrent pieces.
                RungHasher.Hashed hashed = RungHasher.hash(dir, playlist);
                segmentHashes.putAll(hashed.segmentSha256());
                long total = hashed.pieces().length();
                long peak = 0;
                for (MediaPlaylist.Segment s : playlist.segments()) {
                    long bytes = Files.size(dir.resolve(s.uri()));
                    peak = Math.max(peak, Math.round(bytes * 8 / Math.max(s.duration(), 0.5)));
                }
                double seconds = playlist.totalDuration();
                outDuration = Math.max(outDuration, seconds);
                long average = seconds > 0 ? Math.round(total * 8 / seconds) : peak;
                described.add(new TranscodeResult.Rung(r.size().height(), r.size().width(), Math.max(peak, average), average,
                        codecs(r), r.muxer().playlistName, r.muxer().initName, playlist.segments().size(), total, fps,
                        hashed.pieces()));
            }
            String master = MasterPlaylistWriter.write(dir, described);
            String hashes = SegmentHashWriter.write(dir, segmentHashes);
            AVFrame still = thumbnailFrame != null ? thumbnailFrame : stillSource;
            JpegWriter.write(still, dir.resolve(THUMBNAIL), 280, 157);
            JpegWriter.write(still, dir.resolve(PREVIEW), 850, 480);
            TranscodeResult.Storyboard sheet = storyboard != null ? storyboard.write(dir) : null;
            return new TranscodeResult(described, outDuration, truncated, master, hashes, THUMBNAIL, PREVIEW, sheet, warnings);
        } catch (IOException | RuntimeException e) {
            throw MediaException.transientFailure("cannot finish the output: " + e.getMessage());
        }
    }

    private String codecs(Rendition r) {
        String video = CodecStrings.avc1(r.encoder().context);
        return audio != null ? video + "," + CodecStrings.AAC_LC : video;
    }

    private void reportProgress(boolean done) {
        long now = System.nanoTime();
        if (!done && now - lastProgressNanos < 250_000_000L) return;
        lastProgressNanos = now;
        Map<Integer, Double> perRung = new LinkedHashMap<>();
        for (Rendition r : rungs) {
            perRung.put(r.size().resolution(), done ? 1.0 : fraction(r.muxer().lastVideoSeconds()));
        }
        progress.onProgress(done ? 1.0 : fraction(decodedSeconds()), perRung);
    }

    private double fraction(double seconds) {
        return duration > 0 ? Math.min(0.999, Math.max(0, seconds / duration)) : 0;
    }

    @Override
    public void close() {
        for (Rendition r : rungs) {
            r.muxer().close();
            r.encoder().close();
            r.scaler().close();
        }
        if (audio != null) audio.close();
        if (audioDecoder != null) audioDecoder.close();
        if (videoDecoder != null) videoDecoder.close();
        if (rotator != null) rotator.close();
        if (storyboard != null) storyboard.close();
        if (thumbnailFrame != null) av_frame_free(thumbnailFrame);
        if (stillSource != null) av_frame_free(stillSource);
        if (packet != null) av_packet_free(packet);
        if (input != null) input.close();
    }
}

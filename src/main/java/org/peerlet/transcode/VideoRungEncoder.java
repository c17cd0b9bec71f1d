package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_d2q;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * libx264 for one rung. Keyframes come exactly every GOP (by timestamp, and x264's own keyint with
 * scenecut off as a backstop), so every rung has keyframes at the same instants and HLS cuts align.
 */
final class VideoRungEncoder implements AutoCloseable {

    final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final long gopTicks;
    private final long frameTicks;
    private long nextKeyframePts = 0;
    private long lastPts = Long.MIN_VALUE;

    VideoRungEncoder(int width, int height, AVRational timeBase, double fps, int gopSeconds,
                     String preset, int threads) throws MediaException {
        AVCodec codec = avcodec_find_encoder_by_name("libx264");
        if (codec == null || codec.isNull()) throw MediaException.transientFailure("libx264 is missing from this FFmpeg build");
        context = avcodec_alloc_context3(codec);
        AVDictionary opts = new AVDictionary(null);
        try {
            int keyint = Math.max(1, (int) Math.round(gopSeconds * fps));
            context.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P);
            context.time_base(timeBase);
            context.framerate(av_d2q(fps, 100_000));
            context.gop_size(keyint).keyint_min(keyint);
            context.thread_count(threads);
            context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER); // fMP4 wants SPS/PPS in the init segment
            long cap = bitrateCap(width, height, fps);
            context.rc_max_rate(cap).rc_buffer_size((int) Math.min(Integer.MAX_VALUE, cap * 2));
            av_dict_set(opts, "preset", preset, 0);
            av_dict_set(opts, "crf", "23", 0);
            av_dict_set(opts, "forced-idr", "1", 0);
            av_dict_set(opts, "x264-params", "keyint=" + keyint + ":min-keyint=" + keyint + ":scenecut=0", 0);
            int ret = avcodec_open2(context, codec, opts);
            if (ret < 0) throw MediaException.transientFailure("cannot open libx264 " + width + "x" + height + ": " + Ff.describe(ret));
        } catch (MediaException | RuntimeException e) {
            av_packet_free(packet);
            avcodec_free_context(context);
            throw e;
        } finally {
            av_dict_free(opts);
        }
        this.gopTicks = Math.max(1, av_rescale_q(gopSeconds, Ff.q(1, 1), timeBase));
        this.frameTicks = Math.max(1, Math.round(timeBase.den() / (timeBase.num() * fps)));
    }

    /** A VBV ceiling of ~0.1 bit per pixel per frame keeps bandwidth predictable on a small server. */
    static long bitrateCap(int width, int height, double fps) {
        return Math.max(200_000L, Math.round(width * (double) height * Math.min(Math.max(fps, 1), 60) * 0.1));
    }

    /** Encodes one picture (null = flush). Pictures whose time doesn't move forward are dropped. */
    void encode(AVFrame picture, PacketSink sink) throws MediaException {
        if (picture != null) {
            long pts = picture.pts();
            if (pts <= lastPts) return; // x264 refuses non-increasing timestamps
            lastPts = pts;
            if (pts >= nextKeyframePts) {
                picture.pict_type(AV_PICTURE_TYPE_I);
                while (nextKeyframePts <= pts) nextKeyframePts += gopTicks;
            } else {
                picture.pict_type(AV_PICTURE_TYPE_NONE);
            }
        }
        int ret = avcodec_send_frame(context, picture);
        if (ret < 0 && ret != Ff.EOF) Ff.check(ret, "encoding video");
        drain(sink);
    }

    private void drain(PacketSink sink) throws MediaException {
        while (true) {
            int ret = avcodec_receive_packet(context, packet);
            if (ret == Ff.EAGAIN || ret == Ff.EOF) return;
            Ff.check(ret, "encoding video");
            try {
                // libx264 leaves durations at 0; fMP4 needs them or the last frame of the stream gets no time.
                if (packet.duration() <= 0) packet.duration(frameTicks);
                sink.accept(packet);
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    @Override
    public void close() {
        av_packet_free(packet);
        avcodec_free_context(context);
    }
}

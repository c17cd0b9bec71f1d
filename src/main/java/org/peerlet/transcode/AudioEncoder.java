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
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Audio is resampled and encoded ONCE (FFmpeg's native AAC, 128 kb/s stereo); the same packets
 * are then copied into every rung. Timestamps count output samples from the first decoded frame.
 */
final class AudioEncoder implements AutoCloseable {

    static final long BIT_RATE = 128_000;

    final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame converted = av_frame_alloc();
    private final AVFrame chunk = av_frame_alloc();
    private final AVAudioFifo fifo;
    private SwrContext swr;
    private int swrInRate = -1, swrInFormat = -1, swrInChannels = -1;
    private long nextPts = Ff.NOPTS;
    private long samplesIn;

    AudioEncoder(int sourceSampleRate) throws MediaException {
        AVCodec codec = avcodec_find_encoder_by_name("aac");
        context = avcodec_alloc_context3(codec);
        // AAC handles 44.1 and 48 kHz everywhere; anything else becomes 48 kHz.
        int rate = sourceSampleRate == 44_100 ? 44_100 : 48_000;
        context.sample_fmt(AV_SAMPLE_FMT_FLTP).sample_rate(rate).bit_rate(BIT_RATE);
        av_channel_layout_default(context.ch_layout(), 2);
        context.time_base(Ff.q(1, rate));
        context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        int ret = avcodec_open2(context, codec, (AVDictionary) null);
        if (ret < 0) {
            avcodec_free_context(context);
            throw MediaException.transientFailure("cannot open AAC encoder: " + Ff.describe(ret));
        }
        fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, 2, context.frame_size() * 4);
    }

    AVRational timeBase() {
        return context.time_base();
    }

    /** Seconds of audio taken in so far (at the output rate). */
    double secondsIn() {
        return samplesIn / (double) context.sample_rate();
    }

    /** Takes one decoded frame, with its start time in seconds from the output's zero. */
    void encode(AVFrame decoded, double startSeconds, PacketSink sink) throws MediaException {
        if (nextPts == Ff.NOPTS) {
            nextPts = Math.max(0, Math.round(startSeconds * context.sample_rate()));
        }
        ensureResampler(decoded);
        int maxOut = swr_get_out_samples(swr, decoded.nb_samples());
        convertInto(maxOut, decoded.extended_data(), decoded.nb_samples());
        pump(sink, false);
    }

    /** Drains the resampler, the FIFO (short last frame is fine for AAC) and the encoder. */
    void finish(PacketSink sink) throws MediaException {
        if (swr != null) {
            int maxOut = swr_get_out_samples(swr, 0);
            if (maxOut > 0) convertInto(maxOut, null, 0);
        }
        pump(sink, true);
        int ret = avcodec_send_frame(context, null);
        if (ret < 0 && ret != Ff.EOF) Ff.check(ret, "flushing audio");
        drain(sink);
    }

    private void convertInto(int maxOut, PointerPointer<?> in, int inSamples) throws MediaException {
        if (maxOut <= 0) return;
        av_frame_unref(converted);
        converted.format(AV_SAMPLE_FMT_FLTP).sample_rate(context.sample_rate()).nb_samples(maxOut);
        av_channel_layout_default(converted.ch_layout(), 2);
        Ff.check(av_frame_get_buffer(converted, 0), "allocating audio");
        int got = swr_convert(swr, converted.extended_data(), maxOut, in, inSamples);
        Ff.check(got, "resampling audio");
        if (got > 0) {
            Ff.check(av_audio_fifo_write(fifo, converted.extended_data(), got), "buffering audio");
            samplesIn += got;
        }
    }

    private void pump(PacketSink sink, boolean flushing) throws MediaException {
        int frameSize = context.frame_size();
        while (av_audio_fifo_size(fifo) >= frameSize || (flushing && av_audio_fifo_size(fifo) > 0)) {
            int n = Math.min(frameSize, av_audio_fifo_size(fifo));
            if (chunk.nb_samples() != n || chunk.buf(0) == null || chunk.buf(0).isNull()) {
                av_frame_unref(chunk);
                chunk.format(AV_SAMPLE_FMT_FLTP).sample_rate(context.sample_rate()).nb_samples(n);
                av_channel_layout_default(chunk.ch_layout(), 2);
                Ff.check(av_frame_get_buffer(chunk, 0), "allocating audio");
            }
            Ff.check(av_frame_make_writable(chunk), "reusing audio buffer");
            av_audio_fifo_read(fifo, chunk.extended_data(), n);
            chunk.pts(nextPts);
            nextPts += n;
            Ff.check(avcodec_send_frame(context, chunk), "encoding audio");
            drain(sink);
        }
    }

    private void drain(PacketSink sink) throws MediaException {
        while (true) {
            int ret = avcodec_receive_packet(context, packet);
            if (ret == Ff.EAGAIN || ret == Ff.EOF) return;
            Ff.check(ret, "encoding audio");
            try {
                sink.accept(packet);
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private void ensureResampler(AVFrame in) throws MediaException {
        int channels = in.ch_layout().nb_channels();
        if (swr != null && in.sample_rate() == swrInRate && in.format() == swrInFormat && channels == swrInChannels) return;
        if (swr != null) swr_free(swr);
        swr = new SwrContext(null);
        int ret = swr_alloc_set_opts2(swr, context.ch_layout(), AV_SAMPLE_FMT_FLTP, context.sample_rate(),
                in.ch_layout(), in.format(), in.sample_rate(), 0, null);
        if (ret < 0 || swr_init(swr) < 0) {
            swr_free(swr);
            swr = null;
            throw MediaException.permanent("cannot convert audio (" + channels + " channels, " + in.sample_rate() + " Hz)");
        }
        swrInRate = in.sample_rate();
        swrInFormat = in.format();
        swrInChannels = channels;
    }

    /** Output-sample timestamps in seconds, e.g. for progress. */
    double seconds(long pts) {
        return av_rescale_q(pts, context.time_base(), Ff.q(1, 1_000_000)) / 1e6;
    }

    @Override
    public void close() {
        if (swr != null) swr_free(swr);
        av_audio_fifo_free(fifo);
        av_frame_free(converted);
        av_frame_free(chunk);
        av_packet_free(packet);
        avcodec_free_context(context);
    }
}

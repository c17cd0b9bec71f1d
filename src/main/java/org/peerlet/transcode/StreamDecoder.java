package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Decodes one stream; each decoded frame is handed to a consumer and released right after. */
final class StreamDecoder implements AutoCloseable {

    /** Receives a decoded frame; the frame is only valid during the call. */
    interface FrameSink {
        void accept(AVFrame frame) throws MediaException;
    }

    final AVCodecContext context;
    private final AVFrame frame;
    private int errors;

    private StreamDecoder(AVCodecContext context) {
        this.context = context;
        this.frame = av_frame_alloc();
    }

    static StreamDecoder open(AVStream stream, int threads) throws MediaException {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            throw MediaException.permanent("unsupported codec: " + avcodec_get_name(stream.codecpar().codec_id()).getString());
        }
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        try {
            Ff.check(avcodec_parameters_to_context(ctx, stream.codecpar()), "copying codec parameters");
            ctx.pkt_timebase(stream.time_base());
            ctx.thread_count(threads);
            int ret = avcodec_open2(ctx, codec, (AVDictionary) null);
            if (ret < 0) throw MediaException.permanent("cannot open decoder " + codec.name().getString() + ": " + Ff.describe(ret));
            return new StreamDecoder(ctx);
        } catch (MediaException | RuntimeException e) {
            avcodec_free_context(ctx);
            throw e;
        }
    }

    /** Feeds one packet (null = end of stream) and passes on every frame that comes out. */
    void decode(AVPacket packet, FrameSink sink) throws MediaException {
        int ret = avcodec_send_packet(context, packet);
        if (ret < 0 && ret != Ff.EAGAIN && ret != Ff.EOF) {
            errors++; // a damaged packet: skip it, the next keyframe recovers
            return;
        }
        while (true) {
            ret = avcodec_receive_frame(context, frame);
            if (ret == Ff.EAGAIN || ret == Ff.EOF) return;
            if (ret < 0) {
                errors++;
                return;
            }
            try {
                sink.accept(frame);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    /** Packets the decoder refused or failed on (damaged data). */
    int errors() {
        return errors;
    }

    @Override
    public void close() {
        av_frame_free(frame);
        avcodec_free_context(context);
    }
}

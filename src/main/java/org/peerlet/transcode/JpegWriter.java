package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_QSCALE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Writes a picture as a JPEG fitted inside a box (aspect kept), with FFmpeg's mjpeg encoder. */
final class JpegWriter {

    private static final int FF_QP2LAMBDA = 118;
    private static final int QUALITY = 3; // mjpeg qscale: 2 best .. 31 worst

    private JpegWriter() {
    }

    /** Largest even size with the picture's aspect that fits in boxW x boxH, never enlarged. */
    static int[] fit(int w, int h, int boxW, int boxH) {
        double s = Math.min(1.0, Math.min(boxW / (double) w, boxH / (double) h));
        return new int[] {Ff.even(w * s), Ff.even(h * s)};
    }

    static void write(AVFrame picture, Path file, int boxW, int boxH) throws MediaException {
        int[] size = fit(picture.width(), picture.height(), boxW, boxH);
        AVCodec codec = avcodec_find_encoder_by_name("mjpeg");
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        try (RungScaler scaler = new RungScaler(size[0], size[1], AV_PIX_FMT_YUVJ420P)) {
            ctx.width(size[0]).height(size[1]).pix_fmt(AV_PIX_FMT_YUVJ420P).color_range(AVCOL_RANGE_JPEG);
            ctx.time_base(Ff.q(1, 25));
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_QSCALE);
            ctx.global_quality(QUALITY * FF_QP2LAMBDA);
            Ff.check(avcodec_open2(ctx, codec, (AVDictionary) null), "opening the JPEG encoder");
            AVFrame scaled = scaler.scale(picture);
            scaled.pts(0).quality(QUALITY * FF_QP2LAMBDA).color_range(AVCOL_RANGE_JPEG);
            Ff.check(avcodec_send_frame(ctx, scaled), "encoding JPEG");
            Ff.check(avcodec_send_frame(ctx, null), "encoding JPEG");
            Ff.check(avcodec_receive_packet(ctx, packet), "encoding JPEG");
            byte[] bytes = new byte[packet.size()];
            packet.data().get(bytes);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw MediaException.transientFailure("cannot write " + file.getFileName() + ": " + e.getMessage());
        } finally {
            av_packet_free(packet);
            avcodec_free_context(ctx);
        }
    }
}

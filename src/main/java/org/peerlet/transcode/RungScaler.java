package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Scales any decoded picture to one rung's size in 8-bit yuv420p (which also converts 4:4:4 and
 * 10-bit sources). One per rung; the output frame is reused, made writable again if an encoder
 * still holds the previous picture.
 */
final class RungScaler implements AutoCloseable {

    final int width;
    final int height;
    private final int pixelFormat;
    private final AVFrame out = av_frame_alloc();
    private SwsContext sws;
    private int srcW = -1, srcH = -1, srcFormat = -1;

    RungScaler(int width, int height) throws MediaException {
        this(width, height, AV_PIX_FMT_YUV420P);
    }

    RungScaler(int width, int height, int pixelFormat) throws MediaException {
        this.width = width;
        this.height = height;
        this.pixelFormat = pixelFormat;
        out.format(pixelFormat).width(width).height(height);
        Ff.check(av_frame_get_buffer(out, 0), "allocating a picture");
    }

    /**
     * Returns the picture at this rung's size and format with the source's pts: the source itself when it
     * already fits (no copy), else the scaler's own picture (valid until the next call).
     */
    AVFrame scale(AVFrame src) throws MediaException {
        if (src.width() == width && src.height() == height && src.format() == pixelFormat) return src;
        if (sws == null || src.width() != srcW || src.height() != srcH || src.format() != srcFormat) {
            if (sws != null) sws_freeContext(sws);
            srcW = src.width();
            srcH = src.height();
            srcFormat = src.format();
            sws = sws_getContext(srcW, srcH, srcFormat, width, height, pixelFormat, SWS_BICUBIC, null, null, (DoublePointer) null);
            if (sws == null || sws.isNull()) {
                sws = null;
                throw MediaException.permanent("cannot scale " + srcW + "x" + srcH + " pictures of format " + srcFormat);
            }
        }
        Ff.check(av_frame_make_writable(out), "reusing a picture buffer");
        Ff.check(sws_scale_frame(sws, out, src), "scaling");
        out.pts(src.pts());
        out.duration(src.duration()); // the muxer needs it for the last frame of each stream
        return out;
    }

    @Override
    public void close() {
        if (sws != null) sws_freeContext(sws);
        av_frame_free(out);
    }
}

package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_is_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.nio.ByteBuffer;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Turns decoded pictures upright (portrait stays portrait) by turning their three planes in Java, so
 * the jar needs no libavfilter. 8-bit 4:2:0 pictures are turned as they are; any other format is
 * first converted to yuv420p at its own size (every rung is yuv420p anyway). Without rotation,
 * pictures pass straight through. Buffers are reused from picture to picture and freed in
 * {@link #close()}.
 */
final class FrameRotator implements AutoCloseable {

    /**
     * Tile edge: the TILE source rows a tile reads (4 kB at 64) stay in the L1 cache while it is written.
     * 64 measured a little faster than 16 or 32 at 1080p (bench/rotate.sh).
     */
    static final int TILE = 64;

    private final int rotation;
    private final AVFrame upright = av_frame_alloc();
    private RungScaler toYuv420;
    private byte[] plane = new byte[0];
    private byte[] band = new byte[0];

    /** @param rotation clockwise degrees: 0, 90, 180 or 270 */
    FrameRotator(int rotation) {
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            av_frame_free(upright);
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270 degrees, was " + rotation);
        }
        this.rotation = rotation;
    }

    /**
     * Returns {@code frame} turned upright with its pts and duration: the frame itself when there is
     * nothing to turn, else this rotator's own picture (valid until the next call).
     */
    AVFrame upright(AVFrame frame) throws MediaException {
        if (rotation == 0) return frame;
        AVFrame src = is420(frame.format()) ? frame : toYuv420(frame);
        int w = src.width(), h = src.height();
        boolean quarter = rotation != 180;
        allocate(quarter ? h : w, quarter ? w : h, src.format());
        for (int p = 0; p < 3; p++) {
            // Chroma of an odd size rounds up, as FFmpeg allocates it; turned, it still matches the luma.
            turnPlane(src, p, p == 0 ? w : (w + 1) >> 1, p == 0 ? h : (h + 1) >> 1);
        }
        upright.pts(frame.pts()).duration(frame.duration());
        upright.color_range(src.color_range()).colorspace(src.colorspace())
                .color_primaries(src.color_primaries()).color_trc(src.color_trc());
        return upright;
    }

    private static boolean is420(int format) {
        return format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P;
    }

    /** 10-bit, 4:2:2, 4:4:4, NV12...: yuv420p at the same size, so one plane walk fits all. */
    private AVFrame toYuv420(AVFrame frame) throws MediaException {
        if (toYuv420 == null || toYuv420.width != frame.width() || toYuv420.height != frame.height()) {
            if (toYuv420 != null) toYuv420.close();
            toYuv420 = null; // so close() cannot free it twice if the next line fails
            toYuv420 = new RungScaler(frame.width(), frame.height());
        }
        return toYuv420.scale(frame);
    }

    /** A buffer nobody else holds: an encoder or the thumbnail may still reference the previous picture. */
    private void allocate(int width, int height, int format) throws MediaException {
        if (upright.width() == width && upright.height() == height && upright.format() == format
                && av_frame_is_writable(upright) != 0) {
            return;
        }
        av_frame_unref(upright);
        upright.format(format).width(width).height(height);
        Ff.check(av_frame_get_buffer(upright, 0), "allocating a picture");
    }

    /** Copies plane {@code p} (w x h) out packed, turns it a band of TILE rows at a time, and writes each band back. */
    private void turnPlane(AVFrame src, int p, int w, int h) throws MediaException {
        int srcStride = src.linesize(p), dstStride = upright.linesize(p);
        if (srcStride < w) throw MediaException.permanent("unsupported picture layout (linesize " + srcStride + ")");
        if (plane.length < w * h) plane = new byte[w * h];
        ByteBuffer in = src.data(p).capacity((long) (h - 1) * srcStride + w).asByteBuffer();
        for (int y = 0; y < h; y++) in.get(y * srcStride, plane, y * w, w);
        boolean quarter = rotation != 180;
        int outW = quarter ? h : w, outH = quarter ? w : h;
        if (band.length < TILE * outW) band = new byte[TILE * outW];
        ByteBuffer out = upright.data(p).capacity((long) (outH - 1) * dstStride + outW).asByteBuffer();
        for (int y = 0; y < outH; y += TILE) {
            int rows = Math.min(TILE, outH - y);
            turnRows(plane, w, h, rotation, y, rows, band);
            for (int r = 0; r < rows; r++) out.put((y + r) * dstStride, band, r * outW, outW);
        }
    }

    /**
     * Writes rows {@code first .. first+rows-1} of {@code src} (a packed w x h plane) turned
     * {@code rotation} degrees clockwise into {@code band}, packed at the turned width. Quarter turns
     * go TILE columns at a time so the source rows they read stay in cache.
     */
    static void turnRows(byte[] src, int w, int h, int rotation, int first, int rows, byte[] band) {
        switch (rotation) {
            case 90 -> { // out(x, y) = in(y, h-1-x): out row y is in column y, read bottom to top
                for (int x0 = 0; x0 < h; x0 += TILE) {
                    int x1 = Math.min(x0 + TILE, h);
                    for (int r = 0; r < rows; r++) {
                        int d = r * h, s = (h - 1 - x0) * w + first + r;
                        for (int x = x0; x < x1; x++, s -= w) band[d + x] = src[s];
                    }
                }
            }
            case 270 -> { // out(x, y) = in(w-1-y, x): out row y is in column w-1-y, read top to bottom
                for (int x0 = 0; x0 < h; x0 += TILE) {
                    int x1 = Math.min(x0 + TILE, h);
                    for (int r = 0; r < rows; r++) {
                        int d = r * h, s = x0 * w + w - 1 - (first + r);
                        for (int x = x0; x < x1; x++, s += w) band[d + x] = src[s];
                    }
                }
            }
            case 180 -> { // out(x, y) = in(w-1-x, h-1-y): rows in reverse order, each reversed
                for (int r = 0; r < rows; r++) {
                    int d = r * w, s = (h - 1 - first - r) * w + w - 1;
                    for (int x = 0; x < w; x++) band[d + x] = src[s - x];
                }
            }
            default -> throw new IllegalArgumentException("rotation " + rotation);
        }
    }

    @Override
    public void close() {
        av_frame_free(upright);
        if (toYuv420 != null) toYuv420.close();
    }
}

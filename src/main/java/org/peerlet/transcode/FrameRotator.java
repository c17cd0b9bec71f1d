package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_is_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
     * Turned rows made at a time in a Java band before one copy out to the native picture: a band of
     * 64 1080p rows is 69 kB, small enough to stay in cache, big enough that the copies are few.
     */
    static final int TILE = 64;

    /** 8 bytes of a byte[] as one long, byte 0 lowest: sample j of a word is bits 8j..8j+7 on any machine. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        int size = (h - 1) * srcStride + w;
        if (plane.length < size) plane = new byte[size];
        // One copy with the row padding: a call per row costs more than the padding under C1.
        src.data(p).capacity(size).asByteBuffer().get(0, plane, 0, size);
        boolean quarter = rotation != 180;
        int outW = quarter ? h : w, outH = quarter ? w : h;
        if (band.length < TILE * dstStride) band = new byte[TILE * dstStride];
        ByteBuffer out = upright.data(p).capacity((long) (outH - 1) * dstStride + outW).asByteBuffer();
        for (int y = 0; y < outH; y += TILE) {
            int rows = Math.min(TILE, outH - y);
            turnRows(plane, srcStride, w, h, rotation, y, rows, band, dstStride);
            out.put(y * dstStride, band, 0, (rows - 1) * dstStride + outW);
        }
    }

    /**
     * Writes rows {@code first .. first+rows-1} of {@code src} (a w x h plane, rows {@code pitch} apart)
     * turned {@code rotation} degrees clockwise into {@code band}, rows {@code bandPitch} apart. Quarter turns
     * move 8x8 blocks as eight 8-byte words; what is left at the edges goes sample by sample.
     */
    static void turnRows(byte[] src, int pitch, int w, int h, int rotation, int first, int rows, byte[] band, int bandPitch) {
        int rows8 = rows & ~7;
        switch (rotation) {
            case 90 -> { // out(x, y) = in(y, h-1-x): out row y is in column y, read bottom to top
                int h8 = h & ~7;
                for (int r = 0; r < rows8; r += 8) {
                    transpose8x8(src, (h - 1) * pitch + first + r, -pitch, band, r * bandPitch, bandPitch, h8 >> 3);
                }
                turnSamples(src, pitch, w, h, rotation, first, 0, rows8, h8, h, band, bandPitch);
                turnSamples(src, pitch, w, h, rotation, first, rows8, rows, 0, h, band, bandPitch);
            }
            case 270 -> { // out(x, y) = in(w-1-y, x): out row y is in column w-1-y, read top to bottom
                int h8 = h & ~7;
                for (int r = 0; r < rows8; r += 8) {
                    // Columns w-8-y .. w-1-y hold out rows y+7 down to y: write the block bottom up.
                    transpose8x8(src, w - 8 - (first + r), pitch, band, (r + 7) * bandPitch, -bandPitch, h8 >> 3);
                }
                turnSamples(src, pitch, w, h, rotation, first, 0, rows8, h8, h, band, bandPitch);
                turnSamples(src, pitch, w, h, rotation, first, rows8, rows, 0, h, band, bandPitch);
            }
            case 180 -> { // out(x, y) = in(w-1-x, h-1-y): rows in reverse order, each reversed
                int w8 = w & ~7;
                for (int r = 0; r < rows; r++) {
                    int d = r * bandPitch, s = (h - 1 - first - r) * pitch + w - 8;
                    reverseWords(src, s, band, d, w8 >> 3);
                    for (int x = w8; x < w; x++) band[d + x] = src[s + 7 - x];
                }
            }
            default -> throw new IllegalArgumentException("rotation " + rotation);
        }
    }

    /** Quarter turns sample by sample, for out rows {@code r0 .. r1-1} and columns {@code x0 .. x1-1} of the band. */
    private static void turnSamples(byte[] src, int pitch, int w, int h, int rotation, int first, int r0, int r1, int x0, int x1, byte[] band, int bandPitch) {
        for (int r = r0; r < r1; r++) {
            int y = first + r;
            for (int x = x0; x < x1; x++) band[r * bandPitch + x] = rotation == 90 ? src[(h - 1 - x) * pitch + y] : src[x * pitch + w - 1 - y];
        }
    }

    /**
     * Transposes {@code n} 8x8 blocks: block i is 8 rows of 8 bytes read from {@code src} at
     * {@code s0 + 8*i*sStep}, rows {@code sStep} apart, and written (byte j of row k becomes byte k of
     * row j) to {@code dst} at {@code d0 + 8*i}, rows {@code dStep} apart. Three rounds swap ever smaller
     * blocks across the diagonal: 4x4, then 2x2, then single bytes.
     */
    static void transpose8x8(byte[] src, int s0, int sStep, byte[] dst, int d0, int dStep, int n) {
        for (int i = 0; i < n; i++) {
            int s = s0 + 8 * i * sStep, d = d0 + 8 * i;
            long a0 = (long) LONGS.get(src, s); s += sStep;
            long a1 = (long) LONGS.get(src, s); s += sStep;
            long a2 = (long) LONGS.get(src, s); s += sStep;
            long a3 = (long) LONGS.get(src, s); s += sStep;
            long a4 = (long) LONGS.get(src, s); s += sStep;
            long a5 = (long) LONGS.get(src, s); s += sStep;
            long a6 = (long) LONGS.get(src, s); s += sStep;
            long a7 = (long) LONGS.get(src, s);
            long t;
            t = ((a0 >>> 32) ^ a4) & 0x00000000FFFFFFFFL; a4 ^= t; a0 ^= t << 32;
            t = ((a1 >>> 32) ^ a5) & 0x00000000FFFFFFFFL; a5 ^= t; a1 ^= t << 32;
            t = ((a2 >>> 32) ^ a6) & 0x00000000FFFFFFFFL; a6 ^= t; a2 ^= t << 32;
            t = ((a3 >>> 32) ^ a7) & 0x00000000FFFFFFFFL; a7 ^= t; a3 ^= t << 32;
            t = ((a0 >>> 16) ^ a2) & 0x0000FFFF0000FFFFL; a2 ^= t; a0 ^= t << 16;
            t = ((a1 >>> 16) ^ a3) & 0x0000FFFF0000FFFFL; a3 ^= t; a1 ^= t << 16;
            t = ((a4 >>> 16) ^ a6) & 0x0000FFFF0000FFFFL; a6 ^= t; a4 ^= t << 16;
            t = ((a5 >>> 16) ^ a7) & 0x0000FFFF0000FFFFL; a7 ^= t; a5 ^= t << 16;
            t = ((a0 >>> 8) ^ a1) & 0x00FF00FF00FF00FFL; a1 ^= t; a0 ^= t << 8;
            t = ((a2 >>> 8) ^ a3) & 0x00FF00FF00FF00FFL; a3 ^= t; a2 ^= t << 8;
            t = ((a4 >>> 8) ^ a5) & 0x00FF00FF00FF00FFL; a5 ^= t; a4 ^= t << 8;
            t = ((a6 >>> 8) ^ a7) & 0x00FF00FF00FF00FFL; a7 ^= t; a6 ^= t << 8;
            LONGS.set(dst, d, a0); d += dStep;
            LONGS.set(dst, d, a1); d += dStep;
            LONGS.set(dst, d, a2); d += dStep;
            LONGS.set(dst, d, a3); d += dStep;
            LONGS.set(dst, d, a4); d += dStep;
            LONGS.set(dst, d, a5); d += dStep;
            LONGS.set(dst, d, a6); d += dStep;
            LONGS.set(dst, d, a7);
        }
    }

    /** Copies {@code n} 8-byte words from {@code s} backwards into {@code d} forwards, each word's bytes reversed: a row read right to left. */
    static void reverseWords(byte[] src, int s, byte[] dst, int d, int n) {
        for (int i = 0; i < n; i++, s -= 8, d += 8) {
            long v = (long) LONGS.get(src, s);
            v = v >>> 32 | v << 32;
            v = (v >>> 16) & 0x0000FFFF0000FFFFL | (v & 0x0000FFFF0000FFFFL) << 16;
            LONGS.set(dst, d, (v >>> 8) & 0x00FF00FF00FF00FFL | (v & 0x00FF00FF00FF00FFL) << 8);
        }
    }

    @Override
    public void close() {
        av_frame_free(upright);
        if (toYuv420 != null) toYuv420.close();
    }
}

package org.peerlet.transcode;

import org.peerlet.media.MediaPlaylist;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.PointerPointer;

/** Reads a transcode's output back with FFmpeg: each rung as init + segments, and each segment on its own. */
final class HlsOutput {

    /** What one rung decodes to. */
    record RungContent(int width, int height, String videoCodec, String audioCodec, String pixelFormat,
                       int videoFrames, double videoSeconds, double audioSeconds, List<Double> keyframeTimes) {
    }

    /** A decoded 8-bit picture: its size and its luma samples, packed row after row. */
    record Picture(int width, int height, byte[] luma) {
        /** Mean luma of the square an eighth of the width on a side at one corner: (0, 0) top left, (1, 1) bottom right. */
        double cornerLuma(int right, int bottom) {
            int side = Math.max(1, width / 8);
            int x0 = right == 0 ? 0 : width - side, y0 = bottom == 0 ? 0 : height - side;
            long sum = 0;
            for (int y = y0; y < y0 + side; y++) {
                for (int x = x0; x < x0 + side; x++) sum += luma[y * width + x] & 0xff;
            }
            return sum / (double) (side * side);
        }
    }

    /** First video packet of one segment: is it a keyframe, and when does it start. */
    record SegmentStart(boolean keyframe, double seconds) {
    }

    private HlsOutput() {
    }

    static RungContent rung(Path dir, String playlist) {
        MediaPlaylist p = MediaPlaylist.read(dir.resolve(playlist));
        List<Path> parts = new ArrayList<>();
        parts.add(dir.resolve(p.initSegment()));
        for (MediaPlaylist.Segment s : p.segments()) parts.add(dir.resolve(s.uri()));
        Path joined = concat(dir, parts, playlist + ".joined.mp4");
        try {
            return read(joined);
        } finally {
            joined.toFile().delete();
        }
    }

    /** The first picture of a rung (init segment + segments), decoded. */
    static Picture firstPicture(Path dir, String playlist) {
        MediaPlaylist p = MediaPlaylist.read(dir.resolve(playlist));
        List<Path> parts = new ArrayList<>();
        parts.add(dir.resolve(p.initSegment()));
        for (MediaPlaylist.Segment s : p.segments()) parts.add(dir.resolve(s.uri()));
        Path joined = concat(dir, parts, playlist + ".first.mp4");
        AVFormatContext fmt = open(joined);
        AVPacket pkt = av_packet_alloc();
        Picture[] got = new Picture[1];
        StreamDecoder.FrameSink keep = f -> {
            if (got[0] != null) return;
            int w = f.width(), h = f.height();
            byte[] luma = new byte[w * h];
            for (int y = 0; y < h; y++) f.data(0).position((long) y * f.linesize(0)).get(luma, y * w, w);
            got[0] = new Picture(w, h, luma);
        };
        try (StreamDecoder decoder = StreamDecoder.open(videoStream(fmt), 1)) {
            while (got[0] == null && av_read_frame(fmt, pkt) >= 0) {
                try {
                    if (fmt.streams(pkt.stream_index()).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) decoder.decode(pkt, keep);
                } finally {
                    av_packet_unref(pkt);
                }
            }
            if (got[0] == null) decoder.decode(null, keep);
        } catch (MediaException e) {
            throw new AssertionError("cannot decode " + playlist + ": " + e.getMessage(), e);
        } finally {
            av_packet_free(pkt);
            avformat_close_input(fmt);
            joined.toFile().delete();
        }
        if (got[0] == null) throw new AssertionError("no picture in " + playlist);
        return got[0];
    }

    private static AVStream videoStream(AVFormatContext fmt) {
        for (int i = 0; i < fmt.nb_streams(); i++) {
            if (fmt.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) return fmt.streams(i);
        }
        throw new AssertionError("no video stream");
    }

    static List<SegmentStart> segmentStarts(Path dir, String playlist) {
        MediaPlaylist p = MediaPlaylist.read(dir.resolve(playlist));
        List<SegmentStart> starts = new ArrayList<>();
        for (MediaPlaylist.Segment s : p.segments()) {
            Path one = concat(dir, List.of(dir.resolve(p.initSegment()), dir.resolve(s.uri())), s.uri() + ".one.mp4");
            try {
                AVFormatContext fmt = open(one);
                try {
                    starts.add(firstVideoPacket(fmt));
                } finally {
                    avformat_close_input(fmt);
                }
            } finally {
                one.toFile().delete();
            }
        }
        return starts;
    }

    private static SegmentStart firstVideoPacket(AVFormatContext fmt) {
        AVPacket pkt = av_packet_alloc();
        try {
            while (av_read_frame(fmt, pkt) >= 0) {
                try {
                    AVStream st = fmt.streams(pkt.stream_index());
                    if (st.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                        return new SegmentStart((pkt.flags() & AV_PKT_FLAG_KEY) != 0, Ff.seconds(pkt.pts(), st.time_base()));
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
            throw new AssertionError("segment without video");
        } finally {
            av_packet_free(pkt);
        }
    }

    private static RungContent read(Path file) {
        AVFormatContext fmt = open(file);
        AVPacket pkt = av_packet_alloc();
        try {
            int w = 0, h = 0, frames = 0;
            String vcodec = null, acodec = null, pixfmt = null;
            double vMin = Double.MAX_VALUE, vMax = -Double.MAX_VALUE, aMin = Double.MAX_VALUE, aMax = -Double.MAX_VALUE;
            long aLastDuration = 0;
            List<Double> keys = new ArrayList<>();
            for (int i = 0; i < fmt.nb_streams(); i++) {
                var par = fmt.streams(i).codecpar();
                if (par.codec_type() == AVMEDIA_TYPE_VIDEO) {
                    w = par.width();
                    h = par.height();
                    vcodec = avcodec_get_name(par.codec_id()).getString();
                    pixfmt = org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name(par.format()).getString();
                } else if (par.codec_type() == AVMEDIA_TYPE_AUDIO) {
                    acodec = avcodec_get_name(par.codec_id()).getString();
                }
            }
            while (av_read_frame(fmt, pkt) >= 0) {
                try {
                    AVStream st = fmt.streams(pkt.stream_index());
                    double t = Ff.seconds(pkt.pts(), st.time_base());
                    if (st.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                        frames++;
                        vMin = Math.min(vMin, t);
                        vMax = Math.max(vMax, t);
                        if ((pkt.flags() & AV_PKT_FLAG_KEY) != 0) keys.add(t);
                    } else {
                        aMin = Math.min(aMin, t);
                        aMax = Math.max(aMax, t);
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
            keys.sort(null);
            // Fragment demuxing leaves packet durations at 0: span of timestamps plus one frame (or AAC frame).
            double vSeconds = frames > 1 ? (vMax - vMin) * frames / (frames - 1) : 0;
            double aSeconds = aMax > aMin ? aMax - aMin + 1024.0 / 48_000 : 0;
            return new RungContent(w, h, vcodec, acodec, pixfmt, frames, vSeconds, aSeconds, keys);
        } finally {
            av_packet_free(pkt);
            avformat_close_input(fmt);
        }
    }

    private static AVFormatContext open(Path file) {
        AVFormatContext fmt = new AVFormatContext(null);
        int ret = avformat_open_input(fmt, file.toString(), null, null);
        if (ret < 0) throw new AssertionError("cannot open " + file + ": " + Ff.describe(ret));
        if (avformat_find_stream_info(fmt, (PointerPointer<?>) null) < 0) {
            avformat_close_input(fmt);
            throw new AssertionError("no stream info in " + file);
        }
        return fmt;
    }

    private static Path concat(Path dir, List<Path> parts, String name) {
        Path out = dir.resolveSibling(dir.getFileName() + "-" + name);
        try (OutputStream o = Files.newOutputStream(out)) {
            for (Path p : parts) Files.copy(p, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

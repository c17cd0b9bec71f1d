package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/** An opened source: demuxer context plus the chosen video, audio and cover-art streams. */
final class InputFile implements AutoCloseable {

    final Path path;
    final long sizeBytes;
    final AVFormatContext format;
    /** Index of the main video stream, or -1. Cover art is not "video". */
    final int videoIndex;
    final int audioIndex;
    /** Index of an attached picture (album cover), or -1. */
    final int coverIndex;
    final int rotation;

    private InputFile(Path path, long sizeBytes, AVFormatContext format) {
        this.path = path;
        this.sizeBytes = sizeBytes;
        this.format = format;
        int video = -1, audio = -1, cover = -1;
        long bestArea = -1;
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream st = format.streams(i);
            AVCodecParameters par = st.codecpar();
            if (par.codec_type() == AVMEDIA_TYPE_VIDEO) {
                if ((st.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
                    if (cover < 0) cover = i;
                } else if ((long) par.width() * par.height() > bestArea) {
                    bestArea = (long) par.width() * par.height();
                    video = i;
                }
            } else if (par.codec_type() == AVMEDIA_TYPE_AUDIO && audio < 0 && par.ch_layout().nb_channels() > 0) {
                audio = i;
            }
        }
        this.videoIndex = video;
        this.audioIndex = audio;
        this.coverIndex = cover;
        this.rotation = video >= 0 ? rotationOf(format.streams(video)) : 0;
    }

    /** Opens and reads stream info; refuses empty, unreadable and stream-less files as permanent errors. */
    static InputFile open(Path path) throws MediaException {
        Ff.init();
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new MediaException("cannot read file: " + e.getMessage(), !Files.exists(path), e);
        }
        if (size == 0) throw MediaException.permanent("file is empty");
        AVFormatContext ctx = new AVFormatContext(null);
        // Absolute, so a name like "take:2.mp4" is never read as a protocol.
        int ret = avformat_open_input(ctx, path.toAbsolutePath().toString(), null, null);
        if (ret < 0) {
            throw MediaException.permanent("not a media file, or truncated beyond repair (" + Ff.describe(ret) + ")");
        }
        try {
            ret = avformat_find_stream_info(ctx, (PointerPointer<?>) null);
            if (ret < 0) throw MediaException.permanent("unreadable media file (" + Ff.describe(ret) + ")");
            InputFile in = new InputFile(path, size, ctx);
            if (in.videoIndex < 0 && in.audioIndex < 0) {
                throw MediaException.permanent("not a video: no audio or video stream");
            }
            return in;
        } catch (MediaException | RuntimeException e) {
            avformat_close_input(ctx);
            throw e;
        }
    }

    AVStream video() {
        return videoIndex >= 0 ? format.streams(videoIndex) : null;
    }

    AVStream audio() {
        return audioIndex >= 0 ? format.streams(audioIndex) : null;
    }

    /** Container duration in seconds, or the longest stream's when the container doesn't say; 0 if unknown. */
    double durationSeconds() {
        if (format.duration() != Ff.NOPTS && format.duration() > 0) {
            return format.duration() / (double) Ff.TIME_BASE;
        }
        double best = 0;
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream st = format.streams(i);
            if (st.duration() != Ff.NOPTS && st.duration() > 0) best = Math.max(best, Ff.seconds(st.duration(), st.time_base()));
        }
        return best;
    }

    /** Where timestamps start (seconds); everything is shifted so output starts at 0. */
    double startSeconds() {
        return format.start_time() == Ff.NOPTS ? 0 : format.start_time() / (double) Ff.TIME_BASE;
    }

    double fps() {
        if (videoIndex < 0) return 0;
        AVRational r = av_guess_frame_rate(format, video(), null);
        return r.num() > 0 && r.den() > 0 ? r.num() / (double) r.den() : 0;
    }

    ProbeResult describe() {
        AVStream v = video();
        AVStream a = audio();
        int w = 0, h = 0, depth = 0;
        String vcodec = null, pixfmt = null;
        if (v != null) {
            AVCodecParameters par = v.codecpar();
            w = par.width();
            h = par.height();
            vcodec = name(avcodec_get_name(par.codec_id()));
            pixfmt = par.format() >= 0 ? name(av_get_pix_fmt_name(par.format())) : null;
            AVPixFmtDescriptor desc = par.format() >= 0 ? av_pix_fmt_desc_get(par.format()) : null;
            depth = desc != null ? desc.comp(0).depth() : 0;
        }
        boolean quarter = rotation == 90 || rotation == 270;
        return new ProbeResult(
                durationSeconds(),
                name(format.iformat().name()),
                sizeBytes,
                v != null,
                a != null,
                vcodec,
                a != null ? name(avcodec_get_name(a.codecpar().codec_id())) : null,
                w, h,
                quarter ? h : w,
                quarter ? w : h,
                rotation,
                fps(),
                pixfmt,
                depth);
    }

    /** Clockwise degrees (0/90/180/270) from the display matrix, or from the legacy "rotate" tag. */
    private static int rotationOf(AVStream st) {
        AVCodecParameters par = st.codecpar();
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (sd != null && !sd.isNull() && sd.size() >= 36) {
            // The matrix angle is counter-clockwise; players turn the picture clockwise by its negation.
            double ccw = av_display_rotation_get(new IntPointer(sd.data()));
            if (!Double.isNaN(ccw)) return normalize(-ccw);
        }
        AVDictionaryEntry tag = av_dict_get(st.metadata(), "rotate", null, 0);
        if (tag != null && !tag.isNull()) {
            try {
                return normalize(Double.parseDouble(tag.value().getString()));
            } catch (NumberFormatException ignored) {
                return 0;
            }
        }
        return 0;
    }

    private static int normalize(double degrees) {
        int d = (int) Math.round(degrees / 90.0) * 90;
        return ((d % 360) + 360) % 360;
    }

    private static String name(BytePointer p) {
        return p == null || p.isNull() ? null : p.getString();
    }

    @Override
    public void close() {
        avformat_close_input(format);
    }
}

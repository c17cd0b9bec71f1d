package org.peerlet.testing;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_stream_new_side_data;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32P;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_d2q;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Makes small test media in-process with the same FFmpeg libraries the product uses: a moving
 * pattern (a bright box sliding over a gradient) and a 440 Hz tone. Reusable by every test.
 * Keep clips tiny (1-3 s, small sizes): everything is encoded on the test's own thread.
 */
public final class TestClips {

    static {
        av_log_set_level(AV_LOG_ERROR);
    }

    private TestClips() {
    }

    /** H.264 + AAC in MP4 (index at the end, as cameras write it). */
    public static Path h264Aac(Path out, int width, int height, double seconds, double fps) {
        return clip(out).video("libx264", width, height, fps).audio("aac").seconds(seconds).write();
    }

    /** H.264 + AAC in MP4 with the index first (+faststart), like files prepared for streaming. */
    public static Path h264AacFaststart(Path out, int width, int height, double seconds, double fps) {
        return clip(out).video("libx264", width, height, fps).audio("aac").seconds(seconds).faststart().write();
    }

    /** H.264 + AAC in MP4 with a display matrix saying "turn {@code degrees} clockwise" (phone portrait = 90). */
    public static Path withRotation(Path out, int width, int height, double seconds, double fps, int degrees) {
        return clip(out).video("libx264", width, height, fps).audio("aac").seconds(seconds).rotation(degrees).write();
    }

    /** 852x478 (odd-ish, not mod-4) yuv444p H.264 in Matroska, no audio. */
    public static Path yuv444OddMkv(Path out, double seconds) {
        return clip(out).format("matroska").video("libx264", 852, 478, 25).pixelFormat(AV_PIX_FMT_YUV444P).seconds(seconds).write();
    }

    /** H.264 video only, MP4. */
    public static Path videoOnly(Path out, int width, int height, double seconds, double fps) {
        return clip(out).video("libx264", width, height, fps).seconds(seconds).write();
    }

    /** VP9 + Opus in WebM. */
    public static Path vp9Opus(Path out, int width, int height, double seconds, double fps) {
        return clip(out).format("webm").video("libvpx-vp9", width, height, fps).audio("libopus").seconds(seconds).write();
    }

    /** HEVC (libx265) + AAC in MP4; check {@link #hasEncoder(String)} "libx265" first. */
    public static Path hevcAac(Path out, int width, int height, double seconds, double fps) {
        return clip(out).video("libx265", width, height, fps).audio("aac").seconds(seconds).write();
    }

    /** Audio only: MP3 (libmp3lame) when the file name ends in .mp3, else AAC in an .m4a/.mp4. */
    public static Path audioOnly(Path out, double seconds) {
        boolean mp3 = out.getFileName().toString().endsWith(".mp3");
        return clip(out).audio(mp3 ? "libmp3lame" : "aac").seconds(seconds).write();
    }

    /** The first {@code bytes} bytes of {@code source}. */
    public static Path truncate(Path source, Path out, long bytes) {
        try (InputStream in = Files.newInputStream(source); OutputStream o = Files.newOutputStream(out)) {
            o.write(in.readNBytes((int) bytes));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text file (whatever name you give it, e.g. "clip.mp4"). */
    public static Path notAVideo(Path out) {
        try {
            return Files.writeString(out, "This is not a video, just some words in a file.\n".repeat(50), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zero-byte file. */
    public static Path empty(Path out) {
        try {
            return Files.write(out, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean hasEncoder(String name) {
        AVCodec c = avcodec_find_encoder_by_name(name);
        return c != null && !c.isNull();
    }

    public static Builder clip(Path out) {
        return new Builder(out);
    }

    /** Free-form clip description; {@link #write()} encodes it. */
    public static final class Builder {
        private final Path out;
        private String format;
        private String videoCodec;
        private String audioCodec;
        private int width = 320, height = 240, pixelFormat = AV_PIX_FMT_YUV420P, rotation;
        private double fps = 25, seconds = 2;
        private boolean faststart, cornerMark;

        private Builder(Path out) {
            this.out = out;
        }

        public Builder format(String f) { this.format = f; return this; }
        public Builder video(String codec, int w, int h, double fps) {
            this.videoCodec = codec; this.width = w; this.height = h; this.fps = fps; return this;
        }
        public Builder audio(String codec) { this.audioCodec = codec; return this; }
        public Builder pixelFormat(int f) { this.pixelFormat = f; return this; }
        public Builder seconds(double s) { this.seconds = s; return this; }
        public Builder rotation(int degrees) { this.rotation = degrees; return this; }
        public Builder faststart() { this.faststart = true; return this; }
        /** A still black picture with a red top-left corner (a quarter of each side), to see where that corner ends up. */
        public Builder cornerMark() { this.cornerMark = true; return this; }

        public Path write() {
            try {
                new ClipWriter(this).write();
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Encodes and muxes one clip; every native object is freed in finally blocks. */
    private static final class ClipWriter {
        private final Builder b;
        private AVFormatContext oc;
        private AVCodecContext venc, aenc;
        private AVStream vst, ast;
        private AVFrame vframe, aframe;
        private final AVPacket pkt = av_packet_alloc();

        ClipWriter(Builder b) {
            this.b = b;
        }

        void write() throws IOException {
            try {
                oc = new AVFormatContext(null);
                check(avformat_alloc_output_context2(oc, null, b.format, b.out.toString()), "output " + b.out);
                if (b.videoCodec != null) openVideo();
                if (b.audioCodec != null) openAudio();
                if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
                    AVIOContext pb = new AVIOContext(null);
                    check(avio_open(pb, b.out.toString(), AVIO_FLAG_WRITE), "open " + b.out);
                    oc.pb(pb);
                }
                AVDictionary opts = new AVDictionary(null);
                if (b.faststart) av_dict_set(opts, "movflags", "+faststart", 0);
                check(avformat_write_header(oc, opts), "header");
                av_dict_free(opts);
                long vNext = 0, aNext = 0;
                long vTotal = b.videoCodec != null ? Math.round(b.seconds * b.fps) : 0;
                long aTotal = b.audioCodec != null ? Math.round(b.seconds * aenc.sample_rate()) : 0;
                // Interleave roughly by time so the muxer's queue stays short.
                while (vNext < vTotal || aNext < aTotal) {
                    double vt = vNext < vTotal ? vNext / b.fps : Double.MAX_VALUE;
                    double at = aNext < aTotal ? aNext / (double) aenc.sample_rate() : Double.MAX_VALUE;
                    if (vt <= at) {
                        drawPicture(vNext);
                        vframe.pts(vNext++).duration(1); // without it the MP4 edit list drops the last frame
                        encode(venc, vst, vframe);
                    } else {
                        int n = (int) Math.min(aenc.frame_size() > 0 ? aenc.frame_size() : 1024, aTotal - aNext);
                        drawSound(aNext, n);
                        aframe.pts(aNext).duration(n);
                        aNext += n;
                        encode(aenc, ast, aframe);
                    }
                }
                if (venc != null) encode(venc, vst, null);
                if (aenc != null) encode(aenc, ast, null);
                check(av_write_trailer(oc), "trailer");
            } finally {
                if (oc != null) {
                    if ((oc.oformat().flags() & AVFMT_NOFILE) == 0 && oc.pb() != null) avio_closep(oc.pb());
                    avformat_free_context(oc);
                }
                if (venc != null) avcodec_free_context(venc);
                if (aenc != null) avcodec_free_context(aenc);
                if (vframe != null) av_frame_free(vframe);
                if (aframe != null) av_frame_free(aframe);
                av_packet_free(pkt);
            }
        }

        private void openVideo() throws IOException {
            AVCodec codec = encoder(b.videoCodec);
            venc = avcodec_alloc_context3(codec);
            AVRational rate = av_d2q(b.fps, 100_000);
            venc.width(b.width).height(b.height).pix_fmt(b.pixelFormat).time_base(av_inv_q(rate)).framerate(rate);
            venc.gop_size((int) Math.round(b.fps)).thread_count(1);
            if ((oc.oformat().flags() & org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER) != 0) {
                venc.flags(venc.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            AVDictionary opts = new AVDictionary(null);
            if (b.videoCodec.equals("libx264")) av_dict_set(opts, "preset", "ultrafast", 0);
            if (b.videoCodec.equals("libx265")) {
                av_dict_set(opts, "preset", "ultrafast", 0);
                av_dict_set(opts, "x265-params", "log-level=error:pools=1:frame-threads=1", 0);
            }
            if (b.videoCodec.startsWith("libvpx")) {
                av_dict_set(opts, "deadline", "realtime", 0);
                av_dict_set(opts, "cpu-used", "8", 0);
            }
            int ret = avcodec_open2(venc, codec, opts);
            av_dict_free(opts);
            check(ret, "open " + b.videoCodec);
            vst = avformat_new_stream(oc, null);
            check(avcodec_parameters_from_context(vst.codecpar(), venc), "video params");
            vst.time_base(venc.time_base());
            if (b.rotation != 0) {
                BytePointer matrix = av_stream_new_side_data(vst, AV_PKT_DATA_DISPLAYMATRIX, 9 * 4);
                // av_display_rotation_set(d) makes the matrix players read as "turn d degrees clockwise"
                // (av_display_rotation_get then returns -d), as a phone recording portrait writes it.
                av_display_rotation_set(new IntPointer(matrix), b.rotation);
            }
            vframe = av_frame_alloc();
            vframe.format(b.pixelFormat).width(b.width).height(b.height);
            check(av_frame_get_buffer(vframe, 0), "picture");
        }

        private void openAudio() throws IOException {
            AVCodec codec = encoder(b.audioCodec);
            aenc = avcodec_alloc_context3(codec);
            int fmt = codec.sample_fmts() != null && !codec.sample_fmts().isNull() ? codec.sample_fmts().get(0) : AV_SAMPLE_FMT_FLTP;
            int rate = b.audioCodec.equals("libmp3lame") ? 44_100 : 48_000;
            aenc.sample_fmt(fmt).sample_rate(rate).bit_rate(96_000).time_base(av_make_q(1, rate));
            av_channel_layout_default(aenc.ch_layout(), 2);
            if ((oc.oformat().flags() & org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER) != 0) {
                aenc.flags(aenc.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            check(avcodec_open2(aenc, codec, (AVDictionary) null), "open " + b.audioCodec);
            ast = avformat_new_stream(oc, null);
            check(avcodec_parameters_from_context(ast.codecpar(), aenc), "audio params");
            ast.time_base(aenc.time_base());
            aframe = av_frame_alloc();
            aframe.format(fmt).sample_rate(rate).nb_samples(aenc.frame_size() > 0 ? aenc.frame_size() : 1024);
            av_channel_layout_default(aframe.ch_layout(), 2);
            check(av_frame_get_buffer(aframe, 0), "samples");
        }

        /** Luma gradient with a bright box sliding right; chroma varies so 4:4:4 and 4:2:0 both get colour. */
        private void drawPicture(long index) throws IOException {
            check(av_frame_make_writable(vframe), "writable picture");
            if (b.pixelFormat == AV_PIX_FMT_YUV420P10LE) {
                drawPicture10(index);
                return;
            }
            int w = b.width, h = b.height;
            boolean full = b.pixelFormat == AV_PIX_FMT_YUV444P;
            int cw = full ? w : (w + 1) / 2, ch = full ? h : (h + 1) / 2;
            int boxX = (int) ((index * 8) % Math.max(1, w - w / 4)), boxW = w / 4, boxY = h / 3, boxH = h / 3;
            byte[] row = new byte[w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean inBox = x >= boxX && x < boxX + boxW && y >= boxY && y < boxY + boxH;
                    row[x] = (byte) luma(x, y, w, h, inBox, index);
                }
                vframe.data(0).position((long) y * vframe.linesize(0)).put(row, 0, w);
            }
            byte[] crow = new byte[cw];
            for (int p = 1; p <= 2; p++) {
                for (int y = 0; y < ch; y++) {
                    for (int x = 0; x < cw; x++) crow[x] = (byte) chroma(p, x, y, cw, ch);
                    vframe.data(p).position((long) y * vframe.linesize(p)).put(crow, 0, cw);
                }
            }
            for (int p = 0; p < 3; p++) vframe.data(p).position(0);
        }

        /** The same picture in 10-bit samples (values 0..1023 in 16-bit words). */
        private void drawPicture10(long index) {
            int w = b.width, h = b.height, cw = (w + 1) / 2, ch = (h + 1) / 2;
            int boxX = (int) ((index * 8) % Math.max(1, w - w / 4)), boxW = w / 4, boxY = h / 3, boxH = h / 3;
            short[] row = new short[w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean inBox = x >= boxX && x < boxX + boxW && y >= boxY && y < boxY + boxH;
                    row[x] = (short) (luma(x, y, w, h, inBox, index) << 2);
                }
                // position() counts shorts here: a byte offset converted first would land twice too far.
                new ShortPointer(vframe.data(0)).position((long) y * vframe.linesize(0) / 2).put(row, 0, w);
            }
            short[] crow = new short[cw];
            for (int p = 1; p <= 2; p++) {
                for (int y = 0; y < ch; y++) {
                    for (int x = 0; x < cw; x++) crow[x] = (short) (chroma(p, x, y, cw, ch) << 2);
                    new ShortPointer(vframe.data(p)).position((long) y * vframe.linesize(p) / 2).put(crow, 0, cw);
                }
            }
        }

        private int luma(int x, int y, int w, int h, boolean inBox, long index) {
            if (b.cornerMark) return x < w / 4 && y < h / 4 ? 235 : 16;
            return inBox ? 235 : (int) (16 + ((x + y + index * 3) % 200));
        }

        private int chroma(int plane, int x, int y, int cw, int ch) {
            if (b.cornerMark) return x < cw / 4 && y < ch / 4 ? (plane == 1 ? 90 : 240) : 128;
            return plane == 1 ? 64 + (x * 128 / cw) : 64 + (y * 128 / ch);
        }

        private void drawSound(long first, int n) throws IOException {
            check(av_frame_make_writable(aframe), "writable samples");
            aframe.nb_samples(n);
            int rate = aenc.sample_rate(), fmt = aenc.sample_fmt();
            for (int i = 0; i < n; i++) {
                float v = (float) (0.3 * Math.sin(2 * Math.PI * 440 * (first + i) / rate));
                for (int c = 0; c < 2; c++) {
                    if (fmt == AV_SAMPLE_FMT_FLTP) new FloatPointer(aframe.data(c)).put(i, v);
                    else if (fmt == AV_SAMPLE_FMT_FLT) new FloatPointer(aframe.data(0)).put(2L * i + c, v);
                    else if (fmt == AV_SAMPLE_FMT_S16P) new ShortPointer(aframe.data(c)).put(i, (short) (v * 32767));
                    else if (fmt == AV_SAMPLE_FMT_S16) new ShortPointer(aframe.data(0)).put(2L * i + c, (short) (v * 32767));
                    else if (fmt == AV_SAMPLE_FMT_S32P) new IntPointer(aframe.data(c)).put(i, (int) (v * Integer.MAX_VALUE));
                    else throw new IOException("sample format " + fmt + " not supported by TestClips");
                }
            }
        }

        private void encode(AVCodecContext enc, AVStream st, AVFrame frame) throws IOException {
            check(avcodec_send_frame(enc, frame), "encode");
            while (avcodec_receive_packet(enc, pkt) >= 0) {
                try {
                    pkt.stream_index(st.index());
                    if (pkt.duration() == 0 && enc == venc) pkt.duration(1); // libx264 leaves it 0; MP4 needs it
                    av_packet_rescale_ts(pkt, enc.time_base(), st.time_base());
                    check(av_interleaved_write_frame(oc, pkt), "write");
                } finally {
                    av_packet_unref(pkt);
                }
            }
        }

        private static AVCodec encoder(String name) throws IOException {
            AVCodec c = avcodec_find_encoder_by_name(name);
            if (c == null || c.isNull()) throw new IOException("encoder " + name + " not in this FFmpeg build");
            return c;
        }

        private static void check(int ret, String what) throws IOException {
            if (ret < 0) throw new IOException(what + " failed (" + ret + ")");
        }
    }
}

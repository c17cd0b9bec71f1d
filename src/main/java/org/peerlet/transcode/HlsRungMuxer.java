package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * One rung's HLS output through FFmpeg's own hls muxer in fMP4 mode: it writes {r}-init.mp4,
 * {r}-N.m4s and the VOD media playlist {r}.m3u8 (r = the rung's resolution, its shorter side), cutting at the first keyframe after each
 * segment length. Since keyframes sit exactly on GOP boundaries in every rung, all rungs cut alike.
 * fMP4 rather than TS: less overhead, and the same fragments serve HLS and P2P (PeerTube does fMP4 too).
 */
final class HlsRungMuxer implements AutoCloseable {

    final String playlistName;
    final String initName;
    private final AVFormatContext context;
    private final AVStream videoStream;
    private final AVStream audioStream;
    private final AVCodecContext videoEncoder;
    private final AVCodecContext audioEncoder;
    private boolean headerWritten;
    private double lastVideoSeconds;

    HlsRungMuxer(Path dir, int resolution, AVCodecContext videoEncoder, AVCodecContext audioEncoder, int segmentSeconds)
            throws MediaException {
        this.playlistName = resolution + ".m3u8";
        this.initName = resolution + "-init.mp4";
        this.videoEncoder = videoEncoder;
        this.audioEncoder = audioEncoder;
        dir = dir.toAbsolutePath();
        context = new AVFormatContext(null);
        Ff.check(avformat_alloc_output_context2(context, null, "hls", dir.resolve(playlistName).toString()), "creating HLS output");
        AVDictionary opts = new AVDictionary(null);
        try {
            videoStream = newStream(videoEncoder);
            audioStream = audioEncoder != null ? newStream(audioEncoder) : null;
            av_dict_set(opts, "hls_time", Integer.toString(segmentSeconds), 0);
            av_dict_set(opts, "hls_playlist_type", "vod", 0);
            av_dict_set(opts, "hls_list_size", "0", 0);
            av_dict_set(opts, "hls_segment_type", "fmp4", 0);
            av_dict_set(opts, "hls_fmp4_init_filename", initName, 0);
            av_dict_set(opts, "hls_segment_filename", dir.resolve(resolution + "-%d.m4s").toString(), 0);
            av_dict_set(opts, "hls_flags", "independent_segments", 0);
            int ret = avformat_write_header(context, opts);
            if (ret < 0) throw MediaException.transientFailure("cannot start HLS output " + playlistName + ": " + Ff.describe(ret));
            headerWritten = true;
        } catch (MediaException | RuntimeException e) {
            avformat_free_context(context);
            throw e;
        } finally {
            av_dict_free(opts);
        }
    }

    private AVStream newStream(AVCodecContext encoder) throws MediaException {
        AVStream st = avformat_new_stream(context, null);
        Ff.check(avcodec_parameters_from_context(st.codecpar(), encoder), "describing an output stream");
        st.time_base(encoder.time_base());
        return st;
    }

    void writeVideo(AVPacket packet) throws MediaException {
        lastVideoSeconds = Math.max(lastVideoSeconds, Ff.seconds(packet.pts(), videoEncoder.time_base()));
        write(packet, videoStream, videoEncoder);
    }

    void writeAudio(AVPacket packet) throws MediaException {
        write(packet, audioStream, audioEncoder);
    }

    /** The packet is copied (a reference, not the bytes), so one encoded packet can go to every rung. */
    private void write(AVPacket packet, AVStream stream, AVCodecContext encoder) throws MediaException {
        AVPacket copy = av_packet_clone(packet);
        if (copy == null) throw MediaException.transientFailure("out of memory copying a packet");
        try {
            copy.stream_index(stream.index());
            av_packet_rescale_ts(copy, encoder.time_base(), stream.time_base());
            Ff.check(av_interleaved_write_frame(context, copy), "writing " + playlistName);
        } finally {
            av_packet_free(copy);
        }
    }

    double lastVideoSeconds() {
        return lastVideoSeconds;
    }

    /** Flushes the last segment and writes the final playlist with #EXT-X-ENDLIST. */
    void finish() throws MediaException {
        Ff.check(av_write_trailer(context), "finishing " + playlistName);
        headerWritten = false;
    }

    @Override
    public void close() {
        if (headerWritten) av_write_trailer(context); // frees the muxer's internal state on the error path
        avformat_free_context(context);
    }
}

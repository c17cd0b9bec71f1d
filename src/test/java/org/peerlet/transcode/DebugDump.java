package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacpp.PointerPointer;
import java.nio.file.*;
import org.peerlet.testing.TestClips;

public class DebugDump {
    public static void main(String[] a) throws Exception {
        if (a[0].equals("make")) { TestClips.h264Aac(Path.of(a[1]), 640, 360, 3, 25); return; }
        if (a[0].equals("dec")) {
            try (InputFile in = InputFile.open(Path.of(a[1])); StreamDecoder d = StreamDecoder.open(in.video(), 2)) {
                AVPacket p = av_packet_alloc(); int[] n = {0};
                while (av_read_frame(in.format, p) >= 0) { if (p.stream_index() == in.videoIndex) d.decode(p, f -> { n[0]++; System.out.println("f pts=" + f.best_effort_timestamp() + " dur=" + f.duration()); }); av_packet_unref(p); }
                System.out.println("send null " + avcodec_send_packet(d.context, null) + " recv " + avcodec_receive_frame(d.context, org.bytedeco.ffmpeg.global.avutil.av_frame_alloc()) + " errors " + d.errors());
                d.decode(null, f -> { n[0]++; System.out.println("flush pts=" + f.best_effort_timestamp()); });
                System.out.println("frames " + n[0]);
            }
            return;
        }
        if (a[0].equals("run")) { var r = new FfmpegEngine().transcode(TranscodeRequest.of(Path.of(a[1]), Path.of(a[2])).withRungHeights(java.util.List.of(240)), null, null); System.out.println(r); return; }
        AVFormatContext fmt = new AVFormatContext(null);
        avformat_open_input(fmt, a[0], null, null);
        avformat_find_stream_info(fmt, (PointerPointer<?>) null);
        System.out.println("start " + fmt.start_time() + " dur " + fmt.duration());
        AVPacket p = av_packet_alloc();
        while (av_read_frame(fmt, p) >= 0) {
            var st = fmt.streams(p.stream_index());
            System.out.printf("s%d pts=%d dts=%d dur=%d key=%d fl=%d tb=%d/%d%n", p.stream_index(), p.pts(), p.dts(), p.duration(), p.flags() & 1, p.flags(), st.time_base().num(), st.time_base().den());
            av_packet_unref(p);
        }
    }
}

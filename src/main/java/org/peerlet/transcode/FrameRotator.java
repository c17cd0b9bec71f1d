package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_link;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Turns decoded frames upright (portrait stays portrait) with libavfilter's transpose/flip filters,
 * which are SIMD-optimised; without rotation frames pass straight through and no graph is built.
 */
final class FrameRotator implements AutoCloseable {

    private final int rotation;
    private final AVFrame rotated = av_frame_alloc();
    private AVFilterGraph graph;
    private AVFilterContext source;
    private AVFilterContext sink;

    FrameRotator(int rotation) {
        this.rotation = rotation;
    }

    /** Passes the upright version of {@code frame} to {@code sink}; the frame given on is only valid during the call. */
    void rotate(AVFrame frame, AVRational timeBase, StreamDecoder.FrameSink out) throws MediaException {
        if (rotation == 0) {
            out.accept(frame);
            return;
        }
        if (graph == null) build(frame, timeBase);
        Ff.check(av_buffersrc_add_frame_flags(source, frame, AV_BUFFERSRC_FLAG_KEEP_REF), "rotating a frame");
        while (av_buffersink_get_frame(sink, rotated) >= 0) {
            try {
                out.accept(rotated);
            } finally {
                av_frame_unref(rotated);
            }
        }
    }

    private static final int AV_BUFFERSRC_FLAG_KEEP_REF = 8;

    private void build(AVFrame frame, AVRational tb) throws MediaException {
        graph = avfilter_graph_alloc();
        String args = "video_size=" + frame.width() + "x" + frame.height() + ":pix_fmt=" + frame.format()
                + ":time_base=" + tb.num() + "/" + tb.den() + ":pixel_aspect=1/1";
        source = new AVFilterContext(null);
        Ff.check(avfilter_graph_create_filter(source, avfilter_get_by_name("buffer"), "in", args, null, graph), "creating buffer source");
        List<AVFilterContext> chain = new ArrayList<>();
        chain.add(source);
        for (String[] f : filtersFor(rotation)) {
            AVFilterContext ctx = new AVFilterContext(null);
            Ff.check(avfilter_graph_create_filter(ctx, avfilter_get_by_name(f[0]), f[0] + chain.size(), f[1], null, graph),
                    "creating " + f[0]);
            chain.add(ctx);
        }
        sink = new AVFilterContext(null);
        Ff.check(avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph), "creating buffer sink");
        chain.add(sink);
        for (int i = 0; i + 1 < chain.size(); i++) {
            Ff.check(avfilter_link(chain.get(i), 0, chain.get(i + 1), 0), "linking filters");
        }
        Ff.check(avfilter_graph_config(graph, null), "configuring rotation filters");
    }

    /** Same choices as FFmpeg's own autorotate: transpose for quarter turns, two flips for a half turn. */
    private static String[][] filtersFor(int rotation) {
        return switch (rotation) {
            case 90 -> new String[][] {{"transpose", "dir=clock"}};
            case 270 -> new String[][] {{"transpose", "dir=cclock"}};
            case 180 -> new String[][] {{"hflip", null}, {"vflip", null}};
            default -> new String[0][];
        };
    }

    @Override
    public void close() {
        av_frame_free(rotated);
        if (graph != null) avfilter_graph_free(graph);
    }
}

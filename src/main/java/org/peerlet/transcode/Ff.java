package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.ffmpeg.avutil.AVRational;

/** Small helpers around FFmpeg return codes, shared by the transcode classes. */
final class Ff {

    /** AVERROR(EAGAIN) on Linux: "feed more input / drain output first". */
    static final int EAGAIN = -11;
    static final int EOF = org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
    static final long NOPTS = org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
    static final int TIME_BASE = org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

    static {
        // Library chatter goes to stderr; only real errors are worth it in a server log.
        av_log_set_level(AV_LOG_ERROR);
    }

    private Ff() {
    }

    /** Makes sure the native libraries are loaded and logging is set (class init does it). */
    static void init() {
    }

    static String describe(int errorCode) {
        byte[] buf = new byte[256];
        av_strerror(errorCode, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) n++;
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Throws a transient MediaException when an FFmpeg call failed for reasons unrelated to the file. */
    static int check(int ret, String what) throws MediaException {
        if (ret < 0) throw MediaException.transientFailure(what + " failed: " + describe(ret));
        return ret;
    }

    static AVRational q(int num, int den) {
        return av_make_q(num, den);
    }

    static double seconds(long ts, AVRational tb) {
        return ts * (double) tb.num() / tb.den();
    }

    static int even(double v) {
        int i = (int) Math.floor(v);
        return Math.max(2, i - (i & 1));
    }
}

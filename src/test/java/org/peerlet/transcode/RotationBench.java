package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.peerlet.testing.TestClips;

/**
 * Time to turn one yuv420p picture upright with {@link FrameRotator}, against copying the same
 * picture with FFmpeg's av_frame_copy (a memcpy per row) in the same run; medians of many rounds.
 * Then what turning costs a whole transcode: a phone clip (landscape pixels, rotation 90 in its
 * metadata) against the same size of clip already stored upright, same ladder, median of 3 runs each.
 * Run by bench/rotate.sh, or:
 *
 * <pre>java -cp target/classes:target/test-classes:DEPS org.peerlet.transcode.RotationBench [WIDTH HEIGHT [SECONDS]]</pre>
 */
public final class RotationBench {

    public static void main(String[] args) throws Exception {
        int w = args.length > 1 ? Integer.parseInt(args[0]) : 1920;
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 1080;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        AVFrame src = picture(w, h);
        AVFrame copy = picture(w, h);
        try {
            double copyMs = median(seconds, () -> Ff.check(av_frame_copy(copy, src), "copying"));
            System.out.printf("%dx%d yuv420p, median of rounds over %.0f s each%n", w, h, seconds);
            System.out.printf("  plain copy (av_frame_copy): %.3f ms%n", copyMs);
            for (int degrees : new int[] {90, 180, 270}) {
                try (FrameRotator rotator = new FrameRotator(degrees)) {
                    double ms = median(seconds, () -> rotator.upright(src));
                    System.out.printf("  turn %3d: %.3f ms = %.1fx the copy (%.0f frames/s)%n", degrees, ms, ms / copyMs, 1000 / ms);
                }
            }
        } finally {
            av_frame_free(src);
            av_frame_free(copy);
        }
        transcodes(w, h);
    }

    private static void transcodes(int w, int h) throws Exception {
        Path dir = Files.createTempDirectory("peerlet-rotation-bench");
        try {
            double seconds = 4;
            Path turned = TestClips.withRotation(dir.resolve("phone.mp4"), w, h, seconds, 30, 90);
            Path upright = TestClips.h264Aac(dir.resolve("upright.mp4"), h, w, seconds, 30);
            FfmpegEngine engine = new FfmpegEngine();
            double[] turnedS = new double[3], uprightS = new double[3];
            for (int i = 0; i < 3; i++) { // alternated, so drift on the machine hits both alike
                turnedS[i] = transcodeSeconds(engine, turned, dir.resolve("out"));
                uprightS[i] = transcodeSeconds(engine, upright, dir.resolve("out"));
            }
            Arrays.sort(turnedS);
            Arrays.sort(uprightS);
            System.out.printf("%.0f s portrait clip to 720/480/360/240, median of 3: stored upright %.2f s, turned from %dx%d %.2f s = %.3fx%n",
                    seconds, uprightS[1], w, h, turnedS[1], turnedS[1] / uprightS[1]);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static double transcodeSeconds(FfmpegEngine engine, Path source, Path out) throws Exception {
        long t0 = System.nanoTime();
        TranscodeResult r = engine.transcode(TranscodeRequest.of(source, out.resolve(String.valueOf(t0))).withResolutions(List.of(720, 480, 360, 240)),
                ProgressListener.NONE, CancelToken.none());
        if (r.rungs().isEmpty()) throw new IllegalStateException("no rungs from " + source);
        return (System.nanoTime() - t0) / 1e9;
    }

    private interface Step {
        void run() throws MediaException;
    }

    /** Runs {@code step} for {@code seconds} to warm up, then as long again timing each call; returns the median in ms. */
    private static double median(double seconds, Step step) throws MediaException {
        long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmEnd) step.run();
        double[] times = new double[100_000];
        int n = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (n < times.length && System.nanoTime() < end) {
            long t0 = System.nanoTime();
            step.run();
            times[n++] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times, 0, n);
        return times[n / 2];
    }

    private static AVFrame picture(int w, int h) throws MediaException {
        AVFrame f = av_frame_alloc();
        f.format(AV_PIX_FMT_YUV420P).width(w).height(h);
        Ff.check(av_frame_get_buffer(f, 0), "allocating a picture");
        Random random = new Random(1);
        for (int p = 0; p < 3; p++) {
            byte[] bytes = new byte[f.linesize(p) * (p == 0 ? h : (h + 1) / 2)];
            random.nextBytes(bytes);
            f.data(p).put(bytes);
        }
        return f;
    }
}

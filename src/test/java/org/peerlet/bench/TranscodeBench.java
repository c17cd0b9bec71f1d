package org.peerlet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.peerlet.transcode.CancelToken;
import org.peerlet.transcode.FfmpegEngine;
import org.peerlet.transcode.ProgressListener;
import org.peerlet.transcode.TranscodeRequest;
import org.peerlet.transcode.TranscodeResult;

/**
 * Runs the in-process transcoder on one file and prints wall time and this process's peak RSS
 * (VmHWM), for bench/transcode.sh. With a repeat count it transcodes again and again and prints
 * the resident size after each run, to show native memory is given back (no leak).
 *
 * <pre>java [-Dstoryboard=false] -cp ... org.peerlet.bench.TranscodeBench SOURCE OUTDIR [REPEATS]</pre>
 */
public final class TranscodeBench {

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        // -Dstoryboard=false: the ladder alone, to show what the seek bar's sprites cost.
        boolean storyboard = !"false".equals(System.getProperty("storyboard"));
        FfmpegEngine engine = new FfmpegEngine();
        for (int i = 1; i <= repeats; i++) {
            deleteTree(out);
            long t0 = System.nanoTime();
            TranscodeResult r = engine.transcode(
                    new TranscodeRequest(source, out, List.of(720, 480, 360, 240), "veryfast", 2, 2, 0, storyboard),
                    ProgressListener.NONE, CancelToken.none());
            double wall = (System.nanoTime() - t0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("run %d: wall %.2f s, media %.2f s, rss %d MB, peak rss %d MB, java heap %d/%d MB, javacpp-owned %d kB%n",
                    i, wall, r.durationSeconds(), status("VmRSS:") / 1024, status("VmHWM:") / 1024,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20,
                    org.bytedeco.javacpp.Pointer.totalBytes() >> 10);
            if (i == 1) {
                for (TranscodeResult.Rung rung : r.rungs()) {
                    System.out.printf("  rung %dx%d %s %d segments %d kB, bandwidth %d kb/s%n", rung.width(), rung.height(),
                            rung.codecs(), rung.segmentCount(), rung.totalBytes() / 1024, rung.bandwidth() / 1000);
                }
                if (!r.warnings().isEmpty()) System.out.println("  warnings: " + r.warnings());
            }
            System.out.printf("PEERLET wall=%.3f hwm_kb=%d%n", wall, status("VmHWM:"));
        }
    }

    /** A field of /proc/self/status in kB. */
    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

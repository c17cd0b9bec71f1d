package org.peerlet.bench;

import org.peerlet.common.Events;
import org.peerlet.db.Database;
import org.peerlet.media.MediaLayout;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;
import org.peerlet.video.Ladder;
import org.peerlet.video.Privacy;
import org.peerlet.video.VideoAccess;
import org.peerlet.video.VideoMetadata;
import org.peerlet.video.VideoService;

import java.io.FileOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3's figures: upload throughput (resumable, 1 MB chunks, against copying the same file
 * on disk) and the video list's latency at a fixed rate with 10,000 videos (against the config
 * endpoint at the same rate). Run with {@code bench/api.sh}.
 */
public final class ApiBench {
    public static void main(String[] args) throws Exception {
        int videos = Integer.parseInt(System.getProperty("videos", "10000"));
        int rate = Integer.parseInt(System.getProperty("rate", "200"));
        int seconds = Integer.parseInt(System.getProperty("seconds", "15"));
        int uploadMb = Integer.parseInt(System.getProperty("uploadMb", "64"));
        try (TestServer server = TestServer.start(Map.of("PEERLET_MAX_UPLOAD_SIZE", "1G"))) {
            Api api = server.api();
            String admin = api.adminToken();
            long channel = new Uploads(api).channelId(admin);
            seed(server.dataDir().resolve("peerlet.db"), channel, videos);

            uploadThroughput(server, api, admin, channel, uploadMb);

            String list = api.base() + "/api/v1/videos?count=15&sort=-publishedAt";
            String config = api.base() + "/api/v1/config";
            fixedRate(list, rate, 3); // warm-up
            fixedRate(config, rate, 3);
            double[] base = fixedRate(config, rate, seconds);
            double[] vids = fixedRate(list, rate, seconds);
            System.out.printf("%nGET at %d req/s for %d s, %d videos in the database%n", rate, seconds, videos);
            System.out.printf("%-38s %8s %8s %8s %10s%n", "", "p50 ms", "p99 ms", "max ms", "achieved/s");
            System.out.printf("%-38s %8.2f %8.2f %8.2f %10.1f%n", "/api/v1/config (baseline)", base[0], base[1], base[2], base[3]);
            System.out.printf("%-38s %8.2f %8.2f %8.2f %10.1f%n", "/api/v1/videos?count=15", vids[0], vids[1], vids[2], vids[3]);
            System.out.printf("ratio list/config: p50 %.2f, p99 %.2f   (goal: list p99 < 20 ms)%n", vids[0] / base[0], vids[1] / base[1]);
        }
    }

    static void seed(Path dbFile, long channel, int n) {
        long t0 = System.nanoTime();
        try (Database db = new Database(dbFile)) {
            Random rnd = new Random(1);
            // Each row made and published at some time in the last ~11 days, so lists have an order to sort.
            java.time.Clock past = new java.time.Clock() {
                @Override
                public java.time.Instant instant() {
                    return java.time.Instant.ofEpochMilli(System.currentTimeMillis() - rnd.nextInt(1_000_000_000));
                }

                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public java.time.Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            };
            VideoService repo = new VideoService(db, new MediaLayout(dbFile.getParent()), new VideoAccess(null),
                    new Events(db::afterCommit), past);
            for (int batch = 0; batch < n; batch += 500) {
                int from = batch;
                db.writeVoid(tx -> {
                    for (int i = from; i < Math.min(n, from + 500); i++) {
                        UUID u = UUID.randomUUID();
                        var m = new VideoMetadata("Video number " + i, "A description of video " + i,
                                null, 1 + rnd.nextInt(18), null, "en", Privacy.PUBLIC, false, 1, true, true, null,
                                List.of("tag" + (i % 50), "bench"));
                        long id = repo.create(tx, u, channel, m, new VideoService.Original("x.mp4", null, 0, "{}", 60), false);
                        repo.publish(tx, id, Ladder.local("master.m3u8", "segments-sha256.json",
                                List.of(new Ladder.Rung(720, 1280, 30, 2_000_000, 1000, "720.m3u8", null, null)),
                                false, List.of()), 60, false, false, false);
                    }
                });
            }
        }
        System.out.printf("seeded %d videos in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    static void uploadThroughput(TestServer server, Api api, String token, long channel, int mb) throws Exception {
        Path file = Files.createTempFile(server.dataDir(), "bench", ".bin");
        byte[] block = new byte[1 << 20];
        new Random(2).nextBytes(block);
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            for (int i = 0; i < mb; i++) out.write(block);
        }
        byte[] all = Files.readAllBytes(file);
        // Baseline: the same bytes copied on the same disk, synced, as the upload does chunk by chunk.
        Path copy = server.dataDir().resolve("bench-copy.bin");
        long c0 = System.nanoTime();
        try (FileOutputStream out = new FileOutputStream(copy.toFile())) {
            for (int off = 0; off < all.length; off += block.length) {
                out.write(all, off, Math.min(block.length, all.length - off));
                out.getFD().sync();
            }
        }
        double copySec = (System.nanoTime() - c0) / 1e9;

        Uploads uploads = new Uploads(api);
        long u0 = System.nanoTime();
        Api.Res start = uploads.startResumable(token, all.length,
                Map.of("name", "Bench upload", "channelId", channel, "filename", "bench.bin"));
        String location = start.header("Location");
        int last = 0;
        for (long first = 0; first < all.length; first += block.length) {
            last = uploads.putChunk(token, location, all, first, Math.min(all.length, first + block.length) - 1).status();
        }
        double upSec = (System.nanoTime() - u0) / 1e9;
        System.out.printf("%nupload of %d MB (random bytes; the last chunk's probe refuses it: %d)%n", mb, last);
        System.out.printf("  copy on disk, synced per MB : %7.1f MB/s%n", mb / copySec);
        System.out.printf("  resumable, 1 MB chunks      : %7.1f MB/s%n", mb / upSec);
        System.out.printf("  ratio upload/copy           : %7.2f%n", copySec / upSec);
        Files.deleteIfExists(copy);
        Files.deleteIfExists(file);
    }

    /** Sends GETs at a fixed rate (open loop); returns p50, p99, max in ms and the achieved rate. */
    static double[] fixedRate(String url, int rate, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).GET().build();
        int total = rate * seconds;
        long[] latencies = new long[total];
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            int idx = i;
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            pending.add(client.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> {
                        if (r.statusCode() != 200) throw new IllegalStateException("status " + r.statusCode());
                        latencies[idx] = System.nanoTime() - due; // from when it was due: no coordinated omission
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        ticker.shutdown();
        Arrays.sort(latencies);
        return new double[]{latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6,
                latencies[total - 1] / 1e6, total / elapsed};
    }
}

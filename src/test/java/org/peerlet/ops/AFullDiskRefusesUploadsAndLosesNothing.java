package org.peerlet.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.PeerletProcess;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.Uploads;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real jar on a data dir that is a 40 MB tmpfs of its own (mounted in a user and mount
 * namespace: no root needed). The test fills it through {@code /proc/<pid>/root}: uploads are
 * refused with 507 before a byte is taken, a transcode that runs out of room stops cleanly and
 * waits (the published ladder and the original untouched), and runs once there is room again.
 */
class AFullDiskRefusesUploadsAndLosesNothing {
    private static final int TMPFS_MB = 40;

    @Test
    void uploadsAre507AndATranscodeThatFillsTheDiskWaitsWithNothingLost(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        assumeTrue(namespacesWork(dir), "unshare --user --map-root-user --mount cannot mount a tmpfs here "
                + "(user namespaces are off): no small filesystem to fill");
        Path clip = TestClips.h264Aac(dir.resolve("clip.mp4"), 1280, 720, 2.0, 25);
        int port = freePort();
        PeerletProcess server = PeerletProcess.start(dir, port, cmd -> inSmallTmpfs(cmd, data, dir.resolve("native")),
                "--disk-margin-mb", "8", "--transcoding-resolutions", "360,720");
        try {
            // As the server sees it: its data dir is the tmpfs, mounted in its own namespace.
            Path seen = Path.of("/proc/" + server.pid() + "/root" + data.toAbsolutePath());
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.token("admin", PeerletProcess.ADMIN_PASSWORD);
            long id = uploads.upload(admin, "Before the disk filled", 3, clip);
            JsonNode video = uploads.awaitPublished(admin, id);
            String uuid = video.get("uuid").asText();
            String master = video.get("streamingPlaylists").get(0).get("playlistUrl").asText();
            String masterBefore = api.get(master, admin).text();
            long ladder = bytesUnder(seen.resolve("hls").resolve(uuid));

            JsonNode storage = api.get("/api/v1/admin/storage", admin).json();
            JsonNode disk = storage.get("disks").get(0);
            assertThat(disk.get("totalBytes").asLong()).isEqualTo(TMPFS_MB * 1024L * 1024L);
            assertThat(storage.get("kinds").get("originals").asLong()).isEqualTo(Files.size(clip));
            assertThat(storage.get("kinds").get("ladders").asLong()).isEqualTo(ladder);
            assertThat(storage.get("users").get(0).get("username").asText()).isEqualTo("admin");

            // Leave half of what one more transcode of it would write.
            Path filler = seen.resolve("filler");
            fill(filler, disk.get("freeBytes").asLong() - ladder / 2);

            Api.Res multipart = uploads.multipart(admin, Map.of("name", "Too much", "channelId", uploads.channelId(admin)),
                    clip, "clip.mp4");
            assertThat(multipart.status()).as(multipart.toString()).isEqualTo(507);
            assertThat(multipart.header("Content-Type")).startsWith("application/problem+json");
            assertThat(multipart.json().get("detail").asText()).contains("Not enough disk space");
            Api.Res resumable = uploads.startResumable(admin, 1_000_000,
                    Map.of("name", "Too much", "channelId", uploads.channelId(admin), "filename", "c.mp4"));
            assertThat(resumable.status()).as(resumable.toString()).isEqualTo(507);
            assertThat(TestFiles.listFiles(seen.resolve("uploads"))).as("nothing of the refused uploads kept").isEmpty();
            assertThat(api.get("/api/v1/users/me/videos", admin).json().get("total").asInt()).isEqualTo(1);
            Api.Res health = api.get("/api/v1/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("checks").get("disk").get("ok").asBoolean()).isFalse();

            // A transcode again (as after a ladder change): it runs out of room midway.
            Api.Res again = api.postJson("/api/v1/videos/" + id + "/transcoding", admin, Map.of("transcodingType", "hls"));
            assertThat(again.status()).as(again.toString()).isEqualTo(204);
            Await.until("the transcode stops on the full disk", Duration.ofSeconds(120), () -> {
                JsonNode job = api.get("/api/v1/videos/" + id + "/transcoding", admin).json();
                return job.path("state").asText().equals("waiting") && "the disk is full".equals(job.path("error").asText());
            });
            JsonNode job = api.get("/api/v1/videos/" + id + "/transcoding", admin).json();
            assertThat(job.get("attempts").asInt()).as("a full disk is not the video's fault").isZero();
            assertThat(TestFiles.listFiles(seen.resolve("hls"))).as("no half-written ladder left")
                    .allMatch(f -> f.startsWith(uuid + "/"));
            assertThat(bytesUnder(seen.resolve("hls").resolve(uuid))).isEqualTo(ladder);
            assertThat(api.get(master, admin).text()).isEqualTo(masterBefore);
            List<String> originals = TestFiles.listFiles(seen.resolve("originals"));
            assertThat(originals).hasSize(1);
            assertThat(Files.size(seen.resolve("originals").resolve(originals.get(0)))).as("the original kept").isEqualTo(Files.size(clip));
            assertThat(api.get("/api/v1/videos/" + id, admin).json().get("state").get("id").asInt()).isEqualTo(1);
            String log = logOf(dir);
            assertThat(log).contains("transcoding of " + uuid + " stopped: the disk is full");
            assertThat(log).doesNotContain("\tat ");

            // Room again: the waiting job is asked to run now, and publishes.
            Files.delete(filler);
            assertThat(api.postJson("/api/v1/videos/" + id + "/transcoding", admin, Map.of("transcodingType", "hls"))
                    .status()).isEqualTo(204);
            Await.until("the transcode completes", Duration.ofSeconds(120),
                    () -> api.get("/api/v1/videos/" + id + "/transcoding", admin).json().path("state").asText().equals("done"));
            assertThat(api.get(master, admin).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
        } finally {
            server.close();
        }
    }

    /** The server's command, run with its data dir on a fresh tmpfs of its own (FFmpeg's libraries kept outside). */
    private static List<String> inSmallTmpfs(List<String> java, Path data, Path natives) {
        List<String> cmd = new ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs -o size=" + TMPFS_MB + "m tmpfs \"$0\" && exec \"$@\"", data.toAbsolutePath().toString()));
        cmd.add(java.get(0));
        cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + natives.toAbsolutePath());
        cmd.addAll(java.subList(1, java.size()));
        return cmd;
    }

    private static boolean namespacesWork(Path dir) throws Exception {
        Path probe = Files.createDirectories(dir.resolve("probe"));
        Process p = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$0\"", probe.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static void fill(Path file, long bytes) throws Exception {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= block.length) out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    private static long bytesUnder(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static String logOf(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path f : logs.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) sb.append(Files.readString(f));
        }
        return sb.toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package org.peerlet.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.Uploads;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 in the middle of a transcode, then start again: the job runs from clean and publishes. */
class AKilledTranscodeCompletesAfterRestart {

    static Process startPeerlet(Path dir, int port) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "org.peerlet.Main", "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--data-dir", dir.resolve("data").toString(), "--admin-password", "kill-test-password",
                "--transcoding-threads", "1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("peerlet-" + System.nanoTime() + ".log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PEERLET_"));
        Process p = pb.start();
        Api api = new Api("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (api.get("/api/v1/config").status() == 200) return p;
            } catch (IllegalStateException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("Peerlet did not start");
    }

    @Test
    void aJobKilledMidwayRunsAgainFromCleanAndPublishes(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path clip = TestClips.h264Aac(dir.resolve("long.mp4"), 1280, 720, 8.0, 30);
        Process first = startPeerlet(dir, port);
        Api api = new Api("http://127.0.0.1:" + port);
        Uploads uploads = new Uploads(api);
        String admin = api.token("admin", "kill-test-password");
        long id;
        try {
            id = uploads.upload(admin, "Killed midway", 1, clip);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            JsonNode job;
            do {
                job = api.get("/api/v1/videos/" + id + "/transcoding", admin).json();
                Thread.sleep(50);
            } while (!(job.get("state").asText().equals("running") && job.get("progress").asDouble() > 0)
                    && System.nanoTime() < deadline);
            assertThat(job.get("state").asText()).isEqualTo("running");
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            first.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> leftovers = TestFiles.listFiles(dir.resolve("data/hls"));
        assertThat(leftovers).as("the kill left a half-written work dir").anyMatch(f -> f.startsWith(".work-"));

        Process second = startPeerlet(dir, port);
        try {
            String token = api.token("admin", "kill-test-password");
            JsonNode v = uploads.awaitTranscoded(token, id, Duration.ofSeconds(120));
            assertThat(v.get("state").get("id").asInt()).isEqualTo(1);
            JsonNode job = api.get("/api/v1/videos/" + id + "/transcoding", token).json();
            assertThat(job.get("attempts").asInt()).isEqualTo(2);
            assertThat(TestFiles.listFiles(dir.resolve("data/hls"))).noneMatch(f -> f.startsWith(".work-"));
            String master = v.get("streamingPlaylists").get(0).get("playlistUrl").asText();
            assertThat(api.get(master).text()).contains("RESOLUTION=1280x720");
            assertThat(v.get("streamingPlaylists").get(0).get("files")).hasSize(4);
        } finally {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

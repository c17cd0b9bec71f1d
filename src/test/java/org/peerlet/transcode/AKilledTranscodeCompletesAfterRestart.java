package org.peerlet.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.PeerletProcess;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.Uploads;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 in the middle of a transcode, then start again: the job runs from clean and publishes. */
class AKilledTranscodeCompletesAfterRestart {

    @Test
    void aJobKilledMidwayRunsAgainFromCleanAndPublishes(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path clip = TestClips.h264Aac(dir.resolve("long.mp4"), 1280, 720, 8.0, 30);
        PeerletProcess first = PeerletProcess.start(dir, port, "--transcoding-threads", "1");
        Api api = new Api("http://127.0.0.1:" + port);
        Uploads uploads = new Uploads(api);
        String admin = api.token("admin", PeerletProcess.ADMIN_PASSWORD);
        long id;
        try {
            id = uploads.upload(admin, "Killed midway", 1, clip);
            Await.until("the transcode is under way", Duration.ofSeconds(30), () -> {
                JsonNode job = api.get("/api/v1/videos/" + id + "/transcoding", admin).json();
                return job.get("state").asText().equals("running") && job.get("progress").asDouble() > 0;
            });
        } finally {
            first.kill();
        }
        List<String> leftovers = TestFiles.listFiles(dir.resolve("data/hls"));
        assertThat(leftovers).as("the kill left a half-written work dir").anyMatch(f -> f.startsWith(".work-"));

        PeerletProcess second = PeerletProcess.start(dir, port, "--transcoding-threads", "1");
        try {
            String token = api.token("admin", PeerletProcess.ADMIN_PASSWORD);
            JsonNode v = uploads.awaitTranscoded(token, id, Duration.ofSeconds(120));
            assertThat(v.get("state").get("id").asInt()).isEqualTo(1);
            JsonNode job = api.get("/api/v1/videos/" + id + "/transcoding", token).json();
            assertThat(job.get("attempts").asInt()).isEqualTo(2);
            assertThat(TestFiles.listFiles(dir.resolve("data/hls"))).noneMatch(f -> f.startsWith(".work-"));
            String master = v.get("streamingPlaylists").get(0).get("playlistUrl").asText();
            assertThat(api.get(master).text()).contains("RESOLUTION=1280x720");
            assertThat(v.get("streamingPlaylists").get(0).get("files")).hasSize(4);
        } finally {
            second.close();
        }
    }
}

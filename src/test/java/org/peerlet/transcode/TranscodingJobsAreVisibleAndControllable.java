package org.peerlet.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TranscodingJobsAreVisibleAndControllable {
    static TestServer server;
    static Api api;
    static Uploads uploads;
    static String admin;
    static Path clips;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(java.util.Map.of("PEERLET_TRANSCODING_THREADS", "1"));
        api = server.api();
        uploads = new Uploads(api);
        admin = api.adminToken();
        clips = Files.createTempDirectory("clips");
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    @Test
    void deletingAVideoWhileItTranscodesStopsTheJobAndLeavesNoFile() throws Exception {
        long id = uploads.upload(admin, "Deleted while working", 1,
                TestClips.h264Aac(clips.resolve("long.mp4"), 1280, 720, 8.0, 30));
        String uuid = api.get("/api/v1/videos/" + id, admin).json().get("uuid").asText();
        Await.until("its transcoding runs", Duration.ofSeconds(30), () ->
                api.get("/api/v1/videos/" + id + "/transcoding", admin).json().get("state").asText().equals("running"));
        assertThat(api.delete("/api/v1/videos/" + id, admin).status()).isEqualTo(204);
        // The worker notices the cancel between packets, then removes its work.
        Await.until("the cancelled job stops and its files go", () ->
                api.get("/api/v1/jobs/active", admin).json().get("data").isEmpty()
                        && TestFiles.listFiles(server.dataDir()).stream().noneMatch(f -> f.contains(uuid)));
        // Its id is never handed out again: an old link or token must not reach the next video.
        long next = uploads.upload(admin, "The next one", 1, TestClips.h264Aac(clips.resolve("next.mp4"), 160, 90, 1.0, 10));
        assertThat(next).isGreaterThan(id);
        assertThat(api.get("/api/v1/videos/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void aSourceThatCannotBeTranscodedFailsWithAReasonTheAdminSeesAndCanRetry() throws Exception {
        Path whole = TestClips.h264AacFaststart(clips.resolve("whole.mp4"), 640, 360, 5.0, 30);
        Path cut = TestClips.truncate(whole, clips.resolve("cut.mp4"), 40_000);
        Api.Res r = uploads.multipart(admin, java.util.Map.of("name", "Cut short", "channelId", uploads.channelId(admin)),
                cut, "cut.mp4");
        // Its header promises 5 s and probes fine; only decoding shows that 0.3 s is there.
        assertThat(r.status()).isEqualTo(200);
        long id = r.json().get("video").get("id").asLong();
        JsonNode v = uploads.awaitTranscoded(admin, id, Duration.ofSeconds(60));
        JsonNode job = api.get("/api/v1/videos/" + id + "/transcoding", admin).json();
        assertThat(job.get("state").asText()).isEqualTo("failed");
        assertThat(v.get("state").get("id").asInt()).isEqualTo(7);
        assertThat(v.get("state").get("label").asText()).isEqualTo("Transcoding failed");
        assertThat(job.get("error").asText()).containsIgnoringCase("truncated");
        JsonNode failed = api.get("/api/v1/jobs/failed", admin).json();
        assertThat(failed.get("data").get(0).get("error").asText()).isEqualTo(job.get("error").asText());
        long jobId = job.get("id").asLong();
        assertThat(api.postJson("/api/v1/jobs/" + jobId + "/retry", admin, java.util.Map.of()).status()).isEqualTo(204);
        assertThat(api.postJson("/api/v1/jobs/" + jobId + "/retry", admin, java.util.Map.of()).status()).isIn(204, 409);
        String user = api.createUser(admin, "not_admin", "not-admin-1");
        assertThat(api.get("/api/v1/jobs", user).status()).isEqualTo(403);
    }
}

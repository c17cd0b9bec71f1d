package org.peerlet.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's maintenance, as PeerTube's routes and Peerlet's "all videos" ones: remove a
 * resolution (the folder swapped whole, the rest still plays), remove originals (the space
 * told first), transcode again from the original. Only admins may.
 */
class MaintenanceFreesSpaceWithoutBreakingVideos {

    @Test
    void resolutionsAndOriginalsGoAndTranscodesRunAgain(@TempDir Path dir) throws Exception {
        Path clip = TestClips.h264Aac(dir.resolve("clip.mp4"), 640, 360, 2.0, 25);
        try (TestServer server = TestServer.start(Map.of("PEERLET_TRANSCODING_RESOLUTIONS", "240,360",
                "PEERLET_TRANSCODING_THREADS", "1"))) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            String user = api.createUser(admin, "cousin", "cousin-password-1");
            long a = uploads.upload(admin, "Video A", 1, clip);
            long b = uploads.upload(admin, "Video B", 1, clip);
            JsonNode va = uploads.awaitPublished(admin, a);
            uploads.awaitPublished(admin, b);
            String uuid = va.get("uuid").asText();
            Path hls = server.dataDir().resolve("hls");

            for (String path : new String[]{"/api/v1/admin/storage", "/api/v1/admin/maintenance/originals",
                    "/api/v1/admin/maintenance/resolutions"}) {
                assertThat(api.get(path, user).status()).as(path).isEqualTo(403);
            }
            assertThat(api.postJson("/api/v1/videos/" + a + "/transcoding", user, Map.of("transcodingType", "hls")).status())
                    .isEqualTo(403);
            assertThat(api.delete("/api/v1/videos/" + a + "/source/file", user).status()).isEqualTo(403);

            // One resolution of one video: the rest of its ladder still plays.
            JsonNode resolutions = api.get("/api/v1/admin/maintenance/resolutions", admin).json().get("data");
            assertThat(resolutions).hasSize(2);
            assertThat(resolutions.get(0).get("resolution").asInt()).isEqualTo(240);
            assertThat(resolutions.get(0).get("videos").asInt()).isEqualTo(2);
            JsonNode files = va.get("streamingPlaylists").get(0).get("files");
            long low = fileId(files, 240);
            String lowSegment = segmentOf(api, admin, va, "240.m3u8");
            assertThat(api.delete("/api/v1/videos/" + a + "/hls/" + low, admin).status()).isEqualTo(204);
            JsonNode after = api.get("/api/v1/videos/" + a, admin).json();
            assertThat(after.get("streamingPlaylists").get(0).get("files")).hasSize(1);
            String master = api.get(after.get("streamingPlaylists").get(0).get("playlistUrl").asText()).text();
            assertThat(master).contains("360.m3u8").doesNotContain("240.m3u8");
            assertThat(api.get(lowSegment).status()).isEqualTo(404);
            assertThat(api.get(segmentOf(api, admin, after, "360.m3u8")).status()).isEqualTo(200);
            assertThat(api.get(after.get("streamingPlaylists").get(0).get("segmentsSha256Url").asText()).text())
                    .contains("360-0.m4s").doesNotContain("240-");
            assertThat(TestFiles.listFiles(hls)).noneMatch(f -> f.startsWith(".")).noneMatch(f -> f.startsWith(uuid + "/240"));
            assertThat(api.delete("/api/v1/videos/" + a + "/hls/" + fileId(files, 360), admin).status())
                    .as("the last resolution stays").isEqualTo(409);

            // Originals: the space they free is told first, then they go; a video without one cannot be transcoded again.
            JsonNode removable = api.get("/api/v1/admin/maintenance/originals", admin).json();
            assertThat(removable.get("videos").asInt()).isEqualTo(2);
            assertThat(removable.get("bytes").asLong()).isEqualTo(2 * Files.size(clip));
            assertThat(api.delete("/api/v1/videos/" + a + "/source/file", admin).status()).isEqualTo(204);
            assertThat(TestFiles.listFiles(server.dataDir().resolve("originals"))).hasSize(1);
            assertThat(api.get("/api/v1/admin/maintenance/originals", admin).json().get("bytes").asLong()).isEqualTo(Files.size(clip));
            assertThat(api.delete("/api/v1/videos/" + a + "/source/file", admin).status()).isEqualTo(404);
            assertThat(api.postJson("/api/v1/videos/" + a + "/transcoding", admin, Map.of("transcodingType", "hls")).status())
                    .isEqualTo(409);
            assertThat(api.postJson("/api/v1/videos/" + b + "/transcoding", admin, Map.of("transcodingType", "web-video"))
                    .status()).isEqualTo(400);

            // All videos again: only B still has its original; it is transcoded again and keeps playing.
            long jobBefore = api.get("/api/v1/videos/" + b + "/transcoding", admin).json().get("id").asLong();
            JsonNode queued = api.postJson("/api/v1/admin/maintenance/transcoding", admin, Map.of()).json();
            assertThat(queued.get("videos").asInt()).isEqualTo(1);
            Await.until("B is transcoded again", Duration.ofSeconds(60), () -> {
                JsonNode job = api.get("/api/v1/videos/" + b + "/transcoding", admin).json();
                return job.get("id").asLong() > jobBefore && job.get("state").asText().equals("done");
            });
            JsonNode vb = api.get("/api/v1/videos/" + b, admin).json();
            assertThat(vb.get("state").get("id").asInt()).isEqualTo(1);
            assertThat(api.get(vb.get("streamingPlaylists").get(0).get("playlistUrl").asText()).status()).isEqualTo(200);

            // A resolution everywhere: B still had 240p, A had it no more.
            JsonNode removed = api.delete("/api/v1/admin/maintenance/resolutions/240", admin).json();
            assertThat(removed.get("videos").asInt()).isEqualTo(1);
            assertThat(api.get("/api/v1/videos/" + b, admin).json().get("streamingPlaylists").get(0).get("files")).hasSize(1);
            assertThat(api.get("/api/v1/admin/storage", admin).json().get("kinds").get("originals").asLong()).isEqualTo(Files.size(clip));
        }
    }

    private static long fileId(JsonNode files, int resolution) {
        for (JsonNode f : files) if (f.get("resolution").get("id").asInt() == resolution) return f.get("id").asLong();
        throw new AssertionError("no " + resolution + "p in " + files);
    }

    /** The first segment of one rung of a video, as a URL. */
    private static String segmentOf(Api api, String token, JsonNode video, String playlist) {
        String url = video.get("streamingPlaylists").get(0).get("playlistUrl").asText();
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        String media = api.get(base + playlist, token).text();
        String first = media.lines().filter(l -> l.endsWith(".m4s")).findFirst().orElseThrow();
        return base + first;
    }
}

package org.peerlet.upload;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.Await;
import org.peerlet.testing.RawRequest;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartUploadTest {
    static TestServer server;
    static Api api;
    static Uploads uploads;
    static String admin;
    static String user;
    static Path clips;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        uploads = new Uploads(api);
        admin = api.adminToken();
        user = api.createUser(admin, "uploader", "uploader-secret");
        clips = Files.createTempDirectory("clips");
        clip = TestClips.h264Aac(clips.resolve("tiny.mp4"), 192, 108, 1.0, 15);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    @Test
    void anUploadGetsPeerTubesAnswerKeepsTheOriginalAndIsPublishedAfterTranscoding() throws Exception {
        Api.Res r = uploads.multipart(user, Map.of("name", "First steps", "channelId", uploads.channelId(user),
                "privacy", 1, "tags[]", List.of("family", "garden"), "category", 8, "description", "Our *first* video"),
                clip, "first.mp4");
        assertThat(r.status()).isEqualTo(200);
        JsonNode v = r.json().get("video");
        assertThat(v.get("uuid").asText()).hasSize(36);
        assertThat(v.get("shortUUID").asText()).hasSize(22);
        long id = v.get("id").asLong();

        JsonNode published = uploads.awaitPublished(user, id);
        assertThat(published.get("name").asText()).isEqualTo("First steps");
        assertThat(published.get("tags")).hasSize(2);
        assertThat(published.get("category").get("label").asText()).isEqualTo("People");
        assertThat(published.get("duration").asInt()).isEqualTo(1);
        JsonNode playlist = published.get("streamingPlaylists").get(0);
        assertThat(playlist.get("files").get(0).get("resolution").get("id").asInt()).isEqualTo(108);
        Api.Res master = api.get(playlist.get("playlistUrl").asText());
        assertThat(master.status()).isEqualTo(200);
        assertThat(master.text()).startsWith("#EXTM3U").contains("RESOLUTION=192x108");
        assertThat(api.get(playlist.get("segmentsSha256Url").asText()).json().isObject()).isTrue();
        assertThat(api.get(published.get("thumbnailPath").asText()).header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(api.get(published.get("previewPath").asText()).status()).isEqualTo(200);

        Path original = server.dataDir().resolve("originals").resolve(v.get("uuid").asText() + ".mp4");
        assertThat(sha256(original)).isEqualTo(sha256(clip));
        // The same video is found by its UUID and its short UUID.
        assertThat(api.get("/api/v1/videos/" + v.get("shortUUID").asText()).json().get("id").asLong()).isEqualTo(id);
        assertThat(api.get("/api/v1/videos/" + v.get("uuid").asText()).json().get("id").asLong()).isEqualTo(id);
    }

    @Test
    void aPhoneClipHeldUprightIsNamedByItsShorterSideAsPeerTubeDoes() throws Exception {
        Path phone = TestClips.withRotation(clips.resolve("phone.mp4"), 192, 108, 1.0, 15, 90);
        Api.Res r = uploads.multipart(user, Map.of("name", "Upright", "channelId", uploads.channelId(user), "privacy", 1),
                phone, "phone.mp4");
        assertThat(r.status()).isEqualTo(200);
        JsonNode file = uploads.awaitPublished(user, r.json().get("video").get("id").asLong())
                .get("streamingPlaylists").get(0).get("files").get(0);
        assertThat(file.get("resolution").get("id").asInt()).isEqualTo(108);
        assertThat(file.get("resolution").get("label").asText()).isEqualTo("108p");
        assertThat(file.get("width").asInt()).isEqualTo(108);
        assertThat(file.get("height").asInt()).isEqualTo(192);
    }

    @Test
    void brokenFilesAreRefusedClearlyAndLeaveNothingBehind() throws Exception {
        // The list itself, not its total: totals are cached for a few seconds.
        int videosBefore = api.get("/api/v1/users/me/videos?count=100", user).json().get("data").size();
        int jobsBefore = api.get("/api/v1/jobs", admin).json().get("total").asInt();
        List<String> filesBefore = mediaFiles();
        for (Path broken : List.of(TestClips.empty(clips.resolve("empty.mp4")), TestClips.notAVideo(clips.resolve("text.mp4")))) {
            Api.Res r = uploads.multipart(user, Map.of("name", "Broken one", "channelId", uploads.channelId(user)),
                    broken, broken.getFileName().toString());
            assertThat(r.status()).as(broken.toString()).isEqualTo(422);
            assertThat(r.json().get("detail").asText()).startsWith("Video file unreadable");
        }
        assertThat(api.get("/api/v1/users/me/videos?count=100", user).json().get("data").size()).isEqualTo(videosBefore);
        assertThat(api.get("/api/v1/jobs", admin).json().get("total").asInt()).isEqualTo(jobsBefore);
        assertThat(mediaFiles()).isEqualTo(filesBefore);
    }

    @Test
    void metadataOutsidePeerTubesLimitsIsRefused() throws Exception {
        long channel = uploads.channelId(user);
        List<String> filesBefore = mediaFiles();
        Map<String, Map<String, Object>> cases = Map.of(
                "name must be 3 to 120", Map.of("name", "ab", "channelId", channel),
                "at most 5 tags", Map.of("name", "Tags", "channelId", channel, "tags[]", List.of("aa", "bb", "cc", "dd", "ee", "ff")),
                "each tag must be 2 to 30", Map.of("name", "Tags", "channelId", channel, "tags[]", List.of("x")),
                "privacy must be one of", Map.of("name", "Privacy", "channelId", channel, "privacy", 9),
                "description must be at most 10000", Map.of("name", "Long", "channelId", channel, "description", "d".repeat(10_001)),
                "channelId is required", Map.of("name", "No channel"));
        for (var c : cases.entrySet()) {
            Api.Res r = uploads.multipart(user, c.getValue(), clip, "x.mp4");
            assertThat(r.status()).as(c.getKey()).isEqualTo(400);
            assertThat(r.json().get("detail").asText()).contains(c.getKey());
        }
        assertThat(mediaFiles()).isEqualTo(filesBefore);
    }

    @Test
    void nobodyPublishesInSomeoneElsesChannel() {
        Api.Res r = uploads.multipart(user, Map.of("name", "Not mine", "channelId", uploads.channelId(admin)), clip, "x.mp4");
        assertThat(r.status()).isEqualTo(403);
        assertThat(uploads.multipart(null, Map.of("name", "Anon", "channelId", 1), clip, "x.mp4").status()).isEqualTo(401);
    }

    @Test
    void anUploadOverTheQuotaIsRefusedBeforeItIsStored() throws Exception {
        api.postJson("/api/v1/users", admin, Map.of("username", "small_quota", "password", "small-secret",
                "videoQuota", 1000));
        String small = api.token("small_quota", "small-secret");
        List<String> filesBefore = mediaFiles();
        Api.Res r = uploads.multipart(small, Map.of("name", "Too big", "channelId", uploads.channelId(small)), clip, "x.mp4");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("detail").asText()).contains("quota");
        assertThat(mediaFiles()).isEqualTo(filesBefore);

        api.postJson("/api/v1/users", admin, Map.of("username", "daily_quota", "password", "daily-secret",
                "videoQuotaDaily", Files.size(clip) + 10));
        String daily = api.token("daily_quota", "daily-secret");
        assertThat(uploads.multipart(daily, Map.of("name", "Fits today", "channelId", uploads.channelId(daily)), clip, "a.mp4")
                .status()).isEqualTo(200);
        Api.Res second = uploads.multipart(daily, Map.of("name", "Over today", "channelId", uploads.channelId(daily)), clip, "b.mp4");
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.json().get("detail").asText()).contains("daily quota");
    }

    @Test
    void theSpooledVideoIsMovedIntoPlaceNotCopiedAgain() throws Exception {
        // Over the 1 MB that Jetty keeps in memory, so the part spools to a file in uploads/ (a
        // trailing free box pads the MP4: players and probes skip it).
        Path big = clips.resolve("padded.mp4");
        Files.copy(clip, big);
        byte[] pad = new byte[3 * 1024 * 1024];
        java.nio.ByteBuffer.wrap(pad).putInt(pad.length).put("free".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(big, pad, java.nio.file.StandardOpenOption.APPEND);
        Multipart form = new Multipart().field("name", "Spooled").field("channelId", uploads.channelId(user))
                .field("privacy", 1).file("videofile", "spooled.mp4", Files.readAllBytes(big));
        byte[] body = form.bytes();
        Path uploadsDir = server.dataDir().resolve("uploads");
        try (RawRequest post = RawRequest.start(api.base() + "/api/v1/videos/upload", "POST", Map.of(
                "Authorization", "Bearer " + user, "Content-Length", String.valueOf(body.length),
                "Content-Type", form.contentType()))) {
            // All but the last bytes: the request is still open, the spool file is there to see.
            int held = body.length - 1024;
            post.send(body, 0, held);
            Await.until("the part spools to a file", () -> spooled(uploadsDir) != null);
            Object spoolFile = Files.readAttributes(spooled(uploadsDir), BasicFileAttributes.class).fileKey();
            assertThat(spoolFile).as("the file system names files by a key").isNotNull();
            post.send(body, held, body.length);
            RawRequest.Answer a = post.answer();
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
            String uuid = a.json().get("video").get("uuid").asText();
            Path original = server.dataDir().resolve("originals/" + uuid + ".mp4");
            // The very file Jetty wrote, renamed: no second full copy was made.
            assertThat(Files.readAttributes(original, BasicFileAttributes.class).fileKey()).isEqualTo(spoolFile);
            assertThat(sha256(original)).isEqualTo(sha256(big));
        }
        assertThat(TestFiles.listFiles(uploadsDir)).isEmpty();
    }

    /** The file Jetty spools a large part to, once it holds more than Jetty keeps in memory. */
    static Path spooled(Path uploadsDir) {
        try (var files = Files.list(uploadsDir)) {
            return files.filter(f -> Await.sizeOf(f) > 1024 * 1024).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> mediaFiles() {
        return TestFiles.listFiles(server.dataDir()).stream()
                .filter(f -> f.startsWith("uploads") || f.startsWith("originals")).toList();
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}

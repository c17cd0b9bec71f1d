package org.peerlet.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.DataDirState;
import org.peerlet.testing.LogCapture;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.RawHttp;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's mistake (a broken multipart, a huge or control-character field, a bad parameter) is
 * answered with a PeerTube-shaped 4xx, logged in one line without a stack trace, and keeps nothing.
 */
class ClientMistakesAreRefusedQuietly {
    private static final String TEN_MB = "x".repeat(10 * 1024 * 1024);
    static TestServer server;
    static Api api;
    static DataDirState state;
    static String admin;
    static String user;
    static long channelId;
    static long videoId;
    static byte[] clip;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
        user = api.createUser(admin, "aunt", "aunt-secret");
        Uploads uploads = new Uploads(api);
        channelId = uploads.channelId(user);
        dir = Files.createTempDirectory("mistakes");
        Path file = TestClips.h264Aac(dir.resolve("tiny.mp4"), 160, 90, 1.0, 10);
        clip = Files.readAllBytes(file);
        videoId = uploads.upload(user, "Kept as it is", 1, file);
        uploads.awaitPublished(user, videoId);
        state = new DataDirState(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(dir);
    }

    @Test
    void brokenMultipartUploadsAreBadRequests() {
        Multipart whole = upload("A fine title", "clip.mp4");
        refused("no boundary", () -> post("multipart/form-data", whole.bytes()));
        refused("unknown boundary", () -> post("multipart/form-data; boundary=elsewhere", whole.bytes()));
        byte[] cut = whole.unfinished();
        refused("truncated", () -> post(whole.contentType(), Arrays.copyOf(cut, cut.length - clip.length / 2)));
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        refused("garbage", () -> post(whole.contentType(), garbage));
        refused("empty", () -> post(whole.contentType(), new byte[0]));
    }

    @Test
    void hugeFieldsAreRefused() {
        refused("10 MB title", () -> post(upload(TEN_MB, "clip.mp4")));
        Multipart description = upload("A fine title", "clip.mp4").field("description", TEN_MB);
        refused("10 MB description", () -> post(description));
        Multipart other = upload("A fine title", "clip.mp4").field("whatever", TEN_MB);
        refused("10 MB unknown field", () -> post(other));
        refused("10 MB JSON name", () -> api.putJson("/api/v1/videos/" + videoId, user, Map.of("name", TEN_MB)));
        refused("10 MB login form", () -> api.postForm("/api/v1/users/token", null,
                Map.of("grant_type", "password", "username", TEN_MB, "password", "x")));
    }

    @Test
    void oddFileNamesAreRefused() {
        refused("NUL in a file name", () -> post(upload("A fine title", "clip\u0000.mp4")));
        refused("10,000 characters in a file name", () -> post(upload("A fine title", "c".repeat(10_000) + ".mp4")));
    }

    @Test
    void controlCharactersAreRefusedInTitlesAndNames() {
        for (String bad : List.of("Nul\u0000here", "Carriage\rreturn", "Line\nfeed", "Bell\u0007", "C1\u0085next")) {
            refused("title " + bad, () -> post(upload(bad, "clip.mp4")));
            refused("new title " + bad, () -> api.putJson("/api/v1/videos/" + videoId, user, Map.of("name", bad)));
            refused("tag " + bad, () -> api.putJson("/api/v1/videos/" + videoId, user, Map.of("tags", List.of(bad))));
            refused("display name " + bad, () -> api.putJson("/api/v1/users/me", user, Map.of("displayName", bad)));
            refused("channel " + bad, () -> api.postJson("/api/v1/video-channels", user,
                    Map.of("name", "garden_" + Math.abs(bad.hashCode()), "displayName", bad)));
        }
        refused("NUL in a description", () -> api.putJson("/api/v1/videos/" + videoId, user,
                Map.of("description", "fine\u0000not")));
        assertThat(api.get("/api/v1/videos/" + videoId, user).json().get("name").asText()).isEqualTo("Kept as it is");
        // Lines are what descriptions are made of.
        assertThat(api.putJson("/api/v1/videos/" + videoId, user, Map.of("description", "One\r\nTwo\n\tThree")).status())
                .isEqualTo(204);
    }

    @Test
    void badQueryParametersAndRangesAreClientErrors() {
        refused("privacyOneOf=99", () -> api.get("/api/v1/videos?privacyOneOf=99", admin));
        refused("privacyOneOf=abc", () -> api.get("/api/v1/videos?privacyOneOf=abc", admin));
        String thumbnail = api.get("/api/v1/videos/" + videoId).json().get("thumbnailPath").asText();
        Api.Res beyond = refused("a range beyond the file", () -> api.send(api.request(thumbnail, null)
                .header("Range", "bytes=99999999999999999999-")));
        assertThat(beyond.status()).isEqualTo(416);
    }

    @Test
    void whatJettyRefusesBeforeOurRoutesIsPeerTubeShapedToo() {
        RawHttp raw = new RawHttp(api.base(), java.time.Duration.ofSeconds(10));
        refused("NUL in a header", () -> asApi(raw.send("GET", "/api/v1/config", List.of("Authorization: Bearer a\u0000b"), new byte[0])));
        refused("two Host headers", () -> asApi(raw.send("GET", "/api/v1/config", List.of("Host: elsewhere"), new byte[0])));
        refused("headers too large", () -> asApi(raw.send("PUT", "/api/v1/users/me",
                List.of("Cookie: a=" + "b".repeat(300_000), "Content-Length: 0"), new byte[0])));
        refused("NUL in the path", () -> asApi(raw.send("PUT", "/api/v1/videos/a%00b", List.of("Content-Length: 0"), new byte[0])));
    }

    private static Api.Res asApi(RawHttp.Res r) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        r.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return new Api.Res(r.status(), java.net.http.HttpHeaders.of(headers, (a, b) -> true), r.body());
    }

    private static Multipart upload(String title, String filename) {
        return new Multipart().field("name", title).field("channelId", channelId).field("privacy", 1)
                .file("videofile", filename, clip);
    }

    private static Api.Res post(Multipart m) {
        return post(m.contentType(), m.bytes());
    }

    private static Api.Res post(String contentType, byte[] body) {
        return api.send(api.request("/api/v1/videos/upload", user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends a request that must be refused, and checks how: status, body, log, data dir. */
    private static Api.Res refused(String what, Supplier<Api.Res> request) {
        DataDirState.Snapshot before = state.snapshot();
        Api.Res r;
        List<String> log;
        try (LogCapture capture = LogCapture.start()) {
            r = request.get();
            log = capture.lines();
        }
        assertThat(r.status()).as(what + ": " + r).isBetween(400, 499);
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).as(what).isEqualTo(r.status());
        // RFC 9457's "about:blank" unless PeerTube has a code of its own for the error.
        assertThat(body.get("type").asText()).as(what).satisfiesAnyOf(t -> assertThat(t).isEqualTo("about:blank"),
                t -> assertThat(t).startsWith("https://docs.joinpeertube.org/api-rest-reference.html#section/Errors/"));
        assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(body.get("detail").asText()).as(what).isNotBlank();
        assertThat(log).as(what + ": no stack trace").noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
        assertThat(log).as(what + ": at most one line").hasSizeLessThanOrEqualTo(1);
        state.assertUnchanged(what, before);
        return r;
    }
}

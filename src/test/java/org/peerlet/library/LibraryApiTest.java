package org.peerlet.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resume and history, captions and chapters through PeerTube's API on a real server: each test
 * works on videos of its own, so they share one server and its three uploads.
 */
class LibraryApiTest {
    static final String SRT = "1\n00:00:00,500 --> 00:00:01,500\nHello grandma\n\n2\n00:00:02,000 --> 00:00:03,000\nSecond line\n";

    static TestServer server;
    static Api api;
    static Path dir;
    static String alice;
    static String olga;
    static long open;
    static long second;
    static long hidden;
    static long secret;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        alice = api.createUser(api.adminToken(), "alice", "alice-secret-1");
        olga = api.createUser(api.adminToken(), "olga", "olga-secret-1");
        dir = Files.createTempDirectory("library-api");
        Path clip = TestClips.h264Aac(dir.resolve("c.mp4"), 160, 90, 4.0, 10);
        Uploads up = new Uploads(api);
        open = up.upload(alice, "Open lecture", 1, clip);
        second = up.upload(alice, "Second lecture", 1, clip);
        hidden = up.upload(alice, "Soon hidden", 1, clip);
        secret = up.upload(alice, "Family secret", 3, clip);
        for (long id : List.of(open, second, hidden, secret)) up.awaitPublished(alice, id);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (dir != null) TestFiles.deleteRecursively(dir);
    }

    static Api.Res view(long id, String token, Object currentTime) {
        return api.postJson("/api/v1/videos/" + id + "/views", token, currentTime == null ? Map.of() : Map.of("currentTime", currentTime));
    }

    static List<String> history(String token) {
        Api.Res r = api.get("/api/v1/users/me/history/videos", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return Api.names(r.json().get("data"), "name");
    }

    @Test
    void aPositionReportedWithAViewIsTheViewersUserHistoryAndHistory() {
        String me = api.createUser(api.adminToken(), "resumer", "resumer-secret");
        assertThat(view(open, me, 2.7).status()).isEqualTo(204);
        JsonNode v = api.get("/api/v1/videos/" + open, me).json();
        assertThat(v.path("userHistory").path("currentTime").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/videos/" + open).json().has("userHistory")).as("anonymous").isFalse();
        assertThat(api.get("/api/v1/videos/" + open, olga).json().has("userHistory")).as("another user").isFalse();
        JsonNode list = api.get("/api/v1/videos?count=100", me).json().get("data");
        JsonNode mine = null;
        for (JsonNode n : list) if (n.get("id").asLong() == open) mine = n;
        assertThat(mine).isNotNull();
        assertThat(mine.path("userHistory").path("currentTime").asInt()).isEqualTo(2);

        Api.Res h = api.get("/api/v1/users/me/history/videos", me);
        assertThat(h.json().get("total").asInt()).isEqualTo(1);
        assertThat(h.json().get("data").get(0).get("userHistory").get("currentTime").asInt()).isEqualTo(2);

        assertThat(view(open, me, 99).status()).as("past the end").isEqualTo(400);
        assertThat(view(open, me, -1).status()).isEqualTo(400);
        assertThat(view(open, me, "soon").status()).isEqualTo(400);
        assertThat(view(open, null, 3).status()).as("anonymous views still count").isEqualTo(204);
    }

    @Test
    void historyIsForgottenByVideoBeforeADateOrAll() {
        String me = api.createUser(api.adminToken(), "forgetter", "forgetter-secret");
        view(open, me, 1);
        view(second, me, 1);
        assertThat(history(me)).containsExactlyInAnyOrder("Open lecture", "Second lecture");
        assertThat(api.delete("/api/v1/users/me/history/videos/" + open, me).status()).isEqualTo(204);
        assertThat(history(me)).containsExactly("Second lecture");
        assertThat(api.postJson("/api/v1/users/me/history/videos/remove", me, Map.of("beforeDate", "2000-01-01T00:00:00.000Z")).status())
                .isEqualTo(204);
        assertThat(history(me)).containsExactly("Second lecture");
        assertThat(api.postJson("/api/v1/users/me/history/videos/remove", me, Map.of("beforeDate", "soon")).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/users/me/history/videos/remove", me, Map.of()).status()).isEqualTo(204);
        assertThat(history(me)).isEmpty();
        view(open, me, 1);
        assertThat(api.delete("/api/v1/users/me/history/videos", me).status()).isEqualTo(204);
        assertThat(history(me)).isEmpty();
        assertThat(api.get("/api/v1/users/me/history/videos").status()).as("anonymous").isEqualTo(401);
    }

    @Test
    void historyTurnedOffKeepsNoPosition() {
        String me = api.createUser(api.adminToken(), "quiet_person", "quiet-person-secret");
        assertThat(api.get("/api/v1/users/me", me).json().get("videosHistoryEnabled").asBoolean()).isTrue();
        assertThat(api.putJson("/api/v1/users/me", me, Map.of("videosHistoryEnabled", false)).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me", me).json().get("videosHistoryEnabled").asBoolean()).isFalse();
        assertThat(view(open, me, 3).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/videos/" + open, me).json().has("userHistory")).isFalse();
        assertThat(history(me)).isEmpty();
    }

    @Test
    void historyListsOnlyVideosTheViewerMayStillSee() {
        view(hidden, olga, 2);
        assertThat(history(olga)).contains("Soon hidden");
        assertThat(api.putJson("/api/v1/videos/" + hidden, alice, Map.of("privacy", 3)).status()).isEqualTo(204);
        assertThat(history(olga)).doesNotContain("Soon hidden");
        assertThat(api.get("/api/v1/users/me/history/videos", olga).json().get("total").asInt()).isEqualTo(history(olga).size());
        assertThat(view(secret, olga, 1).status()).as("no position for what one may not watch").isEqualTo(403);
    }

    // ---- captions ---------------------------------------------------------------------------

    static Api.Res putCaption(long id, String token, String lang, String filename, byte[] content) {
        Multipart body = new Multipart().file("captionfile", filename, content);
        return api.send(api.request("/api/v1/videos/" + id + "/captions/" + lang, token)
                .header("Content-Type", body.contentType()).PUT(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    static JsonNode captions(long id, String token) {
        Api.Res r = api.get("/api/v1/videos/" + id + "/captions", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static JsonNode caption(long id, String token, String language) {
        for (JsonNode c : captions(id, token).get("data")) if (c.get("language").get("id").asText().equals(language)) return c;
        return null;
    }

    @Test
    void srtIsStoredAsWebVttBesideOtherLanguages() {
        Api.Res put = putCaption(open, alice, "en", "talk.srt", SRT.getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        String vtt = "WEBVTT\n\nintro\n00:00:00.000 --> 00:00:01.000\nBonjour mamie\n";
        assertThat(putCaption(open, alice, "fr", "talk.vtt", vtt.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(204);
        JsonNode list = captions(open, null);
        assertThat(list.get("total").asInt()).isEqualTo(list.get("data").size()).isGreaterThanOrEqualTo(2);
        JsonNode en = caption(open, null, "en");
        assertThat(en.get("language").get("id").asText()).isEqualTo("en");
        assertThat(en.get("language").get("label").asText()).isEqualTo("English");
        assertThat(en.get("captionPath").asText()).startsWith("/lazy-static/video-captions/").endsWith(".vtt");
        Api.Res file = api.get(en.get("fileUrl").asText());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("text/vtt");
        assertThat(file.text()).startsWith("WEBVTT\n").contains("00:00:00.500 --> 00:00:01.500\nHello grandma")
                .contains("00:00:02.000 --> 00:00:03.000\nSecond line");
        assertThat(api.get(caption(open, null, "fr").get("fileUrl").asText()).text()).contains("Bonjour mamie");
    }

    @Test
    void aReplacedOrDeletedCaptionsFileIsGone() {
        putCaption(second, alice, "de", "a.srt", SRT.getBytes(StandardCharsets.UTF_8));
        String first = caption(second, alice, "de").get("fileUrl").asText();
        putCaption(second, alice, "de", "b.srt", SRT.replace("grandma", "Oma").getBytes(StandardCharsets.UTF_8));
        String then = caption(second, alice, "de").get("fileUrl").asText();
        assertThat(api.get(first).status()).isEqualTo(404);
        assertThat(api.get(then).text()).contains("Hello Oma");
        assertThat(api.delete("/api/v1/videos/" + second + "/captions/de", alice).status()).isEqualTo(204);
        assertThat(caption(second, alice, "de")).isNull();
        assertThat(api.get(then).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/videos/" + second + "/captions/de", alice).status()).isEqualTo(404);
    }

    @Test
    void badCaptionFilesAreRefusedSayingWhy() {
        String broken = "1\n00:00:00,500 --> 00:00:01,500\nfine\n\n2\n00:00:02 --> 00:00:03\nbroken\n";
        Api.Res r = putCaption(open, alice, "es", "bad.srt", broken.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("line 6");

        byte[] latin1 = SRT.replace("Hello", "Héllo").getBytes(StandardCharsets.ISO_8859_1);
        Api.Res enc = putCaption(open, alice, "es", "latin1.srt", latin1);
        assertThat(enc.status()).isEqualTo(400);
        assertThat(enc.json().get("detail").asText()).contains("UTF-8");

        byte[] utf16 = ("\uFEFF" + SRT.replace("Hello", "Héllo")).getBytes(StandardCharsets.UTF_16LE);
        assertThat(putCaption(open, alice, "it", "utf16.srt", utf16).status()).as("UTF-16 with its mark").isEqualTo(204);

        byte[] big = ("WEBVTT\n\n" + "00:00:00.000 --> 00:00:01.000\n" + "x".repeat(100) + "\n\n").repeat(25_000)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(putCaption(open, alice, "es", "big.vtt", big).status()).isEqualTo(413);
        assertThat(putCaption(open, alice, "xx-nope", "a.srt", SRT.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(putCaption(open, olga, "es", "a.srt", SRT.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
        assertThat(captions(open, null).toString()).doesNotContain("\"es\"");
    }

    @Test
    void aPrivateVideosCaptionsGoOnlyToThoseWhoMayWatchIt() {
        assertThat(putCaption(secret, alice, "en", "s.srt", SRT.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/videos/" + secret + "/captions").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/videos/" + secret + "/captions", olga).status()).isEqualTo(403);
        String url = captions(secret, alice).get("data").get(0).get("fileUrl").asText();
        assertThat(api.get(url).status()).as("anonymous").isEqualTo(404);
        assertThat(api.get(url, olga).status()).as("another user").isEqualTo(404);
        String token = api.postJson("/api/v1/videos/" + secret + "/token", alice, Map.of()).json().get("files").get("token").asText();
        Api.Res owner = api.get(url + "?videoFileToken=" + token);
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.header("Cache-Control")).contains("no-store");
        assertThat(api.get(url + "?videoFileToken=" + token.substring(1)).status()).isEqualTo(403);
    }

    // ---- chapters ---------------------------------------------------------------------------

    static JsonNode chapters(long id) {
        Api.Res r = api.get("/api/v1/videos/" + id + "/chapters", alice);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("chapters");
    }

    @Test
    void chaptersComeFromTheDescriptionUntilTheOwnerSetsThem() {
        String description = "Our trip.\n\n0:00 Arrival\n00:01 The beach\n0:03 Dinner\nThanks for watching\n0:02 not a chapter";
        assertThat(api.putJson("/api/v1/videos/" + secret, alice, Map.of("description", description)).status()).isEqualTo(204);
        assertThat(chapters(secret).toString())
                .isEqualTo("[{\"timecode\":0,\"title\":\"Arrival\"},{\"timecode\":1,\"title\":\"The beach\"},{\"timecode\":3,\"title\":\"Dinner\"}]");

        Api.Res put = api.putJson("/api/v1/videos/" + secret + "/chapters", alice,
                Map.of("chapters", List.of(Map.of("timecode", 2, "title", "Later"), Map.of("timecode", 0, "title", "Start"))));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(chapters(secret).toString()).isEqualTo("[{\"timecode\":0,\"title\":\"Start\"},{\"timecode\":2,\"title\":\"Later\"}]");

        assertThat(api.putJson("/api/v1/videos/" + secret + "/chapters", alice, Map.of("chapters", List.of())).status()).isEqualTo(204);
        assertThat(chapters(secret).size()).as("back to the description's").isEqualTo(3);
        assertThat(api.get("/api/v1/videos/" + secret + "/chapters").status()).as("private video, anonymous").isEqualTo(401);
    }

    @Test
    void aSingleTimestampIsNoChapterList() {
        assertThat(api.putJson("/api/v1/videos/" + open, alice, Map.of("description", "Starts at 0:01 sharp\n0:02 only one")).status())
                .isEqualTo(204);
        assertThat(chapters(open).size()).isZero();
    }

    @Test
    void badChaptersAreRefused() {
        String path = "/api/v1/videos/" + second + "/chapters";
        assertThat(api.putJson(path, alice, Map.of("chapters", List.of(Map.of("timecode", 60, "title", "Past the end")))).status())
                .isEqualTo(400);
        assertThat(api.putJson(path, alice, Map.of("chapters", List.of(Map.of("timecode", 1, "title", "t".repeat(101))))).status())
                .isEqualTo(400);
        assertThat(api.putJson(path, alice, Map.of("chapters", List.of(Map.of("timecode", 1, "title", ""), Map.of("timecode", 2, "title", "b"))))
                .status()).isEqualTo(400);
        assertThat(api.putJson(path, alice, Map.of("chapters", List.of(Map.of("timecode", 1, "title", "a"), Map.of("timecode", 1, "title", "b"))))
                .status()).isEqualTo(400);
        assertThat(api.putJson(path, alice, Map.of("chapters", "none")).status()).isEqualTo(400);
        assertThat(api.putJson("/api/v1/videos/" + open + "/chapters", olga,
                Map.of("chapters", List.of(Map.of("timecode", 1, "title", "mine")))).status()).isEqualTo(403);
    }
}

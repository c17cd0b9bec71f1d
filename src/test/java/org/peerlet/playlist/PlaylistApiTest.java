package org.peerlet.playlist;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.Sql;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PeerTube's playlists API on one real server: each test makes its own playlists, so they stay
 * independent; the videos (three public, one private of the same owner) are shared set-up.
 */
class PlaylistApiTest {
    static TestServer server;
    static Api api;
    static Path work;
    static String alice;
    static String olga;
    static long channel;
    static long olgaChannel;
    static final List<Long> videos = new ArrayList<>();
    static long privateVideo;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("PEERLET_TRANSCODING_RESOLUTIONS", "240"));
        api = server.api();
        String admin = api.adminToken();
        alice = api.createUser(admin, "alice", "alice-secret-1");
        olga = api.createUser(admin, "olga", "olga-secret-1");
        work = Files.createTempDirectory("playlists");
        Path clip = TestClips.h264Aac(work.resolve("c.mp4"), 160, 90, 0.5, 10);
        Uploads up = new Uploads(api);
        channel = up.channelId(alice);
        olgaChannel = up.channelId(olga);
        for (int i = 1; i <= 3; i++) videos.add(up.upload(alice, "Holiday " + i, 1, clip));
        privateVideo = up.upload(alice, "Only mine", 3, clip);
        for (long id : videos) up.awaitPublished(alice, id);
        up.awaitPublished(alice, privateVideo);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (work != null) TestFiles.deleteRecursively(work);
    }

    static JsonNode create(String token, Map<String, Object> body) {
        Api.Res r = api.postJson("/api/v1/video-playlists", token, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("videoPlaylist");
    }

    static long add(String token, JsonNode p, long videoId) {
        Api.Res r = api.postJson("/api/v1/video-playlists/" + p.get("id").asLong() + "/videos", token, Map.of("videoId", videoId));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("videoPlaylistElement").get("id").asLong();
    }

    static List<Long> order(String token, JsonNode p) {
        JsonNode data = api.get("/api/v1/video-playlists/" + p.get("uuid").asText() + "/videos?count=100", token).json().get("data");
        List<Long> out = new ArrayList<>();
        for (JsonNode e : data) {
            assertThat(e.get("position").asInt()).isEqualTo(out.size() + 1);
            out.add(e.get("video").get("id").asLong());
        }
        return out;
    }

    @Test
    void createReadUpdateDelete() {
        assertThat(api.get("/api/v1/video-playlists/privacies").json().get("3").asText()).isEqualTo("Private");
        JsonNode made = create(alice, Map.of("displayName", "Holidays 2025", "privacy", 1, "videoChannelId", channel,
                "description", "Sea and sun"));
        for (String id : List.of(made.get("id").asText(), made.get("uuid").asText(), made.get("shortUUID").asText())) {
            JsonNode p = api.get("/api/v1/video-playlists/" + id).json();
            assertThat(p.get("displayName").asText()).isEqualTo("Holidays 2025");
            assertThat(p.get("privacy").get("id").asInt()).isEqualTo(1);
            assertThat(p.get("type").get("id").asInt()).isEqualTo(1);
            assertThat(p.get("videoChannel").get("id").asLong()).isEqualTo(channel);
            assertThat(p.get("ownerAccount").get("name").asText()).isEqualTo("alice");
        }
        Api.Res upd = api.putJson("/api/v1/video-playlists/" + made.get("id").asLong(), alice,
                Map.of("displayName", "Holidays 2025 (all)", "privacy", 2));
        assertThat(upd.status()).as(upd.toString()).isEqualTo(204);
        JsonNode p = api.get("/api/v1/video-playlists/" + made.get("uuid").asText()).json();
        assertThat(p.get("displayName").asText()).isEqualTo("Holidays 2025 (all)");
        assertThat(p.get("description").asText()).isEqualTo("Sea and sun");
        // Unlisted: found by its uuid, never by a counted id (except by its owner).
        assertThat(api.get("/api/v1/video-playlists/" + made.get("id").asLong()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/video-playlists/" + made.get("id").asLong(), alice).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/video-playlists/" + made.get("id").asLong(), olga).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/video-playlists/" + made.get("id").asLong(), alice).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/video-playlists/" + made.get("uuid").asText()).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedAsPeerTubeDoes() {
        Map<Map<String, Object>, Integer> cases = new HashMap<>();
        cases.put(Map.of("privacy", 3), 400);
        cases.put(Map.of("displayName", "x".repeat(121), "privacy", 3), 400);
        cases.put(Map.of("displayName", "", "privacy", 3), 400);
        cases.put(Map.of("displayName", "ok", "privacy", 3, "description", "ab"), 400);
        cases.put(Map.of("displayName", "ok", "privacy", 3, "description", "d".repeat(1001)), 400);
        cases.put(Map.of("displayName", "ok", "privacy", 4), 400);
        cases.put(Map.of("displayName", "ok", "privacy", 1), 400);
        cases.put(Map.of("displayName", "ok", "privacy", 2), 400);
        cases.put(Map.of("displayName", "ok", "privacy", 1, "videoChannelId", olgaChannel), 404);
        cases.forEach((body, status) -> {
            Api.Res r = api.postJson("/api/v1/video-playlists", alice, body);
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(status);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        });
        assertThat(api.postJson("/api/v1/video-playlists", null, Map.of("displayName", "x", "privacy", 3)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/video-playlists/not-an-id").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/video-playlists/987654").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/video-playlists?playlistType=7").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/me/video-playlists/videos-exist?videoIds=abc", alice).status()).isEqualTo(400);
    }

    @Test
    void thumbnailFileAndMultipartCreate() throws Exception {
        BufferedImage img = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Multipart body = new Multipart().field("displayName", "With a picture").field("privacy", 1)
                .field("videoChannelId", channel).file("thumbnailfile", "t.png", png.toByteArray());
        Api.Res r = api.send(api.request("/api/v1/video-playlists", alice).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode p = api.get("/api/v1/video-playlists/" + r.json().get("videoPlaylist").get("uuid").asText()).json();
        Api.Res img2 = api.get(p.get("thumbnailPath").asText());
        assertThat(img2.status()).isEqualTo(200);
        assertThat(img2.header("Content-Type")).startsWith("image/jpeg");
    }

    @Test
    void elementsAreAddedReorderedTimedAndRemoved() {
        JsonNode p = create(alice, Map.of("displayName", "Order", "privacy", 1, "videoChannelId", channel));
        String base = "/api/v1/video-playlists/" + p.get("id").asLong() + "/videos";
        long e1 = add(alice, p, videos.get(0));
        add(alice, p, videos.get(1));
        add(alice, p, videos.get(2));
        assertThat(order(alice, p)).containsExactly(videos.get(0), videos.get(1), videos.get(2));
        // The third goes first, then the first two after the (new) third.
        assertThat(api.postJson(base + "/reorder", alice, Map.of("startPosition", 3, "insertAfterPosition", 0)).status()).isEqualTo(204);
        assertThat(order(alice, p)).containsExactly(videos.get(2), videos.get(0), videos.get(1));
        assertThat(api.postJson(base + "/reorder", alice, Map.of("startPosition", 1, "insertAfterPosition", 3)).status()).isEqualTo(204);
        assertThat(order(alice, p)).containsExactly(videos.get(0), videos.get(1), videos.get(2));
        assertThat(api.postJson(base + "/reorder", alice, Map.of("startPosition", 1, "insertAfterPosition", 3, "reorderLength", 2)).status()).isEqualTo(204);
        assertThat(order(alice, p)).containsExactly(videos.get(2), videos.get(0), videos.get(1));
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("startPosition", 4, "insertAfterPosition", 0),
                Map.<String, Object>of("startPosition", 0, "insertAfterPosition", 1),
                Map.<String, Object>of("startPosition", 1, "insertAfterPosition", 4),
                Map.<String, Object>of("startPosition", 2, "insertAfterPosition", 0, "reorderLength", 3),
                Map.<String, Object>of("insertAfterPosition", 0))) {
            assertThat(api.postJson(base + "/reorder", alice, bad).status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(api.putJson(base + "/" + e1, alice, Map.of("startTimestamp", 0, "stopTimestamp", 0)).status()).isEqualTo(400);
        assertThat(api.putJson(base + "/" + e1, alice, Map.of("startTimestamp", -1)).status()).isEqualTo(400);
        assertThat(api.putJson(base + "/" + e1, olga, Map.of("startTimestamp", 0)).status()).isEqualTo(403);
        assertThat(api.putJson(base + "/" + e1, alice, Map.of("startTimestamp", 0, "stopTimestamp", 1)).status()).isEqualTo(204);
        JsonNode first = api.get(base + "?start=1&count=1").json().get("data").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(e1);
        assertThat(first.get("stopTimestamp").asInt()).isEqualTo(1);
        assertThat(api.delete(base + "/" + e1, alice).status()).isEqualTo(204);
        assertThat(api.delete(base + "/" + e1, alice).status()).isEqualTo(404);
        assertThat(order(alice, p)).containsExactly(videos.get(2), videos.get(1));
        assertThat(api.get("/api/v1/video-playlists/" + p.get("id").asLong()).json().get("videosLength").asInt()).isEqualTo(2);
        // Only the owner adds, and only videos they may watch.
        assertThat(api.postJson(base, olga, Map.of("videoId", videos.get(0))).status()).isEqualTo(403);
        assertThat(api.postJson(base, alice, Map.of("videoId", 987654)).status()).isEqualTo(404);
        JsonNode olgas = create(olga, Map.of("displayName", "Olga's", "privacy", 3));
        assertThat(api.postJson("/api/v1/video-playlists/" + olgas.get("id").asLong() + "/videos", olga,
                Map.of("videoId", privateVideo)).status()).isEqualTo(403);
    }

    @Test
    void aPlaylistHoldsAtMostFiveThousandVideos() {
        JsonNode p = create(alice, Map.of("displayName", "Long", "privacy", 3));
        long id = p.get("id").asLong();
        Path db = server.dataDir().resolve("peerlet.db");
        // Filled straight in the database up to one under the limit: 4999 requests would only slow the suite.
        Sql.update(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4999) "
                + "INSERT INTO playlist_elements (playlist_id, video_id, position, created_at, updated_at) "
                + "SELECT ?, ?, i, 0, 0 FROM n", id, videos.get(0));
        add(alice, p, videos.get(1));
        Api.Res over = api.postJson("/api/v1/video-playlists/" + id + "/videos", alice, Map.of("videoId", videos.get(2)));
        assertThat(over.status()).as(over.toString()).isEqualTo(400);
        assertThat(over.json().get("detail").asText()).contains("5000");
    }

    @Test
    void watchLaterIsMadeOnceAndKept() {
        String bea = api.createUser(api.adminToken(), "bea", "bea-secret-1");
        JsonNode special = api.get("/api/v1/users/me", bea).json().get("specialPlaylists");
        assertThat(special).hasSize(1);
        assertThat(special.get(0).get("type").asInt()).isEqualTo(2);
        long id = special.get(0).get("id").asLong();
        assertThat(api.get("/api/v1/users/me", bea).json().get("specialPlaylists").get(0).get("id").asLong()).isEqualTo(id);
        JsonNode wl = api.get("/api/v1/video-playlists/" + id, bea).json();
        assertThat(wl.get("type").get("id").asInt()).isEqualTo(2);
        assertThat(wl.get("privacy").get("id").asInt()).isEqualTo(3);
        assertThat(api.putJson("/api/v1/video-playlists/" + id, bea, Map.of("displayName", "x")).status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/video-playlists/" + id, bea).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/video-playlists/" + id + "/videos", bea, Map.of("videoId", videos.get(0))).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/video-playlists/" + id).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/accounts/bea/video-playlists?playlistType=2", bea).json().get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/accounts/bea/video-playlists").json().get("total").asInt()).isEqualTo(0);
    }

    @Test
    void aDeletedVideoLeavesADeletedElement() throws Exception {
        Uploads up = new Uploads(api);
        long doomed = up.upload(alice, "Soon gone", 1, TestClips.h264Aac(work.resolve("d.mp4"), 160, 90, 0.5, 10));
        up.awaitPublished(alice, doomed);
        JsonNode p = create(alice, Map.of("displayName", "With a gap", "privacy", 1, "videoChannelId", channel));
        add(alice, p, doomed);
        add(alice, p, videos.get(0));
        assertThat(api.delete("/api/v1/videos/" + doomed, alice).status()).isEqualTo(204);
        JsonNode data = api.get("/api/v1/video-playlists/" + p.get("id").asLong() + "/videos").json().get("data");
        assertThat(data.get(0).get("type").asInt()).isEqualTo(1);
        assertThat(data.get(0).get("video").isNull()).isTrue();
        assertThat(data.get(1).get("type").asInt()).isEqualTo(0);
    }

    @Test
    void videosExistAndListsByAccountAndChannel() {
        String carl = api.createUser(api.adminToken(), "carl", "carl-secret-1");
        long carlChannel = new Uploads(api).channelId(carl);
        JsonNode pub = create(carl, Map.of("displayName", "Carl public", "privacy", 1, "videoChannelId", carlChannel));
        JsonNode priv = create(carl, Map.of("displayName", "Carl private", "privacy", 3));
        long e = add(carl, pub, videos.get(0));
        add(carl, priv, videos.get(0));
        JsonNode exist = api.get("/api/v1/users/me/video-playlists/videos-exist?videoIds=" + videos.get(0) + "&videoIds=" + videos.get(1), carl).json();
        assertThat(exist.get(String.valueOf(videos.get(0)))).hasSize(2);
        assertThat(exist.get(String.valueOf(videos.get(0))).get(0).get("playlistElementId").asLong()).isEqualTo(e);
        assertThat(exist.get(String.valueOf(videos.get(0))).get(0).get("playlistShortUUID").asText()).isEqualTo(pub.get("shortUUID").asText());
        assertThat(exist.get(String.valueOf(videos.get(1)))).isEmpty();
        assertThat(api.get("/api/v1/users/me/video-playlists/videos-exist?videoIds=" + videos.get(0), olga).json()
                .get(String.valueOf(videos.get(0)))).isEmpty();
        assertThat(Api.names(api.get("/api/v1/accounts/carl/video-playlists").json().get("data"), "displayName")).containsExactly("Carl public");
        assertThat(Api.names(api.get("/api/v1/accounts/carl/video-playlists", carl).json().get("data"), "displayName"))
                .contains("Carl public", "Carl private");
        assertThat(Api.names(api.get("/api/v1/video-channels/carl_channel/video-playlists", olga).json().get("data"), "displayName"))
                .containsExactly("Carl public");
        assertThat(Api.names(api.get("/api/v1/video-playlists?count=100").json().get("data"), "displayName"))
                .contains("Carl public").doesNotContain("Carl private");
    }
}

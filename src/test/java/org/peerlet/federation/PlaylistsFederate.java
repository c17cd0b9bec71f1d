package org.peerlet.federation;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Playlists between two real instances, B following A: a public playlist of alice's on A is on B
 * with the videos B holds (PeerTube's Playlist object and its pages), follows her changes, and
 * leaves B when she deletes it or makes it private; private and unlisted ones never reach B.
 */
class PlaylistsFederate {
    static TestServer a;
    static TestServer b;
    static Api apiA;
    static Api apiB;
    static String alice;
    static long channel;
    static String hostA;
    static Path clips;
    /** Two public videos of alice's, known on B, and a private one B never hears of. */
    static String v1;
    static String v2;
    static String hidden;

    @BeforeAll
    static void start() throws Exception {
        a = TestServer.start(TwoInstancesFederate.DEV);
        b = TestServer.start(TwoInstancesFederate.DEV);
        apiA = a.api();
        apiB = b.api();
        alice = apiA.createUser(apiA.adminToken(), "alice", "alice-secret-1");
        hostA = "localhost:" + apiA.base().substring(apiA.base().lastIndexOf(':') + 1);
        String adminB = apiB.adminToken();
        assertThat(apiB.postJson("/api/v1/server/following", adminB, Map.of("hosts", List.of(hostA))).status()).isEqualTo(204);
        Await.until("B's follow of A accepted", TwoInstancesFederate.WAIT, () -> {
            JsonNode f = apiB.get("/api/v1/server/following").json();
            return f.get("total").asInt() == 1 && f.get("data").get(0).get("state").asText().equals("accepted");
        });
        clips = Files.createTempDirectory("playlist-fed-clips");
        Uploads uploads = new Uploads(apiA);
        channel = uploads.channelId(alice);
        v1 = upload(uploads, "First", 1);
        v2 = upload(uploads, "Second", 1);
        hidden = upload(uploads, "Family only", 3);
        for (String uuid : List.of(v1, v2)) {
            Await.until("video " + uuid + " on B", TwoInstancesFederate.WAIT, () -> apiB.get("/api/v1/videos/" + uuid).status() == 200);
        }
    }

    private static String upload(Uploads uploads, String name, int privacy) throws Exception {
        Path clip = TestClips.h264Aac(Files.createTempFile(clips, "clip", ".mp4"), 160, 90, 1.0, 10);
        long id = uploads.upload(alice, name, privacy, clip);
        return uploads.awaitPublished(alice, id).get("uuid").asText();
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
        TestFiles.deleteRecursively(clips);
    }

    /** A playlist of alice's on A with these videos; its uuid. */
    static String playlist(String name, int privacy, List<String> videos) {
        Map<String, Object> body = privacy == 3 ? Map.of("displayName", name, "privacy", privacy)
                : Map.of("displayName", name, "privacy", privacy, "videoChannelId", channel);
        Api.Res r = apiA.postJson("/api/v1/video-playlists", alice, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String uuid = r.json().get("videoPlaylist").get("uuid").asText();
        for (String v : videos) {
            Api.Res added = apiA.postJson("/api/v1/video-playlists/" + uuid + "/videos", alice, Map.of("videoId", v));
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
        }
        return uuid;
    }

    static List<String> listedOnB() {
        return Api.names(apiB.get("/api/v1/video-playlists?count=100").json().get("data"), "uuid");
    }

    /** The videos of a playlist as an anonymous viewer on B sees them, in order. */
    static List<String> videosOnB(String uuid) {
        Api.Res r = apiB.get("/api/v1/video-playlists/" + uuid + "/videos");
        if (r.status() != 200) return List.of("status " + r.status());
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : r.json().get("data")) out.add(e.get("video").isNull() ? "none" : e.get("video").get("uuid").asText());
        return out;
    }

    static Api.Res apDoc(String url) {
        return apiA.send(apiA.request(url.replace("localhost", "127.0.0.1"), null).header("Accept", "application/activity+json").GET());
    }

    @Test
    void aPublicPlaylistOfAIsOnBWithTheVideosBHolds() {
        String uuid = playlist("Holidays 2025", 1, List.of(v1, hidden, v2));
        Await.until("the playlist on B with its two videos", TwoInstancesFederate.WAIT,
                () -> videosOnB(uuid).equals(List.of(v1, v2)));
        JsonNode onB = apiB.get("/api/v1/video-playlists/" + uuid).json();
        assertThat(onB.get("isLocal").asBoolean()).isFalse();
        assertThat(onB.get("displayName").asText()).isEqualTo("Holidays 2025");
        assertThat(onB.get("videosLength").asInt()).isEqualTo(2);
        assertThat(onB.get("url").asText()).isEqualTo("http://" + hostA + "/video-playlists/" + uuid);
        assertThat(listedOnB()).contains(uuid);
        assertThat(Api.names(apiB.get("/api/v1/video-channels/alice_channel@" + hostA + "/video-playlists").json().get("data"), "uuid"))
                .containsExactly(uuid);

        // PeerTube's shapes at the playlist's address on A: the private video is never named.
        JsonNode o = apDoc("http://" + hostA + "/video-playlists/" + uuid).json();
        assertThat(o.get("type").asText()).isEqualTo("Playlist");
        assertThat(o.get("totalItems").asInt()).isEqualTo(2);
        assertThat(o.get("attributedTo").get(0).asText()).isEqualTo("http://" + hostA + "/video-channels/alice_channel");
        assertThat(o.get("to").get(0).asText()).isEqualTo("https://www.w3.org/ns/activitystreams#Public");
        JsonNode page = apDoc(o.get("first").asText()).json();
        assertThat(page.get("type").asText()).isEqualTo("OrderedCollectionPage");
        assertThat(page.get("orderedItems")).hasSize(2);
        JsonNode element = apDoc(page.get("orderedItems").get(1).asText()).json();
        assertThat(element.get("type").asText()).isEqualTo("PlaylistElement");
        assertThat(element.get("url").asText()).isEqualTo("http://" + hostA + "/videos/watch/" + v2);

        // A change on A (the last video moved first) reaches B.
        Api.Res moved = apiA.postJson("/api/v1/video-playlists/" + uuid + "/videos/reorder", alice,
                Map.of("startPosition", 3, "insertAfterPosition", 0));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
        Await.until("the new order on B", TwoInstancesFederate.WAIT, () -> videosOnB(uuid).equals(List.of(v2, v1)));

        // Made private on A: gone from B.
        assertThat(apiA.putJson("/api/v1/video-playlists/" + uuid, alice, Map.of("privacy", 3)).status()).isEqualTo(204);
        Await.until("the playlist gone from B", TwoInstancesFederate.WAIT,
                () -> apiB.get("/api/v1/video-playlists/" + uuid).status() == 404);
        assertThat(listedOnB()).doesNotContain(uuid);
        assertThat(apDoc("http://" + hostA + "/video-playlists/" + uuid).status()).isEqualTo(404);
    }

    @Test
    void privateAndUnlistedPlaylistsNeverReachBAndADeletedOneLeavesIt() {
        String secret = playlist("Family only", 3, List.of(v1));
        String unlisted = playlist("By link", 2, List.of(v1));
        // The unlisted one is served at its address, the private one is not.
        assertThat(apDoc("http://" + hostA + "/video-playlists/" + unlisted).status()).isEqualTo(200);
        assertThat(apDoc("http://" + hostA + "/video-playlists/" + secret).status()).isEqualTo(404);
        // A public one made after them reaches B: by then the others would have too, had they been sent.
        String later = playlist("Later", 1, List.of(v2));
        Await.until("the later playlist on B", TwoInstancesFederate.WAIT, () -> listedOnB().contains(later));
        assertThat(apiB.get("/api/v1/video-playlists/" + secret).status()).isEqualTo(404);
        assertThat(apiB.get("/api/v1/video-playlists/" + unlisted).status()).isEqualTo(404);
        assertThat(listedOnB()).doesNotContain(secret, unlisted);

        assertThat(apiA.delete("/api/v1/video-playlists/" + later, alice).status()).isEqualTo(204);
        Await.until("the deleted playlist gone from B", TwoInstancesFederate.WAIT, () -> !listedOnB().contains(later));
        assertThat(apiB.get("/api/v1/video-playlists/" + later).status()).isEqualTo(404);
    }

    @Test
    void aPlaylistsPictureReachesBAndAVideoMadePrivateLeavesItThereToo() throws Exception {
        String trip = upload(new Uploads(apiA), "Road trip", 1);
        Await.until("the new video on B", TwoInstancesFederate.WAIT, () -> apiB.get("/api/v1/videos/" + trip).status() == 200);
        // Made with a picture: B keeps its own copy of it.
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 36, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        org.peerlet.testing.Multipart body = new org.peerlet.testing.Multipart().field("displayName", "Summer").field("privacy", 1)
                .field("videoChannelId", channel).file("thumbnailfile", "t.png", png.toByteArray());
        Api.Res made = apiA.send(apiA.request("/api/v1/video-playlists", alice).header("Content-Type", body.contentType())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        String uuid = made.json().get("videoPlaylist").get("uuid").asText();
        for (String v : List.of(v1, trip)) {
            assertThat(apiA.postJson("/api/v1/video-playlists/" + uuid + "/videos", alice, Map.of("videoId", v)).status()).isEqualTo(200);
        }
        Await.until("the playlist on B with both videos and its picture", TwoInstancesFederate.WAIT, () -> videosOnB(uuid).equals(List.of(v1, trip))
                && apiB.get("/api/v1/video-playlists/" + uuid).json().path("thumbnailPath").isTextual());
        Api.Res picture = apiB.get(apiB.get("/api/v1/video-playlists/" + uuid).json().get("thumbnailPath").asText());
        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.header("Content-Type")).startsWith("image/jpeg");

        // The video goes private on A: B is told the playlist again, without it (not a hole where it was).
        assertThat(apiA.putJson("/api/v1/videos/" + trip, alice, Map.of("privacy", 3)).status()).isEqualTo(204);
        Await.until("the playlist on B without the private video", TwoInstancesFederate.WAIT,
                () -> videosOnB(uuid).equals(List.of(v1)) && apiB.get("/api/v1/video-playlists/" + uuid).json().path("videosLength").asInt() == 1);
    }
}

package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Await;
import org.peerlet.testing.Api;
import org.peerlet.testing.MutableClock;
import org.peerlet.testing.Sql;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real instances on loopback ports, A and B, federating: B's instance follows A's, A's
 * videos reach B and play from A, changes and deletion follow, a B user subscribes to an A
 * channel, comments and likes from B reach A, and deliveries to B survive B being down.
 */
class TwoInstancesFederate {
    static final Map<String, String> DEV = Map.of("PEERLET_FEDERATION_ALLOW_LOOPBACK", "true",
            "PEERLET_FEDERATION_ALLOW_HTTP", "true", "PEERLET_DEFAULT_PRIVACY", "public",
            "PEERLET_TRANSCODING_RESOLUTIONS", "240", "PEERLET_P2P_ENABLED", "false");
    static final Duration WAIT = Duration.ofSeconds(15);

    static MutableClock clockA = MutableClock.startingNow();
    static TestServer a;
    static TestServer b;
    static Api apiA;
    static Api apiB;
    static String adminA;
    static String adminB;
    static String alice;
    static String bob;
    static Path clips;
    static boolean following;

    /** A video of alice's on A, published: each test that changes or deletes one has its own. */
    record Published(long id, String uuid) {
    }

    @BeforeAll
    static void start() throws Exception {
        a = TestServer.start(DEV, clockA);
        b = TestServer.start(DEV);
        apiA = a.api();
        apiB = b.api();
        adminA = apiA.adminToken();
        adminB = apiB.adminToken();
        alice = apiA.createUser(adminA, "alice", "alice-secret-1");
        bob = apiB.createUser(adminB, "bob", "bob-secret-1");
        clips = Files.createTempDirectory("fed-clips");
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
        TestFiles.deleteRecursively(clips);
    }

    static String hostA() {
        return "localhost:" + apiA.base().substring(apiA.base().lastIndexOf(':') + 1);
    }

    /** B follows A, accepted: done once, by whichever test needs it first. */
    static synchronized void follow() {
        if (following) return;
        Api.Res r = apiB.postJson("/api/v1/server/following", adminB, Map.of("hosts", List.of(hostA())));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        Await.until("B's follow of A accepted", WAIT, () -> {
            JsonNode f = apiB.get("/api/v1/server/following").json();
            return f.get("total").asInt() == 1 && f.get("data").get(0).get("state").asText().equals("accepted");
        });
        following = true;
    }

    /** A public video uploaded on A once B follows A, and seen on B. */
    static Published publishOnA(String name) throws Exception {
        follow();
        Path clip = TestClips.h264Aac(Files.createTempFile(clips, "clip", ".mp4"), 320, 240, 1.0, 25);
        Uploads uploads = new Uploads(apiA);
        long id = uploads.upload(alice, name, 1, clip);
        String uuid = uploads.awaitPublished(alice, id).get("uuid").asText();
        Await.until("the video on B", WAIT, () -> remoteOnB(uuid) != null);
        return new Published(id, uuid);
    }

    static JsonNode remoteOnB(String uuid) {
        Api.Res r = apiB.get("/api/v1/videos/" + uuid);
        return r.status() == 200 ? r.json() : null;
    }

    @Test
    void anInstanceFollowsAnotherAndIsAccepted() {
        follow();
        JsonNode followers = apiA.get("/api/v1/server/followers").json();
        assertThat(followers.get("total").asInt()).isEqualTo(1);
        assertThat(followers.get("data").get(0).get("follower").get("url").asText()).startsWith(b.baseUrl().replace("127.0.0.1", "localhost"));
    }

    @Test
    void aPublicVideoUploadedOnAAppearsOnBAndPlaysFromA() throws Exception {
        String uuid = publishOnA("Hello from A").uuid();
        JsonNode onB = remoteOnB(uuid);
        assertThat(onB.get("isLocal").asBoolean()).isFalse();
        assertThat(onB.get("name").asText()).isEqualTo("Hello from A");
        String playlist = onB.get("streamingPlaylists").get(0).get("playlistUrl").asText();
        assertThat(playlist).startsWith("http://localhost:" + hostA().split(":")[1] + "/static/streaming-playlists/hls/" + uuid);
        // Viewers on B find this video's peers on A's tracker, which A advertised in the Video.
        assertThat(onB.get("trackerUrls").get(0).asText())
                .isEqualTo("ws://localhost:" + hostA().split(":")[1] + "/tracker/socket");
        Api.Res master = apiA.get(playlist);
        assertThat(master.status()).isEqualTo(200);
        assertThat(master.text()).startsWith("#EXTM3U");
        JsonNode list = apiB.get("/api/v1/videos?isLocal=false").json();
        assertThat(Api.names(list.get("data"), "uuid")).contains(uuid);

        // The Video object as PeerTube shapes it
        JsonNode o = apObject("/videos/watch/" + uuid);
        assertThat(o.get("type").asText()).isEqualTo("Video");
        assertThat(o.get("id").asText()).isEqualTo("http://" + hostA() + "/videos/watch/" + uuid);
        assertThat(o.get("uuid").asText()).isEqualTo(uuid);
        assertThat(o.get("duration").asText()).matches("PT\\d+S");
        assertThat(o.get("attributedTo").get(0).get("type").asText()).isEqualTo("Person");
        assertThat(o.get("attributedTo").get(1).get("type").asText()).isEqualTo("Group");
        assertThat(o.get("to").get(0).asText()).isEqualTo("https://www.w3.org/ns/activitystreams#Public");
        assertThat(o.get("url").get(0).get("mediaType").asText()).isEqualTo("text/html");
        JsonNode hls = o.get("url").get(1);
        assertThat(hls.get("mediaType").asText()).isEqualTo("application/x-mpegURL");
        assertThat(hls.get("tag").get(0).get("name").asText()).isEqualTo("sha256");
        assertThat(hls.get("tag").get(1).get("height").asInt()).isEqualTo(240);
        for (String f : new String[]{"likes", "dislikes", "shares", "comments", "published", "content", "sensitive"}) {
            assertThat(o.has(f)).as(f).isTrue();
        }
    }

    static JsonNode apObject(String path) {
        Api.Res r = apiA.send(apiA.request(path, null).header("Accept", "application/activity+json").GET());
        return r.status() == 200 ? r.json() : null;
    }

    @Test
    void anUpdateOnAReachesB() throws Exception {
        Published v = publishOnA("To be renamed");
        Api.Res r = apiA.putJson("/api/v1/videos/" + v.id(), alice, Map.of("name", "Renamed on A"));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        Await.until("the new name on B", WAIT, () -> "Renamed on A".equals(remoteOnB(v.uuid()).get("name").asText()));
    }

    @Test
    void aChannelSubscriptionAcrossInstancesFillsTheFeed() throws Exception {
        String uuid = publishOnA("For subscribers").uuid();
        Api.Res r = apiB.postJson("/api/v1/users/me/subscriptions", bob, Map.of("uri", "alice_channel@" + hostA()));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        Await.until("A accepts bob's follow", WAIT, () ->
                apiA.get("/video-channels/alice_channel/followers", null).status() == 200
                        && apiA.send(apiA.request("/video-channels/alice_channel/followers", null)
                        .header("Accept", "application/activity+json").GET()).json().get("totalItems").asInt() == 1);
        JsonNode subs = apiB.get("/api/v1/users/me/subscriptions", bob).json();
        assertThat(subs.get("total").asInt()).isEqualTo(1);
        JsonNode feed = apiB.get("/api/v1/users/me/subscriptions/videos", bob).json();
        assertThat(Api.names(feed.get("data"), "uuid")).contains(uuid);
    }

    @Test
    void captionsAddedOnAReachBAsLinksToAsFiles() throws Exception {
        Published v = publishOnA("With captions");
        org.peerlet.testing.Multipart body = new org.peerlet.testing.Multipart().file("captionfile", "fr.srt",
                "1\n00:00:00,000 --> 00:00:00,900\nBonjour\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Res put = apiA.send(apiA.request("/api/v1/videos/" + v.id() + "/captions/fr", alice)
                .header("Content-Type", body.contentType())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        JsonNode subtitles = apObject("/videos/watch/" + v.uuid()).get("subtitleLanguage");
        assertThat(subtitles.get(0).get("identifier").asText()).isEqualTo("fr");
        String href = subtitles.get(0).get("url").get(0).get("href").asText();
        assertThat(subtitles.get(0).get("url").get(0).get("mediaType").asText()).isEqualTo("text/vtt");
        Await.until("the caption on B", WAIT, () -> apiB.get("/api/v1/videos/" + v.uuid() + "/captions").json().path("total").asInt() == 1);
        JsonNode onB = apiB.get("/api/v1/videos/" + v.uuid() + "/captions").json().get("data").get(0);
        assertThat(onB.get("language").get("id").asText()).isEqualTo("fr");
        assertThat(onB.get("fileUrl").asText()).isEqualTo(href);
        assertThat(apiA.get(href).text()).contains("Bonjour");
    }

    @Test
    void aCommentAndALikeFromBReachA() throws Exception {
        String uuid = publishOnA("To comment on").uuid();
        Api.Res c = apiB.postJson("/api/v1/videos/" + uuid + "/comment-threads", bob, Map.of("text", "Nice one, from B"));
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        Await.until("the comment on A", WAIT, () -> {
            JsonNode t = apiA.get("/api/v1/videos/" + uuid + "/comment-threads").json();
            return t.get("data").size() == 1 && t.get("data").get(0).get("text").asText().equals("Nice one, from B");
        });
        JsonNode t = apiA.get("/api/v1/videos/" + uuid + "/comment-threads").json();
        assertThat(t.get("data").get(0).get("account").get("name").asText()).isEqualTo("bob");
        // Epoch-millisecond times survive the plain-SQL read: the comment is dated about now.
        java.time.Instant created = java.time.Instant.parse(t.get("data").get(0).get("createdAt").asText());
        assertThat(created).isBetween(java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(3600));
        // Deleted on B, it leaves a tombstone on A too.
        long onB = c.json().get("comment").get("id").asLong();
        assertThat(apiB.delete("/api/v1/videos/" + uuid + "/comments/" + onB, bob).status()).isEqualTo(204);
        Await.until("the tombstone on A", WAIT, () -> apiA.get("/api/v1/videos/" + uuid + "/comment-threads").json()
                .get("data").get(0).get("isDeleted").asBoolean());
        Api.Res like = apiB.putJson("/api/v1/videos/" + uuid + "/rate", bob, Map.of("rating", "like"));
        assertThat(like.status()).as(like.toString()).isEqualTo(204);
        Await.until("the like counted on A", WAIT, () -> apiA.get("/api/v1/videos/" + uuid).json().get("likes").asInt() == 1);
    }

    @Test
    void deliveriesToAnInstanceThatWasDownArriveWhenItIsBack() throws Exception {
        Published v = publishOnA("Before B slept");
        String uuid = v.uuid();
        b.app().close();
        Api.Res r = apiA.putJson("/api/v1/videos/" + v.id(), alice, Map.of("name", "Changed while B slept"));
        assertThat(r.status()).isEqualTo(204);
        Path dbA = a.dataDir().resolve("peerlet.db");
        Await.until("the first attempt failed: B is down", WAIT, () -> Sql.number(dbA,
                "SELECT count(*) FROM deliveries WHERE state = 'pending' AND attempts > 0 AND body LIKE ?",
                "%Changed while B slept%") == 1);
        b.restart();
        apiB = b.api();
        assertThat(remoteOnB(uuid).get("name").asText()).isEqualTo("Before B slept");
        clockA.advance(Duration.ofSeconds(31)); // the first step of the retry table
        Await.until("the retried Update on B", WAIT, () -> "Changed while B slept".equals(remoteOnB(uuid).get("name").asText()));
    }

    @Test
    void makingItPrivateTakesItBackAndDeletingOnARemovesItFromB() throws Exception {
        Published v = publishOnA("Public, private, gone");
        long idA = v.id();
        String uuid = v.uuid();
        assertThat(apiA.putJson("/api/v1/videos/" + idA, alice, Map.of("privacy", 3)).status()).isEqualTo(204);
        Await.until("the private video gone from B", WAIT, () -> remoteOnB(uuid) == null);
        assertThat(apObject("/videos/watch/" + uuid)).isNull();
        assertThat(apiA.putJson("/api/v1/videos/" + idA, alice, Map.of("privacy", 1)).status()).isEqualTo(204);
        Await.until("the public again video back on B", WAIT, () -> remoteOnB(uuid) != null);
        Api.Res r = apiA.delete("/api/v1/videos/" + idA, alice);
        assertThat(r.status()).isEqualTo(204);
        Await.until("the video gone from B", WAIT, () -> remoteOnB(uuid) == null);
    }
}

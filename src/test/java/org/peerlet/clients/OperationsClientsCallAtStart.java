package org.peerlet.clients;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations PeerTube's apps call when they start or open a page (a 404 there fails the
 * whole page): each answers what it says, with the usual access rules.
 */
class OperationsClientsCallAtStart {
    static TestServer server;
    static Api api;
    static Path work;
    static String admin;
    static String alice;
    static String bob;
    static long publicId;
    static long privateId;
    static long clipSize;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        work = Files.createTempDirectory("at-start");
        admin = api.adminToken();
        alice = api.createUser(admin, "alice", "alice-password-1");
        bob = api.createUser(admin, "bob", "bob-password-1");
        Uploads uploads = new Uploads(api);
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 2.0, 25);
        clipSize = Files.size(clip);
        publicId = uploads.upload(alice, "Garden party", 1, clip);
        privateId = uploads.upload(alice, "Private garden", 3, clip);
        uploads.awaitPublished(alice, publicId);
        uploads.awaitPublished(alice, privateId);
        assertThat(api.putJson("/api/v1/videos/" + publicId, alice, Map.of("category", 2, "tags", java.util.List.of("garden"))).status())
                .isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (work != null) TestFiles.deleteRecursively(work);
    }

    @Test
    void quotaUsedCountsWhatTheUserUploaded() {
        JsonNode used = api.get("/api/v1/users/me/video-quota-used", alice).json();
        assertThat(used.get("videoQuotaUsed").asLong()).isEqualTo(2 * clipSize);
        assertThat(used.get("videoQuotaUsedDaily").asLong()).isEqualTo(2 * clipSize);
        assertThat(api.get("/api/v1/users/me/video-quota-used", bob).json().get("videoQuotaUsed").asLong()).isZero();
        assertThat(api.get("/api/v1/users/me/video-quota-used").status()).isEqualTo(401);
    }

    @Test
    void playerSettingsFollowTheOneLookOfThePlayer() {
        assertThat(api.get("/api/v1/player-settings/videos/" + publicId).json().get("theme").asText()).isEqualTo("galaxy");
        assertThat(api.get("/api/v1/player-settings/videos/" + publicId + "?raw=true").json().get("theme").asText())
                .isEqualTo("channel-default");
        assertThat(api.get("/api/v1/player-settings/videos/" + privateId).status()).isIn(401, 403, 404);
        assertThat(api.putJson("/api/v1/player-settings/videos/" + publicId, alice, Map.of("theme", "channel-default")).status())
                .isEqualTo(200);
        Api.Res other = api.putJson("/api/v1/player-settings/videos/" + publicId, alice, Map.of("theme", "lucide"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("invalid-params").has("theme")).as(other.toString()).isTrue();
        assertThat(api.putJson("/api/v1/player-settings/videos/" + publicId, bob, Map.of("theme", "channel-default")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/player-settings/video-channels/alice_channel?raw=true").json().get("theme").asText())
                .isEqualTo("instance-default");
        assertThat(api.putJson("/api/v1/player-settings/video-channels/alice_channel", bob, Map.of("theme", "instance-default"))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/player-settings/video-channels/nobody_here").status()).isEqualTo(404);
    }

    @Test
    void searchFindsChannelsByNameAndNoPlaylistsYet() {
        JsonNode found = api.get("/api/v1/search/video-channels?search=ALI").json();
        assertThat(Api.names(found.get("data"), "name")).containsExactly("alice_channel");
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/search/video-channels?search=nothing%25like").json().get("total").asInt()).isZero();
        JsonNode playlists = api.get("/api/v1/search/video-playlists?search=garden").json();
        assertThat(playlists.get("total").asInt()).isZero();
        assertThat(playlists.get("data").isArray()).isTrue();
    }

    @Test
    void theOverviewGroupsWhatTheViewerMayList() {
        JsonNode o = api.get("/api/v1/overviews/videos").json();
        JsonNode category = o.get("categories").get(0);
        assertThat(category.get("category").get("id").asInt()).isEqualTo(2);
        assertThat(Api.names(category.get("videos"), "name")).containsExactly("Garden party");
        assertThat(o.get("tags").get(0).get("tag").asText()).isEqualTo("garden");
        assertThat(Api.names(o.get("channels").get(0).get("videos"), "name")).containsExactly("Garden party");
        assertThat(o.toString()).doesNotContain("Private garden");
        assertThat(api.get("/api/v1/overviews/videos?page=2").json().get("channels")).isEmpty();
    }

    @Test
    void statsCountTheInstance() {
        JsonNode s = api.get("/api/v1/server/stats").json();
        assertThat(s.get("totalUsers").asInt()).isEqualTo(3);
        assertThat(s.get("totalAdmins").asInt()).isEqualTo(1);
        assertThat(s.get("totalLocalVideos").asInt()).isEqualTo(2);
        assertThat(s.get("totalLocalVideoChannels").asInt()).isEqualTo(3);
    }

    @Test
    void jobsAreListedByPeerTubesStates() {
        JsonNode done = api.get("/api/v1/jobs/completed", admin).json();
        assertThat(done.get("total").asInt()).isEqualTo(2);
        assertThat(done.get("data").get(0).get("state").asText()).isEqualTo("completed");
        assertThat(done.get("data").get(0).get("type").asText()).isEqualTo("video-transcoding");
        assertThat(api.get("/api/v1/jobs/failed", admin).json().get("total").asInt()).isZero();
        assertThat(api.get("/api/v1/jobs/delayed", admin).json().get("total").asInt()).isZero();
        assertThat(api.get("/api/v1/jobs/completed?jobType=email", admin).json().get("total").asInt()).isZero();
        Api.Res bogus = api.get("/api/v1/jobs/bogus", admin);
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().get("invalid-params").has("state")).isTrue();
        assertThat(api.get("/api/v1/jobs/completed", alice).status()).isEqualTo(403);
    }

    @Test
    void theGeneratedDownloadIsTheBestRungUnderTheDownloadRules() {
        JsonNode v = api.get("/api/v1/videos/" + publicId).json();
        String best = v.get("files").get(0).get("fileDownloadUrl").asText();
        Api.Res generated = api.get("/download/videos/generate/" + publicId);
        assertThat(generated.status()).isEqualTo(200);
        assertThat(generated.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(Arrays.equals(generated.bytes(), api.get(best).bytes())).isTrue();
        assertThat(api.get("/download/videos/generate/" + privateId).status()).isEqualTo(404);
        assertThat(api.get("/download/videos/generate/" + privateId, alice).status()).isEqualTo(200);
        assertThat(api.putJson("/api/v1/videos/" + publicId, alice, Map.of("downloadEnabled", false)).status()).isEqualTo(204);
        try {
            assertThat(api.get("/download/videos/generate/" + publicId).status()).isEqualTo(403);
        } finally {
            api.putJson("/api/v1/videos/" + publicId, alice, Map.of("downloadEnabled", true));
        }
    }

    @Test
    void peerTubesOtherAddressesAreNotTakenForVideoOrUserIds() {
        JsonNode blacklist = api.get("/api/v1/videos/blacklist", admin).json();
        assertThat(blacklist.get("total").asInt()).as(blacklist.toString()).isZero();
        assertThat(api.get("/api/v1/videos/blacklist").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/registrations", admin).json().get("total").asInt()).isZero();
        Api.Res comments = api.get("/api/v1/videos/comments", admin);
        assertThat(comments.status()).isEqualTo(404);
        assertThat(comments.json().get("detail").asText()).startsWith("no such endpoint");
        Api.Res homepage = api.get("/api/v1/custom-pages/homepage/instance");
        assertThat(homepage.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/config").json().get("homepage").get("enabled").asBoolean()).isFalse();
    }
}

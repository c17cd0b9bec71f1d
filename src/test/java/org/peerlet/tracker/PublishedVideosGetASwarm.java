package org.peerlet.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.MutableClock;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedVideosGetASwarm {

    @Test
    void onlyPublishedPublicVideosHaveSwarmsAndTheyFollowPrivacyAndDeletion(@TempDir Path dir) {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            long id = uploads.upload(admin, "Swarmed", 1, TestClips.h264Aac(dir.resolve("a.mp4"), 160, 90, 1.0, 10));
            JsonNode v = uploads.awaitPublished(admin, id);
            String master = v.get("streamingPlaylists").get(0).get("playlistUrl").asText();
            String hash = InfoHashes.forPlaylist(master, 0);
            KnownSwarms swarms = server.app().knownSwarms();
            assertThat(swarms.isAdmitted(hash)).isTrue();
            assertThat(v.get("trackerUrls").get(0).asText()).endsWith("/tracker/socket");

            api.putJson("/api/v1/videos/" + id, admin, Map.of("privacy", 3));
            assertThat(swarms.isAdmitted(hash)).as("private: no swarm").isFalse();
            api.putJson("/api/v1/videos/" + id, admin, Map.of("privacy", 2));
            assertThat(swarms.isAdmitted(hash)).as("unlisted: reachable by link").isTrue();

            server.restart();
            assertThat(server.app().knownSwarms().isAdmitted(hash)).as("rebuilt at start").isTrue();
            api = server.api();
            api.delete("/api/v1/videos/" + id, api.adminToken());
            assertThat(server.app().knownSwarms().isAdmitted(hash)).isFalse();
        }
    }

    /** WebTorrent clients announce a rung's torrent: its swarm follows the video's rule as the HLS swarms do. */
    @Test
    void eachRungsTorrentHasASwarmUnderTheVideosRule(@TempDir Path dir) {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            long id = uploads.upload(admin, "Torrented", 1, TestClips.h264Aac(dir.resolve("t.mp4"), 160, 90, 1.0, 10));
            String magnet = uploads.awaitPublished(admin, id).get("files").get(0).get("magnetUri").asText();
            String hash = InfoHashes.fromHex(magnet.replaceFirst(".*xt=urn:btih:([0-9a-f]{40}).*", "$1"));
            KnownSwarms swarms = server.app().knownSwarms();
            assertThat(swarms.isAdmitted(hash)).isTrue();

            api.putJson("/api/v1/videos/" + id, admin, Map.of("privacy", 3));
            assertThat(swarms.isAdmitted(hash)).as("private: not open").isFalse();
            assertThat(swarms.admits(hash, null)).as("private, no token").isFalse();
            String token = api.postJson("/api/v1/videos/" + id + "/token", admin, Map.of()).json().get("files").get("token").asText();
            assertThat(swarms.admits(hash, token)).as("private, with a file token").isTrue();

            api.delete("/api/v1/videos/" + id, admin);
            assertThat(swarms.admits(hash, token)).as("deleted").isFalse();
        }
    }

    @Test
    void aPrivateVideosPeersStayPastTheirTokensHourButNotPastARevocation(@TempDir Path dir) throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(Map.of(), clock)) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            long id = uploads.upload(admin, "Family film", 3, TestClips.h264Aac(dir.resolve("f.mp4"), 160, 90, 1.0, 10));
            JsonNode v = uploads.awaitPublished(admin, id);
            String hash = InfoHashes.forPlaylist(v.get("streamingPlaylists").get(0).get("playlistUrl").asText(), 0);
            String token = api.postJson("/api/v1/videos/" + id + "/token", admin, Map.of()).json().get("files").get("token").asText();

            try (WsPeer watching = WsPeer.connect(server.baseUrl(), "?token=" + token)) {
                assertThat(watching.announce(hash).has("failure reason")).isFalse();
                // Two hours into a long film: the socket still has the token it was opened with.
                clock.advance(Duration.ofHours(2));
                assertThat(watching.announce(hash).has("failure reason")).as("a member stays").isFalse();
                try (WsPeer late = WsPeer.connect(server.baseUrl(), "?token=" + token)) {
                    assertThat(late.announce(hash).get("failure reason").asText()).as("a newcomer with an old token")
                            .contains("unknown info_hash");
                }
                // The owner takes the video back (it becomes unlisted, then private again): grants end.
                api.putJson("/api/v1/videos/" + id, admin, Map.of("privacy", 2));
                api.putJson("/api/v1/videos/" + id, admin, Map.of("privacy", 3));
                assertThat(watching.announce(hash).get("failure reason").asText()).as("revoked").contains("unknown info_hash");
            }
            try (WsPeer stale = WsPeer.connect(server.baseUrl(), "?token=" + api.postJson("/api/v1/videos/" + id + "/token", admin,
                    Map.of()).json().get("files").get("token").asText())) {
                assertThat(stale.announce(hash).has("failure reason")).isFalse();
                clock.advance(Duration.ofHours(14));
                assertThat(stale.announce(hash).get("failure reason").asText()).as("past the grace").contains("unknown info_hash");
            }
        }
    }
}

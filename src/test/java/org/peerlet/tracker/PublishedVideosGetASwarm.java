package org.peerlet.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Path;
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
}

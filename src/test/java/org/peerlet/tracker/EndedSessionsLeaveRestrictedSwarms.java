package org.peerlet.tracker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.PeerletProcess;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracker socket opened with a user's file token lives no longer than that user's sessions:
 * when they end, its peer leaves the private swarm at once (the others stop counting it) and its
 * next announce is refused. A reset by the admin tool, in another process, reaches the tracker
 * at its next sweep.
 */
class EndedSessionsLeaveRestrictedSwarms {

    @Test
    void aPeerLeavesAPrivateSwarmWhenItsUsersSessionsEnd(@TempDir Path dir) {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            String laptop = api.createUser(admin, "dan", "dan-secret-1");
            String tablet = api.token("dan", "dan-secret-1");
            long id = uploads.upload(laptop, "Dan's film", 3, TestClips.h264Aac(dir.resolve("f.mp4"), 160, 90, 1.0, 10));
            String hash = InfoHashes.forPlaylist(uploads.awaitPublished(laptop, id).get("streamingPlaylists").get(0)
                    .get("playlistUrl").asText(), 0);

            try (WsPeer watcher = WsPeer.connect(server.baseUrl(), "?token=" + fileToken(api, admin, id));
                 WsPeer onTablet = WsPeer.connect(server.baseUrl(), "?token=" + fileToken(api, tablet, id));
                 WsPeer onLaptop = WsPeer.connect(server.baseUrl(), "?token=" + fileToken(api, laptop, id))) {
                assertThat(onTablet.announce(hash).has("failure reason")).isFalse();
                assertThat(onLaptop.announce(hash).has("failure reason")).isFalse();
                assertThat(watcher.announce(hash).get("incomplete").asInt()).isEqualTo(3);

                // Dan changes his password on the laptop: the tablet's session ends, and the file
                // tokens of both (the laptop's player asks for a new one).
                assertThat(api.putJson("/api/v1/users/me", laptop, Map.of("currentPassword", "dan-secret-1",
                        "password", "dan-secret-2")).status()).isEqualTo(204);
                assertThat(watcher.announce(hash).get("incomplete").asInt()).as("Dan's peers left at once").isEqualTo(1);
                assertThat(onTablet.announce(hash).get("failure reason").asText()).contains("unknown info_hash");

                // The admin tool resets the password beside the running server: the laptop's new socket goes too.
                try (WsPeer again = WsPeer.connect(server.baseUrl(), "?token=" + fileToken(api, laptop, id))) {
                    assertThat(again.announce(hash).has("failure reason")).isFalse();
                    assertThat(watcher.announce(hash).get("incomplete").asInt()).isEqualTo(2);
                    PeerletProcess.Finished reset = PeerletProcess.admin(server.dataDir(), "reset-password",
                            "--username", "dan", "--password", "dan-secret-3");
                    assertThat(reset.exitCode()).as(reset.output()).isZero();
                    server.app().tracker().sweep();
                    assertThat(watcher.announce(hash).get("incomplete").asInt()).as("after the sweep").isEqualTo(1);
                    assertThat(again.announce(hash).get("failure reason").asText()).contains("unknown info_hash");
                }
            }
        }
    }

    private static String fileToken(Api api, String access, long videoId) {
        return api.postJson("/api/v1/videos/" + videoId + "/token", access, Map.of()).json().get("files").get("token").asText();
    }
}

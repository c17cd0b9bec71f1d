package org.peerlet.notification;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds told beyond comments and subscriptions: a private video shared with me by name
 * (Peerlet's own kind 1001, taken back with the share), my upload failing to transcode (PeerTube's
 * failed import, 8), and for moderators a report (3), a held upload (12), a sign-up (9) and a
 * sign-up request (20). Each is made through the API and read from the notification list.
 */
class SharesFailuresAndModeratorsNotifiedTest {
    static TestServer server;
    static Api api;
    static String admin;
    static Uploads uploads;
    static Path clips;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
        uploads = new Uploads(api);
        clips = Files.createTempDirectory("clips");
        clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    static List<JsonNode> of(String token, int type) {
        return NotificationKindsTest.of(api, token, type);
    }

    static void ok(Api.Res r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }

    @Test
    void aPrivateVideoSharedByNameIsToldToThatPersonAndTakenBackWithTheShare() {
        String mamie = api.createUser(admin, "mamie", "mamie-secret-1");
        String leo = api.createUser(admin, "leo", "leo-secret-1");
        String ines = api.createUser(admin, "ines", "ines-secret-1");
        long video = uploads.upload(mamie, "Birthday", 3, clip);
        uploads.awaitPublished(mamie, video);

        Api.Res share = api.postJson("/api/v1/videos/" + video + "/shares", mamie, Map.of("handle", "leo"));
        ok(share, 200);
        List<JsonNode> told = of(leo, Notification.VIDEO_SHARED_WITH_ME);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("video").get("id").asLong()).isEqualTo(video);
        assertThat(told.get(0).get("video").get("name").asText()).isEqualTo("Birthday");
        assertThat(told.get(0).get("video").get("channel").get("name").asText()).isEqualTo("mamie_channel");
        assertThat(of(ines, Notification.VIDEO_SHARED_WITH_ME)).as("not shared with her").isEmpty();
        assertThat(of(mamie, Notification.VIDEO_SHARED_WITH_ME)).isEmpty();

        // Taken back: the notification (its name and link) goes with the share.
        ok(api.delete("/api/v1/videos/" + video + "/shares/" + share.json().get("share").get("id").asLong(), mamie), 204);
        assertThat(of(leo, Notification.VIDEO_SHARED_WITH_ME)).isEmpty();

        // Turned off in the settings: not told.
        ok(api.putJson("/api/v1/users/me/notification-settings", ines, Map.of("videoSharedWithMe", 0)), 204);
        assertThat(api.get("/api/v1/users/me", ines).json().at("/notificationSettings/videoSharedWithMe").asInt()).isZero();
        ok(api.postJson("/api/v1/videos/" + video + "/shares", mamie, Map.of("handle", "ines")), 200);
        assertThat(of(ines, Notification.VIDEO_SHARED_WITH_ME)).isEmpty();
    }

    @Test
    void anUploadThatCannotBeTranscodedIsToldToItsUploader() {
        String noe = api.createUser(admin, "noe", "noe-secret-1");
        Path whole = TestClips.h264AacFaststart(clips.resolve("whole.mp4"), 640, 360, 5.0, 30);
        Path cut = TestClips.truncate(whole, clips.resolve("cut.mp4"), 40_000);
        Api.Res r = uploads.multipart(noe, Map.of("name", "Cut short", "channelId", uploads.channelId(noe)), cut, "cut.mp4");
        ok(r, 200);
        long id = r.json().get("video").get("id").asLong();
        assertThat(uploads.awaitTranscoded(noe, id, Duration.ofSeconds(60)).get("state").get("id").asInt()).isEqualTo(7);
        Await.until("noe told her upload failed", () -> of(noe, Notification.MY_VIDEO_IMPORT_ERROR).size() == 1);
        JsonNode n = of(noe, Notification.MY_VIDEO_IMPORT_ERROR).get(0);
        assertThat(n.get("videoImport").get("video").get("id").asLong()).isEqualTo(id);
        assertThat(n.get("videoImport").get("video").get("state").get("id").asInt()).isEqualTo(7);
        assertThat(of(noe, Notification.MY_VIDEO_PUBLISHED)).isEmpty();
    }

    @Test
    void moderatorsHearOfReportsHeldUploadsAndSignUps() {
        String mona = api.createUser(admin, "mona", "mona-secret-1");
        long monaId = api.get("/api/v1/accounts/mona").json().get("userId").asLong();
        ok(api.putJson("/api/v1/users/" + monaId, admin, Map.of("role", 1)), 204);
        String sam = api.createUser(admin, "sam", "sam-secret-1");
        long video = uploads.upload(sam, "Sam's film", 1, clip);
        uploads.awaitPublished(sam, video);

        // A report: every moderator hears, the reporter and plain users do not.
        ok(api.putJson("/api/v1/users/me/notification-settings", admin, Map.of("abuseAsModerator", 0)), 204);
        String kim = api.createUser(admin, "kim", "kim-secret-1");
        long abuse = api.postJson("/api/v1/abuses", kim, Map.of("reason", "Misleading title", "video", Map.of("id", video)))
                .json().get("abuse").get("id").asLong();
        List<JsonNode> reports = of(mona, Notification.NEW_ABUSE_FOR_MODERATORS);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("abuse").get("id").asLong()).isEqualTo(abuse);
        assertThat(reports.get(0).get("abuse").get("video").get("id").asLong()).isEqualTo(video);
        assertThat(reports.get(0).get("abuse").get("account").get("name").asText()).isEqualTo("sam");
        assertThat(of(admin, Notification.NEW_ABUSE_FOR_MODERATORS)).as("turned off").isEmpty();
        assertThat(of(sam, Notification.NEW_ABUSE_FOR_MODERATORS)).isEmpty();

        // A new user's upload held by the automatic block, told once it is published.
        ok(api.putJson("/api/v1/config/custom", admin, Map.of("autoBlacklist",
                Map.of("videos", Map.of("ofUsers", Map.of("enabled", true))))), 200);
        try {
            long held = uploads.upload(kim, "Kim's first film", 1, clip);
            uploads.awaitPublished(kim, held);
            Await.until("moderators told of the held video", () -> of(mona, Notification.VIDEO_AUTO_BLACKLIST_FOR_MODERATORS).size() == 1);
            JsonNode n = of(admin, Notification.VIDEO_AUTO_BLACKLIST_FOR_MODERATORS).get(0);
            assertThat(n.get("videoBlacklist").get("video").get("id").asLong()).isEqualTo(held);
            assertThat(of(kim, Notification.VIDEO_AUTO_BLACKLIST_FOR_MODERATORS)).isEmpty();
        } finally {
            api.putJson("/api/v1/config/custom", admin, Map.of("autoBlacklist", Map.of("videos", Map.of("ofUsers", Map.of("enabled", false)))));
        }

        // Sign-ups: open, then on approval.
        ok(api.putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("enabled", true, "requiresApproval", false))), 200);
        ok(api.postJson("/api/v1/users/register", null, Map.of("username", "newbie", "password", "newbie-secret-1",
                "email", "newbie@example.org")), 204);
        List<JsonNode> joined = of(mona, Notification.NEW_USER_REGISTRATION);
        assertThat(joined).hasSize(1);
        assertThat(joined.get(0).get("account").get("name").asText()).isEqualTo("newbie");
        ok(api.putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("enabled", true, "requiresApproval", true))), 200);
        long reg = api.postJson("/api/v1/users/registrations/request", null, Map.of("username", "asker",
                "password", "asker-secret-1", "email", "asker@example.org", "registrationReason", "Family")).json().get("id").asLong();
        List<JsonNode> asked = of(admin, Notification.NEW_USER_REGISTRATION_REQUEST);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).get("registration").get("id").asLong()).isEqualTo(reg);
        assertThat(asked.get(0).get("registration").get("username").asText()).isEqualTo("asker");
        assertThat(of(sam, Notification.NEW_USER_REGISTRATION_REQUEST)).isEmpty();
        assertThat(of(sam, Notification.NEW_USER_REGISTRATION)).isEmpty();
    }
}

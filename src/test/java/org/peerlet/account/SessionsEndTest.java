package org.peerlet.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.PeerletProcess;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password changed or reset, or a user blocked, ends that user's sessions at once on every
 * path: access tokens (even one the server holds in its cache), refresh tokens, and the file
 * tokens minted with them. A reset by the admin tool, a separate process, counts as much.
 */
class SessionsEndTest {
    static TestServer server;
    static Api api;
    static String admin;
    static Path work;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
        work = Files.createTempDirectory("sessions-end");
        clip = TestClips.h264Aac(work.resolve("clip.mp4"), 160, 90, 1.0, 10);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(work);
    }

    /** A family member with a private video of their own. */
    record Member(long id, String name, long videoId, String master) {
    }

    /** One login: its token pair, and a file token of the member's video minted with it. */
    record Session(String access, String refresh, String files) {
    }

    static Member member(String name, String password) {
        String token = api.createUser(admin, name, password);
        long id = api.get("/api/v1/users/me", token).json().get("id").asLong();
        Uploads uploads = new Uploads(api);
        long video = uploads.upload(token, "Garden of " + name, 3, clip);
        String master = uploads.awaitPublished(token, video).get("streamingPlaylists").get(0).get("playlistUrl").asText();
        return new Member(id, name, video, master);
    }

    static Session login(Member m, String password) {
        Api.Res r = api.login(m.name(), password);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String access = r.json().get("access_token").asText();
        JsonNode minted = api.postJson("/api/v1/videos/" + m.videoId() + "/token", access, Map.of()).json();
        Session s = new Session(access, r.json().get("refresh_token").asText(), minted.get("files").get("token").asText());
        // Used once, so the server has the access token in its cache.
        assertThat(apiStatus(s)).isEqualTo(200);
        assertThat(filesStatus(m, s)).isEqualTo(200);
        return s;
    }

    static int apiStatus(Session s) {
        return api.get("/api/v1/users/me", s.access()).status();
    }

    static int filesStatus(Member m, Session s) {
        return api.get(m.master() + "?videoFileToken=" + s.files()).status();
    }

    static void assertEnded(Member m, Session s) {
        assertEnded(m, s, 401, 403);
    }

    static void assertEnded(Member m, Session s, Integer... fileStatuses) {
        assertThat(apiStatus(s)).as("access token").isEqualTo(401);
        Api.Res refreshed = api.refresh(s.refresh());
        assertThat(refreshed.status()).as("refresh token").isEqualTo(400);
        assertThat(refreshed.json().get("code").asText()).isEqualTo("invalid_grant");
        assertThat(filesStatus(m, s)).as("file token").isIn((Object[]) fileStatuses);
    }

    @Test
    void aResetByTheAdminToolBesideTheRunningServerEndsEverySession() {
        Member gran = member("gran", "gran-secret-1");
        Session phone = login(gran, "gran-secret-1");
        Session laptop = login(gran, "gran-secret-1");

        PeerletProcess.Finished reset = PeerletProcess.admin(server.dataDir(), "reset-password", "--username", "gran",
                "--password", "gran-secret-2");
        assertThat(reset.exitCode()).as(reset.output()).isZero();

        assertEnded(gran, phone);
        assertEnded(gran, laptop);
        assertThat(api.login("gran", "gran-secret-1").status()).isEqualTo(400);
        assertThat(api.login("gran", "gran-secret-2").status()).isEqualTo(200);
    }

    @Test
    void changingYourOwnPasswordEndsYourOtherSessionsAndKeepsThisOne() {
        Member ada = member("ada", "ada-secret-1");
        Session here = login(ada, "ada-secret-1");
        Session elsewhere = login(ada, "ada-secret-1");

        Api.Res changed = api.putJson("/api/v1/users/me", here.access(),
                Map.of("currentPassword", "ada-secret-1", "password", "ada-secret-2"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertEnded(ada, elsewhere);
        // The session that made the change goes on: the person just proved they know the password.
        // Its file tokens end with all the others (its player asks for a new one, as at expiry).
        assertThat(apiStatus(here)).isEqualTo(200);
        assertThat(filesStatus(ada, here)).isIn(401, 403);
        JsonNode minted = api.postJson("/api/v1/videos/" + ada.videoId() + "/token", here.access(), Map.of()).json();
        assertThat(filesStatus(ada, new Session(here.access(), here.refresh(), minted.get("files").get("token").asText())))
                .isEqualTo(200);
        assertThat(api.refresh(here.refresh()).status()).isEqualTo(200);
    }

    @Test
    void aPasswordSetByTheAdminEndsEverySession() {
        Member bea = member("bea", "bea-secret-1");
        Session s = login(bea, "bea-secret-1");
        assertThat(api.putJson("/api/v1/users/" + bea.id(), admin, Map.of("password", "bea-secret-2")).status())
                .isEqualTo(204);
        assertEnded(bea, s);
    }

    @Test
    void blockingAUserEndsEverySessionAndUnblockingLetsThemLogInAgain() {
        Member cy = member("cy", "cy-secret-1");
        Session s = login(cy, "cy-secret-1");
        assertThat(api.postJson("/api/v1/users/" + cy.id() + "/block", admin, Map.of()).status()).isEqualTo(204);
        // A banned user's videos are hidden from all but moderators (issue 18): their own file is not found.
        assertEnded(cy, s, 401, 403, 404);
        assertThat(api.login("cy", "cy-secret-1").json().get("detail").asText()).contains("blocked");
        assertThat(api.get("/api/v1/users/" + cy.id(), admin).json().get("blocked").asBoolean()).isTrue();

        assertThat(api.postJson("/api/v1/users/" + cy.id() + "/unblock", admin, Map.of()).status()).isEqualTo(204);
        assertThat(api.login("cy", "cy-secret-1").status()).isEqualTo(200);
        // The old session stays over: unblocking gives back the account, not what was ended.
        assertThat(apiStatus(s)).isEqualTo(401);
    }

    @Test
    void theAdminAccountCannotBeBlockedOrRemovedAndARefusalEndsNoSession() {
        String mine = api.adminToken();
        long adminId = api.get("/api/v1/users/me", mine).json().get("id").asLong();
        assertThat(api.postJson("/api/v1/users/" + adminId + "/block", mine, Map.of()).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/users/" + adminId, mine).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users/me", mine).status()).isEqualTo(200);
    }
}

package org.peerlet.blocklist;

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
 * Mutes, watched words, held uploads and the audit log through the real API on one shared server.
 * Each test uses its own people, so they do not see each other's mutes.
 */
class MutesAndWatchedWordsApiTest {
    static TestServer server;
    static Api api;
    static String admin;
    static String moderator;
    static Uploads uploads;
    static Path work;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
        assertThat(api.postJson("/api/v1/users", admin, Map.of("username", "mona", "password", "mona-secret-1",
                "email", "mona@example.org", "role", 1)).status()).isEqualTo(200);
        moderator = api.token("mona", "mona-secret-1");
        uploads = new Uploads(api);
        work = Files.createTempDirectory("mutes");
        clip = TestClips.h264Aac(work.resolve("clip.mp4"), 160, 90, 1.0, 10);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(work);
    }

    static List<String> names(String path, String token) {
        return Api.names(api.get(path, token).json().get("data"), "name");
    }

    static List<String> comments(long videoId, String token) {
        return Api.names(api.get("/api/v1/videos/" + videoId + "/comment-threads", token).json().get("data"), "text");
    }

    static long comment(String token, long videoId, String text) {
        Api.Res r = api.postJson("/api/v1/videos/" + videoId + "/comment-threads", token, Map.of("text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("comment").get("id").asLong();
    }

    @Test
    void aPersonsMuteHidesAnAccountFromTheirListsAndSearchOnly() {
        String ann = api.createUser(admin, "ann", "ann-secret-1");
        String ben = api.createUser(admin, "ben", "ben-secret-1");
        long id = uploads.upload(ben, "Ben plays drums", 1, clip);
        uploads.awaitPublished(ben, id);
        assertThat(names("/api/v1/videos", ann)).contains("Ben plays drums");

        Api.Res mute = api.postJson("/api/v1/users/me/blocklist/accounts", ann, Map.of("accountName", "ben"));
        assertThat(mute.status()).as(mute.toString()).isEqualTo(204);
        assertThat(names("/api/v1/videos", ann)).doesNotContain("Ben plays drums");
        assertThat(names("/api/v1/search/videos?search=drums", ann)).doesNotContain("Ben plays drums");
        assertThat(names("/api/v1/videos", null)).contains("Ben plays drums");
        JsonNode list = api.get("/api/v1/users/me/blocklist/accounts", ann).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("data").get(0).get("blockedAccount").get("name").asText()).isEqualTo("ben");
        assertThat(list.get("data").get(0).get("byAccount").get("name").asText()).isEqualTo("ann");

        assertThat(api.postJson("/api/v1/users/me/blocklist/accounts", ann, Map.of("accountName", "ann")).status()).isEqualTo(409);
        assertThat(api.postJson("/api/v1/users/me/blocklist/accounts", ann, Map.of("accountName", "nobody")).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/users/me/blocklist/accounts", null, Map.of("accountName", "ben")).status()).isEqualTo(401);
        JsonNode status = api.get("/api/v1/blocklist/status?accounts=ben&hosts=example.org", ann).json();
        assertThat(status.get("accounts").get("ben").get("blockedByUser").asBoolean()).isTrue();
        assertThat(status.get("accounts").get("ben").get("blockedByServer").asBoolean()).isFalse();

        assertThat(api.delete("/api/v1/users/me/blocklist/accounts/ben", ann).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/users/me/blocklist/accounts/ben", ann).status()).isEqualTo(404);
        assertThat(names("/api/v1/videos", ann)).contains("Ben plays drums");

        Api.Res host = api.postJson("/api/v1/users/me/blocklist/servers", ann, Map.of("host", "videos.example.org"));
        assertThat(host.status()).as(host.toString()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me/blocklist/servers", ann).json().get("data").get(0).get("blockedServer")
                .get("host").asText()).isEqualTo("videos.example.org");
        assertThat(api.postJson("/api/v1/users/me/blocklist/servers", ann, Map.of("host", "not a host")).status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/users/me/blocklist/servers/videos.example.org", ann).status()).isEqualTo(204);
    }

    @Test
    void mutedCommentsAreHiddenAndTheirAuthorsUnheard() {
        String owner = api.createUser(admin, "olga", "olga-secret-1");
        String troll = api.createUser(admin, "tom", "tom-secret-1");
        String friend = api.createUser(admin, "fay", "fay-secret-1");
        long id = uploads.upload(owner, "Olga's garden", 1, clip);
        uploads.awaitPublished(owner, id);
        comment(troll, id, "Ugly garden");
        assertThat(comments(id, null)).contains("Ugly garden");

        // The instance's mute: a plain user may not; a moderator hides the account's comments from all.
        assertThat(api.postJson("/api/v1/server/blocklist/accounts", friend, Map.of("accountName", "tom")).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/server/blocklist/accounts", moderator, Map.of("accountName", "tom")).status()).isEqualTo(204);
        assertThat(comments(id, null)).doesNotContain("Ugly garden");
        assertThat(comments(id, friend)).doesNotContain("Ugly garden");
        assertThat(api.get("/api/v1/server/blocklist/accounts", moderator).json().get("data").get(0).get("blockedAccount")
                .get("name").asText()).isEqualTo("tom");
        assertThat(api.delete("/api/v1/server/blocklist/accounts/tom", moderator).status()).isEqualTo(204);
        assertThat(comments(id, null)).contains("Ugly garden");

        // The video owner's own mute hides the comments on their videos from everyone, and they hear nothing of them.
        assertThat(api.postJson("/api/v1/users/me/blocklist/accounts", owner, Map.of("accountName", "tom")).status()).isEqualTo(204);
        assertThat(comments(id, friend)).doesNotContain("Ugly garden");
        api.postJson("/api/v1/users/me/notifications/read-all", owner, Map.of());
        comment(troll, id, "Still ugly");
        comment(friend, id, "Lovely roses");
        Await.until("Fay's comment told to Olga", () -> api.get("/api/v1/users/me/notifications?unread=true", owner).json()
                .get("total").asInt() >= 1);
        List<String> told = api.get("/api/v1/users/me/notifications?unread=true", owner).json().findValuesAsText("name");
        assertThat(api.get("/api/v1/users/me/notifications?unread=true", owner).json().get("total").asInt()).isEqualTo(1);
        assertThat(told).doesNotContain("tom");
    }

    @Test
    void moderatorsKeepTheInstancesServerBlocklistButNotTheAuditLog() {
        String paul = api.createUser(admin, "paul", "paul-secret-1");
        Api.Res block = api.postJson("/api/v1/server/blocklist/servers", moderator, Map.of("host", "spam.example"));
        assertThat(block.status()).as(block.toString()).isEqualTo(204);
        JsonNode list = api.get("/api/v1/server/blocklist/servers", moderator).json();
        assertThat(list.get("data").get(0).get("blockedServer").get("host").asText()).isEqualTo("spam.example");
        assertThat(list.get("data").get(0).get("byAccount").get("name").asText()).isEqualTo("peerlet");
        assertThat(api.get("/api/v1/server/blocklist/servers", paul).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/blocklist/status?hosts=spam.example", null).json().get("hosts").get("spam.example")
                .get("blockedByServer").asBoolean()).isTrue();
        assertThat(api.delete("/api/v1/server/blocklist/servers/spam.example", moderator).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/server/audit-log", moderator).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/server/audit-log", paul).status()).isEqualTo(403);
    }

    @Test
    void theAuditLogSaysWhoDidWhatAndWhyButKeepsNoPassword() {
        api.createUser(admin, "rex", "rex-secret-1");
        long rex = api.get("/api/v1/accounts/rex").json().get("userId").asLong();
        assertThat(api.postJson("/api/v1/users/" + rex + "/block", moderator, Map.of("reason", "Spam in every comment")).status())
                .isEqualTo(204);
        assertThat(api.putJson("/api/v1/users/" + rex, admin, Map.of("password", "a-new-secret-99")).status()).isEqualTo(204);
        JsonNode log = api.get("/api/v1/server/audit-log?count=100", admin).json();
        JsonNode ban = find(log, "POST /api/v1/users/{id}/block");
        assertThat(ban.get("username").asText()).isEqualTo("mona");
        assertThat(ban.get("reason").asText()).isEqualTo("Spam in every comment");
        assertThat(ban.get("target").asText()).contains("/api/v1/users/" + rex + "/block");
        JsonNode reset = find(log, "PUT /api/v1/users/{id}");
        assertThat(reset.get("username").asText()).isEqualTo("admin");
        assertThat(reset.get("target").asText()).contains("password").doesNotContain("a-new-secret-99");
        assertThat(log.toString()).doesNotContain("a-new-secret-99");
        // The admin's reset works: the old password no longer does.
        assertThat(api.postJson("/api/v1/users/" + rex + "/unblock", moderator, Map.of()).status()).isEqualTo(204);
        assertThat(api.login("rex", "rex-secret-1").status()).isEqualTo(400);
        assertThat(api.login("rex", "a-new-secret-99").status()).isEqualTo(200);
    }

    static JsonNode find(JsonNode log, String action) {
        for (JsonNode e : log.get("data")) if (e.get("action").asText().equals(action)) return e;
        throw new AssertionError("no " + action + " in " + log);
    }

    @Test
    void aCommentWithAWatchedWordWaitsForTheOwnersApproval() {
        String wendy = api.createUser(admin, "wendy", "wendy-secret-1");
        String walt = api.createUser(admin, "walt", "walt-secret-1");
        long id = uploads.upload(wendy, "Wendy's shop", 1, clip);
        uploads.awaitPublished(wendy, id);
        String lists = "/api/v1/watched-words/accounts/wendy/lists";
        Api.Res made = api.postJson(lists, wendy, Map.of("listName", "Spam", "words", List.of("pills", "casino")));
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        long listId = made.json().get("watchedWordsList").get("id").asLong();
        assertThat(api.postJson(lists, wendy, Map.of("listName", "Spam", "words", List.of("x"))).status()).isEqualTo(409);
        assertThat(api.postJson(lists, wendy, Map.of("listName", "Empty", "words", List.of())).status()).isEqualTo(400);
        assertThat(api.get(lists, walt).status()).isEqualTo(403);
        assertThat(api.get(lists, wendy).json().get("data").get(0).get("words").toString()).isEqualTo("[\"pills\",\"casino\"]");

        comment(walt, id, "Cheap PILLS here");
        comment(walt, id, "A classy casinos-free shop");
        assertThat(comments(id, null)).containsExactly("A classy casinos-free shop");
        JsonNode held = api.get("/api/v1/users/me/videos/comments", wendy).json();
        assertThat(Api.names(held.get("data"), "text")).containsExactly("Cheap PILLS here");

        // The instance's words hold comments on every video; only moderators keep them.
        assertThat(api.postJson("/api/v1/watched-words/server/lists", walt, Map.of("listName", "x", "words", List.of("y"))).status())
                .isEqualTo(403);
        assertThat(api.postJson("/api/v1/watched-words/server/lists", moderator, Map.of("listName", "Insults",
                "words", List.of("idiot"))).status()).isEqualTo(200);
        comment(walt, id, "What an idiot");
        assertThat(comments(id, null)).doesNotContain("What an idiot");
        assertThat(api.putJson(lists + "/" + listId, wendy, Map.of("words", List.of("casino"))).status()).isEqualTo(204);
        comment(walt, id, "pills again");
        assertThat(comments(id, null)).contains("pills again");
        assertThat(api.delete(lists + "/" + listId, walt).status()).isEqualTo(403);
        assertThat(api.delete(lists + "/" + listId, wendy).status()).isEqualTo(204);
    }

    @Test
    void newUsersUploadsWaitForAModeratorWhenTheInstanceAsks() {
        String nina = api.createUser(admin, "nina", "nina-secret-1");
        String tess = api.createUser(admin, "tess", "tess-secret-1");
        long tessId = api.get("/api/v1/accounts/tess").json().get("userId").asLong();
        assertThat(api.putJson("/api/v1/users/" + tessId, admin, Map.of("adminFlags", 1)).status()).isEqualTo(204);
        assertThat(api.putJson("/api/v1/config/custom", admin, Map.of("autoBlacklist",
                Map.of("videos", Map.of("ofUsers", Map.of("enabled", true))))).status()).isEqualTo(200);
        try {
            assertThat(api.get("/api/v1/config").json().at("/autoBlacklist/videos/ofUsers/enabled").asBoolean()).isTrue();
            long held = uploads.upload(nina, "Nina's first film", 1, clip);
            long trusted = uploads.upload(tess, "Tess's trusted film", 1, clip);
            long mod = uploads.upload(moderator, "Mona's notice", 1, clip);
            JsonNode v = uploads.awaitPublished(nina, held);
            uploads.awaitPublished(tess, trusted);
            uploads.awaitPublished(moderator, mod);
            assertThat(v.get("blacklisted").asBoolean()).isTrue();
            assertThat(v.get("blacklistedReason").asText()).contains("Moderator review required");
            List<String> shown = names("/api/v1/videos?count=100", null);
            assertThat(shown).contains("Tess's trusted film", "Mona's notice").doesNotContain("Nina's first film");
            assertThat(api.get("/api/v1/videos/" + held, null).status()).isEqualTo(404);
            JsonNode queue = api.get("/api/v1/videos/blacklist?type=2", moderator).json();
            assertThat(queue.get("data").get(0).get("video").get("name").asText()).isEqualTo("Nina's first film");
            assertThat(queue.get("data").get(0).get("type").asInt()).isEqualTo(2);
            assertThat(api.delete("/api/v1/videos/" + held + "/blacklist", moderator).status()).isEqualTo(204);
            assertThat(names("/api/v1/videos?count=100", null)).contains("Nina's first film");
        } finally {
            api.putJson("/api/v1/config/custom", admin, Map.of("autoBlacklist", Map.of("videos", Map.of("ofUsers", Map.of("enabled", false)))));
        }
    }
}

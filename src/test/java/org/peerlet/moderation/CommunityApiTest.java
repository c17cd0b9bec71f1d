package org.peerlet.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running a community through the API, on one shared server: the rules set in advance, sign-up
 * closed, open or on approval, and the moderators' powers checked on the server.
 */
class CommunityApiTest {
    static TestServer server;
    static Api api;
    static String admin;
    static String moderator;
    static String plain;
    static String alice;
    static String bob;
    static long videoId;
    static long privateVideoId;
    static long advertId;
    static long commentId;
    static long bobAccountId;
    static java.nio.file.Path work;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
        assertThat(api.postJson("/api/v1/users", admin, Map.of("username", "mona", "password", "mona-secret-1",
                "email", "mona@example.org", "role", 1)).status()).isEqualTo(200);
        moderator = api.token("mona", "mona-secret-1");
        plain = api.createUser(admin, "paul", "paul-secret-1");
        alice = api.createUser(admin, "alice", "alice-secret-1");
        bob = api.createUser(admin, "bob", "bob-secret-1");
        bobAccountId = api.get("/api/v1/accounts/bob").json().get("id").asLong();
        work = java.nio.file.Files.createTempDirectory("community");
        Uploads uploads = new Uploads(api);
        java.nio.file.Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 1.0, 25);
        videoId = uploads.upload(alice, "Free money here", 1, clip);
        privateVideoId = uploads.upload(alice, "Family only", 3, clip);
        uploads.awaitPublished(alice, videoId);
        advertId = uploads.upload(alice, "Loud advert", 1, clip);
        uploads.awaitPublished(alice, privateVideoId);
        uploads.awaitPublished(alice, advertId);
        Api.Res c = api.postJson("/api/v1/videos/" + videoId + "/comment-threads", bob, Map.of("text", "You are all idiots"));
        commentId = c.json().get("comment").get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(work);
    }

    @Test
    void theRulesSetInAdvanceAreShownOnAbout() {
        Map<String, Object> instance = Map.of("terms", "No ads.", "codeOfConduct", "Be kind.",
                "moderationInformation", "Reports are read within a day.", "administrator", "The Martin family",
                "languages", List.of("fr", "en"), "categories", List.of(17, 13));
        Api.Res put = api.putJson("/api/v1/config/custom", admin, Map.of("instance", instance));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode about = api.get("/api/v1/config/about").json().get("instance");
        assertThat(about.get("terms").asText()).isEqualTo("No ads.");
        assertThat(about.get("codeOfConduct").asText()).isEqualTo("Be kind.");
        assertThat(about.get("moderationInformation").asText()).isEqualTo("Reports are read within a day.");
        assertThat(about.get("administrator").asText()).isEqualTo("The Martin family");
        assertThat(about.get("languages").toString()).isEqualTo("[\"fr\",\"en\"]");
        assertThat(about.get("categories").toString()).isEqualTo("[17,13]");
        assertThat(api.get("/api/v1/config/custom", admin).json().get("instance").get("codeOfConduct").asText())
                .isEqualTo("Be kind.");
    }

    @Test
    void badRulesAreRefusedAndNothingOfThemIsKept() {
        String before = api.get("/api/v1/config/about").toString();
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("codeOfConduct", "x".repeat(10_001)),
                Map.<String, Object>of("codeOfConduct", "changed", "languages", List.of("not a language")),
                Map.<String, Object>of("codeOfConduct", "changed", "categories", List.of(99)),
                Map.<String, Object>of("codeOfConduct", "changed", "categories", "music"),
                Map.<String, Object>of("administrator", 12))) {
            Api.Res r = api.putJson("/api/v1/config/custom", admin, Map.of("instance", bad));
            assertThat(r.status()).as(bad.keySet() + " " + r).isEqualTo(400);
        }
        Api.Res badSignup = api.putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("limit", -5)));
        assertThat(badSignup.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/config/about").toString()).isEqualTo(before);
        assertThat(api.putJson("/api/v1/config/custom", moderator, Map.of("instance", Map.of("terms", "mine"))).status())
                .isEqualTo(403);
        assertThat(api.putJson("/api/v1/config/custom", plain, Map.of("instance", Map.of("terms", "mine"))).status())
                .isEqualTo(403);
    }

    @Test
    void signUpOnApprovalWaitsForAModerator() {
        signup(Map.of("enabled", true, "requiresApproval", true, "limit", -1, "minimumAge", 18));
        JsonNode config = api.get("/api/v1/config").json().get("signup");
        assertThat(config.get("requiresApproval").asBoolean()).isTrue();
        assertThat(config.get("minimumAge").asInt()).isEqualTo(18);
        // Registering straight away is refused: the request is the way in.
        assertThat(api.postJson("/api/v1/users/register", null, person("rita")).status()).isEqualTo(403);

        Api.Res asked = api.postJson("/api/v1/users/registrations/request", null, request("rita", "My cousin invited me"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        long id = asked.json().get("id").asLong();
        assertThat(asked.json().get("state").get("id").asInt()).isEqualTo(1);
        assertThat(asked.json().has("password")).isFalse();
        assertThat(api.login("rita", "rita-secret-1").status()).isEqualTo(400);
        // The same name again, or as someone's channel, is taken.
        assertThat(api.postJson("/api/v1/users/registrations/request", null, request("rita", "again")).status()).isEqualTo(409);

        JsonNode queue = api.get("/api/v1/users/registrations", moderator).json();
        assertThat(Api.names(queue.get("data"), "username")).contains("rita");
        assertThat(api.postJson("/api/v1/users/registrations/" + id + "/accept", moderator, Map.of()).status()).isEqualTo(400);
        Api.Res accepted = api.postJson("/api/v1/users/registrations/" + id + "/accept", moderator,
                Map.of("moderationResponse", "Welcome, Rita"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("state").get("id").asInt()).isEqualTo(3);
        assertThat(accepted.json().get("user").get("id").asLong()).isPositive();
        String rita = api.token("rita", "rita-secret-1");
        assertThat(api.get("/api/v1/users/me", rita).json().get("videoChannels").get(0).get("name").asText())
                .isEqualTo("rita_channel");
        assertThat(api.postJson("/api/v1/users/registrations/" + id + "/reject", moderator,
                Map.of("moderationResponse", "too late")).status()).isEqualTo(409);

        long spam = api.postJson("/api/v1/users/registrations/request", null, request("spammer", "buy now")).json().get("id").asLong();
        JsonNode rejected = api.postJson("/api/v1/users/registrations/" + spam + "/reject", moderator,
                Map.of("moderationResponse", "No ads here")).json();
        assertThat(rejected.get("state").get("id").asInt()).isEqualTo(2);
        assertThat(rejected.get("moderationResponse").asText()).isEqualTo("No ads here");
        assertThat(api.login("spammer", "spammer-secret-1").status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/users/registrations/" + spam, moderator).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/users/registrations/" + spam, moderator).status()).isEqualTo(404);
    }

    @Test
    void badRegistrationRequestsAreRefused() {
        signup(Map.of("enabled", true, "requiresApproval", true, "limit", -1));
        for (Map<String, Object> bad : List.of(request("Bad Name", "hi"), request("noreason", ""),
                request("longreason", "x".repeat(3001)), Map.<String, Object>of("username", "nopass", "email", "n@example.org",
                        "registrationReason", "hi"))) {
            Api.Res r = api.postJson("/api/v1/users/registrations/request", null, bad);
            assertThat(r.status()).as(bad.get("username") + " " + r).isEqualTo(400);
        }
        assertThat(api.get("/api/v1/users/registrations?search=noreason", admin).json().get("total").asInt()).isZero();
        signup(Map.of("enabled", false));
        assertThat(api.postJson("/api/v1/users/registrations/request", null, request("closed", "hi")).status()).isEqualTo(403);
    }

    @Test
    void openSignUpStopsAtTheUserLimit() {
        int users = api.get("/api/v1/users", admin).json().get("total").asInt();
        signup(Map.of("enabled", true, "requiresApproval", false, "limit", users + 1));
        assertThat(api.postJson("/api/v1/users/registrations/request", null, request("wrongway", "hi")).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/users/register", null, person("first")).status()).isEqualTo(204);
        Api.Res full = api.postJson("/api/v1/users/register", null, person("second"));
        assertThat(full.status()).isEqualTo(403);
        assertThat(full.json().get("detail").asText()).contains("limit");
        signup(Map.of("limit", -1));
    }

    @Test
    void onlyModeratorsHandleRegistrations() {
        for (String token : new String[]{plain, null}) {
            int expected = token == null ? 401 : 403;
            assertThat(api.get("/api/v1/users/registrations", token).status()).isEqualTo(expected);
            assertThat(api.postJson("/api/v1/users/registrations/1/accept", token, Map.of("moderationResponse", "x")).status())
                    .isEqualTo(expected);
            assertThat(api.postJson("/api/v1/users/registrations/1/reject", token, Map.of("moderationResponse", "x")).status())
                    .isEqualTo(expected);
            assertThat(api.delete("/api/v1/users/registrations/1", token).status()).isEqualTo(expected);
        }
    }

    @Test
    void reportsOfAVideoACommentAndAnAccountReachTheModeratorsQueue() {
        String carol = api.createUser(admin, "carol", "carol-secret-1");
        long onVideo = report(carol, Map.of("reason", "Looks like a scam", "predefinedReasons", List.of("spamOrMisleading"),
                "video", Map.of("id", videoId, "startAt", 1)));
        long onComment = report(carol, Map.of("reason", "Insults everyone", "comment", Map.of("id", commentId)));
        long onAccount = report(carol, Map.of("reason", "Insults everyone, always", "account", Map.of("id", bobAccountId)));
        // The same thing twice in a row: refused while the first report waits.
        assertThat(api.postJson("/api/v1/abuses", carol, Map.of("reason", "again!", "comment", Map.of("id", commentId))).status())
                .isEqualTo(409);

        JsonNode queue = api.get("/api/v1/abuses?count=100", moderator).json();
        JsonNode video = find(queue, onVideo);
        assertThat(video.get("video").get("name").asText()).isEqualTo("Free money here");
        assertThat(video.get("predefinedReasons").toString()).isEqualTo("[\"spamOrMisleading\"]");
        assertThat(video.get("reporterAccount").get("name").asText()).isEqualTo("carol");
        assertThat(video.get("flaggedAccount").get("name").asText()).isEqualTo("alice");
        assertThat(video.get("state").get("id").asInt()).isEqualTo(1);
        assertThat(find(queue, onComment).get("comment").get("text").asText()).isEqualTo("You are all idiots");
        assertThat(find(queue, onAccount).get("flaggedAccount").get("name").asText()).isEqualTo("bob");
        assertThat(Api.names(api.get("/api/v1/abuses?filter=comment&count=100", moderator).json().get("data"), "id"))
                .contains(String.valueOf(onComment)).doesNotContain(String.valueOf(onVideo), String.valueOf(onAccount));

        // Reporter and moderators talk it over; no one else reads it.
        assertThat(api.postJson("/api/v1/abuses/" + onComment + "/messages", carol, Map.of("message", "He did it again")).status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/abuses/" + onComment + "/messages", moderator, Map.of("message", "Thanks, we look")).status())
                .isEqualTo(200);
        JsonNode messages = api.get("/api/v1/abuses/" + onComment + "/messages", carol).json();
        assertThat(messages.get("total").asInt()).isEqualTo(2);
        assertThat(messages.get("data").get(1).get("byModerator").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/abuses/" + onComment + "/messages", bob).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/abuses/" + onComment + "/messages", bob, Map.of("message", "lies")).status()).isEqualTo(403);

        Api.Res judged = api.putJson("/api/v1/abuses/" + onComment, moderator, Map.of("state", 3, "moderationComment", "Warned him"));
        assertThat(judged.status()).as(judged.toString()).isEqualTo(204);
        JsonNode mine = api.get("/api/v1/users/me/abuses", carol).json();
        assertThat(mine.get("total").asInt()).isEqualTo(3);
        JsonNode mineComment = find(mine, onComment);
        assertThat(mineComment.get("state").get("id").asInt()).isEqualTo(3);
        assertThat(mineComment.has("moderationComment")).isFalse();
        assertThat(find(api.get("/api/v1/abuses?count=100", moderator).json(), onComment).get("moderationComment").asText())
                .isEqualTo("Warned him");
        // Judged, the comment may be reported again.
        report(carol, Map.of("reason", "Still insulting", "comment", Map.of("id", commentId)));
    }

    @Test
    void badReportsAreRefused() {
        Map<String, Object> video = Map.of("id", videoId);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("reason", "x", "video", video),
                Map.<String, Object>of("reason", "y".repeat(3001), "video", video),
                Map.<String, Object>of("reason", "bad reason", "predefinedReasons", List.of("boring"), "video", video),
                Map.<String, Object>of("reason", "two things", "video", video, "comment", Map.of("id", commentId)),
                Map.<String, Object>of("reason", "nothing at all"),
                Map.<String, Object>of("reason", "myself", "account", Map.of("id", api.get("/api/v1/accounts/paul").json().get("id").asLong())))) {
            Api.Res r = api.postJson("/api/v1/abuses", plain, bad);
            assertThat(r.status()).as(bad.keySet() + " " + r).isEqualTo(400);
        }
        assertThat(api.postJson("/api/v1/abuses", plain, Map.of("reason", "gone", "video", Map.of("id", 999999))).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/abuses", plain, Map.of("reason", "gone", "comment", Map.of("id", 999999))).status()).isEqualTo(404);
        // What one cannot see, one cannot report (nor learn that it exists).
        assertThat(api.postJson("/api/v1/abuses", plain, Map.of("reason", "peeking", "video", Map.of("id", privateVideoId))).status())
                .isIn(403, 404);
        assertThat(api.get("/api/v1/abuses?search=peeking", admin).json().get("total").asInt()).isZero();
    }

    @Test
    void onlyModeratorsJudgeReports() {
        long id = report(bob, Map.of("reason", "Spam video", "video", Map.of("id", videoId)));
        assertThat(api.postJson("/api/v1/abuses", null, Map.of("reason", "anonymous", "video", Map.of("id", videoId))).status())
                .isEqualTo(401);
        for (String token : new String[]{plain, bob}) {
            assertThat(api.get("/api/v1/abuses", token).status()).isEqualTo(403);
            assertThat(api.putJson("/api/v1/abuses/" + id, token, Map.of("state", 2)).status()).isEqualTo(403);
            assertThat(api.delete("/api/v1/abuses/" + id, token).status()).isEqualTo(403);
        }
        assertThat(api.putJson("/api/v1/abuses/" + id, moderator, Map.of("state", 7)).status()).isEqualTo(400);
        assertThat(api.putJson("/api/v1/abuses/" + id, moderator, Map.of("moderationComment", "z".repeat(3001))).status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/abuses/" + id, moderator).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/abuses?id=" + id, moderator).json().get("total").asInt()).isZero();
    }

    @Test
    void aModeratorBansAUserWithAReasonAndTheyCannotLogIn() {
        String danToken = api.createUser(admin, "dan", "dan-secret-1");
        long dan = api.get("/api/v1/accounts/dan").json().get("userId").asLong();
        Uploads uploads = new Uploads(api);
        long danVideo = uploads.upload(danToken, "Dan's rant", 1, work.resolve("clip.mp4"));
        String danUuid = uploads.awaitPublished(danToken, danVideo).get("uuid").asText();
        long monaId = api.get("/api/v1/accounts/mona").json().get("userId").asLong();
        assertThat(api.postJson("/api/v1/users/" + dan + "/block", plain, Map.of("reason", "mine")).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/users/" + dan + "/block", moderator, Map.of("reason", "r".repeat(251))).status()).isEqualTo(400);
        // A moderator's powers stop at other moderators and the admin.
        assertThat(api.postJson("/api/v1/users/1/block", moderator, Map.of("reason", "coup")).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/users/" + monaId + "/block", moderator, Map.of()).status()).isEqualTo(403);

        Api.Res banned = api.postJson("/api/v1/users/" + dan + "/block", moderator, Map.of("reason", "Insults in comments"));
        assertThat(banned.status()).as(banned.toString()).isEqualTo(204);
        assertThat(api.login("dan", "dan-secret-1").status()).isEqualTo(400);
        JsonNode user = api.get("/api/v1/users/" + dan, admin).json();
        assertThat(user.get("blocked").asBoolean()).isTrue();
        assertThat(user.get("blockedReason").asText()).isEqualTo("Insults in comments");
        // Their videos are hidden with them, but for moderators.
        assertThat(api.get("/api/v1/videos/" + danUuid).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/videos/" + danUuid, plain).status()).isEqualTo(404);
        assertThat(Api.names(api.get("/api/v1/videos?count=100").json().get("data"), "uuid")).doesNotContain(danUuid);
        assertThat(api.get("/api/v1/videos/" + danUuid, moderator).status()).isEqualTo(200);

        assertThat(api.postJson("/api/v1/users/" + dan + "/unblock", moderator, Map.of()).status()).isEqualTo(204);
        assertThat(api.login("dan", "dan-secret-1").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/" + dan, admin).json().get("blockedReason").isNull()).isTrue();
        assertThat(api.get("/api/v1/videos/" + danUuid).status()).isEqualTo(200);
    }

    @Test
    void aBlockedVideoIsHiddenFromAllButItsOwnerWhoReadsWhy() {
        String uuid = api.get("/api/v1/videos/" + advertId, alice).json().get("uuid").asText();
        String blacklist = "/api/v1/videos/" + advertId + "/blacklist";
        assertThat(api.postJson(blacklist, plain, Map.of("reason", "mine")).status()).isEqualTo(403);
        assertThat(api.postJson(blacklist, alice, Map.of("reason", "mine")).status()).isEqualTo(403);
        assertThat(api.postJson(blacklist, moderator, Map.of("reason", "r".repeat(301))).status()).isEqualTo(400);
        Api.Res blocked = api.postJson(blacklist, moderator, Map.of("reason", "Advertising"));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(204);
        assertThat(api.postJson(blacklist, moderator, Map.of("reason", "again")).status()).isEqualTo(409);

        for (String token : new String[]{null, plain}) {
            assertThat(api.get("/api/v1/videos/" + uuid, token).status()).isEqualTo(404);
            assertThat(Api.names(api.get("/api/v1/videos?count=100", token).json().get("data"), "uuid")).doesNotContain(uuid);
            assertThat(Api.names(api.get("/api/v1/search/videos?search=advert", token).json().get("data"), "uuid")).doesNotContain(uuid);
            assertThat(api.postJson("/api/v1/videos/" + uuid + "/token", token, Map.of()).status()).isIn(401, 404);
        }
        assertThat(api.get("/feeds/videos.xml").text()).doesNotContain("Loud advert");
        assertThat(api.get("/videos/embed/" + uuid).status()).isEqualTo(404);
        assertThat(api.get("/lazy-static/thumbnails/" + uuid + ".jpg").status()).isEqualTo(404);

        JsonNode owner = api.get("/api/v1/videos/" + uuid, alice).json();
        assertThat(owner.get("blacklisted").asBoolean()).isTrue();
        assertThat(owner.get("blacklistedReason").asText()).isEqualTo("Advertising");
        assertThat(Api.names(api.get("/api/v1/users/me/videos?count=100", alice).json().get("data"), "uuid")).contains(uuid);
        assertThat(api.get("/api/v1/videos/" + uuid, moderator).status()).isEqualTo(200);
        JsonNode list = api.get("/api/v1/videos/blacklist", moderator).json();
        assertThat(list.get("data").get(0).get("video").get("uuid").asText()).isEqualTo(uuid);
        assertThat(list.get("data").get(0).get("reason").asText()).isEqualTo("Advertising");
        assertThat(api.get("/api/v1/videos/blacklist", plain).status()).isEqualTo(403);

        assertThat(api.putJson(blacklist, moderator, Map.of("reason", "Advertising, twice")).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/videos/" + uuid, alice).json().get("blacklistedReason").asText()).isEqualTo("Advertising, twice");
        assertThat(api.delete(blacklist, plain).status()).isEqualTo(403);
        assertThat(api.delete(blacklist, moderator).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/videos/" + uuid).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/videos/" + uuid).json().get("blacklisted").asBoolean()).isFalse();
        assertThat(api.delete(blacklist, moderator).status()).isEqualTo(404);
    }

    static long report(String token, Map<String, Object> body) {
        Api.Res r = api.postJson("/api/v1/abuses", token, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("abuse").get("id").asLong();
    }

    static JsonNode find(JsonNode list, long id) {
        for (JsonNode n : list.get("data")) if (n.get("id").asLong() == id) return n;
        throw new AssertionError("no " + id + " in " + list);
    }

    static void signup(Map<String, Object> signup) {
        Api.Res r = api.putJson("/api/v1/config/custom", admin, Map.of("signup", signup));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static Map<String, Object> person(String name) {
        return Map.of("username", name, "password", name + "-secret-1", "email", name + "@example.org");
    }

    static Map<String, Object> request(String name, String reason) {
        Map<String, Object> m = new java.util.HashMap<>(person(name));
        m.put("registrationReason", reason);
        return m;
    }
}

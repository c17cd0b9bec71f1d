package org.peerlet.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

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

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
        assertThat(api.postJson("/api/v1/users", admin, Map.of("username", "mona", "password", "mona-secret-1",
                "email", "mona@example.org", "role", 1)).status()).isEqualTo(200);
        moderator = api.token("mona", "mona-secret-1");
        plain = api.createUser(admin, "paul", "paul-secret-1");
    }

    @AfterAll
    static void stop() {
        server.close();
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

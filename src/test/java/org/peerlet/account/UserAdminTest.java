package org.peerlet.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserAdminTest {
    static TestServer server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theAdminCreatesAUserWhoGetsAnAccountAndADefaultChannel() {
        Api.Res r = api.postJson("/api/v1/users", admin, Map.of("username", "alice", "password", "alice-secret",
                "email", "alice@example.org", "role", 2, "videoQuota", 1000000));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("user").get("id").asLong()).isPositive();
        String alice = api.token("alice", "alice-secret");
        JsonNode me = api.get("/api/v1/users/me", alice).json();
        assertThat(me.get("role").get("id").asInt()).isEqualTo(2);
        assertThat(me.get("videoQuota").asLong()).isEqualTo(1000000);
        assertThat(me.get("videoChannels").get(0).get("name").asText()).isEqualTo("alice_channel");
        JsonNode account = api.get("/api/v1/accounts/alice").json();
        assertThat(account.get("displayName").asText()).isEqualTo("alice");
        assertThat(api.get("/api/v1/accounts/alice/video-channels").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void anOrdinaryUserCannotCreateUsers() {
        String bob = api.createUser(admin, "bob", "bob-secret");
        Api.Res r = api.postJson("/api/v1/users", bob, Map.of("username", "mallory", "password", "xxxxxx"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/users", null, Map.of("username", "m2", "password", "xxxxxx")).status())
                .isEqualTo(401);
    }

    @Test
    void badUserInputIsRefusedClearly() {
        assertThat(api.postJson("/api/v1/users", admin, Map.of("username", "Bad Name", "password", "secret1"))
                .json().get("detail").asText()).contains("lowercase");
        assertThat(api.postJson("/api/v1/users", admin, Map.of("username", "shortpw", "password", "123"))
                .json().get("detail").asText()).contains("password");
        assertThat(api.postJson("/api/v1/users", admin, Map.of("password", "secret12")).json().get("detail").asText())
                .isEqualTo("username is required");
        api.createUser(admin, "carol", "carol-secret");
        Api.Res dup = api.postJson("/api/v1/users", admin, Map.of("username", "carol", "password", "carol-secret"));
        assertThat(dup.status()).isEqualTo(409);
        // A user may not take a name a channel already has.
        Api.Res clash = api.postJson("/api/v1/users", admin, Map.of("username", "carol_channel", "password", "xxxxxxx"));
        assertThat(clash.status()).isEqualTo(409);
    }

    @Test
    void registrationIsClosedUntilTheAdminOpensIt() {
        Map<String, Object> signup = Map.of("username", "dave", "password", "dave-secret", "email", "dave@example.org");
        Api.Res closed = api.postJson("/api/v1/users/register", null, signup);
        assertThat(closed.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/config").json().get("signup").get("allowed").asBoolean()).isFalse();

        Api.Res opened = api.putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("enabled", true)));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/config").json().get("signup").get("allowed").asBoolean()).isTrue();
        assertThat(api.postJson("/api/v1/users/register", null, signup).status()).isEqualTo(204);
        assertThat(api.login("dave", "dave-secret").status()).isEqualTo(200);

        api.putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("enabled", false)));
        assertThat(api.postJson("/api/v1/users/register", null,
                Map.of("username", "erin", "password", "erin-secret", "email", "e@example.org")).status()).isEqualTo(403);
    }

    @Test
    void theAdminChangesAndRemovesUsers() {
        api.createUser(admin, "frank", "frank-secret");
        long id = api.get("/api/v1/users/me", api.token("frank", "frank-secret")).json().get("id").asLong();
        assertThat(api.putJson("/api/v1/users/" + id, admin, Map.of("role", 1, "videoQuotaDaily", 5000)).status())
                .isEqualTo(204);
        JsonNode frank = api.get("/api/v1/users/" + id, admin).json();
        assertThat(frank.get("role").get("label").asText()).isEqualTo("Moderator");
        assertThat(frank.get("videoQuotaDaily").asLong()).isEqualTo(5000);
        String token = api.token("frank", "frank-secret");
        assertThat(api.delete("/api/v1/users/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/accounts/frank").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/video-channels/frank_channel").status()).isEqualTo(404);
    }

    @Test
    void theInstanceDescribesItselfAsPeerTubeDoes() {
        api.putJson("/api/v1/config/custom", admin, Map.of("instance", Map.of("name", "Family videos",
                "terms", "Be kind.")));
        JsonNode config = api.get("/api/v1/config").json();
        assertThat(config.get("instance").get("name").asText()).isEqualTo("Family videos");
        assertThat(config.get("serverVersion").asText()).isNotEmpty();
        assertThat(config.get("transcoding").get("hls").get("enabled").asBoolean()).isTrue();
        JsonNode about = api.get("/api/v1/config/about").json();
        assertThat(about.get("instance").get("terms").asText()).isEqualTo("Be kind.");
        Api.Res bad = api.putJson("/api/v1/config/custom", admin, Map.of("instance", Map.of("name", "")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/config/custom", api.createUser(admin, "gina", "gina-secret")).status()).isEqualTo(403);
    }

    @Test
    void malformedOrOversizedBodiesGetAClear4xx() {
        Api.Res malformed = api.postRaw("/api/v1/users", admin, "application/json", "{\"username\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).contains("not valid JSON");
        Api.Res wrongType = api.postJson("/api/v1/users", admin, Map.of("username", "h", "password", "secret1", "role", "x"));
        assertThat(wrongType.status()).isEqualTo(400);
        String huge = "{\"username\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        Api.Res tooBig = api.postRaw("/api/v1/users", admin, "application/json", huge);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(api.get("/api/v1/users", admin).json().get("total").asInt())
                .as("nothing was half-written").isEqualTo(api.get("/api/v1/users", admin).json().get("data").size());
        Api.Res unknown = api.get("/api/v1/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
    }
}

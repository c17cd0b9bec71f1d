package org.peerlet.channel;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelTest {
    static TestServer server;
    static Api api;
    static String admin;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
        owner = api.createUser(admin, "owner", "owner-secret");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aUserCreatesReadsChangesAndRemovesAChannel() {
        Api.Res created = api.postJson("/api/v1/video-channels", owner,
                Map.of("name", "cooking", "displayName", "Cooking at home", "description", "Recipes"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("videoChannel").get("id").asLong()).isPositive();

        JsonNode c = api.get("/api/v1/video-channels/cooking").json();
        assertThat(c.get("displayName").asText()).isEqualTo("Cooking at home");
        assertThat(c.get("ownerAccount").get("name").asText()).isEqualTo("owner");
        assertThat(c.get("isLocal").asBoolean()).isTrue();
        String host = c.get("host").asText();
        assertThat(api.get("/api/v1/video-channels/cooking@" + host).status()).isEqualTo(200);

        assertThat(api.putJson("/api/v1/video-channels/cooking", owner, Map.of("displayName", "Baking")).status())
                .isEqualTo(204);
        JsonNode changed = api.get("/api/v1/video-channels/cooking").json();
        assertThat(changed.get("displayName").asText()).isEqualTo("Baking");
        assertThat(changed.get("description").asText()).as("untouched fields stay").isEqualTo("Recipes");

        assertThat(api.delete("/api/v1/video-channels/cooking", owner).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/video-channels/cooking").status()).isEqualTo(404);
    }

    @Test
    void channelNamesFollowPeerTubesRules() {
        assertThat(api.postJson("/api/v1/video-channels", owner, Map.of("name", "Has Caps", "displayName", "x"))
                .status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/video-channels", owner, Map.of("name", "a".repeat(51), "displayName", "x"))
                .status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/video-channels", owner, Map.of("name", "no_display")).status()).isEqualTo(400);
        Api.Res taken = api.postJson("/api/v1/video-channels", owner, Map.of("name", "admin", "displayName", "x"));
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void onlyTheOwnerOrAModeratorMayChangeAChannel() {
        api.postJson("/api/v1/video-channels", owner, Map.of("name", "garden", "displayName", "Garden"));
        String other = api.createUser(admin, "other", "other-secret");
        assertThat(api.putJson("/api/v1/video-channels/garden", other, Map.of("displayName", "Mine")).status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/video-channels/garden", other).status()).isEqualTo(403);
        assertThat(api.putJson("/api/v1/video-channels/garden", null, Map.of("displayName", "Mine")).status())
                .isEqualTo(401);
        assertThat(api.putJson("/api/v1/video-channels/garden", admin, Map.of("displayName", "Moderated")).status())
                .isEqualTo(204);
    }

    @Test
    void theLastChannelOfAnAccountCannotBeRemoved() {
        String solo = api.createUser(admin, "solo", "solo-secret");
        Api.Res r = api.delete("/api/v1/video-channels/solo_channel", solo);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("last channel");
    }

    @Test
    void channelsAreListedWithPaging() {
        JsonNode page = api.get("/api/v1/video-channels?start=0&count=1").json();
        assertThat(page.get("data").size()).isEqualTo(1);
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/v1/video-channels?count=1000").status()).isEqualTo(400);
    }
}

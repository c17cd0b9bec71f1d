package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribing to a channel of the same instance works without the network (federation's
 * loopback guard stays on): the subscription exists, lists, feeds its videos, and ends.
 */
class LocalSubscriptionsTest {
    static TestServer server;
    static Api api;
    static Path clips;
    static String alice;
    static String bob;
    static String handle;
    static String uuid;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        alice = api.createUser(api.adminToken(), "alice", "alice-secret-1");
        bob = api.createUser(api.adminToken(), "bob", "bob-secret-1");
        clips = Files.createTempDirectory("clips");
        Uploads uploads = new Uploads(api);
        long id = uploads.upload(alice, "Grandpa's new boat", 1, TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10));
        uuid = uploads.awaitPublished(alice, id).get("uuid").asText();
        JsonNode channel = api.get("/api/v1/users/me", alice).json().get("videoChannels").get(0);
        handle = channel.get("name").asText() + "@" + channel.get("host").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    static boolean exists(String token, String h) {
        Api.Res r = api.get("/api/v1/users/me/subscriptions/exist?uris=" + Api.enc(h), token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get(h).asBoolean();
    }

    @Test
    void aChannelOfThisInstanceIsSubscribedToHere() {
        assertThat(exists(bob, handle)).isFalse();
        Api.Res r = api.postJson("/api/v1/users/me/subscriptions", bob, Map.of("uri", handle));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(exists(bob, handle)).isTrue();
        assertThat(exists(alice, handle)).isFalse();
        JsonNode subs = api.get("/api/v1/users/me/subscriptions", bob).json();
        assertThat(subs.get("total").asInt()).isEqualTo(1);
        assertThat(subs.get("data").get(0).get("name").asText()).isEqualTo(handle.substring(0, handle.indexOf('@')));
        JsonNode feed = api.get("/api/v1/users/me/subscriptions/videos", bob).json();
        assertThat(Api.names(feed.get("data"), "uuid")).containsExactly(uuid);

        assertThat(api.delete("/api/v1/users/me/subscriptions/" + Api.enc(handle), bob).status()).isEqualTo(204);
        assertThat(exists(bob, handle)).isFalse();
        assertThat(api.get("/api/v1/users/me/subscriptions/videos", bob).json().get("total").asInt()).isZero();
    }

    @Test
    void anUnknownLocalChannelIsNotFoundAndExistNeedsHandles() {
        String nobody = "nobody_channel@" + handle.substring(handle.indexOf('@') + 1);
        assertThat(api.postJson("/api/v1/users/me/subscriptions", bob, Map.of("uri", nobody)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users/me/subscriptions/exist", bob).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/me/subscriptions/exist?uris=" + Api.enc(handle), null).status()).isEqualTo(401);
    }
}

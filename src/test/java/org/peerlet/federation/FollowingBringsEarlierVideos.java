package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Videos published on A before anyone on B followed: subscribing to A's channel brings that
 * channel's public videos from its outbox, and following A's instance brings the rest of A's
 * public videos; private ones never come.
 */
class FollowingBringsEarlierVideos {
    static TwoServers two;

    @AfterAll
    static void stop() {
        if (two != null) two.close();
    }

    static String publish(Uploads uploads, String token, String name, int privacy) throws Exception {
        long id = uploads.upload(token, name, privacy, TestClips.h264Aac(Files.createTempFile(two.clips, "c", ".mp4"), 160, 90, 1.0, 10));
        return uploads.awaitPublished(token, id).get("uuid").asText();
    }

    @Test
    void aChannelsAndThenAnInstancesEarlierPublicVideosArrive() throws Exception {
        two = new TwoServers("backfill");
        Api apiA = two.a.api();
        Api apiB = two.b.api();
        String alice = apiA.createUser(apiA.adminToken(), "alice", "alice-secret-1");
        String carol = apiA.createUser(apiA.adminToken(), "carol", "carol-secret-1");
        Uploads uploads = new Uploads(apiA);
        String open = publish(uploads, alice, "Before anyone followed", 1);
        String hidden = publish(uploads, alice, "Only for alice", 3);
        String carols = publish(uploads, carol, "Carol's, earlier", 1);
        String channel = apiA.get("/api/v1/users/me", alice).json().get("videoChannels").get(0).get("name").asText();
        String hostA = two.hostA();

        JsonNode page = apiA.send(apiA.request("/video-channels/" + channel + "/outbox?page=1", null)
                .header("Accept", "application/activity+json")).json();
        assertThat(page.get("totalItems").asInt()).isEqualTo(1);
        assertThat(page.get("orderedItems").get(0).get("type").asText()).isEqualTo("Create");
        assertThat(page.get("orderedItems").get(0).get("object").get("id").asText()).endsWith("/videos/watch/" + open);

        String bob = apiB.createUser(apiB.adminToken(), "bob", "bob-secret-1");
        Api.Res sub = apiB.postJson("/api/v1/users/me/subscriptions", bob, Map.of("uri", channel + "@" + hostA));
        assertThat(sub.status()).as(sub.toString()).isEqualTo(204);
        Await.until("alice's earlier video on B", TwoInstancesFederate.WAIT, () -> apiB.get("/api/v1/videos/" + open).status() == 200);
        JsonNode feed = apiB.get("/api/v1/users/me/subscriptions/videos", bob).json();
        assertThat(Api.names(feed.get("data"), "uuid")).containsExactly(open);
        assertThat(apiB.get("/api/v1/videos/" + hidden).status()).isEqualTo(404);
        assertThat(apiB.get("/api/v1/videos/" + carols).status()).as("not in alice's channel").isEqualTo(404);

        String adminB = apiB.adminToken();
        assertThat(apiB.postJson("/api/v1/server/following", adminB, Map.of("hosts", List.of(hostA))).status()).isEqualTo(204);
        Await.until("carol's earlier video on B", TwoInstancesFederate.WAIT, () -> apiB.get("/api/v1/videos/" + carols).status() == 200);
        assertThat(apiB.get("/api/v1/videos/" + hidden).status()).isEqualTo(404);
        JsonNode remote = apiB.get("/api/v1/videos?isLocal=false").json();
        assertThat(Api.names(remote.get("data"), "uuid")).containsExactlyInAnyOrder(open, carols);
    }
}

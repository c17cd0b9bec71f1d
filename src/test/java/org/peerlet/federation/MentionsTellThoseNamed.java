package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.Uploads;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @name} in a comment tells that person here (PeerTube's COMMENT_MENTION, type 11), once,
 * and never of a private video; {@code @name@host} reaches a person of another instance, whose
 * server shows the comment and tells them, though it follows no one here.
 */
class MentionsTellThoseNamed {
    static final int MENTION = 11;
    static TwoServers two;

    @AfterAll
    static void stop() {
        if (two != null) two.close();
    }

    static List<JsonNode> notifications(Api api, String token, int type) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : api.get("/api/v1/users/me/notifications?count=50", token).json().get("data")) {
            if (n.get("type").asInt() == type) out.add(n);
        }
        return out;
    }

    static long comment(Api api, String token, long video, String text) {
        Api.Res r = api.postJson("/api/v1/videos/" + video + "/comment-threads", token, Map.of("text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("comment").get("id").asLong();
    }

    @Test
    void namedPeopleHereAndElsewhereAreTold() throws Exception {
        two = new TwoServers("mentions");
        Api apiA = two.a.api();
        Api apiB = two.b.api();
        String admin = apiA.adminToken();
        String alice = apiA.createUser(admin, "alice", "alice-secret-1");
        String lea = apiA.createUser(admin, "lea", "lea-secret-1");
        String carol = apiA.createUser(admin, "carol", "carol-secret-1");
        String bob = apiB.createUser(apiB.adminToken(), "bob", "bob-secret-1");
        Uploads uploads = new Uploads(apiA);
        Path clip = TestClips.h264Aac(two.clips.resolve("c.mp4"), 160, 90, 1.0, 10);
        long open = uploads.upload(alice, "Open", 1, clip);
        uploads.awaitPublished(alice, open);
        long closed = uploads.upload(alice, "Closed", 3, clip);
        uploads.awaitPublished(alice, closed);

        comment(apiA, alice, closed, "@carol this one is only mine");
        long first = comment(apiA, lea, open, "Look @carol, and @alice, and @carol again. @nobody");
        Await.until("carol told of the mention", Duration.ofSeconds(10), () -> !notifications(apiA, carol, MENTION).isEmpty());
        List<JsonNode> carols = notifications(apiA, carol, MENTION);
        assertThat(carols).as("once, and not of the private video").hasSize(1);
        assertThat(carols.get(0).get("comment").get("id").asLong()).isEqualTo(first);
        assertThat(carols.get(0).get("comment").get("account").get("name").asText()).isEqualTo("lea");
        // The video's owner hears of the comment on her video, not of a mention besides.
        assertThat(notifications(apiA, alice, 2)).hasSize(1);
        assertThat(notifications(apiA, alice, MENTION)).isEmpty();

        String hostB = two.hostB();
        long far = comment(apiA, alice, open, "Thank you @bob@" + hostB + " for the music");
        Await.until("bob on B told of the mention", TwoInstancesFederate.WAIT,
                () -> !notifications(apiB, bob, MENTION).isEmpty());
        JsonNode n = notifications(apiB, bob, MENTION).get(0);
        assertThat(n.get("comment").get("account").get("name").asText()).isEqualTo("alice");
        String uuid = n.get("comment").get("video").get("uuid").asText();
        JsonNode threads = apiB.get("/api/v1/videos/" + uuid + "/comment-threads").json();
        assertThat(threads.get("data").get(0).get("text").asText()).contains("for the music");
        assertThat(far).isPositive();
    }
}

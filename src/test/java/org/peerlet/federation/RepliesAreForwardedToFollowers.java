package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances: B and C follow A; bob on B comments on alice's video on A, and C, which never
 * heard from B, shows the comment, because A forwards it to its followers. C does not take A's
 * word for bob's Note: it fetches it from B. A forwarded Note its origin does not serve is refused.
 */
class RepliesAreForwardedToFollowers {
    static final Duration WAIT = Duration.ofSeconds(20);
    static TwoServers ab;
    static TestServer c;
    static Api apiA;
    static Api apiB;
    static Api apiC;

    @BeforeAll
    static void start() throws Exception {
        ab = new TwoServers("forwarding");
        c = TestServer.start(TwoInstancesFederate.DEV);
        apiA = ab.a.api();
        apiB = ab.b.api();
        apiC = c.api();
        follow(apiB, ab.hostA());
        follow(apiC, ab.hostA());
    }

    @AfterAll
    static void stop() {
        if (c != null) c.close();
        if (ab != null) ab.close();
    }

    static void follow(Api api, String host) {
        String admin = api.adminToken();
        Api.Res r = api.postJson("/api/v1/server/following", admin, Map.of("hosts", List.of(host)));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        Await.until("the follow of A accepted", WAIT, () -> {
            JsonNode f = api.get("/api/v1/server/following").json();
            return f.get("total").asInt() == 1 && f.get("data").get(0).get("state").asText().equals("accepted");
        });
    }

    static JsonNode threads(Api api, String uuid) {
        Api.Res r = api.get("/api/v1/videos/" + uuid + "/comment-threads?count=100");
        return r.status() == 200 ? r.json().get("data") : org.peerlet.http.Json.MAPPER.createArrayNode();
    }

    static boolean has(JsonNode threads, String text) {
        for (JsonNode t : threads) if (t.get("text").asText().contains(text)) return true;
        return false;
    }

    @Test
    void aCommentFromBOnAsVideoReachesCThroughA() throws Exception {
        String alice = apiA.createUser(apiA.adminToken(), "alice", "alice-secret-1");
        String bob = apiB.createUser(apiB.adminToken(), "bob", "bob-secret-1");
        Uploads uploads = new Uploads(apiA);
        long id = uploads.upload(alice, "The new kitten", 1, TestClips.h264Aac(ab.clips.resolve("k.mp4"), 160, 90, 1.0, 10));
        String uuid = uploads.awaitPublished(alice, id).get("uuid").asText();
        Await.until("the video on B and C", WAIT, () -> apiB.get("/api/v1/videos/" + uuid).status() == 200
                && apiC.get("/api/v1/videos/" + uuid).status() == 200);

        Api.Res posted = apiB.postJson("/api/v1/videos/" + uuid + "/comment-threads", bob, Map.of("text", "So fluffy, from B"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        Await.until("the comment on A", WAIT, () -> has(threads(apiA, uuid), "So fluffy, from B"));
        Await.until("the comment forwarded to C", WAIT, () -> has(threads(apiC, uuid), "So fluffy, from B"));
        JsonNode onC = threads(apiC, uuid).get(0);
        assertThat(onC.get("account").get("name").asText()).isEqualTo("bob");
        assertThat(onC.get("account").get("host").asText()).isEqualTo(ab.hostB());
        assertThat(onC.get("url").asText()).isEqualTo(posted.json().get("comment").get("url").asText());
    }

    @Test
    void aForwardedNoteItsOriginDoesNotServeIsRefused() throws Exception {
        try (FakeRemote forger = new FakeRemote()) {
            // "Forwarded" by the forger, in bob's name on B: B has no such Note, so C keeps nothing.
            String bobUrl = "http://" + ab.hostB() + "/accounts/bob";
            String noteId = "http://" + ab.hostB() + "/videos/watch/none/comments/" + UUID.randomUUID();
            Map<String, Object> note = Map.of("type", "Note", "id", noteId, "attributedTo", bobUrl,
                    "inReplyTo", "http://" + ab.hostA() + "/videos/watch/" + UUID.randomUUID(), "content", "Forged",
                    "to", List.of("https://www.w3.org/ns/activitystreams#Public"));
            String body = Api.write(Map.of("@context", "https://www.w3.org/ns/activitystreams", "type", "Create",
                    "id", "http://" + ab.hostB() + "/activities/" + UUID.randomUUID(), "actor", bobUrl, "object", note,
                    "to", List.of("https://www.w3.org/ns/activitystreams#Public")));
            Api.Res r = apiC.send(forger.signedPost(URI.create(apiC.base() + "/inbox"), "relay", body));
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
        }
    }
}

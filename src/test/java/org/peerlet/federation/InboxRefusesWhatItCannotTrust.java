package org.peerlet.federation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.federation.signature.HttpSignatures;
import org.peerlet.federation.signature.Keys;
import org.peerlet.testing.Await;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unsigned, forged, replayed, stale-dated, tampered, wrong-origin and blocked activities are
 * refused with 401 or 403 and change nothing; a correct one is accepted.
 */
class InboxRefusesWhatItCannotTrust {
    static TestServer a;
    static Api api;
    static FakeRemote remote;
    static String instanceActor;

    @BeforeAll
    static void start() throws Exception {
        a = TestServer.start(TwoInstancesFederate.DEV);
        api = a.api();
        remote = new FakeRemote();
        remote.person("mallory");
        remote.person("trent");
        instanceActor = "http://localhost:" + a.app().port() + "/accounts/peerlet";
    }

    @AfterAll
    static void stop() {
        remote.close();
        a.close();
    }

    static String follow(String actor, String id) {
        return Api.write(Map.of("@context", "https://www.w3.org/ns/activitystreams", "type", "Follow",
                "id", id, "actor", actor, "object", instanceActor));
    }

    static String newId() {
        return remote.base() + "/activities/" + UUID.randomUUID();
    }

    static HttpRequest.Builder signed(String body, String keyOwner, PrivateKey key, Instant date) {
        URI uri = URI.create(api.base() + "/inbox");
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpSignatures.sign("POST", uri, body.getBytes(StandardCharsets.UTF_8), remote.actorUrl(keyOwner) + "#main-key",
                key, date).forEach(b::header);
        return b;
    }

    static int followers() {
        return api.get("/api/v1/server/followers").json().get("total").asInt();
    }

    PrivateKey mallory() {
        return remote.person("mallory").getPrivate();
    }

    @Test
    void unsignedIsRefused() {
        Api.Res r = api.postRaw("/inbox", null, "application/activity+json", follow(remote.actorUrl("mallory"), newId()));
        assertThat(r.status()).isEqualTo(401);
        assertThat(followers()).isZero();
    }

    @Test
    void aForgedSignatureIsRefused() {
        String body = follow(remote.actorUrl("mallory"), newId());
        Api.Res r = api.send(signed(body, "mallory", Keys.generate().getPrivate(), Instant.now()));
        assertThat(r.status()).isEqualTo(401);
        assertThat(followers()).isZero();
    }

    @Test
    void aStaleDateIsRefused() {
        String body = follow(remote.actorUrl("mallory"), newId());
        Api.Res r = api.send(signed(body, "mallory", mallory(), Instant.now().minus(Duration.ofHours(1))));
        assertThat(r.status()).isEqualTo(401);
        Api.Res future = api.send(signed(body, "mallory", mallory(), Instant.now().plus(Duration.ofHours(1))));
        assertThat(future.status()).isEqualTo(401);
        assertThat(followers()).isZero();
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        String body = follow(remote.actorUrl("mallory"), newId());
        HttpRequest.Builder b = signed(body, "mallory", mallory(), Instant.now());
        b.POST(HttpRequest.BodyPublishers.ofString(body.replace("Follow", "Follow ")));
        assertThat(api.send(b).status()).isEqualTo(401);
        assertThat(followers()).isZero();
    }

    @Test
    void anActivityFromAnotherHostOrActorIsRefused() {
        String otherHost = follow(remote.actorUrl("mallory"), "https://elsewhere.example/activities/1");
        assertThat(api.send(signed(otherHost, "mallory", mallory(), Instant.now())).status()).isEqualTo(403);
        // trent's activity signed with mallory's (valid) key
        String impersonation = follow(remote.actorUrl("trent"), newId());
        assertThat(api.send(signed(impersonation, "mallory", mallory(), Instant.now())).status()).isEqualTo(403);
        // a Video claiming to live on our own host
        String video = Api.write(Map.of("type", "Create", "id", newId(), "actor", remote.actorUrl("mallory"),
                "object", Map.of("type", "Video", "id", api.base() + "/videos/watch/" + UUID.randomUUID())));
        assertThat(api.send(signed(video, "mallory", mallory(), Instant.now())).status()).isEqualTo(403);
        assertThat(followers()).isZero();
        assertThat(api.get("/api/v1/videos").json().get("total").asInt()).isZero();
    }

    @Test
    void aCorrectFollowIsAcceptedOnceAndItsReplayRefused() {
        synchronized (InboxRefusesWhatItCannotTrust.class) {
            String body = follow(remote.actorUrl("mallory"), newId());
            HttpRequest.Builder first = signed(body, "mallory", mallory(), Instant.now());
            HttpRequest req = first.build();
            Api.Res ok = api.send(HttpRequest.newBuilder(req, (k, v) -> true));
            assertThat(ok.status()).as(ok.toString()).isEqualTo(202);
            assertThat(followers()).isEqualTo(1);
            Api.Res replay = api.send(HttpRequest.newBuilder(req, (k, v) -> true));
            assertThat(replay.status()).isEqualTo(401);
            assertThat(followers()).isEqualTo(1);
            Await.until("the Accept delivered to the follower", Duration.ofSeconds(10), () -> remote.inboxPosts.get() >= 1);
            // Undo by the same actor removes the follow
            String undo = Api.write(Map.of("type", "Undo", "id", newId(), "actor", remote.actorUrl("mallory"),
                    "object", Map.of("type", "Follow", "id", newId(), "actor", remote.actorUrl("mallory"), "object", instanceActor)));
            assertThat(api.send(signed(undo, "mallory", mallory(), Instant.now())).status()).isEqualTo(202);
            assertThat(followers()).isZero();
        }
    }

    @Test
    void aBlockedInstanceIsRefusedAtTheDoor() throws Exception {
        String admin = api.adminToken();
        TestServer other = null;
        FakeRemote blocked = null;
        try {
            blocked = new FakeRemote();
            blocked.person("eve");
            assertThat(api.postJson("/api/v1/server/blocklist/servers", admin, Map.of("host", blocked.host())).status()).isEqualTo(204);
            String body = Api.write(Map.of("type", "Follow", "id", blocked.base() + "/a/1", "actor", blocked.actorUrl("eve"),
                    "object", instanceActor));
            URI uri = URI.create(api.base() + "/inbox");
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/activity+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            HttpSignatures.sign("POST", uri, body.getBytes(StandardCharsets.UTF_8), blocked.actorUrl("eve") + "#main-key",
                    blocked.person("eve").getPrivate(), Instant.now()).forEach(b::header);
            assertThat(api.send(b).status()).isEqualTo(403);
            assertThat(followers()).isZero();
        } finally {
            if (blocked != null) blocked.close();
            if (other != null) other.close();
        }
    }
}

package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.Sql;
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
 * Mutes between two real instances that follow each other: A's moderators mute bob of B (his
 * video leaves A's lists, his comment is refused at A's inbox), then alice of A mutes him for
 * herself (his video leaves her lists only, his comments on her video are dropped), then A blocks
 * B altogether (B's videos leave A's lists, B's activities are refused).
 */
class MutesCrossInstances {
    static TestServer a;
    static TestServer b;
    static Api apiA;
    static Api apiB;
    static Path clips;

    @BeforeAll
    static void start() {
        a = TestServer.start(TwoInstancesFederate.DEV);
        b = TestServer.start(TwoInstancesFederate.DEV);
        apiA = a.api();
        apiB = b.api();
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
        TestFiles.deleteRecursively(clips);
    }

    static String host(Api api) {
        return "localhost:" + api.base().substring(api.base().lastIndexOf(':') + 1);
    }

    static void follow(Api from, String admin, Api to) {
        assertThat(from.postJson("/api/v1/server/following", admin, Map.of("hosts", List.of(host(to)))).status()).isEqualTo(204);
        Await.until("the follow accepted", TwoInstancesFederate.WAIT, () -> from.get("/api/v1/server/following").json()
                .get("data").get(0).get("state").asText().equals("accepted"));
    }

    static String publish(Api api, String token, String name) throws Exception {
        Uploads uploads = new Uploads(api);
        long id = uploads.upload(token, name, 1, TestClips.h264Aac(Files.createTempFile(clips, "c", ".mp4"), 160, 90, 1.0, 10));
        return uploads.awaitPublished(token, id).get("uuid").asText();
    }

    static List<String> listedOnA(String token) {
        return Api.names(apiA.get("/api/v1/videos?count=100", token).json().get("data"), "name");
    }

    static List<String> commentsOnA(String uuid) {
        return Api.names(apiA.get("/api/v1/videos/" + uuid + "/comment-threads?count=100").json().get("data"), "text");
    }

    /** Deliveries from B to A that A refused (403): B gives them up. */
    static long refusedByA() {
        return Sql.number(b.dataDir().resolve("peerlet.db"),
                "SELECT count(*) FROM deliveries WHERE host = ? AND state = 'dead' AND last_error = 'answered 403'", host(apiA));
    }

    /** Comments from B, one after the other: the later one reaching A shows A has handled the earlier. */
    static void commentFromB(String token, String uuid, String text) {
        Api.Res r = apiB.postJson("/api/v1/videos/" + uuid + "/comment-threads", token, Map.of("text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void mutesHideRemoteContentAndRefuseItsActivities() throws Exception {
        clips = Files.createTempDirectory("mute-clips");
        String adminA = apiA.adminToken();
        String adminB = apiB.adminToken();
        String alice = apiA.createUser(adminA, "alice", "alice-secret-1");
        String bob = apiB.createUser(adminB, "bob", "bob-secret-1");
        String carol = apiB.createUser(adminB, "carol", "carol-secret-1");
        follow(apiA, adminA, apiB);
        follow(apiB, adminB, apiA);
        publish(apiB, bob, "Bob's bikes");
        publish(apiB, carol, "Carol's cakes");
        String apples = publish(apiA, alice, "Alice's apples");
        Await.until("B's videos on A", TwoInstancesFederate.WAIT, () -> listedOnA(null).containsAll(List.of("Bob's bikes", "Carol's cakes")));
        Await.until("A's video on B", TwoInstancesFederate.WAIT, () -> apiB.get("/api/v1/videos/" + apples).status() == 200);
        String bobOnA = "bob@" + host(apiB);

        // A's moderators mute bob for everyone on A.
        assertThat(apiA.postJson("/api/v1/server/blocklist/accounts", adminA, Map.of("accountName", bobOnA)).status()).isEqualTo(204);
        assertThat(listedOnA(null)).contains("Carol's cakes").doesNotContain("Bob's bikes");
        assertThat(listedOnA(alice)).doesNotContain("Bob's bikes");
        commentFromB(bob, apples, "Bob was here");
        Await.until("A refuses bob's comment", TwoInstancesFederate.WAIT, () -> refusedByA() >= 1);
        commentFromB(carol, apples, "Carol was here");
        Await.until("carol's comment on A", TwoInstancesFederate.WAIT, () -> commentsOnA(apples).contains("Carol was here"));
        assertThat(commentsOnA(apples)).doesNotContain("Bob was here");

        // Only alice mutes him now: her lists hide him, others' do not; his comments on her video are dropped.
        assertThat(apiA.delete("/api/v1/server/blocklist/accounts/" + bobOnA, adminA).status()).isEqualTo(204);
        assertThat(apiA.postJson("/api/v1/users/me/blocklist/accounts", alice, Map.of("accountName", bobOnA)).status()).isEqualTo(204);
        assertThat(listedOnA(null)).contains("Bob's bikes", "Carol's cakes");
        assertThat(listedOnA(alice)).contains("Carol's cakes").doesNotContain("Bob's bikes");
        commentFromB(bob, apples, "Bob again");
        commentFromB(carol, apples, "Carol again");
        Await.until("carol's second comment on A", TwoInstancesFederate.WAIT, () -> commentsOnA(apples).contains("Carol again"));
        assertThat(commentsOnA(apples)).doesNotContain("Bob again", "Bob was here");

        // A blocks B: nothing of B is listed on A any more, and what B sends is refused.
        assertThat(apiA.postJson("/api/v1/server/blocklist/servers", adminA, Map.of("host", host(apiB))).status()).isEqualTo(204);
        assertThat(listedOnA(null)).doesNotContain("Bob's bikes", "Carol's cakes").contains("Alice's apples");
        JsonNode search = apiA.get("/api/v1/search/videos?search=cakes").json();
        assertThat(search.get("total").asInt()).isZero();
        long refused = refusedByA();
        commentFromB(carol, apples, "Carol, blocked");
        Await.until("A refuses B's activity", TwoInstancesFederate.WAIT, () -> refusedByA() > refused);
        assertThat(commentsOnA(apples)).doesNotContain("Carol, blocked");
    }
}

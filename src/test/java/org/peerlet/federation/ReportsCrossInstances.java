package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports between two real instances: bob on B reports a video of alice's on A; A's moderators
 * find it in their queue, sent as a signed Flag. A Flag no one signed is refused as any inbox request.
 */
class ReportsCrossInstances {
    static TestServer a;
    static TestServer b;
    static Path clips;

    @BeforeAll
    static void start() {
        a = TestServer.start(TwoInstancesFederate.DEV);
        b = TestServer.start(TwoInstancesFederate.DEV);
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
        TestFiles.deleteRecursively(clips);
    }

    @Test
    void aReportOfARemoteVideoReachesItsInstanceAsAFlag() throws Exception {
        Api apiA = a.api();
        Api apiB = b.api();
        String adminA = apiA.adminToken();
        String adminB = apiB.adminToken();
        String alice = apiA.createUser(adminA, "alice", "alice-secret-1");
        String bob = apiB.createUser(adminB, "bob", "bob-secret-1");
        String hostA = "localhost:" + apiA.base().substring(apiA.base().lastIndexOf(':') + 1);
        assertThat(apiB.postJson("/api/v1/server/following", adminB, Map.of("hosts", List.of(hostA))).status()).isEqualTo(204);
        clips = Files.createTempDirectory("flag-clips");
        Uploads uploads = new Uploads(apiA);
        long id = uploads.upload(alice, "Cheap pills", 1, TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10));
        String uuid = uploads.awaitPublished(alice, id).get("uuid").asText();
        Await.until("the video on B", TwoInstancesFederate.WAIT, () -> apiB.get("/api/v1/videos/" + uuid).status() == 200);

        Api.Res r = apiB.postJson("/api/v1/abuses", bob, Map.of("reason", "Selling pills",
                "predefinedReasons", List.of("spamOrMisleading"), "video", Map.of("id", uuid)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Await.until("the report in A's queue", TwoInstancesFederate.WAIT,
                () -> apiA.get("/api/v1/abuses", adminA).json().get("total").asInt() == 1);
        JsonNode onA = apiA.get("/api/v1/abuses", adminA).json().get("data").get(0);
        assertThat(onA.get("reason").asText()).isEqualTo("Selling pills");
        assertThat(onA.get("video").get("uuid").asText()).isEqualTo(uuid);
        assertThat(onA.get("predefinedReasons").toString()).isEqualTo("[\"spamOrMisleading\"]");
        assertThat(onA.get("flaggedAccount").get("name").asText()).isEqualTo("alice");
        // B keeps its own copy of what bob reported.
        assertThat(apiB.get("/api/v1/abuses", adminB).json().get("total").asInt()).isEqualTo(1);

        // The same Flag, unsigned, is refused and adds nothing.
        String flag = Api.write(Map.of("@context", "https://www.w3.org/ns/activitystreams", "type", "Flag",
                "id", b.baseUrl() + "/admin/abuses/999", "actor", b.baseUrl() + "/accounts/peerlet",
                "object", List.of(apiA.base() + "/videos/watch/" + uuid), "content", "forged"));
        HttpRequest.Builder unsigned = HttpRequest.newBuilder(URI.create(apiA.base() + "/inbox"))
                .header("Content-Type", "application/activity+json").POST(HttpRequest.BodyPublishers.ofString(flag));
        assertThat(apiA.send(unsigned).status()).isEqualTo(401);
        assertThat(apiA.get("/api/v1/abuses", adminA).json().get("total").asInt()).isEqualTo(1);
    }
}

package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.Uploads;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A's people and channels have faces; B, following A, fetches them with the actors, keeps them
 * on its own disk and serves them from there: B's pages never send viewers to A for a face, and
 * the faces stay when A is down.
 */
class RemoteFacesAreKeptHere {
    static TwoServers two;

    @AfterAll
    static void stop() {
        if (two != null) two.close();
    }

    @Test
    void bShowsTheFacesOfAsPeopleFromItsOwnCopy() throws Exception {
        two = new TwoServers("faces-fed");
        Api apiA = two.a.api();
        Api apiB = two.b.api();
        String alice = apiA.createUser(apiA.adminToken(), "alice", "alice-secret-1");
        String channel = apiA.get("/api/v1/users/me", alice).json().get("videoChannels").get(0).get("name").asText();
        TwoServers.pick(apiA, "/api/v1/users/me/avatar/pick", alice, "avatarfile", 300, 300);
        TwoServers.pick(apiA, "/api/v1/video-channels/" + channel + "/avatar/pick", alice, "avatarfile", 200, 200);
        TwoServers.pick(apiA, "/api/v1/video-channels/" + channel + "/banner/pick", alice, "bannerfile", 1200, 200);

        String hostA = two.hostA();
        String adminB = apiB.adminToken();
        assertThat(apiB.postJson("/api/v1/server/following", adminB, Map.of("hosts", List.of(hostA))).status()).isEqualTo(204);
        Await.until("B's follow of A accepted", TwoInstancesFederate.WAIT, () -> apiB.get("/api/v1/server/following").json()
                .get("data").path(0).path("state").asText().equals("accepted"));
        Uploads uploads = new Uploads(apiA);
        long id = uploads.upload(alice, "With faces", 1, TestClips.h264Aac(two.clips.resolve("c.mp4"), 160, 90, 1.0, 10));
        String uuid = uploads.awaitPublished(alice, id).get("uuid").asText();
        Await.until("the video on B", TwoInstancesFederate.WAIT, () -> apiB.get("/api/v1/videos/" + uuid).status() == 200);

        JsonNode onB = apiB.get("/api/v1/videos/" + uuid).json();
        JsonNode avatars = onB.get("account").get("avatars");
        assertThat(Api.names(avatars, "width")).containsExactly("1500", "600", "120", "48");
        JsonNode channelOnB = apiB.get("/api/v1/video-channels/" + channel + "@" + hostA).json();
        assertThat(channelOnB.get("avatars")).hasSize(4);
        assertThat(channelOnB.get("banners")).hasSize(2);
        List<String> paths = List.of(avatars.get(3).get("path").asText(), channelOnB.get("avatars").get(0).get("path").asText(),
                channelOnB.get("banners").get(0).get("path").asText());
        for (JsonNode f : List.of(avatars.get(3), channelOnB.get("banners").get(0))) {
            assertThat(f.get("fileUrl").asText()).as("served by B").contains(two.hostB() + "/lazy-static/");
        }
        JsonNode onA = apiA.get("/api/v1/users/me", alice).json().get("account").get("avatars");
        assertThat(avatars.get(3).get("path").asText()).isNotEqualTo(onA.get(3).get("path").asText());

        // A new picture on A: its followers hear an Update of alice and fetch her again.
        String before = avatars.get(3).get("path").asText();
        TwoServers.pick(apiA, "/api/v1/users/me/avatar/pick", alice, "avatarfile", 100, 100);
        Await.until("B holds alice's new picture", TwoInstancesFederate.WAIT, () -> !apiB.get("/api/v1/videos/" + uuid).json()
                .get("account").get("avatars").get(3).get("path").asText().equals(before));
        String now = apiB.get("/api/v1/videos/" + uuid).json().get("account").get("avatars").get(3).get("path").asText();
        assertThat(apiB.get(before).status()).as("the old copy went").isEqualTo(404);
        paths = List.of(now, paths.get(1), paths.get(2));

        two.stopA();
        int[] sides = {48, 1500, 1920};
        for (int i = 0; i < paths.size(); i++) {
            Api.Res r = apiB.get(paths.get(i));
            assertThat(r.status()).as(paths.get(i)).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(r.bytes())).getWidth()).isEqualTo(sides[i]);
        }
    }
}

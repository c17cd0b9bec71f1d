package org.peerlet.social;

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

/** Likes and dislikes: the viewer's own rating, the video's counts, and a limit on changing one's mind. */
class RatingsTest {
    static TestServer server;
    static Api api;
    static Path clips;
    static String owner;
    static long video;
    static long secret;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        owner = api.createUser(api.adminToken(), "grandpa", "grandpa-secret-1");
        clips = Files.createTempDirectory("clips");
        Path clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10);
        Uploads uploads = new Uploads(api);
        video = uploads.upload(owner, "Fishing trip", 1, clip);
        secret = uploads.upload(owner, "Only mine", 3, clip);
        uploads.awaitPublished(owner, video);
        uploads.awaitPublished(owner, secret);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    static String rating(String token, long id) {
        Api.Res r = api.get("/api/v1/users/me/videos/" + id + "/rating", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("videoId").asLong()).isEqualTo(id);
        return r.json().get("rating").asText();
    }

    static int rate(String token, long id, String rating) {
        return api.putJson("/api/v1/videos/" + id + "/rate", token, Map.of("rating", rating)).status();
    }

    static long count(String field) {
        return api.get("/api/v1/videos/" + video).json().get(field).asLong();
    }

    @Test
    void theViewerSeesTheirOwnRatingAndTheCountsFollow() {
        String ann = api.createUser(api.adminToken(), "ann", "ann-secret-1");
        String ben = api.createUser(api.adminToken(), "ben", "ben-secret-1");
        long likes = count("likes");
        long dislikes = count("dislikes");
        assertThat(rating(ann, video)).isEqualTo("none");
        assertThat(rate(ann, video, "like")).isEqualTo(204);
        assertThat(rate(ben, video, "dislike")).isEqualTo(204);
        assertThat(rating(ann, video)).isEqualTo("like");
        assertThat(rating(ben, video)).isEqualTo("dislike");
        assertThat(count("likes")).isEqualTo(likes + 1);
        assertThat(count("dislikes")).isEqualTo(dislikes + 1);
        assertThat(rate(ann, video, "dislike")).isEqualTo(204);
        assertThat(count("likes")).isEqualTo(likes);
        assertThat(count("dislikes")).isEqualTo(dislikes + 2);
        assertThat(rate(ann, video, "none")).isEqualTo(204);
        assertThat(rating(ann, video)).isEqualTo("none");
        assertThat(count("dislikes")).isEqualTo(dislikes + 1);
        assertThat(rate(ann, video, "love")).isEqualTo(400);
    }

    @Test
    void aRatingIsOnlyForThoseWhoMaySeeTheVideo() {
        String cousin = api.createUser(api.adminToken(), "cousin", "cousin-secret-1");
        assertThat(api.get("/api/v1/users/me/videos/" + video + "/rating", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me/videos/" + secret + "/rating", cousin).status()).isEqualTo(403);
        assertThat(rate(cousin, secret, "like")).isEqualTo(403);
        assertThat(api.get("/api/v1/users/me/videos/999999/rating", cousin).status()).isEqualTo(404);
        assertThat(rating(owner, secret)).isEqualTo("none");
    }

    @Test
    void changingOnesMindIsLimited() {
        String fidget = api.createUser(api.adminToken(), "fidget", "fidget-secret-1");
        int limit = 30;
        for (int i = 0; i < limit; i++) assertThat(rate(fidget, video, i % 2 == 0 ? "like" : "none")).isEqualTo(204);
        org.peerlet.testing.Api.Res over = api.putJson("/api/v1/videos/" + video + "/rate", fidget, Map.of("rating", "like"));
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.json().get("status").asInt()).isEqualTo(429);
        assertThat(rating(fidget, video)).isEqualTo("none");
    }
}

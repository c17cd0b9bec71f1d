package org.peerlet.social;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PeerTube's comment API as families use it: threads and replies as a tree, both sorts, Markdown
 * made safe, who may delete what, tombstones whose ids are never handed out again, the video's
 * comments policy with its approval queue, and the limits.
 */
class CommentThreadsTest {
    static TestServer server;
    static Api api;
    static Uploads uploads;
    static Path clips;
    static String admin;
    static String alice;
    static String bob;
    static String carol;
    static long video;
    static long quiet;
    static long reviewed;
    static long busy;
    /** The limits the service promises: comments per user, and per address, in a minute. */
    static final int PER_USER = 10;
    static final int PER_ADDRESS = 30;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        uploads = new Uploads(api);
        admin = api.adminToken();
        alice = api.createUser(admin, "alice", "alice-secret-1");
        bob = api.createUser(admin, "bob", "bob-secret-1");
        carol = api.createUser(admin, "carol", "carol-secret-1");
        clips = Files.createTempDirectory("clips");
        Path clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10);
        video = upload("Garden party", 1, clip);
        quiet = upload("No comments please", 2, clip);
        reviewed = upload("Comments after review", 3, clip);
        busy = upload("Much talked about", 1, clip);
        for (long id : new long[]{video, quiet, reviewed, busy}) uploads.awaitPublished(alice, id);
    }

    static long upload(String name, int commentsPolicy, Path clip) {
        Api.Res r = uploads.multipart(alice, Map.of("name", name, "privacy", 1, "channelId", uploads.channelId(alice),
                "commentsPolicy", commentsPolicy), clip, "c.mp4");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("video").get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    static JsonNode post(String token, long videoId, String text) {
        Api.Res r = api.postJson("/api/v1/videos/" + videoId + "/comment-threads", token, Map.of("text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("comment");
    }

    static JsonNode reply(String token, long videoId, long to, String text) {
        Api.Res r = api.postJson("/api/v1/videos/" + videoId + "/comments/" + to, token, Map.of("text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("comment");
    }

    static JsonNode threads(long videoId, String token, String query) {
        Api.Res r = api.get("/api/v1/videos/" + videoId + "/comment-threads" + query, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** The video's {@code comments} count, as lists and clients read it. */
    static long commentCount(long videoId) {
        return api.get("/api/v1/videos/" + videoId).json().get("comments").asLong();
    }

    static List<Long> ids(JsonNode data) {
        List<Long> out = new ArrayList<>();
        data.forEach(c -> out.add(c.get("id").asLong()));
        return out;
    }

    @Test
    void repliesFormATreeUnderTheirThread() {
        JsonNode root = post(bob, video, "Lovely garden!");
        JsonNode answer = reply(alice, video, root.get("id").asLong(), "Thank you Bob");
        JsonNode again = reply(bob, video, answer.get("id").asLong(), "You're welcome");
        assertThat(answer.get("threadId").asLong()).isEqualTo(root.get("id").asLong());
        assertThat(again.get("threadId").asLong()).isEqualTo(root.get("id").asLong());
        assertThat(again.get("inReplyToCommentId").asLong()).isEqualTo(answer.get("id").asLong());

        JsonNode tree = api.get("/api/v1/videos/" + video + "/comment-threads/" + root.get("id").asLong()).json();
        assertThat(tree.get("comment").get("text").asText()).isEqualTo("Lovely garden!");
        JsonNode child = tree.get("children").get(0);
        assertThat(child.get("comment").get("account").get("name").asText()).isEqualTo("alice");
        assertThat(child.get("children").get(0).get("comment").get("text").asText()).isEqualTo("You're welcome");
        assertThat(child.get("children").get(0).get("children")).isEmpty();

        JsonNode listed = threads(video, null, "?count=100");
        assertThat(ids(listed.get("data"))).contains(root.get("id").asLong()).doesNotContain(answer.get("id").asLong());
        for (JsonNode t : listed.get("data")) {
            if (t.get("id").asLong() == root.get("id").asLong()) assertThat(t.get("totalReplies").asInt()).isEqualTo(2);
        }
        // A reply to a comment of another video is not found there.
        Api.Res wrong = api.postJson("/api/v1/videos/" + reviewed + "/comments/" + root.get("id").asLong(), bob,
                Map.of("text", "lost"));
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/videos/" + reviewed + "/comment-threads/" + root.get("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void threadsSortNewestOrOldestFirst() {
        long first = post(carol, video, "first of three").get("id").asLong();
        long second = post(carol, video, "second of three").get("id").asLong();
        long third = post(carol, video, "third of three").get("id").asLong();
        List<Long> newest = ids(threads(video, null, "?count=100&sort=-createdAt").get("data"));
        List<Long> oldest = ids(threads(video, null, "?count=100&sort=createdAt").get("data"));
        assertThat(newest.indexOf(third)).isLessThan(newest.indexOf(second));
        assertThat(newest.indexOf(second)).isLessThan(newest.indexOf(first));
        assertThat(oldest.indexOf(first)).isLessThan(oldest.indexOf(second));
        assertThat(oldest.indexOf(second)).isLessThan(oldest.indexOf(third));
        assertThat(api.get("/api/v1/videos/" + video + "/comment-threads?sort=name").status()).isEqualTo(400);
    }

    @Test
    void markdownIsRenderedAndNothingElse() {
        JsonNode c = post(bob, video, "**so** _nice_ [site](https://example.org) [bad](javascript:alert(1)) "
                + "<script>alert(1)</script><img src=x onerror=alert(2)>\n\n# not a title");
        String html = c.get("textHtml").asText();
        assertThat(html).contains("<strong>so</strong>").contains("<em>nice</em>")
                .contains("href=\"https://example.org\"").contains("nofollow");
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<img").doesNotContain("javascript:")
                .doesNotContain("<h1");
        assertThat(c.get("text").asText()).startsWith("**so**");
    }

    @Test
    void aDeletedCommentLeavesATombstoneAndItsIdIsNeverGivenAgain() {
        long before = commentCount(video);
        long root = post(bob, video, "to be taken back").get("id").asLong();
        long kept = reply(carol, video, root, "a reply that stays").get("id").asLong();
        assertThat(commentCount(video)).as("comments and replies are counted").isEqualTo(before + 2);
        assertThat(api.delete("/api/v1/videos/" + video + "/comments/" + root, bob).status()).isEqualTo(204);
        assertThat(commentCount(video)).as("a tombstone is not").isEqualTo(before + 1);
        assertThat(api.delete("/api/v1/videos/" + video + "/comments/" + root, bob).status()).isEqualTo(409);
        JsonNode tree = api.get("/api/v1/videos/" + video + "/comment-threads/" + root).json();
        assertThat(tree.get("comment").get("isDeleted").asBoolean()).isTrue();
        assertThat(tree.get("comment").get("deletedAt").isNull()).isFalse();
        assertThat(tree.get("comment").get("text").asText()).isEmpty();
        assertThat(tree.get("comment").get("account").isNull()).isTrue();
        assertThat(tree.get("children").get(0).get("comment").get("id").asLong()).isEqualTo(kept);
        assertThat(api.postJson("/api/v1/videos/" + video + "/comments/" + root, carol, Map.of("text", "hello?"))
                .status()).isEqualTo(409);
        long next = post(bob, video, "a new one").get("id").asLong();
        assertThat(next).isGreaterThan(kept);
    }

    @Test
    void idsOfCommentsGoneWithTheirVideoAreNotReused() throws Exception {
        Path clip = TestClips.h264Aac(clips.resolve("gone.mp4"), 160, 90, 1.0, 10);
        long doomed = upload("Soon gone", 1, clip);
        uploads.awaitPublished(alice, doomed);
        JsonNode last = post(bob, doomed, "the latest comment of all");
        assertThat(api.delete("/api/v1/videos/" + doomed, alice).status()).isEqualTo(204);
        JsonNode after = post(bob, video, "after the video went");
        assertThat(after.get("id").asLong()).isGreaterThan(last.get("id").asLong());
        assertThat(after.get("url").asText()).isNotEqualTo(last.get("url").asText());
    }

    @Test
    void theOwnerAndModeratorsDeleteAnyCommentOthersOnlyTheirOwn() {
        long byBob = post(bob, video, "bob says hi").get("id").asLong();
        long byCarol = post(carol, video, "carol says hi").get("id").asLong();
        long another = post(carol, video, "carol again").get("id").asLong();
        Api.Res refused = api.delete("/api/v1/videos/" + video + "/comments/" + byCarol, bob);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("status").asInt()).isEqualTo(403);
        assertThat(api.delete("/api/v1/videos/" + video + "/comments/" + byBob, null).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/videos/" + video + "/comments/" + byBob, alice).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/videos/" + video + "/comments/" + byCarol, admin).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/videos/" + quiet + "/comments/" + another, carol).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/videos/" + video + "/comments/999999", carol).status()).isEqualTo(404);
    }

    @Test
    void aVideoWithCommentsDisabledRefusesThem() {
        Api.Res r = api.postJson("/api/v1/videos/" + quiet + "/comment-threads", bob, Map.of("text", "hello"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).containsIgnoringCase("disabled");
        assertThat(api.postJson("/api/v1/videos/999999/comment-threads", bob, Map.of("text", "x")).status()).isEqualTo(404);
        JsonNode v = api.get("/api/v1/videos/" + quiet).json();
        assertThat(v.get("commentsPolicy").get("id").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/videos/" + reviewed).json().get("commentsPolicy").get("label").asText())
                .isEqualTo("Requires approval");
    }

    @Test
    void commentsHeldForReviewWaitForTheOwnersApproval() {
        long before = commentCount(reviewed);
        JsonNode held = post(bob, reviewed, "please approve me");
        assertThat(commentCount(reviewed)).as("a held comment is not counted").isEqualTo(before);
        assertThat(held.get("heldForReview").asBoolean()).isTrue();
        long id = held.get("id").asLong();
        assertThat(ids(threads(reviewed, null, "").get("data"))).doesNotContain(id);
        assertThat(ids(threads(reviewed, carol, "").get("data"))).doesNotContain(id);
        assertThat(ids(threads(reviewed, bob, "").get("data"))).contains(id);
        assertThat(ids(threads(reviewed, alice, "").get("data"))).contains(id);
        assertThat(api.get("/api/v1/videos/" + reviewed + "/comment-threads/" + id).status()).isEqualTo(404);
        JsonNode own = post(alice, reviewed, "the owner is never held");
        assertThat(own.get("heldForReview").asBoolean()).isFalse();

        JsonNode queue = api.get("/api/v1/users/me/videos/comments?isHeldForReview=true", alice).json();
        assertThat(ids(queue.get("data"))).contains(id).doesNotContain(own.get("id").asLong());
        assertThat(queue.get("data").get(0).get("video").get("id").asLong()).isEqualTo(reviewed);
        assertThat(ids(api.get("/api/v1/users/me/videos/comments?isHeldForReview=true", bob).json().get("data"))).isEmpty();

        String approve = "/api/v1/videos/" + reviewed + "/comments/" + id + "/approve";
        assertThat(api.postJson(approve, carol, Map.of()).status()).as("a held comment is not seen by others").isEqualTo(404);
        assertThat(api.postJson(approve, bob, Map.of()).status()).as("its author does not approve it").isEqualTo(403);
        assertThat(api.postJson(approve, alice, Map.of()).status()).isEqualTo(204);
        assertThat(commentCount(reviewed)).as("the owner's own and the approved one").isEqualTo(before + 2);
        assertThat(ids(threads(reviewed, null, "").get("data"))).contains(id);
        assertThat(ids(api.get("/api/v1/users/me/videos/comments?isHeldForReview=true", alice).json().get("data")))
                .doesNotContain(id);
    }

    @Test
    void emptyAndOverlongCommentsAreRefused() {
        for (String text : new String[]{"", "   \n ", "x".repeat(10_001)}) {
            Api.Res r = api.postJson("/api/v1/videos/" + video + "/comment-threads", carol, Map.of("text", text));
            assertThat(r.status()).as(text.length() + " characters").isEqualTo(400);
        }
        assertThat(api.postJson("/api/v1/videos/" + video + "/comment-threads", carol, Map.of()).status()).isEqualTo(400);
        assertThat(post(carol, video, "y".repeat(10_000)).get("text").asText()).hasSize(10_000);
        assertThat(api.postJson("/api/v1/videos/" + video + "/comment-threads", null, Map.of("text", "hi")).status())
                .isEqualTo(401);
    }

    static int postFrom(String token, String address, String text) {
        return api.send(api.request("/api/v1/videos/" + busy + "/comment-threads", token)
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(Api.write(Map.of("text", text))))).status();
    }

    @Test
    void commentsAreLimitedPerUserAndPerAddress() {
        String dan = api.createUser(admin, "dan", "dan-secret-1");
        for (int i = 0; i < PER_USER; i++) {
            assertThat(postFrom(dan, "203.0.113." + (i + 1), "dan " + i)).isEqualTo(200);
        }
        assertThat(postFrom(dan, "203.0.113.200", "one too many")).isEqualTo(429);

        int sent = 0;
        int user = 0;
        while (sent < PER_ADDRESS) {
            String t = api.createUser(admin, "neighbour" + user++, "neighbour-secret-1");
            for (int i = 0; i < PER_USER - 1 && sent < PER_ADDRESS; i++, sent++) {
                assertThat(postFrom(t, "198.51.100.7", "from the same house " + sent)).isEqualTo(200);
            }
        }
        String fresh = api.createUser(admin, "newcomer", "newcomer-secret-1");
        assertThat(postFrom(fresh, "198.51.100.7", "over the house's limit")).isEqualTo(429);
        assertThat(postFrom(fresh, "198.51.100.8", "from next door")).isEqualTo(200);
    }
}

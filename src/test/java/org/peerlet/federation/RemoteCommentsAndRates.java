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

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Mastodon-shaped Note (HTML with a mention, a hashtag, a content warning and everything a
 * hostile server could add) is cleaned before it is stored, and shows as PeerTube's subset;
 * Likes, Dislikes and their Undo from another server are folded into the video's counts.
 */
class RemoteCommentsAndRates {
    static TestServer server;
    static Api api;
    static FakeRemote mastodon;
    static Path clips;
    static String alice;
    static String uuid;
    static long videoId;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TwoInstancesFederate.DEV);
        api = server.api();
        mastodon = new FakeRemote();
        mastodon.person("gran");
        alice = api.createUser(api.adminToken(), "alice", "alice-secret-1");
        clips = Files.createTempDirectory("clips");
        Uploads uploads = new Uploads(api);
        videoId = uploads.upload(alice, "Sunday lunch", 1, TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10));
        uuid = uploads.awaitPublished(alice, videoId).get("uuid").asText();
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    static int deliver(Map<String, Object> note) {
        return send(activity("Create", note));
    }

    static Map<String, Object> activity(String type, Object object) {
        return Map.of("@context", "https://www.w3.org/ns/activitystreams", "type", type,
                "id", mastodon.base() + "/activities/" + UUID.randomUUID(), "actor", mastodon.actorUrl("gran"),
                "object", object, "to", java.util.List.of("https://www.w3.org/ns/activitystreams#Public"));
    }

    /** Posts an activity to the inbox signed with gran's key, as her server would. */
    static int send(Map<String, Object> activity) {
        return api.send(mastodon.signedPost(URI.create(api.base() + "/inbox"), "gran", Api.write(activity))).status();
    }

    static Map<String, Object> note(String inReplyTo, String content, String summary) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("type", "Note");
        n.put("id", mastodon.actorUrl("gran") + "/statuses/" + UUID.randomUUID());
        n.put("attributedTo", mastodon.actorUrl("gran"));
        n.put("inReplyTo", inReplyTo);
        n.put("content", content);
        if (summary != null) n.put("summary", summary);
        n.put("sensitive", summary != null);
        n.put("published", Instant.now().toString());
        n.put("to", java.util.List.of("https://www.w3.org/ns/activitystreams#Public"));
        return n;
    }

    /** The video's ActivityPub id, under the instance's public address. */
    static String videoUrl() {
        return "http://localhost:" + server.app().port() + "/videos/watch/" + uuid;
    }

    static JsonNode threads() {
        return api.get("/api/v1/videos/" + videoId + "/comment-threads?count=100").json();
    }

    static JsonNode byUrl(JsonNode list, String url) {
        for (JsonNode c : list) if (c.get("url").asText().equals(url)) return c;
        return null;
    }

    @Test
    void hostileHtmlIsCutDownAndTheContentWarningKept() {
        String content = "<p>Lovely! <span class=\"h-card\"><a href=\"https://mastodon.example/@alice\" class=\"u-url mention\">"
                + "@<span>alice</span></a></span> <script>alert(1)</script><img src=\"x\" onerror=\"alert(2)\">"
                + "<a href=\"javascript:alert(3)\">click</a> <b style=\"position:fixed\" onclick=\"steal()\">bold</b>"
                + "<iframe src=\"https://evil.example/\"></iframe><style>body{display:none}</style>"
                + "<a href=\"https://mastodon.example/tags/family\" class=\"mention hashtag\" rel=\"tag\">#<span>family</span></a></p>";
        Map<String, Object> n = note(videoUrl(), content, "Food pictures");
        assertThat(deliver(n)).isEqualTo(202);
        String url = (String) n.get("id");
        Await.until("the Note on the video", () -> byUrl(threads().get("data"), url) != null);
        JsonNode c = byUrl(threads().get("data"), url);

        String stored = (String) Sql.column(server.dataDir().resolve("peerlet.db"),
                "SELECT text FROM video_comments WHERE url = ?", url).get(0);
        for (String shown : new String[]{stored, c.get("text").asText(), c.get("textHtml").asText()}) {
            String lower = shown.toLowerCase();
            assertThat(lower).doesNotContain("<script").doesNotContain("onerror").doesNotContain("<img")
                    .doesNotContain("javascript:").doesNotContain("style").doesNotContain("onclick")
                    .doesNotContain("<iframe").doesNotContain("alert(");
            assertThat(shown).contains("href=\"https://mastodon.example/@alice\"").contains("Lovely!")
                    .contains("rel=\"nofollow noopener noreferrer\"").contains("#<span>family</span>")
                    .contains("<b>bold</b>");
        }
        assertThat(c.get("contentWarning").asText()).isEqualTo("Food pictures");
        assertThat(c.get("account").get("host").asText()).isEqualTo(mastodon.host());
    }

    @Test
    void aReplyToACommentJoinsItsThread() {
        JsonNode root = api.postJson("/api/v1/videos/" + videoId + "/comment-threads", alice,
                Map.of("text", "Who wants the recipe?")).json().get("comment");
        Map<String, Object> n = note(root.get("url").asText(), "<p>Me! <script>x()</script></p>", null);
        assertThat(deliver(n)).isEqualTo(202);
        String path = "/api/v1/videos/" + videoId + "/comment-threads/" + root.get("id").asLong();
        Await.until("the reply in the thread", () -> api.get(path).json().get("children").size() == 1);
        JsonNode reply = api.get(path).json().get("children").get(0).get("comment");
        assertThat(reply.get("text").asText()).isEqualTo("<p>Me! </p>");
        assertThat(reply.get("contentWarning").isNull()).isTrue();
        assertThat(reply.get("inReplyToCommentId").asLong()).isEqualTo(root.get("id").asLong());
    }

    @Test
    void aNoteWithNothingLeftToSayIsDropped() {
        Map<String, Object> n = note(videoUrl(), "<script>alert(1)</script><img src=x>", null);
        assertThat(deliver(n)).isEqualTo(202);
        Map<String, Object> after = note(videoUrl(), "<p>a real one</p>", null);
        assertThat(deliver(after)).isEqualTo(202);
        Await.until("the later Note", () -> byUrl(threads().get("data"), (String) after.get("id")) != null);
        assertThat(byUrl(threads().get("data"), (String) n.get("id"))).isNull();
    }

    static JsonNode counts() {
        return api.get("/api/v1/videos/" + videoId).json();
    }

    @Test
    void likesAndDislikesFromAnotherServerAreCountedAndTakenBack() {
        String video = videoUrl();
        long likes = counts().get("likes").asLong();
        Map<String, Object> like = activity("Like", video);
        assertThat(send(like)).isEqualTo(202);
        Await.until("the remote like counted", () -> counts().get("likes").asLong() == likes + 1);
        assertThat(send(activity("Undo", like))).isEqualTo(202);
        Await.until("the like taken back", () -> counts().get("likes").asLong() == likes);
        long dislikes = counts().get("dislikes").asLong();
        assertThat(send(activity("Dislike", video))).isEqualTo(202);
        Await.until("the remote dislike counted", () -> counts().get("dislikes").asLong() == dislikes + 1);
        assertThat(counts().get("likes").asLong()).isEqualTo(likes);
    }
}

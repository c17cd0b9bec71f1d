package org.peerlet.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.federation.FakeRemote;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.Uploads;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner of a video that holds comments for approval sees them on My videos, a remote one's
 * content warning closed until opened, and approves one (everyone then sees it under the video)
 * and deletes the other (no one ever does).
 */
class ApprovalQueueBrowserTest extends BrowserPages {
    static FakeRemote mastodon;
    static String shortUuid;
    static long videoId;

    @BeforeAll
    static void start() throws Exception {
        String admin = startServer("approval-browser", Map.of("PEERLET_FEDERATION_ALLOW_LOOPBACK", "true",
                "PEERLET_FEDERATION_ALLOW_HTTP", "true"));
        mastodon = new FakeRemote();
        mastodon.person("gran");
        Api api = server.api();
        String papa = api.createUser(admin, "papa", "papa-secret-1");
        String tom = api.createUser(admin, "tom", "tom-secret-1");
        Uploads uploads = new Uploads(api);
        videoId = uploads.upload(papa, "First steps", 1, TestClips.h264Aac(work.resolve("clip.mp4"), 160, 90, 1.0, 10));
        String uuid = uploads.awaitPublished(papa, videoId).get("uuid").asText();
        shortUuid = api.get("/api/v1/videos/" + videoId).json().get("shortUUID").asText();
        assertThat(api.putJson("/api/v1/videos/" + videoId, papa, Map.of("commentsPolicy", 3)).status()).isEqualTo(204);
        assertThat(api.postJson("/api/v1/videos/" + videoId + "/comment-threads", tom, Map.of("text", "Buy cheap pills"))
                .json().get("comment").get("heldForReview").asBoolean()).isTrue();
        assertThat(deliver(api, "http://localhost:" + server.app().port() + "/videos/watch/" + uuid)).isEqualTo(202);
        Await.until("both comments held", () -> api.get("/api/v1/users/me/videos/comments?isHeldForReview=true", papa)
                .json().get("total").asInt() == 2);
        startBrowser("--window-size=1280,900", "--lang=en-US");
    }

    @AfterAll
    static void stopRemote() {
        if (mastodon != null) mastodon.close();
    }

    /** Gran's reply from her Mastodon, behind a content warning, signed with her key. */
    static int deliver(Api api, String videoUrl) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("type", "Note");
        note.put("id", mastodon.actorUrl("gran") + "/statuses/" + UUID.randomUUID());
        note.put("attributedTo", mastodon.actorUrl("gran"));
        note.put("inReplyTo", videoUrl);
        note.put("content", "<p>He walks like his grandfather!</p>");
        note.put("summary", "Family secrets");
        note.put("sensitive", true);
        note.put("published", Instant.now().toString());
        note.put("to", List.of("https://www.w3.org/ns/activitystreams#Public"));
        String body = Api.write(Map.of("@context", "https://www.w3.org/ns/activitystreams", "type", "Create",
                "id", mastodon.base() + "/activities/" + UUID.randomUUID(), "actor", mastodon.actorUrl("gran"),
                "object", note, "to", List.of("https://www.w3.org/ns/activitystreams#Public")));
        return api.send(mastodon.signedPost(URI.create(api.base() + "/inbox"), "gran", body)).status();
    }

    static WebElement held(String author) {
        return wait.until(d -> d.findElements(By.cssSelector("#held-comments .held-item")).stream()
                .filter(e -> e.getText().contains(author)).findFirst().orElse(null));
    }

    @Test
    void theOwnerApprovesOneHeldCommentAndDeletesTheOther() throws Exception {
        open("/");
        js("localStorage.clear()");
        login("papa", "papa-secret-1");
        open("/my-videos");
        WebElement gran = held("gran");
        WebElement warning = gran.findElement(By.cssSelector("details.content-warning"));
        assertThat(warning.getAttribute("open")).as("the warning starts closed").isNull();
        assertThat(warning.findElement(By.tagName("summary")).getText()).contains("Family secrets");
        WebElement text = warning.findElement(By.cssSelector(".comment-body"));
        assertThat(text.isDisplayed()).isFalse();
        press(warning.findElement(By.tagName("summary")));
        wait.until(ExpectedConditions.visibilityOf(text));
        assertThat(text.getText()).isEqualTo("He walks like his grandfather!");
        assertThat(gran.getText()).contains("First steps");

        press(gran.findElement(By.cssSelector("button.approve")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#held-comments .messages"), "Comment approved"));
        WebElement tom = held("tom");
        press(tom.findElement(By.cssSelector("button.delete-held")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#held-comments .messages"), "Comment deleted"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("held-comments"), "No comment waits"));

        // Everyone sees the approved one under the video; the deleted one is nowhere.
        Api api = server.api();
        String papa = api.token("papa", "papa-secret-1");
        assertThat(api.get("/api/v1/users/me/videos/comments?isHeldForReview=true", papa).json().get("total").asInt()).isZero();
        String threads = api.get("/api/v1/videos/" + videoId + "/comment-threads").json().toString();
        assertThat(threads).contains("He walks like his grandfather!").doesNotContain("cheap pills");
        open("/w/" + shortUuid);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-list"), "Family secrets"));
    }
}

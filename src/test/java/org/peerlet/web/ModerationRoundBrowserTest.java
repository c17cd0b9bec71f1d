package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moderation round in a real Chromium: a user reports a comment and a video from the watch
 * page; the admin finds both in the queue, hides the video with a reason and bans the commenter;
 * the video's owner reads the reason on its page; the banned commenter cannot log in.
 */
class ModerationRoundBrowserTest extends BrowserPages {
    static String admin;
    static String shortUuid;
    static long commentId;
    static long bobId;

    @BeforeAll
    static void start() throws Exception {
        admin = startServer("moderation-browser");
        Api api = server.api();
        String alice = api.createUser(admin, "alice", "alice-secret-1");
        String bob = api.createUser(admin, "bob", "bob-secret-1");
        api.createUser(admin, "carol", "carol-secret-1");
        bobId = api.get("/api/v1/users/me", bob).json().get("id").asLong();
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 1.0, 15);
        JsonNode v = publishedVideo(alice, Map.of("name", "Cheap pills here", "privacy", 1), clip);
        shortUuid = v.get("shortUUID").asText();
        commentId = api.postJson("/api/v1/videos/" + v.get("id").asLong() + "/comment-threads", bob,
                Map.of("text", "You are all idiots")).json().get("comment").get("id").asLong();
        startBrowser();
    }

    static void signOut() {
        driver.get("about:blank");
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
    }

    static void report(String key, String reason) {
        driver.findElement(By.id("report-" + key)).click();
        driver.findElement(By.id("report-reason-" + key)).sendKeys(reason);
        driver.findElement(By.cssSelector("#report-form-" + key + " button[type=submit]")).click();
    }

    @Test
    void aReportedVideoIsHiddenWithAReasonAndTheCommenterBanned() throws Exception {
        login("carol", "carol-secret-1");
        open("/w/" + shortUuid);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-comment-" + commentId)));
        report("video", "It sells pills");
        report("comment-" + commentId, "Insults everyone");
        wait.until(d -> d.findElements(By.cssSelector(".report .notice.ok")).size() == 2);
        shot("moderation-reported");

        signOut();
        login("admin", TestServer.ADMIN_PASSWORD);
        open("/admin");
        wait.until(d -> d.findElements(By.cssSelector("#reports-list .report-item")).size() == 2);
        WebElement video = driver.findElement(By.cssSelector("#reports-list .report-item[data-kind=video]"));
        assertThat(video.getText()).contains("Cheap pills here", "It sells pills", "carol");
        video.findElement(By.cssSelector("input")).sendKeys("Advertising is not allowed here");
        press(video.findElement(By.xpath(".//button[text()='Hide the video']")));
        // The queue is drawn again once the video is hidden: its button goes.
        wait.until(d -> d.findElements(By.xpath("//li[@data-kind='video']//button[text()='Hide the video']")).isEmpty());
        assertThat(server.api().get("/api/v1/videos/blacklist", admin).json().get("data").get(0).get("reason").asText())
                .isEqualTo("Advertising is not allowed here");
        WebElement comment = driver.findElement(By.cssSelector("#reports-list .report-item[data-kind=comment]"));
        assertThat(comment.getText()).contains("You are all idiots", "Insults everyone");
        press(comment.findElement(By.xpath(".//button[text()='Ban the author']")));
        wait.until(d -> server.api().get("/api/v1/users/" + bobId, admin).json().get("blocked").asBoolean());
        shot("moderation-queue");

        signOut();
        login("alice", "alice-secret-1");
        open("/w/" + shortUuid);
        assertThat(driver.findElement(By.id("video-blocked")).getText()).contains("Advertising is not allowed here");
        shot("moderation-owner-reads-why");

        signOut();
        open("/login");
        driver.findElement(By.id("username")).sendKeys("bob");
        driver.findElement(By.id("password")).sendKeys("bob-secret-1", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(driver.findElement(By.id("nav")).getText()).doesNotContain("bob");
        assertThat(server.api().login("bob", "bob-secret-1").status()).isEqualTo(400);
    }
}

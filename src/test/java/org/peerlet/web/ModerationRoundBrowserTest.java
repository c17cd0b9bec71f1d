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
 * the video's owner reads the reason on its page; the banned commenter cannot log in. And the
 * rest of running a community: a moderator's admin page (queues, mutes, watched words, not the
 * admin's settings), a person muting an account from its page, the admin reading the audit log
 * and resetting a password.
 */
class ModerationRoundBrowserTest extends BrowserPages {
    static String admin;
    static String shortUuid;
    static long commentId;
    static long bobId;
    static long erinId;

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
        assertThat(api.postJson("/api/v1/users", admin, Map.of("username", "mona", "password", "mona-secret-1",
                "email", "mona@example.org", "role", 1)).status()).isEqualTo(200);
        String dan = api.createUser(admin, "dan", "dan-secret-1");
        erinId = api.get("/api/v1/users/me", api.createUser(admin, "erin", "erin-secret-1")).json().get("id").asLong();
        publishedVideo(dan, Map.of("name", "Dan dances", "privacy", 1), clip);
        startBrowser();
    }

    static java.util.List<String> listed(String token) {
        return Api.names(server.api().get("/api/v1/videos?count=100", token).json().get("data"), "name");
    }

    static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> shown(String css) {
        return d -> !d.findElements(By.cssSelector(css)).isEmpty();
    }

    @Test
    void moderatorsMuteForAllPeopleForThemselvesAndTheAdminReadsTheLog() throws Exception {
        signOut();
        login("mona", "mona-secret-1");
        open("/admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("instance-muted-accounts-input")));
        wait.until(shown("#reports-list"));
        assertThat(driver.findElements(By.id("instance-form"))).as("the admin's settings").isEmpty();
        assertThat(driver.findElements(By.id("audit"))).as("the audit log").isEmpty();
        driver.findElement(By.id("instance-muted-accounts-input")).sendKeys("dan", Keys.ENTER);
        wait.until(shown("#instance-muted-accounts-list li[data-name^='dan@']"));
        assertThat(listed(null)).doesNotContain("Dan dances");
        press(driver.findElement(By.cssSelector("#instance-muted-accounts-list li[data-name^='dan@'] button.unmute")));
        wait.until(d -> d.findElements(By.cssSelector("#instance-muted-accounts-list li[data-name^='dan@']")).isEmpty());
        assertThat(listed(null)).contains("Dan dances");
        driver.findElement(By.id("server-words-name")).sendKeys("Insults");
        driver.findElement(By.id("server-words-words")).sendKeys("moron, cretin");
        press(driver.findElement(By.cssSelector("#server-words-form button[type=submit]")));
        wait.until(shown("#server-words-list li[data-list='Insults']"));
        shot("moderation-moderator-page");

        signOut();
        login("erin", "erin-secret-1");
        open("/a/dan");
        wait.until(ExpectedConditions.textToBe(By.id("mute-account"), "Mute this account"));
        press(driver.findElement(By.id("mute-account")));
        wait.until(ExpectedConditions.attributeToBe(By.id("mute-account"), "aria-pressed", "true"));
        String erin = server.api().token("erin", "erin-secret-1");
        assertThat(listed(erin)).doesNotContain("Dan dances");
        assertThat(listed(null)).contains("Dan dances");
        open("/settings");
        wait.until(shown("#my-muted-accounts-list li[data-name^='dan@']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quota-used"), "used of"));
        shot("moderation-my-mutes");

        signOut();
        login("admin", TestServer.ADMIN_PASSWORD);
        open("/admin");
        wait.until(shown("#audit-log tr[data-action='POST /api/v1/server/blocklist/accounts']"));
        assertThat(driver.findElement(By.cssSelector("#audit-log tr[data-action='POST /api/v1/server/blocklist/accounts']")).getText())
                .contains("mona", "Muted an account for everyone", "accountName=dan");
        WebElement row = driver.findElement(By.cssSelector("#users tr[data-user='erin']"));
        press(row.findElement(By.cssSelector("button.edit-user")));
        driver.findElement(By.id("edit-" + erinId + "-password")).sendKeys("erin-new-secret-2");
        press(driver.findElement(By.cssSelector(".edit-user-form button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users"), "erin"));
        wait.until(d -> d.findElements(By.cssSelector(".edit-user-form")).isEmpty());
        assertThat(server.api().login("erin", "erin-new-secret-2").status()).isEqualTo(200);
        assertThat(server.api().login("erin", "erin-secret-1").status()).isEqualTo(400);
        shot("moderation-audit-log");
        signOut();
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

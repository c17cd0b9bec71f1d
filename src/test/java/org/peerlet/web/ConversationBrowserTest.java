package org.peerlet.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.Uploads;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people of one family under a video, in a real Chromium: one comments, likes and
 * subscribes; the uploader answers with a reply carrying a script and an onerror attribute,
 * which stay inert; the thread opens with its reply, and a phone-sized screenshot is kept.
 */
class ConversationBrowserTest extends BrowserPages {
    static final String HOSTILE = "**Thanks!** <script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
    static String shortUuid;
    static String channel;

    @BeforeAll
    static void start() throws Exception {
        String admin = startServer("conversation-browser");
        Api api = server.api();
        String grandpa = api.createUser(admin, "grandpa", "grandpa-secret-1");
        api.createUser(admin, "lea", "lea-secret-1");
        Uploads uploads = new Uploads(api);
        long id = uploads.upload(grandpa, "Grandpa's garden", 1, TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 2.0, 15));
        shortUuid = uploads.awaitPublished(grandpa, id).get("shortUUID").asText();
        channel = api.get("/api/v1/users/me", grandpa).json().get("videoChannels").get(0).get("name").asText();
        startBrowser("--window-size=1280,900", "--lang=en-US");
    }

    static void loginAs(String name, String password) {
        open("/");
        js("localStorage.clear()");
        login(name, password);
        open("/w/" + shortUuid);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comments")));
    }

    static WebElement comment(String text) {
        return wait.until(d -> d.findElements(By.cssSelector("#comment-list .comment")).stream()
                .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
    }

    @Test
    void twoPeopleCommentReplyLikeAndSubscribe() throws Exception {
        loginAs("lea", "lea-secret-1");
        driver.findElement(By.id("comment-new")).sendKeys("What a lovely garden!");
        press(driver.findElement(By.cssSelector("#comments form.comment-form button[type=submit]")));
        comment("What a lovely garden!");

        WebElement like = driver.findElement(By.cssSelector(".rate-like"));
        press(like);
        wait.until(d -> "true".equals(like.getAttribute("aria-pressed")));
        assertThat(like.findElement(By.className("rate-count")).getText()).isEqualTo("1");

        WebElement subscribe = wait.until(ExpectedConditions.elementToBeClickable(By.id("subscribe")));
        press(subscribe);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscribe"), "Unsubscribe"));

        // The channel's page knows she follows it; after a reload, the watch page remembers both.
        open("/c/" + channel);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscribe"), "Unsubscribe"));
        open("/w/" + shortUuid);
        wait.until(d -> "true".equals(d.findElement(By.cssSelector(".rate-like")).getAttribute("aria-pressed")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscribe"), "Unsubscribe"));

        loginAs("grandpa", "grandpa-secret-1");
        WebElement hers = comment("What a lovely garden!");
        press(hers.findElement(By.cssSelector("button.reply")));
        WebElement reply = wait.until(d -> hers.findElement(By.cssSelector("textarea")));
        reply.sendKeys(HOSTILE);
        press(hers.findElement(By.cssSelector("form button[type=submit]")));
        wait.until(d -> !hers.findElements(By.cssSelector(".comment-replies .comment-body strong")).isEmpty());
        assertThat(js("return window.__xss")).isNull();
        assertThat(driver.findElements(By.cssSelector("#comments img, #comments script"))).isEmpty();

        // Seen fresh, the thread opens with its reply, still inert.
        loginAs("lea", "lea-secret-1");
        WebElement thread = comment("What a lovely garden!");
        press(thread.findElement(By.cssSelector("button.show-replies")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-list"), "Thanks!"));
        assertThat(js("return window.__xss")).isNull();
        assertThat(driver.findElements(By.cssSelector("#comments img, #comments script"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#comment-list .comment-replies .comment-body strong")).getText()).isEqualTo("Thanks!");

        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            js("document.getElementById('comments').scrollIntoView()");
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            shot("phone-watch-comments");
            assertThat(SHOTS.resolve("phone-watch-comments.png")).exists();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void theBellCountsANewSubscriberAtOnceAndTheNotificationsPageListsIt() {
        Api api = server.api();
        String admin = api.adminToken();
        api.createUser(admin, "oncle", "oncle-secret-1");
        String tata = api.createUser(admin, "tata", "tata-secret-1");
        open("/");
        js("localStorage.clear()");
        login("oncle", "oncle-secret-1");
        WebElement count = driver.findElement(By.id("bell-count"));
        assertThat(count.isDisplayed()).as("nothing unread").isFalse();

        // Told while the page stays open: the count arrives over the live stream, no reload.
        String oncles = api.get("/api/v1/users/me", api.token("oncle", "oncle-secret-1")).json().get("videoChannels").get(0)
                .get("name").asText();
        String host = api.get("/api/v1/video-channels/" + oncles).json().get("host").asText();
        assertThat(api.postJson("/api/v1/users/me/subscriptions", tata, Map.of("uri", oncles + "@" + host)).status()).isEqualTo(204);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bell-count"), "1"));
        assertThat(driver.findElement(By.id("bell")).getAttribute("aria-label")).isEqualTo("Notifications (1 unread)");

        driver.findElement(By.id("bell")).click();
        WebElement item = wait.until(d -> d.findElements(By.cssSelector(".notification.unread")).stream().findFirst().orElse(null));
        assertThat(item.getText()).contains("tata", "subscribed to your channel");
        press(driver.findElement(By.id("read-all")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("bell-count")));
        // The count may come over the stream before the page has drawn its list again.
        wait.until(d -> d.findElements(By.cssSelector(".notification.unread")).isEmpty());

        // The settings are kept: turned off, still off after a reload.
        WebElement newFollow = driver.findElement(By.id("notify-newFollow"));
        assertThat(newFollow.isSelected()).isTrue();
        press(newFollow);
        press(driver.findElement(By.cssSelector(".notification-settings button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".messages"), "Saved."));
        open("/my-account/notifications");
        assertThat(wait.until(d -> d.findElement(By.id("notify-newFollow"))).isSelected()).isFalse();
        assertThat(api.get("/api/v1/users/me", api.token("oncle", "oncle-secret-1")).json()
                .get("notificationSettings").get("newFollow").asInt()).isZero();
    }
}

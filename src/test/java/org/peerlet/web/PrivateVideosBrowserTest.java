package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-public videos in a real Chromium: a private video plays through a share link for someone
 * with no account (and not without it, nor once the link is revoked); a password-protected one
 * asks for its password; the owner creates a share link from "My videos" (for a video of its own,
 * whose badge counts the links).
 */
class PrivateVideosBrowserTest extends BrowserPages {
    static final String PASSWORD = "grandma-1942";

    static String admin;
    static String privateUuid;
    static String privateShort;
    static String protectedShort;
    static String linkedFromMyVideosUuid;

    @BeforeAll
    static void start() throws Exception {
        admin = startServer("private-browser");
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 3.0, 15);
        long v1 = upload(admin, Map.of("name", "Family secret", "privacy", 3), clip);
        long v2 = upload(admin, Map.of("name", "Birthday party", "privacy", 5, "videoPasswords[]", PASSWORD), clip);
        long v3 = upload(admin, Map.of("name", "Holiday film", "privacy", 3), clip);
        JsonNode secret = published(admin, v1);
        privateUuid = secret.get("uuid").asText();
        privateShort = secret.get("shortUUID").asText();
        protectedShort = published(admin, v2).get("shortUUID").asText();
        linkedFromMyVideosUuid = published(admin, v3).get("uuid").asText();

        startBrowser("--window-size=1280,900", "--lang=en-US");
    }

    static void awaitPlaying() {
        wait.until(d -> ((Number) js("const v = document.querySelector('video'); return v ? v.currentTime : 0")).doubleValue() > 1.0);
    }

    @Test
    void shareLinkPlaysForSomeoneWithNoAccountUntilRevoked() {
        Api.Res r = server.api().postJson("/api/v1/videos/" + privateUuid + "/share-links", admin, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String token = r.json().get("shareLink").get("token").asText();
        long linkId = r.json().get("shareLink").get("id").asLong();

        open("/s/" + token);
        assertThat(driver.getCurrentUrl()).contains("/w/" + privateShort).contains("share=" + token);
        awaitPlaying();
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Family secret");
        // The player fetched the playlist with a file token; the tracker socket would carry it too.
        assertThat((String) js("return document.querySelector('video').poster")).contains("videoFileToken=");
        assertThat(js("return window.__p2pStats.enabled")).as("P2P on: %s", js("return window.__p2pStats.reason")).isEqualTo(true);
        assertThat((String) js("return window.__p2pStats.tracker")).contains("/tracker/socket?token=");

        // Keeping a copy: the download link, once clicked, carries a file token and serves the MP4.
        String href = (String) js("window.addEventListener('click', (e) => e.preventDefault(), { once: true });"
                + "const a = document.querySelector('a.download'); a.click(); return a.href");
        assertThat(href).contains("/download/streaming-playlists/hls/videos/").contains("videoFileToken=");
        Api.Res file = server.api().get(href);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("video/mp4");

        // Without the link: a clear refusal, and nothing of the video.
        open("/w/" + privateShort);
        assertThat(driver.findElement(By.id("access-refused")).getText()).contains("not allowed").contains("Log in");
        assertThat(driver.findElements(By.tagName("video"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("Family secret");

        // Revoked: the link says so.
        assertThat(server.api().delete("/api/v1/videos/" + privateUuid + "/share-links/" + linkId, admin).status()).isEqualTo(204);
        open("/s/" + token);
        assertThat(driver.findElement(By.id("access-refused")).getText()).contains("no longer works");
        assertThat(driver.findElements(By.tagName("video"))).isEmpty();
        open("/w/" + privateShort + "?share=" + token);
        assertThat(driver.findElement(By.id("access-refused")).getText()).contains("no longer works");
    }

    @Test
    void passwordProtectedVideoAsksForItsPassword() throws Exception {
        open("/w/" + protectedShort);
        assertThat(driver.findElement(By.cssSelector("label[for=video-password]")).getText()).isEqualTo("Video password");
        assertThat(driver.findElements(By.tagName("video"))).isEmpty();
        driver.findElement(By.id("video-password")).sendKeys("not-it", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("video-password-error"), "Wrong password"));
        assertThat(driver.findElement(By.id("video-password")).getAttribute("aria-invalid")).isEqualTo("true");
        shot("password-form");
        driver.findElement(By.id("video-password")).clear();
        driver.findElement(By.id("video-password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "Birthday party"));
        awaitPlaying();
    }

    @Test
    void ownerCreatesAShareLinkFromMyVideos() throws Exception {
        login("admin", TestServer.ADMIN_PASSWORD);
        assertThat(driver.findElement(By.id("nav")).getText()).contains("Shared with me");
        open("/my-videos");
        String row = "li[data-uuid='" + linkedFromMyVideosUuid + "']";
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(row + " .visibility-badge"), "Only you"));
        assertThat(driver.findElement(By.cssSelector(row + " .visibility-badge")).getText()).doesNotContain("share link");
        driver.findElement(By.cssSelector(row + " button.share-toggle")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(row + " .share-links"), "")); // loaded
        driver.findElement(By.cssSelector(row + " input[type=number]")).sendKeys("5");
        driver.findElement(By.cssSelector(row + " button.create-link")).click();
        var link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(row + " .new-link")));
        String url = link.getAttribute("value");
        assertThat(url).contains("/s/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(row + " .visibility-badge"), "+ 1 share link"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(row + " .share-links"), "0 of 5 views"));
        js("document.querySelector(arguments[0]).scrollIntoView()", row);
        shot("share-panel");
        // The link works for someone with no account.
        js("localStorage.removeItem('peerlet.session')");
        driver.get(url.replaceFirst("^https?://[^/]+", base));
        waitReady();
        awaitPlaying();
    }

    @Test
    void sharedWithMeListsItWithItsThumbnailAndPlaysIt() {
        server.api().createUser(admin, "bob", "bob-secret-1");
        Api.Res r = server.api().postJson("/api/v1/videos/" + privateUuid + "/shares", admin, Map.of("handle", "bob"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        login("bob", "bob-secret-1");
        driver.findElement(By.linkText("Shared with me")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "Shared with me"));
        waitReady();
        assertThat(driver.findElement(By.cssSelector("main .grid")).getText()).contains("Family secret")
                .doesNotContain("Birthday party").doesNotContain("Holiday film");
        wait.until(d -> Boolean.TRUE.equals(js("const i = document.querySelector('main .grid img'); return i.complete && i.naturalWidth > 0")));
        driver.findElement(By.linkText("Family secret")).click();
        awaitPlaying();
    }
}

package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A family album in a real Chromium: the owner makes a private playlist of two private videos
 * from the UI (My playlists, "Save to playlist" under each video) and shares it with a named
 * family member, who finds it under "Playlists shared with me", plays it, and gets the second
 * video when the first ends.
 */
class PlaylistBrowserTest extends BrowserPages {
    static String alice;
    static JsonNode first;
    static JsonNode second;

    @BeforeAll
    static void start() throws Exception {
        String admin = startServer("playlist-browser");
        Api api = server.api();
        alice = api.createUser(admin, "alice", "alice-secret-1");
        api.createUser(admin, "nora", "nora-secret-1");
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 3.0, 15);
        first = publishedVideo(alice, Map.of("name", "Beach day", "privacy", 3), clip);
        second = publishedVideo(alice, Map.of("name", "Sandcastle", "privacy", 3), clip);
        // Each video keeps its own privacy: nora is one of the people both were shared with.
        for (JsonNode v : new JsonNode[]{first, second}) {
            assertThat(api.postJson("/api/v1/videos/" + v.get("id").asLong() + "/shares", alice, Map.of("handle", "nora")).status())
                    .isEqualTo(200);
        }
        startBrowser("--window-size=1280,900", "--lang=en-US");
    }

    static void saveToAlbum(JsonNode video) {
        open("/w/" + video.get("shortUUID").asText());
        driver.findElement(By.cssSelector("#playlist-add summary")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#playlist-add-select option")).isEmpty());
        new Select(driver.findElement(By.id("playlist-add-select"))).selectByVisibleText("Holidays 2025");
        driver.findElement(By.id("playlist-add-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("playlist-add-result"), "Added to Holidays 2025"));
    }

    @Test
    void aSharedPrivatePlaylistPlaysThroughForTheFamilyMember() throws Exception {
        login("alice", "alice-secret-1");
        open("/my-playlists");
        driver.findElement(By.id("playlist-name")).sendKeys("Holidays 2025");
        driver.findElement(By.cssSelector("#playlist-create button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/w/p/"));
        waitReady();
        String album = driver.getCurrentUrl().replaceFirst("^.*/w/p/", "").replaceFirst("\\?.*$", "");
        saveToAlbum(first);
        saveToAlbum(second);
        // The owner's page must not move on to the next video while she shares it: autoplay off (remembered).
        js("localStorage.setItem('peerlet.autoplay.playlist', 'off')");
        open("/w/p/" + album);
        assertThat(driver.findElement(By.id("playlist-elements")).getText()).contains("Beach day").contains("Sandcastle");
        driver.findElement(By.cssSelector("#playlist-share summary")).click();
        driver.findElement(By.id("playlist-share-handle")).sendKeys("nora");
        driver.findElement(By.id("playlist-share-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("playlist-share-result"), "Shared with nora"));
        shot("playlist-owner");

        js("localStorage.removeItem('peerlet.session'); localStorage.removeItem('peerlet.autoplay.playlist')");
        login("nora", "nora-secret-1");
        driver.findElement(By.linkText("My playlists")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shared-playlists"), "Holidays 2025"));
        driver.findElement(By.linkText("Holidays 2025")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#playlist-stage h1"), "Beach day"));
        wait.until(d -> ((Number) js("const v = document.querySelector('#playlist-stage video'); return v ? v.currentTime : 0")).doubleValue() > 0.5);
        // Near its end, so the test need not wait out the clip: the next one must follow by itself.
        js("const v = document.querySelector('#playlist-stage video'); v.currentTime = Math.max(0, v.duration - 0.3)");
        wait.until(ExpectedConditions.urlContains("playlistPosition=2"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#playlist-stage h1"), "Sandcastle"));
        wait.until(d -> ((Number) js("const v = document.querySelector('#playlist-stage video'); return v ? v.currentTime : 0")).doubleValue() > 0.5);
        assertThat(driver.findElement(By.cssSelector("#playlist-elements li[aria-current]")).getText()).isEqualTo("Sandcastle");
        shot("playlist-family");

        // Someone the album was not shared with sees nothing of it.
        js("localStorage.removeItem('peerlet.session')");
        open("/w/p/" + album);
        assertThat(driver.findElement(By.id("access-refused")).isDisplayed()).isTrue();
        assertThat(driver.getPageSource()).doesNotContain("Holidays 2025").doesNotContain("Beach day");
    }
}

package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.peerlet.testing.Api;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.TestClips;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resume, captions and chapters in a real Chromium, on one public twelve-second video: each test
 * starts signed out with nothing stored (another browser, as far as the page can tell).
 */
class LibraryBrowserTest extends BrowserPages {
    static String admin;
    static String grandma;
    static String uuid;
    static long id;

    @BeforeAll
    static void start() throws Exception {
        admin = startServer("library-browser");
        Api api = server.api();
        grandma = api.createUser(admin, "grandma", "grandma-secret-1");
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 12.0, 15);
        JsonNode v = publishedVideo(admin, Map.of("name", "Long recording", "privacy", 1,
                "description", "Skip to 0:08 for the cake."), clip);
        uuid = v.get("uuid").asText();
        id = v.get("id").asLong();
        Multipart caption = new Multipart().file("captionfile", "en.srt",
                "1\n00:00:00,000 --> 00:00:11,000\nHappy birthday\n".getBytes(StandardCharsets.UTF_8));
        Api.Res put = api.send(api.request("/api/v1/videos/" + uuid + "/captions/en", admin)
                .header("Content-Type", caption.contentType()).PUT(HttpRequest.BodyPublishers.ofByteArray(caption.bytes())));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        Api.Res chapters = api.putJson("/api/v1/videos/" + uuid + "/chapters", admin, Map.of("chapters",
                List.of(Map.of("timecode", 0, "title", "Arrival"), Map.of("timecode", 5, "title", "Candles"))));
        assertThat(chapters.status()).as(chapters.toString()).isEqualTo(204);
        startBrowser("--window-size=1280,900", "--lang=en-US");
    }

    static double currentTime() {
        return ((Number) js("return document.querySelector('video')?.currentTime || 0")).doubleValue();
    }

    static void awaitMetadata() {
        wait.until(d -> ((Number) js("return document.querySelector('video')?.readyState || 0")).intValue() >= 1);
    }

    @Test
    void aReturningViewerResumesWhereTheyStoppedInAnotherBrowser() {
        login("grandma", "grandma-secret-1");
        open("/w/" + uuid);
        awaitMetadata();
        js("const v = document.querySelector('video'); v.currentTime = 7; v.pause();");
        wait.until(d -> server.api().get("/api/v1/videos/" + uuid, grandma).json()
                .path("userHistory").path("currentTime").asInt() == 7);

        // A browser that never saw this video: no local storage, a new login.
        driver.get("about:blank");
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
        login("grandma", "grandma-secret-1");
        open("/w/" + uuid);
        wait.until(d -> currentTime() >= 7);
        double firstPlayed = ((Number) js("const p = document.querySelector('video').played; return p.length ? p.start(0) : -1")).doubleValue();
        assertThat(firstPlayed).as("started at the stopped position, not from 0").isGreaterThanOrEqualTo(6.5);

        open("/my-library/history/videos");
        wait.until(d -> !driver.findElements(By.cssSelector("#history-list .watched")).isEmpty());
        assertThat(driver.findElement(By.id("history-list")).getText()).contains("Long recording");
    }

    @Test
    void theStoryboardShowsThePictureUnderThePointer() {
        open("/w/" + uuid);
        awaitMetadata();
        js("document.querySelector('video').pause()");
        wait.until(d -> !driver.findElements(By.cssSelector(".timeline .storyboard")).isEmpty());
        var timeline = driver.findElement(By.cssSelector(".timeline"));
        js("arguments[0].scrollIntoView({block: 'center'})", timeline);
        // 80% of twelve seconds: the tenth sprite (one a second, counted from 0).
        int offset = (int) Math.round(timeline.getSize().getWidth() * 0.3);
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(timeline, offset, 0).perform();
        wait.until(d -> driver.findElement(By.cssSelector(".storyboard")).isDisplayed());
        assertThat(driver.findElement(By.cssSelector(".storyboard-picture")).getAttribute("data-sprite")).isEqualTo("9");
        assertThat(driver.findElement(By.cssSelector(".storyboard-time")).getText()).isEqualTo("0:09");
        // Sprite 9 of a row of eleven 192x108 sprites, and the sheet itself loaded.
        assertThat(js("return document.querySelector('.storyboard-picture').style.backgroundPosition")).isEqualTo("-1728px 0px");
        wait.until(d -> Boolean.TRUE.equals(js("return performance.getEntriesByType('resource')"
                + ".some((e) => e.name.includes('/lazy-static/storyboards/" + uuid + ".jpg') && e.responseStatus === 200)")));
        new org.openqa.selenium.interactions.Actions(driver).moveByOffset(0, 200).perform();
        wait.until(d -> !driver.findElement(By.cssSelector(".storyboard")).isDisplayed());
    }

    @Test
    void aCaptionTrackIsShownWhenPicked() {
        open("/w/" + uuid);
        wait.until(d -> !driver.findElements(By.id("captions")).isEmpty());
        new Select(driver.findElement(By.id("captions"))).selectByValue("en");
        wait.until(d -> Boolean.TRUE.equals(js("const t = document.querySelector('video').textTracks[0];"
                + " return t.mode === 'showing' && t.cues && t.cues.length === 1 && t.cues[0].text === 'Happy birthday'")));
        assertThat(js("return document.querySelector('video track').srclang")).isEqualTo("en");
    }

    @Test
    void aChapterMarkAndADescriptionTimestampSeek() {
        open("/w/" + uuid);
        awaitMetadata();
        wait.until(d -> !driver.findElements(By.cssSelector(".chapter-mark[data-timecode='5']")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".chapter-list")).getText()).contains("Arrival").contains("Candles");
        js("document.querySelector('video').pause()");
        driver.findElement(By.cssSelector(".chapter-mark[data-timecode='5']")).click();
        wait.until(d -> currentTime() >= 5 && currentTime() < 8);
        driver.findElement(By.cssSelector(".description a.timestamp[data-timecode='8']")).click();
        wait.until(d -> currentTime() >= 8);
    }
}

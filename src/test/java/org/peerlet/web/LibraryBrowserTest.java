package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.Api;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.TestClips;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resume, captions, chapters and the player's own controls in a real Chromium, on one public
 * twelve-second video (two rungs) and a twenty-second audio-only upload of the same channel: each
 * test starts signed out with nothing stored (another browser, as far as the page can tell).
 */
class LibraryBrowserTest extends BrowserPages {
    static String admin;
    static String grandma;
    static String uuid;
    static long id;
    static JsonNode song;

    @BeforeAll
    static void start() throws Exception {
        admin = startServer("library-browser");
        Api api = server.api();
        grandma = api.createUser(admin, "grandma", "grandma-secret-1");
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 640, 360, 12.0, 15);
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
        song = publishedVideo(admin, Map.of("name", "Birthday song", "privacy", 1),
                TestClips.audioOnly(work.resolve("song.m4a"), 20.0));
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

    /** The element is inside the one in full screen, laid out, and within the screen. */
    static boolean visibleInFullScreen(String selector) {
        return Boolean.TRUE.equals(js("const fs = document.fullscreenElement, e = document.querySelector(arguments[0]);"
                + " if (!fs || !e || !fs.contains(e)) return false;"
                + " const r = e.getBoundingClientRect(), s = getComputedStyle(e);"
                + " return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && s.visibility === 'visible' && s.opacity !== '0'", selector));
    }

    static void key(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    @Test
    void aCaptionTrackShowsInFullScreenWhereTheKeysAndTheQualityMenuWork() {
        open("/w/" + uuid);
        awaitMetadata();
        js("document.querySelector('video').pause()");
        wait.until(d -> d.findElement(By.id("quality-button")).isDisplayed() && !d.findElements(By.id("captions-button")).isEmpty());
        driver.findElement(By.id("player-fullscreen")).click();
        wait.until(d -> Boolean.TRUE.equals(js("return document.fullscreenElement === document.querySelector('.player')")));

        driver.findElement(By.id("captions-button")).click();
        driver.findElement(By.cssSelector("#captions-menu [data-value='en']")).click();
        wait.until(d -> visibleInFullScreen("#player-cues .player-cue") && visibleInFullScreen(".player-controls"));
        assertThat(driver.findElement(By.id("player-cues")).getText()).isEqualTo("Happy birthday");

        // The keys, as YouTube's: c turns captions off, > speeds up twice, 5 jumps to half, → and j move.
        key("c");
        wait.until(d -> driver.findElements(By.cssSelector("#player-cues .player-cue")).isEmpty());
        key(">");
        key(">");
        key("5");
        key(Keys.ARROW_RIGHT);
        key("j");
        key("m");
        wait.until(d -> Boolean.TRUE.equals(js("const v = document.querySelector('video');"
                + " return v.playbackRate === 1.5 && v.muted && Math.abs(v.currentTime - 1) < 0.05")));
        assertThat(driver.findElement(By.id("player-speed-button")).getText()).isEqualTo("1.5×");

        // The quality menu opens over the picture, still in full screen, and a rung can be picked.
        driver.findElement(By.id("quality-button")).click();
        wait.until(d -> visibleInFullScreen("#quality-menu"));
        assertThat(driver.findElements(By.cssSelector("#quality-menu [role=menuitemradio]")).stream().map(e -> e.getText()).toList())
                .containsExactly("Auto", "360p", "240p");
        driver.findElement(By.xpath("//*[@id='quality-menu']/*[normalize-space()='240p']")).click();
        wait.until(d -> "true".equals(d.findElement(By.xpath("//*[@id='quality-menu']/*[normalize-space()='240p']")).getAttribute("aria-checked"))
                && d.findElement(By.id("quality-button")).getText().equals("240p"));
        assertThat(js("return document.fullscreenElement === document.querySelector('.player')")).isEqualTo(true);
        key("f");
        wait.until(d -> js("return document.fullscreenElement") == null);
    }

    @Test
    void upNextIsTheChannelsOtherUploadAnAudioOneWithItsPosterAndTheatreModeStays() {
        open("/w/" + uuid);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("up-next"), "Birthday song"));
        // The switch is remembered (playing on by itself at the end is PlaylistBrowserTest's); the card leads there.
        driver.findElement(By.id("autoplay-next")).click();
        assertThat(js("return localStorage.getItem('peerlet.autoplay')")).isEqualTo("on");
        press(driver.findElement(By.cssSelector("#up-next .card-title a")));
        wait.until(ExpectedConditions.urlContains("/w/" + song.get("shortUUID").asText()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Birthday song"));
        waitReady();
        // Autoplay is on: paused here, so the song's own end does not move on while the test looks.
        awaitMetadata();
        js("document.querySelector('video').pause()");

        // An audio-only upload: a poster (no avatar on this channel: drawn bars), "Audio" for quality.
        wait.until(d -> d.findElement(By.id("audio-poster")).isDisplayed() && d.findElement(By.id("quality-button")).isDisplayed());
        assertThat(driver.findElements(By.cssSelector("#audio-poster .audio-wave rect"))).hasSize(48);
        driver.findElement(By.id("quality-button")).click();
        assertThat(driver.findElements(By.cssSelector("#quality-menu [role=menuitemradio]")).stream().map(e -> e.getText()).toList())
                .containsExactly("Auto", "Audio");
        JsonNode file = server.api().get("/api/v1/videos/" + song.get("uuid").asText()).json()
                .path("streamingPlaylists").path(0).path("files").path(0);
        assertThat(file.path("resolution").path("id").asInt()).isZero();
        assertThat(file.path("resolution").path("label").asText()).isEqualTo("Audio only");

        // Theatre mode, remembered: the next page opens in it.
        driver.findElement(By.id("player-theatre")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".watch-layout.theatre")).isEmpty());
        assertThat(js("return localStorage.getItem('peerlet.theatre')")).isEqualTo("on");
        open("/w/" + uuid);
        assertThat(driver.findElement(By.cssSelector(".watch-layout")).getAttribute("class")).contains("theatre");
        assertThat(driver.findElement(By.id("player-theatre")).getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void aVideoCardsMenuPutsItInWatchLater() {
        login("grandma", "grandma-secret-1");
        open("/");
        WebElement card = wait.until(d -> d.findElement(By.cssSelector(".card[data-uuid='" + uuid + "']")));
        press(card.findElement(By.cssSelector(".card-menu summary")));
        card.findElement(By.cssSelector(".watch-later")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".card-menu .messages")), "Added to Watch later"));
        long watchLater = StreamSupport.stream(server.api().get("/api/v1/users/me", grandma).json().path("specialPlaylists").spliterator(), false)
                .filter(p -> p.path("type").asInt() == 2).findFirst().orElseThrow().path("id").asLong();
        assertThat(server.api().get("/api/v1/video-playlists/" + watchLater + "/videos", grandma).json().path("data").path(0)
                .path("video").path("uuid").asText()).isEqualTo(uuid);
    }

    @Test
    void aChapterMarkAndADescriptionTimestampSeek() {
        open("/w/" + uuid);
        awaitMetadata();
        wait.until(d -> !driver.findElements(By.cssSelector(".chapter-mark[data-timecode='5']")).isEmpty());
        js("document.querySelector('video').pause()");
        driver.findElement(By.id("chapters-button")).click();
        assertThat(driver.findElement(By.id("chapters-menu")).getText()).contains("Arrival").contains("Candles");
        driver.findElement(By.id("chapters-button")).click();
        driver.findElement(By.cssSelector(".chapter-mark[data-timecode='5']")).click();
        wait.until(d -> currentTime() >= 5 && currentTime() < 8);
        driver.findElement(By.cssSelector(".description a.timestamp[data-timecode='8']")).click();
        wait.until(d -> currentTime() >= 8);
    }
}

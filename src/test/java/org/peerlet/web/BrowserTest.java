package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real headless Chromium against the real server: log in, upload through the
 * resumable protocol (with a dropped connection), watch transcoding, play, edit, share, delete,
 * a phone-sized screen, and an XSS attempt that must stay text. One server and one browser; the
 * videos the tests watch, edit or delete are published before them, one each for those that change it.
 */
class BrowserTest extends BrowserPages {
    static final String TITLE = "Browser clip";
    static final String UPLOADED = "Uploaded clip";
    static final String XSS = "<img src=x onerror=window.__xss=1>";

    static String adminToken;
    /** Watched, listed and shared, never changed. */
    static String uuid;
    static String shortUuid;
    static JsonNode toRename;
    static JsonNode toScript;
    static JsonNode toDelete;

    @BeforeAll
    static void start() throws Exception {
        adminToken = startServer("browser-test");
        // 3 s: the player test pauses it after a second of play, before its end.
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 3.0, 15);
        long watched = upload(adminToken, Map.of("name", TITLE, "privacy", 1, "description", "First line\nSecond line"), clip);
        long rename = upload(adminToken, Map.of("name", "Clip to rename", "privacy", 1), clip);
        long script = upload(adminToken, Map.of("name", "Clip to script", "privacy", 2), clip);
        long delete = upload(adminToken, Map.of("name", "Clip to delete", "privacy", 2), clip);
        JsonNode v = published(adminToken, watched);
        uuid = v.get("uuid").asText();
        shortUuid = v.get("shortUUID").asText();
        toRename = published(adminToken, rename);
        toScript = published(adminToken, script);
        toDelete = published(adminToken, delete);
        startBrowser("--window-size=1366,900");
    }

    static void loginAsAdmin() {
        login("admin", TestServer.ADMIN_PASSWORD);
    }

    static void go(String path) {
        js("document.documentElement.dataset.page=''; history.pushState(null,'',arguments[0]); dispatchEvent(new PopStateEvent('popstate'))", path);
        waitReady();
    }

    static String h1() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    @Test
    void logsInThroughTheForm() {
        open("/login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("wrong-password");
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form [role=alert]")));
        // The API's own words reach the person.
        JsonNode refused = server.api().login("admin", "wrong-password").json();
        assertThat(alert.getText()).contains(refused.get("detail").asText());

        WebElement password = driver.findElement(By.id("password"));
        password.clear();
        password.sendKeys(TestServer.ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "Log out"));
        assertThat(driver.findElement(By.id("nav")).getText()).contains("Upload", "My videos", "Admin");
        assertThat(js("return JSON.parse(localStorage.getItem('peerlet.session')).refreshToken")).isNotNull();
    }

    @Test
    void uploadsWithProgressSurvivesADroppedConnectionAndWaitsForTranscoding() throws Exception {
        loginAsAdmin();
        Path clip = TestClips.h264Aac(work.resolve("browser-clip.mp4"), 320, 180, 3.0, 15);
        long size = Files.size(clip);
        // Small chunks so the bar moves through several steps with a 3 s clip.
        int chunk = (int) Math.max(4096, size / 8);
        js("localStorage.setItem('peerlet.uploadChunkBytes', arguments[0])", String.valueOf(chunk));
        go("/upload");
        assertThat(h1()).isEqualTo("Upload a video");
        // Record what the bar shows, and cut the connection once during the third chunk.
        js("""
                window.__bar = [];
                window.__puts = 0;
                const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
                XMLHttpRequest.prototype.open = function (m) { this.__method = m; return open.apply(this, arguments); };
                XMLHttpRequest.prototype.send = function (body) {
                  if (this.__method === 'PUT' && body && ++window.__puts === 3) {
                    setTimeout(() => this.onerror(), 20);
                    return;
                  }
                  return send.call(this, body);
                };
                new MutationObserver(() => {
                  const b = document.getElementById('upload-bar');
                  if (b && window.__bar[window.__bar.length - 1] !== b.value) window.__bar.push(b.value);
                }).observe(document.getElementById('app'), {subtree: true, childList: true, attributes: true, characterData: true});
                """);
        driver.findElement(By.id("file")).sendKeys(clip.toAbsolutePath().toString());
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("browser-clip");
        WebElement name = driver.findElement(By.id("name"));
        name.clear();
        name.sendKeys(UPLOADED);
        assertThat(new Select(driver.findElement(By.id("privacy"))).getFirstSelectedOption().getText()).isEqualTo("Private");
        new Select(driver.findElement(By.id("privacy"))).selectByVisibleText("Public");
        driver.findElement(By.id("description")).sendKeys("First line\nSecond line");
        shot("upload-form");
        driver.findElement(By.id("upload-submit")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".upload-progress"), "The connection dropped"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transcode-text")));
        assertThat(driver.findElement(By.id("upload-text")).getText()).contains("(100 %)");
        @SuppressWarnings("unchecked")
        List<Number> bar = (List<Number>) js("return window.__bar");
        assertThat(bar.size()).as("bar values %s", bar).isGreaterThanOrEqualTo(4);
        assertThat(bar.get(bar.size() - 1).longValue()).isEqualTo(size);
        assertThat(bar.stream().anyMatch(v -> v.longValue() > 0 && v.longValue() < size)).isTrue();

        WebElement watch = waitUpTo(Duration.ofSeconds(60))
                .until(ExpectedConditions.elementToBeClickable(By.id("watch-link")));
        assertThat(driver.findElement(By.id("transcode-text")).getText()).isEqualTo("Your video is ready.");
        shot("upload");
        js("localStorage.removeItem('peerlet.uploadChunkBytes')");

        List<JsonNode> mine = new java.util.ArrayList<>();
        server.api().get("/api/v1/users/me/videos?count=100", adminToken).json().get("data").forEach(v -> {
            if (v.get("name").asText().equals(UPLOADED)) mine.add(v);
        });
        assertThat(mine).hasSize(1);
        JsonNode uploaded = mine.get(0);
        assertThat(uploaded.get("privacy").get("id").asInt()).isEqualTo(1);
        assertThat(watch.getAttribute("href")).endsWith("/w/" + uploaded.get("shortUUID").asText());
        // The stored file is the whole clip, byte for byte, despite the dropped chunk.
        assertThat(Files.readAllBytes(server.dataDir().resolve("originals/" + uploaded.get("uuid").asText() + ".mp4")))
                .isEqualTo(Files.readAllBytes(clip));
    }

    @Test
    void homeListsItWithABadge() throws Exception {
        loginAsAdmin();
        open("/");
        By ours = By.xpath("//*[contains(@class,'grid')]//*[contains(concat(' ',@class,' '),' card ')][.//*[text()='" + TITLE + "']]");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(ours));
        assertThat(card.getText()).contains(TITLE, "Public");
        wait.until(d -> js("const i = arguments[0].querySelector('img'); return i.complete && i.naturalWidth > 0", card).equals(true));
        shot("home");
        // The system's dark mode is followed.
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(17, 19, 23)");
            shot("home-dark");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        // The channel page lists it too.
        card.findElement(By.cssSelector(".card-meta a")).click();
        waitReady();
        assertThat(driver.getCurrentUrl()).contains("/c/");
        assertThat(h1()).isEqualTo("Main root channel");
        assertThat(driver.findElement(By.cssSelector(".grid")).getText()).contains(TITLE);
    }

    @Test
    void playsTheVideo() throws Exception {
        loginAsAdmin();
        open("/w/" + shortUuid);
        assertThat(h1()).isEqualTo(TITLE);
        wait
                .until(d -> ((Number) js("const v = document.querySelector('video'); return v ? v.currentTime : 0")).doubleValue() > 1.0);
        double firstFrame = ((Number) js("return window.peerletMetrics.firstFrameMs")).doubleValue();
        double sincePlayer = ((Number) js("return window.peerletMetrics.firstFrameSincePlayerMs")).doubleValue();
        System.out.printf("time to first frame: %.0f ms from navigation, %.0f ms from player creation%n", firstFrame, sincePlayer);
        assertThat(firstFrame).isLessThan(10_000);
        assertThat(driver.findElement(By.cssSelector(".description")).getText()).isEqualTo("First line\nSecond line");
        assertThat(driver.findElement(By.cssSelector(".watch-meta")).getText()).contains("Public");

        // Keyboard: m mutes, k pauses; the volume is remembered.
        driver.findElement(By.tagName("body")).sendKeys("m");
        assertThat(js("return document.querySelector('video').muted")).isEqualTo(true);
        driver.findElement(By.tagName("body")).sendKeys("k");
        assertThat(js("return document.querySelector('video').paused")).isEqualTo(true);
        assertThat(js("return JSON.parse(localStorage.getItem('peerlet.volume')).muted")).isEqualTo(true);
        driver.findElement(By.tagName("body")).sendKeys("m");
        js("const v = document.querySelector('video'); v.currentTime = 1.5;");
        wait.until(d -> js("return document.querySelector('video').readyState >= 2").equals(true));
        shot("watch");
    }

    @Test
    void shareLinkOpensTheSameVideo() {
        loginAsAdmin();
        open("/w/" + shortUuid);
        String link = driver.findElement(By.id("share-link")).getAttribute("value");
        assertThat(link).isEqualTo(base + "/w/" + shortUuid);
        open("/");
        driver.get(link);
        waitReady();
        assertThat(h1()).isEqualTo(TITLE);
        assertThat(driver.getCurrentUrl()).isEqualTo(link);
        assertThat(js("return document.querySelector('video') !== null")).isEqualTo(true);
    }

    @Test
    void editsTheTitleInMyVideos() {
        loginAsAdmin();
        String uuid = toRename.get("uuid").asText();
        // An expired access token is traded for a new one with the refresh token, unseen.
        js("const s = JSON.parse(localStorage.getItem('peerlet.session')); s.accessToken = 'expired'; localStorage.setItem('peerlet.session', JSON.stringify(s))");
        driver.navigate().refresh();
        waitReady();
        go("/my-videos");
        assertThat(js("return JSON.parse(localStorage.getItem('peerlet.session')).accessToken")).isNotEqualTo("expired");
        WebElement row = driver.findElement(By.cssSelector("li[data-uuid='" + uuid + "']"));
        row.findElement(By.cssSelector("button.edit")).click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-uuid='" + uuid + "'] input")));
        name.clear();
        name.sendKeys("Renamed clip");
        new Select(row.findElement(By.cssSelector("select"))).selectByVisibleText("Unlisted");
        row.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li[data-uuid='" + uuid + "'] h2"), "Renamed clip"));
        assertThat(driver.findElement(By.cssSelector("li[data-uuid='" + uuid + "']")).getText()).contains("Unlisted");
        JsonNode v = server.api().get("/api/v1/videos/" + uuid, adminToken).json();
        assertThat(v.get("name").asText()).isEqualTo("Renamed clip");
        assertThat(v.get("privacy").get("id").asInt()).isEqualTo(2);
        // A refused edit shows the API's detail.
        row = driver.findElement(By.cssSelector("li[data-uuid='" + uuid + "']"));
        row.findElement(By.cssSelector("button.edit")).click();
        name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-uuid='" + uuid + "'] input")));
        js("arguments[0].removeAttribute('minlength'); arguments[0].value = 'ab';", name);
        driver.findElement(By.cssSelector("li[data-uuid='" + uuid + "'] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li[data-uuid='" + uuid + "'] [role=alert]"),
                "name must be 3 to 120 characters"));
        driver.findElement(By.xpath("//li[@data-uuid='" + uuid + "']//button[text()='Cancel']")).click();
    }

    @Test
    void adminPageShowsSettingsUsersAndJobs() throws Exception {
        loginAsAdmin();
        go("/admin");
        assertThat(driver.findElement(By.id("instance-name")).getAttribute("value")).isNotBlank();
        WebElement name = driver.findElement(By.id("instance-name"));
        name.clear();
        name.sendKeys("Family videos");
        driver.findElement(By.id("signup")).click();
        driver.findElement(By.cssSelector("#instance-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#instance-form [role=status]"), "Settings saved."));
        assertThat(driver.findElement(By.id("brand")).getText()).isEqualTo("Family videos");
        JsonNode custom = server.api().get("/api/v1/config/custom", adminToken).json();
        assertThat(custom.get("instance").get("name").asText()).isEqualTo("Family videos");
        assertThat(custom.get("signup").get("enabled").asBoolean()).isTrue();

        driver.findElement(By.id("new-username")).sendKeys("grandma");
        driver.findElement(By.id("new-email")).sendKeys("grandma@example.org");
        driver.findElement(By.id("new-password")).sendKeys("long enough secret");
        driver.findElement(By.cssSelector("#user-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#user-form [role=status]"), "User grandma created."));
        assertThat(driver.findElement(By.cssSelector(".panel table")).getText()).contains("grandma", "admin");

        WebElement jobs = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jobs")));
        assertThat(jobs.getText()).contains("Done", "100 %");
        fullShot("admin");
    }

    @Test
    void phoneSizedHomeHasNoSidewaysScroll() throws Exception {
        loginAsAdmin();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            open("/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".grid .card")));
            assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(390);
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            shot("phone");
            open("/w/" + shortUuid);
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            shot("phone-watch");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void scriptInTitleAndDescriptionStaysText() {
        loginAsAdmin();
        String uuid = toScript.get("uuid").asText();
        String shortUuid = toScript.get("shortUUID").asText();
        var r = server.api().putJson("/api/v1/videos/" + uuid, adminToken,
                Map.of("name", XSS, "description", XSS + "\n<script>window.__xss=2</script>", "privacy", 1));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        for (String page : List.of("/w/" + shortUuid, "/", "/my-videos", "/search?q=img")) {
            open(page);
            try {
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("app"), XSS));
            } catch (RuntimeException e) {
                throw new AssertionError(page + " shows: " + driver.findElement(By.id("app")).getText(), e);
            }
            assertThat(js("return window.__xss")).as(page).isNull();
            assertThat(driver.findElements(By.cssSelector("main img[src='x'], main script"))).as(page).isEmpty();
        }
        open("/w/" + shortUuid);
        assertThat(h1()).isEqualTo(XSS);
        assertThat(driver.findElement(By.cssSelector(".description")).getText()).contains("<script>window.__xss=2</script>");
        assertThat(js("return window.__xss")).isNull();
    }

    @Test
    void deletesIt() {
        loginAsAdmin();
        String uuid = toDelete.get("uuid").asText();
        String shortUuid = toDelete.get("shortUUID").asText();
        go("/my-videos");
        WebElement row = driver.findElement(By.cssSelector("li[data-uuid='" + uuid + "']"));
        row.findElement(By.cssSelector("button.delete")).click();
        WebElement yes = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li[data-uuid='" + uuid + "'] .confirm-yes")));
        new Actions(driver).moveToElement(yes).click().perform();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li[data-uuid='" + uuid + "']"), 0));
        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText()).startsWith("Deleted");
        assertThat(server.api().get("/api/v1/videos/" + uuid, adminToken).status()).isEqualTo(404);
        open("/w/" + shortUuid);
        assertThat(driver.findElement(By.cssSelector("main [role=alert]")).getText()).contains("does not exist or was removed");
    }
}

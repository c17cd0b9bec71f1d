package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test class shares: one server and one Chromium for the class (set in its
 * {@code @BeforeAll}), opening pages and waiting until the app has rendered them, screenshots.
 * Each test starts signed out with nothing stored in the browser, so none depends on another's.
 */
abstract class BrowserPages {
    static final Path SHOTS = Path.of("target", "screenshots");

    static TestServer server;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static Path work;
    static String base;

    /** Starts this class's server and work folder; returns the admin's access token. */
    static String startServer(String workName) throws java.io.IOException {
        return startServer(workName, Map.of(), java.time.Clock.systemUTC());
    }

    /** The same, the server reading the time from {@code clock} (a test's {@link org.peerlet.testing.MutableClock}). */
    static String startServer(String workName, java.time.Clock clock) throws java.io.IOException {
        return startServer(workName, Map.of(), clock);
    }

    /** The same, with extra settings as {@code PEERLET_*} variables. */
    static String startServer(String workName, Map<String, String> env) throws java.io.IOException {
        return startServer(workName, env, java.time.Clock.systemUTC());
    }

    static String startServer(String workName, Map<String, String> env, java.time.Clock clock) throws java.io.IOException {
        server = TestServer.start(env, clock);
        base = server.baseUrl();
        work = Files.createTempDirectory(workName);
        Files.createDirectories(SHOTS);
        return server.api().adminToken();
    }

    /** Starts this class's Chromium, with its own window size or language. */
    static void startBrowser(String... chromeArgs) {
        startBrowser(false, chromeArgs);
    }

    /** With {@code networkLog}, the page's requests are kept for the test (see {@link Chromium#driver(Path, boolean, String...)}). */
    static void startBrowser(boolean networkLog, String... chromeArgs) {
        driver = Chromium.driver(work.resolve("profile"), networkLog, chromeArgs);
        wait = waitUpTo(Duration.ofSeconds(30));
    }

    /** Polls often: the default half second between looks adds up over hundreds of waits. */
    static WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(25));
    }

    /** Forgets what an earlier test left in the browser: its session, language, volume, settings. */
    @BeforeEach
    void startSignedOutWithNothingStored() {
        if (driver == null) return;
        driver.get("about:blank");
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
    }

    /** Uploads a video as {@code token} with these form fields (name, privacy, ...) into their channel: its id. */
    static long upload(String token, Map<String, Object> fields, Path clip) {
        Uploads uploads = new Uploads(server.api());
        Map<String, Object> all = new HashMap<>(fields);
        all.put("channelId", uploads.channelId(token));
        Api.Res r = uploads.multipart(token, all, clip, "clip.mp4");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("video").get("id").asLong();
    }

    /** The video's JSON once it is published. */
    static JsonNode published(String token, long id) {
        return new Uploads(server.api()).awaitPublished(token, id);
    }

    /** A video uploaded as in {@link #upload}, once published. */
    static JsonNode publishedVideo(String token, Map<String, Object> fields, Path clip) {
        return published(token, upload(token, fields, clip));
    }

    /** Every page a test visited ran under the instance's policy without the browser refusing anything. */
    @AfterEach
    void keptToTheContentSecurityPolicy() {
        if (driver != null) assertThat(Chromium.cspViolations(driver)).as("CSP violations in the browser log").isEmpty();
    }

    @AfterAll
    static void closeBrowserAndServer() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (work != null) TestFiles.deleteRecursively(work);
        driver = null;
        server = null;
        work = null;
    }

    /** Logs in through the login form, as a person would. */
    static void login(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "(" + username + ")"));
        waitReady();
    }

    /** Clicks an element in the middle of the window, clear of the sticky header. */
    static void press(org.openqa.selenium.WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void open(String path) {
        driver.get(base + path);
        waitReady();
    }

    /** The app marks the root element once a page has rendered; on a timeout the page and log are printed. */
    static void waitReady() {
        try {
            wait.until(d -> Boolean.TRUE.equals(js("return !!document.documentElement.dataset.page"
                    + " && !document.getElementById('app')?.hasAttribute('aria-busy')")));
        } catch (RuntimeException e) {
            System.out.println("PAGE NOT READY at " + driver.getCurrentUrl() + "\n" + driver.getPageSource());
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).forEach(System.out::println);
            throw e;
        }
    }

    static void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page, not only what the window shows. */
    static void fullShot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        long width = ((Number) js("return document.documentElement.clientWidth")).longValue();
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        Map<String, Object> r = driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(SHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) r.get("data")));
    }
}

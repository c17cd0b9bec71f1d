package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.Api;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.MutableClock;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a phone and PeerTube's clients see of the web app: the PeerTube marks clients detect, a
 * robots.txt, a manifest Chromium finds installable, and the share target: a video shared from
 * the phone's gallery waits for its owner's confirm on the upload page, then is published; another
 * site cannot leave one, and an unclaimed one is dropped after an hour.
 */
class PhonesInstallTheAppAndShareVideosIntoIt extends BrowserPages {
    static final MutableClock CLOCK = MutableClock.startingNow();
    static String admin;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of(), CLOCK);
        base = server.baseUrl();
        work = Files.createTempDirectory("phone-share");
        admin = server.api().adminToken();
        clip = TestClips.h264Aac(work.resolve("garden_party.mp4"), 320, 240, 1.0, 15);
        startBrowser("--window-size=420,860", "--lang=en-US");
    }

    @Test
    void clientsRecogniseAPeerTubeInstanceAndRobotsGetText() {
        Api api = server.api();
        assertThat(api.get("/api/v1/config").header("X-Powered-By")).isEqualTo("PeerTube");
        Api.Res page = api.send(api.request("/login", null).header("Accept", "text/html").GET());
        assertThat(page.header("X-Powered-By")).isEqualTo("PeerTube");
        assertThat(page.text()).contains("<meta property=\"og:platform\" content=\"PeerTube\">");
        Api.Res robots = api.get("/robots.txt");
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.header("Content-Type")).startsWith("text/plain");
        // PeerTube's default: every robot may read everything (private videos are refused to them anyway).
        assertThat(robots.text()).isEqualTo("User-agent: *\nDisallow:\n");
    }

    @Test
    void theManifestNamesTheInstanceAndChromiumCanInstallIt() throws Exception {
        Api api = server.api();
        api.putJson("/api/v1/config/custom", admin, Map.of("instance", Map.of("name", "Grandma's garden videos")));
        Api.Res res = api.get("/manifest.webmanifest");
        assertThat(res.header("Content-Type")).startsWith("application/manifest+json");
        JsonNode m = res.json();
        assertThat(m.get("name").asText()).isEqualTo("Grandma's garden videos");
        assertThat(m.get("short_name").asText()).isEqualTo("Grandma's g…");
        assertThat(m.get("display").asText()).isEqualTo("standalone");
        assertThat(m.get("start_url").asText()).isEqualTo("/");
        for (JsonNode icon : m.get("icons")) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(api.get(icon.get("src").asText()).bytes()));
            assertThat(png.getWidth() + "x" + png.getHeight()).isEqualTo(icon.get("sizes").asText());
        }
        assertThat(Api.names(m.get("icons"), "sizes")).containsExactly("192x192", "512x512");
        JsonNode share = m.get("share_target");
        assertThat(share.get("method").asText()).isEqualTo("POST");
        assertThat(share.get("enctype").asText()).isEqualTo("multipart/form-data");
        assertThat(share.get("params").get("files").get(0).get("accept").get(0).asText()).isEqualTo("video/*");

        open("/");
        Map<String, Object> manifest = driver.executeCdpCommand("Page.getAppManifest", Map.of());
        assertThat(manifest.get("url")).isEqualTo(base + "/manifest.webmanifest");
        assertThat((List<?>) manifest.get("errors")).isEmpty();
        Map<String, Object> installable = driver.executeCdpCommand("Page.getInstallabilityErrors", Map.of());
        assertThat((List<?>) installable.get("installabilityErrors")).isEmpty();
    }

    @Test
    void aSharedVideoWaitsForItsOwnersConfirmThenIsPublished() throws Exception {
        open("/about");
        // What the phone's share menu does: a POST of the file to the manifest's action, in the app's window.
        js("""
                const f = document.createElement('form');
                f.method = 'post'; f.action = '/upload/shared'; f.enctype = 'multipart/form-data';
                f.innerHTML = '<input type="file" name="video" id="share-file"><input name="name" value="Garden party">';
                document.body.append(f);""");
        driver.findElement(By.id("share-file")).sendKeys(clip.toAbsolutePath().toString());
        js("document.querySelector('#share-file').form.submit()");
        // Not signed in: the login comes first, and leads back to the kept file.
        wait.until(d -> d.getCurrentUrl().contains("/login?next="));
        waitReady();
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD, Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("/upload?shared="));
        waitReady();
        assertThat(driver.findElement(By.id("shared-file")).getText()).contains("garden_party.mp4");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Garden party");
        // Nothing is published before the confirm.
        assertThat(myVideos().get("total").asInt()).isZero();
        String token = driver.getCurrentUrl().replaceFirst(".*shared=", "");

        driver.findElement(By.id("upload-submit")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("watch-link")));
        JsonNode mine = myVideos();
        assertThat(mine.get("total").asInt()).isEqualTo(1);
        assertThat(mine.get("data").get(0).get("name").asText()).isEqualTo("Garden party");
        // The share is used up: its token leads nowhere now, and no file of it is left waiting.
        assertThat(server.api().get("/api/v1/shared-uploads/" + token, admin).status()).isEqualTo(404);
        assertThat(waitingFiles()).isEmpty();
    }

    @Test
    void anotherSiteCannotLeaveAVideoAndUnclaimedOnesAreDroppedWithinTheHour() throws Exception {
        byte[] video = Files.readAllBytes(clip);
        for (String site : new String[]{"cross-site", "same-site"}) {
            assertThat(share(site, "video/mp4", video).status()).as(site).isEqualTo(403);
        }
        assertThat(share("none", "text/html", "<script>".getBytes()).status()).isEqualTo(415);
        assertThat(waitingFiles()).isEmpty();

        Api.Res kept = share("none", "video/mp4", video);
        assertThat(kept.status()).isEqualTo(303);
        String token = kept.header("Location").replaceFirst(".*shared=", "");
        assertThat(server.api().get("/api/v1/shared-uploads/" + token, null).status()).isEqualTo(401);
        JsonNode waiting = server.api().get("/api/v1/shared-uploads/" + token, admin).json();
        assertThat(waiting.get("size").asLong()).isEqualTo(video.length);
        assertThat(waitingFiles()).hasSize(1);

        CLOCK.advance(Duration.ofMinutes(61));
        admin = server.api().adminToken(); // a fresh session: the old one may have aged out too
        assertThat(server.api().get("/api/v1/shared-uploads/" + token, admin).status()).isEqualTo(404);
        assertThat(waitingFiles()).isEmpty();
    }

    /** Each language's strings are a file of their own, and a page fetches only the one in use. */
    @Test
    void onlyTheLanguageInUseIsFetched() {
        open("/about");
        assertThat(stringFilesFetched()).containsExactly("/js/i18n/en.js");
        js("localStorage.setItem('peerlet.lang', 'fr')");
        try {
            open("/about");
            assertThat(stringFilesFetched()).containsExactly("/js/i18n/fr.js");
            assertThat(driver.findElement(By.cssSelector("main h1")).getText()).startsWith("À propos");
        } finally {
            js("localStorage.removeItem('peerlet.lang')");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringFilesFetched() {
        return (List<String>) js("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"
                + ".filter(p => p.startsWith('/js/i18n/'))");
    }

    /** A share as a browser posts it, saying where the form came from (Sec-Fetch-Site). */
    private static Api.Res share(String fetchSite, String type, byte[] content) {
        Multipart form = new Multipart().field("name", "From elsewhere").file("video", "clip.mp4", type, content);
        Api api = server.api();
        return api.send(api.request("/upload/shared", null).header("Sec-Fetch-Site", fetchSite)
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    private static JsonNode myVideos() {
        return server.api().get("/api/v1/users/me/videos", admin).json();
    }

    private static List<Path> waitingFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.list(server.dataDir().resolve("uploads"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(".shared-")).toList();
        }
    }
}

package org.peerlet.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing in a real Chromium: the embed player plays inside an iframe of another site (a tiny
 * page served here on another port), other pages refuse to be framed, Markdown with script in
 * it stays inert, the French switch speaks French, and sign-up shows the rules.
 */
class SharingBrowserTest extends BrowserPages {
    static final String DESCRIPTION = """
            A **bold** word and [a link](https://example.org/page).

            <script>window.__xss = 1</script>
            <img src=x onerror="window.__xss = 2">

            [click me](javascript:window.__xss=3) and ![pixel](https://tracker.example/p.png)
            """;

    static HttpServer otherSite;
    static String admin;
    static String uuid;
    static String shortUuid;
    static String secretUuid;
    /** The one whose thumbnail a test changes. */
    static String picturedUuid;

    @BeforeAll
    static void start() throws Exception {
        admin = startServer("sharing-browser");
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 3.0, 15);
        long id = upload(admin, Map.of("name", "Shared clip", "privacy", 1, "description", DESCRIPTION), clip);
        long secret = upload(admin, Map.of("name", "Secret clip", "privacy", 3, "description", "hidden"), clip);
        long pictured = upload(admin, Map.of("name", "Clip to picture", "privacy", 2), clip);
        var v = published(admin, id);
        uuid = v.get("uuid").asText();
        shortUuid = v.get("shortUUID").asText();
        secretUuid = published(admin, secret).get("uuid").asText();
        picturedUuid = published(admin, pictured).get("uuid").asText();

        // Someone else's site, on another origin, that embeds the video and tries to frame a normal page.
        otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherSite.createContext("/", ex -> {
            String page = "<!doctype html><html><body><h1>My blog</h1>"
                    + "<iframe id=\"player\" src=\"" + base + "/videos/embed/" + uuid + "?autoplay=1&muted=1\" width=\"560\" height=\"315\""
                    + " allow=\"autoplay; fullscreen\" allowfullscreen></iframe>"
                    + "<iframe id=\"page\" src=\"" + base + "/w/" + shortUuid + "\" width=\"300\" height=\"200\"></iframe>"
                    + "</body></html>";
            byte[] b = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        otherSite.start();

        startBrowser("--window-size=1280,900", "--lang=en-US");
    }

    @AfterAll
    static void stopOtherSite() {
        if (otherSite != null) otherSite.stop(0);
    }

    @Test
    void embedPlaysInAnotherSitesIframeAndOtherPagesRefuseFraming() throws Exception {
        driver.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
        driver.switchTo().frame(driver.findElement(By.id("player")));
        try {
            wait.until(d ->
                    ((Number) js("const v = document.querySelector('video'); return v ? v.currentTime : 0")).doubleValue() > 0.8);
            assertThat(js("return document.documentElement.dataset.page")).isEqualTo("ready");
            // Light mode: no site header, the player fills the frame.
            assertThat(driver.findElements(By.cssSelector("header, .site-header, nav"))).isEmpty();
            assertThat(((Number) js("return document.querySelector('video').getBoundingClientRect().width")).intValue()).isEqualTo(560);
            assertThat(((Number) js("return document.querySelector('video').getBoundingClientRect().height")).intValue()).isEqualTo(315);
            assertThat(js("return document.querySelector('video').muted")).isEqualTo(true);
            WebElement title = driver.findElement(By.cssSelector(".embed-title"));
            assertThat(title.getAttribute("href")).endsWith("/w/" + shortUuid);
            assertThat(title.getAttribute("target")).isEqualTo("_blank");
        } finally {
            driver.switchTo().defaultContent();
        }
        js("document.getElementById('page').scrollIntoView()");
        shot("embed");
        // The normal watch page, framed by a stranger, is blocked by the browser (X-Frame-Options, CSP).
        driver.switchTo().frame(driver.findElement(By.id("page")));
        try {
            assertThat(driver.findElements(By.id("app"))).isEmpty();
        } finally {
            driver.switchTo().defaultContent();
        }
        // ...by its policy's frame-ancestors: the one refusal this test provokes, so the guard after it sees none.
        assertThat(Chromium.cspViolations(driver)).isNotEmpty().allMatch(m -> m.contains("frame-ancestors 'self'"));
        // A private video's embed shows nothing of it.
        driver.get(base + "/videos/embed/" + secretUuid);
        assertThat(driver.getPageSource()).doesNotContain("Secret clip").contains("not available");
    }

    @Test
    void markdownDescriptionIsRenderedAndInert() {
        open("/w/" + shortUuid);
        WebElement d = driver.findElement(By.cssSelector(".description"));
        assertThat(d.findElement(By.tagName("strong")).getText()).isEqualTo("bold");
        WebElement link = d.findElement(By.linkText("a link"));
        assertThat(link.getAttribute("href")).isEqualTo("https://example.org/page");
        assertThat(link.getAttribute("rel")).isEqualTo("noopener nofollow ugc");
        assertThat(d.getText()).contains("<script>window.__xss = 1</script>").contains("<img src=x onerror=");
        assertThat(d.findElements(By.cssSelector("script, img, iframe, [onerror]"))).isEmpty();
        assertThat(d.findElements(By.xpath(".//a[starts-with(translate(@href,'JAVSCRIPT','javscript'),'javascript')]"))).isEmpty();
        // The "javascript:" link is plain text now: clicking it does nothing.
        assertThat(d.findElements(By.linkText("click me"))).isEmpty();
        // The image became a link to it; nothing was loaded from the tracker.
        assertThat(d.findElement(By.linkText("pixel")).getAttribute("href")).isEqualTo("https://tracker.example/p.png");
        assertThat(js("return window.__xss")).isNull();
        assertThat(driver.findElement(By.id("embed-code")).getAttribute("value"))
                .startsWith("<iframe src=\"" + base + "/videos/embed/" + uuid + "\"");
    }

    @Test
    void frenchSwitchSpeaksFrenchAndIsRemembered() throws Exception {
        open("/");
        assertThat(driver.findElement(By.id("nav")).getText()).contains("Home");
        @SuppressWarnings("unchecked")
        List<String> missing = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; Promise.all([import('/js/i18n/en.js'), import('/js/i18n/fr.js')])"
                        + ".then(([en, fr]) => done(Object.keys(en.default).filter(k => !(k in fr.default))));");
        assertThat(missing).as("strings with no French").isEmpty();

        new Select(driver.findElement(By.id("language"))).selectByValue("fr");
        wait.until(d -> "fr".equals(js("return document.documentElement.lang")));
        wait.until(d -> Boolean.TRUE.equals(js("return document.documentElement.dataset.page === 'ready'")));
        assertThat(driver.findElement(By.id("nav")).getText()).contains("Accueil", "À propos", "Se connecter");
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Découvrir");
        assertThat(driver.findElement(By.id("search-input")).getAttribute("placeholder")).isEqualTo("Rechercher");

        open("/w/" + shortUuid);
        assertThat(driver.findElement(By.cssSelector(".watch-meta")).getText()).contains("Publique", "Publiée");
        assertThat(driver.findElement(By.cssSelector("label[for=share-link]")).getText()).isEqualTo("Lien de partage");
        // Dates are written by Intl in French.
        String title = driver.findElement(By.cssSelector(".watch-meta time")).getAttribute("title");
        String month = (String) js("return new Intl.DateTimeFormat('fr', {month: 'long'}).format(new Date())");
        assertThat(title).contains(month);
        wait.until(d -> js("const v = document.querySelector('video'); return v && v.readyState >= 2").equals(true));
        js("document.querySelector('video').pause(); document.querySelector('.share-more').open = true");
        fullShot("watch-fr");

        // Back to English, and that is remembered too.
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        wait.until(d -> "en".equals(js("return document.documentElement.lang")));
        open("/");
        assertThat(driver.findElement(By.id("nav")).getText()).contains("Home");

        // With no choice made, a browser set to French gets French.
        js("localStorage.removeItem('peerlet.lang')");
        driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of(
                "userAgent", (String) js("return navigator.userAgent"), "acceptLanguage", "fr-FR,fr"));
        try {
            open("/about");
            assertThat(js("return navigator.language")).isEqualTo("fr-FR");
            assertThat(js("return document.documentElement.lang")).isEqualTo("fr");
            assertThat(driver.findElement(By.cssSelector("main h1")).getText()).startsWith("À propos de");
        } finally {
            driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of(
                    "userAgent", (String) js("return navigator.userAgent"), "acceptLanguage", "en-US,en"));
            js("localStorage.setItem('peerlet.lang', 'en')");
        }
    }

    @Test
    void signUpShowsTheRulesOrSaysItIsClosed() throws Exception {
        Api.Res closed = server.api().putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("enabled", false)));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        open("/signup");
        assertThat(driver.findElement(By.id("signup-closed")).getText()).contains("closed");
        assertThat(driver.findElements(By.id("signup-form"))).isEmpty();

        // Without rules there is nothing to accept: no rules region, no box to tick.
        server.api().putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("enabled", true)));
        open("/signup");
        driver.findElement(By.id("signup-form"));
        assertThat(driver.findElements(By.id("rules"))).isEmpty();
        assertThat(driver.findElements(By.id("accept"))).isEmpty();

        Api.Res r = server.api().putJson("/api/v1/config/custom", admin, Map.of(
                "instance", Map.of("terms", "Be kind.\nNo ads."), "signup", Map.of("enabled", true)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        open("/signup");
        assertThat(driver.findElement(By.id("rules")).getText()).isEqualTo("Be kind.\nNo ads.");
        driver.findElement(By.id("signup-username")).sendKeys("lea");
        driver.findElement(By.id("signup-email")).sendKeys("lea@example.org");
        driver.findElement(By.id("signup-password")).sendKeys("lea-secret-1");
        shot("signup");
        driver.findElement(By.cssSelector("#signup-form button[type=submit]")).click();
        // The rules must be accepted first: the browser stops the form.
        assertThat(js("return document.getElementById('accept').validity.valueMissing")).isEqualTo(true);
        driver.findElement(By.id("accept")).click();
        driver.findElement(By.cssSelector("#signup-form button[type=submit]")).click();
        // So must the minimum age the admin set.
        assertThat(js("return document.getElementById('age').validity.valueMissing")).isEqualTo(true);
        driver.findElement(By.id("age")).click();
        driver.findElement(By.cssSelector("#signup-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "lea"));
        assertThat(server.api().login("lea", "lea-secret-1").status()).isEqualTo(200);
    }

    @Test
    void thumbnailIsChangedFromTheEditForm() throws Exception {
        login("admin", TestServer.ADMIN_PASSWORD);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(640, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(20, 200, 40));
        g.fillRect(0, 0, 640, 360);
        g.dispose();
        Path png = work.resolve("thumb.png");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        open("/my-videos");
        String row = "li[data-uuid='" + picturedUuid + "']";
        driver.findElement(By.cssSelector(row + " button.edit")).click();
        WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row + " input[type=file]")));
        file.sendKeys(png.toAbsolutePath().toString());
        driver.findElement(By.cssSelector(row + " button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main [role=status]"), "Saved."));
        wait.until(d -> js("const i = document.querySelector(arguments[0] + ' img'); return i.complete && i.naturalWidth > 0", row).equals(true));
        var thumb = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                server.api().get("/lazy-static/thumbnails/" + picturedUuid + ".jpg").bytes()));
        int rgb = thumb.getRGB(thumb.getWidth() / 2, thumb.getHeight() / 2);
        assertThat((rgb >> 8) & 0xff).isGreaterThan(150);
        assertThat((rgb >> 16) & 0xff).isLessThan(80);
        shot("my-videos-thumbnail");
    }
}

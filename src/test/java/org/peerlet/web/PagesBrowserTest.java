package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rest of the web front end in a real Chromium: the home page's sections, the account
 * settings page (profile, password, channels), and the admin's user editing. Each test makes
 * the users it changes.
 */
class PagesBrowserTest extends BrowserPages {
    static final String TITLE = "Garden tour";
    static final long MB = 1024L * 1024;
    static final long GB = 1024 * MB;

    static String admin;

    @BeforeAll
    static void start() throws Exception {
        admin = startServer("pages-browser");
        Path clip = TestClips.h264Aac(work.resolve("clip.mp4"), 320, 180, 2.0, 15);
        publishedVideo(admin, Map.of("name", TITLE, "privacy", 1), clip);
        startBrowser("--window-size=1280,900", "--lang=en-US");
    }

    static void logout() {
        driver.findElement(By.cssSelector("#nav button.link-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "Log in"));
    }

    static void type(By by, String text) {
        WebElement e = driver.findElement(by);
        e.clear();
        e.sendKeys(text);
    }

    static void awaitStatus(String section, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(section + " [role=status]"), text));
    }

    @Test
    void homeShowsTrendingAndLocalSections() throws Exception {
        open("/");
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Discover");
        for (String s : new String[] {"recent", "trending", "local"}) {
            WebElement section = driver.findElement(By.id("section-" + s));
            assertThat(section.findElement(By.tagName("h2")).getText()).isNotBlank();
            assertThat(section.findElement(By.cssSelector(".card")).getText()).contains(TITLE);
        }
        assertThat(driver.findElement(By.cssSelector("#section-trending h2")).getText()).isEqualTo("Trending");
        assertThat(driver.findElement(By.cssSelector("#section-local h2")).getText()).isEqualTo("On this instance");
        // Not logged in: no "from channels you follow". Each row leads to its whole list.
        assertThat(driver.findElements(By.id("section-subscriptions"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#section-trending .see-more")).getAttribute("href")).endsWith("/videos/trending");
        wait.until(d -> js("return [...document.querySelectorAll('.card img')].every(i => i.complete && i.naturalWidth > 0)").equals(true));
        fullShot("home-sections");
        // The full lists have their own pages, which a reload finds too.
        open("/videos/trending");
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Trending");
        assertThat(driver.findElement(By.id("video-list")).getText()).contains(TITLE);
        // A channel page leads to its owner's account page: their channels and their videos.
        open("/c/root_channel");
        driver.findElement(By.cssSelector(".channel-header a")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/a/admin"));
        waitReady();
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("admin");
        assertThat(driver.findElement(By.cssSelector(".account-channels")).getText()).contains("Main root channel");
        assertThat(driver.findElement(By.cssSelector("main .grid")).getText()).contains(TITLE);
        for (String page : new String[] {"/settings", "/videos/recently-added", "/videos/local", "/videos/subscriptions",
                "/a/admin"}) {
            Api.Res r = server.api().get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.header("Content-Type")).as(page).startsWith("text/html");
        }
    }

    @Test
    void settingsChangeProfileCreateChannelAndPassword() throws Exception {
        server.api().createUser(admin, "nina", "nina-secret-1");
        login("nina", "nina-secret-1");
        open("/settings");
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Settings");
        type(By.id("settings-display-name"), "Nina Martin");
        type(By.id("settings-description"), "Gardens & bees");
        driver.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
        awaitStatus("#profile", "Saved.");
        String token = server.api().token("nina", "nina-secret-1");
        JsonNode me = server.api().get("/api/v1/users/me", token).json();
        assertThat(me.get("account").get("displayName").asText()).isEqualTo("Nina Martin");
        assertThat(me.get("account").get("description").asText()).isEqualTo("Gardens & bees");

        // A channel.
        type(By.id("channel-name"), "nina_garden");
        type(By.id("channel-display-name"), "Nina's garden");
        driver.findElement(By.cssSelector("#channel-form button[type=submit]")).click();
        awaitStatus("#channels", "created");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channel-list li[data-channel=nina_garden]")));
        assertThat(server.api().get("/api/v1/video-channels/nina_garden").json().get("displayName").asText()).isEqualTo("Nina's garden");

        // A wrong current password gives the API's reason.
        type(By.id("settings-current-password"), "not-it");
        type(By.id("settings-new-password"), "nina-secret-2");
        type(By.id("settings-new-password-again"), "nina-secret-2");
        driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#password [role=alert]"), "currentPassword is wrong"));
        type(By.id("settings-current-password"), "nina-secret-1");
        driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        awaitStatus("#password", "Your password was changed.");
        // A subscription that cannot be made says why, in the API's words.
        type(By.id("subscribe-handle"), "nobody@127.0.0.1:1");
        driver.findElement(By.cssSelector("#subscribe-form button[type=submit]")).click();
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#subscriptions [role=alert]")));
        assertThat(alert.getText()).startsWith("Something went wrong: ").contains("internal address");
        fullShot("settings");
        // On a phone the page does not scroll sideways.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        logout();
        login("nina", "nina-secret-2");
        assertThat(server.api().login("nina", "nina-secret-1").status()).isNotEqualTo(200);
        open("/settings");
        assertThat(driver.findElement(By.id("settings-display-name")).getAttribute("value")).isEqualTo("Nina Martin");
        // Logged in: the home page may show "from channels you follow" (empty here, so hidden).
        open("/");
        assertThat(driver.findElements(By.id("section-subscriptions"))).isEmpty();
        logout();
    }

    @Test
    void adminEditsAUsersRoleAndQuotas() throws Exception {
        Api api = server.api();
        long olgaId = api.get("/api/v1/users/me", api.createUser(admin, "olga", "olga-secret-1")).json().get("id").asLong();
        login("admin", TestServer.ADMIN_PASSWORD);
        open("/admin");
        String row = "#users tr[data-user=olga]";
        driver.findElement(By.cssSelector(row + " button.edit-user")).click();
        String p = "#edit-" + olgaId;
        new Select(driver.findElement(By.cssSelector(p + "-role"))).selectByValue("1");
        type(By.cssSelector(p + "-quota"), "2");
        new Select(driver.findElement(By.cssSelector(p + "-quota-unit"))).selectByValue(String.valueOf(GB));
        type(By.cssSelector(p + "-quota-daily"), "500");
        new Select(driver.findElement(By.cssSelector(p + "-quota-daily-unit"))).selectByValue(String.valueOf(MB));
        driver.findElement(By.cssSelector(row + " button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[aria-labelledby=users-title] [role=status]"), "User olga saved."));
        JsonNode u = server.api().get("/api/v1/users/" + olgaId, admin).json();
        assertThat(u.get("role").get("id").asInt()).isEqualTo(1);
        assertThat(u.get("videoQuota").asLong()).isEqualTo(2 * GB);
        assertThat(u.get("videoQuotaDaily").asLong()).isEqualTo(500 * MB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(row + " .user-quota"), "2 GB"));
        assertThat(driver.findElement(By.cssSelector(row + " .user-role")).getText()).isEqualTo("Moderator");
        assertThat(driver.findElement(By.cssSelector(row + " .user-quota-daily")).getText()).isEqualTo("500 MB");
        // The transcoding ladder is shown, read-only; federation lists are there.
        assertThat(driver.findElement(By.id("transcoding")).getText()).contains("p", "PEERLET_TRANSCODING_RESOLUTIONS");
        assertThat(driver.findElements(By.cssSelector("#transcoding input, #transcoding select"))).isEmpty();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("following-list"), "follows no other instance"));
        fullShot("admin-users");

        // Removing a user asks first.
        server.api().createUser(admin, "tmp_user", "tmp-secret-1");
        open("/admin");
        String tmp = "#users tr[data-user=tmp_user]";
        driver.findElement(By.cssSelector(tmp + " button.remove-user")).click();
        assertThat(driver.findElement(By.cssSelector(tmp + " .confirm")).getText()).contains("Remove tmp_user");
        assertThat(js("return document.activeElement.textContent")).isEqualTo("Cancel");
        driver.findElement(By.cssSelector(tmp + " button.confirm-remove")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[aria-labelledby=users-title] [role=status]"), "User tmp_user removed."));
        assertThat(driver.findElements(By.cssSelector(tmp))).isEmpty();
        assertThat(server.api().login("tmp_user", "tmp-secret-1").status()).isNotEqualTo(200);
    }
}

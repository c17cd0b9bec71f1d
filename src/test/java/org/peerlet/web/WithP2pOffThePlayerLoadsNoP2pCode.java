package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance with P2P off: the watch page plays from the server and never loads the P2P bundle.
 * The same page then checks p2p.js's pure parts as a unit test would: which tracker a local or a
 * remote video announces to, and the SHA-256 segment validator.
 */
class WithP2pOffThePlayerLoadsNoP2pCode {
    static TestServer server;
    static Path work;
    static Chromium browser;
    static JsonNode video;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("PEERLET_P2P_ENABLED", "false"));
        work = Files.createTempDirectory("p2p-off-test");
        String admin = server.api().adminToken();
        Uploads uploads = new Uploads(server.api());
        long id = uploads.upload(admin, "No P2P", 1, TestClips.h264Aac(work.resolve("c.mp4"), 320, 180, 4, 24));
        video = uploads.awaitPublished(admin, id);
        browser = new Chromium(work.resolve("profile"), Chromium.ownAddressesOnly(), Chromium.PLAYBACK_MONITOR);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
        if (work != null) TestFiles.deleteRecursively(work);
    }

    @AfterEach
    void keptToTheContentSecurityPolicy() {
        assertThat(Chromium.cspViolations(browser.driver)).as("CSP violations").isEmpty();
    }

    @Test
    void playsFromTheServerWithoutTheP2pBundle() {
        assertThat(server.api().get("/api/v1/config").json().get("tracker").get("enabled").asBoolean()).isFalse();
        browser.driver.get(server.baseUrl() + "/w/" + video.get("shortUUID").asText());
        browser.until(Duration.ofSeconds(20), "plays", () -> browser.number("document.querySelector('video') ? document.querySelector('video').currentTime : 0") > 1.5);

        assertThat(browser.js("return window.__p2pStats.enabled")).isEqualTo(false);
        assertThat(browser.js("return window.__p2pStats.reason")).isEqualTo("instance");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.js("return performance.getEntriesByType('resource').map((e) => e.name)");
        assertThat(loaded).anyMatch(u -> u.endsWith("/vendor/hls.light.min.js"));
        assertThat(loaded).noneMatch(u -> u.contains("p2p-media-loader"));
        assertThat(loaded).noneMatch(u -> u.contains("/tracker/socket"));
        assertThat(browser.driver.findElement(By.cssSelector(".p2p-bar")).isDisplayed()).as("no P2P switch").isFalse();
        // The tracker saw nobody.
        JsonNode stats = server.api().get("/api/v1/admin/tracker/stats", server.api().adminToken()).json();
        assertThat(stats.get("sockets").asInt()).isZero();
        assertThat(stats.get("refusals").get("p2p_disabled").asLong()).isZero();
    }

    @Test
    void aLocalVideoAnnouncesToThePagesOwnTrackerAndARemoteOneToItsOwn() {
        browser.driver.get(server.baseUrl() + "/about");
        Object r = browser.asyncJs("""
                const done = arguments[arguments.length - 1];
                import('/js/p2p.js').then((m) => done([
                  m.trackerFor({ isLocal: true, trackerUrls: ['ws://peerlet.example/tracker/socket'] }, { protocol: 'http:', host: '192.168.1.5:9000' }),
                  m.trackerFor({ isLocal: true, trackerUrls: ['ws://peerlet.example/tracker/socket'] }, { protocol: 'https:', host: 'peerlet.example' }),
                  m.trackerFor({ isLocal: false, trackerUrls: ['wss://remote.example/tracker/socket'] }, { protocol: 'https:', host: 'peerlet.example' }),
                  m.trackerFor({ isLocal: false, trackerUrls: ['ws://remote.example/tracker/socket'] }, { protocol: 'https:', host: 'peerlet.example' }),
                  m.trackerFor({ isLocal: false, trackerUrls: ['ws://remote.example/tracker/socket'] }, { protocol: 'http:', host: 'peerlet.example' }),
                  m.trackerFor({ isLocal: false, trackerUrls: ['https://remote.example/announce'] }, { protocol: 'http:', host: 'peerlet.example' }),
                  m.trackerFor({ isLocal: true, trackerUrls: [] }, { protocol: 'http:', host: 'peerlet.example' }),
                ]), (e) => done(String(e)));
                """);
        assertThat(r).isEqualTo(java.util.Arrays.asList("ws://192.168.1.5:9000/tracker/socket", "wss://peerlet.example/tracker/socket",
                "wss://remote.example/tracker/socket", null, "ws://remote.example/tracker/socket", null, null));
    }

    @Test
    void theValidatorRefusesAPeersSegmentWhoseSha256DoesNotMatch() {
        browser.driver.get(server.baseUrl() + "/about");
        Object r = browser.asyncJs("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const m = await import('/js/p2p.js');
                  const data = new TextEncoder().encode('segment bytes').buffer;
                  const digest = await crypto.subtle.digest('SHA-256', data);
                  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
                  const stats = { segmentsRejected: 0, events: [] };
                  let fetches = 0;
                  const validate = m.segmentValidator('/x/sha256.json', stats, async () => { fetches++; return { '720-3.m4s': hex }; });
                  const outcome = (p) => p.then(() => 'ok', (e) => 'refused');
                  const tampered = new Uint8Array(data.slice(0)); tampered[0] ^= 1;
                  done([
                    await outcome(validate({ url: 'http://h/static/720-3.m4s', data }, 'p2p', 'peer')),
                    await outcome(validate({ url: 'http://h/static/720-3.m4s', data: tampered.buffer }, 'p2p', 'peer')),
                    await outcome(validate({ url: 'http://h/static/720-9.m4s', data }, 'p2p', 'peer')),
                    await outcome(validate({ url: 'http://h/static/720-3.m4s', data: tampered.buffer }, 'http')),
                    stats.segmentsRejected, fetches,
                  ]);
                })().catch((e) => done(String(e)));
                """);
        // Matching: accepted; tampered or unknown from a peer: refused; the server's own: trusted. One fetch of the list.
        assertThat(r).isEqualTo(List.of("ok", "refused", "refused", "ok", 2L, 1L));
    }

    @Test
    void theViewersChoiceAndTheirAccountsSettingTurnItOff() {
        browser.driver.get(server.baseUrl() + "/about");
        String probe = """
                const done = arguments[arguments.length - 1];
                import('/js/p2p.js').then((m) => done(m.viewerWants()), (e) => done(String(e)));
                """;
        browser.js("localStorage.clear()");
        browser.driver.navigate().refresh();
        assertThat(browser.asyncJs(probe)).as("nobody chose: on").isEqualTo(true);
        browser.js("localStorage.setItem('peerlet.p2p', 'off')");
        browser.driver.navigate().refresh();
        assertThat(browser.asyncJs(probe)).as("turned off on this device").isEqualTo(false);
        // A logged-in person whose account says p2pEnabled: false.
        var api = server.api();
        String token = api.createUser(api.adminToken(), "quiet", "quiet-password-123");
        assertThat(api.putJson("/api/v1/users/me", token, Map.of("p2pEnabled", false)).status()).isEqualTo(204);
        JsonNode tokens = api.login("quiet", "quiet-password-123").json();
        JsonNode me = api.get("/api/v1/users/me", token).json();
        assertThat(me.get("p2pEnabled").asBoolean()).isFalse();
        browser.js("localStorage.clear(); localStorage.setItem('peerlet.session', JSON.stringify({accessToken: arguments[0], "
                + "refreshToken: arguments[1], user: JSON.parse(arguments[2])}))",
                tokens.get("access_token").asText(), tokens.get("refresh_token").asText(), me.toString());
        browser.driver.navigate().refresh();
        assertThat(browser.asyncJs(probe)).as("off in their account").isEqualTo(false);
        browser.js("localStorage.clear()");
    }
}

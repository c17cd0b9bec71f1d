package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.peerlet.testing.MachineShare;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;
import org.peerlet.tracker.InfoHashes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three real browsers watch one public video through the instance's own tracker. The first one
 * gets everything from the server; the second, a few seconds behind, gets segments from peers
 * and never stalls; the third receives corrupted data from its peers, refuses it (SHA-256) and
 * plays it all from the server. Then the second viewer turns P2P off for themselves.
 * (The admin page's tracker figures are checked apart, in {@link TheAdminPageShowsTheTrackersFigures},
 * so that this class, which runs alone, stays short.)
 * Figures come from the loader's own events (window.__p2pStats), and the tracker's stats.
 */
@MachineShare.Alone // it asserts playback without a stall: no other class's transcodes or browsers meanwhile
class ViewersShareSegmentsPeerToPeer {
    static final double SECONDS = 12;

    /** What a dishonest or broken peer sends: every binary message (segment data) has a byte flipped. */
    static final String CORRUPT_INCOMING_PEER_DATA = """
            (() => {
              window.__corrupted = 0;
              const d = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage');
              Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
                configurable: true,
                get() { return d.get.call(this); },
                set(fn) {
                  d.set.call(this, fn && ((e) => {
                    const data = e.data;
                    if (data instanceof ArrayBuffer && data.byteLength > 16) {
                      const b = new Uint8Array(data);
                      if (!(b[0] === 123 && b[1] === 34)) {
                        const copy = b.slice();
                        copy[copy.length >> 1] ^= 0xff;
                        window.__corrupted++;
                        return fn.call(this, { data: copy.buffer });
                      }
                    }
                    return fn.call(this, e);
                  }));
                },
              });
            })();
            """;

    static TestServer server;
    static Path work;
    static String admin;
    static JsonNode video;
    static final List<Chromium> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        work = Files.createTempDirectory("p2p-browser-test");
        admin = server.api().adminToken();
        Uploads uploads = new Uploads(server.api());
        Path clip = TestClips.h264Aac(work.resolve("p2p.mp4"), 320, 180, SECONDS, 24);
        long id = uploads.upload(admin, "Shared clip", 1, clip);
        video = uploads.awaitPublished(admin, id);
    }

    @AfterAll
    static void stop() {
        browsers.forEach(Chromium::close);
        if (server != null) server.close();
        if (work != null) TestFiles.deleteRecursively(work);
    }

    /** Each test's browsers kept to the policy; they close with it, so the next test's swarm is its own. */
    @AfterEach
    void viewersKeptToTheContentSecurityPolicy() {
        try {
            for (Chromium c : browsers) assertThat(Chromium.cspViolations(c.driver)).as("CSP violations").isEmpty();
        } finally {
            browsers.forEach(Chromium::close);
            browsers.clear();
        }
    }

    static Chromium viewer(String name, String... scripts) {
        List<String> all = new ArrayList<>(List.of(Chromium.ownAddressesOnly(), Chromium.PLAYBACK_MONITOR));
        all.addAll(List.of(scripts));
        Chromium c = new Chromium(work.resolve(name), all.toArray(String[]::new));
        browsers.add(c);
        c.driver.get(server.baseUrl() + "/w/" + video.get("shortUUID").asText());
        return c;
    }

    JsonNode tracker() {
        return server.api().get("/api/v1/admin/tracker/stats", admin).json();
    }

    static String stats(Chromium c) {
        return String.valueOf(c.js("return JSON.stringify({...window.__p2pStats, events: undefined})"));
    }

    @Test
    void aLaterViewerGetsSegmentsFromPeersWithoutStallingAndCorruptSegmentsFallBackToTheServer() throws Exception {
        int rungs = video.get("streamingPlaylists").get(0).get("files").size();
        assertThat(rungs).as("one rung, so one swarm").isEqualTo(1);
        String master = video.get("streamingPlaylists").get(0).get("playlistUrl").asText();
        assertThat(server.app().knownSwarms().isAdmitted(InfoHashes.forPlaylist(master, 0))).isTrue();

        Chromium first = viewer("first");
        first.until(Duration.ofSeconds(20), "the first viewer plays with P2P on",
                () -> first.number("window.__p2pStats && window.__p2pStats.enabled ? document.querySelector('video').currentTime : 0") >= 4);

        Chromium second = viewer("second");
        // Both announce through the page's own tracker, with the info-hash the server admitted.
        second.until(Duration.ofSeconds(20), "the tracker counts two peers in one swarm", () -> {
            JsonNode t = tracker();
            return t.get("swarms").asInt() == 1 && t.get("peers").asInt() == 2;
        });
        JsonNode t = tracker();
        assertThat(t.get("refusals").get("unknown_info_hash").asLong()).as("no announce for a hash the server does not know").isZero();
        assertThat(t.get("announcesLastMinute").asLong()).isGreaterThanOrEqualTo(2);

        Chromium third = viewer("third", CORRUPT_INCOMING_PEER_DATA);

        Duration playTime = Duration.ofSeconds((long) SECONDS + 20);
        second.until(playTime, "the second viewer plays to the end", () -> Boolean.TRUE.equals(second.js("return window.__playback.ended")));
        // A deadline, not a measure: how smoothly a viewer plays is asserted of the second one below.
        third.until(playTime, "the third viewer plays to the end", () -> Boolean.TRUE.equals(third.js("return window.__playback.ended")));

        System.out.println("first viewer:  " + stats(first));
        System.out.println("second viewer: " + stats(second));
        System.out.println("third viewer:  " + stats(third) + " corrupted messages " + third.js("return window.__corrupted"));
        System.out.println("second playback: " + second.js("return JSON.stringify(window.__playback)"));
        System.out.println("tracker: " + tracker());
        shot(second, "watch-p2p");
        System.out.println("events: " + second.js("return JSON.stringify(window.__p2pStats.events)"));

        double fromPeers = second.number("window.__p2pStats.bytesFromPeers");
        double fromServer = second.number("window.__p2pStats.bytesFromHttp");
        assertThat(fromPeers).as("bytes the second viewer got from peers").isGreaterThan(0);
        assertThat(second.number("window.__p2pStats.segmentsFromPeers")).isGreaterThan(0);
        assertThat(second.number("window.__p2pStats.segmentsRejected")).isZero();
        assertThat(second.number("window.__playback.stalls")).as("waiting after playback started").isZero();
        assertThat(second.number("window.__playback.maxGapMs")).as("currentTime keeps advancing").isLessThan(1500);
        assertThat(first.number("window.__p2pStats.bytesUploaded")).as("the first viewer sent segments").isGreaterThan(0);
        // What the page shows is what the loader counted.
        String shown = second.driver.findElement(By.id("p2p-stats")).getText();
        assertThat(shown).contains("from peers", "from the server");
        assertThat(second.js("return document.getElementById('p2p-stats').dataset.fromPeers")).isEqualTo(String.valueOf((long) fromPeers));
        assertThat(fromServer).isGreaterThan(0);

        // The third viewer refused what its peers sent and took every segment from the server.
        assertThat(third.number("window.__corrupted")).as("corrupted messages").isGreaterThan(0);
        assertThat(third.number("window.__p2pStats.segmentsRejected")).isGreaterThan(0);
        assertThat(third.number("window.__p2pStats.bytesFromPeers")).isZero();
        assertThat(third.number("window.__p2pStats.segmentsFromHttp")).isGreaterThanOrEqualTo(Math.ceil(SECONDS / 2));

        // The second viewer turns P2P off: remembered here, and the player goes on without it.
        second.js("const v = document.querySelector('video'); v.currentTime = 2; v.play();");
        second.driver.findElement(By.id("p2p-toggle")).click();
        second.until(Duration.ofSeconds(10), "P2P off and playing again", () -> Boolean.TRUE.equals(second.js(
                "return window.__p2pStats.reason === 'viewer' && document.querySelector('video').currentTime > 3")));
        assertThat(second.js("return localStorage.getItem('peerlet.p2p')")).isEqualTo("off");
        assertThat(second.driver.findElement(By.id("p2p-stats")).getText()).contains("Off");
        shot(second, "watch-p2p-off");
    }

    static void shot(Chromium c, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(c.driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

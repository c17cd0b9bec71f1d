package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One viewer in a swarm, and the admin page shows the tracker's figures as its stats API gives them. */
class TheAdminPageShowsTheTrackersFigures {
    static TestServer server;
    static Path work;
    static JsonNode video;
    static final List<Chromium> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        work = Files.createTempDirectory("tracker-figures-test");
        Uploads uploads = new Uploads(server.api());
        long id = uploads.upload(server.api().adminToken(), "Watched clip", 1,
                TestClips.h264Aac(work.resolve("c.mp4"), 320, 180, 6, 24));
        video = uploads.awaitPublished(server.api().adminToken(), id);
    }

    @AfterAll
    static void stop() {
        browsers.forEach(Chromium::close);
        if (server != null) server.close();
        if (work != null) TestFiles.deleteRecursively(work);
    }

    JsonNode tracker() {
        return server.api().get("/api/v1/admin/tracker/stats", server.api().adminToken()).json();
    }

    Chromium browser(String name, String... scripts) {
        Chromium c = new Chromium(work.resolve(name), scripts);
        browsers.add(c);
        return c;
    }

    @Test
    void withOneViewer() throws Exception {
        Chromium viewer = browser("viewer", Chromium.ownAddressesOnly());
        viewer.driver.get(server.baseUrl() + "/w/" + video.get("shortUUID").asText());
        viewer.until(Duration.ofSeconds(20), "the tracker counts the viewer", () -> tracker().get("peers").asInt() == 1);

        Chromium admin = browser("admin");
        admin.driver.get(server.baseUrl() + "/about");
        JsonNode tokens = server.api().login("admin", TestServer.ADMIN_PASSWORD).json();
        JsonNode me = server.api().get("/api/v1/users/me", tokens.get("access_token").asText()).json();
        admin.js("localStorage.setItem('peerlet.session', arguments[0])", JsonMapper.builder().build()
                .writeValueAsString(Map.of("accessToken", tokens.get("access_token").asText(),
                        "refreshToken", tokens.get("refresh_token").asText(), "user", me)));
        admin.driver.get(server.baseUrl() + "/admin");
        admin.until(Duration.ofSeconds(10), "tracker figures", () -> !admin.driver.findElements(By.id("tracker-refusals")).isEmpty());
        String text = admin.driver.findElement(By.id("tracker-stats")).getText();
        JsonNode t = tracker();
        assertThat(t.get("swarms").asInt()).isEqualTo(1);
        assertThat(t.get("peers").asInt()).isEqualTo(1);
        assertThat(text).contains("Swarms\n1", "Peers\n1", "unknown_info_hash");
        assertThat(admin.driver.findElement(By.id("tracker-title")).getText()).isEqualTo("Peer-to-peer tracker");
        for (Chromium c : browsers) assertThat(Chromium.cspViolations(c.driver)).as("CSP violations").isEmpty();
        admin.js("document.getElementById('tracker-title').scrollIntoView()");
        ViewersShareSegmentsPeerToPeer.shot(admin, "admin-tracker");
    }
}
